import Diagnostics

/// An axis of the assessment (structure, budget, client service...), rated on maturity levels 1 to 5.
///
/// A dimension's level starts at 5 and loses, for each of its diagnostics that fired, the weight
/// of that diagnostic's severity in ``deductions``; it never goes below 1.
public struct Dimension: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// The names of levels 1 to 5, in order.
    public var levels: [LocalizedText]
    /// Points deducted from 5 per fired diagnostic of each severity.
    public var deductions: [RuleSeverity: Double]
    public var location: SourceLocation?

    /// The deductions a pack may set: from none to the four levels between 5 and 1.
    public static let deductionRange: ClosedRange<Double> = 0...4

    /// The deductions used when a pack sets none: critical 2, high 1, medium 0.5, low 0.25.
    public static let defaultDeductions: [RuleSeverity: Double] = [.critical: 2, .high: 1, .medium: 0.5, .low: 0.25]

    /// Creates a dimension.
    public init(id: String, label: LocalizedText = LocalizedText([:]), levels: [LocalizedText] = [],
                deductions: [RuleSeverity: Double] = Dimension.defaultDeductions, location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.levels = levels
        self.deductions = deductions
        self.location = location
    }
}
