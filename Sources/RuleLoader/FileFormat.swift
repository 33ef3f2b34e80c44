/// The keys each kind of mapping of a pack, a profile or a rule-test file accepts. The loaders
/// check against these lists, and a test keeps the JSON Schemas in docs/schema in step with them.
public enum FileFormat {
    /// The sections of a pack file.
    public static let packFileKeys = ["pack", "facts", "parameters", "indicators", "dimensions", "stages", "themes", "strengths",
                                       "diagnostics", "recommendations"]
    /// The `pack:` header; `id`, `version` and `languages` are required.
    public static let headerKeys = ["id", "name", "version", "languages", "default_language", "organisation_kinds", "currency"]
    /// A fact; `type` and `label` are required.
    public static let factKeys = ["type", "range", "values", "unit", "dimension", "label", "question", "relevant_when"]
    /// A parameter in its long form; `value` is required.
    public static let parameterKeys = ["value", "by_kind", "label", "unit", "source", "judgement"]
    /// An indicator in its long form; `expr` is required.
    public static let indicatorKeys = ["expr", "unit", "label", "dimension"]
    /// A dimension; `label` is required.
    public static let dimensionKeys = ["label", "levels"]
    /// A maturity level written as a mapping; `name` is required, and `criteria` from level 2.
    public static let levelKeys = ["name", "criteria"]
    /// A stage of the method; `label` is required.
    public static let stageKeys = ["label", "summary"]
    /// A theme of diagnostics; `label` is required.
    public static let themeKeys = ["label", "summary"]
    /// A strength; `id`, `title` and `when` are required.
    public static let strengthKeys = ["id", "dimension", "title", "rationale", "when", "because"]
    /// A diagnostic; `id`, `severity`, `title` and `when` are required.
    public static let diagnosticKeys = ["id", "dimension", "theme", "severity", "title", "rationale", "references", "applies_to", "when",
                                        "because", "recommend", "supersedes", "examples"]
    /// A diagnostic's examples.
    public static let exampleKeys = ["fires", "does_not_fire", "unknown"]
    /// A recommendation; `id`, `kind` and `title` are required.
    public static let recommendationKeys = ["id", "kind", "audience", "title", "summary", "duration", "owner", "consultancy_delivers",
                                             "organisation_does", "success_measure", "stage", "requires",
                                             "in_place_when", "training", "impact", "effort"]
    /// A training recommendation's size; all three are required.
    public static let trainingKeys = ["participants", "group_size", "days_per_group"]
    /// The sections of a profile; `organisation` is required.
    public enum ProfileSection: String, CaseIterable, Sendable {
        case organisation, facts, evidence, summary
    }

    /// The fields of a profile's `summary`: the consultant's own text.
    public enum SummaryField: String, CaseIterable, Sendable {
        case context
        case keyMessages = "key_messages"
    }

    /// The fields of a profile's `organisation`; `name` is required.
    public enum OrganisationField: String, CaseIterable, Sendable {
        case name, kind
        case assessedOn = "assessed_on"
    }

    /// A profile; `organisation` is required.
    public static let profileKeys = ProfileSection.allCases.map(\.rawValue)
    /// A profile's `organisation`; `name` is required.
    public static let organisationKeys = OrganisationField.allCases.map(\.rawValue)
    /// A profile's `summary`.
    public static let summaryKeys = SummaryField.allCases.map(\.rawValue)
}
