import Diagnostics
import Engine
import RuleModel

/// The check `orgdiag lint` runs on a pack's own examples: each must come out as it says (fires,
/// does not fire, stays unknown). It needs the engine, so it runs after the loader's stages; it
/// decides every example at once with the block evaluator (fired and unknown only), as an
/// example claims nothing else.
public enum ExampleCheck {
    /// The code of an example that contradicts its diagnostic's condition.
    public static let code = DiagnosticCode("pack.example-fails")

    /// An error at each example whose outcome is not the one it claims, with the outcome.
    public static func diagnostics(for pack: RulePack, engine: Engine) -> [Diagnostic] {
        let indices = pack.findings.positions(by: { $0.id })
        var problems: [Diagnostic] = []
        // The same cases `orgdiag test` runs for the examples: one per example, with its claim.
        let examples = RuleTestCase.examples(of: pack)
        let decisions = engine.decide(examples.map { Optional($0.profile) })
        for (position, example) in examples.enumerated() {
            guard case .example(let id) = example.origin, let index = indices[id], let rule = pack.finding(id) else { continue }
            let expected: FindingOutcome.Status = !example.expectedFired.isEmpty ? .fired
                : !example.expectedNotFired.isEmpty ? .notFired : .unknown
            let diagnostic = Int32(index)
            let actual: FindingOutcome.Status = !Engine.applies(rule, to: example.profile) ? .notApplicable
                : decisions.fired(position).contains(diagnostic) ? .fired
                : decisions.unknown(position).contains(diagnostic) ? .unknown : .notFired
            guard actual != expected else { continue }
            problems.append(.error(code, "the example '\(example.name)' does not hold: expected '\(id)' \(expected.words), got \(actual.words)",
                                   at: example.location))
        }
        return problems
    }
}
