/// Diagnostics as JSON, for editors and CI: `{"errors": N, "warnings": N, "diagnostics": [...]}`,
/// each with severity, code, message, file, line, column, end line, end column, notes and fix-its
/// (each a message, the range to replace and its replacement).
public enum DiagnosticJSON {
    /// Renders a list of diagnostics, sorted, ending with a newline.
    public static func render(_ list: DiagnosticList) -> String {
        let quoted = JSONString.quoted
        func place(_ location: SourceLocation?) -> String {
            guard let location else { return "\"file\": null" }
            let range = location.rangeInFile
            return "\"file\": \(quoted(location.file.path)), \"line\": \(range.start.line), \"column\": \(range.start.column), "
                + "\"end_line\": \(range.end.line), \"end_column\": \(range.end.column)"
        }
        let items = list.sorted.map { diagnostic in
            let notes = diagnostic.notes.map { "{\"message\": \(quoted($0.message)), \(place($0.location))}" }
            let fixIts = diagnostic.fixIts.map {
                "{\"message\": \(quoted($0.message)), \(place($0.location)), \"replacement\": \(quoted($0.replacement))}"
            }
            return "    {\"severity\": \"\(diagnostic.severity.rawValue)\", \"code\": \(quoted(diagnostic.code.rawValue)), "
                + "\"message\": \(quoted(diagnostic.message)), \(place(diagnostic.location)), \"notes\": [\(notes.joined(separator: ", "))], "
                + "\"fixits\": [\(fixIts.joined(separator: ", "))]}"
        }
        return "{\n  \"errors\": \(list.errorCount),\n  \"warnings\": \(list.warningCount),\n  \"diagnostics\": [\n"
            + items.joined(separator: ",\n") + (items.isEmpty ? "" : "\n") + "  ]\n}\n"
    }
}
