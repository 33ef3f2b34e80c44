import Testing
import TestSupport
import RuleModel
@testable import Engine

/// The fast program and the reference tree evaluator agree on every slot, for every expression
/// form, on random profiles with missing facts.
@Suite struct ProgramAgreementTests {
    static let conditions = [
        "a > 5 or b < 2", "not (a == 5)", "a != 5", "a between 3 and c", "a / b > 1", "b * c >= 1000", "-a < -3",
        "e == 'none'", "e != 'broad'", "e < 'partial'", "e in ['none', 'partial']", "e not in ['none']", "e in [e, 'x']",
        "s contains 'web'", "'desk' in s", "'phone' not in s", "count(s) >= 2", "count([a > 1, b > 1, f]) == 2",
        "min(a, b) < 3", "max([a, b, c]) > 5", "sum([a, b]) == 7", "mean([a, c]) > 2", "abs(b - a) > 2", "round(b / 3, 1) > 0.5",
        "known(a) and not known(b)", "f", "f == true", "f != false", "ratio > 2", "d1 and not f", "d1 or d2",
        "a in [1, 2, b]", "[a, b] == [a, b]", "sum([]) == 0", "max([]) > 1", "a > limit", "e == mode",
        "t < '2026-06-01'", "t == '2026-01-15'", "t between '2026-01-01' and '2026-12-31'", "s == s",
        "b between 0.5 and 3", "3 < a", "'none' == e", "e in ['none', 'zzz']", "t in ['2026-01-15']",
        "s contains 'fax'", "f == 1", "e != 2", "not (e in ['broad'])", "t != '2026-01-15'", "t not in ['2026-01-15', '2025-12-31']",
        "a in [1, 3, 7]", "a not in [2, 10]", "b in [0.5, 7]", "e in ['partial', 3]",
        // Over 64 words: the list is no bit mask, and the date is a word in some profiles, a text in others.
        "t in [" + (0..<70).map { "'w\($0)'" }.joined(separator: ", ") + ", '2026-01-15']",
        "t not in [" + (0..<70).map { "'w\($0)'" }.joined(separator: ", ") + ", '2026-01-15']",
    ]

    private func pack() -> RulePack {
        var diagnostics = Self.conditions.enumerated().map { index, condition in
            PackBuilder.diagnostic("q" + (index < 10 ? "0" : "") + String(index), condition)
        }
        diagnostics.append(PackBuilder.diagnostic("d1", "a > 5"))
        diagnostics.append(PackBuilder.diagnostic("d2", "e == 'broad'", appliesTo: ["caf"]))
        var pack = PackBuilder.pack(diagnostics: diagnostics, indicators: ["ratio": "a / b", "doubled": "ratio * 2 + c"],
                                    parameters: [Parameter(id: "limit", value: .number(4), byKind: ["caf": .number(6)]),
                                                 Parameter(id: "mode", value: .string("partial"))])
        pack.facts.append(FactDefinition(id: "t", type: .date))
        pack = RulePack(metadata: pack.metadata, facts: pack.facts, parameters: pack.parameters, indicators: pack.indicators,
                        findings: pack.findings, recommendations: [], dimensions: pack.dimensions)
        return pack
    }

    private func profile(_ generator: inout SeededGenerator) -> Profile {
        var facts: [String: Value] = [:]
        func maybe(_ value: @autoclosure () -> Value, _ key: String) {
            if Int.random(in: 0..<4, using: &generator) > 0 { facts[key] = value() }
        }
        maybe(.number(Double(Int.random(in: -2...10, using: &generator))), "a")
        maybe(.number([0, 0.5, 1, 3, 7, 1e300].randomElement(using: &generator)!), "b")
        maybe(.number(Double(Int.random(in: 0...4, using: &generator))), "c")
        maybe(.string(["none", "partial", "broad"].randomElement(using: &generator)!), "e")
        maybe(.setOf(["phone", "desk", "web"].filter { _ in Bool.random(using: &generator) }), "s")
        maybe(.bool(Bool.random(using: &generator)), "f")
        maybe(.string(["2025-12-31", "2026-01-15", "2026-07-04"].randomElement(using: &generator)!), "t")
        return Profile(name: "p", kind: [nil, "caf", "metropole"].randomElement(using: &generator)!, facts: facts)
    }

    @Test func programAgreesWithTheReferenceEvaluator() throws {
        let engine = try Engine(pack: pack())
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<2000 {
            let profile = profile(&generator)
            let fast = engine.computeSlots(profile, overrides: [:])
            let reference = engine.referenceSlots(profile, overrides: [:])
            for slot in 0..<fast.count where fast[slot] != reference[slot] {
                Issue.record("slot \(slot) differs for \(profile.facts) (\(profile.kind ?? "-")): \(fast[slot]) vs \(reference[slot])")
                return
            }
        }
    }

    /// The block evaluator gives the one-profile decisions for every expression form, with kinds
    /// (and so parameters and `applies_to`) mixed within blocks, unread documents, a last partial
    /// block, and parameters set on the command line; each decision reuses the register blocks the
    /// one before left, parameters set on the command line included.
    @Test func blockEvaluatorAgreesWithTheOneProfileEvaluator() throws {
        let engine = try Engine(pack: pack())
        var generator = SeededGenerator(state: 64)
        let profiles: [Profile?] = (0..<1_000).map { index in index % 97 == 5 ? nil : profile(&generator) }
        let counts = BlockAgreement.check(engine, profiles)
        #expect(counts.fired > 1_000 && counts.unknown > 1_000)
        BlockAgreement.check(engine, profiles, overrides: ["limit": .number(1), "mode": .string("broad")])
        #expect(BlockAgreement.check(engine, profiles) == counts)
        BlockAgreement.check(engine, Array(profiles.prefix(1)))
        BlockAgreement.check(engine, [nil, nil])
        #expect(engine.decide([Profile?]()).count == 0)
    }

    /// Blocks of one kind each, decided two at a time: a diagnostic that applies to one kind runs
    /// in one block of a pair and is false in the other (which `d1 or d2` reads), and an odd last
    /// block runs alone.
    @Test func blocksOfOneKindAgree() throws {
        let engine = try Engine(pack: pack())
        var generator = SeededGenerator(state: 7)
        func profiles(_ count: Int, kind: String?) -> [Profile?] {
            (0..<count).map { _ in
                let drawn = profile(&generator)
                return Profile(name: drawn.name, kind: kind, facts: drawn.facts)
            }
        }
        let sorted = profiles(64, kind: "caf") + profiles(64, kind: "metropole") + profiles(64, kind: nil)
            + profiles(64, kind: "caf") + profiles(10, kind: "metropole")
        let counts = BlockAgreement.check(engine, sorted)
        #expect(counts.fired > 100)
    }

    @Test func everyConditionCompilesToTheFastPathOrAKnownFallback() throws {
        let engine = try Engine(pack: pack())
        // Only list comparisons, set equality and functions of empty lists leave the fast path.
        #expect(engine.program.fallbacks.count <= 4)
    }
}
