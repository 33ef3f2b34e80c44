import Diagnostics

/// A document's text by lines, to turn the language server protocol's positions (0-based line,
/// UTF-16 offset) into orgdiag's (1-based line, column in Unicode scalars) and back.
struct DocumentText {
    let lines: [Substring]

    /// Lines split at the protocol's line ends: `\n`, `\r\n` and a lone `\r`.
    init(_ text: String) {
        var lines: [Substring] = []
        var start = text.unicodeScalars.startIndex
        var index = start
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(Substring(scalars[start...]))
        self.lines = lines
    }

    init(_ file: SourceFile) {
        self.init(String(decoding: file.contents, as: UTF8.self))
    }

    /// The LSP position of a 1-based line and scalar column.
    func lspPosition(_ position: SourcePosition) -> [String: Any] {
        let index = position.line - 1
        guard index >= 0, index < lines.count else { return ["line": max(0, index), "character": 0] }
        let scalars = lines[index].unicodeScalars
        let prefix = scalars.prefix(max(0, position.column - 1))
        return ["line": index, "character": prefix.reduce(0) { $0 + $1.utf16.count }]
    }

    /// The LSP range of a location.
    func lspRange(_ range: SourceRange) -> [String: Any] {
        ["start": lspPosition(range.start), "end": lspPosition(range.end)]
    }

    /// The 1-based line and scalar column of an LSP position.
    func position(line: Int, character: Int) -> SourcePosition {
        guard line >= 0, line < lines.count else { return SourcePosition(line: min(max(line, -1), lines.count) + 1, column: 1) }
        var units = 0
        var column = 1
        for scalar in lines[line].unicodeScalars {
            if units >= character { break }
            units += scalar.utf16.count
            column += 1
        }
        return SourcePosition(line: line + 1, column: column)
    }

    /// Whether a scalar can be part of an identifier: a letter, a digit or `_`.
    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// The identifiers of a line, each with the column (from 1) where it starts, in one pass.
    func identifiers(onLine line: Int) -> [(word: String, start: Int)] {
        guard line >= 1, line <= lines.count else { return [] }
        var found: [(word: String, start: Int)] = []
        var current = String.UnicodeScalarView()
        var start = 0
        for (offset, scalar) in lines[line - 1].unicodeScalars.enumerated() {
            if Self.isIdentifierPart(scalar) {
                if current.isEmpty { start = offset + 1 }
                current.append(scalar)
            } else if !current.isEmpty {
                found.append((String(current), start))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { found.append((String(current), start)) }
        return found
    }

    /// The identifier (letters, digits, `_`) around a position, and where it starts; `nil` when
    /// the position is not on one.
    func word(at position: SourcePosition) -> (word: String, start: Int)? {
        guard position.line >= 1, position.line <= lines.count else { return nil }
        let scalars = Array(lines[position.line - 1].unicodeScalars)
        let isPart = Self.isIdentifierPart
        var start = min(max(position.column - 1, 0), scalars.count)
        var end = start
        while start > 0, isPart(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, isPart(scalars[end]) { end += 1 }
        guard start < end else { return nil }
        return (String(String.UnicodeScalarView(scalars[start..<end])), start + 1)
    }

    /// The part of an identifier before a position (what is being typed).
    func prefix(at position: SourcePosition) -> String {
        guard let found = word(at: position), found.start <= position.column else { return "" }
        let scalars = Array(found.word.unicodeScalars)
        return String(String.UnicodeScalarView(scalars.prefix(position.column - found.start)))
    }
}
