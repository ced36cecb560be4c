import CFuzzDriver
import Foundation
import NNEngine

/// libFuzzer entry point: an IDX file's bytes, raw or gzip, through `IDXArray.decode` (header,
/// dimensions, payload, zlib) and then into `Dataset.idx` as images (paired with zero labels) or
/// as labels (paired with 1x1 images), as `--images`/`--labels` read them. The size limit is
/// lowered to 16 MiB so that the fuzzer's memory stays small; the checks are the same. It must
/// return or throw, never trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let limit = 16 << 20
    guard let array = try? IDXArray.decode(Data(bytes: start, count: count), file: "fuzz-idx", limit: limit) else { return 0 }
    let n = array.dimensions.first ?? 0
    guard n <= limit else { return 0 }
    if array.dimensions.count == 3 {
        let labels = IDXArray(dimensions: [n], values: [], bytes: [UInt8](repeating: 0, count: n))
        _ = try? Dataset<Float>.idx(images: array, imagesFile: "fuzz-images", labels: labels, labelsFile: "fuzz-labels")
    } else {
        let images = IDXArray(dimensions: [n, 1, 1], values: [], bytes: [UInt8](repeating: 0, count: n))
        _ = try? Dataset<Float>.idx(images: images, imagesFile: "fuzz-images", labels: array, labelsFile: "fuzz-labels")
    }
    return 0
}

/// SwiftPM's `main` for this executable: libFuzzer's driver on `fuzzIDX`.
@_cdecl("FuzzIDX_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc, argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzIDX)
}
