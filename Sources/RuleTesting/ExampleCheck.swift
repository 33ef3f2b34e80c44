import Diagnostics
import Engine
import RuleModel

/// The check `orgdiag lint` runs on a pack's own examples: each must come out as it says (fires,
/// does not fire, stays unknown). It needs the engine, so it runs after the loader's stages; it
/// takes the engine's fast path (fired and unknown only), as an example claims nothing else.
public enum ExampleCheck {
    /// The code of an example that contradicts its diagnostic's condition.
    public static let code = DiagnosticCode("pack.example-fails")

    /// An error at each example whose outcome is not the one it claims, with the outcome.
    public static func diagnostics(for pack: RulePack, engine: Engine) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, rule) in pack.findings.enumerated() {
            let claims: [(FindingRule.Example, FindingOutcome.Status, String)] =
                rule.examples.fires.enumerated().map { ($1, .fired, "fires #\($0 + 1)") }
                + rule.examples.doesNotFire.enumerated().map { ($1, .notFired, "does not fire #\($0 + 1)") }
                + rule.examples.unknown.enumerated().map { ($1, .unknown, "stays unknown #\($0 + 1)") }
            for (example, expected, label) in claims {
                let profile = Profile(name: "\(rule.id) example", kind: example.kind, facts: example.facts)
                let decision = engine.decide(profile)
                let actual: FindingOutcome.Status = !Engine.applies(rule, to: profile) ? .notApplicable
                    : decision.fired.contains(index) ? .fired : decision.unknown.contains(index) ? .unknown : .notFired
                guard actual != expected else { continue }
                func words(_ status: FindingOutcome.Status) -> String { status.rawValue.split(separator: "_").joined(separator: " ") }
                problems.append(.error(code, "the example '\(rule.id): \(label)' does not hold: expected '\(rule.id)' \(words(expected)), got \(words(actual))",
                                       at: example.location))
            }
        }
        return problems
    }
}
