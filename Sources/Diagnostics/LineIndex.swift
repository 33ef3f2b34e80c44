/// Where each line of a file starts, found once so that anything located by line (a scalar's
/// source, a caret's line) is reached without reading the lines before it.
public struct LineIndex: Sendable {
    /// The byte offset where each line starts; line 1 at index 0.
    private let starts: [Int]

    /// Indexes the lines of `file` (split at line feeds).
    /// - Complexity: one pass over the file's bytes.
    public init(_ file: SourceFile) {
        var starts = [0]
        file.contents.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        self.starts = starts
    }

    /// The number of lines (a final line break starts an empty last line).
    public var count: Int { starts.count }

    /// The byte offset where the 1-based line `line` starts, if the file has it.
    public func offset(ofLine line: Int) -> Int? {
        line >= 1 && line <= starts.count ? starts[line - 1] : nil
    }
}
