import Diagnostics
import Engine
import RuleModel

/// The check `orgdiag lint` runs on a pack's own examples: each must come out as it says (fires,
/// does not fire, stays unknown). It needs the engine, so it runs after the loader's stages.
public enum ExampleCheck {
    /// The code of an example that contradicts its diagnostic's condition.
    public static let code = DiagnosticCode("pack.example-fails")

    /// An error at each example whose outcome is not the one it claims, with the outcome.
    public static func diagnostics(for pack: RulePack, engine: Engine) -> [Diagnostic] {
        let report = RuleTestRunner(engine: engine).run(RuleTestCase.examples(of: pack))
        return report.results.filter { $0.status != .pass }.map { result in
            .error(code, "the example '\(result.testCase.name)' does not hold: \(result.failures.joined(separator: "; "))",
                   at: result.testCase.location)
        }
    }
}
