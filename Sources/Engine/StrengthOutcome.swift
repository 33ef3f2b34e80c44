import RuleModel

/// How one strength came out for one profile.
public struct StrengthOutcome: Hashable, Sendable {
    public let strength: Strength
    /// Whether the organisation has it; unknown when the profile does not say.
    public let truth: Truth
}
