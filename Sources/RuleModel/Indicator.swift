import Diagnostics

/// A derived fact computed from facts, parameters and other indicators.
public struct Indicator: Hashable, Sendable, Codable {
    /// The snake_case id used in expressions.
    public var id: String
    /// The formula.
    public var expression: Expression
    /// The unit, per language.
    public var unit: LocalizedText?
    /// Its name, per language.
    public var label: LocalizedText
    /// The dimension it informs.
    public var dimension: String?
    /// Where it is declared.
    public var location: SourceLocation?

    /// Creates an indicator.
    public init(id: String, expression: Expression, unit: LocalizedText? = nil, label: LocalizedText = LocalizedText([:]),
                dimension: String? = nil, location: SourceLocation? = nil) {
        self.id = id
        self.expression = expression
        self.unit = unit
        self.label = label
        self.dimension = dimension
        self.location = location
    }
}
