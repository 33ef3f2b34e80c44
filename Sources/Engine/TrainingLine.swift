import RuleModel

/// One line of a training plan: a training of the roadmap sized for the organisation.
public struct TrainingLine: Hashable, Sendable {
    public let recommendation: Recommendation
    /// How many people it concerns, rounded to a whole person; `nil` when the profile does not say.
    public let participants: Int?
    /// People per group.
    public let groupSize: Double?
    /// How many groups: participants divided by the group size, rounded up.
    public let groups: Int?
    /// Days of training per group.
    public let daysPerGroup: Double?
    /// Trainer-days: groups times days per group.
    public let trainerDays: Double?
    /// Trainer-days times the pack's day rate, when it has one.
    public let cost: Double?
    /// The facts the profile does not give that the size needs, sorted by id.
    public let missingFacts: [String]
    /// Whether the training comes after the roadmap's cap (listed as later).
    public let later: Bool
}
