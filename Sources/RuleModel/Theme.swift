import Diagnostics

/// A theme that groups a pack's diagnostics in reports (the organisation inherited from another
/// era, budget inertia, the service rendered to users...): reports show findings theme by theme,
/// in the order the pack declares its themes.
public struct Theme: Hashable, Sendable, Codable {
    public var id: String
    public var label: LocalizedText
    /// What the theme covers.
    public var summary: LocalizedText?
    public var location: SourceLocation?

    /// Creates a theme.
    public init(id: String, label: LocalizedText = LocalizedText([:]), summary: LocalizedText? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.label = label
        self.summary = summary
        self.location = location
    }
}
