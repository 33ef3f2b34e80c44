import RuleModel

/// Two assessments of the same organisation compared: what was resolved, what is new, what
/// persists, how maturity moved and which facts changed.
public struct EvaluationComparison: Sendable {
    /// A fact whose value differs between the two profiles.
    public struct FactChange: Hashable, Sendable {
        public let factID: String
        public let before: RuntimeValue
        public let after: RuntimeValue
    }

    /// A dimension whose level differs.
    public struct MaturityChange: Hashable, Sendable {
        public let dimension: Dimension
        public let before: Int?
        public let after: Int?
    }

    public let before: Evaluation
    public let after: Evaluation
    /// Diagnostics that fired before and no longer do, by id.
    public let resolved: [FindingOutcome]
    /// Diagnostics that fire now and did not before.
    public let new: [FindingOutcome]
    /// Diagnostics that fire in both.
    public let persisting: [FindingOutcome]
    /// Every dimension, with its level before and after.
    public let maturity: [MaturityChange]
    /// Facts whose value changed, appeared or disappeared, by id.
    public let facts: [FactChange]

    /// Compares two evaluations made with the same pack.
    public init(before: Evaluation, after: Evaluation) {
        self.before = before
        self.after = after
        let firedBefore = Set(before.outcomes(.fired).map(\.rule.id))
        let firedAfter = Set(after.outcomes(.fired).map(\.rule.id))
        resolved = before.outcomes(.fired).filter { !firedAfter.contains($0.rule.id) }
        new = after.outcomes(.fired).filter { !firedBefore.contains($0.rule.id) }
        persisting = after.outcomes(.fired).filter { firedBefore.contains($0.rule.id) }
        maturity = zip(before.maturity, after.maturity).map {
            MaturityChange(dimension: $1.dimension, before: $0.level, after: $1.level)
        }
        facts = after.pack.facts.compactMap { fact in
            let old = before.value(of: fact.id)
            let current = after.value(of: fact.id)
            return old == current ? nil : FactChange(factID: fact.id, before: old, after: current)
        }
    }
}
