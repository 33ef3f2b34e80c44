/// Greedy word wrapping for terminal output.
enum TextWrapping {
    /// `text` broken into lines of at most `width` characters, each after the first prefixed by
    /// `indent` (a word longer than the width stands alone on its line).
    static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let limit = max(20, width)
        // A text of no more bytes than the width has no more characters either; one of plain
        // ASCII has as many characters as bytes.
        if text.utf8.count <= limit || (!isPlainASCII(text.utf8) && text.count <= limit) { return text }
        let leading = String(text.prefix { $0 == " " })
        let indentLength = indent.count
        var lines: [String] = []
        var line = ""
        var lineLength = 0  // in characters, kept as the line grows (counting a string walks it)
        // Split on the space character (a space followed by a combining mark is not one).
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordLength = characterCount(of: word)
            if line.isEmpty {
                line = (lines.isEmpty ? leading : indent) + word
                lineLength = (lines.isEmpty ? leading.count : indentLength) + wordLength
            } else if lineLength + 1 + wordLength <= limit {
                line += " "
                line += word
                lineLength += 1 + wordLength
            } else {
                lines.append(line)
                line = indent + word
                lineLength = indentLength + wordLength
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// The characters of a word: its bytes when it is plain ASCII (CR LF is one character), as most
    /// words are, else its grapheme clusters (counting those walks the word's Unicode properties).
    private static func characterCount(of word: Substring) -> Int {
        isPlainASCII(word.utf8) ? word.utf8.count : word.count
    }

    /// Whether every byte is ASCII and none a carriage return: then each byte is a character.
    private static func isPlainASCII(_ bytes: some Sequence<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
    }
}
