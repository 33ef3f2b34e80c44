import Diagnostics
import Engine
import RuleLoader
import RuleModel
import Testing
@testable import Reports

/// The report's own words: placeholders filled once, numbers, dates and units as a client reads them.
@Suite struct ReportStringsTests {
    @Test func anArgumentHoldingAPlaceholderIsCopiedAsItIs() {
        #expect(ReportStrings.filling("%1 -> %2", with: ["50%2", "x"]) == "50%2 -> x")
        #expect(ReportStrings.filling("100 % of %1", with: ["calls"]) == "100 % of calls")
        #expect(ReportStrings.filling("%3", with: ["a"]) == "%3")
    }

    @Test func numbersDatesAndUnitsReadAsTheLanguageWritesThem() {
        let french = ReportStrings(language: "fr")
        let english = ReportStrings(language: "en")
        #expect(french.amount(7800) == "7\u{202f}800" && english.amount(7800) == "7,800" && french.amount(-1234.5) == "-1\u{202f}234,5")
        #expect(french.amount(1e20) == "1e+20" && english.amount(.infinity) == Value.format(.infinity))
        #expect(french.date("2026-11-18") == "18\u{a0}novembre 2026" && french.date("2026-05-01") == "1er\u{a0}mai 2026")
        #expect(english.date("2026-11-18") == "18\u{a0}November 2026" && french.date("18/11/2026") == "18/11/2026")
        let review = FactDefinition(id: "review", type: .date)
        #expect(french.value(.string("2024-06-30"), of: review, fallback: "fr") == "30\u{a0}juin 2024")
        #expect(french.unit("jour(s) ouvré(s)", for: 1.5) == "jour ouvré" && french.unit("jour(s) ouvré(s)", for: 2) == "jours ouvrés")
        #expect(english.unit("day(s)", for: 1) == "day" && english.unit("day(s)", for: 0) == "days")
        #expect(french.unit("signal sur 3|signaux sur 3", for: 3) == "signaux sur 3" && french.unit("mois", for: 1) == "mois")
        #expect(french.typeset("40 % : oui ; « client »") == "40\u{a0}%\u{a0}: oui\u{a0}; «\u{a0}client\u{a0}»")
        #expect(french.typeset("il faut 9 jours, 2 fois") == "il faut 9\u{a0}jours, 2\u{a0}fois" && english.typeset("takes 9 days") == "takes 9\u{a0}days")
    }

    /// In a `because` sentence, a set's words come in the order the pack declares them, and a
    /// diagnostic that does not concern the organisation reads "not applicable", not "no".
    /// A plural's `=0` form words zero as a sentence does; without it, zero takes the usual form.
    @Test func becauseSentencesWordZero() throws {
        let projects = FactDefinition(id: "projects", type: .integer, range: 0...100)
        let pack = RulePack(
            metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr"), facts: [projects],
            findings: [FindingRule(id: "few", severity: .low, condition: .expression(try ExpressionParser.parse("projects < 3")),
                                   because: LocalizedText(["fr": "{projects, plural, =0 {aucun projet} one {# projet} other {# projets}}",
                                                           "en": "{projects, plural, one {# project} other {# projects}}"]))])
        let engine = try Engine(pack: pack)
        let rule = try #require(pack.finding("few"))
        func because(_ count: Double, _ language: String) -> String? {
            ReportModel.because(of: rule, in: engine.evaluate(Profile(name: "p", facts: ["projects": .number(count)])), language: language)
        }
        #expect(because(0, "fr") == "aucun projet")
        #expect(because(1, "fr") == "1\u{a0}projet" && because(2, "fr") == "2\u{a0}projets")
        #expect(because(0, "en") == "0\u{a0}projects")
    }

    /// A `select` writes the form of the value's word, `other` for another value or an unknown one.
    @Test func becauseSentencesSelectByWord() throws {
        let strategy = FactDefinition(id: "strategy", type: .boolean)
        let pack = RulePack(
            metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr"), facts: [strategy],
            findings: [FindingRule(id: "none", severity: .low, condition: .expression(try ExpressionParser.parse("not strategy or true")),
                                   because: LocalizedText(["fr": "{strategy, select, false {aucune stratégie adoptée} other {stratégie à confirmer}}",
                                                           "en": "{strategy, select, false {no strategy adopted} other {}}"]))])
        let engine = try Engine(pack: pack)
        let rule = try #require(pack.finding("none"))
        func because(_ facts: [String: Value], _ language: String) -> String? {
            ReportModel.because(of: rule, in: engine.evaluate(Profile(name: "p", facts: facts)), language: language)
        }
        #expect(because(["strategy": .bool(false)], "fr") == "aucune stratégie adoptée")
        #expect(because(["strategy": .bool(true)], "fr") == "stratégie à confirmer")
        #expect(because([:], "fr") == "stratégie à confirmer")
        #expect(because(["strategy": .bool(false)], "en") == "no strategy adopted")
    }

    @Test func becauseSentencesKeepDeclaredOrderAndSayNotApplicable() throws {
        let channels = FactDefinition(id: "channels", type: .set, values: ["phone", "desk", "web"])
        let pack = RulePack(
            metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr", organisationKinds: ["caf", "cci"]),
            facts: [channels],
            findings: [
                FindingRule(id: "cci_only", severity: .low, appliesTo: ["cci"], condition: .expression(try ExpressionParser.parse("count(channels) > 0"))),
                FindingRule(id: "few_channels", severity: .low, condition: .expression(try ExpressionParser.parse("count(channels) < 5")),
                            because: LocalizedText(["fr": "canaux : {channels} ; CCI : {cci_only}", "en": "channels: {channels}; CCI: {cci_only}"])),
                FindingRule(id: "selects", severity: .low, condition: .expression(try ExpressionParser.parse("count(channels) < 5")),
                            because: LocalizedText(["fr": "{cci_only, select, false {pas une CCI} other {?}}", "en": "{cci_only, select, false {not a CCI} other {?}}"])),
            ])
        let engine = try Engine(pack: pack)
        let evaluation = engine.evaluate(Profile(name: "p", kind: "caf", facts: ["channels": .setOf(["web", "phone", "desk"])]))
        let rule = try #require(pack.finding("few_channels"))
        #expect(ReportModel.because(of: rule, in: evaluation, language: "en") == "channels: phone, desk, web; CCI: not applicable")
        #expect(ReportModel.because(of: rule, in: evaluation, language: "fr") == "canaux\u{a0}: phone, desk, web\u{a0}; CCI\u{a0}: sans objet")
        // A select reads a diagnostic that does not apply as conditions do: false.
        let selects = try #require(pack.finding("selects"))
        #expect(ReportModel.because(of: selects, in: evaluation, language: "en") == "not a CCI")
    }

    /// `ask` refuses an answer in its own language, saying what to type, whatever the reader found
    /// wrong with it (a word the fact does not know, text YAML cannot read, a thirteenth month).
    @Test func askRefusesInTheReportsLanguage() {
        let offer = FactDefinition(id: "paid_offer", type: .enumeration, values: ["none", "existing"],
                                   valueLabels: ["none": LocalizedText(["fr": "aucune", "en": "none"]), "existing": LocalizedText(["fr": "existante", "en": "existing"])])
        let pack = RulePack(metadata: .init(id: "t", languages: ["fr", "en"], defaultLanguage: "fr"), facts: [offer])
        #expect(QuestionPrompt(pack: pack, language: "fr").refusal(answer: "peut-être", for: offer)
                == "    «\u{a0}peut-être\u{a0}» ne peut pas être retenu ici\u{a0}; attendu\u{a0}: aucune | existante\n> ")
        #expect(QuestionPrompt(pack: pack, language: "en").refusal(answer: "maybe", for: offer)
                == "    'maybe' cannot be taken here; expected: none | existing\n> ")
        // Each of these fails to read, so `ask` refuses it in the words above, never in the reader's English.
        let date = FactDefinition(id: "last_review", type: .date)
        for (answer, fact) in [("peut-être", offer), ("\"aucune", offer), ("2026-13-45", date)] {
            guard case .failure = ProfileEditor.parseAnswer(answer, for: fact, languages: ["fr", "en"]) else {
                Issue.record("'\(answer)' was read")
                continue
            }
        }
        #expect(QuestionPrompt(pack: pack, language: "fr").refusal(answer: "2026-13-45", for: date).hasPrefix("    «\u{a0}2026-13-45\u{a0}» ne peut pas être retenu ici"))
    }
}
