import FuzzTargets
import Foundation
import Testing
import TestSupport
import TestSupport

/// Every input the fuzzers found a problem with (Tests/Fuzz/regressions/TARGET/), and the seeds,
/// run through the fuzz targets in process: none may crash.
@Suite struct FuzzRegressionTests {
    static let root = Repository.url("Tests")

    static var cases: [String] {
        var found: [String] = []
        for target in FuzzTargets.all.keys.sorted() {
            for folder in ["Fuzz/regressions/\(target)", "Fuzz/seeds/\(target)"] {
                let url = root.appendingPathComponent(folder)
                for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.sorted() ?? [] {
                    found.append("\(target) \(folder)/\(name)")
                }
            }
        }
        return found
    }

    @Test func thereAreSeeds() {
        #expect(Self.cases.count >= 10)
    }

    @Test(arguments: cases)
    func replays(_ entry: String) throws {
        let parts = entry.split(separator: " ", maxSplits: 1).map(String.init)
        let data = try Data(contentsOf: Self.root.appendingPathComponent(parts[1]))
        FuzzTargets.all[parts[0]]!(Array(data))
    }

    @Test func everyTargetSurvivesTheHostileInputs() {
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + (1...8).map { "b\($0): &b\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*b\($0 - 1)", count: 10).joined(separator: ", ") + "]" }.joined(separator: "\n")
        let inputs: [[UInt8]] = [
            [], [0xFF, 0xFE, 0x00], Array(bomb.utf8), Array((String(repeating: "[", count: 100_000)).utf8),
            Array("pack: {id: p, version: 1.0.0, languages: [en]}\nindicators: {a: b, b: a}\n".utf8),
            Array("organisation: {name: X}\nfacts: {n: 99999999999999999999, x: .nan, p: 1e400}\n".utf8),
            Array(String(repeating: "(", count: 5000).utf8),
        ]
        for input in inputs {
            for target in FuzzTargets.all.values { target(input) }
        }
    }
}
