import Foundation
import NNEvents
import NNTestSupport
import XCTest

final class ReaderTests: XCTestCase {
    func write(_ text: String) throws -> String {
        let p = TemporaryDirectory.make("e.jsonl").path
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    let good = #"{"v":"1.0","kind":"scalar","run":"r","name":"train/batch_loss","step":0,"value":2.3}"#

    func testTruncatedLastLineIsAWarning() throws {
        let p = try write(good + "\n" + #"{"v":"1.0","kind":"scal"#)
        var r = EventReader()
        XCTAssertEqual(try r.read(path: p).count, 1)
        XCTAssertEqual(r.warnings.count, 1)
        XCTAssertTrue(r.warnings[0].contains(":2: truncated last line"), r.warnings[0])
    }

    func testMalformedMiddleLineIsAnErrorWithLine() throws {
        let p = try write(good + "\n{oops\n" + good + "\n")
        var r = EventReader()
        XCTAssertThrowsError(try r.read(path: p)) { e in XCTAssertEqual("\(e)", "\(p):2: malformed JSON") }
        let histogram = #"{"v":"1.0","kind":"histogram","run":"r","step":0,"layer":"a","quantity":"activation","edges":[0,1],"counts":[1,2]}"#
        let p2 = try write(good + "\n" + histogram + "\n")
        XCTAssertThrowsError(try r.read(path: p2)) { e in
            XCTAssertTrue("\(e)".hasSuffix(":2: histogram: 'edges' must have one more element than 'counts' (2 edges, 2 counts)"), "\(e)")
        }
    }

    func testNewerMajorVersionIsRefused() throws {
        let p = try write(good.replacingOccurrences(of: "\"1.0\"", with: "\"2.0\"") + "\n")
        var r = EventReader()
        XCTAssertThrowsError(try r.read(path: p)) { e in XCTAssertTrue("\(e)".contains("schema version 2.0 is newer than this nnviz reads (1.x)"), "\(e)") }
        // A newer minor version is read.
        let p2 = try write(good.replacingOccurrences(of: "\"1.0\"", with: "\"1.7\"") + "\n")
        XCTAssertEqual(try r.read(path: p2).count, 1)
    }

    func testUnknownKindsAndFieldsAreSkippedWithAWarning() throws {
        let unknown = #"{"v":"1.0","kind":"gpu_memory","run":"r","bytes":1}"#
        let p = try write(unknown + "\n" + good.replacingOccurrences(of: "}", with: #","colour":"red"}"#) + "\n")
        var r = EventReader()
        XCTAssertEqual(try r.read(path: p).count, 1)
        XCTAssertEqual(r.warnings.count, 2)
        XCTAssertTrue(r.warnings.contains { $0.contains("unknown event kind 'gpu_memory'") })
        XCTAssertTrue(r.warnings.contains { $0.contains("unknown field 'colour'") })
    }

    func testNonFiniteNumbersRoundTrip() throws {
        let e = Event.scalar(ScalarEvent(run: "r", name: "train/batch_loss", step: 3, value: .infinity))
        let p = try write(EventCodec.encode(e) + "\n")
        var r = EventReader()
        XCTAssertEqual(try r.read(path: p), [e])
    }

    /// A stdlib-only Python script (examples/) writes events another engine could write.
    func testPythonWriterExample() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 not installed") }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/write_events.py").path
        let out = TemporaryDirectory.make("py.jsonl").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [script, out]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        var r = EventReader()
        let events = try r.read(path: out)
        XCTAssertEqual(r.warnings, [])
        let store = EventStore(events)
        let run = try XCTUnwrap(store.runs.first)
        XCTAssertGreaterThan(run.values("train/batch_loss").count, 10)
        XCTAssertFalse(run.layers(with: .weightGradient).isEmpty)
        XCTAssertEqual(run.end?.status, "completed")
    }
}

final class AnalysisTests: XCTestCase {
    func testTensorBoardSmoothingVectors() {
        let a = Smoothing.exponential([1, 2, 3], weight: 0.6)
        XCTAssertEqual(a[0], 1, accuracy: 1e-12)
        XCTAssertEqual(a[1], 1.625, accuracy: 1e-12)
        XCTAssertEqual(a[2], 2.3265306122448979, accuracy: 1e-7)
        let b = Smoothing.exponential([10, 0, 10, 0], weight: 0.9)
        for (x, y) in zip(b, [10, 4.7368421, 6.6789667, 4.7368421]) { XCTAssertEqual(x, y, accuracy: 1e-6) }
        XCTAssertEqual(Smoothing.exponential([5, 5, 5], weight: 0.9), [5, 5, 5])
        XCTAssertEqual(Smoothing.exponential([1, .nan, 3], weight: 0.5)[1].isNaN, true)
    }

    func testPercentilesOfAUniformHistogram() {
        let h = Histogram(run: "r", step: 0, layer: "l", index: 0, quantity: .activation, edges: (0...10).map(Double.init),
                          counts: Array(repeating: 100, count: 10))
        let p = h.percentiles()
        for (bp, v) in zip(Histogram.distributionBasisPoints, p) { XCTAssertEqual(v, Double(bp) / 1000, accuracy: 1e-9) }
        let skew = Histogram(run: "r", step: 0, layer: "l", index: 0, quantity: .activation, edges: [0, 1, 2], counts: [0, 10])
        XCTAssertEqual(skew.percentiles(basisPoints: [0, 5000, 10000]), [1, 1.5, 2])
    }
}
