import Testing
import TestSupport
import RuleModel
@testable import Engine

/// Properties that must hold for any pack: order does not matter, irrelevant facts change nothing,
/// the same inputs give the same output.
@Suite struct PropertyTests {
    private let diagnostics = [
        PackBuilder.diagnostic("d1", "a > 5 or b < 2", recommend: ["r1"]),
        PackBuilder.diagnostic("d2", "ratio > 3 and e == 'none'", severity: .critical, recommend: ["r2"]),
        PackBuilder.diagnostic("d3", "d1 and not f", severity: .low, recommend: ["r1", "r2"]),
        PackBuilder.diagnostic("d4", "s contains 'web' or c between 1 and 2", severity: .medium),
    ]
    private let recommendations = [
        Recommendation(id: "r0", kind: .governance),
        Recommendation(id: "r1", kind: .training, requires: ["r0"]),
        Recommendation(id: "r2", kind: .organisation, requires: ["r0"], impact: .high),
    ]

    private func randomProfile(_ generator: inout SeededGenerator) -> Profile {
        var facts: [String: Value] = [:]
        if Bool.random(using: &generator) { facts["a"] = .number(Double(Int.random(in: 0...10, using: &generator))) }
        if Bool.random(using: &generator) { facts["b"] = .number(Double(Int.random(in: 0...5, using: &generator))) }
        if Bool.random(using: &generator) { facts["c"] = .number(Double(Int.random(in: 0...3, using: &generator))) }
        if Bool.random(using: &generator) { facts["e"] = .string(["none", "partial", "broad"].randomElement(using: &generator)!) }
        if Bool.random(using: &generator) { facts["s"] = .setOf(["phone", "desk", "web"].filter { _ in Bool.random(using: &generator) }) }
        if Bool.random(using: &generator) { facts["f"] = .bool(Bool.random(using: &generator)) }
        return Profile(name: "p", facts: facts)
    }

    private func summary(_ engine: Engine, _ profile: Profile) -> [String] {
        let evaluation = engine.evaluate(profile)
        return evaluation.outcomes.map { "\($0.rule.id)=\($0.status.rawValue)" }
            + evaluation.roadmap.map { "\($0.recommendation.id)@\($0.phase):\($0.score)" }
            + engine.questions(for: evaluation).map { "\($0.factID):\($0.weight)" }
    }

    @Test func shufflingRulesChangesNothing() throws {
        var generator = SeededGenerator(state: 42)
        let reference = try Engine(pack: PackBuilder.pack(diagnostics: diagnostics, indicators: ["ratio": "a / b"],
                                                          recommendations: recommendations))
        for _ in 0..<50 {
            let shuffled = try Engine(pack: PackBuilder.pack(diagnostics: diagnostics.shuffled(using: &generator),
                                                             indicators: ["ratio": "a / b"],
                                                             recommendations: recommendations.shuffled(using: &generator)))
            let profile = randomProfile(&generator)
            #expect(summary(reference, profile) == summary(shuffled, profile))
        }
    }

    @Test func anUnusedFactChangesNothing() throws {
        var generator = SeededGenerator(state: 7)
        let engine = try Engine(pack: PackBuilder.pack(diagnostics: diagnostics, indicators: ["ratio": "a / b"],
                                                       recommendations: recommendations))
        var pack = PackBuilder.pack(diagnostics: diagnostics, indicators: ["ratio": "a / b"], recommendations: recommendations)
        pack.facts.append(FactDefinition(id: "zz_unused", type: .number))
        let extended = try Engine(pack: pack)
        for _ in 0..<50 {
            var profile = randomProfile(&generator)
            let before = summary(engine, profile)
            profile.facts["zz_unused"] = .number(3)
            #expect(summary(extended, profile) == before)
        }
    }

    @Test func sameInputsSameOutput() throws {
        var generator = SeededGenerator(state: 99)
        let engine = try Engine(pack: PackBuilder.pack(diagnostics: diagnostics, indicators: ["ratio": "a / b"],
                                                       recommendations: recommendations))
        for _ in 0..<50 {
            let profile = randomProfile(&generator)
            #expect(summary(engine, profile) == summary(engine, profile))
        }
    }

    /// The engine's three-valued evaluation agrees with a brute-force reading: a diagnostic is
    /// unknown exactly when completing the unknown facts could make it either true or false.
    @Test func unknownMeansUndecidedByTheMissingFacts() throws {
        let engine = try Engine(pack: PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "(a > 5 or b < 2) and not f")]))
        let aValues: [Value?] = [nil, .number(3), .number(8)]
        let bValues: [Value?] = [nil, .number(1), .number(4)]
        let fValues: [Value?] = [nil, .bool(true), .bool(false)]
        for a in aValues {
            for b in bValues {
                for f in fValues {
                    var facts: [String: Value] = [:]
                    facts["a"] = a
                    facts["b"] = b
                    facts["f"] = f
                    var outcomes = Set<FindingOutcome.Status>()
                    for fullA in a.map({ [$0] }) ?? [.number(3), .number(8)] {
                        for fullB in b.map({ [$0] }) ?? [.number(1), .number(4)] {
                            for fullF in f.map({ [$0] }) ?? [.bool(true), .bool(false)] {
                                let complete = Profile(name: "p", facts: ["a": fullA, "b": fullB, "f": fullF])
                                outcomes.insert(engine.evaluate(complete).outcome(of: "d")!.status)
                            }
                        }
                    }
                    let expected: FindingOutcome.Status = outcomes.count > 1 ? .unknown : outcomes.first!
                    #expect(engine.evaluate(Profile(name: "p", facts: facts)).outcome(of: "d")?.status == expected,
                            "facts \(facts)")
                }
            }
        }
    }
}
