import Diagnostics

/// What a consultant knows about one organisation: its identity and its facts.
public struct Profile: Hashable, Sendable {
    public var name: String
    /// The organisation kind (`caf`, `metropole`...), one of the pack's kinds.
    public var kind: String?
    /// The date of the assessment, ISO `YYYY-MM-DD`.
    public var assessedOn: String?
    /// The known facts; an absent fact is unknown. Changing them drops `indexedFacts`.
    public var facts: [String: Value] {
        didSet { indexedFacts = nil }
    }
    /// Where each value came from, per fact.
    public var evidence: [String: String]
    /// The consultant's context and key messages, when the profile gives them.
    public var summary: ConsultantSummary?
    /// The file the profile was read from.
    public var source: SourceFile?
    /// The facts by catalogue position, when a loader filled them (they then agree with `facts`).
    public var indexedFacts: IndexedFacts?

    /// Creates a profile.
    public init(name: String, kind: String? = nil, assessedOn: String? = nil, facts: [String: Value] = [:],
                evidence: [String: String] = [:], source: SourceFile? = nil) {
        self.name = name
        self.kind = kind
        self.assessedOn = assessedOn
        self.facts = facts
        self.evidence = evidence
        self.source = source
    }
}
