import Diagnostics

/// A pack's diagnostic: a problem an organisation may have, the condition that reveals it and the
/// recommendations that answer it.
public struct FindingRule: Hashable, Sendable, Codable {
    /// A profile given as an example, with the outcome it must produce.
    public struct Example: Hashable, Sendable, Codable {
        /// The facts of the example (absent facts are unknown).
        public var facts: [String: Value]
        /// The organisation kind, if the example sets one.
        public var kind: String?
        /// The date of the assessment, if the example sets one (`assessed_on`).
        public var assessedOn: String?
        /// Where the example is written.
        public var location: SourceLocation?

        /// Creates an example.
        public init(facts: [String: Value], kind: String? = nil, assessedOn: String? = nil, location: SourceLocation? = nil) {
            self.facts = facts
            self.kind = kind
            self.assessedOn = assessedOn
            self.location = location
        }
    }

    /// Examples that must fire, must not fire, and must stay unknown.
    public struct Examples: Hashable, Sendable, Codable {
        public var fires: [Example]
        public var doesNotFire: [Example]
        public var unknown: [Example]

        /// Creates a set of examples.
        public init(fires: [Example] = [], doesNotFire: [Example] = [], unknown: [Example] = []) {
            self.fires = fires
            self.doesNotFire = doesNotFire
            self.unknown = unknown
        }
    }

    public var id: String
    public var dimension: String?
    /// The theme reports show it under (``RulePack/themes``).
    public var theme: String?
    public var severity: RuleSeverity
    public var title: LocalizedText
    public var rationale: LocalizedText?
    public var references: [LocalizedText]
    /// The organisation kinds it applies to; `nil` for all.
    public var appliesTo: [String]?
    public var condition: Condition
    /// The sentence explaining a firing, with `{name}` placeholders filled from values.
    public var because: LocalizedText?
    /// Ids of the recommendations that answer it, in order.
    public var recommend: [String]
    /// Ids of the diagnostics it covers: when both fire (the critical form and the high one of the
    /// same figure), reports show only this one and the covered ones weigh nothing.
    public var supersedes: [String]
    public var examples: Examples
    public var location: SourceLocation?

    /// Creates a diagnostic rule.
    public init(id: String, dimension: String? = nil, theme: String? = nil, severity: RuleSeverity, title: LocalizedText = LocalizedText([:]),
                rationale: LocalizedText? = nil, references: [LocalizedText] = [], appliesTo: [String]? = nil,
                condition: Condition, because: LocalizedText? = nil, recommend: [String] = [],
                supersedes: [String] = [], examples: Examples = Examples(), location: SourceLocation? = nil) {
        self.id = id
        self.dimension = dimension
        self.theme = theme
        self.severity = severity
        self.title = title
        self.rationale = rationale
        self.references = references
        self.appliesTo = appliesTo
        self.condition = condition
        self.because = because
        self.recommend = recommend
        self.supersedes = supersedes
        self.examples = examples
        self.location = location
    }
}
