import Diagnostics

/// What the stored form of an expression, a condition or a value is read from: one list of items
/// read in order (numbers, texts, booleans, nothing, locations, and lists within it).
///
/// Each type writes its layout once, in `init(stored:)`, generic over the reader and inlinable, so
/// that the module reading it compiles it for its own reader (no call through the protocol). `Codable` reads
/// it through ``UnkeyedStoredList`` (any `Decoder`'s unkeyed containers); the pack cache's compact
/// reader conforms itself and reads the same bytes with no container made per item: an
/// expression read through `Decoder` cost a boxed container and a look-up of generic metadata for
/// each list, more than half of reading the peer pack's diagnostics from the cache.
public protocol StoredListReader {
    /// Whether every item of the list has been read.
    var isAtEnd: Bool { get }
    /// The next item, a whole number.
    mutating func readInt() throws -> Int
    /// The next item, a number.
    mutating func readDouble() throws -> Double
    /// The next item, a boolean.
    mutating func readBool() throws -> Bool
    /// The next item, a text.
    mutating func readString() throws -> String
    /// Whether the next item is nothing, which is then read; false leaves it unread.
    mutating func readNil() throws -> Bool
    /// The next item, a location in the files being read.
    mutating func readLocation() throws -> SourceLocation
    /// The next item, a list, read by `body` from its first item.
    mutating func readList<T>(_ body: (inout Self) throws -> T) throws -> T
    /// The error that reports damaged data, saying `problem`.
    func damaged(_ problem: String) -> any Error
}

extension StoredListReader {
    /// The next item, a whole number, read as a kind of `Kind`: how a stored expression, condition
    /// or value says which case it is. A number that names no kind is damage, reported as "no
    /// `noun` kind is numbered …".
    @inlinable
    public mutating func readKind<Kind: RawRepresentable>(_: Kind.Type, of noun: String) throws -> Kind where Kind.RawValue == Int {
        let number = try readInt()
        guard let kind = Kind(rawValue: number) else { throw damaged("no \(noun) kind is numbered \(number)") }
        return kind
    }

    /// The next item, a list of items each read by `item`.
    @inlinable
    public mutating func readItems<T>(_ item: (inout Self) throws -> T) throws -> [T] {
        try readList { list in
            var items: [T] = []
            while !list.isAtEnd { items.append(try item(&list)) }
            return items
        }
    }

    /// The next item, a text that must be the raw value of one of `Kind`'s cases, named `noun`.
    @inlinable
    public mutating func readRawValue<Kind: RawRepresentable>(_: Kind.Type, of noun: String) throws -> Kind where Kind.RawValue == String {
        let text = try readString()
        guard let kind = Kind(rawValue: text) else { throw damaged("no \(noun) is spelt '\(text)'") }
        return kind
    }
}
