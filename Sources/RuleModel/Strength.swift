import Diagnostics

/// A strength ("point d'appui"): something an organisation does well, which a diagnosis starts
/// from and a roadmap builds on.
public struct Strength: Hashable, Sendable, Codable {
    public var id: String
    public var dimension: String?
    public var title: LocalizedText
    /// Why it matters, shown in reports.
    public var rationale: LocalizedText?
    /// When the organisation has it.
    public var condition: Condition
    /// The sentence shown when it holds, with `{name}` placeholders filled from values.
    public var because: LocalizedText?
    public var location: SourceLocation?

    /// Creates a strength.
    public init(id: String, dimension: String? = nil, title: LocalizedText = LocalizedText([:]),
                rationale: LocalizedText? = nil, condition: Condition, because: LocalizedText? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.dimension = dimension
        self.title = title
        self.rationale = rationale
        self.condition = condition
        self.because = because
        self.location = location
    }
}
