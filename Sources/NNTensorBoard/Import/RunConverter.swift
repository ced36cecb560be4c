import Foundation
import NNEvents

/// Turns the TensorBoard events of one run (all its parts) into nnviz events, counting what nnviz does not draw.
final class RunConverter {
    /// The most warnings about single values kept per run; the rest are counted.
    static let maximumValueWarnings = 20
    let name: String
    private(set) var scalars: [ScalarEvent] = []
    private(set) var stats: [LayerStats] = []
    private(set) var histograms: [Histogram] = []
    private(set) var settings: HParamSettings?
    /// Skipped kinds (`image`, `text`, `graph`, ...) with how many values and their first three tags.
    private(set) var skipped: [String: (count: Int, tags: [String])] = [:]
    private(set) var warnings: [String] = []
    private var dropped = 0
    private var pluginOfTag: [String: String] = [:]
    private var layerIndex: [String: Int] = [:]

    init(name: String) { self.name = name }

    /// Adds one decoded `Event` of the part `split`, read from `file` at byte `offset`.
    func add(_ event: Tensorboard_Event, split: RunSplit, file: String, offset: Int) {
        switch event.what {
        case .summary(let s):
            // nnviz event files hold integers below 9e15 (a step beyond could not be written and read back).
            guard Double(event.step).magnitude < HistogramBins.maximumCount else {
                return warn("\(file): byte offset \(offset): run '\(name)', step \(event.step) beyond the limit of 9e15; "
                            + "\(s.value.count) values skipped")
            }
            for v in s.value { add(v, step: Int(event.step), split: split, at: (file, offset)) }
        case .graphDef, .metaGraphDef: skip("graph", nil)
        case .taggedRunMetadata(let m): skip("run metadata", m.tag)
        case .logMessage, .sessionLog: skip("session log", nil)
        case .fileVersion, .none: break
        }
    }

    private func add(_ v: Tensorboard_Summary.Value, step: Int, split: RunSplit, at: (file: String, offset: Int)) {
        let key = "\(split.rawValue)/\(v.tag)"
        if !v.metadata.pluginData.pluginName.isEmpty { pluginOfTag[key] = v.metadata.pluginData.pluginName }
        let plugin = pluginOfTag[key] ?? ""
        do {
            switch v.value {
            case _ where plugin == "hparams":
                try hparams(v.metadata.pluginData.content)
            case .simpleValue(let x):
                scalar(v.tag, step: step, split: split, value: Double(x))
            case .histo(let h):
                try histogramV1(h, tag: v.tag, step: step, split: split)
            case .tensor(let t) where plugin == "scalars":
                let tensor = try TensorValues(t)
                guard tensor.values.count == 1 else { throw TensorProblem.shape("a scalar summary of \(tensor.values.count) values") }
                scalar(v.tag, step: step, split: split, value: tensor.values[0])
            case .tensor(let t) where plugin == "histograms":
                let tensor = try TensorValues(t)
                let bins = try HistogramBins.v2(rows: tensor.values, shape: tensor.shape)
                histogram(bins, tag: v.tag, step: step, split: split)
            case .tensor: skip(plugin.isEmpty ? "tensor without a plugin" : "plugin '\(plugin)'", v.tag)
            case .image: skip("image", v.tag)
            case .audio: skip("audio", v.tag)
            case .obsoleteOldStyleHistogram: skip("old-style histogram", v.tag)
            case .none: skip(plugin.isEmpty ? "empty value" : "plugin '\(plugin)'", v.tag)
            }
        } catch HistogramProblem.empty {
            skip("empty histogram", v.tag)
        } catch {
            warn("\(at.file): byte offset \(at.offset): run '\(name)', tag '\(v.tag)', step \(step): \(error); value skipped")
        }
    }

    private func scalar(_ tag: String, step: Int, split: RunSplit, value: Double) {
        let (n, perEpoch) = TagNames.scalar(tag, split: split)
        scalars.append(ScalarEvent(run: name, name: n, step: step, epoch: perEpoch ? step : nil, value: value))
    }

    private func histogramV1(_ h: Tensorboard_HistogramProto, tag: String, step: Int, split: RunSplit) throws {
        let bins = try HistogramBins.v1(min: h.min, max: h.max, limits: h.bucketLimit, counts: h.bucket)
        histogram(bins, tag: tag, step: step, split: split)
        // The summary's own moments are exact (taken over the values, not the buckets): they give the layer's
        // statistics. TensorBoard does not record zeros, NaN or infinities: those fields stay 0.
        guard h.num >= 1, h.num.rounded() < HistogramBins.maximumCount, [h.min, h.max, h.sum, h.sumSquares].allSatisfy(\.isFinite) else { return }
        let mean = h.sum / h.num, variance = Swift.max(0, h.sumSquares / h.num - mean * mean)
        let layer = TagNames.layer(tag, split: split)
        stats.append(LayerStats(run: name, step: step, layer: layer, index: index(layer), quantity: TagNames.quantity(tag),
                                count: Int(h.num.rounded()), mean: mean, std: variance.squareRoot(), min: h.min, max: h.max,
                                l2: Swift.max(0, h.sumSquares).squareRoot()))
    }

    private func histogram(_ bins: HistogramBins, tag: String, step: Int, split: RunSplit) {
        let layer = TagNames.layer(tag, split: split)
        histograms.append(Histogram(run: name, step: step, layer: layer, index: index(layer), quantity: TagNames.quantity(tag),
                                    edges: bins.edges, counts: bins.counts))
    }

    private func hparams(_ content: Data) throws {
        guard !content.isEmpty, let s = try HParamSettings.parse(content) else { return }
        settings = s
    }

    private func index(_ layer: String) -> Int {
        if let k = layerIndex[layer] { return k }
        layerIndex[layer] = layerIndex.count
        return layerIndex.count - 1
    }

    func skip(_ kind: String, _ tag: String?) {
        var entry = skipped[kind] ?? (0, [])
        entry.count += 1
        if let tag, entry.tags.count < 3, !entry.tags.contains(tag) { entry.tags.append(tag) }
        skipped[kind] = entry
    }

    func warn(_ message: String) {
        if warnings.count < Self.maximumValueWarnings { warnings.append(message) } else { dropped += 1 }
    }

    /// The warnings, with a last line counting those left out.
    var allWarnings: [String] {
        warnings + (dropped > 0 ? ["run '\(name)': \(dropped) more values skipped for the same kinds of reasons"] : [])
    }

    /// The run's nnviz events: its `run_start` (settings from hparams) first, then scalars, statistics, histograms.
    func events(study: String) -> [Event] {
        let start = RunStart(run: name, study: study, seed: 0, layers: [], parameterCount: 0, optimizer: settings?.optimizer ?? "",
                             optimizerSettings: settings?.numbers ?? [:], loss: "", dataset: "", splits: [:], batchSize: 0,
                             producer: "TensorBoard event files, imported by nnviz \(NNVizVersion.string)", settings: settings?.text ?? [:])
        return [.runStart(start)] + scalars.map(Event.scalar) + stats.map(Event.layerStats) + histograms.map(Event.histogram)
    }
}
