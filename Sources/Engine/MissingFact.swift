/// A fact the profile does not give, worth collecting: the consultant's next question.
public struct MissingFact: Hashable, Sendable {
    /// The fact's id.
    public let factID: String
    /// The sum of the severity weights of the unknown diagnostics it would help decide.
    public let weight: Double
    /// Those diagnostics, sorted by id.
    public let decides: [String]
}
