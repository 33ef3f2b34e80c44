/// A scalar as written, with its style, and its value under the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Equatable {
    /// How the scalar was written.
    public enum Style: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The value of a scalar under the YAML 1.2 core schema.
    ///
    /// Only plain, untagged scalars are resolved; quoted and block scalars are always strings.
    /// `yes`, `no`, `on` and `off` are strings (they were booleans in YAML 1.1 only).
    public enum Resolved: Sendable, Equatable {
        case null
        case bool(Bool)
        /// An integer; `nil` when it does not fit in 64 bits.
        case integer(Int?)
        case float(Double)
        case string
    }

    /// The text of the scalar after unescaping and folding.
    public var text: String
    /// How it was written.
    public var style: Style
    /// Its value under the core schema (or its explicit standard tag).
    public var resolved: Resolved

    /// Creates a scalar and resolves it; `tag` is the explicit tag, if any.
    public init(text: String, style: Style, tag: String? = nil) {
        self.text = text
        self.style = style
        self.resolved = YAMLScalar.resolve(text, style: style, tag: tag)
    }

    /// A word for the kind of value, used in messages.
    public var kindDescription: String {
        switch resolved {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .float: return "a number"
        case .string: return "a string"
        }
    }

    static let standardTagPrefix = "tag:yaml.org,2002:"

    /// Resolves a scalar per the YAML 1.2 core schema, honouring the standard tags.
    static func resolve(_ text: String, style: Style, tag: String?) -> Resolved {
        if let tag {
            switch tag {
            case standardTagPrefix + "str", "!": return .string
            case standardTagPrefix + "null": return .null
            case standardTagPrefix + "bool": return resolvePlain(text).asBool ?? .string
            case standardTagPrefix + "int": return resolvePlain(text).asInteger ?? .string
            case standardTagPrefix + "float": return resolvePlain(text).asFloat ?? .string
            default: return style == .plain ? resolvePlain(text) : .string
            }
        }
        return style == .plain ? resolvePlain(text) : .string
    }

    /// Whether someone writing `text` surely meant true or false, although YAML 1.2 reads it as
    /// text: YAML 1.1's `yes`, `no`, `on`, `off`, `y`, `n`, and French `oui`, `non` (any case).
    /// Readers of booleans refuse them with a hint rather than take them as words.
    public static func isBooleanLikeWord(_ text: String) -> Bool {
        ["yes", "no", "on", "off", "y", "n", "oui", "non"].contains(text.lowercased())
    }

    /// Whether an untagged plain scalar with this text is null under the core schema.
    public static func isNullWord(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isNullWord($0) }
    }

    /// Whether an untagged plain scalar with these UTF-8 bytes is null under the core schema.
    public static func isNullWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch bytes.count {
        case 0: return true
        case 1: return bytes[0] == UInt8(ascii: "~")
        case 4:
            // The four bytes as one little-endian word, against `null`, `Null` and `NULL`.
            let word = UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(as: UInt32.self))
            return word == 0x6C6C_756E || word == 0x6C6C_754E || word == 0x4C4C_554E
        default: return false
        }
    }

    /// The core schema's resolution of an untagged plain scalar.
    static func resolvePlain(_ text: String) -> Resolved {
        // The special words are short and start with one of a few characters: most scalars (words,
        // sentences) skip comparing against each of them.
        if text.utf8.count <= 6, text.utf8.first.map(mayStartSpecialWord) ?? true {
            if isNullWord(text) { return .null }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
            case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
            case ".nan", ".NaN", ".NAN": return .float(.nan)
            default: break
            }
        }
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                    || first == UInt8(ascii: ".") || isDigit(first) else { return .string }
            if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
                let digits = bytes[2...]
                if bytes[1] == UInt8(ascii: "o"), digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                    return .integer(Int(String(decoding: digits, as: UTF8.self), radix: 8))
                }
                if bytes[1] == UInt8(ascii: "x"), digits.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) {
                    return .integer(Int(String(decoding: digits, as: UTF8.self), radix: 16))
                }
            }
            if isDecimalInteger(bytes) {
                return .integer(decimalInteger(bytes))
            }
            if isFloat(bytes), let value = Double(String(decoding: bytes, as: UTF8.self)) {
                return .float(value)
            }
            return .string
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether a plain scalar starting with `byte` may be one of the core schema's special words.
    private static func mayStartSpecialWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// The value of `[-+]?[0-9]+`, or `nil` when it does not fit in 64 bits.
    private static func decimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index] - 0x30)
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// `[-+]?[0-9]+`
    private static func isDecimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        guard index < bytes.count else { return false }
        return bytes[index...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            index += 1
        }
        let integerDigits = skipDigits()
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = skipDigits()
            if integerDigits == 0, fractionDigits == 0 { return false }
        } else if integerDigits == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                index += 1
            }
            if skipDigits() == 0 { return false }
        }
        return index == bytes.count
    }
}

extension YAMLScalar.Resolved {
    fileprivate var asBool: Self? { if case .bool = self { return self } else { return nil } }
    fileprivate var asInteger: Self? { if case .integer = self { return self } else { return nil } }
    fileprivate var asFloat: Self? {
        switch self {
        case .float: return self
        case .integer(let value): return value.map { .float(Double($0)) }
        default: return nil
        }
    }
}
