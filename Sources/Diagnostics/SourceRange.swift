/// A span of a source file, from `start` (inclusive) to `end` (exclusive).
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    /// The first position of the span.
    public var start: SourcePosition
    /// The position just after the span; equal to `start` for an empty span.
    public var end: SourcePosition

    /// Creates a range; `end` defaults to `start` (a point).
    public init(start: SourcePosition, end: SourcePosition? = nil) {
        self.start = start
        self.end = max(end ?? start, start)
    }

    /// Creates a range on one line from 1-based numbers.
    public init(line: Int, column: Int, endColumn: Int? = nil) {
        self.init(
            start: SourcePosition(line: line, column: column),
            end: SourcePosition(line: line, column: endColumn ?? column))
    }

    public var description: String { "\(start)-\(end)" }
}
