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
    /// For a fired diagnostic, the fired diagnostics that supersede it (``FindingRule/supersedes``),
    /// sorted by id: reports show those instead, and it weighs nothing in the roadmap (conditions
    /// and level criteria that read it still see it fired).
    public var supersededBy: [String] = []

    /// Whether it fired and no other fired diagnostic covers it: what reports show as a finding.
    public var isShown: Bool { status == .fired && supersededBy.isEmpty }

    /// Creates an outcome.
    public init(rule: FindingRule, status: Status, missingFacts: [String], supersededBy: [String] = []) {
        self.rule = rule
        self.status = status
        self.missingFacts = missingFacts
        self.supersededBy = supersededBy
    }
}
