@_spi(Reference) import Engine
import RuleModel

extension FuzzTargets {
    /// The three evaluators on a pack and profiles the bytes choose (``ByteChoices``): each
    /// diagnostic's condition a random tree of `and`, `or` and `not` over leaves of every
    /// operation the compiled program has (comparisons with constants and parameters, words with
    /// under and over 64 interned words, sets, dates given as words or texts, arithmetic,
    /// functions of lists, indicators, other diagnostics), some for some kinds only; the profiles
    /// of mixed kinds, an unlisted kind among them, in runs that fill partial blocks, sometimes with
    /// parameters set on the command line or through a table joined from two. The block
    /// evaluator, the one-profile evaluator and the reference tree evaluator must decide every
    /// profile alike.
    public static func evaluators(_ bytes: [UInt8]) {
        var choices = ByteChoices(bytes)
        var diagnostics: [FindingRule] = []
        for index in 0..<1 + choices.next(12) {
            let text = condition(&choices, depth: 3, earlier: diagnostics.map(\.id))
            guard let expression = try? ExpressionParser.parse(text) else { continue }
            let kinds: [String]? = [nil, ["caf"], ["cci", "caf"]][choices.next(3)]
            diagnostics.append(FindingRule(id: "d\(index)", severity: .high, appliesTo: kinds, condition: .expression(expression)))
        }
        guard let ratio = try? ExpressionParser.parse(["n0 / n1", "n0 + n1 * 2", "max([n0, n1])", "count(s0)"][choices.next(4)]) else { return }
        let pack = RulePack(
            metadata: .init(id: "fuzz", organisationKinds: ["caf", "cci"]),
            facts: evaluatorFacts,
            parameters: [Parameter(id: "p0", value: .number(1), byKind: ["caf": .number(2)]),
                         Parameter(id: "p1", value: .string("b"), byKind: ["cci": .string("c")])],
            indicators: [Indicator(id: "i0", expression: ratio)],
            findings: diagnostics)
        guard let engine = try? Engine(pack: pack) else { return }
        let profiles: [Profile?] = (0..<1 + choices.next(150)).map { _ in
            choices.next(40) == 0 ? nil : evaluatorProfile(&choices)
        }
        // Parameters set on the command line, sometimes; a table made of two joined tables (a
        // partial chunk in the middle), sometimes.
        let overrides: [String: Value] = [[:], ["p0": .number(Double(choices.next(5)))], ["p1": .string("a")]][choices.next(3)]
        var blocks = engine.decide(profiles, overrides: overrides)
        if choices.next(2) == 0, profiles.count > 1 {
            let cut = 1 + choices.next(profiles.count - 1)
            var joined = FactTable(catalogue: pack.facts)
            for part in [profiles[..<cut], profiles[cut...]] {
                joined.append(contentsOf: FactTable(part, catalogue: pack.facts))
            }
            blocks = engine.decide(joined, overrides: overrides)
        }
        for (index, profile) in profiles.enumerated() {
            let block = (blocks.fired(index).map(Int.init), blocks.unknown(index).map(Int.init))
            guard let profile else {
                if !block.0.isEmpty || !block.1.isEmpty { fatalError("a block decided an unread row: \(block)") }
                continue
            }
            let one = engine.decide(profile, overrides: overrides)
            let reference = engine.referenceDecide(profile, overrides: overrides)
            if block.0 != reference.fired || block.1 != reference.unknown || one.fired != reference.fired || one.unknown != reference.unknown {
                let conditions = diagnostics.map { "\($0.id): \($0.condition.expressions.map(\.description))" }
                fatalError("""
                    evaluators disagree on \(profile.kind ?? "-") \(profile.facts): block \(block), one profile \(one), \
                    reference \(reference); \(conditions)
                    """)
            }
        }
    }

    /// The facts of the evaluators target: every type, an enum of 70 words (ids past 64).
    static let evaluatorFacts = [
        FactDefinition(id: "n0", type: .number), FactDefinition(id: "n1", type: .integer, range: 0...10),
        FactDefinition(id: "e0", type: .enumeration, values: ["a", "b", "c"]),
        FactDefinition(id: "e1", type: .enumeration, values: (0..<70).map { "w" + ($0 < 10 ? "0" : "") + String($0) }),
        FactDefinition(id: "f0", type: .boolean), FactDefinition(id: "s0", type: .set, values: ["x", "y", "z"]),
        FactDefinition(id: "t0", type: .date),
    ]

    private static let leaves = [
        "n0 < 0.5", "n0 >= 2", "n0 == 1", "n0 != 3", "n0 > 1e300", "n1 between 2 and 7", "n1 in [1, 3, 5]", "n1 not in [2]",
        "n0 + n1 > 4", "n1 / n0 >= 1", "n0 * 2 < n1", "-n0 < 1", "abs(n0) > 1", "round(n0) == 1", "round(n0 / 3, 1) > 0.3",
        "e0 == 'a'", "e0 != 'b'", "e0 in ['a', 'c']", "e0 not in ['b']", "e0 < 'b'", "e0 in [e0, 'x']",
        "e1 == 'w65'", "e1 in ['w01', 'w66', 'w69']", "e1 not in ['w68', 'w02']", "e1 != 'w07'",
        "f0", "f0 == true", "f0 != false", "not f0", "s0 contains 'x'", "'y' in s0", "'z' not in s0", "count(s0) >= 2",
        "t0 < '2026-06-01'", "t0 == '2026-01-15'", "t0 in ['2026-01-15']", "t0 != '2026-01-15'", "t0 between '2026-01-01' and '2026-12-31'",
        "n0 > p0", "e0 == p1", "known(n0)", "known(t0)", "i0 > 1", "i0 <= 2",
        "count([n0 > 1, f0]) == 1", "min(n0, n1) < 3", "max([n0, n1]) > 5", "sum([n0, n1]) == 4", "mean([n0, n1]) > 2",
    ]

    private static func condition(_ choices: inout ByteChoices, depth: Int, earlier: [String]) -> String {
        guard depth > 0, choices.next(3) > 0 else {
            if !earlier.isEmpty, choices.next(5) == 0 { return earlier[choices.next(earlier.count)] }
            return leaves[choices.next(leaves.count)]
        }
        let parts = (0..<2 + choices.next(3)).map { _ in condition(&choices, depth: depth - 1, earlier: earlier) }
        switch choices.next(3) {
        case 0: return "(" + parts.joined(separator: " and ") + ")"
        case 1: return "(" + parts.joined(separator: " or ") + ")"
        default: return "not (" + parts.joined(separator: " and ") + ")"
        }
    }

    private static func evaluatorProfile(_ choices: inout ByteChoices) -> Profile {
        var facts: [String: Value] = [:]
        func maybe(_ key: String, _ value: (inout ByteChoices) -> Value) {
            if choices.next(4) > 0 { facts[key] = value(&choices) }
        }
        maybe("n0") { .number([-1, 0, 0.5, 1, 2, 3, 7, 1e300, -0.0][$0.next(9)]) }
        maybe("n1") { .number(Double($0.next(11))) }
        maybe("e0") { .string(["a", "b", "c"][$0.next(3)]) }
        maybe("e1") { .string("w" + String(format2: $0.next(70))) }
        maybe("f0") { .bool($0.next(2) == 0) }
        maybe("s0") { choices in .setOf(["x", "y", "z"].filter { _ in choices.next(2) == 0 }) }
        maybe("t0") { .string(["2025-12-31", "2026-01-15", "2026-07-04"][$0.next(3)]) }
        return Profile(name: "p", kind: [nil, "caf", "cci", "zz"][choices.next(4)], facts: facts)
    }
}

/// Choices read from fuzz bytes, one byte each; zero once the bytes run out.
struct ByteChoices {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A number in `0 ..< count`.
    mutating func next(_ count: Int) -> Int {
        guard position < bytes.count, count > 0 else { return 0 }
        defer { position += 1 }
        return Int(bytes[position]) % count
    }
}

private extension String {
    /// Two digits.
    init(format2 value: Int) {
        self = (value < 10 ? "0" : "") + String(value)
    }
}
