/// A line-by-line difference between two texts, for test failures, with invisible characters
/// made visible (`·` for a no-break space, `⟨U+200B⟩` for other invisible or control scalars).
public enum LineDiff {
    /// The lines that differ, as `-` (first text) and `+` (second text) lines with their line
    /// numbers, from the longest common subsequence of lines; at most `limit` lines are shown.
    public static func describe(from old: String, to new: String, limit: Int = 200) -> String {
        let a = lines(old)
        let b = lines(new)
        // Common prefix and suffix first, so the quadratic table covers only the changed middle.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = Array(a[prefix..<(a.count - suffix)])
        let newMiddle = Array(b[prefix..<(b.count - suffix)])
        var lines: [String] = []
        if oldMiddle.count * newMiddle.count > 4_000_000 {
            lines = oldMiddle.enumerated().map { "-\(prefix + $0.offset + 1): \(visible($0.element))" }
                + newMiddle.enumerated().map { "+\(prefix + $0.offset + 1): \(visible($0.element))" }
        } else {
            var table = [[Int]](repeating: [Int](repeating: 0, count: newMiddle.count + 1), count: oldMiddle.count + 1)
            for i in stride(from: oldMiddle.count - 1, through: 0, by: -1) {
                for j in stride(from: newMiddle.count - 1, through: 0, by: -1) {
                    table[i][j] = oldMiddle[i] == newMiddle[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < oldMiddle.count || j < newMiddle.count {
                if i < oldMiddle.count, j < newMiddle.count, oldMiddle[i] == newMiddle[j] {
                    i += 1
                    j += 1
                } else if j == newMiddle.count || (i < oldMiddle.count && table[i + 1][j] >= table[i][j + 1]) {
                    lines.append("-\(prefix + i + 1): \(visible(oldMiddle[i]))")
                    i += 1
                } else {
                    lines.append("+\(prefix + j + 1): \(visible(newMiddle[j]))")
                    j += 1
                }
            }
        }
        if lines.count > limit {
            lines = Array(lines.prefix(limit)) + ["… \(lines.count - limit) more differing lines"]
        }
        return lines.joined(separator: "\n")
    }

    /// The lines of `text`, split at each line feed (a CR before it stays, made visible), also
    /// inside a CRLF pair, which Swift's `Character` would keep whole.
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// `text` with invisible and control characters written out.
    public static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xA0: result += "·"
            case 0x202F: result += "⟨NNBSP⟩"
            case 0x09: result += "→"
            case 0x0D: result += "⟨CR⟩"
            case 0x00..<0x20, 0x7F..<0xA0, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFEFF:
                result += "⟨U+" + String(scalar.value, radix: 16, uppercase: true) + "⟩"
            default: result.unicodeScalars.append(scalar)
            }
        }
        if result.hasSuffix(" ") { result += "⏎" }
        return result
    }
}
