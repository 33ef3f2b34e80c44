import Engine
import RuleModel

/// Everything a report shows, resolved into one language: the renderers only lay it out.
public struct ReportModel: Sendable {
    public struct Maturity: Sendable {
        public let id: String
        public let label: String
        public let level: Int?
        public let levelName: String?
        /// The highest level proven (the level when assessed).
        public let atLeast: Int
        /// When not assessed: labels of the facts that would decide it.
        public let missing: [String]
        /// What keeps it from the next level, in words: the findings and the facts' values that
        /// its criteria need otherwise.
        public let blockers: [String]
        public let fired: Int
        public let decided: Int
        public let applicable: Int

        /// Whether a note goes under the maturity table: the facts that would decide it, or what
        /// keeps it from the next level.
        public var hasNote: Bool { !missing.isEmpty || (level != nil && !blockers.isEmpty) }
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
        /// The label of its theme, when the pack groups diagnostics by theme.
        public let theme: String?
        public let because: String?
        public let rationale: String?
        public let references: [String]
        public let evidence: [Evidence]
        public let recommendations: [String]
        /// Titles of the fired findings it supersedes (not shown on their own).
        public let covers: [String]
    }

    /// Something the organisation does well (a pack's strength that holds).
    public struct StrengthItem: Sendable {
        public let id: String
        public let title: String
        public let dimension: String?
        public let because: String?
        public let rationale: String?
    }

    /// A training of the roadmap sized for the organisation, in words and numbers.
    public struct TrainingItem: Sendable {
        public let id: String
        public let title: String
        public let audience: String?
        public let participants: Int?
        public let groupSize: Double?
        public let groups: Int?
        public let daysPerGroup: Double?
        public let trainerDays: Double?
        public let cost: Double?
        /// Labels of the facts the size needs that the profile does not give.
        public let missing: [String]
    }

    /// A recommendation already in place: not recommended again.
    public struct InPlace: Sendable {
        public let id: String
        public let title: String
        public let kind: Recommendation.Kind
    }

    public struct Action: Sendable {
        public let id: String
        public let title: String
        public let kind: Recommendation.Kind
        public let audience: String?
        public let duration: String?
        public let summary: String?
        public let score: Double
        /// Why it ranks where it does, in words ("answers 3 findings, 1 of them critical; high impact, low effort").
        public let priority: String
        public let phase: Int
        /// The label of its stage in the pack's method.
        public let stage: String?
        /// Whether it comes after the pack's cap on the number of actions.
        public let later: Bool
        /// Titles of its prerequisites already in place.
        public let buildsOn: [String]
        /// Titles of the findings it answers.
        public let answers: [String]
        /// Titles of its prerequisites.
        public let requires: [String]
        /// Titles of the actions that need it, when it was pulled in as a prerequisite.
        public let prerequisiteOf: [String]
        public let pulledIn: Bool
        /// Who in the organisation carries it.
        public let owner: String?
        /// What the consultancy delivers.
        public let consultancyDelivers: String?
        /// What the organisation does itself.
        public let organisationDoes: String?
        /// How the organisation will know it worked.
        public let successMeasure: String?
    }

    /// A message the report opens with, drawn from the findings: a theme that matters, the
    /// finding that says it most strongly, and its figure.
    public struct KeyMessage: Sendable {
        /// The theme's label (the dimension's when the pack has no themes).
        public let theme: String
        /// The findings of the theme counted, in words: "7 constats, dont 2 critiques".
        public let count: String
        /// The gravest severity among them.
        public let severity: RuleSeverity
        /// The title of the finding chosen to say it.
        public let title: String
        /// Its `because` sentence, which carries the figure, when it has one.
        public let figure: String?

        /// The theme and its count: "Le service rendu aux usagers — 3 constats critiques".
        public var lead: String { "\(theme) — \(count)" }

        /// The finding's title and its figure, as sentences.
        public var body: String { ReportText.sentence(title) + (figure.map { " " + ReportText.sentence($0) } ?? "") }
    }

    /// The dates of a phase of the roadmap: from the first day of its first month to the last
    /// day of its last.
    public struct Period: Sendable {
        public let start: CivilDate
        public let end: CivilDate
    }

    /// A stage of the pack's method, for the report's appendix.
    public struct MethodStage: Sendable {
        public let title: String
        public let summary: String?
    }

    /// A dimension's maturity levels by name, level 1 first, for the report's appendix.
    public struct GridRow: Sendable {
        public let dimension: String
        public let levels: [String]
    }

    /// A threshold the report's findings were judged against, for the methodology appendix.
    public struct Threshold: Sendable {
        /// The parameter's id (the JSON report's `parameter`).
        public let id: String
        /// The parameter's label in the report's language.
        public let label: String
        /// Its value for this organisation (its kind's, or the one set for the run), with its
        /// unit: the pack's, or that of what it is compared with.
        public let value: String
        /// The citation it comes from or, for a judgement, what the judgement rests on.
        public let source: String?
        /// Whether the value is the consultancy's judgement rather than a published threshold.
        public let judgement: Bool
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
    /// The consultant's context, in paragraphs (empty when the profile gives none).
    public let context: [String]
    /// The consultant's own key messages.
    public let consultantMessages: [String]
    /// The key messages drawn from the findings: the themes that weigh most (the sum of their
    /// findings' severity weights, as the roadmap counts them, covered findings included),
    /// heaviest first, at most three.
    public let keyMessages: [KeyMessage]
    /// How many months a phase of the roadmap lasts, when the pack says.
    public let phaseMonths: Int?
    /// The pack's method, stage by stage, for the appendix.
    public let method: [MethodStage]
    /// Every reference the findings cite, once each, in the order they first appear: the
    /// appendix's numbered sources (``sourceNumbers(of:)`` gives a finding's numbers).
    public let sources: [String]
    /// Each source's position in ``sources``.
    private let sourcePositions: [String: Int]
    /// The pack's maturity grid, for the appendix.
    public let grid: [GridRow]
    /// The thresholds the findings shown were judged against, in the order the findings first
    /// use them, for the appendix.
    public let thresholds: [Threshold]
    public let packID: String
    public let packName: String
    public let packVersion: String
    public let packHash: String
    public let generatedOn: String
    public let toolVersion: String
    public let maturity: [Maturity]
    public let strengths: [StrengthItem]
    public let findings: [Finding]
    /// The roadmap's actions, later ones included (``Action/later``).
    public let roadmap: [Action]
    public let inPlace: [InPlace]
    /// The roadmap's sized trainings, before the cap.
    public let trainingPlan: [TrainingItem]
    /// Each theme's summary, by its label.
    public let themeSummaries: [String: String?]
    /// Each stage's summary, by its label.
    private let stageSummaries: [String: String?]
    /// The currency of costs, as the pack writes it (`€`).
    public let currency: String?
    public let undecided: [Undecided]
    public let questions: [Question]
    public let notFiredCount: Int
    /// Diagnostics that fired but another that fired supersedes (not among the findings).
    public let supersededCount: Int
    public let notApplicableCount: Int

    /// The number of phases of the roadmap's actions before the cap.
    public var phaseCount: Int { currentActions.map(\.phase).max() ?? 0 }

    /// The roadmap's actions before the cap, grouped by phase, in order.
    public var phases: [(phase: Int, actions: [Action])] {
        Dictionary(grouping: currentActions, by: \.phase).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The training plan's totals over the trainings whose size is known; `complete` is false when
    /// some training's size is not.
    public var trainingTotals: (participants: Int, groups: Int, trainerDays: Double, cost: Double?, complete: Bool) {
        let known = trainingPlan.filter { $0.trainerDays != nil }
        let costs = known.compactMap(\.cost)
        return (known.compactMap(\.participants).reduce(0, +), known.compactMap(\.groups).reduce(0, +),
                known.compactMap(\.trainerDays).reduce(0, +), costs.count == known.count && !known.isEmpty ? costs.reduce(0, +) : nil,
                known.count == trainingPlan.count)
    }

    /// The theme heading to show before the finding at `index`, with the theme's summary: its
    /// theme when it opens a run of that theme (findings come theme by theme), "other findings"
    /// for the first finding without a theme after themed ones, else `nil`.
    public func themeHeading(before index: Int) -> (title: String, summary: String?)? {
        let theme = findings[index].theme
        guard index == 0 || findings[index - 1].theme != theme, groupsFindingsByTheme else { return nil }
        guard let theme else { return (ReportStrings(language: language)("other_findings"), nil) }
        return (theme, themeSummaries[theme] ?? nil)
    }

    /// Whether findings are grouped under theme headings.
    public var groupsFindingsByTheme: Bool { findings.contains { $0.theme != nil } }

    /// The roadmap's actions before the pack's cap, in roadmap order.
    public var currentActions: [Action] { roadmap.filter { !$0.later } }

    /// The actions after the pack's cap, in roadmap order.
    public var laterActions: [Action] { roadmap.filter(\.later) }

    /// A phase's heading, with the stage its actions share when they share one ("Phase 2 —
    /// Governance"; "(suite)" when an earlier phase had the same stage), its dates when the pack
    /// gives a phase's length ("octobre – décembre 2026"), and that stage's summary at the first
    /// phase of the stage.
    public func phaseHeading(_ phase: Int, actions: [Action]) -> (title: String, summary: String?) {
        let words = ReportStrings(language: language)
        let stages = Set(actions.map(\.stage))
        let dates = period(ofPhase: phase).map { " · " + words.months($0.start, $0.end) } ?? ""
        guard stages.count == 1, let stage = stages.first ?? nil else { return (words("phase", String(phase)) + dates, nil) }
        // A stage's summary is said once, at its first phase; its later phases say they continue it.
        let saidBefore = currentActions.contains { $0.phase < phase && $0.stage == stage }
        let title = words("phase_stage", String(phase), stage) + (saidBefore ? " " + words("continued") : "") + dates
        return (title, saidBefore ? nil : stageSummaries[stage] ?? nil)
    }

    /// The numbers (from 1) of a finding's references among ``sources``.
    public func sourceNumbers(of finding: Finding) -> [Int] {
        finding.references.compactMap { reference in sourcePositions[reference].map { $0 + 1 } }
    }

    /// How many questions a report prints: the most decisive; `orgdiag ask` and the JSON report
    /// give them all.
    public static let printedQuestions = 10

    /// The questions a report prints, most decisive first.
    public var printedQuestions: ArraySlice<Question> { questions.prefix(Self.printedQuestions) }

    /// The line after the printed questions when there are more ("… et 19 autres questions…"),
    /// else `nil`.
    public var moreQuestions: String? {
        let more = questions.count - Self.printedQuestions
        guard more > 0 else { return nil }
        let words = ReportStrings(language: language)
        return words("more_questions", words.count(Double(more), "other_question", "other_questions"))
    }

    /// Whether the report has a synthesis beyond its counts: the consultant's text, key messages
    /// or strengths.
    public var hasSynthesis: Bool { !context.isEmpty || !consultantMessages.isEmpty || !keyMessages.isEmpty || !strengths.isEmpty }

    /// The strengths in one line, for the synthesis: "Sur quoi s'appuyer : A ; B".
    public var strengthsLine: String? {
        guard !strengths.isEmpty else { return nil }
        let words = ReportStrings(language: language)
        return words("strengths_lead") + words.colon + strengths.map(\.title).joined(separator: words.semicolon)
    }

    /// An action's details as labelled texts, in the order reports print them: audience, owner,
    /// duration, what the consultancy delivers, what the organisation does, the success measure.
    public func details(of action: Action) -> [(label: String, text: String)] {
        let words = ReportStrings(language: language)
        let fields: [(String, String?)] = [("audience", action.audience), ("owner", action.owner), ("duration", action.duration),
                                           ("consultancy_delivers", action.consultancyDelivers),
                                           ("organisation_does", action.organisationDoes), ("success_measure", action.successMeasure)]
        return fields.compactMap { key, text in text.map { (words(key), $0) } }
    }

    /// The dates of phase `phase` (from 1) of the roadmap before the cap: phase 1 starts the
    /// month after the assessment, or after the report's date when that is later (a roadmap never
    /// starts in the past), and each lasts ``phaseMonths``; `nil` without an assessment date or a
    /// phase length, or for a phase after the cap.
    public func period(ofPhase phase: Int) -> Period? {
        guard let phaseMonths, phase >= 1, phase <= phaseCount, let assessed = assessedOn.flatMap(CivilDate.init(iso:)) else { return nil }
        let origin = CivilDate(iso: generatedOn).map { max($0, assessed) } ?? assessed
        guard let start = origin.startOfMonth(movedBy: 1 + (phase - 1) * phaseMonths),
              let next = origin.startOfMonth(movedBy: 1 + phase * phaseMonths) else { return nil }
        return Period(start: start, end: CivilDate(daysSince1970: next.daysSince1970 - 1))
    }

    /// Builds the model of an evaluation.
    /// - Parameters:
    ///   - evaluation: what the engine concluded.
    ///   - questions: the questions worth asking next (``Engine/questions(for:)``).
    ///   - language: the language of the report; falls back to the pack's default.
    ///   - generatedOn: the date to print (passed in: reports never read the clock).
    ///   - toolVersion: orgdiag's version.
    public init(_ evaluation: Evaluation, questions: [MissingFact], language: String, generatedOn: String, toolVersion: String) {
        let pack = evaluation.pack
        let fallback = pack.metadata.defaultLanguage
        let words = ReportStrings(language: language)
        func text(_ localized: LocalizedText?) -> String? { localized.map { words.typeset($0.text(in: language, fallback: fallback)) } }
        func title(ofDiagnostic id: String) -> String { text(pack.finding(id)?.title) ?? id }
        func title(ofRecommendation id: String) -> String { text(pack.recommendation(id)?.title) ?? id }

        self.language = language
        organisationName = evaluation.profile.name
        organisationKind = evaluation.profile.kind
        organisationKindLabel = evaluation.profile.kind.map { words.organisationKind($0, in: pack) }
        assessedOn = evaluation.profile.assessedOn
        context = evaluation.profile.summary?.context.map { ConsultantSummary.paragraphs($0.text(in: language, fallback: fallback)).map(words.typeset) } ?? []
        consultantMessages = evaluation.profile.summary?.keyMessages.map { words.typeset($0.text(in: language, fallback: fallback)) } ?? []
        phaseMonths = evaluation.value(of: RulePack.phaseMonthsParameter).value.flatMap(RulePack.phaseMonths)
        packID = pack.metadata.id
        packName = text(pack.metadata.name) ?? pack.metadata.id
        packVersion = pack.metadata.version
        packHash = pack.contentHash
        self.generatedOn = generatedOn
        self.toolVersion = toolVersion
        /// A value with its unit, held together and agreeing with the number: "24 % des produits"
        /// ("24% of income" in English), "1 projet", "3 projets".
        func withUnit(_ value: RuntimeValue, _ unitText: String?, of fact: FactDefinition?) -> String {
            words.value(value, unit: unitText, of: fact, fallback: fallback)
        }
        /// The unit of a fact (or its type's) or of an indicator, in the report's language.
        func unit(of name: String) -> String? {
            pack.fact(name).map { text($0.unit) ?? $0.type.defaultUnit } ?? pack.indicator(name).flatMap { text($0.unit) }
        }
        /// A name's value as it reads after its label: "Projets inter-services (12 mois) (0 projet)".
        func reading(_ id: String) -> String? {
            let value = evaluation.value(of: id)
            guard value.isKnown else { return nil }
            if let fact = pack.fact(id) {
                return "\(text(fact.label) ?? id) (\(withUnit(value, text(fact.unit) ?? fact.type.defaultUnit, of: fact)))"
            }
            if let indicator = pack.indicator(id) {
                return "\(text(indicator.label) ?? id) (\(withUnit(value, text(indicator.unit), of: nil)))"
            }
            return nil
        }
        /// A blocking comparison of a name with its threshold (a parameter or a number), the
        /// threshold named with what is expected: "Encadrants formés au changement (15 % des
        /// encadrants ; attendu : au moins 60 % des encadrants)"; `nil` for any other leaf.
        func blockingComparison(_ expression: Expression) -> String? {
            guard case .comparison(let written, let lhs, let rhs) = expression.kind else { return nil }
            func measured(_ side: Expression) -> String? {
                guard case .reference(let id) = side.kind, pack.fact(id) != nil || pack.indicator(id) != nil else { return nil }
                return id
            }
            let (name, other, op): (String, Expression, Expression.ComparisonOperator)
            if let id = measured(lhs) {
                (name, other, op) = (id, rhs, written)
            } else if let id = measured(rhs) {
                (name, other, op) = (id, lhs, written.flipped)
            } else {
                return nil
            }
            let threshold: RuntimeValue
            switch other.kind {
            case .literal(.number(let number)): threshold = .number(number)
            case .reference(let id) where pack.parameter(id) != nil: threshold = evaluation.value(of: id)
            default: return nil
            }
            guard case .number(let limit) = threshold, case .number(let value) = evaluation.value(of: name),
                  let base = reading(name), base.hasSuffix(")") else { return nil }
            // A leaf that holds blocks under `not` or `none`: what is expected is then its negation.
            let wanted = op.holds(value, limit) ? op.negated : op
            let key: String
            switch wanted {
            case .greaterOrEqual: key = "expected_at_least"
            case .greater: key = "expected_more_than"
            case .lessOrEqual: key = "expected_at_most"
            case .less: key = "expected_less_than"
            case .equal: key = "expected_equal"
            case .notEqual: return base
            }
            let fact = pack.fact(name)
            let unit = unit(of: name)
            return base.dropLast() + (language == "fr" ? "\u{a0}; " : "; ") + words(key, withUnit(.number(limit), unit, of: fact)) + ")"
        }
        maturity = evaluation.maturity.map { entry in
            var blockers: [String] = []
            for expression in entry.blockers {
                if let phrase = blockingComparison(expression) {
                    if !blockers.contains(phrase) { blockers.append(phrase) }
                    continue
                }
                for name in expression.references {
                    // A superseded finding is named by the finding that covers it, as the findings list shows it.
                    let shown = evaluation.outcome(of: name)?.supersededBy.first ?? name
                    let phrase = pack.finding(shown).map { text($0.title) ?? shown } ?? reading(name)
                    if let phrase, !blockers.contains(phrase) { blockers.append(phrase) }
                }
            }
            return Maturity(id: entry.dimension.id, label: text(entry.dimension.label) ?? entry.dimension.id, level: entry.level,
                            levelName: entry.level.flatMap { level in
                                level <= entry.dimension.levels.count ? text(entry.dimension.levels[level - 1].name) : nil
                            },
                            atLeast: entry.atLeast, missing: entry.missingFacts.map { text(pack.fact($0)?.label) ?? $0 },
                            blockers: blockers, fired: entry.fired.count, decided: entry.decided, applicable: entry.applicable)
        }
        // Strengths in the order of their dimensions, in-place actions in the order of the method.
        let dimensionOrder = pack.dimensions.positions(by: { $0.id })
        let stageOrder = pack.stages.positions(by: { $0.id })
        strengths = evaluation.strengths.filter { $0.truth == .true }.sorted {
            ($0.strength.dimension.flatMap { dimensionOrder[$0] } ?? Int.max, $0.strength.id)
                < ($1.strength.dimension.flatMap { dimensionOrder[$0] } ?? Int.max, $1.strength.id)
        }.map { outcome in
            let strength = outcome.strength
            return StrengthItem(id: strength.id, title: text(strength.title) ?? strength.id,
                                dimension: strength.dimension.flatMap { text(pack.dimension($0)?.label) },
                                because: text(strength.because).map { words.because($0, in: evaluation) }, rationale: text(strength.rationale))
        }
        // Theme by theme in the pack's order (findings without a theme last), then by severity,
        // then in the order the author wrote them (file, line; the id when a rule has no place).
        let themeOrder = pack.themes.positions(by: { $0.id })
        func themeRank(_ rule: FindingRule) -> Int { rule.theme.flatMap { themeOrder[$0] } ?? pack.themes.count }
        func place(_ rule: FindingRule) -> (String, Int, Int, String) {
            (rule.location?.file.path ?? "", rule.location?.range.start.line ?? 0, rule.location?.range.start.column ?? 0, rule.id)
        }
        let shown = evaluation.findings.sorted {
            let (left, right) = (place($0.rule), place($1.rule))
            return (themeRank($0.rule), $0.rule.severity, left.0, left.1, left.2, left.3)
                < (themeRank($1.rule), $1.rule.severity, right.0, right.1, right.2, right.3)
        }
        /// The facts behind a condition's names, through indicators too, each once, in the order met.
        func factsBehind(_ names: [String]) -> [String] {
            var seen: Set<String> = []
            var facts: [String] = []
            func visit(_ name: String) {
                guard seen.insert(name).inserted else { return }
                if pack.fact(name) != nil {
                    facts.append(name)
                } else if let indicator = pack.indicator(name) {
                    indicator.expression.references.forEach(visit)
                }
            }
            names.forEach(visit)
            return facts
        }
        findings = shown.map { outcome in
            let rule = outcome.rule
            let facts = factsBehind(rule.condition.references)
            let evidence = facts.compactMap { id -> Evidence? in
                let value = evaluation.value(of: id)
                guard value.isKnown, let fact = pack.fact(id) else { return nil }
                return Evidence(fact: id, label: text(fact.label) ?? id, value: withUnit(value, text(fact.unit) ?? fact.type.defaultUnit, of: fact),
                                source: evaluation.profile.evidence[id])
            }
            return Finding(id: rule.id, title: text(rule.title) ?? rule.id, severity: rule.severity,
                           dimension: rule.dimension.flatMap { text(pack.dimension($0)?.label) },
                           theme: rule.theme.flatMap { text(pack.theme($0)?.label) },
                           because: Self.because(of: rule, in: evaluation, language: language), rationale: text(rule.rationale),
                           references: rule.references.compactMap { text($0) }, evidence: evidence,
                           recommendations: rule.recommend.map(title(ofRecommendation:)),
                           covers: evaluation.outcomes.filter { $0.supersededBy.contains(rule.id) }.map { title(ofDiagnostic: $0.rule.id) })
        }
        roadmap = evaluation.roadmap.map { item in
            let recommendation = item.recommendation
            return Action(id: recommendation.id, title: text(recommendation.title) ?? recommendation.id, kind: recommendation.kind,
                          audience: text(recommendation.audience), duration: text(recommendation.duration),
                          summary: text(recommendation.summary), score: item.score,
                          priority: words.priority(of: item, severities: item.calledBy.compactMap { pack.finding($0)?.severity }),
                          phase: item.phase, stage: recommendation.stage.flatMap { text(pack.stage($0)?.label) ?? $0 },
                          later: item.later, buildsOn: item.prerequisitesInPlace.map(title(ofRecommendation:)),
                          answers: item.calledBy.map(title(ofDiagnostic:)),
                          requires: recommendation.requires.filter { !item.prerequisitesInPlace.contains($0) }.map(title(ofRecommendation:)),
                          prerequisiteOf: item.pulledIn ? item.requiredBy.map(title(ofRecommendation:)) : [],
                          pulledIn: item.pulledIn, owner: text(recommendation.owner),
                          consultancyDelivers: text(recommendation.consultancyDelivers),
                          organisationDoes: text(recommendation.organisationDoes), successMeasure: text(recommendation.successMeasure))
        }
        trainingPlan = evaluation.trainingPlan.filter { !$0.later }.map { line in
            TrainingItem(id: line.recommendation.id, title: text(line.recommendation.title) ?? line.recommendation.id,
                         audience: text(line.recommendation.audience), participants: line.participants, groupSize: line.groupSize,
                         groups: line.groups, daysPerGroup: line.daysPerGroup, trainerDays: line.trainerDays, cost: line.cost,
                         missing: line.missingFacts.map { text(pack.fact($0)?.label) ?? $0 })
        }
        // A finding covered by another still weighs, once, in the theme of the finding shown that
        // says it (following a chain of covers up to one that is shown).
        var coveredWeight: [String: Double] = [:]
        for outcome in evaluation.outcomes where outcome.status == .fired && !outcome.supersededBy.isEmpty {
            var cover = outcome.supersededBy.first
            var seen: Set<String> = [outcome.rule.id]
            while let id = cover, let covering = evaluation.outcome(of: id), !covering.isShown, seen.insert(id).inserted {
                cover = covering.supersededBy.first
            }
            if let id = cover, evaluation.outcome(of: id)?.isShown == true { coveredWeight[id, default: 0] += outcome.rule.severity.weight }
        }
        keyMessages = Self.keyMessages(findings, coveredWeight: coveredWeight, words: words)
        var cited: [String] = []
        var seen: Set<String> = []
        for reference in findings.flatMap(\.references) where seen.insert(reference).inserted { cited.append(reference) }
        sources = cited
        sourcePositions = cited.positions(by: { $0 })
        method = pack.stages.map { MethodStage(title: text($0.label) ?? $0.id, summary: text($0.summary)) }
        // The parameters the findings' conditions read (through indicators too), each with the
        // unit of the fact or indicator it is compared with.
        var thresholdOrder: [String] = []
        var thresholdUnits: [String: String] = [:]
        var visited: Set<String> = []
        func collectThresholds(_ expression: Expression) {
            expression.visit { node in
                switch node.kind {
                case .reference(let id) where pack.parameter(id) != nil:
                    if !thresholdOrder.contains(id) { thresholdOrder.append(id) }
                case .reference(let id):
                    // Through indicators and the diagnostics a condition reads, each once.
                    guard visited.insert(id).inserted else { return }
                    if let indicator = pack.indicator(id) { collectThresholds(indicator.expression) }
                    pack.finding(id)?.condition.expressions.forEach(collectThresholds)
                case .comparison(_, let lhs, let rhs):
                    guard case .reference(let left) = lhs.kind, case .reference(let right) = rhs.kind else { return }
                    let (parameter, measured) = pack.parameter(left) != nil ? (left, right) : (right, left)
                    guard pack.parameter(parameter) != nil, thresholdUnits[parameter] == nil else { return }
                    thresholdUnits[parameter] = unit(of: measured)
                default: break
                }
            }
        }
        for finding in shown { finding.rule.condition.expressions.forEach(collectThresholds) }
        thresholds = thresholdOrder.compactMap { id in
            guard let parameter = pack.parameter(id) else { return nil }
            return Threshold(id: id, label: text(parameter.label) ?? id,
                             value: withUnit(evaluation.value(of: id), text(parameter.unit) ?? thresholdUnits[id], of: nil),
                             source: text(parameter.source), judgement: parameter.judgement)
        }
        grid = pack.dimensions.map { dimension in
            GridRow(dimension: text(dimension.label) ?? dimension.id, levels: dimension.levels.map { text($0.name) ?? "" })
        }
        currency = pack.metadata.currency
        themeSummaries = Dictionary(pack.themes.map { (text($0.label) ?? $0.id, text($0.summary)) }, uniquingKeysWith: { first, _ in first })
        stageSummaries = Dictionary(pack.stages.map { (text($0.label) ?? $0.id, text($0.summary)) }, uniquingKeysWith: { first, _ in first })
        inPlace = evaluation.recommendationsInPlace.sorted {
            ($0.stage.flatMap { stageOrder[$0] } ?? Int.max, $0.id) < ($1.stage.flatMap { stageOrder[$0] } ?? Int.max, $1.id)
        }.map { InPlace(id: $0.id, title: text($0.title) ?? $0.id, kind: $0.kind) }
        undecided = evaluation.outcomes(.unknown).sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }.map { outcome in
            Undecided(id: outcome.rule.id, title: text(outcome.rule.title) ?? outcome.rule.id, severity: outcome.rule.severity,
                      missing: outcome.missingFacts.map { text(pack.fact($0)?.label) ?? $0 })
        }
        self.questions = questions.map { missing in
            let fact = pack.fact(missing.factID)
            return Question(fact: missing.factID, label: text(fact?.label) ?? missing.factID, question: text(fact?.question),
                            unit: text(fact?.unit).map { words.unit($0, for: 2) }, weight: missing.weight, decides: missing.decidedCount)
        }
        notFiredCount = evaluation.outcomes(.notFired).count
        supersededCount = evaluation.outcomes(.fired).count - evaluation.findings.count
        notApplicableCount = evaluation.outcomes(.notApplicable).count
    }
}

extension ReportModel {
    /// The themes that matter most (at most three): ranked by the weight of all their findings
    /// (critical 8, high 4, medium 2, low 1, as the roadmap weighs them), those a finding shown
    /// covers included (`coveredWeight`, by the covering finding's id), then by their gravest
    /// finding, then the report's order. Each is said by its gravest finding that gives a figure
    /// (a `because` with a number in it), else by its first finding. A theme with only low
    /// findings is no key message.
    static func keyMessages(_ findings: [Finding], coveredWeight: [String: Double] = [:], words: ReportStrings) -> [KeyMessage] {
        var groups: [(theme: String, findings: [Finding])] = []
        for finding in findings {
            let theme = finding.theme ?? finding.dimension ?? words("other_findings")
            if let index = groups.firstIndex(where: { $0.theme == theme }) {
                groups[index].findings.append(finding)
            } else {
                groups.append((theme, [finding]))
            }
        }
        struct Ranked {
            let order: Int
            let theme: String
            let findings: [Finding]
            let gravest: RuleSeverity
            let weight: Double
        }
        var ranked: [Ranked] = []
        for (order, group) in groups.enumerated() {
            let gravest = group.findings.map(\.severity).min() ?? .low
            guard gravest < .low else { continue }
            let weight = group.findings.map { $0.severity.weight + (coveredWeight[$0.id] ?? 0) }.reduce(0, +)
            ranked.append(Ranked(order: order, theme: group.theme, findings: group.findings, gravest: gravest, weight: weight))
        }
        // A theme matters by all its findings: nine findings of high severity say more than one
        // critical finding.
        ranked.sort { (-$0.weight, $0.gravest, $0.order) < (-$1.weight, $1.gravest, $1.order) }
        return ranked.prefix(3).map { group in
            let gravest = group.findings.filter { $0.severity == group.gravest }
            let chosen = gravest.first { $0.because?.contains(where: \.isNumber) == true } ?? gravest[0]
            return KeyMessage(theme: group.theme, count: words.findingCount(group.findings.map(\.severity)), severity: group.gravest,
                              title: chosen.title, figure: chosen.because)
        }
    }

    /// A diagnostic's `because` sentence as a report in `language` prints it (filled with the
    /// evaluation's values, typeset); `nil` for a diagnostic without one. What a rule test's
    /// `because` expectations read.
    public static func because(of rule: FindingRule, in evaluation: Evaluation, language: String) -> String? {
        guard let template = rule.because else { return nil }
        let words = ReportStrings(language: language)
        return words.because(words.typeset(template.text(in: language, fallback: evaluation.pack.metadata.defaultLanguage)), in: evaluation)
    }
}
