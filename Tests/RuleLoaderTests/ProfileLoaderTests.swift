import Diagnostics
import Foundation
import Testing
import RuleModel
@testable import RuleLoader

/// Every profile diagnostic code, with where it points.
@Suite struct ProfileLoaderTests {
    private func load(_ text: String) throws -> Result<Profile, DiagnosticList> {
        ProfileLoader.load(SourceFile(path: "org.yaml", text: text), pack: try samplePack())
    }

    private func problems(_ text: String) throws -> [String] {
        switch try load(text) {
        case .success: return []
        case .failure(let list): return list.summaries
        }
    }

    @Test func loadsTheSampleProfile() throws {
        let file = packageRoot.appendingPathComponent("fixtures/packs/sample-caf.yaml")
        let source = SourceFile(path: "sample-caf.yaml", contents: Array(try Data(contentsOf: file)))
        let profile = try ProfileLoader.load(source, pack: try samplePack()).get()
        #expect(profile.name == "CAF de l'Exemple")
        #expect(profile.kind == "caf")
        #expect(profile.assessedOn == "2026-10-14")
        #expect(profile.facts["hierarchy_levels"] == .number(8))
        #expect(profile.facts["satisfaction_rate"] == nil)
        #expect(profile.evidence["hierarchy_levels"] == "organigramme 2026")
    }

    @Test func theConsultantsSummaryIsReadPerLanguageInParagraphs() throws {
        let profile = try load("""
            organisation: {name: X}
            summary:
              context:
                en: |
                  The fund launched
                  a plan.

                  Twelve interviews.
                fr: Le fonds a lancé un plan.
              key_messages:
                - {en: Rebuild the phone line first., fr: Reconstruire d'abord l'accueil téléphonique.}
                - Only one language.

            """).get()
        let summary = try #require(profile.summary)
        let context = try #require(summary.context)
        #expect(ConsultantSummary.paragraphs(context.text(in: "en", fallback: "en")) == ["The fund launched a plan.", "Twelve interviews."])
        #expect(context.text(in: "fr", fallback: "en") == "Le fonds a lancé un plan.")
        #expect(summary.keyMessages.map { $0.text(in: "fr", fallback: "en") }
                == ["Reconstruire d'abord l'accueil téléphonique.", "Only one language."])
    }

    @Test func aSummaryProblemIsLocated() throws {
        #expect(try problems("organisation: {name: X}\nsummary:\n  context: {de: Eins}\n  remarks: x\n") == [
            "org.yaml:3:13 error profile.unknown-language language 'de' is not one of the pack's languages (fr, en)",
            "org.yaml:4:3 error profile.unknown-key unknown key 'remarks' in 'summary'; expected one of 'context', 'key_messages'",
        ])
    }

    @Test func unknownFactSuggests() throws {
        #expect(try problems("organisation: {name: X}\nfacts:\n  hierarchy_levles: 7\n") ==
            ["org.yaml:3:3 error profile.unknown-fact unknown fact 'hierarchy_levles'; did you mean 'hierarchy_levels'?"])
    }

    @Test func wrongTypes() throws {
        #expect(try problems("organisation: {name: X}\nfacts:\n  hierarchy_levels: seven\n  single_entry_point: yes\n  staff_count: 12.5\n") == [
            "org.yaml:3:21 error profile.wrong-type 'hierarchy_levels' expects a whole number, found a string 'seven'",
            "org.yaml:4:23 error profile.wrong-type 'single_entry_point' expects true or false, found 'yes'; write true or false",
            "org.yaml:5:16 error profile.wrong-type 'staff_count' expects a whole number, found a number '12.5'",
        ])
    }

    @Test func outOfRangeAndPercentages() throws {
        #expect(try problems("organisation: {name: X}\nfacts:\n  hierarchy_levels: 40\n  satisfaction_rate: 120\n  staff_count: 1e400\n") == [
            "org.yaml:3:21 error profile.out-of-range 40 is outside the range of 'hierarchy_levels': 1 to 20",
            "org.yaml:4:22 error profile.out-of-range 120 is outside the range of 'satisfaction_rate' (a percentage): 0 to 100",
            "org.yaml:5:16 error profile.out-of-range '1e400' is not a finite number that fits; 'staff_count' expects a number",
        ])
    }

    @Test func undeclaredEnumValue() throws {
        #expect(try problems("organisation: {name: X}\nfacts:\n  decision_delegation: nones\n") ==
            ["org.yaml:3:24 error profile.unknown-value 'nones' is not a value of 'decision_delegation'; did you mean 'none'?"])
    }

    @Test func unknownKindAndBadDate() throws {
        #expect(try problems("organisation: {name: X, kind: cafe, assessed_on: 2026-13-01}\n") == [
            "org.yaml:1:31 error profile.unknown-kind unknown organisation kind 'cafe'; did you mean 'caf'?",
            "org.yaml:1:50 error profile.invalid-date 'assessed_on' expects a date written YYYY-MM-DD",
        ])
    }

    @Test func structureProblems() throws {
        #expect(try problems("organisaton: {name: X}\n") == [
            "org.yaml:1:1 error profile.missing-key a profile lacks the required key 'organisation'",
            "org.yaml:1:1 error profile.unknown-key unknown key 'organisaton' in a profile; did you mean 'organisation'?",
        ])
        #expect(try problems("- a\n- b\n") == ["org.yaml:1:1 error yaml.type-mismatch expected a mapping, found a list"])
        #expect(try problems("just text\n") == ["org.yaml:1:1 error yaml.type-mismatch expected a mapping, found a string 'just text'"])
    }

    @Test func explicitlyUnknownFactIsAbsent() throws {
        let profile = try load("organisation: {name: X}\nfacts:\n  hierarchy_levels: ~\n").get()
        #expect(profile.facts.isEmpty)
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        let found = try problems("organisation: {name: X, kind: cafe}\nfacts:\n  a_fact: 1\n  hierarchy_levels: 99\nevidence:\n  nope: x\n")
        #expect(found.count == 4)
    }
}
