import Engine
import RuleModel

/// Everything a report shows, resolved into one language: the renderers only lay it out.
public struct ReportModel: Sendable {
    public struct Maturity: Sendable {
        public let id: String
        public let label: String
        public let level: Int?
        public let levelName: String?
        public let fired: Int
        public let decided: Int
        public let applicable: Int
    }

    public struct Evidence: Sendable {
        public let fact: String
        public let label: String
        public let value: String
        public let source: String?
    }

    public struct Finding: Sendable {
        public let id: String
        public let title: String
        public let severity: RuleSeverity
        public let dimension: String?
        public let because: String?
        public let rationale: String?
        public let references: [String]
        public let evidence: [Evidence]
        public let recommendations: [String]
    }

    public struct Action: Sendable {
        public let id: String
        public let title: String
        public let kind: Recommendation.Kind
        public let audience: String?
        public let duration: String?
        public let summary: String?
        public let score: Double
        public let phase: Int
        /// Titles of the findings it answers.
        public let answers: [String]
        /// Titles of its prerequisites.
        public let requires: [String]
        /// Titles of the actions that need it, when it was pulled in as a prerequisite.
        public let prerequisiteOf: [String]
        public let pulledIn: Bool
    }

    public struct Undecided: Sendable {
        public let id: String
        public let title: String
        public let severity: RuleSeverity
        public let missing: [String]
    }

    public struct Question: Sendable {
        public let fact: String
        public let label: String
        public let question: String?
        public let unit: String?
        public let weight: Double
        public let decides: Int
    }

    public let language: String
    public let organisationName: String
    public let organisationKind: String?
    /// The kind as the pack names it in the report's language, or the kind's word.
    public let organisationKindLabel: String?
    public let assessedOn: String?
    public let packID: String
    public let packName: String
    public let packVersion: String
    public let packHash: String
    public let generatedOn: String
    public let toolVersion: String
    public let maturity: [Maturity]
    public let findings: [Finding]
    public let roadmap: [Action]
    public let undecided: [Undecided]
    public let questions: [Question]
    public let notFiredCount: Int
    public let notApplicableCount: Int

    /// The number of phases in the roadmap.
    public var phaseCount: Int { roadmap.map(\.phase).max() ?? 0 }

    /// The roadmap's actions grouped by phase, in order.
    public var phases: [(phase: Int, actions: [Action])] {
        Dictionary(grouping: roadmap, by: \.phase).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Builds the model of an evaluation.
    /// - Parameters:
    ///   - evaluation: what the engine concluded.
    ///   - language: the language of the report; falls back to the pack's default.
    ///   - generatedOn: the date to print (passed in: reports never read the clock).
    ///   - toolVersion: orgdiag's version.
    public init(_ evaluation: Evaluation, language: String, generatedOn: String, toolVersion: String) {
        let pack = evaluation.pack
        let fallback = pack.metadata.defaultLanguage
        let words = ReportStrings(language: language)
        func text(_ localized: LocalizedText?) -> String? { localized.map { $0.text(in: language, fallback: fallback) } }
        func title(ofDiagnostic id: String) -> String { text(pack.finding(id)?.title) ?? id }
        func title(ofRecommendation id: String) -> String { text(pack.recommendation(id)?.title) ?? id }

        self.language = language
        organisationName = evaluation.profile.name
        organisationKind = evaluation.profile.kind
        organisationKindLabel = evaluation.profile.kind.map { text(pack.metadata.organisationKindLabels[$0]) ?? $0 }
        assessedOn = evaluation.profile.assessedOn
        packID = pack.metadata.id
        packName = text(pack.metadata.name) ?? pack.metadata.id
        packVersion = pack.metadata.version
        packHash = pack.contentHash
        self.generatedOn = generatedOn
        self.toolVersion = toolVersion
        maturity = evaluation.maturity.map { entry in
            Maturity(id: entry.dimension.id, label: text(entry.dimension.label) ?? entry.dimension.id, level: entry.level,
                     levelName: entry.level.flatMap { level in
                         level <= entry.dimension.levels.count ? text(entry.dimension.levels[level - 1]) : nil
                     },
                     fired: entry.fired.count, decided: entry.decided, applicable: entry.applicable)
        }
        findings = evaluation.outcomes(.fired).sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }.map { outcome in
            let rule = outcome.rule
            let facts = rule.condition.references.filter { pack.fact($0) != nil }
            let evidence = facts.compactMap { id -> Evidence? in
                let value = evaluation.value(of: id)
                guard value.isKnown, let fact = pack.fact(id) else { return nil }
                // "24 %" in French, "24%" in English.
                let unitText = text(fact.unit) ?? (fact.type.defaultUnit ?? "")
                let unit = unitText.isEmpty ? "" : (unitText.hasPrefix("%") && language != "fr" ? "" : " ") + unitText
                return Evidence(fact: id, label: text(fact.label) ?? id, value: words.value(value, of: fact, fallback: fallback) + unit,
                                source: evaluation.profile.evidence[id])
            }
            return Finding(id: rule.id, title: text(rule.title) ?? rule.id, severity: rule.severity,
                           dimension: rule.dimension.flatMap { text(pack.dimension($0)?.label) },
                           because: text(rule.because).map { sentence in
                               evaluation.fill(sentence) { name, value in words.value(value, of: pack.fact(name), fallback: fallback) }
                           }, rationale: text(rule.rationale),
                           references: rule.references, evidence: evidence,
                           recommendations: rule.recommend.map(title(ofRecommendation:)))
        }
        roadmap = evaluation.roadmap.map { item in
            let recommendation = item.recommendation
            return Action(id: recommendation.id, title: text(recommendation.title) ?? recommendation.id, kind: recommendation.kind,
                          audience: text(recommendation.audience), duration: text(recommendation.duration),
                          summary: text(recommendation.summary), score: item.score, phase: item.phase,
                          answers: item.calledBy.map(title(ofDiagnostic:)),
                          requires: recommendation.requires.map(title(ofRecommendation:)),
                          prerequisiteOf: item.pulledIn ? item.requiredBy.map(title(ofRecommendation:)) : [],
                          pulledIn: item.pulledIn)
        }
        undecided = evaluation.outcomes(.unknown).sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }.map { outcome in
            Undecided(id: outcome.rule.id, title: text(outcome.rule.title) ?? outcome.rule.id, severity: outcome.rule.severity,
                      missing: outcome.missingFacts.map { text(pack.fact($0)?.label) ?? $0 })
        }
        questions = evaluation.missingFacts.map { missing in
            let fact = pack.fact(missing.factID)
            return Question(fact: missing.factID, label: text(fact?.label) ?? missing.factID, question: text(fact?.question),
                            unit: text(fact?.unit), weight: missing.weight, decides: missing.decides.count)
        }
        notFiredCount = evaluation.outcomes(.notFired).count
        notApplicableCount = evaluation.outcomes(.notApplicable).count
    }
}
