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

    /// Renders one diagnostic with its excerpt and notes, ending with a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        var output = ""
        let label = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "1;31" : "1;33")
        output += header(location: diagnostic.location, label: "\(label)[\(diagnostic.code)]",
                         message: diagnostic.message)
        output += excerpt(diagnostic.location)
        for note in diagnostic.notes {
            output += header(location: note.location, label: paint("note", "1;36"), message: note.message)
            output += excerpt(note.location)
        }
        return output
    }

    /// Renders every diagnostic of a list, then a line counting what was dropped, if anything.
    public func render(_ list: DiagnosticList) -> String {
        var output = list.sorted.map(render).joined()
        if list.droppedCount > 0 {
            output += "... and \(list.droppedCount) more diagnostics not shown\n"
        }
        return output
    }

    private func header(location: SourceLocation?, label: String, message: String) -> String {
        let place = location.map { paint("\($0):", "1") + " " } ?? ""
        return "\(place)\(label): \(paint(message, "1"))\n"
    }

    private func excerpt(_ location: SourceLocation?) -> String {
        guard let location, let line = location.file.line(location.range.start.line) else { return "" }
        let number = String(location.rangeInFile.start.line)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count))
        let scalars = Array(line.unicodeScalars)
        let startColumn = max(1, location.range.start.column)
        // Keep tabs as tabs so that the caret lines up under them.
        var padding = ""
        for index in 0..<(startColumn - 1) {
            padding += index < scalars.count && scalars[index] == "\t" ? "\t" : " "
        }
        let endColumn = location.range.end.line == location.range.start.line
            ? location.range.end.column
            : scalars.count + 1
        let width = max(1, min(endColumn, scalars.count + 1) - startColumn)
        let marker = "^" + String(repeating: "~", count: width - 1)
        let bar = paint("|", "1;34")
        return "\(gutter)\(paint(number, "1;34")) \(bar) \(line)\n"
            + "\(String(repeating: " ", count: gutter.count + number.count)) \(bar) \(padding)\(paint(marker, "1;32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        usesColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
