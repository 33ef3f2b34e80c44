import RuleModel

/// A dimension's maturity level for one profile.
public struct DimensionMaturity: Hashable, Sendable {
    public let dimension: Dimension
    /// 1 to 5; `nil` when none of its diagnostics could be decided.
    public let level: Int?
    /// The diagnostics of the dimension that fired, sorted by id.
    public let fired: [String]
    /// How many of its applicable diagnostics were decided (fired or not).
    public let decided: Int
    /// How many of its diagnostics apply to the organisation.
    public let applicable: Int
}
