/// JSON string literals, shared by every JSON orgdiag writes.
public enum JSONString {
    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped, and
    /// `<` written `\u003c` so that the JSON can sit inside an HTML page.
    public static func quoted(_ text: String) -> String {
        var out = ""
        write(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal (as ``quoted(_:)``) to `out`, the runs between the
    /// scalars to escape appended whole.
    public static func write(_ text: String, into out: inout String) {
        out += "\""
        ScalarReplacement.append(text, to: &out) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "<": return "\\u003c"
            case let scalar where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: return nil
            }
        }
        out += "\""
    }
}
