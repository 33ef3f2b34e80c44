import Diagnostics

extension YAMLNode {
    /// Where each character of this scalar's text stands in the file: the text is what libyaml
    /// gives after unescaping, folding and removing indentation, so its offsets differ from the
    /// source's as soon as the scalar is quoted with escapes or written over several lines.
    ///
    /// Found by walking the source from the node's start, following the rules of the scalar's
    /// style: quotes and escapes (`''`, `\"`, `\x41`, `\u00e9`, an escaped line break), line
    /// folding of flow scalars (a line break is a space, an empty line a `\n`, the indentation of
    /// continuation lines and trailing spaces dropped), and the header and indentation of block
    /// scalars (`|`, `>`). `nil` for a node that is not a scalar.
    ///
    /// `lines` is the file's ``LineIndex``, to be built once by a caller locating many scalars of
    /// one file; without it, this call builds one.
    ///
    /// - Complexity: constant for a scalar on one line whose text is its source (plain, or quoted
    ///   without escapes); otherwise linear in the size of the scalar's source (plus the file's
    ///   size when `lines` is not given).
    public func textOrigin(lines: LineIndex? = nil) -> TextOrigin? {
        guard let scalar else { return nil }
        let range = location.range
        if range.start.line == range.end.line {
            let span = range.end.column - range.start.column
            let count = scalar.text.unicodeScalars.count
            let isQuoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if scalar.style == .plain, count == span {
                return TextOrigin(file: location.file, start: range.start, length: span)
            }
            if isQuoted, count == span - 2 {
                return TextOrigin(file: location.file, start: SourcePosition(line: range.start.line, column: range.start.column + 1),
                                  length: span - 2)
            }
        }
        let text = Array(scalar.text.unicodeScalars)
        let startLineOffset = (lines ?? LineIndex(location.file)).offset(ofLine: range.start.line) ?? location.file.contents.count
        var walker = ScalarSourceWalker(file: location.file, from: range.start, to: range.end, startLineOffset: startLineOffset)
        var positions: [SourcePosition] = []
        positions.reserveCapacity(text.count + 1)
        switch scalar.style {
        case .plain: walker.walkFlow(text, into: &positions, quote: nil)
        case .singleQuoted: walker.walkFlow(text, into: &positions, quote: "'")
        case .doubleQuoted: walker.walkFlow(text, into: &positions, quote: "\"")
        case .literal, .folded: walker.walkBlock(text, into: &positions)
        }
        while positions.count < text.count { positions.append(walker.position) }
        positions.append(walker.position)
        return TextOrigin(file: location.file, positions: positions)
    }
}

/// A cursor over the source of one scalar, in Unicode scalars with their line and column.
private struct ScalarSourceWalker {
    private var source: [Unicode.Scalar] = []
    private var lines: [Int] = []
    private var columns: [Int] = []
    private var index = 0

    /// Decodes the scalar's source, from its start line (at byte `startLineOffset`) to the line
    /// after its end line, where a block scalar's last break may stand.
    init(file: SourceFile, from start: SourcePosition, to end: SourcePosition, startLineOffset: Int) {
        var line = start.line
        let bytes = file.contents
        let offset = min(startLineOffset, bytes.count)
        var column = 1
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        var afterCarriageReturn = false
        decoding: while line <= end.line + 1 {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                // A line feed right after a carriage return ends the same line (CRLF is one break).
                if afterCarriageReturn, scalar != "\n" { line += 1; column = 1 }
                afterCarriageReturn = false
                if line > start.line || column >= start.column {
                    source.append(scalar)
                    lines.append(line)
                    columns.append(column)
                }
                if scalar == "\r" {
                    afterCarriageReturn = true
                    column += 1
                } else if LineIndex.isBreak(scalar) {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                source.append("\u{FFFD}")
                lines.append(line)
                columns.append(column)
                column += 1
            case .emptyInput:
                break decoding
            }
        }
        lines.append(line)
        columns.append(column)
    }

    /// The position of the cursor (past the end: the position after the last scalar read).
    var position: SourcePosition {
        let at = min(index, lines.count - 1)
        return SourcePosition(line: lines[at], column: columns[at])
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < source.count ? source[index + ahead] : nil
    }

    private static func isBreak(_ scalar: Unicode.Scalar?) -> Bool { scalar == "\n" || scalar == "\r" }
    private static func isBlank(_ scalar: Unicode.Scalar?) -> Bool { scalar == " " || scalar == "\t" }

    /// Whether only blanks stand between the cursor and the next line break (or the end).
    private func onlyBlanksToLineEnd() -> Bool {
        var ahead = 0
        while Self.isBlank(peek(ahead)) { ahead += 1 }
        return peek(ahead) == nil || Self.isBreak(peek(ahead))
    }

    /// Moves past one line break (`\n`, `\r\n` or `\r`).
    private mutating func skipBreak() {
        if peek() == "\r" { index += 1 }
        if peek() == "\n" { index += 1 }
    }

    /// Plain and quoted scalars: `quote` is the quote character, `nil` for a plain scalar.
    mutating func walkFlow(_ text: [Unicode.Scalar], into positions: inout [SourcePosition], quote: Unicode.Scalar?) {
        if quote != nil, peek() == quote { index += 1 }
        var produced = 0
        while produced < text.count, index < source.count {
            let current = source[index]
            if quote == "\"", current == "\\" {
                let escape = peek(1)
                if Self.isBreak(escape) {
                    // An escaped line break joins the lines: it produces nothing; each empty line
                    // after it is a line feed of its own.
                    index += 1
                    skipBreak()
                    while Self.isBlank(peek()) { index += 1 }
                    while Self.isBreak(peek()) {
                        if produced < text.count, text[produced] == "\n" {
                            positions.append(position)
                            produced += 1
                        }
                        skipBreak()
                        while Self.isBlank(peek()) { index += 1 }
                    }
                    continue
                }
                positions.append(position)
                produced += 1
                let length: Int = switch escape {
                case "x": 4
                case "u": 6
                case "U": 10
                default: 2
                }
                index += length
            } else if quote == "'", current == "'", peek(1) == "'" {
                positions.append(position)
                produced += 1
                index += 2
            } else if Self.isBreak(current) {
                // Line folding: one break is a space, n + 1 breaks are n line feeds.
                let at = position
                var breaks = 0
                while Self.isBreak(peek()) || Self.isBlank(peek()) {
                    if Self.isBreak(peek()) {
                        breaks += 1
                        skipBreak()
                    } else {
                        index += 1
                    }
                }
                let folded = breaks == 1 ? 1 : breaks - 1
                for _ in 0..<folded where produced < text.count && (text[produced] == " " || text[produced] == "\n") {
                    positions.append(at)
                    produced += 1
                }
            } else if Self.isBlank(current), onlyBlanksToLineEnd(), !(quote != nil && isClosingQuoteAhead(quote!)) {
                index += 1  // trailing blanks before a fold are dropped
            } else {
                positions.append(position)
                produced += 1
                index += 1
            }
        }
    }

    /// Whether the closing quote stands after the blanks at the cursor (they are then content).
    private func isClosingQuoteAhead(_ quote: Unicode.Scalar) -> Bool {
        var ahead = 0
        while Self.isBlank(peek(ahead)) { ahead += 1 }
        return peek(ahead) == quote
    }

    /// Literal (`|`) and folded (`>`) scalars: skip the header line, then the indentation of each
    /// content line; a line break stands for the `\n` or the space it becomes.
    mutating func walkBlock(_ text: [Unicode.Scalar], into positions: inout [SourcePosition]) {
        // The header: the indicator, its chomping and indentation indicators, a comment.
        while index < source.count, !Self.isBreak(source[index]) { index += 1 }
        skipBreak()
        // The block's indentation: that of its first non-empty line, less the spaces the text
        // itself starts with (a first line indented further than an explicit indentation
        // indicator says keeps those spaces as content).
        var ahead = 0
        var lineStart = 0
        while peek(ahead) == " " || Self.isBreak(peek(ahead)) {
            if Self.isBreak(peek(ahead)) { lineStart = ahead + 1 }
            ahead += 1
        }
        let leadingSpaces = text.prefix { $0 == " " || $0 == "\n" }.reversed().prefix { $0 == " " }.count
        let blockColumn = max(0, ahead - lineStart - leadingSpaces)
        var produced = 0
        var column = 0
        while produced < text.count, index < source.count {
            let current = source[index]
            if Self.isBreak(current) {
                if text[produced] == "\n" || text[produced] == " " {
                    positions.append(position)
                    produced += 1
                }
                skipBreak()
                column = 0
            } else if column < blockColumn, current == " " {
                index += 1
                column += 1
            } else {
                positions.append(position)
                produced += 1
                index += 1
                column += 1
            }
        }
    }
}
