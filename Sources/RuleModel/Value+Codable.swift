/// A value is stored as one list: the number of its kind, then its payload. The keyed containers
/// `Codable` would write for the enum (a key for the case, a nested container for its payload)
/// took a third of the time a stored pack's diagnostics took to read.
extension Value: Codable {
    @usableFromInline enum Code: Int {
        case bool, number, string, set
    }

    public init(from decoder: any Decoder) throws {
        var reader = UnkeyedStoredList(try decoder.unkeyedContainer())
        try self.init(stored: &reader)
    }

    /// The value whose stored list `reader` reads, as ``encode(to:)`` writes it.
    @inlinable public init<Reader: StoredListReader>(stored reader: inout Reader) throws {
        switch try reader.readKind(Code.self, of: "value") {
        case .bool: self = .bool(try reader.readBool())
        case .number: self = .number(try reader.readDouble())
        case .string: self = .string(try reader.readString())
        case .set: self = .set(try reader.readItems { try $0.readString() })
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch self {
        case .bool(let value): try container.encode(Code.bool.rawValue); try container.encode(value)
        case .number(let value): try container.encode(Code.number.rawValue); try container.encode(value)
        case .string(let value): try container.encode(Code.string.rawValue); try container.encode(value)
        case .set(let values): try container.encode(Code.set.rawValue); try container.encode(values)
        }
    }
}
