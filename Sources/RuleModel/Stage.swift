import Diagnostics

/// A stage of the method a pack follows (framing and sponsorship, governance, managers, teams
/// and experiments, front-line staff): a roadmap never places a recommendation before the
/// recommendations of an earlier stage.
public struct Stage: Hashable, Sendable, Codable {
    public var id: String
    public var label: LocalizedText
    /// What the stage is for, shown with the roadmap.
    public var summary: LocalizedText?
    public var location: SourceLocation?

    /// Creates a stage.
    public init(id: String, label: LocalizedText = LocalizedText([:]), summary: LocalizedText? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.summary = summary
        self.location = location
    }
}
