import Diagnostics

/// How big a training programme is for one organisation: how many people it concerns, in groups
/// of what size, for how many days per group. Each is an expression over the profile's facts,
/// indicators and the pack's parameters (`manager_count`, `staff_count * front_line_share / 100`).
public struct TrainingSizing: Hashable, Sendable, Codable {
    /// How many people the training concerns.
    public var participants: Expression
    /// How many people per group.
    public var groupSize: Expression
    /// How many days each group is trained (trainer-days per group).
    public var daysPerGroup: Expression

    /// Creates a sizing.
    public init(participants: Expression, groupSize: Expression, daysPerGroup: Expression) {
        self.participants = participants
        self.groupSize = groupSize
        self.daysPerGroup = daysPerGroup
    }

    /// Its three expressions, in the order written.
    public var expressions: [Expression] { [participants, groupSize, daysPerGroup] }
}
