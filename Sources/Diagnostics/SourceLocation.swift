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

    /// The range as lines of the whole file: `range` moved down when `file` is a later window of it.
    public var rangeInFile: SourceRange {
        let shift = file.firstLine - 1
        guard shift != 0 else { return range }
        return SourceRange(start: SourcePosition(line: range.start.line + shift, column: range.start.column),
                           end: SourcePosition(line: range.end.line + shift, column: range.end.column))
    }

    /// `path:line:column` of the start of the range, as a line of the whole file.
    public var description: String { "\(file.path):\(file.firstLine - 1 + range.start.line):\(range.start.column)" }
}
