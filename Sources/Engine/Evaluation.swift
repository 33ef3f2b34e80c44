import RuleModel

/// Everything the engine concludes about one profile: every diagnostic's outcome, the derived
/// indicators, the roadmap, the maturity per dimension, strengths and actions in place. The
/// questions worth asking next are the engine's to rank (``Engine/questions(for:)``).
public struct Evaluation: Sendable {
    /// The compiled pack the profile was evaluated against.
    public let compiled: CompiledPack
    /// The profile.
    public let profile: Profile
    /// The parameter overrides in force.
    public let overrides: [String: Value]
    /// The value of every slot.
    let slots: [RuntimeValue]
    /// Every diagnostic's outcome, in pack order (by id).
    public let outcomes: [FindingOutcome]
    /// The recommendations, by phase, then score (highest first), then id.
    public let roadmap: [RoadmapItem]
    /// Maturity per dimension, by dimension id.
    public let maturity: [DimensionMaturity]
    /// The facts that do not make sense for this profile (their `relevant_when` is false): not
    /// asked, not listed as missing.
    public var irrelevantFacts: Set<String> = []
    /// The truth of each in-place test (`in_place_when`), by recommendation id.
    public var inPlaceTests: [String: Truth] = [:]
    /// Every strength's outcome, in pack order (by id).
    public var strengths: [StrengthOutcome] = []
    /// The roadmap's trainings that say how big they are, sized for this profile, in roadmap order.
    public var trainingPlan: [TrainingLine] = []

    /// The recommendations already in place (their `in_place_when` holds), in pack order (by id).
    public var recommendationsInPlace: [Recommendation] {
        pack.recommendations.filter { inPlaceTests[$0.id] == .true }
    }

    /// The pack.
    public var pack: RulePack { compiled.pack }

    /// The value of a fact, parameter, indicator or diagnostic (as a boolean) by id.
    public func value(of id: String) -> RuntimeValue {
        compiled.slot(of: id).map { slots[$0] } ?? .unknown
    }

    /// The outcome of the diagnostic with `id`.
    public func outcome(of id: String) -> FindingOutcome? {
        outcomes.first { $0.rule.id == id }
    }

    /// The findings reports show: the diagnostics that fired and that no other fired diagnostic
    /// supersedes, in pack order.
    public var findings: [FindingOutcome] { outcomes.filter(\.isShown) }

    /// The outcomes with a given status, in pack order.
    public func outcomes(_ status: FindingOutcome.Status) -> [FindingOutcome] {
        outcomes.filter { $0.status == status }
    }

    /// Fills placeholders with values written by `format(name, value, placeholderFormat)`, which
    /// localises them and applies the placeholder's format (``SentenceTemplate``).
    public func fill(_ template: String, format: (String, RuntimeValue, SentenceTemplate.Format?) -> String) -> String {
        SentenceTemplate(template).filled { name, placeholderFormat in format(name, value(of: name), placeholderFormat) }
    }
}
