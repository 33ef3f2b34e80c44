import Diagnostics
import RuleModel

/// One case of a rule test: a profile and what the pack must conclude about it.
public struct RuleTestCase: Sendable {
    /// Where the case comes from.
    public enum Origin: Sendable, Hashable {
        /// An example written in a diagnostic of the pack.
        case example(diagnostic: String)
        /// A case of a `*.tests.yaml` file.
        case testFile
    }

    public let name: String
    public let origin: Origin
    public let profile: Profile
    /// What each expectation names, in the order written.
    public let expected: [RuleTestExpectation: RuleTestExpectation.Expected]
    public let location: SourceLocation?
    /// What is wrong with the case itself (an unknown expectation, an unknown id, nothing
    /// expected): such a case is an ERROR, never a PASS.
    public let problems: [Diagnostic]

    /// The diagnostics expected to fire.
    public var expectedFired: [String] { ids(.fired) }
    /// The diagnostics expected not to fire.
    public var expectedNotFired: [String] { ids(.notFired) }

    private func ids(_ expectation: RuleTestExpectation) -> [String] {
        if case .ids(let ids)? = expected[expectation] { return ids }
        return []
    }

    /// Creates a case.
    public init(name: String, origin: Origin, profile: Profile, expected: [RuleTestExpectation: RuleTestExpectation.Expected],
                location: SourceLocation?, problems: [Diagnostic] = []) {
        self.problems = problems
        self.name = name
        self.origin = origin
        self.profile = profile
        self.expected = expected
        self.location = location
    }

    /// The cases a pack's own examples make: one per example.
    public static func examples(of pack: RulePack) -> [RuleTestCase] {
        pack.findings.flatMap { rule -> [RuleTestCase] in
            func cases(_ examples: [FindingRule.Example], _ label: String,
                       _ make: (Profile, SourceLocation?, String) -> RuleTestCase) -> [RuleTestCase] {
                examples.enumerated().map { index, example in
                    let profile = Profile(name: "\(rule.id) example", kind: example.kind, assessedOn: example.assessedOn, facts: example.facts)
                    return make(profile, example.location, "\(rule.id): \(label) #\(index + 1)")
                }
            }
            let origin = Origin.example(diagnostic: rule.id)
            return cases(rule.examples.fires, "fires") {
                RuleTestCase(name: $2, origin: origin, profile: $0, expected: [.fired: .ids([rule.id])], location: $1)
            } + cases(rule.examples.doesNotFire, "does not fire") {
                RuleTestCase(name: $2, origin: origin, profile: $0, expected: [.notFired: .ids([rule.id])], location: $1)
            } + cases(rule.examples.unknown, "stays unknown") {
                RuleTestCase(name: $2, origin: origin, profile: $0, expected: [.unknown: .ids([rule.id])], location: $1)
            }
        }
    }
}
