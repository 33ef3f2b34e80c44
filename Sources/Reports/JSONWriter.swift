import Diagnostics

/// A JSON value with members in a fixed order, written deterministically (2-space indentation).
indirect enum JSON {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
    static func optional(_ number: Int?) -> JSON { number.map { .number(Double($0)) } ?? .null }

    /// The value as JSON text.
    func written(indent: String = "") -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    /// Appends the value as JSON text to `out`, each nested level two spaces further in (one
    /// buffer for the whole document: no string built per level and copied into its parent).
    func write(into out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let value): out += ReportText.number(value)
        case .string(let text): JSONString.write(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { return out += "[]" }
            let inner = indent + "  "
            out += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                item.write(into: &out, indent: inner)
            }
            out += "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            let inner = indent + "  "
            out += "{\n"
            for (index, member) in members.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                JSONString.write(member.0, into: &out)
                out += ": "
                member.1.write(into: &out, indent: inner)
            }
            out += "\n" + indent + "}"
        }
    }

    static func quoted(_ text: String) -> String { JSONString.quoted(text) }
}
