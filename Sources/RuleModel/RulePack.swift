/// A whole rule pack: its catalogue of facts, parameters, indicators, diagnostics, recommendations,
/// dimensions, stages and strengths, checked and ready for the engine.
///
/// Every collection is sorted by id, so that the order of files and rules never matters, except
/// dimensions, stages and themes, which keep the order the author declared them in (reports show them that way).
public struct RulePack: Hashable, Sendable {
    /// Identity and languages of a pack.
    public struct Metadata: Hashable, Sendable, Codable {
        public var id: String
        public var name: LocalizedText
        /// Semantic version, `MAJOR.MINOR.PATCH`.
        public var version: String
        public var languages: [String]
        public var defaultLanguage: String
        /// The organisation kinds profiles may declare.
        public var organisationKinds: [String]
        /// How some kinds read in reports (`cci`: "Chambre de commerce et d'industrie").
        public var organisationKindLabels: [String: LocalizedText]
        /// The currency of costs (training plans), as reports write it: `€`.
        public var currency: String?

        /// Creates pack metadata.
        public init(id: String, name: LocalizedText = LocalizedText([:]), version: String = "0.1.0",
                    languages: [String] = ["en"], defaultLanguage: String = "en", organisationKinds: [String] = [],
                    organisationKindLabels: [String: LocalizedText] = [:], currency: String? = nil) {
            self.id = id
            self.name = name
            self.version = version
            self.languages = languages
            self.defaultLanguage = defaultLanguage
            self.organisationKinds = organisationKinds
            self.organisationKindLabels = organisationKindLabels
            self.currency = currency
        }
    }

    public var metadata: Metadata
    public var facts: [FactDefinition] { didSet { Self.keepSortedByID(&facts) { $0.id } } }
    public var parameters: [Parameter] { didSet { Self.keepSortedByID(&parameters) { $0.id } } }
    public var indicators: [Indicator] { didSet { Self.keepSortedByID(&indicators) { $0.id } } }
    public var findings: [FindingRule] { didSet { Self.keepSortedByID(&findings) { $0.id } } }
    public var recommendations: [Recommendation] { didSet { Self.keepSortedByID(&recommendations) { $0.id } } }
    public var dimensions: [Dimension]
    /// The stages of the pack's method, in order: the roadmap follows them.
    public var stages: [Stage]
    /// The themes that group diagnostics in reports, in the order reports show them.
    public var themes: [Theme]
    public var strengths: [Strength] { didSet { Self.keepSortedByID(&strengths) { $0.id } } }
    /// A hash of the pack's files, to tell versions apart in reports.
    public var contentHash: String

    // Collections are kept sorted by id (a change that breaks the order sorts them again), so that
    // looking one up is a binary search: packs may hold tens of thousands of rules.

    /// Creates a pack; every collection but `dimensions` is sorted by id.
    public init(metadata: Metadata, facts: [FactDefinition] = [], parameters: [Parameter] = [],
                indicators: [Indicator] = [], findings: [FindingRule] = [],
                recommendations: [Recommendation] = [], dimensions: [Dimension] = [], stages: [Stage] = [],
                themes: [Theme] = [], strengths: [Strength] = [], contentHash: String = "") {
        self.metadata = metadata
        self.facts = facts.sorted { $0.id < $1.id }
        self.parameters = parameters.sorted { $0.id < $1.id }
        self.indicators = indicators.sorted { $0.id < $1.id }
        self.findings = findings.sorted { $0.id < $1.id }
        self.recommendations = recommendations.sorted { $0.id < $1.id }
        self.dimensions = dimensions
        self.stages = stages
        self.themes = themes
        self.strengths = strengths.sorted { $0.id < $1.id }
        self.contentHash = contentHash
    }

    /// The name expressions read the date of the assessment by (the profile's
    /// `organisation.assessed_on`): a date, unknown when the profile does not give it. It cannot be
    /// an id.
    public static let assessmentDateName = "assessed_on"

    /// The parameter that caps a roadmap, when a pack declares it: the actions after the first
    /// `max_roadmap_actions` (in roadmap order) are listed as "later".
    public static let roadmapLimitParameter = "max_roadmap_actions"

    /// The parameter that prices a trainer-day, when a pack declares it: a training plan's cost is
    /// its trainer-days times this rate.
    public static let trainerDayRateParameter = "trainer_day_rate"

    /// The cap a value of ``roadmapLimitParameter`` sets: a whole number from 1, else `nil`.
    public static func roadmapLimit(_ value: Value) -> Int? {
        guard case .number(let number) = value, number >= 1, number <= Double(Int32.max), number == number.rounded() else { return nil }
        return Int(number)
    }

    /// The parameter that says how many months a phase of the roadmap lasts, when a pack declares
    /// it: reports then date each phase from the assessment date.
    public static let phaseMonthsParameter = "phase_months"

    /// The length of a phase a value of ``phaseMonthsParameter`` sets: a whole number of months
    /// from 1 to 36, else `nil`.
    public static func phaseMonths(_ value: Value) -> Int? {
        guard case .number(let number) = value, number >= 1, number <= 36, number == number.rounded() else { return nil }
        return Int(number)
    }

    /// The highest price of a trainer-day the pack or `--set` may give.
    public static let maximumTrainerDayRate = 10_000_000.0

    /// What is wrong with `value` as a value of `parameter` (the pack's, one of its `by_kind`, or
    /// `--set`), beyond its type: the roadmap's cap is a whole number from 1, a phase's length 1 to 36 months, a trainer-day's price
    /// a number from 0, and a parameter whose value is a date takes dates only. `nil` when fine.
    public static func problem(with value: Value, for parameter: Parameter) -> String? {
        switch parameter.id {
        case roadmapLimitParameter where roadmapLimit(value) == nil:
            return "'\(parameter.id)' caps the roadmap: a whole number of actions from 1, not \(value.plainText)"
        case phaseMonthsParameter where phaseMonths(value) == nil:
            return "'\(parameter.id)' is the length of a roadmap phase: a whole number of months from 1 to 36, not \(value.plainText)"
        case trainerDayRateParameter:
            if case .number(let rate) = value, rate >= 0, rate <= maximumTrainerDayRate { return nil }
            return "'\(parameter.id)' prices a trainer-day: a number from 0 to \(Value.format(maximumTrainerDayRate)), not \(value.plainText)"
        default:
            guard case .string(let written) = parameter.value, CivilDate(iso: written) != nil else { return nil }
            if case .string(let text) = value, CivilDate(iso: text) != nil { return nil }
            return "'\(parameter.id)' is a date: write it YYYY-MM-DD, as 2025-01-01, not \(value.plainText)"
        }
    }

    /// The fact with `id`.
    public func fact(_ id: String) -> FactDefinition? { Self.element(of: facts, withID: id) { $0.id } }
    /// The parameter with `id`.
    public func parameter(_ id: String) -> Parameter? { Self.element(of: parameters, withID: id) { $0.id } }
    /// The indicator with `id`.
    public func indicator(_ id: String) -> Indicator? { Self.element(of: indicators, withID: id) { $0.id } }
    /// The finding rule (a `diagnostics:` entry of the pack) with `id`.
    public func finding(_ id: String) -> FindingRule? { Self.element(of: findings, withID: id) { $0.id } }
    /// The recommendation with `id`.
    public func recommendation(_ id: String) -> Recommendation? { Self.element(of: recommendations, withID: id) { $0.id } }
    /// The dimension with `id` (at most a few dozen, in the author's order).
    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }
    /// The theme with `id`.
    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
    /// The stage with `id`.
    public func stage(_ id: String) -> Stage? { stages.first { $0.id == id } }

    // The ids are read through closures rather than key paths: applying a key path to an element
    // copied the whole element (a diagnostic's every field retained and released) at each probe.
    private static func keepSortedByID<Element>(_ elements: inout [Element], _ id: (Element) -> String) {
        let sorted = elements.indices.dropFirst().allSatisfy { id(elements[$0 - 1]) <= id(elements[$0]) }
        if !sorted { elements.sort { id($0) < id($1) } }
    }

    /// A binary search in elements sorted by id; the first of equal ids.
    private static func element<Element>(of elements: [Element], withID wanted: String, _ id: (Element) -> String) -> Element? {
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            if id(elements[middle]) < wanted { low = middle + 1 } else { high = middle }
        }
        return low < elements.count && id(elements[low]) == wanted ? elements[low] : nil
    }
}
