import Foundation
import NNTestSupport
import XCTest

/// What a user who mistypes sees: one clear line, the choices, a non-zero exit.
final class CommandLineMessagesTests: XCTestCase {
    func nnviz(_ args: [String]) throws -> BuiltExecutable.Result {
        try XCTUnwrap(BuiltExecutable("nnviz"), "build nnviz with the tests").run(args)
    }

    func testMistypedCommandGetsASuggestion() throws {
        let r = try nnviz(["trian-and-report"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains("unknown command 'trian-and-report'. Did you mean 'train-and-report'?"), r.err)
        let far = try nnviz(["blah"])
        XCTAssertFalse(far.err.contains("Did you mean"), far.err)
        XCTAssertTrue(far.err.contains("Commands: train-and-report, studies, report"), far.err)
    }

    func testNegativeNumbersAreValuesNotOptions() throws {
        let r = try nnviz(["train", "--epochs", "-1"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains("--epochs and --batch-size must be at least 1"), r.err)
        XCTAssertFalse(r.err.contains("Missing value"), r.err)
    }

    func testRepeatsMustBePositiveAndGoWithAConfig() throws {
        let zero = try nnviz(["train-and-report", "--repeats", "0"])
        XCTAssertEqual(zero.status, 64)
        XCTAssertTrue(zero.err.contains("--repeats must be at least 1, got 0"), zero.err)
        let alone = try nnviz(["train", "--repeats", "2"])
        XCTAssertEqual(alone.status, 64)
        XCTAssertTrue(alone.err.contains("--repeats goes with --config"), alone.err)
    }

    func testUnknownChoicesListTheChoices() throws {
        let r = try nnviz(["train", "--activation", "swish"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.err, "nnviz: error: --activation: unknown activation 'swish' (one of sigmoid, tanh, relu, leaky_relu, identity, step, sign)\n")
        XCTAssertTrue(try nnviz(["train", "--initializer", "lecun"]).err.contains("(one of std=0.01"))
    }

    func testHelpFitsEightyColumns() throws {
        for command in ["train-and-report", "studies", "report", "train", "gradcheck", "gallery"] {
            let r = try XCTUnwrap(BuiltExecutable("nnviz")).run([command, "--help"], environment: ["COLUMNS": "80"])
            for line in r.out.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(command) --help: \(line)")
            }
        }
    }

    func testBenchHelpDoesNotStartTheBenchmark() throws {
        let bench = try XCTUnwrap(BuiltExecutable("nnviz-bench"), "nnviz-bench is built with the tests")
        let start = Date()
        let r = try bench.run(["--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("USAGE: nnviz-bench"), r.out)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "--help prints and stops")
        XCTAssertEqual(try bench.run(["--bogus"]).status, 64)
    }
}
