/// A whole rule pack: its catalogue of facts, parameters, indicators, diagnostics, recommendations
/// and dimensions, checked and ready for the engine.
///
/// Every collection is sorted by id, so that the order of files and rules never matters, except
/// dimensions, which keep the order the author declared them in (reports show them that way).
public struct RulePack: Hashable, Sendable {
    /// Identity and languages of a pack.
    public struct Metadata: Hashable, Sendable {
        public var id: String
        public var name: LocalizedText
        /// Semantic version, `MAJOR.MINOR.PATCH`.
        public var version: String
        public var languages: [String]
        public var defaultLanguage: String
        /// The organisation kinds profiles may declare.
        public var organisationKinds: [String]

        /// Creates pack metadata.
        public init(id: String, name: LocalizedText = LocalizedText([:]), version: String = "0.1.0",
                    languages: [String] = ["en"], defaultLanguage: String = "en", organisationKinds: [String] = []) {
            self.id = id
            self.name = name
            self.version = version
            self.languages = languages
            self.defaultLanguage = defaultLanguage
            self.organisationKinds = organisationKinds
        }
    }

    public var metadata: Metadata
    public var facts: [FactDefinition]
    public var parameters: [Parameter]
    public var indicators: [Indicator]
    public var diagnostics: [DiagnosticRule]
    public var recommendations: [Recommendation]
    public var dimensions: [Dimension]
    /// A hash of the pack's files, to tell versions apart in reports.
    public var contentHash: String

    /// Creates a pack; every collection but `dimensions` is sorted by id.
    public init(metadata: Metadata, facts: [FactDefinition] = [], parameters: [Parameter] = [],
                indicators: [Indicator] = [], diagnostics: [DiagnosticRule] = [],
                recommendations: [Recommendation] = [], dimensions: [Dimension] = [], contentHash: String = "") {
        self.metadata = metadata
        self.facts = facts.sorted { $0.id < $1.id }
        self.parameters = parameters.sorted { $0.id < $1.id }
        self.indicators = indicators.sorted { $0.id < $1.id }
        self.diagnostics = diagnostics.sorted { $0.id < $1.id }
        self.recommendations = recommendations.sorted { $0.id < $1.id }
        self.dimensions = dimensions
        self.contentHash = contentHash
    }

    /// The fact with `id`.
    public func fact(_ id: String) -> FactDefinition? { facts.first { $0.id == id } }
    /// The parameter with `id`.
    public func parameter(_ id: String) -> Parameter? { parameters.first { $0.id == id } }
    /// The indicator with `id`.
    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
    /// The diagnostic with `id`.
    public func diagnostic(_ id: String) -> DiagnosticRule? { diagnostics.first { $0.id == id } }
    /// The recommendation with `id`.
    public func recommendation(_ id: String) -> Recommendation? { recommendations.first { $0.id == id } }
    /// The dimension with `id`.
    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }
}
