import Foundation
import NNEvents
import NNPlot
import NNReport
import NNStudies
import NNTestSupport
import XCTest

/// `--lang ko` and a config's `language: ko` give the Korean report; Korean names and labels
/// from a config reach the figures intact while file names stay ASCII and stable.
final class LanguageOptionTests: XCTestCase {
    func exe() throws -> BuiltExecutable { try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests") }

    func testReportInKoreanAndUnknownLanguages() throws {
        let dir = TemporaryDirectory.make("nnviz-ko")
        defer { try? FileManager.default.removeItem(at: dir) }
        let events = try FileManager.default.contentsOfDirectory(atPath: Fixtures.url("events").path).filter { $0.hasPrefix("vanishing") }
            .map { Fixtures.url("events/\($0)").path }
        let r = try exe().run(["report"] + events + ["--out", dir.path, "--quiet", "--formats", "png", "--lang", "ko"])
        XCTAssertEqual(r.status, 0, r.err)
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        for expected in ["<html lang=\"ko\">", "<h2>기울기 소실: 시그모이드와 ReLU 비교</h2>", "<h3>이 실행에서 측정한 것</h3>", "<h2>실행 정보</h2>",
                         "<th>언어</th><td>한국어 (ko)</td>", "감지되지 않음"] {
            XCTAssertTrue(html.contains(expected), expected)
        }
        let bad = try exe().run(["report"] + events + ["--out", dir.path, "--lang", "fr"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.err.contains("--lang: unknown language 'fr' (en, ko)"), bad.err)
    }

    func testKoreanConfigNamesReachFiguresAndFilesStayASCII() throws {
        let work = TemporaryDirectory.make("nnviz-ko-config")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try """
        name: 한국어 실험
        language: ko
        seed: 3
        steps: 20
        batch_size: 32
        hidden: [16, 16]
        runs:
          - name: 시그모이드 망
            activation: sigmoid
            initializer: xavier_book
            label: "시그모이드 + Xavier (σ′ ≤ 0.25)"
          - name: relu
            label: "ReLU + He: 기준"
        """.write(to: work.appendingPathComponent("ko.yaml"), atomically: true, encoding: .utf8)
        let r = try exe().run(["train-and-report", "--config", "ko.yaml", "--quiet", "--formats", "png"], in: work)
        XCTAssertEqual(r.status, 0, r.err)
        let reports = try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("reports").path)
        XCTAssertEqual(reports, [Slug.make("한국어 실험")], "the default folder is ASCII-safe")
        let dir = work.appendingPathComponent("reports/\(reports[0])")
        for folder in ["data", "figures"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path) {
                XCTAssertTrue(name.unicodeScalars.allSatisfy(\.isASCII), "\(folder)/\(name) is ASCII")
            }
        }
        let html = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"ko\">") && html.contains("<h2>실험: 한국어 실험</h2>"))
        let config = try String(contentsOf: dir.appendingPathComponent("config.yaml"), encoding: .utf8)
        XCTAssertTrue(config.contains("name: 한국어 실험\n") && config.contains("language: ko\n"), config)
        XCTAssertEqual(try StudyConfig.parse(config, file: "config.yaml").runs.map(\.label), ["시그모이드 + Xavier (σ′ ≤ 0.25)", "ReLU + He: 기준"])
        // The labels are in the figures, every character drawn with a glyph.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("data").path).filter { $0.hasSuffix(".jsonl") }
        let (store, _) = try EventStore.read(paths: files.map { dir.appendingPathComponent("data/\($0)").path })
        XCTAssertEqual(Set(store.runs.map(\.name)), ["한국어 실험/시그모이드 망", "한국어 실험/relu"])
        let figures = try StudyRegistry.sections(store, language: .korean).flatMap(\.figures)
        let texts = try figures.flatMap { try $0.figure.layout().compactMap(\.text) }
        XCTAssertTrue(texts.contains("시그모이드 + Xavier (σ′ ≤ 0.25)") && texts.contains("ReLU + He: 기준"), "\(texts)")
        for f in figures { XCTAssertEqual(try f.figure.renderChecked(.png(dpi: 36)).unknownGlyphs, 0, f.name) }
    }
}
