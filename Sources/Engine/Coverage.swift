import RuleModel

/// Which leaves of a pack's conditions a set of evaluations exercised, as `opa test --coverage`
/// tells for Rego: for each leaf (a comparison, a test, a name, anything below the `all`/`any`/
/// `none`/`not` blocks and the `and`/`or`/`not` operators) of each diagnostic, indicator, strength
/// and maturity criterion, how often it was true, false, unknown, or another value. Recorded from
/// the slots of each evaluation with the reference tree evaluator, so the counts do not depend on
/// what the fast program skipped.
public struct Coverage: Sendable {
    /// What a leaf belongs to.
    public enum Owner: Hashable, Sendable, CustomStringConvertible {
        /// A diagnostic's condition, by id.
        case diagnostic(String)
        /// An indicator's formula, by id.
        case indicator(String)
        /// A strength's condition, by id.
        case strength(String)
        /// A dimension's level criteria (level 2 and above).
        case criterion(dimension: String, level: Int)

        public var description: String {
            switch self {
            case .diagnostic(let id): return "diagnostic \(id)"
            case .indicator(let id): return "indicator \(id)"
            case .strength(let id): return "strength \(id)"
            case .criterion(let dimension, let level): return "maturity \(dimension) level \(level)"
            }
        }
    }

    /// One leaf and what it was across the evaluations recorded.
    public struct Leaf: Sendable {
        /// What the leaf belongs to.
        public let owner: Owner
        /// The leaf, with its place in the pack.
        public let expression: Expression
        /// Times it was true.
        public fileprivate(set) var trueCount = 0
        /// Times it was false.
        public fileprivate(set) var falseCount = 0
        /// Times it was unknown.
        public fileprivate(set) var unknownCount = 0
        /// Times it had a value that is no truth (a number, a word: indicators' formulas).
        public fileprivate(set) var valueCount = 0

        /// Whether it ever had a value: true, false or another.
        public var isExercised: Bool { trueCount + falseCount + valueCount > 0 }
        /// Whether it was both true and false, or for a leaf that is no truth, ever known.
        public var isCovered: Bool { (trueCount > 0 && falseCount > 0) || valueCount > 0 }
    }

    /// The leaves, owner by owner in the pack's order (diagnostics, indicators, strengths, criteria).
    public private(set) var leaves: [Leaf] = []
    /// How many evaluations were recorded.
    public private(set) var evaluationCount = 0
    private var compiledLeaves: [CompiledExpression?] = []

    /// No evaluation recorded yet, every leaf of `engine`'s pack listed.
    public init(engine: Engine) {
        let pack = engine.compiled.pack
        var owned: [(Owner, Expression)] = []
        for rule in pack.findings { owned += Self.leaves(of: rule.condition).map { (.diagnostic(rule.id), $0) } }
        for indicator in pack.indicators { owned += Self.leaves(of: indicator.expression).map { (.indicator(indicator.id), $0) } }
        for strength in pack.strengths { owned += Self.leaves(of: strength.condition).map { (.strength(strength.id), $0) } }
        for dimension in pack.dimensions {
            for (index, level) in dimension.levels.enumerated() {
                guard let criteria = level.criteria else { continue }
                owned += Self.leaves(of: criteria).map { (.criterion(dimension: dimension.id, level: index + 1), $0) }
            }
        }
        leaves = owned.map { Leaf(owner: $0.0, expression: $0.1) }
        compiledLeaves = owned.map { try? CompiledExpression.compile($0.1, slot: engine.compiled.slotLookup) }
    }

    /// Counts what each leaf was in `evaluation` (a diagnostic's leaves not where it does not
    /// concern the organisation's kind).
    public mutating func record(_ evaluation: Evaluation) {
        evaluationCount += 1
        let notApplicable = Set(evaluation.outcomes.filter { $0.status == .notApplicable }.map(\.rule.id))
        for index in leaves.indices {
            if case .diagnostic(let id) = leaves[index].owner, notApplicable.contains(id) { continue }
            switch compiledLeaves[index]?.evaluate(evaluation.slots) ?? .unknown {
            case .bool(true): leaves[index].trueCount += 1
            case .bool(false): leaves[index].falseCount += 1
            case .unknown: leaves[index].unknownCount += 1
            default: leaves[index].valueCount += 1
            }
        }
    }

    /// The share of leaves covered, from 0 to 1 (1 for a pack without leaves).
    public var coveredShare: Double {
        leaves.isEmpty ? 1 : Double(leaves.filter(\.isCovered).count) / Double(leaves.count)
    }

    /// The leaves of a condition: its expressions split at `and`, `or` and `not`.
    static func leaves(of condition: Condition) -> [Expression] {
        switch condition {
        case .expression(let expression): return leaves(of: expression)
        case .all(let parts, _), .any(let parts, _), .none(let parts, _): return parts.flatMap { leaves(of: $0) }
        case .not(let part, _): return leaves(of: part)
        }
    }

    static func leaves(of expression: Expression) -> [Expression] {
        var found: [Expression] = []
        var pending = [expression]
        while let next = pending.popLast() {
            switch next.kind {
            case .and(let lhs, let rhs), .or(let lhs, let rhs): pending += [rhs, lhs]
            case .not(let operand): pending.append(operand)
            default: found.append(next)
            }
        }
        return found
    }
}
