/// Where each character of a text stands in its file, so that a problem found inside the text (a
/// syntax error in an expression, an unknown `{placeholder}`) is reported at its own line and
/// column, even when the text was written over several lines (a YAML block scalar) or with escapes
/// (`\"`, `\u00e9`) that make it shorter than its source.
public struct TextOrigin: Sendable {
    /// The file the text was read from.
    public let file: SourceFile
    /// Where a text copied as it stands on one line starts.
    private let start: SourcePosition
    /// The length of such a text.
    private let length: Int
    /// Otherwise, the position of each Unicode scalar of the text, then the position just past its end.
    private let positions: [SourcePosition]?

    /// A text copied from its file as it stands on one line, starting at `start`.
    public init(file: SourceFile, start: SourcePosition, length: Int) {
        self.file = file
        self.start = start
        self.length = max(0, length)
        self.positions = nil
    }

    /// A text whose scalar `i` stands at `positions[i]`; the last position is just past its end.
    public init(file: SourceFile, positions: [SourcePosition]) {
        precondition(!positions.isEmpty, "a text origin has at least its end position")
        self.file = file
        self.start = positions[0]
        self.length = positions.count - 1
        self.positions = positions
    }

    /// The position of the text's scalar at `offset`; offsets past the end give the end.
    public func position(ofScalarOffset offset: Int) -> SourcePosition {
        let clamped = min(max(0, offset), length)
        guard let positions else { return SourcePosition(line: start.line, column: start.column + clamped) }
        return positions[clamped]
    }

    /// The location of the text's scalars `start..<end` (at least one column wide). When they span
    /// several lines, the range ends just past the last of them.
    public func location(from start: Int, to end: Int) -> SourceLocation {
        let first = position(ofScalarOffset: start)
        var last = position(ofScalarOffset: max(start, end - 1))
        last.column += 1
        return SourceLocation(file: file, range: SourceRange(start: first, end: max(last, SourcePosition(line: first.line, column: first.column + 1))))
    }
}
