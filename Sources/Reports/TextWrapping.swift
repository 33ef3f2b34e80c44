/// Greedy word wrapping for terminal output.
enum TextWrapping {
    /// `text` broken into lines of at most `width` characters, each after the first prefixed by
    /// `indent` (a word longer than the width stands alone on its line).
    static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let limit = max(20, width)
        if text.count <= limit { return text }
        let leading = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let prefix = lines.isEmpty ? leading : indent
            if line.isEmpty {
                line = prefix + word
            } else if line.count + 1 + word.count <= limit {
                line += " " + word
            } else {
                lines.append(line)
                line = indent + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
