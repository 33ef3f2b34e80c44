import Diagnostics
import Engine

/// How one rule test case went.
public struct RuleTestResult: Sendable {
    /// PASS, FAIL or ERROR.
    public enum Status: String, Sendable {
        case pass = "PASS", fail = "FAIL", error = "ERROR"
    }

    public let testCase: RuleTestCase
    public let status: Status
    /// For a failure, each expectation that did not hold: `expected 'x' fired, got unknown`.
    public let failures: [String]
}

/// The results of a whole run, with the diagnostics no case exercises.
public struct RuleTestReport: Sendable {
    public let results: [RuleTestResult]
    /// Problems in the test files themselves (each one counts as an error).
    public let problems: DiagnosticList
    /// Diagnostics that no case expects to fire.
    public let neverFired: [String]
    /// Diagnostics that no case expects not to fire.
    public let neverNotFired: [String]
    /// Which leaves of the pack's conditions the cases exercised, when asked for.
    public var coverage: Coverage? = nil

    public var passed: Int { results.filter { $0.status == .pass }.count }
    public var failed: Int { results.filter { $0.status == .fail }.count }
    public var errors: Int { results.filter { $0.status == .error }.count + problems.errorCount }
    /// Whether everything passed.
    public var succeeded: Bool { failed == 0 && errors == 0 }
}
