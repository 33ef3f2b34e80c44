import Diagnostics

/// One entry of a pack's fact catalogue: what a profile may say about an organisation.
public struct FactDefinition: Hashable, Sendable, Codable {
    /// The snake_case id used in expressions and profiles.
    public var id: String
    /// The type of its values.
    public var type: FactType
    /// The allowed numeric range, inclusive (a percentage is always within 0–100).
    public var range: ClosedRange<Double>?
    /// The allowed words, for `enum` and `set` facts.
    public var values: [String]
    /// How each word reads in reports, per language, when the pack says so.
    public var valueLabels: [String: LocalizedText]
    /// The unit, per language.
    public var unit: LocalizedText?
    /// The dimension it informs.
    public var dimension: String?
    /// Its name, per language.
    public var label: LocalizedText
    /// The question a consultant asks to learn it, per language.
    public var question: LocalizedText?
    /// When the fact makes sense (`engagement_score` only when a survey was run): where this is
    /// false, the fact is not asked and not listed as missing.
    public var relevantWhen: Condition?
    /// Where it is declared.
    public var location: SourceLocation?

    /// Creates a fact definition.
    public init(id: String, type: FactType, range: ClosedRange<Double>? = nil, values: [String] = [],
                valueLabels: [String: LocalizedText] = [:],
                unit: LocalizedText? = nil, dimension: String? = nil, label: LocalizedText = LocalizedText([:]),
                question: LocalizedText? = nil, relevantWhen: Condition? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.type = type
        self.range = range ?? type.defaultRange
        self.values = values
        self.valueLabels = valueLabels
        self.unit = unit
        self.dimension = dimension
        self.label = label
        self.question = question
        self.relevantWhen = relevantWhen
        self.location = location
    }
}
