/// A JSON value, as the YAML test suite's `in.json` files hold them, with a reader that accepts
/// several values one after another (one per YAML document).
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value): return String(value)
        case .string(let value): return "\"\(value)\""
        case .array(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }
                .joined(separator: ", ") + "}"
        }
    }

    struct SyntaxError: Error {}

    /// Reads every value in `text`, one after another.
    static func values(in text: String) throws -> [JSONValue] {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        var values: [JSONValue] = []
        reader.skipSpace()
        while !reader.atEnd {
            values.append(try reader.value())
            reader.skipSpace()
        }
        return values
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var atEnd: Bool { index >= scalars.count }

        mutating func skipSpace() {
            while !atEnd, [" ", "\n", "\t", "\r"].contains(scalars[index]) { index += 1 }
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard !atEnd else { throw SyntaxError() }
            switch scalars[index] {
            case "{":
                index += 1
                var members: [String: JSONValue] = [:]
                skipSpace()
                if scalars[index] == "}" { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw SyntaxError() }
                    skipSpace()
                    try expect(":")
                    members[key] = try value()
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    try expect("}")
                    return .object(members)
                }
            case "[":
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if scalars[index] == "," { index += 1; continue }
                    try expect("]")
                    return .array(items)
                }
            case "\"":
                return .string(try string())
            case "t": try word("true"); return .bool(true)
            case "f": try word("false"); return .bool(false)
            case "n": try word("null"); return .null
            default:
                let start = index
                while !atEnd, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
                guard let number = Double(String(String.UnicodeScalarView(scalars[start..<index]))) else {
                    throw SyntaxError()
                }
                return .number(number)
            }
        }

        mutating func expect(_ scalar: Unicode.Scalar) throws {
            guard !atEnd, scalars[index] == scalar else { throw SyntaxError() }
            index += 1
        }

        mutating func word(_ word: String) throws {
            for scalar in word.unicodeScalars { try expect(scalar) }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var result = String.UnicodeScalarView()
            var pendingHighSurrogate: UInt32?
            while !atEnd {
                let scalar = scalars[index]
                index += 1
                if scalar == "\"" { return String(result) }
                guard scalar == "\\" else { result.append(scalar); continue }
                let escape = scalars[index]
                index += 1
                switch escape {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[index..<index + 4]))
                    index += 4
                    guard let code = UInt32(hex, radix: 16) else { throw SyntaxError() }
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHighSurrogate = code
                    } else if let high = pendingHighSurrogate, (0xDC00...0xDFFF).contains(code) {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        result.append(Unicode.Scalar(combined)!)
                        pendingHighSurrogate = nil
                    } else if let value = Unicode.Scalar(code) {
                        result.append(value)
                    }
                default: result.append(escape)
                }
            }
            throw SyntaxError()
        }
    }
}
