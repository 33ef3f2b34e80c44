/// A suggested edit that would fix a problem: replace the text at ``location`` with
/// ``replacement``. Editors offer it as a quick fix; `orgdiag lint --format json` lists it.
public struct FixIt: Hashable, Sendable {
    /// What the edit does, in a few words: `replace with 'label'`.
    public var message: String
    /// The text to replace.
    public var location: SourceLocation
    /// The text to put in its place.
    public var replacement: String

    /// Creates a fix-it.
    public init(_ message: String, replacing location: SourceLocation, with replacement: String) {
        self.message = message
        self.location = location
        self.replacement = replacement
    }
}
