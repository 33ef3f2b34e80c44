import RuleModel

/// How one diagnostic came out for one profile.
public struct FindingOutcome: Hashable, Sendable {
    /// The four outcomes: a diagnostic is never silently false.
    public enum Status: String, Hashable, Sendable, CaseIterable, Codable {
        /// The condition is true.
        case fired
        /// The condition is false.
        case notFired = "not_fired"
        /// The condition reads facts the profile does not give, and they decide it.
        case unknown
        /// The diagnostic does not apply to the organisation's kind.
        case notApplicable = "not_applicable"
    }

    /// The diagnostic.
    public let rule: FindingRule
    /// How it came out.
    public let status: Status
    /// For an unknown outcome, the unknown facts it depends on, sorted by id.
    public let missingFacts: [String]
}
