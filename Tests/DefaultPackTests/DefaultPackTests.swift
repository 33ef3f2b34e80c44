import Diagnostics
import Engine
import Foundation
import Reports
import RuleLoader
import RuleModel
import RuleTesting
import Testing
import TestSupport

/// The default pack's own checks, run in CI: it lints clean, its examples and the fixtures' rule
/// tests pass, and it meets the size the issue asks for.
@Suite struct DefaultPackTests {
    static let root = Repository.root

    static func load() throws -> RulePack {
        let files = try PackDirectory.read(root.appendingPathComponent("rules").path).get()
        let result = PackLoader.load(files: files)
        guard let pack = result.pack else { throw result.diagnostics }
        return pack
    }

    /// The fixtures' profiles (`fixtures/profiles/*.yaml`, test files aside), by file name.
    static func fixtureProfiles(_ pack: RulePack) throws -> [(name: String, profile: Profile)] {
        let folder = root.appendingPathComponent("fixtures/profiles")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".tests.yaml") }
            .map { name in
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                return (name, try ProfileLoader.load(SourceFile(path: name, contents: Array(data)), pack: pack).get())
            }
    }

    /// The fixtures' rule-test files (`fixtures/profiles/*.tests.yaml`), loaded: how many files,
    /// their cases and their problems.
    static func fixtureTests(_ pack: RulePack) throws -> (files: Int, cases: [RuleTestCase], problems: DiagnosticList) {
        let folder = root.appendingPathComponent("fixtures/profiles")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tests.yaml") }.sorted()
        var cases: [RuleTestCase] = []
        var problems = DiagnosticList()
        for name in names {
            let path = folder.appendingPathComponent(name)
            let loaded = RuleTestFileLoader.load(SourceFile(path: path.path, contents: Array(try Data(contentsOf: path))), pack: pack)
            cases += loaded.cases
            problems.append(contentsOf: loaded.problems)
        }
        return (names.count, cases, problems)
    }

    @Test func lintsWithoutErrorOrWarning() throws {
        let files = try PackDirectory.read(Self.root.appendingPathComponent("rules").path).get()
        let diagnostics = PackLoader.load(files: files).diagnostics
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test func hasTheCoverageTheIssueAsksFor() throws {
        let pack = try Self.load()
        #expect(pack.dimensions.count >= 8)
        #expect(pack.dimensions.allSatisfy { $0.levels.count == 5 && $0.levels.dropFirst().allSatisfy { $0.criteria != nil } })
        // The method's constructs, used throughout: every finding under a theme, every action in a
        // stage, strengths to start from, trainings sized.
        #expect(pack.themes.count >= 5 && pack.findings.allSatisfy { $0.theme != nil })
        #expect(pack.stages.count == 5 && pack.recommendations.allSatisfy { $0.stage != nil })
        #expect(pack.strengths.count >= 8)
        #expect(pack.recommendations.filter { $0.training != nil }.count >= 6)
        #expect(pack.recommendations.filter { $0.inPlaceWhen != nil }.count >= 6)
        #expect(pack.facts.count >= 50)
        #expect(pack.facts.allSatisfy { $0.question != nil && $0.dimension != nil })
        #expect(pack.indicators.count >= 10)
        #expect(pack.findings.count >= 40)
        #expect(pack.recommendations.count >= 30)
        #expect(Set(pack.recommendations.map(\.kind)) == Set(Recommendation.Kind.allCases))
        #expect(pack.metadata.languages.sorted() == ["en", "fr"])
        #expect(pack.parameters.contains { !$0.byKind.isEmpty })
    }

    @Test func examplesPassAndEveryDiagnosticIsExercisedBothWays() throws {
        let pack = try Self.load()
        let runner = RuleTestRunner(engine: try Engine(pack: pack))
        let tests = try Self.fixtureTests(pack)
        #expect(tests.files >= 6)
        let cases = RuleTestCase.examples(of: pack) + tests.cases
        let report = runner.run(cases, problems: tests.problems, coverage: true)
        #expect(report.problems.isEmpty, "\(DiagnosticRenderer().render(report.problems))")
        for result in report.results where result.status != .pass {
            Issue.record("\(result.testCase.name): \(result.failures.joined(separator: "; "))")
        }
        #expect(report.neverFired.isEmpty)
        #expect(report.neverNotFired.isEmpty)
        // Every strength expected to hold by some case, and not to hold by another.
        func expectedStrengths(_ key: RuleTestExpectation) -> Set<String> {
            Set(cases.flatMap { testCase -> [String] in
                if case .ids(let ids)? = testCase.expected[key] { return ids }
                return []
            })
        }
        let strengths = Set(pack.strengths.map(\.id))
        #expect(strengths.subtracting(expectedStrengths(.strengths)).isEmpty)
        #expect(strengths.subtracting(expectedStrengths(.notStrengths)).isEmpty)
        // The coverage docs/default-pack.md states, and the leaves it names as not covered.
        let coverage = try #require(report.coverage)
        let covered = coverage.leaves.filter(\.isCovered)
        let documentation = try Repository.text("docs/default-pack.md")
        #expect(documentation.contains("(\(coverage.evaluationCount) cases)"))
        #expect(documentation.contains("**\(covered.count) of \(coverage.leaves.count) leaves\ncovered (\(Int((coverage.coveredShare * 100).rounded())) %)**")
                || documentation.contains("**\(covered.count) of \(coverage.leaves.count) leaves covered (\(Int((coverage.coveredShare * 100).rounded())) %)**"))
        for leaf in coverage.leaves where !leaf.isCovered {
            #expect(documentation.contains("`\(leaf.expression)`"), "docs/default-pack.md does not name \(leaf.owner): \(leaf.expression)")
        }
    }

    /// `not_strengths` fails, saying so, when a strength holds.
    @Test func aStrengthExpectedNotToHoldThatHoldsFails() throws {
        let pack = try Self.load()
        let text = """
            tests:
              - name: a visible sponsor
                profile:
                  organisation: {name: CCI, kind: cci}
                  facts: {named_sponsor: true, sponsor_visible_6m: true}
                expect: {not_strengths: [sponsor_engaged]}
            """
        let loaded = RuleTestFileLoader.load(SourceFile(path: Self.root.appendingPathComponent("fixtures/profiles/inline.tests.yaml").path, text: text), pack: pack)
        let report = RuleTestRunner(engine: try Engine(pack: pack)).run(loaded.cases)
        #expect(report.results.map(\.failures) == [["expected the strength 'sponsor_engaged' not to hold, got held"]])
    }

    /// Every threshold says where it comes from in both languages, or that it is the
    /// consultancy's judgement (and then what the judgement rests on).
    @Test func everyParameterHasASourceInBothLanguages() throws {
        let pack = try Self.load()
        for parameter in pack.parameters {
            for language in ["fr", "en"] {
                let source = parameter.source?.text(in: language, fallback: "")
                #expect(source?.isEmpty == false, "\(parameter.id) has no \(language) source")
            }
            // A value the source calls a judgement is marked as one, so reports say so.
            let english = parameter.source?.text(in: "en", fallback: "") ?? ""
            #expect(parameter.judgement || !english.localizedCaseInsensitiveContains("judgement"), "\(parameter.id) is a judgement not marked as one")
        }
    }

    /// Staff representatives (CSE, CST) are consulted before any change of organisation: every
    /// organisation action requires the consultation, directly or through its prerequisites.
    @Test func everyOrganisationChangeFollowsTheStaffBodysConsultation() throws {
        let pack = try Self.load()
        let consultations: Set<String> = ["gov_social_dialogue_change", "gov_urgent_measures_consultation"]
        func prerequisites(of id: String) -> Set<String> {
            var seen: Set<String> = []
            var pending = pack.recommendation(id)?.requires ?? []
            while let next = pending.popLast() {
                if seen.insert(next).inserted { pending += pack.recommendation(next)?.requires ?? [] }
            }
            return seen
        }
        let changes = pack.recommendations.filter { $0.kind == .organisation }
        #expect(changes.count >= 10)
        for recommendation in changes {
            #expect(!prerequisites(of: recommendation.id).isDisjoint(with: consultations),
                    "\(recommendation.id) changes the organisation without consulting staff representatives first")
        }
    }

    /// Every level of every dimension is reached by a fixture or a rule test's profile, so that
    /// each level's criteria are seen to hold somewhere.
    @Test func everyMaturityLevelIsReachedSomewhere() throws {
        let pack = try Self.load()
        let engine = try Engine(pack: pack)
        var reached: Set<String> = []
        for profile in try Self.fixtureTests(pack).cases.map(\.profile) {
            for entry in engine.evaluate(profile).maturity { if let level = entry.level { reached.insert("\(entry.dimension.id) \(level)") } }
        }
        let all = pack.dimensions.flatMap { dimension in (1...dimension.levels.count).map { "\(dimension.id) \($0)" } }
        #expect(all.filter { !reached.contains($0) } == [])
    }

    /// For every fixture, checked with the tree evaluator (`Explainer`, independent of the
    /// compiled program that computed the report): each maturity level reached has its criteria
    /// true and the next level's are not (so the level's name is true of the organisation); no
    /// action of the roadmap is in place; no kept action comes before an action of an earlier
    /// stage; the kept roadmap is within the cap; no question asks a fact that is not relevant.
    @Test func everyFixtureReadsTrue() throws {
        let pack = try Self.load()
        let engine = try Engine(pack: pack)
        let stageIndex = pack.stages.positions(by: { $0.id })
        var checked = (levels: 0, actions: 0, questions: 0)
        for (name, profile) in try Self.fixtureProfiles(pack) {
            let evaluation = engine.evaluate(profile)
            let explainer = Explainer(engine: engine, evaluation: evaluation)
            for entry in evaluation.maturity {
                guard let level = entry.level, level >= 2 else { continue }
                for reached in 2...level {
                    let criteria = try #require(entry.dimension.levels[reached - 1].criteria)
                    #expect(explainer.tree(of: criteria).value == .bool(true), "\(name): \(entry.dimension.id) level \(reached)")
                    checked.levels += 1
                }
                if level < entry.dimension.levels.count, let next = entry.dimension.levels[level].criteria {
                    #expect(explainer.tree(of: next).value != .bool(true), "\(name): \(entry.dimension.id) level \(level + 1) holds too")
                }
            }
            for item in evaluation.roadmap {
                if let test = item.recommendation.inPlaceWhen {
                    #expect(explainer.tree(of: test).value != .bool(true), "\(name): \(item.recommendation.id) is in place")
                    checked.actions += 1
                }
            }
            let kept = evaluation.roadmap.filter { !$0.later }
            for earlier in kept {
                for later in kept where (stageIndex[earlier.recommendation.stage ?? ""] ?? 0) < (stageIndex[later.recommendation.stage ?? ""] ?? 0) {
                    #expect(earlier.phase < later.phase, "\(name): \(later.recommendation.id) before \(earlier.recommendation.id)")
                }
            }
            let cap = try #require(pack.parameter(RulePack.roadmapLimitParameter).flatMap { RulePack.roadmapLimit($0.value(forKind: profile.kind)) })
            #expect(kept.count <= cap, "\(name): \(kept.count) actions kept")
            for question in engine.questions(for: evaluation) {
                if let relevance = pack.fact(question.factID)?.relevantWhen {
                    #expect(explainer.tree(of: relevance).value != .bool(false), "\(name): asks \(question.factID)")
                    checked.questions += 1
                }
            }
        }
        // Not vacuous: the fixtures exercise every kind of check.
        #expect(checked.levels > 50 && checked.actions > 50 && checked.questions > 5, "\(checked)")
    }

    @Test func theStoryProfileStartsWithGovernance() throws {
        let pack = try Self.load()
        let path = Self.root.appendingPathComponent("fixtures/profiles/cci-val-de-loire-sud.yaml").path
        let file = SourceFile(path: path, contents: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let evaluation = try Engine(pack: pack).evaluate(try ProfileLoader.load(file, pack: pack).get())
        let firstPhase = evaluation.roadmap.filter { $0.phase == 1 }
        #expect(firstPhase.first?.recommendation.kind == .governance)
        // Front-line training comes after governance and managers' training.
        let frontLine = try #require(evaluation.roadmap.first { $0.recommendation.id == "trn_frontline_service_relation" })
        let sponsorship = try #require(evaluation.roadmap.first { $0.recommendation.id == "gov_executive_sponsorship" })
        let relays = try #require(evaluation.roadmap.first { $0.recommendation.id == "trn_managers_change_relay" })
        #expect(sponsorship.phase < relays.phase && relays.phase < frontLine.phase)
        // The synthesis opens on the story's three themes: the budget, the vertical organisation and
        // the missing client service (covered findings weigh in their theme: the funding cliff says
        // the fall and the dependence, the saturated phone line the unanswered calls).
        let model = ReportModel(evaluation, questions: [], language: "fr", generatedOn: "2026-11-26", toolVersion: "t")
        #expect(model.keyMessages.map(\.theme) == ["Budget et financement", "Une organisation verticale et cloisonnée", "Le service rendu aux usagers"])
    }

    @Test func sentencesUseTheOrganisationsFiguresAndTheWordsLabels() throws {
        let pack = try Self.load()
        let path = Self.root.appendingPathComponent("fixtures/profiles/cci-val-de-loire-sud.yaml").path
        let file = SourceFile(path: path, contents: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let engine = try Engine(pack: pack)
        let evaluation = engine.evaluate(try ProfileLoader.load(file, pack: pack).get())
        let french = MarkdownReportRenderer().render(ReportModel(evaluation, questions: engine.questions(for: evaluation), language: "fr", generatedOn: "2026-11-26", toolVersion: "t"))
        #expect(french.contains("La démarche est présentée surtout par la menace budgétaire et seuls 28\u{a0}% des agents"))
        // Numbers held to the word after them by no-break spaces.
        #expect(french.contains("8\u{a0}niveaux hiérarchiques là où 5\u{a0}suffisent pour 420\u{a0}agents"))
        let english = MarkdownReportRenderer().render(ReportModel(evaluation, questions: engine.questions(for: evaluation), language: "en", generatedOn: "2026-11-26", toolVersion: "t"))
        #expect(english.contains("framed mainly through the budget threat and only 28% of staff"))
        #expect(english.contains("Staff engagement score: 44% favourable"))
        #expect(!english.contains("budget_threat"))
    }

    @Test func everyProfileReportsInBothLanguagesWithoutUntranslatedText() throws {
        let pack = try Self.load()
        let engine = try Engine(pack: pack)
        for (name, profile) in try Self.fixtureProfiles(pack) {
            let evaluation = engine.evaluate(profile)
            for language in ["fr", "en"] {
                let text = MarkdownReportRenderer().render(ReportModel(evaluation, questions: engine.questions(for: evaluation), language: language, generatedOn: "2026-11-26", toolVersion: "test"))
                #expect(!text.contains("{"), "a placeholder was left unfilled in \(name) (\(language))")
                #expect(!text.contains("?."), "an unknown value reads '?' in \(name) (\(language))")
            }
        }
    }
}

/// docs/default-pack.md lists exactly the pack's diagnostics.
@Suite struct DefaultPackDocumentationTests {
    @Test func everyDiagnosticIsListed() throws {
        let pack = try DefaultPackTests.load()
        let text = try String(contentsOf: DefaultPackTests.root.appendingPathComponent("docs/default-pack.md"), encoding: .utf8)
        let listed = Set(text.components(separatedBy: "\n").filter { $0.hasPrefix("| `") }.compactMap { line in
            line.split(separator: "`").dropFirst().first.map(String.init)
        })
        #expect(listed == Set(pack.findings.map(\.id)))
    }
}
