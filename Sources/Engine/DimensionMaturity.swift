import RuleModel

/// A dimension's maturity level for one profile, from its levels' criteria.
public struct DimensionMaturity: Hashable, Sendable {
    public let dimension: Dimension
    /// 1 to 5: the highest level whose criteria, and those of every lower level, hold; `nil` when
    /// the first level whose criteria do not hold cannot be told (not assessed). Always `nil` for
    /// a dimension without levels.
    public let level: Int?
    /// The highest level proven so far: the level when assessed, else the last level below the
    /// undecided one (at least 1 when the dimension has levels, 0 when it has none).
    public let atLeast: Int
    /// When not assessed, the facts whose answers would decide the undecided level, sorted by id.
    public let missingFacts: [String]
    /// The criteria (leaf expressions) of the next level up that do not hold: what blocks it.
    public let blockers: [Expression]
    /// The diagnostics of the dimension shown as findings (fired, not superseded), sorted by id.
    public let fired: [String]
    /// How many of its applicable diagnostics were decided (fired or not).
    public let decided: Int
    /// How many of its diagnostics apply to the organisation.
    public let applicable: Int
}
