import RuleModel

/// One recommendation placed in the roadmap.
public struct RoadmapItem: Hashable, Sendable {
    public let recommendation: Recommendation
    /// The phase, from 1: after every prerequisite's phase and every action of an earlier stage.
    public let phase: Int
    /// The priority score (see docs/rule-language.md, "Priority and roadmap").
    public let score: Double
    /// The fired diagnostics that call for it, sorted by id.
    public let calledBy: [String]
    /// Whether it is only here because a called-for recommendation requires it.
    public let pulledIn: Bool
    /// The recommendations in the roadmap that require it, sorted by id.
    public let requiredBy: [String]
    /// Its prerequisites already in place (not in the roadmap), in the order it lists them.
    public let prerequisitesInPlace: [String]
    /// Whether it comes after the pack's cap on the number of actions: listed as "later".
    public let later: Bool
}
