import RuleModel

/// Two assessments of the same organisation compared: what was resolved, what is new, what is
/// now established (it could not be told before), what persists, what can no longer be told,
/// which actions are now in place, how maturity moved and which facts changed.
public struct EvaluationComparison: Sendable {
    /// A fact whose value differs between the two profiles.
    public struct FactChange: Hashable, Sendable {
        public let factID: String
        public let before: RuntimeValue
        public let after: RuntimeValue
    }

    /// A dimension's level before and after (`nil`: not assessed, at least `…AtLeast`).
    public struct MaturityChange: Hashable, Sendable {
        public let dimension: Dimension
        public let before: Int?
        public let after: Int?
        public let beforeAtLeast: Int
        public let afterAtLeast: Int
    }

    public let before: Evaluation
    public let after: Evaluation
    /// Findings shown before (fired, not superseded) that no longer fire or no longer apply, by id.
    public let resolved: [FindingOutcome]
    /// Diagnostics that fire now and did not before (they did not fire, or did not apply).
    public let new: [FindingOutcome]
    /// Diagnostics that fire now and could not be told before (unknown then): established, not new.
    public let established: [FindingOutcome]
    /// Diagnostics that fire in both.
    public let persisting: [FindingOutcome]
    /// Diagnostics that fired before and cannot be told now (a fact went missing).
    public let undecided: [FindingOutcome]
    /// Recommendations in place now and not before: progress on the roadmap.
    public let nowInPlace: [Recommendation]
    /// Recommendations in place before and no longer.
    public let noLongerInPlace: [Recommendation]
    /// Every dimension, with its level before and after.
    public let maturity: [MaturityChange]
    /// Facts whose value changed, appeared or disappeared, by id.
    public let facts: [FactChange]

    /// Compares two evaluations made with the same pack.
    public init(before: Evaluation, after: Evaluation) {
        self.before = before
        self.after = after
        let statusBefore = Dictionary(before.outcomes.map { ($0.rule.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        let statusAfter = Dictionary(after.outcomes.map { ($0.rule.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        // The findings the reports show (a superseded finding is said by the one that covers it).
        resolved = before.findings.filter { statusAfter[$0.rule.id] == .notFired || statusAfter[$0.rule.id] == .notApplicable }
        undecided = before.findings.filter { statusAfter[$0.rule.id] == .unknown }
        new = after.findings.filter { statusBefore[$0.rule.id] == .notFired || statusBefore[$0.rule.id] == .notApplicable }
        established = after.findings.filter { statusBefore[$0.rule.id] == .unknown }
        persisting = after.findings.filter { statusBefore[$0.rule.id] == .fired }
        let inPlaceBefore = Set(before.recommendationsInPlace.map(\.id))
        let inPlaceAfter = Set(after.recommendationsInPlace.map(\.id))
        nowInPlace = after.recommendationsInPlace.filter { !inPlaceBefore.contains($0.id) }
        noLongerInPlace = before.recommendationsInPlace.filter { !inPlaceAfter.contains($0.id) }
        maturity = zip(before.maturity, after.maturity).map {
            MaturityChange(dimension: $1.dimension, before: $0.level, after: $1.level, beforeAtLeast: $0.atLeast, afterAtLeast: $1.atLeast)
        }
        facts = after.pack.facts.compactMap { fact in
            let old = before.value(of: fact.id)
            let current = after.value(of: fact.id)
            return old == current ? nil : FactChange(factID: fact.id, before: old, after: current)
        }
    }
}
