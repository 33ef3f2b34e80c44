/// JSON string literals, shared by every JSON orgdiag writes.
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, and
    /// `<` written `\u003c` so that the JSON can sit inside an HTML page.
    public static func quoted(_ text: String) -> String {
        var out = ""
        write(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (as ``quoted(_:)``) to `out`: the runs between the
    /// bytes to escape are appended whole, sliced by scalars (each of those bytes is an ASCII
    /// scalar; a run may start inside a character, as a combining mark after a quote).
    public static func write(_ text: String, into out: inout String) {
        out += "\""
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let escape: String?
            switch bytes[index] {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case let byte where byte < 0x20:
                let hex = String(byte, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            let next = bytes.index(after: index)
            if let escape {
                out += Substring(text.unicodeScalars[runStart..<index])
                out += escape
                runStart = next
            }
            index = next
        }
        out += Substring(text.unicodeScalars[runStart..<index])
        out += "\""
    }
}
