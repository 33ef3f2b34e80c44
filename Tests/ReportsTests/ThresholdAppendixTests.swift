import Diagnostics
import Engine
import RuleModel
import Testing
@testable import Reports

/// The methodology appendix's thresholds: the parameters the findings shown were judged against,
/// with the organisation's value, the unit of what they are compared with, and where each comes
/// from — a citation, or the consultancy's judgement.
@Suite struct ThresholdAppendixTests {
    private func text(_ fr: String, _ en: String) -> LocalizedText { LocalizedText(["fr": fr, "en": en]) }

    private func engine() throws -> Engine {
        let pack = RulePack(
            metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr", organisationKinds: ["caf", "cci"]),
            facts: [FactDefinition(id: "levels", type: .integer, range: 0...30, unit: text("niveaux", "levels"), label: text("Niveaux", "Levels")),
                    FactDefinition(id: "managers", type: .integer, range: 0...1000, label: text("Encadrants", "Managers")),
                    FactDefinition(id: "staff", type: .integer, range: 0...10000, label: text("Effectif", "Staff"))],
            parameters: [
                Parameter(id: "max_levels", value: .number(5), byKind: ["caf": .number(7)], label: text("Niveaux maximum", "Maximum levels"),
                          unit: text("niveaux hiérarchiques", "layers"),
                          source: text("APSC, 5 à 7 niveaux", "APSC, 5 to 7 layers")),
                Parameter(id: "min_span", value: .number(4), label: text("Amplitude minimale", "Minimum span"),
                          source: text("principe de subsidiarité", "subsidiarity"), judgement: true),
                Parameter(id: "unused", value: .number(1), label: text("Inutilisé", "Unused"), judgement: true),
            ],
            indicators: [Indicator(id: "span", expression: try ExpressionParser.parse("staff / managers"),
                                   unit: text("agents par encadrant", "staff per manager"))],
            findings: [
                FindingRule(id: "layers", severity: .high, title: text("Trop de niveaux", "Too many layers"),
                            condition: .expression(try ExpressionParser.parse("levels > max_levels"))),
                FindingRule(id: "spans", severity: .high, title: text("Équipes trop petites", "Teams too small"),
                            condition: .expression(try ExpressionParser.parse("span < min_span"))),
                FindingRule(id: "quiet", severity: .low, title: text("Calme", "Quiet"),
                            condition: .expression(try ExpressionParser.parse("levels > unused + 100"))),
            ])
        return try Engine(pack: pack)
    }

    private func model(_ language: String, kind: String, facts: [String: Value], overrides: [String: Value] = [:]) throws -> ReportModel {
        let evaluation = try engine().evaluate(Profile(name: "Org", kind: kind, facts: facts), overrides: overrides)
        return ReportModel(evaluation, questions: [], language: language, generatedOn: "2026-12-01", toolVersion: "0")
    }

    @Test func listsTheThresholdsOfTheFindingsShownWithTheirUnitAndOrigin() throws {
        let report = try model("fr", kind: "cci", facts: ["levels": .number(8), "staff": .number(30), "managers": .number(10)])
        // A threshold of a finding that did not fire is not listed.
        #expect(report.thresholds.map(\.id) == ["max_levels", "min_span"])
        // The parameter's own unit, before that of the fact it is compared with.
        #expect(report.thresholds[0].value == "5\u{a0}niveaux hiérarchiques")
        // Typeset like every text of the report: numbers held to the word after them.
        #expect(report.thresholds[0].source == "APSC, 5\u{a0}à 7\u{a0}niveaux" && !report.thresholds[0].judgement)
        // The unit of the indicator it is compared with.
        #expect(report.thresholds[1].value == "4\u{a0}agents par encadrant")
        let words = ReportStrings(language: "fr")
        #expect(words.basis(source: report.thresholds[1].source, judgement: report.thresholds[1].judgement)
                == "Jugement du cabinet, fondé sur\u{a0}: principe de subsidiarité")
        #expect(ReportStrings(language: "en").basis(source: nil, judgement: true) == "Consultancy's judgement")
        // A text that already says so is not prefixed again.
        #expect(words.basis(source: "Jugement du cabinet : aucun seuil publié", judgement: true) == "Jugement du cabinet : aucun seuil publié")
    }

    @Test func givesTheValueForTheOrganisationsKindOrAsSetForTheRun() throws {
        let caf = try model("en", kind: "caf", facts: ["levels": .number(8)])
        #expect(caf.thresholds.map(\.value) == ["7\u{a0}layers"])
        let set = try model("en", kind: "cci", facts: ["levels": .number(8)], overrides: ["max_levels": .number(6)])
        #expect(set.thresholds.map(\.value) == ["6\u{a0}layers"])
    }

    @Test func appearsInTheHTMLAndJSONAppendix() throws {
        let report = try model("fr", kind: "cci", facts: ["levels": .number(8), "staff": .number(30), "managers": .number(10)])
        let html = HTMLReportRenderer().render(report)
        #expect(html.contains("<h3>Seuils retenus</h3>"))
        #expect(html.contains("<li><strong>Amplitude minimale</strong>\u{a0}: 4\u{a0}agents par encadrant <span class=\"muted\">— Jugement du cabinet, fondé sur\u{a0}: principe de subsidiarité</span></li>"))
        let json = JSONReportRenderer().render(report)
        #expect(json.contains("\"parameter\": \"max_levels\""))
        #expect(json.contains("\"judgement\": true"))
    }
}
