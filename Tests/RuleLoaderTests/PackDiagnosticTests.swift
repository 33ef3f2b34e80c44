import Foundation
import Diagnostics
import Testing
import TestSupport
@testable import RuleLoader
import RuleModel

/// Every diagnostic code of the pack loader, with where it points.
@Suite struct PackDiagnosticTests {
    private let facts = """
        facts:
          levels: {type: integer, range: [1, 20], label: Levels}
          delegation: {type: enum, values: [none, partial, broad], label: Delegation}
          satisfaction: {type: percentage, label: Satisfaction}
          services: {type: set, values: [phone, desk, web], label: Services}

        """

    private func diagnostic(_ id: String, when condition: String, extra: String = "") -> String {
        """
        diagnostics:
          - id: \(id)
            severity: high
            title: T
            when: \(condition)
        \(extra)
        """
    }

    private func problems(_ files: [String: String]) -> [String] {
        loadPack(files: files).diagnostics.summaries
    }

    /// Only the errors.
    private func errors(_ files: [String: String]) -> [String] {
        loadPack(files: files).diagnostics.sorted.filter { $0.severity == .error }.map(\.summary)
    }

    /// A parameter's source is a citation (one text for every language, or one per language);
    /// `judgement: true` marks the consultancy's own value; anything else there is a type error.
    @Test func parameterSourceAndJudgement() throws {
        let twoLanguages = "pack: {id: test, version: 1.0.0, languages: [fr, en]}\n"
        let pack = try #require(loadPack(files: ["p": twoLanguages + facts + """
            parameters:
              max_levels: {value: 5, label: {fr: Niveaux, en: Levels}, source: "APSC, 2015"}
              min_span: {value: 4, label: {fr: Amplitude, en: Span}, judgement: true, source: {fr: subsidiarité, en: subsidiarity}}

            """ + diagnostic("deep", when: "levels > max_levels and levels < min_span + 20")]).pack)
        #expect(pack.parameter("max_levels")?.source?.text(in: "fr", fallback: "fr") == "APSC, 2015")
        #expect(pack.parameter("max_levels")?.judgement == false)
        #expect(pack.parameter("min_span")?.source?.text(in: "en", fallback: "fr") == "subsidiarity")
        #expect(pack.parameter("min_span")?.judgement == true)
        #expect(errors(["p": header + facts + "parameters:\n  max_levels: {value: 5, label: L, judgement: maybe}\n"])
                == ["p.yaml:8:47 error yaml.type-mismatch expected true or false, found a string 'maybe'"])
    }

    @Test func unknownKeySuggestsTheNearestOne() {
        #expect(errors(["p": header + "facts:\n  levels: {type: integer, lable: Levels}\n"]) == [
            "p.yaml:3:27 error pack.unknown-key unknown key 'lable' in fact 'levels'; did you mean 'label'?",
            "p.yaml:3:11 error pack.missing-key fact 'levels' lacks the required key 'label'",
        ].sorted())
    }

    @Test func unknownSectionIsReported() {
        #expect(errors(["p": header + "diagnostic: []\n"]) ==
            ["p.yaml:2:1 error pack.unknown-key unknown key 'diagnostic' in a pack file; did you mean 'diagnostics'?"])
    }

    @Test func missingHeader() {
        #expect(errors(["p": facts]) ==
            ["p.yaml:1:1 error pack.missing-header no file of the pack has a 'pack:' header with its id, version and languages"])
    }

    @Test func noFiles() {
        #expect(PackLoader.load(files: []).diagnostics.summaries == ["- error pack.no-files the pack has no YAML files"])
    }

    @Test func invalidVersionAndID() {
        #expect(errors(["p": "pack: {id: Test-Pack, version: '1.0', languages: [en]}\n"]) == [
            "p.yaml:1:12 error pack.invalid-id 'Test-Pack' is not a valid id; use lowercase letters, digits and '_', starting with a letter",
            "p.yaml:1:32 error pack.invalid-version version '1.0' is not a semantic version MAJOR.MINOR.PATCH",
        ])
    }

    @Test func duplicateIDAcrossFilesNotesTheFirst() throws {
        let result = loadPack(files: ["a": header + facts, "b": "facts:\n  levels: {type: integer, label: Again}\n"])
        let duplicate = try #require(result.diagnostics.sorted.first { $0.code == PackCheck.duplicateID.code })
        #expect(duplicate.summary == "b.yaml:2:3 error pack.duplicate-id 'levels' is already defined as a fact")
        #expect(duplicate.notes.first?.location?.description == "a.yaml:3:3")
    }

    @Test func unknownNameInExpressionPointsInsideTheScalar() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "levles > 5")]) ==
            ["p.yaml:11:11 error pack.unknown-name unknown name 'levles'; did you mean 'levels'?"])
        #expect(errors(["p": header + facts + diagnostic("d", when: "\"levels > 5 and delegaton == 'none'\"")]) ==
            ["p.yaml:11:27 error pack.unknown-name unknown name 'delegaton'; did you mean 'delegation'?"])
    }

    @Test func syntaxErrorPointsAtTheColumn() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels > > 5")]) ==
            ["p.yaml:11:20 error expr.syntax expected a value, found '>'"])
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels = 5")]) ==
            ["p.yaml:11:18 error expr.syntax '=' is not an operator; write '==' to compare"])
    }

    @Test func typeErrors() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels == 'five'")]) ==
            ["p.yaml:11:11 error pack.type-error cannot compare a number with text: levels == 'five'"])
    }

    @Test func undeclaredEnumValueSuggests() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "delegation == 'none_'")]) ==
            ["p.yaml:11:25 error pack.unknown-value 'none_' is not a declared value; did you mean 'none'?"])
        #expect(errors(["p": header + facts + diagnostic("d", when: "services contains 'email'")]) ==
            ["p.yaml:11:29 error pack.unknown-value 'email' is not a declared value; expected one of 'phone', 'desk', 'web'"])
    }

    @Test func percentageOutsideItsRange() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "satisfaction > 150")]) ==
            ["p.yaml:11:26 error pack.type-error 'satisfaction' is a percentage (0–100) but is compared with 150"])
    }

    @Test func conditionMustBeBoolean() {
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels + 1")]) ==
            ["p.yaml:11:11 error pack.type-error a condition must be true or false, but this is a number"])
    }

    @Test func unknownRecommendationDimensionAndKind() {
        let rule = """
            diagnostics:
              - id: d
                dimension: structur
                severity: high
                title: T
                applies_to: [caff]
                when: levels > 5
                recommend: [trn_missing]

            """
        #expect(errors(["p": header + facts + rule]) == [
            "p.yaml:9:16 error pack.unknown-reference unknown dimension 'structur'",
            "p.yaml:12:18 error pack.unknown-reference unknown organisation kind 'caff'; did you mean 'caf'?",
            "p.yaml:14:17 error pack.unknown-reference unknown recommendation 'trn_missing'",
        ])
    }

    @Test func cyclesAreShownWithEachLocation() throws {
        let indicators = """
            indicators:
              a: b + 1
              b: c * 2
              c: a - levels

            """
        let result = loadPack(files: ["p": header + facts + indicators])
        let cycle = try #require(result.diagnostics.sorted.first { $0.code == PackCheck.cycle.code })
        #expect(cycle.summary == "p.yaml:8:3 error pack.cycle circular definitions: 'a' -> 'b' -> 'c' -> 'a'")
        #expect(cycle.notes.map { $0.location?.description ?? "" } == ["p.yaml:9:3", "p.yaml:10:3"])
    }

    @Test func requiresCycle() {
        let recommendations = """
            recommendations:
              - {id: r1, kind: training, title: One, requires: [r2]}
              - {id: r2, kind: training, title: Two, requires: [r1]}

            """
        #expect(errors(["p": header + recommendations]) ==
            ["p.yaml:3:10 error pack.cycle circular 'requires': 'r1' -> 'r2' -> 'r1'"])
    }

    @Test func becausePlaceholderMustBeDefined() {
        let extra = "    because: \"{levls} levels\"\n"
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels > 5", extra: extra)]) ==
            ["p.yaml:12:15 error pack.unknown-name 'because' of 'd' names '{levls}', which is not defined; did you mean 'levels'?"])
    }

    @Test func exampleValuesAreCheckedAgainstTheCatalogue() {
        let extra = """
                examples:
                  fires: [{levels: 50}]
                  does_not_fire: [{level: 3}]

            """
        #expect(errors(["p": header + facts + diagnostic("d", when: "levels > 5", extra: extra)]) == [
            "p.yaml:13:24 error profile.out-of-range 50 is outside the range of 'levels': 1 to 20",
            "p.yaml:14:24 error profile.unknown-fact unknown fact 'level'; did you mean 'levels'?",
        ])
    }

    @Test func warnings() {
        let pack = """
            pack: {id: test, version: 1.0.0, languages: [fr, en]}
            facts:
              levels: {type: integer, label: {fr: Niveaux, en: Levels}}
              unused: {type: boolean, label: {fr: Inutile}}
            diagnostics:
              - id: d
                severity: high
                title: {fr: T, en: T}
                when: levels > 5 and levels < 3
            recommendations:
              - {id: r, kind: training, title: {fr: R, en: R}}

            """
        #expect(problems(["p": pack]) == [
            "p.yaml:4:3 warning pack.unused-fact fact 'unused' is used by no indicator, diagnostic or 'because' sentence",
            "p.yaml:4:34 warning pack.missing-translation label of fact 'unused' has no 'en' text",
            "p.yaml:6:9 warning pack.missing-examples diagnostic 'd' has no example that fires and no example that does not fire",
            "p.yaml:9:11 warning pack.contradiction conditions on 'levels' in 'd' can never all hold: levels > 5 and levels < 3",
            "p.yaml:11:10 warning pack.unused-recommendation recommendation 'r' is recommended by no diagnostic, nor required by one that is",
        ])
    }

    @Test func organisationKindsMayBeLabelled() throws {
        let pack = """
            pack:
              id: test
              version: 1.0.0
              languages: [fr, en]
              organisation_kinds:
                caf: {fr: Caisse d'allocations familiales, en: Family allowance fund}
                cci: {fr: Chambre de commerce et d'industrie}
                Metropole: {fr: Métropole, en: Metropolitan authority}

            """
        let result = loadPack(files: ["p": pack])
        #expect(result.diagnostics.summaries.filter { !$0.contains("unused") } == [
            "p.yaml:7:10 warning pack.missing-translation label of organisation kind 'cci' has no 'en' text",
            "p.yaml:8:5 error pack.invalid-id 'Metropole' is not a valid id; use lowercase letters, digits and '_', starting with a letter",
        ])
        let metadata = try #require(loadPack(files: ["p": pack.replacingOccurrences(of: "    Metropole: {fr: Métropole, en: Metropolitan authority}\n", with: "")]).pack).metadata
        #expect(metadata.organisationKinds == ["caf", "cci"])
        #expect(metadata.organisationKindLabels["caf"]?.text(in: "en", fallback: "fr") == "Family allowance fund")
        #expect(metadata.organisationKindLabels["cci"]?.text(in: "en", fallback: "fr") == "Chambre de commerce et d'industrie")
    }

    @Test func contradictionAcrossAllBlockWithParameters() {
        let rule = """
            parameters:
              high: 10
            diagnostics:
              - id: d
                severity: high
                title: T
                when:
                  all: [levels >= high, levels between 1 and 4]
                examples: {fires: [{levels: 1}], does_not_fire: [{levels: 2}]}

            """
        #expect(problems(["p": header + facts + rule]).filter { $0.contains("contradiction") } ==
            ["p.yaml:14:7 warning pack.contradiction conditions on 'levels' in 'd' can never all hold: levels >= high and levels between 1 and 4"])
    }

    @Test func allErrorsOfAllFilesAreReportedTogether() {
        let result = loadPack(files: [
            "a": header + "facts:\n  x: {type: integr, label: X}\n",
            "b": "diagnostics:\n  - id: d\n    severity: urgent\n    title: T\n    when: y > 1\n",
            "c": "facts: [\n",
        ])
        #expect(result.pack == nil)
        #expect(result.diagnostics.summaries == [
            "a.yaml:3:13 error yaml.unknown-word unknown value 'integr'; did you mean 'integer'?",
            "b.yaml:3:15 error yaml.unknown-word unknown value 'urgent'; expected one of 'critical', 'high', 'low', 'medium'",
            "c.yaml:2:1 error yaml.syntax did not find expected node content while parsing a flow node",
        ])
    }

    @Test func invalidRanges() {
        let bad = """
            facts:
              a: {type: integer, range: [10, 1], label: A}
              b: {type: percentage, range: [0, 150], label: B}
              c: {type: boolean, range: [0, 1], label: C}
              d: {type: enum, label: D}
            dimensions:
              x: {label: X, levels: [one, {name: two, criteria: true}]}

            """
        #expect(errors(["p": header + bad]) == [
            "p.yaml:3:29 error pack.invalid-range the range starts above its end: 10 > 1",
            "p.yaml:4:32 error pack.invalid-range a percentage's range must lie within 0–100",
            "p.yaml:5:29 error pack.invalid-range only numeric facts have a range; 'c' is boolean",
            "p.yaml:6:3 error pack.missing-key fact 'd' is enum and lacks the required key 'values'",
            "p.yaml:8:25 error pack.invalid-range dimension 'x' names 2 maturity levels; it needs 5",
        ])
    }

    @Test func undeclaredLanguage() {
        #expect(errors(["p": header + "facts:\n  a: {type: boolean, label: {en: A, de: A}}\n"]) ==
            ["p.yaml:3:37 error pack.unknown-language language 'de' is not one of the pack's languages (en)"])
    }

    /// A new temporary folder (`root`, which the caller removes) holding a pack's folder with its
    /// `pack.yaml`.
    private func temporaryPack(_ purpose: String) throws -> (root: URL, pack: URL) {
        let root = try Repository.temporaryFolder(purpose)
        let pack = root.appendingPathComponent("pack")
        try FileManager.default.createDirectory(at: pack, withIntermediateDirectories: true)
        try Data(header.utf8).write(to: pack.appendingPathComponent("pack.yaml"))
        return (root, pack)
    }

    @Test func linkLeadingOutsideThePackIsRefused() throws {
        let (root, pack) = try temporaryPack("link")
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("facts: {}\n".utf8).write(to: root.appendingPathComponent("outside.yaml"))
        try FileManager.default.createSymbolicLink(atPath: pack.appendingPathComponent("more.yaml").path,
                                                   withDestinationPath: root.appendingPathComponent("outside.yaml").path)
        guard case .failure(let problems) = PackDirectory.read(pack.path) else {
            Issue.record("a link leading outside the pack was followed")
            return
        }
        #expect(problems.summaries == ["- error file.outside-pack '\(pack.path)/more.yaml' leads outside the pack's folder; refused"])
    }

    /// A link in the pack's folder that leads nowhere is a file that cannot be read, named as
    /// listed; the pack's other files are still checked.
    @Test func aLinkLeadingNowhereCannotBeRead() throws {
        let (root, pack) = try temporaryPack("dangling")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: pack.appendingPathComponent("gone.yaml").path,
                                                   withDestinationPath: root.appendingPathComponent("removed.yaml").path)
        guard case .failure(let problems) = PackDirectory.read(pack.path) else {
            Issue.record("a link leading nowhere was taken for a file")
            return
        }
        #expect(problems.summaries == ["- error file.unreadable cannot read '\(pack.path)/gone.yaml'"])
    }

    /// A named pipe under a `.yaml` name in a pack's folder is not opened (reading it would wait
    /// for a writer for ever), and a file over the size limit is refused before it is read (a
    /// sparse file of 17 MiB, which takes no room).
    @Test func aPipeOrAnOversizedFileInAPackIsRefusedUnread() throws {
        let (root, pack) = try temporaryPack("pack-files")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(mkfifo(pack.appendingPathComponent("pipe.yaml").path, 0o600) == 0)
        let large = pack.appendingPathComponent("large.yaml")
        #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: 17 << 20)
        try handle.close()
        guard case .failure(let problems) = PackDirectory.read(pack.path) else {
            Issue.record("a pipe and an oversized file were read")
            return
        }
        #expect(problems.summaries.sorted() == [
            "- error file.unreadable cannot read '\(pack.path)/pipe.yaml': not a regular file",
            "\(pack.path)/large.yaml:1:1 error yaml.file-too-large the file is 17825792 bytes, over the limit of 16777216 bytes",
        ].sorted())
    }

    /// A pack's folder given through a link (a shared pack linked into a project) is read, its
    /// files named under the path given.
    @Test func aPackFolderReachedThroughALinkIsRead() throws {
        let (root, pack) = try temporaryPack("linked")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: pack.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data("facts: {}\n".utf8).write(to: pack.appendingPathComponent("more/facts.yaml"))
        let link = root.appendingPathComponent("linked").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: pack.path)
        let files = try PackDirectory.read(link).get()
        #expect(files.map(\.path) == ["\(link)/more/facts.yaml", "\(link)/pack.yaml"])
    }

    @Test func packSizeLimits() {
        let facts = "facts:\n  a: {type: boolean, label: A}\n  b: {type: boolean, label: B}\n"
        let file = SourceFile(path: "p.yaml", text: header + facts)
        #expect(PackLoader.load(files: [file], packLimits: PackLimits(maxFacts: 2)).pack != nil)
        #expect(PackLoader.load(files: [file], packLimits: PackLimits(maxFacts: 1)).diagnostics.summaries.filter { $0.contains("error") } ==
            ["p.yaml:4:3 error pack.too-large the pack has 2 facts, over the limit of 1; this one is the first beyond it"])
        #expect(PackLoader.load(files: [file, SourceFile(path: "q.yaml", text: "facts: {}\n")], packLimits: PackLimits(maxFiles: 1))
            .diagnostics.summaries == ["- error pack.too-large the pack has 2 files, over the limit of 1"])
        let stages = SourceFile(path: "s.yaml", text: header + "stages:\n  one: {label: One}\n  two: {label: Two}\n")
        #expect(PackLoader.load(files: [stages], packLimits: PackLimits(maxStagesOrThemes: 1)).diagnostics.summaries.filter { $0.contains("error") } ==
            ["s.yaml:4:3 error pack.too-large the pack has 2 stages, over the limit of 1; this one is the first beyond it"])
    }
}

/// A "did you mean" comes with its fix-it: the misspelt word's range and the word meant.
@Suite struct FixItTests {
    @Test func anUnknownNameCarriesItsReplacement() throws {
        let pack = header + """
            facts:
              levels: {type: integer, label: Levels}
            diagnostics:
              - id: d
                severity: high
                title: T
                when: |
                  levels > 1 and
                  levles > 5

            """
        let problem = try #require(loadPack(files: ["p": pack]).diagnostics.sorted.first { $0.code == PackCheck.unknownName.code })
        let fixIt = try #require(problem.fixIts.first)
        #expect(fixIt.replacement == "levels")
        #expect(fixIt.location.range == SourceRange(start: SourcePosition(line: 10, column: 7), end: SourcePosition(line: 10, column: 13)))
        let json = DiagnosticJSON.render(DiagnosticList([problem]))
        #expect(json.contains("\"fixits\": [{\"message\": \"replace with 'levels'\", \"file\": \"p.yaml\", \"line\": 10, \"column\": 7, \"end_line\": 10, \"end_column\": 13, \"replacement\": \"levels\"}]"))
    }

    @Test func anUnknownEnumWordIsReplacedQuoted() throws {
        let pack = header + """
            facts:
              delegation: {type: enum, values: [none, partial, broad], label: Delegation}
            diagnostics:
              - id: d
                severity: high
                title: T
                when: delegation == 'nnoe'

            """
        let problem = try #require(loadPack(files: ["p": pack]).diagnostics.sorted.first { $0.code == PackCheck.unknownValue.code })
        #expect(problem.message == "'nnoe' is not a declared value; did you mean 'none'?")
        #expect(problem.fixIts.map(\.replacement) == ["'none'"])
    }

    @Test func aWordFarFromEveryCandidateListsThemAndHasNoFixIt() throws {
        let hint = Suggestion.hint(for: "zzzzzz", among: ["none", "partial"], listingAll: true)
        #expect(hint.text == "; expected one of 'none', 'partial'")
        #expect(hint.replacement == nil)
    }
}

/// The nesting of condition blocks is limited at exactly the documented 64 levels.
@Suite struct ConditionNestingTests {
    private func pack(blocks: Int) -> String {
        let condition = String(repeating: "{not: ", count: blocks) + "levels > 1" + String(repeating: "}", count: blocks)
        return header + """
            facts:
              levels: {type: integer, label: Levels}
            diagnostics:
              - id: d
                severity: high
                title: T
                when: \(condition)
                examples: {fires: [{levels: 0}], does_not_fire: [{levels: 5}]}

            """
    }

    @Test func sixtyFourLevelsAreAcceptedAndSixtyFiveRefused() {
        let accepted = loadPack(files: ["p": pack(blocks: 64)]).diagnostics.sorted.filter { $0.severity == .error }
        #expect(accepted.isEmpty, "\(accepted.map(\.description))")
        let refused = loadPack(files: ["p": pack(blocks: 65)]).diagnostics.sorted.map(\.message)
        #expect(refused.contains("conditions nested deeper than 64 levels"))
    }
}

/// One mistake gives one error, not a cascade of "unknown name" wherever its names are used.
@Suite struct CascadeTests {
    private let uses = """
        diagnostics:
          - id: d
            severity: high
            title: T
            when: levels > 5 and delegation == 'none'
            because: {en: "{levels} levels"}
            examples: {fires: [{levels: 9, delegation: none}], does_not_fire: [{levels: 1}]}

        """

    private func errors(_ files: [String: String]) -> [String] {
        loadPack(files: files).diagnostics.sorted.filter { $0.severity == .error }.map(\.summary)
    }

    @Test func aDuplicateKeyKeepsTheFileAndItsFirstDefinition() {
        let facts = "facts:\n  levels: {type: integer, label: Levels}\n  levels: {type: integer, label: Again}\n  delegation: {type: enum, values: [none, broad], label: D}\n"
        #expect(errors(["a": header + facts, "b": uses]) == ["a.yaml:4:3 error yaml.duplicate-key duplicate key 'levels'"])
    }

    @Test func aBrokenEntryIsStillDeclaredByName() {
        let facts = "facts:\n  levels: {type: integr, label: Levels}\n  delegation: {type: enum, values: [none, broad], label: D}\n"
        let found = errors(["a": header + facts, "b": uses])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("a.yaml:3:18 error yaml.unknown-word") == true, "\(found)")
    }

    @Test func anUnreadableFileFoldsTheErrorsItMayCause() throws {
        let facts = "facts:\n  levels: {type: integer, label: \"Levels}\n  delegation: {type: enum, values: [none, broad], label: D}\n"
        let result = loadPack(files: ["a": header + facts, "b": uses])
        #expect(result.diagnostics.errorCount == 1, "\(result.diagnostics.sorted.map(\.summary))")
        let root = try #require(result.diagnostics.sorted.first)
        #expect(root.code.rawValue == "yaml.syntax")
        #expect(root.notes.last?.message.hasPrefix("and ") == true)
        #expect(root.notes.last?.message.hasSuffix("errors about unknown names or facts, not listed: this file may declare them") == true)
    }

    @Test func aDuplicateOfAKeptDiagnosticIsNotCountedOnceTheListIsFull() {
        var list = DiagnosticList(limit: 2)
        let first = Diagnostic.error(PackCheck.unknownName.code, "unknown name 'a'", at: nil)
        list.append(first)
        list.append(Diagnostic.error(PackCheck.unknownName.code, "unknown name 'b'", at: nil))
        list.append(first)
        #expect(list.errorCount == 2 && list.droppedCount == 0)
    }

    @Test func countsAreThoseOfTheDiagnosticsListed() {
        var list = DiagnosticList()
        let same = Diagnostic.error(PackCheck.unknownName.code, "unknown name 'x'", at: nil)
        list.append(same)
        list.append(same)
        #expect(list.errorCount == 1 && list.sorted.count == 1)
    }
}
