import CByteScan
#if canImport(Glibc)
import Glibc  // memchr
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of a file starts and ends, found once so that anything located by line (a
/// scalar's source, a caret's line) is reached without reading the lines before it.
///
/// Lines end where libyaml ends them, so that its line numbers and ours agree: at a line feed, a
/// carriage return (alone, or with the line feed after it: one break), NEL (U+0085), and the
/// line and paragraph separators (U+2028, U+2029).
public struct LineIndex: Sendable {
    /// The byte offset where each line starts; line 1 at index 0.
    private let starts: [Int]
    /// The byte offset where each line's break starts (the file's length for the last line).
    private let ends: [Int]

    /// Indexes the lines of `file`.
    /// - Complexity: one pass over the file's bytes.
    public init(_ file: SourceFile) {
        var starts = [0]
        var ends: [Int] = []
        file.contents.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let length = Self.breakLength(in: buffer, at: offset)
                if length == 0 {
                    offset += 1
                    continue
                }
                ends.append(offset)
                offset += length
                starts.append(offset)
            }
            ends.append(buffer.count)
        }
        self.starts = starts
        self.ends = ends
    }

    /// The number of lines (a final line break starts an empty last line).
    public var count: Int { starts.count }

    /// The byte offset where the 1-based line `line` starts, if the file has it.
    public func offset(ofLine line: Int) -> Int? {
        line >= 1 && line <= starts.count ? starts[line - 1] : nil
    }

    /// The bytes of the 1-based line `line`, without its break, if the file has it.
    public func range(ofLine line: Int) -> Range<Int>? {
        line >= 1 && line <= starts.count ? starts[line - 1]..<max(starts[line - 1], ends[line - 1]) : nil
    }

    /// The length in bytes of the line break at `offset` (CRLF counts as one break of 2), or 0.
    public static func breakLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        switch bytes[offset] {
        case 0x0A: return 1
        case 0x0D: return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0xC2: return offset + 1 < bytes.count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9) ? 3 : 0
        default: return 0
        }
    }

    /// How many line feeds `bytes` hold, counted sixteen bytes at a time.
    public static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return orgdiag_count_byte(base, bytes.count, 0x0A)
    }

    /// Whether `range` of `bytes` holds a line break that does not end in a line feed: a lone
    /// carriage return, NEL, LS or PS (CR LF ends in one). Where none does, counting line feeds
    /// counts lines as libyaml does. A break may look past `range` for its last bytes.
    /// - Complexity: one `memchr` pass over `range` per byte that can start such a break.
    public static func hasBreaksBesidesLineFeeds(in bytes: UnsafeBufferPointer<UInt8>, within range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for lead: UInt8 in [0x0D, 0xC2, 0xE2] {
            var offset = range.lowerBound
            while offset < range.upperBound, let match = memchr(base + offset, Int32(lead), range.upperBound - offset) {
                let index = base.distance(to: match.assumingMemoryBound(to: UInt8.self))
                let length = breakLength(in: bytes, at: index)
                if length > 0, !(lead == 0x0D && length == 2) { return true }
                offset = index + 1
            }
        }
        return false
    }

    /// Whether a scalar ends a line (a carriage return is one only when no line feed follows it:
    /// the caller decides).
    public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }
}
