import Diagnostics
import RuleModel
import YAML

/// What the structure stage reads from a pack's files, before the checks that need the whole pack.
struct PackDraft {
    /// An example not yet decoded: it needs the whole fact catalogue.
    struct PendingExample {
        let findingIndex: Int
        let expected: ExampleExpectation
        let node: YAMLNode
    }

    /// The three example lists of a diagnostic.
    enum ExampleExpectation { case fires, doesNotFire, unknown }

    /// A localised text and where it is written, for the translation check.
    struct Text {
        let text: LocalizedText
        let location: SourceLocation
        let what: String
    }

    var metadata: RulePack.Metadata?
    var headerLocation: SourceLocation?
    var facts: [FactDefinition] = []
    var parameters: [Parameter] = []
    var indicators: [Indicator] = []
    var dimensions: [Dimension] = []
    var findings: [FindingRule] = []
    var recommendations: [Recommendation] = []
    var stages: [Stage] = []
    var themes: [Theme] = []
    var strengths: [Strength] = []
    var examples: [PendingExample] = []
    /// Every expression read so far (``RulePack/expressions(facts:indicators:findings:)``).
    var expressions: [Expression] {
        RulePack.expressions(facts: facts, indicators: indicators, findings: findings, recommendations: recommendations,
                             strengths: strengths, dimensions: dimensions)
    }

    /// The names of facts, parameters, indicators and diagnostics whose entries could not be
    /// read: they are declared all the same, so that their uses are not reported as unknown
    /// names on top of the entry's own error.
    var brokenNames: Set<String> = []
    var texts: [Text] = []
    /// Where each kind-specific parameter value and `applies_to` names a kind.
    var kindMentions: [(id: String, location: SourceLocation)] = []
    /// Where each `dimension:` of a fact, an indicator or a diagnostic names a dimension.
    var dimensionMentions: [(id: String, location: SourceLocation)] = []
    /// Where each `recommend` and `requires` names a recommendation.
    var recommendationMentions: [(id: String, location: SourceLocation)] = []
    /// Where each recommendation's `requires` names each prerequisite, by recommendation id.
    var requiresLocations: [String: [String: SourceLocation]] = [:]
    /// Where each diagnostic's `theme:` names a theme.
    var themeMentions: [(id: String, location: SourceLocation)] = []
    /// Where each recommendation's `stage:` names a stage.
    var stageMentions: [(id: String, location: SourceLocation)] = []
    /// Where each `supersedes` names a diagnostic, with the diagnostic that names it.
    var supersedesMentions: [(id: String, by: String, location: SourceLocation)] = []
    /// Where each `because` sentence is written, per diagnostic index: the whole entry, and each
    /// language's text with where each of its characters stands (to point at a `{placeholder}`).
    var becauseLocations: [Int: SourceLocation] = [:]
    var becauseOrigins: [Int: [String: TextOrigin]] = [:]
    /// The same for strengths' `because` sentences, per strength index.
    var strengthBecauseLocations: [Int: SourceLocation] = [:]
    var strengthBecauseOrigins: [Int: [String: TextOrigin]] = [:]
}
