import Foundation
import NNPlot
import NNTestSupport
import XCTest

/// Every "what this run measured" sentence of a report, read back from the report's own data
/// files: each number it states is recomputed here from `data/*.csv` and the event files (read
/// with JSONSerialization, not nnviz's reader) and must appear in the sentence as the report
/// formats it. Run for the default report (seed 42, the book's settings) and for seed 7.
final class FindingsReadbackTests: XCTestCase {
    func testDefaultReport() throws { try check(["--seed", "42"]) }
    func testAnotherSeedQuick() throws { try check(["--seed", "7", "--quick"]) }

    func check(_ options: [String]) throws {
        let exe = try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests (`make test` does)")
        let dir = TemporaryDirectory.make("nnviz-findings")
        let studies = ["--study", "vanishing", "--study", "init", "--study", "optimizers"]   // the sections this test reads back
        let r = try exe.run(["train-and-report", "--out", dir.path, "--quiet", "--formats", "png"] + studies + options)
        XCTAssertEqual(r.status, 0, r.err)
        let report = try ReportFiles(dir)
        let vanishing = report.findings("vanishing"), initialization = report.findings("init"), optimizers = report.findings("optimizers")
        XCTAssertEqual(vanishing.count, 1)
        XCTAssertEqual(initialization.count, 3)
        XCTAssertGreaterThanOrEqual(optimizers.count, 2)
        try expect(vanishing, contain: vanishingNumbers(report))
        try expect(initialization, contain: initNumbers(report))
        try expect(optimizers, contain: optimizerNumbers(report))
    }

    func expect(_ sentences: [String], contain numbers: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let text = sentences.joined(separator: "\n")
        for n in numbers { XCTAssertTrue(text.contains(n), "'\(n)' not stated in:\n\(text)", file: file, line: line) }
    }

    static func two(_ v: Double) -> String { formatNumber(v, significant: 2) }
    static func three(_ v: Double) -> String { formatNumber(v, significant: 3) }

    /// First-layer over last-hidden-layer mean gradient norm, from the by-depth CSV.
    func vanishingNumbers(_ report: ReportFiles) throws -> [String] {
        let rows = try report.csv("vanishing_by_depth")
        func ratio(_ run: String) throws -> Double {
            let means = rows.filter { $0["run"] == run }.compactMap { Double($0["mean_grad_l2"] ?? "") }
            XCTAssertGreaterThan(means.count, 2)
            return means[0] / means[means.count - 2]
        }
        let sigmoid = try ratio("vanishing/sigmoid-xavier"), relu = try ratio("vanishing/relu-he")
        return [Self.two(sigmoid), Self.two(relu)] + (sigmoid < 1e-2 && relu >= 1e-2 ? [Self.two(relu / sigmoid)] : [])
    }

    /// Saturation and spreads of the histogram experiment; final losses and the first step below 1.0.
    func initNumbers(_ report: ReportFiles) throws -> [String] {
        let hist = try report.csv("init_histograms_sigmoid").filter { $0["init"] == "std=1" && $0["layer"] == "5" }.compactMap { Int($0["count"] ?? "") }
        let saturated = Double(hist[0] + hist[hist.count - 1]) / Double(hist.reduce(0, +))
        func std(_ act: String, _ ini: String, layer: Int) throws -> Double {
            let events = try report.events("init-histograms-\(act)-\(ini.replacingOccurrences(of: "=", with: "")).events.jsonl")
            let stats = events.first { $0["kind"] as? String == "layer_stats" && $0["layer"] as? String == "layer_\(layer)" }
            return try XCTUnwrap(stats?["std"] as? Double)
        }
        var out = [Self.three(saturated * 100), Self.two(try std("sigmoid", "std=0.01", layer: 5)), Self.two(try std("sigmoid", "xavier", layer: 5)),
                   Self.two(try std("tanh", "xavier", layer: 1)), Self.two(try std("tanh", "xavier", layer: 5)),
                   Self.two(try std("tanh", "std=0.01", layer: 5)), Self.two(try std("tanh", "std=1", layer: 5))]
        let loss = try report.csv("init_loss")
        let small = loss.filter { $0["run"] == "init/std=0.01" }, he = loss.filter { $0["run"] == "init/he" }
        out.append(Self.three(tailMean(small.compactMap { Double($0["batch_loss"] ?? "") })))
        out.append(Self.three(tailMean(he.compactMap { Double($0["batch_loss"] ?? "") })))
        if let below = he.first(where: { (Double($0["smoothed_0.9"] ?? "") ?? 9) < 1 }) { out.append("step \(below["step"] ?? "")") }
        return out
    }

    /// Path distances after 30 steps, loss spikes, and the best and worst final losses.
    func optimizerNumbers(_ report: ReportFiles) throws -> [String] {
        let paths = try report.csv("optimizer_paths")
        var distances: [(String, Double)] = []
        for name in Set(paths.compactMap { $0["optimizer"] }) {
            guard let last = paths.last(where: { $0["optimizer"] == name }), let x = Double(last["x"] ?? ""), let y = Double(last["y"] ?? "") else { continue }
            distances.append((name, (x * x + y * y).squareRoot()))
        }
        distances.sort { $0.1 < $1.1 }
        var out = [distances[0].0, Self.two(distances[0].1), distances[distances.count - 1].0, Self.two(distances[distances.count - 1].1)]
        let loss = try report.csv("optimizer_loss")
        var finals: [(String, Double)] = []
        for run in Set(loss.compactMap { $0["run"] }) {
            let rows = loss.filter { $0["run"] == run }
            let v = rows.compactMap { Double($0["batch_loss"] ?? "") }
            finals.append((String(run.split(separator: "/").last ?? ""), tailMean(v)))
            if let k = v.indices.max(by: { v[$0] < v[$1] }), v[k] > 2 * v[0] {
                out += [Self.three(v[k]), "step \(rows[k]["step"] ?? "")", Self.three(v[0])]
            }
        }
        finals.sort { $0.1 < $1.1 }
        return out + [finals[0].0, Self.three(finals[0].1), finals[finals.count - 1].0, Self.three(finals[finals.count - 1].1)]
    }

    func tailMean(_ v: [Double]) -> Double {
        let k = max(1, Int(Double(v.count) * 0.05))
        return v.suffix(k).reduce(0, +) / Double(k)
    }
}

/// A written report's page, CSVs and event files.
struct ReportFiles {
    let dir: URL
    let html: String

    init(_ dir: URL) throws {
        self.dir = dir
        html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
    }

    /// The findings paragraphs of a section, HTML entities decoded.
    func findings(_ section: String) -> [String] {
        guard let start = html.range(of: "<section id=\"\(section)\">"),
              let box = html.range(of: "<div class=\"findings\">", range: start.upperBound..<html.endIndex),
              let end = html.range(of: "</div>", range: box.upperBound..<html.endIndex) else { return [] }
        return html[box.upperBound..<end.lowerBound].components(separatedBy: "<p>").dropFirst().map {
            $0.replacingOccurrences(of: "</p>", with: "").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// A figure's CSV as rows keyed by the header (no quoted fields in these files).
    func csv(_ name: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: dir.appendingPathComponent("data/\(name).csv"), encoding: .utf8).split(separator: "\n")
        let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// An event file's lines as JSON objects.
    func events(_ file: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: dir.appendingPathComponent("data/\(file)"), encoding: .utf8)
        return try text.split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}
