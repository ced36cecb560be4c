import Foundation
import NNEvents
import NNTestSupport
import XCTest

/// The byte encoder of event lines (`EventCodec.encode`, `EventEncoder`) against two oracles from
/// outside it: the former String-building encoder (`LegacyEventEncoding`, numbers through Swift's
/// own `Double.description`), byte for byte, and Foundation's JSON parser, which must read every
/// line back to the same values.
final class EventEncodingTests: XCTestCase {
    /// Doubles of every sort: random bit patterns (subnormals, NaN payloads, infinities included),
    /// integers near and beyond 10^15 and 2^53, powers of ten, halves, ±0, the extremes.
    static func doubles(_ count: Int, seed: UInt64) -> [Double] {
        var g = SplitMix64(state: seed)
        var out: [Double] = [0, -0.0, 1, -1, 0.1, 1e15, -1e15, 1e15 - 1, 1e15 + 1, 9_007_199_254_740_992, 1e16, 1e-4, 1e-5, 0.5,
                             .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
                             -.greatestFiniteMagnitude, .nan, .infinity, -.infinity, .ulpOfOne, Double(bitPattern: 1),
                             Double(bitPattern: 0x000F_FFFF_FFFF_FFFF)]
        out += (-330...310).map { pow(10, Double($0)) } + (-330...310).map { -pow(10, Double($0)) }
        while out.count < count {
            let bits = g.next()
            switch bits % 8 {
            case 0: out.append(Double(bitPattern: g.next()))
            case 1: out.append(Double(bitPattern: g.next() & 0x000F_FFFF_FFFF_FFFF | (bits & (1 << 63))))  // subnormal
            case 2: out.append(Double(Int64(bitPattern: g.next()) >> (g.next() % 64)))  // integers of every size
            case 3: out.append(Double(Int64(bitPattern: g.next()) >> 13) / 2)  // halves near 2^50
            case 4: out.append((g.nextUniform() - 0.5) * pow(10, Double(Int(g.next() % 40) - 20)))
            case 5: out.append(Double(Float(bitPattern: UInt32(truncatingIfNeeded: g.next()))))  // floats widened, as the recorder's
            case 6: out.append((1e15 + Double(Int(g.next() % 2001) - 1000)) * (bits & 16 == 0 ? 1 : -1))
            default: out.append(Double(g.next() % 1000) / 1000 + Double(g.next() % 100))
            }
        }
        return out
    }

    func testNumbersAreWrittenAsSwiftsDescriptionWritesThem() throws {
        for (k, v) in Self.doubles(2_000_000, seed: 11).enumerated() {
            let e = Event.scalar(ScalarEvent(run: "r", name: "x", step: k, value: v))
            let line = EventCodec.encode(e), expected = LegacyEventEncoding.encode(e)
            guard line == expected else { return XCTFail("\(v) (bits \(String(v.bitPattern, radix: 16))): \(line) vs \(expected)") }
        }
    }

    /// Every finite number reads back as itself (through `Double(_: String)`, which rounds
    /// correctly; Foundation's JSON parser on Linux does not), and the line is JSON.
    func testNumbersRoundTripAndLinesParseAsJSON() throws {
        for v in Self.doubles(100_000, seed: 12) where v.isFinite {
            let line = EventCodec.encode(.scalar(ScalarEvent(run: "r", name: "x", step: 0, value: v)))
            XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
            let text = try XCTUnwrap(line.split(separator: ":").last?.dropLast(), line)
            XCTAssertEqual(Double(String(text)), v == 0 ? 0 : v, line)
            if v != v.rounded() || abs(v) >= 1e15 { XCTAssertEqual(String(text), v.description, line) }
        }
    }

    /// Strings with every control character, quotes, backslashes, non-ASCII letters and emoji.
    static func strings(_ count: Int, seed: UInt64) -> [String] {
        var g = SplitMix64(state: seed)
        let pieces = ["a", "dense_1", "\"", "\\", "\n", "\r", "\t", "\u{7f}", "σ′", "시그모이드", "👩‍🔬", "/", " ", "é", "\u{2028}"]
            + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        return (0..<count).map { _ in (0..<Int(g.next() % 12)).map { _ in pieces[Int(g.next() % UInt64(pieces.count))] }.joined() }
    }

    func testEveryKindMatchesTheFormerEncoderByteForByte() throws {
        var g = SplitMix64(state: 13)
        let names = Self.strings(4000, seed: 14), values = Self.doubles(40_000, seed: 15)
        var n = 0, v = 0
        func name() -> String { n += 1; return names[n % names.count] }
        func num() -> Double { v += 1; return values[v % values.count] }
        func nums(_ c: Int) -> [Double] { (0..<c).map { _ in num() } }
        func int() -> Int { Int(truncatingIfNeeded: g.next()) >> Int(g.next() % 64) }
        func map<V>(_ c: Int, _ pair: () -> (String, V)) -> [String: V] { Dictionary((0..<c).map { _ in pair() }) { a, _ in a } }
        var encoder = EventEncoder()
        var bytes: [UInt8] = [], expected = ""
        for k in 0..<6000 {
            let q = Quantity.allCases[k % Quantity.allCases.count]
            let events: [Event] = [
                .runStart(RunStart(run: name(), study: name(), seed: g.next(), layers: (0..<k % 4).map { _ in
                    LayerInfo(name: name(), kind: name(), inputs: int(), outputs: int(), activation: k % 3 == 0 ? nil : name(),
                              initializer: k % 5 == 0 ? nil : name(), parameters: int())
                }, parameterCount: int(), optimizer: name(), optimizerSettings: map(k % 3) { (name(), num()) },
                loss: name(), dataset: name(), splits: map(2) { (name(), int()) }, batchSize: int(), producer: name(),
                label: k % 2 == 0 ? nil : name(), settings: map(k % 3 == 0 ? 0 : 2) { (name(), name()) })),
                .scalar(ScalarEvent(run: name(), name: name(), step: int(), epoch: k % 2 == 0 ? nil : int(), value: num())),
                .layerStats(LayerStats(run: name(), step: int(), layer: name(), index: int(), quantity: q, count: int(), mean: num(), std: num(),
                                       min: num(), max: num(), l2: num(), nan: int(), posInf: int(), negInf: int(), zeroFraction: num(),
                                       deadFraction: k % 2 == 0 ? nil : num(), saturatedFraction: k % 3 == 0 ? nil : num(),
                                       saturationRule: k % 3 == 0 ? nil : name(), updateRatio: k % 4 == 0 ? nil : num(),
                                       distanceFromInit: k % 5 == 0 ? nil : num())),
                // Edges repeat (as a recorder's do), so the encoder's remembered edge texts are used.
                .histogram(Histogram(run: name(), step: int(), layer: name(), index: int(), quantity: q,
                                     edges: k % 3 == 0 ? Self.fixedEdges[k % 7] : nums(k % 40), counts: (0..<k % 31).map { _ in int() },
                                     underflow: int(), overflow: int(), nan: int())),
                .trajectory(TrajectoryPoint(run: name(), step: int(), x: num(), y: num(), value: k % 2 == 0 ? nil : num())),
                .surface(Surface(run: name(), name: name(), x: nums(k % 5), y: nums(k % 4), values: (0..<k % 4).map { _ in nums(k % 5) },
                                 xLabel: name(), yLabel: name())),
                .curve(Curve(run: name(), name: name(), x: nums(k % 6), y: nums(k % 6), xLabel: name(), yLabel: name())),
                .points(PointSet(run: name(), name: name(), x: nums(k % 6), y: nums(k % 6), labels: (0..<k % 6).map { _ in int() })),
                .runEnd(RunEnd(run: name(), status: name(), step: int(), epoch: k % 2 == 0 ? nil : int(), reason: k % 3 == 0 ? nil : name(),
                               quantity: k % 4 == 0 ? nil : name())),
            ]
            for e in events {
                let legacy = LegacyEventEncoding.encode(e)
                XCTAssertEqual(EventCodec.encode(e), legacy)
                encoder.append(e, to: &bytes)
                expected += legacy + "\n"
            }
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "the encoder's lines, edges remembered or not")
    }

    /// Edge arrays that come back: with −0 and 0 (equal as numbers, both written `0`) and NaN
    /// (never equal, so never taken from memory).
    static let fixedEdges: [[Double]] = [
        [0, 0.1, 0.2], [-0.0, 0.5, 1], [0, 0.5, 1], [.nan, 1, 2], [-1e-7, 3.3e-7, 1e300], [1e15, 1e16], [-0.02029125839471817, 0.4058251678943634],
    ]

    func testStringsReadBackUnchangedThroughFoundationsParser() throws {
        for s in Self.strings(20_000, seed: 16) {
            let line = EventCodec.encode(.runEnd(RunEnd(run: s, status: "completed", step: 1, reason: s)))
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
            XCTAssertEqual(object["run"] as? String, s)
            XCTAssertEqual(object["reason"] as? String, s)
            XCTAssertFalse(line.utf8.contains { $0 < 0x20 }, "control characters are escaped: \(line)")
        }
    }
}
