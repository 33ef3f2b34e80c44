import Engine
import Reports
import RuleModel

/// One kind of expectation a rule-test case can state (`expect: {fired: [...], ...}`), declared
/// once: its key, what its ids name, and how it is checked against an evaluation. The loader
/// reads the keys from here, the runner checks through here, docs/rule-language.md lists them.
public enum RuleTestExpectation: String, CaseIterable, Sendable, Hashable {
    /// Diagnostics whose condition holds (superseded ones included).
    case fired
    /// Diagnostics whose condition is false.
    case notFired = "not_fired"
    /// Diagnostics left undecided.
    case unknown
    /// Diagnostics that do not concern the organisation's kind (`applies_to`).
    case notApplicable = "not_applicable"
    /// Diagnostics that fired but are covered by another that fired (`supersedes`).
    case superseded
    /// The first recommendations of the roadmap, in order.
    case roadmapStartsWith = "roadmap_starts_with"
    /// The whole roadmap, in order, later actions included.
    case roadmap
    /// Recommendations already in place.
    case inPlace = "in_place"
    /// Strengths that hold.
    case strengths
    /// Strengths that do not hold (their condition is false).
    case notStrengths = "not_strengths"
    /// Facts among the questions to ask next.
    case asks
    /// Facts not among the questions to ask next (known, deciding nothing, or not relevant).
    case doesNotAsk = "does_not_ask"
    /// Dimensions' maturity levels: `{structure: 2, budget: not_assessed}`.
    case maturity
    /// Roadmap recommendations' phases: `{gov_sponsorship: 1}`.
    case phases
    /// Roadmap recommendations' priority scores: `{gov_sponsorship: 90}`.
    case scores
    /// Diagnostics' `because` sentences, as the report in the pack's language prints them, contain a text.
    case because
    /// Diagnostics' `because` sentences are exactly a text.
    case becauseIs = "because_is"

    /// What a case expects: ids (of diagnostics, recommendations, strengths or facts), or a level
    /// per dimension (`nil`: not assessed).
    public enum Expected: Hashable, Sendable {
        case ids([String])
        case levels([String: Int?])
        /// A number per recommendation (phases, scores).
        case numbers([String: Double])
        /// A text per diagnostic (`because` sentences).
        case texts([String: String])
    }

    /// How the values of a mapping expectation are written: `nil` for a list of ids.
    public enum ValueForm: Sendable {
        /// A maturity level from 1, or `not_assessed`.
        case level
        /// A roadmap phase, a whole number from 1.
        case phase
        /// A priority score, a number.
        case score
        /// A text.
        case text
    }

    /// How this expectation's values are written, when it is a mapping of id to value.
    public var valueForm: ValueForm? {
        switch self {
        case .maturity: return .level
        case .phases: return .phase
        case .scores: return .score
        case .because, .becauseIs: return .text
        default: return nil
        }
    }

    /// The word that expects a dimension not to be assessed.
    public static let notAssessed = "not_assessed"

    /// What an expectation's ids name.
    public enum Subject: String, Sendable {
        case diagnostic, recommendation, strength, fact, dimension
    }

    /// What the ids of this expectation name.
    public var subject: Subject {
        switch self {
        case .fired, .notFired, .unknown, .notApplicable, .superseded: return .diagnostic
        case .roadmapStartsWith, .roadmap, .inPlace, .phases, .scores: return .recommendation
        case .strengths, .notStrengths: return .strength
        case .asks, .doesNotAsk: return .fact
        case .maturity: return .dimension
        case .because, .becauseIs: return .diagnostic
        }
    }

    /// The ids a pack defines for a subject.
    static func ids(of subject: Subject, in pack: RulePack) -> [String] {
        switch subject {
        case .diagnostic: return pack.findings.map(\.id)
        case .recommendation: return pack.recommendations.map(\.id)
        case .strength: return pack.strengths.map(\.id)
        case .fact: return pack.facts.map(\.id)
        case .dimension: return pack.dimensions.map(\.id)
        }
    }

    /// What is wrong with `evaluation` against what is expected: one sentence per failure.
    func failures(_ expected: Expected, in evaluation: Evaluation, engine: Engine) -> [String] {
        switch expected {
        case .ids(let ids): return failures(ids, in: evaluation, engine: engine)
        case .levels(let levels):
            func words(_ level: Int?) -> String { level.map { "level \($0)" } ?? "not assessed" }
            return levels.sorted { $0.key < $1.key }.compactMap { dimension, wanted in
                guard let entry = evaluation.maturity.first(where: { $0.dimension.id == dimension }) else { return "no dimension '\(dimension)' in the pack" }
                return entry.level == wanted ? nil : "expected '\(dimension)' at \(words(wanted)), got \(words(entry.level))"
            }
        case .numbers(let numbers):
            return numbers.sorted { $0.key < $1.key }.compactMap { id, wanted in
                guard let item = evaluation.roadmap.first(where: { $0.recommendation.id == id }) else {
                    return "expected '\(id)' in the roadmap, but it is not"
                }
                let actual = self == .phases ? Double(item.phase) : item.score
                // Scores are compared as the JSON report writes them (two decimals).
                guard abs(actual - wanted) >= 0.005 else { return nil }
                let shown = self == .phases ? "phase \(item.phase)" : "score \(Value.format(item.score))"
                let wantedShown = self == .phases ? "phase \(Value.format(wanted))" : "score \(Value.format(wanted))"
                return "expected '\(id)' at \(wantedShown)\(item.later ? " (second roadmap)" : ""), got \(shown)"
            }
        case .texts(let texts):
            let language = evaluation.pack.metadata.defaultLanguage
            return texts.sorted { $0.key < $1.key }.compactMap { id, wanted in
                guard let rule = evaluation.pack.finding(id) else { return "no diagnostic '\(id)' in the pack" }
                guard let typeset = ReportModel.because(of: rule, in: evaluation, language: language) else {
                    return "expected a 'because' sentence for '\(id)', but it has none"
                }
                // The report's no-break spaces read as spaces: an author types plain ones.
                let sentence = Self.plainSpaces(typeset)
                let wanted = Self.plainSpaces(wanted)
                let holds = self == .becauseIs ? sentence == wanted : sentence.contains(wanted)
                return holds ? nil : "expected the 'because' of '\(id)' \(self == .becauseIs ? "to be" : "to contain") “\(wanted)”, got “\(sentence)”"
            }
        }
    }

    /// A text with its no-break spaces (U+00A0, U+202F) as plain spaces.
    private static func plainSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 }))
    }

    private func failures(_ expected: [String], in evaluation: Evaluation, engine: Engine) -> [String] {
        func statusFailures(_ wanted: FindingOutcome.Status) -> [String] {
            expected.compactMap { id in
                guard let outcome = evaluation.outcome(of: id) else { return "no diagnostic '\(id)' in the pack" }
                guard outcome.status != wanted else { return nil }
                let failure = "expected '\(id)' \(wanted.words), got \(outcome.status.words)"
                if outcome.status == .notApplicable {
                    return failure + " (it applies to \((outcome.rule.appliesTo ?? []).joined(separator: ", ")))"
                }
                // Why: the condition with the profile's values, as `orgdiag explain` shows it.
                let why = Explainer(engine: engine, evaluation: evaluation).explain(id)?.tree.outline(depth: 3) ?? ""
                return failure + "\n" + why.dropLast()
            }
        }
        let roadmap = evaluation.roadmap.map(\.recommendation.id)
        func list(_ ids: [String]) -> String { "[" + ids.joined(separator: ", ") + "]" }
        switch self {
        case .fired: return statusFailures(.fired)
        case .notFired: return statusFailures(.notFired)
        case .unknown: return statusFailures(.unknown)
        case .notApplicable: return statusFailures(.notApplicable)
        case .superseded:
            return expected.compactMap { id in
                guard let outcome = evaluation.outcome(of: id) else { return "no diagnostic '\(id)' in the pack" }
                if outcome.status != .fired { return "expected '\(id)' fired and superseded, got \(outcome.status.words)" }
                return outcome.supersededBy.isEmpty ? "expected '\(id)' superseded, but no fired diagnostic supersedes it" : nil
            }
        case .roadmapStartsWith:
            let actual = Array(roadmap.prefix(expected.count))
            return actual == expected ? [] : ["expected the roadmap to start with \(list(expected)), got \(list(actual))"]
        case .roadmap:
            return roadmap == expected ? [] : ["expected the roadmap \(list(expected)), got \(list(roadmap))"]
        case .inPlace:
            return expected.compactMap { id in
                switch evaluation.inPlaceTests[id] {
                case .true?: return nil
                case nil: return "expected '\(id)' in place, but it has no 'in_place_when'"
                case let truth?: return "expected '\(id)' in place, got \(truth == .false ? "not in place" : "undecided")"
                }
            }
        case .strengths:
            return expected.compactMap { id in
                guard let outcome = evaluation.strengths.first(where: { $0.strength.id == id }) else { return "no strength '\(id)' in the pack" }
                return outcome.truth == .true ? nil : "expected the strength '\(id)', got \(outcome.truth == .false ? "not held" : "undecided")"
            }
        case .notStrengths:
            return expected.compactMap { id in
                guard let outcome = evaluation.strengths.first(where: { $0.strength.id == id }) else { return "no strength '\(id)' in the pack" }
                return outcome.truth == .false ? nil : "expected the strength '\(id)' not to hold, got \(outcome.truth == .true ? "held" : "undecided")"
            }
        case .asks, .doesNotAsk:
            let asked = Set(engine.questions(for: evaluation).map(\.factID))
            return expected.compactMap { id in
                asked.contains(id) == (self == .asks) ? nil : "expected '\(id)' \(self == .asks ? "among" : "not among") the questions to ask next"
            }
        case .maturity, .phases, .scores, .because, .becauseIs:
            return []  // mappings, not ids: see failures(_:in:engine:) above
        }
    }
}
