import Foundation
import NNEvents
import Yams

extension StudyConfig {
    /// The config as YAML (written beside a report: it reproduces the report). Built as a node
    /// tree and emitted by Yams, so that every name, label and path reads back as the same
    /// string, whatever it holds (quotes, newlines, tabs, `#`, `: `, a leading `-`, `/`, or a
    /// word YAML would read as something else: `yes`, `null`, `1e3`).
    public var yaml: String {
        let header = "# nnviz study config: `nnviz train-and-report --config config.yaml` reproduces this report.\n"
        do {
            return header + (try Yams.serialize(node: node, width: -1, allowUnicode: true))
        } catch {
            // libyaml's emitter refuses only text that is not UTF-8, which a Swift string never is.
            return header + "# the config could not be written: \(error)\n"
        }
    }

    /// The config as YAML nodes, keys in the order of ``ConfigSchema``'s tables; run options
    /// only when they differ from their defaults.
    var node: Node {
        var top: [(String, Node)] = [("name", Self.text(name)), ("seed", Self.plain(seed)), ("quick", Self.plain(quick)),
                                     ("studies", Self.list(studies.map { Self.text($0.id) }))]
        if language != .english { top.append(("language", Self.text(language.code))) }
        if repeats > 1 { top.append(("repeats", Self.plain(repeats))) }
        if let v = settings.steps { top.append(("steps", Self.plain(v))) }
        if let v = settings.epochs { top.append(("epochs", Self.plain(v))) }
        if let v = settings.batchSize { top.append(("batch_size", Self.plain(v))) }
        if let v = settings.learningRate { top.append(("learning_rate", Self.plain(v))) }
        if let v = settings.hidden { top.append(("hidden", Self.list(v.map(Self.plain)))) }
        if let images, let labels { top.append(("data", Self.mapping([("images", Self.text(images)), ("labels", Self.text(labels))]))) }
        if let first = runs.first {
            top.append(("record", Self.mapping([("stats_every", Self.plain(first.plan.statsEvery)),
                                                ("histograms_every", Self.plain(first.plan.histogramsEvery))])))
            top.append(("runs", .sequence(.init(runs.map { Self.mapping(runFields($0)) }, .implicit, .block))))
        }
        return Self.mapping(top)
    }

    /// The keys of one run.
    func runFields(_ r: RunSpec) -> [(String, Node)] {
        let name = Self.shortName(r)
        var s: [(String, Node)] = [("name", Self.text(name)), ("hidden", Self.list(r.hidden.map(Self.plain))),
                                   ("activation", Self.plain("\(r.activation)")), ("initializer", Self.plain("\(r.initializer)")),
                                   ("optimizer", Self.plain(r.optimizer.rawValue)), ("learning_rate", Self.plain(r.learningRate))]
        if r.epochs == nil { s.append(("steps", Self.plain(r.steps))) }
        s.append(("batch_size", Self.plain(r.batchSize)))
        if r.label != name { s.append(("label", Self.text(r.label))) }
        if r.seed != seed { s.append(("seed", Self.plain(r.seed))) }
        if r.batchNorm { s.append(("batch_norm", Self.plain(true))) }
        if r.dropout > 0 { s.append(("dropout", Self.plain(r.dropout))) }
        if r.weightDecay > 0 { s.append(("weight_decay", Self.plain(r.weightDecay))) }
        if r.batchNormMomentum != 0.99 { s.append(("batch_norm_momentum", Self.plain(r.batchNormMomentum))) }
        if r.batchNormEpsilon != 1e-3 { s.append(("batch_norm_epsilon", Self.plain(r.batchNormEpsilon))) }
        if r.data != .mnist { s.append(("dataset", Self.plain(r.data.rawValue))) }
        if r.loss != .crossEntropy { s.append(("loss", Self.plain(r.loss.rawValue))) }
        if let v = r.trainSamples { s.append(("train_samples", Self.plain(v))) }
        if let v = r.validationSamples { s.append(("validation_samples", Self.plain(v))) }
        if let v = r.trainEvaluationSamples { s.append(("train_eval_samples", Self.plain(v))) }
        if let v = r.epochs { s.append(("epochs", Self.plain(v))) }
        if r.shuffle { s.append(("shuffle", Self.plain(true))) }
        if let es = r.earlyStopping {
            s.append(("early_stopping", Self.mapping([("monitor", Self.plain(es.monitor)), ("patience", Self.plain(es.patience)),
                                                      ("min_delta", Self.plain(es.minDelta)),
                                                      ("restore_best_weights", Self.plain(es.restoreBestWeights))])))
        }
        return s
    }

    /// A run's name as its config gives it: without the `<study>/` the reader put before it (a
    /// name may hold `/` itself). Compared by UTF-8 bytes, so that a name starting with a
    /// combining mark (which joins the `/` into one character) is cut at the same place.
    static func shortName(_ r: RunSpec) -> String {
        let prefix = Array((r.study + "/").utf8)
        let bytes = Array(r.name.utf8)
        guard bytes.starts(with: prefix) else { return r.name }
        return String(decoding: bytes.dropFirst(prefix.count), as: UTF8.self)
    }

    /// A string the user chose: plain when YAML reads it back as the same string, else quoted
    /// (Yams quotes what its resolver would read as a bool, null, number or date; a word a
    /// YAML 1.2 reader would take for a number, such as `1e3`, is quoted too).
    static func text(_ s: String) -> Node {
        let scalar = s.represented()
        if scalar.style == .any && (Double(s) != nil || Int(s) != nil) {
            return .scalar(.init(s, Tag(.str), .doubleQuoted))
        }
        return .scalar(scalar)
    }

    /// A number, flag or keyword as it prints (`0.05`, `true`, `he_book`).
    static func plain(_ v: some CustomStringConvertible) -> Node { .scalar(.init(v.description, .implicit, .plain)) }

    /// A list on one line: `[8, 4]`.
    static func list(_ items: [Node]) -> Node { .sequence(.init(items, .implicit, .flow)) }

    /// A block mapping with keys in the order given.
    static func mapping(_ pairs: [(String, Node)]) -> Node {
        .mapping(.init(pairs.map { (Node.scalar(.init($0.0)), $0.1) }, .implicit, .block))
    }
}
