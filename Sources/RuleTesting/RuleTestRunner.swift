import Diagnostics
import Engine
import RuleModel

/// Runs rule test cases against a pack.
public struct RuleTestRunner: Sendable {
    let engine: Engine

    /// Creates a runner for a compiled pack.
    public init(engine: Engine) {
        self.engine = engine
    }

    /// Runs the cases whose name contains `filter` (all when `nil`).
    public func run(_ cases: [RuleTestCase], problems: DiagnosticList = DiagnosticList(), filter: String? = nil) -> RuleTestReport {
        let selected = cases.filter { filter == nil || $0.name.localizedLowercase.contains(filter!.lowercased()) }
        let results = selected.map(run)
        let pack = engine.compiled.pack
        let fired = Set(cases.flatMap(\.expectedFired))
        let notFired = Set(cases.flatMap(\.expectedNotFired))
        return RuleTestReport(results: results, problems: problems,
                              neverFired: pack.findings.map(\.id).filter { !fired.contains($0) },
                              neverNotFired: pack.findings.map(\.id).filter { !notFired.contains($0) })
    }

    private func run(_ testCase: RuleTestCase) -> RuleTestResult {
        guard testCase.problems.isEmpty else {
            return RuleTestResult(testCase: testCase, status: .error, failures: testCase.problems.map(\.description))
        }
        let evaluation = engine.evaluate(testCase.profile)
        var failures: [String] = []
        func check(_ ids: [String], _ expected: FindingOutcome.Status) {
            for id in ids {
                guard let outcome = evaluation.outcome(of: id) else {
                    failures.append("no diagnostic '\(id)' in the pack")
                    continue
                }
                if outcome.status != expected {
                    failures.append("expected '\(id)' \(expected.rawValue.replacingAll("_", with: " ")), got \(outcome.status.rawValue.replacingAll("_", with: " "))")
                }
            }
        }
        check(testCase.expectedFired, .fired)
        check(testCase.expectedNotFired, .notFired)
        check(testCase.expectedUnknown, .unknown)
        if !testCase.expectedRoadmapStart.isEmpty {
            let actual = evaluation.roadmap.prefix(testCase.expectedRoadmapStart.count).map(\.recommendation.id)
            if actual != testCase.expectedRoadmapStart {
                failures.append("expected the roadmap to start with [\(testCase.expectedRoadmapStart.joined(separator: ", "))], got [\(actual.joined(separator: ", "))]")
            }
        }
        return RuleTestResult(testCase: testCase, status: failures.isEmpty ? .pass : .fail, failures: failures)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
