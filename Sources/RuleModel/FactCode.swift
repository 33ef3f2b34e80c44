/// A fact's value as a kind and 64 bits, with no text to copy or count references of: what the
/// profile loaders write beside each value (``IndexedFacts``) and the evaluators store without
/// looking words up.
public struct FactCode: Hashable, Sendable {
    /// What the payload holds.
    public enum Kind: UInt8, Sendable {
        /// No value: the fact is unknown.
        case missing
        /// 0 or 1.
        case boolean
        /// The bit pattern of a Double.
        case number
        /// The word's position among the fact's declared values.
        case word
        /// A set of the fact's declared values: bit `i` for the value at position `i` (64 values at most).
        case words
        /// Anything else (a text, a date, a set of more than 64 values): read the value itself.
        case other
    }

    /// What the payload holds.
    public var kind: Kind
    /// The value's 64 bits, read by `kind`.
    public var payload: UInt64

    /// An unknown fact.
    public static let missing = FactCode(kind: .missing, payload: 0)

    /// A code of a kind and its payload.
    public init(kind: Kind, payload: UInt64) {
        self.kind = kind
        self.payload = payload
    }

    /// The code of `value` for a fact whose declared values are `values` (for enums and sets).
    public init(_ value: Value, values: [String]) {
        switch value {
        case .bool(let flag):
            self.init(kind: .boolean, payload: flag ? 1 : 0)
        case .number(let number):
            self.init(kind: .number, payload: number.bitPattern)
        case .string(let text):
            if let position = values.firstIndex(of: text) {
                self.init(kind: .word, payload: UInt64(position))
            } else {
                self.init(kind: .other, payload: 0)
            }
        case .set(let words):
            var mask: UInt64 = 0
            for word in words {
                guard values.count <= 64, let position = values.firstIndex(of: word) else {
                    self.init(kind: .other, payload: 0)
                    return
                }
                mask |= 1 << UInt64(position)
            }
            self.init(kind: values.count <= 64 ? .words : .other, payload: mask)
        }
    }
}
