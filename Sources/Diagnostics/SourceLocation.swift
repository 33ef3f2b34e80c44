/// A range inside a particular file: what a diagnostic points at.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file the range belongs to.
    public var file: SourceFile
    /// The span inside the file.
    public var range: SourceRange

    /// Creates a location.
    public init(file: SourceFile, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// `path:line:column` of the start of the range.
    public var description: String { "\(file.path):\(range.start.line):\(range.start.column)" }
}
