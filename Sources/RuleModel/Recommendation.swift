import Diagnostics

/// A training programme, governance action or organisation change a pack can recommend.
public struct Recommendation: Hashable, Sendable, Codable {
    /// What sort of action it is.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case training, governance, organisation
    }

    public var id: String
    public var kind: Kind
    /// Who it is for (executives, managers, front-line agents...).
    public var audience: LocalizedText?
    public var title: LocalizedText
    public var summary: LocalizedText?
    public var duration: LocalizedText?
    /// Who in the organisation carries it (a role).
    public var owner: LocalizedText?
    /// What the consultancy delivers.
    public var consultancyDelivers: LocalizedText?
    /// What the organisation itself does.
    public var organisationDoes: LocalizedText?
    /// How the organisation will know it worked: an observable measure with its horizon.
    public var successMeasure: LocalizedText?
    /// Ids of the recommendations that must come first.
    public var requires: [String]
    /// The stage of the pack's method it belongs to (``RulePack/stages``).
    public var stage: String?
    /// When it is already in place: then it is not recommended, and as a prerequisite it is
    /// satisfied.
    public var inPlaceWhen: Condition?
    /// For a training, how big it is for one organisation (participants, groups, days).
    public var training: TrainingSizing?
    public var impact: Magnitude
    public var effort: Magnitude
    public var location: SourceLocation?

    /// Creates a recommendation.
    public init(id: String, kind: Kind, audience: LocalizedText? = nil, title: LocalizedText = LocalizedText([:]),
                summary: LocalizedText? = nil, duration: LocalizedText? = nil, owner: LocalizedText? = nil,
                consultancyDelivers: LocalizedText? = nil, organisationDoes: LocalizedText? = nil, successMeasure: LocalizedText? = nil,
                requires: [String] = [],
                stage: String? = nil, inPlaceWhen: Condition? = nil, training: TrainingSizing? = nil, impact: Magnitude = .medium, effort: Magnitude = .medium, location: SourceLocation? = nil) {
        self.id = id
        self.kind = kind
        self.audience = audience
        self.title = title
        self.summary = summary
        self.duration = duration
        self.owner = owner
        self.consultancyDelivers = consultancyDelivers
        self.organisationDoes = organisationDoes
        self.successMeasure = successMeasure
        self.requires = requires
        self.stage = stage
        self.inPlaceWhen = inPlaceWhen
        self.training = training
        self.impact = impact
        self.effort = effort
        self.location = location
    }
}
