/// Text with some scalars replaced, the runs between them appended whole: the one loop behind
/// JSON string literals (``JSONString``) and HTML text (``SafeText/html(_:)``).
enum ScalarReplacement {
    /// Appends `text` to `out`, each scalar for which `replacement` gives a text written as that
    /// text. Runs are sliced by scalars, not characters: a run may start inside a character (after
    /// `<`, a combining mark belongs to the `<`).
    @inline(__always)
    static func append(_ text: String, to out: inout String, replacing replacement: (Unicode.Scalar) -> String?) {
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        var index = runStart
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if let replaced = replacement(scalars[index]) {
                out += Substring(scalars[runStart..<index])
                out += replaced
                runStart = next
            }
            index = next
        }
        out += Substring(scalars[runStart..<index])
    }
}
