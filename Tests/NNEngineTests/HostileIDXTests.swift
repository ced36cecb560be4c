import Foundation
import NNEngine
import NNTestSupport
import XCTest

/// IDX files that used to trap or exhaust memory: each is now an error naming the file.
final class HostileIDXTests: XCTestCase {
    func header(type: UInt8, dims: [UInt32]) -> [UInt8] {
        [0, 0, type, UInt8(dims.count)] + dims.flatMap { d in [UInt8(d >> 24), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
    }

    func testHeaderDimensionsThatOverflowOrExceedTheLimit() {
        for dims: [UInt32] in [[0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], [1 << 31, 1 << 31], [70_000, 1000, 1000]] {
            XCTAssertThrowsError(try IDXArray.parse(header(type: 0x08, dims: dims), file: "big.idx")) { error in
                XCTAssertTrue("\(error)".hasPrefix("big.idx: header dimensions"), "\(error)")
            }
        }
    }

    func write(_ bytes: [UInt8]) throws -> String {
        let path = TemporaryDirectory.make("idx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testLabelsThatAreNotClassIndicesAndEmptyImageSets() throws {
        let images = try write(header(type: 0x08, dims: [2, 2, 2]) + [0, 1, 2, 3, 4, 5, 6, 7])
        for bad: Float in [.nan, .infinity, 1e30, -1, 2.5] {
            let labels = try write(header(type: 0x0D, dims: [2]) + [Float(0), bad].flatMap { v -> [UInt8] in
                let b = v.bitPattern
                return [UInt8(b >> 24), UInt8(b >> 16 & 255), UInt8(b >> 8 & 255), UInt8(b & 255)]
            })
            XCTAssertThrowsError(try Dataset<Float>.idx(images: images, labels: labels)) { error in
                XCTAssertTrue("\(error)".contains("label 1 is"), "\(bad): \(error)")
            }
        }
        let none = try write(header(type: 0x08, dims: [0, 1 << 31, 1 << 31]))
        let noLabels = try write(header(type: 0x08, dims: [0]))
        XCTAssertThrowsError(try Dataset<Float>.idx(images: none, labels: noLabels)) { XCTAssertTrue("\($0)".contains("holds no images"), "\($0)") }
    }

    /// A gzip that decompresses past the limit stops there (8 MB of gzip once reached 5.7 GB).
    func testGzipBombStopsAtTheLimit() throws {
        let raw = header(type: 0x08, dims: [4 << 20]) + [UInt8](repeating: 0, count: 4 << 20)
        let gz = TemporaryDirectory.make("bomb.gz")
        let rawFile = try write(raw)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -c \(rawFile) > \(gz.path)"]
        try p.run()
        p.waitUntilExit()
        XCTAssertThrowsError(try IDXArray.read(path: gz.path, limit: 1 << 20)) { error in
            XCTAssertTrue("\(error)".contains("decompresses to more than the limit of 1048576 bytes"), "\(error)")
        }
        XCTAssertEqual(try IDXArray.read(path: gz.path).bytes?.count, 4 << 20, "within the default limit it reads")
    }
}
