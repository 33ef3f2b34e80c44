import RuleModel

/// A fact the profile does not give whose answer can decide something still undecided: the
/// consultant's next question.
public struct MissingFact: Hashable, Sendable {
    /// The fact's id.
    public let factID: String
    /// The sum of the severity weights of the undecided diagnostics some answer decides, plus 1
    /// per undecided in-place test of the roadmap and per dimension not assessed some answer
    /// decides.
    public let weight: Double
    /// The undecided diagnostics some answer decides, sorted by id.
    public let decides: [String]
    /// The roadmap's recommendations whose in-place test some answer decides, sorted by id.
    public let decidesInPlace: [String]
    /// The dimensions not assessed whose undecided level some answer decides, in the pack's order.
    public let decidesLevels: [String]
    /// For each diagnostic, recommendation or dimension it decides, the first answer found that decides it.
    public let deciding: [String: Value]
}
