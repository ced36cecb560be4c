import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// Schema 1.2: `curve`, `points` and `run_start`'s `label` survive a file round trip, and
/// malformed ones are errors naming the line and field.
final class SchemaOneTwoTests: XCTestCase {
    func roundTrip(_ events: [Event]) throws -> [Event] {
        let path = TemporaryDirectory.make("schema12.jsonl").path
        try events.map(EventCodec.encode).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var reader = EventReader()
        let back = try reader.read(path: path)
        XCTAssertEqual(reader.warnings, [])
        return back
    }

    func testNewKindsAndLabelRoundTrip() throws {
        let events: [Event] = [
            .runStart(RunStart(run: "r", study: "s", seed: 3, layers: [], parameterCount: 0, optimizer: "", optimizerSettings: [:], loss: "",
                               dataset: "", splits: [:], batchSize: 1, producer: "test", label: "σ + Xavier, \"quoted\"")),
            .curve(Curve(run: "r", name: "sigmoid'", x: [-1, 0, 0.1], y: [0.19661193324148185, 0.25, .nan], xLabel: "x", yLabel: "σ′(x)")),
            .points(PointSet(run: "r", name: "AND", x: [0, 0, 1, 1], y: [0, 1, 0, 1], labels: [0, 0, 0, 1])),
        ]
        let back = try roundTrip(events)
        XCTAssertEqual(back.count, 3)
        XCTAssertEqual(back[0], events[0])
        XCTAssertEqual(back[2], events[2])
        guard case .curve(let c) = back[1] else { return XCTFail("not a curve: \(back[1])") }
        XCTAssertEqual(c.x, [-1, 0, 0.1])
        XCTAssertEqual(Array(c.y.prefix(2)), [0.19661193324148185, 0.25])
        XCTAssertTrue(c.y[2].isNaN)
        XCTAssertTrue(EventCodec.encode(events[0]).hasPrefix(#"{"v":"1.2","kind":"run_start""#))
        let store = EventStore(back)
        XCTAssertEqual(store.runs[0].curves.count, 1)
        XCTAssertEqual(store.runs[0].points.first?.labels, [0, 0, 0, 1])
    }

    func testMalformedSeriesNameTheLineAndField() throws {
        let cases = [
            (#"{"v":"1.2","kind":"curve","run":"r","name":"c","x":[1,2],"y":[1]}"#, "'x' and 'y' must have as many values"),
            (#"{"v":"1.2","kind":"points","run":"r","name":"p","x":[1],"y":[1],"labels":[0.5]}"#, "'labels' must hold integers"),
            (#"{"v":"1.2","kind":"points","run":"r","name":"p","x":[1,2],"y":[1,2],"labels":[0]}"#, "'labels' must have one value per point"),
        ]
        for (line, message) in cases {
            let path = TemporaryDirectory.make("bad.jsonl").path
            try (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            var reader = EventReader()
            XCTAssertThrowsError(try reader.read(path: path)) { error in
                XCTAssertTrue("\(error)".contains(":1:"), "\(error)")
                XCTAssertTrue("\(error)".contains(message), "\(error)")
            }
        }
    }
}
