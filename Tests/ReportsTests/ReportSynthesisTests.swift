import Diagnostics
import Engine
import RuleModel
import Testing
@testable import Reports

/// What a report opens with and how its roadmap reads: the consultant's text, the key messages
/// drawn from the findings, dated phases, each action's owner and success measure, the evidence
/// behind an indicator, and `because` formats.
@Suite struct ReportSynthesisTests {
    private func text(_ fr: String, _ en: String) -> LocalizedText { LocalizedText(["fr": fr, "en": en]) }
    private func condition(_ source: String) throws -> Condition { .expression(try ExpressionParser.parse(source)) }
    private func place(_ line: Int) -> Diagnostics.SourceLocation {
        Diagnostics.SourceLocation(file: SourceFile(path: "d.yaml", text: ""), range: SourceRange(start: SourcePosition(line: line, column: 5)))
    }

    private func pack() throws -> RulePack {
        let number = { (id: String) in FactDefinition(id: id, type: .integer, range: 0...1000, label: self.text(id, id)) }
        return RulePack(
            metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr"),
            facts: ["levels", "entry_points", "silo_a", "silo_b", "change", "answered_calls"].map(number),
            parameters: [Parameter(id: RulePack.phaseMonthsParameter, value: .number(3))],
            indicators: [Indicator(id: "silo_signals", expression: try ExpressionParser.parse("silo_a + silo_b"))],
            findings: [
                // Written in this order: the report keeps it within a severity, whatever the ids.
                FindingRule(id: "z_layers", theme: "organisation", severity: .high, title: text("Trop de niveaux", "Too many layers"),
                            references: [LocalizedText(["fr": "Source A", "en": "Source A"]), text("Source B (fr)", "Source B (en)")],
                            condition: try condition("levels > 5"), because: text("{levels} niveaux", "{levels} layers"),
                            recommend: ["review"], location: place(1)),
                FindingRule(id: "a_silos", theme: "organisation", severity: .high, title: text("Silos", "Silos"),
                            references: [text("Source B (fr)", "Source B (en)"), LocalizedText(["fr": "Source C", "en": "Source C"])],
                            condition: try condition("silo_signals >= 2"), recommend: ["review"], location: place(9)),
                FindingRule(id: "entry", theme: "organisation", severity: .medium, title: text("Entrées", "Entry points"),
                            condition: try condition("entry_points > 3"),
                            because: text("{entry_points, plural, one {# point d'entrée} other {# points d'entrée}}",
                                          "{entry_points, plural, one {# entry point} other {# entry points}}"),
                            location: place(20)),
                FindingRule(id: "funding", theme: "budget", severity: .critical, title: text("Financement en chute", "Funding falling"),
                            condition: try condition("change < -20"),
                            because: text("les financements ont baissé de {change, abs} %", "funding fell by {change, abs}%"),
                            recommend: ["sponsor"], location: place(30)),
                FindingRule(id: "calls", theme: "service", severity: .low, title: text("Appels", "Calls"),
                            condition: try condition("answered_calls < 50"), location: place(40)),
            ],
            recommendations: [
                Recommendation(id: "sponsor", kind: .governance, audience: text("Direction", "Executives"), title: text("Parrainer", "Sponsor"),
                               owner: text("Direction générale", "Chief executive"),
                               consultancyDelivers: text("Deux ateliers.", "Two workshops."),
                               organisationDoes: text("Nomme un parrain.", "Names a sponsor."),
                               successMeasure: text("Parrain nommé sous un mois.", "Sponsor named within a month."), stage: "framing"),
                Recommendation(id: "review", kind: .organisation, title: text("Revoir les niveaux", "Review the layers"), stage: "teams"),
            ],
            stages: [Stage(id: "framing", label: text("Cadrage", "Framing")), Stage(id: "teams", label: text("Équipes", "Teams"))],
            themes: [Theme(id: "service", label: text("Service", "Service")), Theme(id: "budget", label: text("Budget", "Budget")),
                     Theme(id: "organisation", label: text("Organisation", "Organisation"))])
    }

    private func model(_ language: String, facts: [String: Value], assessedOn: String? = "2026-09-22",
                       summary: ConsultantSummary? = nil, generatedOn: String = "2026-09-30") throws -> ReportModel {
        let engine = try Engine(pack: try pack())
        var profile = Profile(name: "Org", assessedOn: assessedOn, facts: facts, evidence: ["silo_a": "interviews"])
        profile.summary = summary
        let evaluation = engine.evaluate(profile)
        return ReportModel(evaluation, questions: [], language: language, generatedOn: generatedOn, toolVersion: "0")
    }

    private let facts: [String: Value] = ["levels": .number(8), "entry_points": .number(1), "silo_a": .number(1), "silo_b": .number(2),
                                          "change": .number(-38), "answered_calls": .number(10)]

    @Test func keyMessagesNameTheWeightiestThemesWithTheirFigure() throws {
        // Organisation: two high findings and a medium one (4 + 4 + 2) weigh more than Budget's
        // one critical finding (8); a theme of low findings only is none.
        let french = try model("fr", facts: facts.merging(["entry_points": .number(4)]) { $1 })
        #expect(french.keyMessages.map(\.theme) == ["Organisation", "Budget"])
        #expect(french.keyMessages[1].lead == "Budget — 1\u{a0}constat critique")
        #expect(french.keyMessages[1].body == "Financement en chute. Les financements ont baissé de 38\u{a0}%.")
        #expect(french.keyMessages[0].count == "3\u{a0}constats, dont 2 de gravité élevée")
        // The gravest finding that gives a figure says it, not the first in the list.
        #expect(french.keyMessages[0].title == "Trop de niveaux")
        // Two high findings (4 + 4) weigh as much as one critical: the gravest comes first.
        let english = try model("en", facts: facts)
        #expect(english.keyMessages.map(\.theme) == ["Budget", "Organisation"])
        #expect(english.keyMessages[1].count == "2 high-severity findings")
    }

    @Test func findingsComeBySeverityThenInTheOrderWritten() throws {
        let report = try model("en", facts: facts.merging(["entry_points": .number(4)]) { $1 })
        #expect(report.findings.map(\.id) == ["calls", "funding", "z_layers", "a_silos", "entry"])
    }

    @Test func referencesAreNumberedOnceInTheOrderTheyAreCitedInTheReportsLanguage() throws {
        let report = try model("en", facts: facts)
        #expect(report.sources == ["Source A", "Source B (en)", "Source C"])
        let numbers = report.findings.filter { !$0.references.isEmpty }.map { report.sourceNumbers(of: $0) }
        #expect(numbers == [[1, 2], [2, 3]])
    }

    @Test func evidenceShowsTheFactsBehindAnIndicatorWithTheirSource() throws {
        let report = try model("en", facts: facts)
        let silos = try #require(report.findings.first { $0.id == "a_silos" })
        #expect(silos.evidence.map(\.fact) == ["silo_a", "silo_b"])
        #expect(silos.evidence.first?.source == "interviews")
    }

    @Test func becauseFormatsAgreeWithTheNumberInEachLanguage() throws {
        for (value, french, english) in [(4.0, "4\u{a0}points d'entrée", "4\u{a0}entry points"), (1.5, "1,5\u{a0}point d'entrée", "1.5\u{a0}entry points")] {
            let facts = facts.merging(["entry_points": .number(value)]) { $1 }
            let rule = try #require(try pack().finding("entry"))
            let evaluation = try Engine(pack: try pack()).evaluate(Profile(name: "Org", facts: facts))
            #expect(ReportModel.because(of: rule, in: evaluation, language: "fr") == french)
            #expect(ReportModel.because(of: rule, in: evaluation, language: "en") == english)
        }
    }

    @Test func phasesAreDatedFromTheMonthAfterTheAssessmentOrTheReport() throws {
        let report = try model("fr", facts: facts)
        #expect(report.phaseCount == 2)
        let first = try #require(report.period(ofPhase: 1))
        #expect((first.start.description, first.end.description) == ("2026-10-01", "2026-12-31"))
        let second = try #require(report.period(ofPhase: 2))
        #expect((second.start.description, second.end.description) == ("2027-01-01", "2027-03-31"))
        #expect(report.period(ofPhase: 3) == nil)
        let phases = report.phases
        #expect(report.phaseHeading(phases[0].phase, actions: phases[0].actions).title == "Phase 1 — Cadrage · octobre – décembre\u{a0}2026")
        #expect(ReportStrings(language: "en").months(second.start, try #require(CivilDate(iso: "2027-01-31"))) == "January\u{a0}2027")
        // No assessment date, no dates.
        #expect(try model("fr", facts: facts, assessedOn: nil).period(ofPhase: 1) == nil)
        // A report written after the assessment starts its roadmap the month after it is written, never in the past.
        let late = try #require(try model("fr", facts: facts, generatedOn: "2026-12-02").period(ofPhase: 1))
        #expect((late.start.description, late.end.description) == ("2027-01-01", "2027-03-31"))
    }

    @Test func anActionSaysWhoCarriesItWhatEachSideDoesAndHowSuccessIsMeasured() throws {
        let report = try model("fr", facts: facts)
        let sponsor = try #require(report.roadmap.first { $0.id == "sponsor" })
        #expect(report.details(of: sponsor).map(\.label)
                == ["Public", "Porteur", "Apport du cabinet", "Engagement de l'organisation", "Indicateur de réussite"])
        #expect(report.details(of: sponsor).last?.text == "Parrain nommé sous un mois.")
    }

    @Test func theConsultantsTextOpensTheReportInItsLanguage() throws {
        let summary = ConsultantSummary(context: text("Premier.\n\nSecond : fin.", "First.\n\nSecond."),
                                        keyMessages: [text("Un message.", "A message.")])
        let report = try model("fr", facts: facts, summary: summary)
        #expect(report.context == ["Premier.", "Second\u{a0}: fin."])
        #expect(report.consultantMessages == ["Un message."])
        #expect(report.hasSynthesis)
        let rendered = MemoryOutput()
        MarkdownReportRenderer().render([report], to: rendered)
        #expect(rendered.text.contains("### Contexte\n\nPremier.\n\nSecond\u{a0}: fin.\n\n### Messages clés du cabinet\n\n- Un message.\n"))
    }
}

/// A finding covered by another still weighs in the key messages, once, in the theme of the finding
/// shown that covers it.
@Suite struct KeyMessageWeightTests {
    @Test func aCoveredFindingWeighsOnceInTheThemeThatSaysIt() throws {
        func text(_ word: String) -> LocalizedText { LocalizedText(["en": word]) }
        func finding(_ id: String, _ theme: String, _ severity: RuleSeverity, supersedes: [String] = []) throws -> FindingRule {
            FindingRule(id: id, theme: theme, severity: severity, title: text(id),
                        condition: .expression(try ExpressionParser.parse("a > 1")), supersedes: supersedes)
        }
        let pack = RulePack(
            metadata: .init(id: "t"), facts: [FactDefinition(id: "a", type: .integer)],
            findings: [try finding("x1", "x", .high, supersedes: ["covered"]), try finding("covered", "x", .critical),
                       try finding("y1", "y", .high, supersedes: ["covered"]), try finding("y2", "y", .high)],
            themes: [Theme(id: "x", label: text("X")), Theme(id: "y", label: text("Y"))])
        let evaluation = try Engine(pack: pack).evaluate(Profile(name: "o", facts: ["a": .number(5)]))
        let model = ReportModel(evaluation, questions: [], language: "en", generatedOn: "2026-12-02", toolVersion: "0")
        // X: 4 + the covered critical 8 = 12; Y: 4 + 4 = 8 (the covered finding is not counted twice).
        #expect(model.keyMessages.map(\.theme) == ["X", "Y"])
        #expect(model.findings.map(\.id).sorted() == ["x1", "y1", "y2"])
    }
}
