import Foundation

/// The nnviz model file: JSON describing the layers, their settings and every tensor.
///
/// ```json
/// {"format": "nnviz-model", "version": 1, "input_features": 784, "seed": 7,
///  "layers": [{"kind": "dense", "name": "dense_1", "inputs": 784, "outputs": 100,
///              "activation": "relu", "initializer": "he_book", "useBias": true,
///              "parameterCount": 78500,
///              "tensors": {"W": {"rows": 784, "cols": 100, "values": [...]}, "b": {...}}}]}
/// ```
/// Tensors are row-major; `W` is inputs x outputs. Batch-norm layers also store
/// `running_mean` and `running_variance`. Values are decimal numbers that read back exactly.
public struct ModelFile: Codable, Sendable {
    /// Always `nnviz-model`.
    public var format = "nnviz-model"
    /// The format version; readers refuse a newer one.
    public var version = 1
    /// Features of each input sample.
    public var inputFeatures: Int
    /// The model's seed.
    public var seed: UInt64
    /// The layers with their tensors.
    public var layers: [LayerRecord]

    enum CodingKeys: String, CodingKey {
        case format, version, inputFeatures = "input_features", seed, layers
    }
}

extension Sequential {
    /// The model as a model file value.
    public var modelFile: ModelFile {
        var records: [LayerRecord] = []
        for layer in layers {
            var r = layer.record
            var tensors: [String: TensorRecord] = [:]
            for p in layer.parameters { tensors[p.role] = TensorRecord(p.value) }
            if let bn = layer as? BatchNorm<Scalar> {
                tensors["running_mean"] = TensorRecord(bn.runningMean)
                tensors["running_variance"] = TensorRecord(bn.runningVariance)
            }
            r.tensors = tensors
            records.append(r)
        }
        return ModelFile(inputFeatures: inputFeatures, seed: seed, layers: records)
    }

    /// Writes the model file to `path` (through a temporary file and a rename).
    public func save(to path: String) throws(ModelError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do { data = try encoder.encode(modelFile) } catch { throw .write(path: path, reason: "\(error)") }
        try AtomicFile.write(data, to: path)
    }

    /// Reads a model written by `save(to:)`. The optimiser is not stored: compile again to train.
    public static func load(from path: String) throws(ModelError) -> Sequential {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .modelFile(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        let file: ModelFile
        do { file = try JSONDecoder().decode(ModelFile.self, from: data) } catch {
            throw .modelFile(path: path, reason: "not an nnviz model file: \(error)")
        }
        guard file.format == "nnviz-model" else { throw .modelFile(path: path, reason: "format is '\(file.format)', not 'nnviz-model'") }
        guard file.version <= 1 else {
            throw .modelFile(path: path, reason: "model file version \(file.version) is newer than this nnviz reads (1)")
        }
        var built: [any Layer<Scalar>] = []
        for r in file.layers {
            switch r.kind {
            case "dense":
                guard let a = Activation(name: r.activation ?? "identity") else {
                    throw .modelFile(path: path, reason: "layer \(r.name): unknown activation '\(r.activation ?? "")'")
                }
                built.append(Dense<Scalar>(r.outputs, activation: a, initializer: Initializer(name: r.initializer ?? "") ?? .zeros,
                                           useBias: r.useBias ?? true, name: r.name))
            case "activation":
                guard let a = Activation(name: r.activation ?? "") else {
                    throw .modelFile(path: path, reason: "layer \(r.name): unknown activation '\(r.activation ?? "")'")
                }
                built.append(Activate<Scalar>(a, name: r.name))
            case "batch_norm": built.append(BatchNorm<Scalar>(momentum: r.rate ?? 0.99, epsilon: r.epsilon ?? 1e-3, name: r.name))
            case "dropout": built.append(Dropout<Scalar>(rate: r.rate ?? 0, name: r.name))
            case "flatten": built.append(Flatten<Scalar>(name: r.name))
            default: throw .modelFile(path: path, reason: "layer \(r.name): unknown kind '\(r.kind)'")
            }
        }
        let model = try Sequential(inputFeatures: file.inputFeatures, seed: file.seed) { built }
        for (layer, r) in zip(model.layers, file.layers) {
            let tensors = r.tensors ?? [:]
            do {
                for p in layer.parameters {
                    guard let t = tensors[p.role] else { throw ModelError.modelFile(path: path, reason: "layer \(r.name): missing tensor '\(p.role)'") }
                    let m: Matrix<Scalar> = try t.matrix()
                    guard m.shape == p.value.shape else {
                        throw ModelError.modelFile(path: path, reason: "layer \(r.name) tensor \(p.role): shape \(m.shape), expected \(p.value.shape)")
                    }
                    p.value = m
                }
                if let bn = layer as? BatchNorm<Scalar>, let mean = tensors["running_mean"], let variance = tensors["running_variance"] {
                    bn.runningMean = try mean.matrix()
                    bn.runningVariance = try variance.matrix()
                }
            } catch let e as ModelError { throw e } catch { throw .modelFile(path: path, reason: "layer \(r.name): \(error)") }
        }
        return model
    }
}
