/// The one rule for where a YAML document starts in a stream, for everything that cuts a stream
/// into documents without parsing it (parallel reading, windows of a long batch, re-reading one
/// document): at a line that is `---` followed by a space, a tab, a line break or the end, or, when
/// directive lines (`%YAML`, `%TAG`) come just before that marker, at the first of them, since
/// directives belong to the document they precede. Directives that do not follow an explicit
/// document end (`...`) are invalid there: no document starts at them, so the parser sees them
/// together with the document before and reports them.
///
/// Feed it the lines in order; a cut there never splits a node, since a marker at the start of a
/// line always ends the node before it.
public struct DocumentStartScanner {
    /// The first directive line since the last marker: its byte offset and line index.
    private var directives: (offset: Int, line: Int)?
    /// Whether the last line that was neither blank, a comment nor a directive ended a document
    /// (`...`), or there was none yet.
    private var afterDocumentEnd = true

    /// Creates a scanner at the start of a stream.
    public init() {}

    /// Feeds the line starting at byte `offset` (its index among the lines is `line`); returns
    /// where the document it opens starts (offset and line index) when the line is a `---` marker.
    public mutating func feed(lineAt offset: Int, line: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, line: Int)? {
        guard offset < bytes.count else { return nil }
        if Self.isMarker(bytes, at: offset) {
            defer {
                directives = nil
                afterDocumentEnd = false
            }
            guard let directives else { return (offset, line) }
            return afterDocumentEnd ? directives : nil
        }
        if bytes[offset] == UInt8(ascii: "%") {
            if directives == nil { directives = (offset, line) }
        } else if Self.isMarker(bytes, at: offset, UInt8(ascii: ".")) {
            afterDocumentEnd = true
        } else if !Self.isBlankOrComment(bytes, lineAt: offset) {
            afterDocumentEnd = false
        }
        return nil
    }

    /// Whether the line starting at `offset` holds nothing but blanks, or a comment.
    public static func isBlankOrComment(_ bytes: UnsafeBufferPointer<UInt8>, lineAt offset: Int) -> Bool {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index == bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
            || bytes[index] == UInt8(ascii: "#")
    }

    /// Whether the line starting at `offset` is a document marker: three `character`s (`-` for a
    /// start, `.` for an end) followed by a space, a tab, a line break or the end of the bytes.
    public static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ character: UInt8 = UInt8(ascii: "-")) -> Bool {
        guard offset >= 0, offset + 3 <= bytes.count, bytes[offset] == character, bytes[offset + 1] == character,
              bytes[offset + 2] == character else { return false }
        guard offset + 3 < bytes.count else { return true }
        let next = bytes[offset + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
    }
}
