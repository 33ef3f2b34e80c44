import Testing
import TestSupport
import RuleModel
@testable import Engine

/// Properties over generated packs and profiles: evaluation is deterministic, independent of the
/// order of rules, the fast program agrees with the reference evaluator, and three-valued logic
/// agrees with a brute-force reading on small cases.
@Suite struct GeneratedPackPropertyTests {
    /// Facts: numbers n0 n1, an enum e0, a boolean f0, a set s0.
    private static let facts = [
        FactDefinition(id: "n0", type: .number), FactDefinition(id: "n1", type: .number),
        FactDefinition(id: "e0", type: .enumeration, values: ["a", "b", "c"]), FactDefinition(id: "f0", type: .boolean),
        FactDefinition(id: "s0", type: .set, values: ["x", "y"]),
    ]

    /// `known()` is the one non-monotone function (false until the fact is given), so the
    /// brute-force test leaves it out.
    private var usesKnown = true

    private func leaf(_ g: inout SeededGenerator, derived: [String]) -> String {
        if !derived.isEmpty, Int.random(in: 0..<5, using: &g) == 0 { return derived.randomElement(using: &g)! }
        switch Int.random(in: 0..<7, using: &g) {
        case 0: return "n0 \(["<", "<=", ">", ">=", "==", "!="].randomElement(using: &g)!) \(Int.random(in: 0...3, using: &g))"
        case 1: return "n0 + n1 > \(Int.random(in: 0...5, using: &g))"
        case 2: return "n1 / n0 >= 1"
        case 3: return "e0 \(["==", "!="].randomElement(using: &g)!) '\(["a", "b", "c"].randomElement(using: &g)!)'"
        case 4: return "e0 in ['a', '\(["b", "c"].randomElement(using: &g)!)']"
        case 5: return "s0 contains '\(["x", "y"].randomElement(using: &g)!)'"
        default: return Bool.random(using: &g) || !usesKnown ? "f0" : "known(n1)"
        }
    }

    private func condition(_ g: inout SeededGenerator, depth: Int, derived: [String]) -> String {
        guard depth > 0, Int.random(in: 0..<3, using: &g) > 0 else { return leaf(&g, derived: derived) }
        let parts = (0..<Int.random(in: 2...3, using: &g)).map { _ in condition(&g, depth: depth - 1, derived: derived) }
        switch Int.random(in: 0..<3, using: &g) {
        case 0: return "(" + parts.joined(separator: " and ") + ")"
        case 1: return "(" + parts.joined(separator: " or ") + ")"
        default: return "not " + "(" + parts.joined(separator: " and ") + ")"
        }
    }

    private func pack(seed: UInt64, rules: Int) throws -> [FindingRule] {
        var g = SeededGenerator(state: seed)
        var diagnostics: [FindingRule] = []
        for index in 0..<rules {
            let id = "g" + String(100 + index)
            let text = condition(&g, depth: 3, derived: diagnostics.map(\.id))
            diagnostics.append(FindingRule(id: id, severity: RuleSeverity.allCases.randomElement(using: &g)!,
                                              condition: .expression(try ExpressionParser.parse(text))))
        }
        return diagnostics
    }

    private func profiles(seed: UInt64, count: Int) -> [Profile] {
        var g = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            var facts: [String: Value] = [:]
            if Bool.random(using: &g) { facts["n0"] = .number(Double(Int.random(in: 0...3, using: &g))) }
            if Bool.random(using: &g) { facts["n1"] = .number(Double(Int.random(in: 0...3, using: &g))) }
            if Bool.random(using: &g) { facts["e0"] = .string(["a", "b", "c"].randomElement(using: &g)!) }
            if Bool.random(using: &g) { facts["f0"] = .bool(Bool.random(using: &g)) }
            if Bool.random(using: &g) { facts["s0"] = .setOf(["x", "y"].filter { _ in Bool.random(using: &g) }) }
            return Profile(name: "p", facts: facts)
        }
    }

    private func outcomes(_ engine: Engine, _ profile: Profile) -> [String: FindingOutcome.Status] {
        Dictionary(uniqueKeysWithValues: engine.evaluate(profile).outcomes.map { ($0.rule.id, $0.status) })
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func deterministicOrderIndependentAndAgreeing(seed: UInt64) throws {
        let rules = try pack(seed: seed, rules: 25)
        let engine = try Engine(pack: RulePack(metadata: .init(id: "g"), facts: Self.facts, findings: rules))
        var g = SeededGenerator(state: seed &+ 99)
        let shuffled = try Engine(pack: RulePack(metadata: .init(id: "g"), facts: Self.facts.shuffled(using: &g),
                                                 findings: rules.shuffled(using: &g)))
        BlockAgreement.check(engine, profiles(seed: seed, count: 200))
        for profile in profiles(seed: seed, count: 200) {
            let first = outcomes(engine, profile)
            #expect(first == outcomes(engine, profile))
            #expect(first == outcomes(shuffled, profile))
            #expect(engine.computeSlots(profile, overrides: [:]) == engine.referenceSlots(profile, overrides: [:]))
        }
    }

    /// Kleene logic is sound: an outcome decided with facts missing is the outcome of every
    /// completion of the missing facts. (It is not complete: `x or not x` stays unknown.)
    @Test(arguments: [11, 12, 13] as [UInt64])
    func decidedOutcomesHoldForEveryCompletion(seed: UInt64) throws {
        var generator = self
        generator.usesKnown = false
        let rules = try generator.pack(seed: seed, rules: 8)
        let engine = try Engine(pack: RulePack(metadata: .init(id: "g"), facts: Self.facts, findings: rules))
        let domains: [String: [Value]] = [
            "n0": [0, 1, 2, 3].map { .number($0) }, "n1": [0, 1, 2, 3].map { .number($0) },
            "e0": ["a", "b", "c"].map(Value.string), "f0": [.bool(true), .bool(false)],
            "s0": [.set([]), .set(["x"]), .set(["y"]), .set(["x", "y"])],
        ]
        for profile in profiles(seed: seed, count: 40) {
            let missing = domains.keys.sorted().filter { profile.facts[$0] == nil }
            var completions: [[String: Value]] = [profile.facts]
            for fact in missing {
                completions = completions.flatMap { partial in domains[fact]!.map { partial.merging([fact: $0]) { $1 } } }
            }
            let actual = outcomes(engine, profile)
            var checked = 0
            for rule in rules where actual[rule.id] != .unknown {
                let possible = Set(completions.map { outcomes(engine, Profile(name: "c", facts: $0))[rule.id]! })
                #expect(possible == [actual[rule.id]!], "\(rule.id) for \(profile.facts)")
                checked += 1
            }
            _ = checked
        }
    }

    /// Every value a brute-force reading tries for each fact of ``facts``: a wider domain than the
    /// ranking's candidates.
    private static let bruteForceDomain: [String: [Value]] = [
        "n0": stride(from: -3.0, through: 8, by: 0.25).map(Value.number) + [-0.01, 0.01, 0.99, 1.01, 2.99, 3.01].map(Value.number),
        "n1": stride(from: -3.0, through: 8, by: 0.25).map(Value.number) + [-0.01, 0.01, 4.99, 5.01].map(Value.number),
        "e0": ["a", "b", "c"].map(Value.string),
        "f0": [.bool(true), .bool(false)],
        "s0": [.setOf([]), .setOf(["x"]), .setOf(["y"]), .setOf(["x", "y"])],
    ]

    /// The questions are the facts some single answer to which decides an undecided diagnostic,
    /// checked by brute force: each listed question decides what it says with the answer it
    /// names, every fact that can decide something is listed with all it can decide, so the
    /// first question asked decides something whenever any single answer can.
    @Test(arguments: Array(11...30) as [UInt64])
    func questionsAreTheAnswersThatDecide(seed: UInt64) throws {
        let rules = try pack(seed: seed, rules: 8)
        let engine = try Engine(pack: RulePack(metadata: .init(id: "g"), facts: Self.facts, findings: rules))
        for profile in profiles(seed: seed &+ 7, count: 40) {
            let evaluation = engine.evaluate(profile)
            let undecided = evaluation.outcomes.filter { $0.status == .unknown }.map(\.rule.id)
            let questions = engine.questions(for: evaluation)
            var bruteForce: [String: Set<String>] = [:]
            for fact in Self.facts where profile.facts[fact.id] == nil {
                for value in Self.bruteForceDomain[fact.id]! {
                    var answered = profile
                    answered.facts[fact.id] = value
                    let after = outcomes(engine, answered)
                    for id in undecided where after[id] != .unknown { bruteForce[fact.id, default: []].insert(id) }
                }
            }
            #expect(Dictionary(uniqueKeysWithValues: questions.map { ($0.factID, Set($0.decides)) }) == bruteForce,
                    "seed \(seed), profile \(profile.facts)")
            for question in questions {
                for id in question.decides {
                    var answered = profile
                    answered.facts[question.factID] = question.deciding[.diagnostic(id)]
                    #expect(outcomes(engine, answered)[id] != .unknown)
                }
            }
            if !bruteForce.isEmpty { #expect(!questions.isEmpty) }
            #expect(questions.map(\.weight) == questions.map(\.weight).sorted(by: >))
        }
    }
}
