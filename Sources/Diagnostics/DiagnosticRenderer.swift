/// Turns diagnostics into the text users read: a header line, the source line and a caret under
/// the range, then the notes in the same shape.
///
/// ```
/// profile.yaml:3:1: error[yaml.duplicate-key]: duplicate key 'name'
///     3 | name: other
///       | ^~~~
/// profile.yaml:1:1: note: first occurrence of 'name'
///     1 | name: CAF
///       | ^~~~
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colours; decide with ``ColourPolicy``.
    public var usesColour: Bool

    /// Creates a renderer.
    public init(usesColour: Bool = false) {
        self.usesColour = usesColour
    }

    /// The most characters of a source line shown in an excerpt: a window around the caret, so
    /// that a diagnostic on a long line (a one-line file of megabytes) stays a few lines long.
    public static let maxExcerptScalars = 160

    /// Renders one diagnostic with its excerpt and notes, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = LineIndexCache()
        return render(diagnostic, lines: &lines)
    }

    /// Renders every diagnostic of a list, then a line counting what was dropped, if anything.
    public func render(_ list: DiagnosticList) -> String {
        var lines = LineIndexCache()
        var output = ""
        for diagnostic in list.sorted { output += render(diagnostic, lines: &lines) }
        if list.droppedCount > 0 {
            output += "... and \(list.droppedCount) more diagnostics not shown\n"
        }
        return output
    }

    /// `lines` keeps the line index of each file met, so that excerpts of many diagnostics in one
    /// file read it once.
    private func render(_ diagnostic: Diagnostic, lines: inout LineIndexCache) -> String {
        var output = ""
        let label = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : "1;33")
        output += header(location: diagnostic.location, label: "\(label)[\(diagnostic.code)]",
                         message: SafeText.terminal(diagnostic.message, singleLine: true))
        output += excerpt(diagnostic.location, lines: &lines)
        for note in diagnostic.notes {
            output += header(location: note.location, label: paint("note", "1;36"), message: SafeText.terminal(note.message, singleLine: true))
            output += excerpt(note.location, lines: &lines)
        }
        return output
    }

    private func header(location: SourceLocation?, label: String, message: String) -> String {
        let place = location.map { paint(SafeText.terminal("\($0):", singleLine: true), "1") + " " } ?? ""
        return "\(place)\(label): \(paint(message, "1"))\n"
    }

    /// The line's text (without its break), from the file's line index.
    private func sourceLine(_ location: SourceLocation, lines: inout LineIndexCache) -> [Unicode.Scalar]? {
        let file = location.file
        guard let range = lines.lines(of: file).range(ofLine: location.range.start.line) else { return nil }
        return Array(String(decoding: file.contents[range], as: UTF8.self).unicodeScalars)
    }

    private func excerpt(_ location: SourceLocation?, lines: inout LineIndexCache) -> String {
        guard let location, let scalars = sourceLine(location, lines: &lines) else { return "" }
        let number = String(location.rangeInFile.start.line)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count))
        let caret = min(max(0, location.range.start.column - 1), scalars.count)
        let endColumn = location.range.end.line == location.range.start.line ? location.range.end.column : scalars.count + 1
        let underlined = max(1, min(endColumn, scalars.count + 1) - 1 - caret)
        // A window of the line around the caret.
        var first = 0
        var last = scalars.count
        if scalars.count > Self.maxExcerptScalars {
            first = max(0, min(caret - Self.maxExcerptScalars / 3, scalars.count - Self.maxExcerptScalars))
            last = min(scalars.count, first + Self.maxExcerptScalars)
        }
        var shown = first > 0 ? "…" : ""
        var padding = first > 0 ? " " : ""
        for index in first..<last {
            let scalar = scalars[index]
            // Tabs stay tabs so that the caret lines up under them; controls show as `\u{…}`.
            let text = scalar == "\t" ? "\t" : SafeText.isControl(scalar) ? SafeText.visible(scalar) : String(scalar)
            shown += text
            if index < caret { padding += scalar == "\t" ? "\t" : String(repeating: " ", count: text.count) }
        }
        if last < scalars.count { shown += "…" }
        let width = max(1, min(underlined, last + 1 - caret))
        let marker = "^" + String(repeating: "~", count: width - 1)
        let bar = paint("|", "1;34")
        return "\(gutter)\(paint(number, "1;34")) \(bar) \(shown)\n"
            + "\(String(repeating: " ", count: gutter.count + number.count)) \(bar) \(padding)\(paint(marker, "1;32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
