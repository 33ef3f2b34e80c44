import RuleModel

/// A fact the profile does not give whose answer can decide something still undecided: the
/// consultant's next question.
public struct MissingFact: Hashable, Sendable {
    /// Something still undecided an answer can decide: diagnostics, recommendations and
    /// dimensions have their own namespaces, so an id alone would not say which.
    public enum Undecided: Hashable, Sendable {
        case diagnostic(String)
        case inPlaceTest(String)
        case maturityLevel(String)
    }

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
    /// For each undecided thing it decides, the first answer found that decides it.
    public let deciding: [Undecided: Value]

    /// How many undecided things some answer decides: diagnostics, in-place tests, maturity levels.
    public var decidedCount: Int { decides.count + decidesInPlace.count + decidesLevels.count }
}
