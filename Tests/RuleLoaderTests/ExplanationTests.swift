import Diagnostics
import Foundation
import Testing
import Engine
import RuleModel
@testable import RuleLoader

/// The sample pack evaluated on the sample profile: outcomes, explanation and counterfactuals.
@Suite struct ExplanationTests {
    private func evaluate(_ facts: String) throws -> (Engine, Evaluation) {
        let pack = try samplePack()
        let profile = try ProfileLoader.load(SourceFile(path: "p.yaml", text: "organisation: {name: X, kind: caf}\nfacts:\n" + facts),
                                             pack: pack).get()
        let engine = try Engine(pack: pack)
        return (engine, engine.evaluate(profile))
    }

    @Test func firedDiagnosticIsExplainedWithValuesAndDerivations() throws {
        let (engine, evaluation) = try evaluate("  hierarchy_levels: 8\n  staff_count: 240\n  manager_count: 12\n  decision_delegation: none\n")
        #expect(evaluation.outcome(of: "excessive_verticality")?.status == .fired)
        let explanation = try #require(Explainer(engine: engine, evaluation: evaluation).explain("excessive_verticality"))
        #expect(explanation.tree.kind == .any)
        #expect(explanation.tree.children.map(\.kind) == [.expression("hierarchy_levels (8) > max_levels (5)"), .all])
        #expect(explanation.tree.children[1].children.map { Explanation.Node.englishBlock($0.kind) } ==
            ["span_of_control (20) < min_span (4)", "decision_delegation ('none') == 'none'"])
        #expect(explanation.derivations.map(\.description) == ["span_of_control = staff_count / manager_count = 240 / 12 = 20"])
        let rule = try #require(evaluation.pack.finding("excessive_verticality"))
        #expect(evaluation.fill(rule.because!.text(in: "en", fallback: "fr")) { _, value, _ in value.plainText } == "8 levels for a maximum of 5")
        // The smallest change: 5 levels would stop it firing.
        #expect(explanation.changes.first == Explanation.Change(factID: "hierarchy_levels", from: .number(8), to: .number(5), outcome: .notFired))
    }

    @Test func notFiredDiagnosticSaysWhatWouldFireIt() throws {
        let (engine, evaluation) = try evaluate("  hierarchy_levels: 4\n  staff_count: 100\n  manager_count: 10\n  decision_delegation: partial\n")
        #expect(evaluation.outcome(of: "excessive_verticality")?.status == .notFired)
        let changes = try #require(Explainer(engine: engine, evaluation: evaluation).explain("excessive_verticality")).changes
        #expect(changes.contains(Explanation.Change(factID: "hierarchy_levels", from: .number(4), to: .number(6), outcome: .fired)))
    }

    @Test func unknownDiagnosticListsTheFactsThatDecideIt() throws {
        let (engine, evaluation) = try evaluate("  staff_count: 100\n")
        let outcome = try #require(evaluation.outcome(of: "excessive_verticality"))
        #expect(outcome.status == .unknown)
        #expect(outcome.missingFacts == ["decision_delegation", "hierarchy_levels", "manager_count"])
        #expect(engine.questions(for: evaluation).first?.factID == "single_entry_point")
        let explanation = try #require(Explainer(engine: engine, evaluation: evaluation).explain("excessive_verticality"))
        #expect(explanation.tree.children.first?.kind == .expression("hierarchy_levels (?) > max_levels (5)"))
        #expect(explanation.derivations.map(\.description) == ["span_of_control = staff_count / manager_count = 100 / ? = unknown ('manager_count' is unknown)"])
        #expect(explanation.derivations.first?.reason == .unknownName("manager_count"))
    }

    @Test func roadmapStartsWithGovernance() throws {
        let (_, evaluation) = try evaluate("  hierarchy_levels: 8\n  single_entry_point: false\n  satisfaction_rate: 50\n")
        #expect(evaluation.roadmap.first?.recommendation.id == "gov_executive_sponsorship")
        #expect(evaluation.roadmap.first?.pulledIn == true)
        #expect(evaluation.roadmap.map(\.phase) == evaluation.roadmap.map(\.phase).sorted())
    }

    @Test func divisionByZeroIsUnknownWithItsReason() throws {
        let (engine, evaluation) = try evaluate("  staff_count: 100\n  manager_count: 0\n  hierarchy_levels: 3\n")
        #expect(evaluation.value(of: "span_of_control") == .unknown)
        let explanation = try #require(Explainer(engine: engine, evaluation: evaluation).explain("span_of_control"))
        #expect(explanation.derivations.map(\.description) == ["span_of_control = staff_count / manager_count = 100 / 0 = unknown (division by zero)"])
    }

    @Test func indexedFactsAndNamedFactsGiveTheSameOutcomes() throws {
        let (engine, evaluation) = try evaluate("  hierarchy_levels: 8\n  staff_count: 240\n  manager_count: 12\n  decision_delegation: none\n")
        let indexed = evaluation.profile
        #expect(indexed.indexedFacts != nil)
        var named = indexed
        named.indexedFacts = nil
        #expect(engine.evaluate(named).outcomes == evaluation.outcomes)
        var changed = indexed
        changed.facts["hierarchy_levels"] = .number(3)
        #expect(changed.indexedFacts == nil)
        #expect(engine.evaluate(changed).outcome(of: "excessive_verticality")?.status == .notFired)
    }
}
