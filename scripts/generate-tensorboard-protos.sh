#!/bin/sh
# Regenerates Sources/NNTensorBoard/Generated/*.pb.swift from TensorBoard's own .proto files, copied verbatim into
# Sources/NNTensorBoard/Proto/ from github.com/tensorflow/tensorboard at commit
# 70b76c922822dcccc3e8d7e5dd89860948690357 (tensorboard/compat/proto/* and tensorboard/plugins/hparams/*).
# CI does not run this: the generated files are checked in. Needs protoc (Debian: protobuf-compiler, 3.21.12 used) and
# protoc-gen-swift of apple/swift-protobuf 1.39.0, the version Package.swift uses, e.g.
#   git clone https://github.com/apple/swift-protobuf /tmp/swift-protobuf && cd /tmp/swift-protobuf
#   git checkout 1.39.0 && swift build -c release --product protoc-gen-swift
# then: PROTOC_GEN_SWIFT=/tmp/swift-protobuf/.build/release/protoc-gen-swift scripts/generate-tensorboard-protos.sh
set -eu
cd "$(dirname "$0")/.."
PLUGIN="${PROTOC_GEN_SWIFT:-/tmp/swift-protobuf/.build/release/protoc-gen-swift}"
PROTO=Sources/NNTensorBoard/Proto
OUT=Sources/NNTensorBoard/Generated
rm -rf "$OUT" && mkdir -p "$OUT"
# google/protobuf/struct.proto (hparams values) comes with protoc's include folder; its Swift type is in SwiftProtobuf.
protoc --plugin=protoc-gen-swift="$PLUGIN" -I "$PROTO" -I /usr/include \
  --swift_opt=Visibility=Internal --swift_opt=FileNaming=PathToUnderscores --swift_out="$OUT" \
  tensorboard/compat/proto/event.proto tensorboard/compat/proto/summary.proto tensorboard/compat/proto/histogram.proto \
  tensorboard/compat/proto/tensor.proto tensorboard/compat/proto/tensor_shape.proto tensorboard/compat/proto/types.proto \
  tensorboard/compat/proto/resource_handle.proto tensorboard/plugins/hparams/plugin_data.proto tensorboard/plugins/hparams/api.proto
