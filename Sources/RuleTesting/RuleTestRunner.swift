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

    /// Runs the cases whose name contains `filter` (all when `nil` or empty: every name contains
    /// the empty text); with `coverage`, records which leaves of the pack's conditions the cases
    /// exercised (``Coverage``).
    public func run(_ cases: [RuleTestCase], problems: DiagnosticList = DiagnosticList(), filter: String? = nil,
                    coverage: Bool = false) -> RuleTestReport {
        let selected = cases.filter { testCase in
            filter.map { $0.isEmpty || testCase.name.localizedLowercase.contains($0.lowercased()) } ?? true
        }
        var recorded = coverage ? Coverage(engine: engine) : nil
        let results = selected.map { run($0, coverage: &recorded) }
        let pack = engine.compiled.pack
        let fired = Set(cases.flatMap(\.expectedFired))
        let notFired = Set(cases.flatMap(\.expectedNotFired))
        return RuleTestReport(results: results, problems: problems,
                              neverFired: pack.findings.map(\.id).filter { !fired.contains($0) },
                              neverNotFired: pack.findings.map(\.id).filter { !notFired.contains($0) },
                              coverage: recorded)
    }

    private func run(_ testCase: RuleTestCase, coverage: inout Coverage?) -> RuleTestResult {
        guard testCase.problems.isEmpty else {
            return RuleTestResult(testCase: testCase, status: .error, failures: testCase.problems.map(\.description))
        }
        let evaluation = engine.evaluate(testCase.profile)
        coverage?.record(evaluation)
        let failures = RuleTestExpectation.allCases.flatMap { expectation in
            testCase.expected[expectation].map { expectation.failures($0, in: evaluation, engine: engine) } ?? []
        }
        return RuleTestResult(testCase: testCase, status: failures.isEmpty ? .pass : .fail, failures: failures)
    }
}
