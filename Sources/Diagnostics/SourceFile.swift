/// The bytes of one file a user gave us, kept so that diagnostics can quote the line they point at.
///
/// It may be a window of a larger file, read in pieces (a long stream of profiles): positions
/// inside it then count from its first line, and ``SourceLocation`` shows them as lines of the
/// whole file (``SourceLocation/rangeInFile``).
///
/// Two source files are equal when they have the same path, first line and contents.
public final class SourceFile: Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it (or a label such as `<stdin>`), printed in diagnostics.
    public let path: String
    /// The raw bytes, which may not be valid UTF-8.
    public let contents: [UInt8]
    /// The line of the whole file where `contents` starts: 1 unless this is a later window of it.
    public let firstLine: Int

    /// Creates a source file from raw bytes; `firstLine` is where they start in the whole file
    /// when they are a window of it.
    public init(path: String, contents: [UInt8], firstLine: Int = 1) {
        self.path = path
        self.contents = contents
        self.firstLine = firstLine
    }

    /// Creates a source file from text, stored as UTF-8.
    public convenience init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }

    /// The text of the 1-based line `number`, without its line break, decoded leniently
    /// (invalid UTF-8 shows as U+FFFD); `nil` when the file has no such line. Lines end where
    /// libyaml ends them (``LineIndex``).
    public func line(_ number: Int) -> String? {
        guard let range = LineIndex(self).range(ofLine: number) else { return nil }
        return String(decoding: contents[range], as: UTF8.self)
    }

    /// The position of the byte at `offset`: 1-based line (lines end as ``LineIndex`` says) and
    /// 1-based column counted in Unicode scalars.
    ///
    /// Used to locate problems found at a byte offset (invalid UTF-8, a reader error).
    public func position(ofByteOffset offset: Int) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        let limit = min(offset, contents.count)
        contents.withUnsafeBufferPointer { bytes in
            while index < limit {
                let length = LineIndex.breakLength(in: bytes, at: index)
                if length > 0 {
                    line += 1
                    column = 1
                    index += length
                    continue
                }
                // Count lead bytes only, so that a multi-byte scalar counts once.
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    public var description: String { path }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool {
        lhs === rhs || (lhs.path == rhs.path && lhs.firstLine == rhs.firstLine && lhs.contents == rhs.contents)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
    }
}
