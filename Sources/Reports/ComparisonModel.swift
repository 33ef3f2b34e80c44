import Engine
import RuleModel

/// Everything `orgdiag diff` shows, resolved into one language: the organisation, the two dates,
/// the findings by transition (each marked better, worse or neither), the actions now in place,
/// maturity per dimension with its direction, and the facts that changed.
public struct ComparisonModel: Sendable {
    /// Whether a change is progress, a setback, or neither.
    public enum Direction: String, Sendable {
        case better, worse, neutral
    }

    /// A group of findings or actions that moved the same way.
    public struct Section: Sendable {
        /// `resolved`, `new`, `established`, `persisting`, `undecided`, `now_in_place`, `no_longer_in_place`.
        public let key: String
        public let title: String
        public let direction: Direction
        public let items: [Item]
    }

    public struct Item: Sendable {
        public let id: String
        public let title: String
        /// The finding's severity in words, `nil` for an action.
        public let severity: String?
    }

    public struct MaturityChange: Sendable {
        public let id: String
        public let label: String
        public let before: Int?
        public let after: Int?
        /// Each level in words: "3/5", or "non évaluée (au moins 3)".
        public let beforeText: String
        public let afterText: String
        public let direction: Direction
    }

    public struct FactChange: Sendable {
        public let id: String
        public let label: String
        public let before: String
        public let after: String
    }

    public let language: String
    public let organisationName: String
    public let organisationKindLabel: String?
    /// The dates written out ("22 septembre 2026"), `nil` when a profile gives none.
    public let beforeDate: String?
    public let afterDate: String?
    public let beforeISO: String?
    public let afterISO: String?
    public let sections: [Section]
    public let maturity: [MaturityChange]
    public let facts: [FactChange]

    /// Resolves a comparison into `language`.
    public init(_ comparison: EvaluationComparison, language: String) {
        let words = ReportStrings(language: language)
        let pack = comparison.after.pack
        let fallback = pack.metadata.defaultLanguage
        func text(_ localized: LocalizedText?, _ id: String) -> String {
            localized.map { words.typeset($0.text(in: language, fallback: fallback)) } ?? id
        }
        self.language = language
        let after = comparison.after.profile
        organisationName = after.name
        organisationKindLabel = after.kind.map { words.organisationKind($0, in: pack) }
        beforeISO = comparison.before.profile.assessedOn
        afterISO = after.assessedOn
        beforeDate = beforeISO.map(words.date)
        afterDate = afterISO.map(words.date)
        func findings(_ key: String, _ direction: Direction, _ outcomes: [FindingOutcome]) -> Section {
            let sorted = outcomes.sorted { ($0.rule.severity, $0.rule.id) < ($1.rule.severity, $1.rule.id) }
            return Section(key: key, title: words("diff_" + key), direction: direction,
                           items: sorted.map { Item(id: $0.rule.id, title: text($0.rule.title, $0.rule.id), severity: words.severity($0.rule.severity)) })
        }
        func actions(_ key: String, _ direction: Direction, _ recommendations: [Recommendation]) -> Section {
            Section(key: key, title: words("diff_" + key), direction: direction,
                    items: recommendations.map { Item(id: $0.id, title: text($0.title, $0.id), severity: nil) })
        }
        sections = [
            findings("resolved", .better, comparison.resolved),
            actions("now_in_place", .better, comparison.nowInPlace),
            findings("new", .worse, comparison.new),
            findings("established", .worse, comparison.established),
            findings("persisting", .neutral, comparison.persisting),
            findings("undecided", .neutral, comparison.undecided),
            actions("no_longer_in_place", .worse, comparison.noLongerInPlace),
        ]
        maturity = comparison.maturity.map { change in
            // A level not assessed counts as the level it is at least.
            let (old, new) = (change.before ?? change.beforeAtLeast, change.after ?? change.afterAtLeast)
            let direction: Direction = new > old ? .better : new < old ? .worse : .neutral
            func reading(_ level: Int?, _ atLeast: Int) -> String { level.map { "\($0)/5" } ?? words.notAssessed(atLeast: atLeast) }
            return MaturityChange(id: change.dimension.id, label: text(change.dimension.label, change.dimension.id),
                                  before: change.before, after: change.after,
                                  beforeText: reading(change.before, change.beforeAtLeast), afterText: reading(change.after, change.afterAtLeast),
                                  direction: direction)
        }
        facts = comparison.facts.map { change in
            let fact = pack.fact(change.factID)
            let written = { (value: RuntimeValue) in
                fact.map { words.value(value, ofFact: $0, fallback: fallback) } ?? words.value(value, of: nil, fallback: fallback)
            }
            return FactChange(id: change.factID, label: text(fact?.label, change.factID), before: written(change.before), after: written(change.after))
        }
    }

    /// The count of items that are progress and of those that are setbacks.
    public var balance: (better: Int, worse: Int) {
        (sections.filter { $0.direction == .better }.map(\.items.count).reduce(0, +) + maturity.filter { $0.direction == .better }.count,
         sections.filter { $0.direction == .worse }.map(\.items.count).reduce(0, +) + maturity.filter { $0.direction == .worse }.count)
    }
}
