import Testing
import RuleModel
@testable import Engine

/// Coverage counts what each leaf of each condition was over the evaluations recorded.
@Suite struct CoverageTests {
    @Test func eachLeafIsCountedTrueFalseUnknownOrValue() throws {
        let pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "a > 5 and not (e == 'none' or f)"),
                                                  PackBuilder.diagnostic("k", "b < 1", appliesTo: ["caf"])],
                                    indicators: ["ratio": "a / b"])
        let engine = try Engine(pack: pack)
        var coverage = Coverage(engine: engine)
        #expect(coverage.leaves.map { "\($0.owner) \($0.expression)" }
            == ["diagnostic d a > 5", "diagnostic d e == 'none'", "diagnostic d f", "diagnostic k b < 1", "indicator ratio a / b"])
        let runs: [[String: Value]] = [["a": .number(7), "e": .string("none"), "b": .number(2)],
                                       ["a": .number(1), "e": .string("broad"), "f": .bool(true)], [:]]
        for facts in runs {
            coverage.record(engine.evaluate(Profile(name: "p", kind: "metropole", facts: facts)))
        }
        coverage.record(engine.evaluate(Profile(name: "q", kind: "caf", facts: ["b": .number(0)])))
        let counts = coverage.leaves.map { [$0.trueCount, $0.falseCount, $0.unknownCount, $0.valueCount] }
        #expect(counts == [[1, 1, 2, 0], [1, 1, 2, 0], [1, 0, 3, 0], [1, 0, 0, 0], [0, 0, 3, 1]])
        #expect(coverage.evaluationCount == 4)
        #expect(coverage.leaves.map(\.isCovered) == [true, true, false, false, true])
        #expect(coverage.leaves.map(\.isExercised) == [true, true, true, true, true])
        #expect(coverage.coveredShare == 0.6)
    }
}
