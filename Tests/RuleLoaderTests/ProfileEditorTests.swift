import Diagnostics
import Testing
import RuleModel
@testable import RuleLoader

@Suite struct ProfileEditorTests {
    private let file = SourceFile(path: "p.yaml", text: """
        # Assessment of June
        organisation: {name: X, kind: caf}
        facts:
          hierarchy_levels: 7   # from the org chart
          staff_count: ~
          services: [phone]
        evidence:
          hierarchy_levels: "organigramme"

        """)

    private func edited(_ id: String, _ value: Value?, in source: SourceFile? = nil) throws -> String {
        try ProfileEditor.setting(id, to: value, in: source ?? file).get()
    }

    @Test func anEmptyValueIsFilledAfterItsColon() throws {
        let source = SourceFile(path: "p.yaml", text: "organisation: {name: x}\nfacts:\n  paid_offer:   # to ask\n  staff_count: 12\n")
        let text = try edited("paid_offer", .bool(true), in: source)
        #expect(text == "organisation: {name: x}\nfacts:\n  paid_offer: true # to ask\n  staff_count: 12\n")
        let last = SourceFile(path: "p.yaml", text: "organisation: {name: x}\nfacts:\n  paid_offer:\n")
        #expect(try edited("paid_offer", .bool(false), in: last) == "organisation: {name: x}\nfacts:\n  paid_offer: false\n")
    }

    @Test func aCRLFFileStaysCRLF() throws {
        let source = SourceFile(path: "p.yaml", text: "organisation: {name: x}\r\nfacts:\r\n  staff_count: 12\r\n")
        let text = try edited("manager_count", .number(3), in: source)
        #expect(text == "organisation: {name: x}\r\nfacts:\r\n  staff_count: 12\r\n  manager_count: 3\r\n")
    }

    @Test func replacesAValueInPlaceKeepingComments() throws {
        #expect(try edited("hierarchy_levels", .number(5)).contains("  hierarchy_levels: 5   # from the org chart\n"))
        #expect(try edited("staff_count", .number(240)).contains("  staff_count: 240\n"))
        #expect(try edited("services", .set(["desk", "phone"])).contains("  services: [desk, phone]\n"))
    }

    @Test func addsANewFactAtTheEndOfFacts() throws {
        let text = try edited("named_sponsor", .bool(true))
        #expect(text.contains("  services: [phone]\n  named_sponsor: true\nevidence:\n"))
        #expect(text.hasPrefix("# Assessment of June\n"))
    }

    @Test func createsTheFactsSectionWhenMissing() throws {
        let bare = SourceFile(path: "p.yaml", text: "organisation: {name: X}\n")
        #expect(try edited("staff_count", .number(12), in: bare) == "organisation: {name: X}\nfacts:\n  staff_count: 12\n")
        let empty = SourceFile(path: "p.yaml", text: "organisation: {name: X}\nfacts:\nevidence: {}\n")
        #expect(try edited("staff_count", .number(12), in: empty) == "organisation: {name: X}\nfacts:\n  staff_count: 12\nevidence: {}\n")
    }

    @Test func quotesTextThatYAMLWouldReadOtherwise() {
        #expect(ProfileEditor.yaml(.string("none")) == "none")
        #expect(ProfileEditor.yaml(.string("yes")) == "yes")
        #expect(ProfileEditor.yaml(.string("true")) == "\"true\"")
        #expect(ProfileEditor.yaml(.string("a: b")) == "\"a: b\"")
        #expect(ProfileEditor.yaml(.string("12")) == "\"12\"")
        #expect(ProfileEditor.yaml(nil) == "~")
        #expect(ProfileEditor.yaml(.number(2.5)) == "2.5")
    }

    @Test func refusesFlowStyleFacts() {
        let flow = SourceFile(path: "p.yaml", text: "organisation: {name: X}\nfacts: {a: 1}\n")
        guard case .failure(let problem) = ProfileEditor.setting("b", to: .number(2), in: flow) else {
            Issue.record("a flow mapping was edited")
            return
        }
        #expect(problem.code == ProfileEditor.code)
        #expect(problem.location?.description == "p.yaml:2:8")
    }

    @Test func parsesAnswersWithTheFactsRules() throws {
        let levels = FactDefinition(id: "levels", type: .integer, range: 1...15)
        #expect(try ProfileEditor.parseAnswer(" 8 ", for: levels).get() == .number(8))
        #expect(try ProfileEditor.parseAnswer("?", for: levels).get() == nil)
        #expect(try ProfileEditor.parseAnswer("~", for: levels).get() == nil)
        guard case .failure(let problem) = ProfileEditor.parseAnswer("40", for: levels) else {
            Issue.record("an out-of-range answer was accepted")
            return
        }
        #expect(problem.message == "40 is outside the range of 'levels': 1 to 15")
        let services = FactDefinition(id: "services", type: .set, values: ["phone", "desk"])
        #expect(try ProfileEditor.parseAnswer("[desk, phone]", for: services).get() == .set(["desk", "phone"]))
    }

    /// Answers as a consultant types them: oui / non, a decimal comma, a percent sign, grouped
    /// digits, a word's label, a list of labels.
    @Test func answersAreReadAsPeopleTypeThem() throws {
        let french = ["fr", "en"]
        let sponsor = FactDefinition(id: "named_sponsor", type: .boolean)
        #expect(try ProfileEditor.parseAnswer("Oui", for: sponsor, languages: french).get() == .bool(true))
        #expect(try ProfileEditor.parseAnswer("non", for: sponsor, languages: french).get() == .bool(false))
        #expect(try ProfileEditor.parseAnswer("yes", for: sponsor, languages: french).get() == .bool(true))
        // An English-only pack does not read French.
        #expect((try? ProfileEditor.parseAnswer("oui", for: sponsor, languages: ["en"]).get()) == nil)
        let change = FactDefinition(id: "change", type: .percentage, range: -100...100)
        #expect(try ProfileEditor.parseAnswer("-32 %", for: change, languages: french).get() == .number(-32))
        #expect(try ProfileEditor.parseAnswer("2,5", for: change, languages: french).get() == .number(2.5))
        #expect(try ProfileEditor.parseAnswer("\u{2212}4,5\u{a0}%", for: change, languages: french).get() == .number(-4.5))
        let staff = FactDefinition(id: "staff", type: .integer, range: 0...100_000)
        #expect(try ProfileEditor.parseAnswer("7 800", for: staff, languages: french).get() == .number(7800))
        let framing = FactDefinition(id: "framing", type: .enumeration, values: ["budget_threat", "purpose"],
                                     valueLabels: ["budget_threat": LocalizedText(["fr": "la menace budgétaire", "en": "the budget threat"])])
        #expect(try ProfileEditor.parseAnswer("La menace budgétaire", for: framing, languages: french).get() == .string("budget_threat"))
        #expect(try ProfileEditor.parseAnswer("purpose", for: framing, languages: french).get() == .string("purpose"))
        let channels = FactDefinition(id: "channels", type: .set, values: ["phone", "desk"],
                                      valueLabels: ["phone": LocalizedText(["fr": "téléphone"]), "desk": LocalizedText(["fr": "accueil"])])
        #expect(try ProfileEditor.parseAnswer("téléphone, accueil", for: channels, languages: french).get() == .setOf(["phone", "desk"]))
        // What cannot be read is still explained.
        guard case .failure(let problem) = ProfileEditor.parseAnswer("beaucoup", for: staff, languages: french) else {
            Issue.record("'beaucoup' read as a number")
            return
        }
        #expect(problem.code == DiagnosticCode("profile.wrong-type"))
    }
}
