import Diagnostics

/// A stored list read through a `Decoder`'s unkeyed container: how `Codable`'s `init(from:)` of
/// an expression, a condition or a value reads the layout its `init(stored:)` defines.
public struct UnkeyedStoredList: StoredListReader {
    /// The deepest lists within lists read: a decoder's nested containers may not count their
    /// depth, and a damaged or hostile stored form must not run the stack out.
    public static let maximumNesting = 256

    private var container: any UnkeyedDecodingContainer
    /// How deep this list is within the first one read.
    private let nesting: Int

    /// A reader of the list `container` reads.
    public init(_ container: any UnkeyedDecodingContainer) {
        self.init(container, nesting: 0)
    }

    private init(_ container: any UnkeyedDecodingContainer, nesting: Int) {
        self.container = container
        self.nesting = nesting
    }

    public var isAtEnd: Bool { container.isAtEnd }
    public mutating func readInt() throws -> Int { try container.decode(Int.self) }
    public mutating func readDouble() throws -> Double { try container.decode(Double.self) }
    public mutating func readBool() throws -> Bool { try container.decode(Bool.self) }
    public mutating func readString() throws -> String { try container.decode(String.self) }
    public mutating func readNil() throws -> Bool { try container.decodeNil() }
    public mutating func readLocation() throws -> SourceLocation { try container.decode(SourceLocation.self) }

    public mutating func readList<T>(_ body: (inout UnkeyedStoredList) throws -> T) throws -> T {
        guard nesting < Self.maximumNesting else { throw damaged("lists nested deeper than \(Self.maximumNesting)") }
        var nested = UnkeyedStoredList(try container.nestedUnkeyedContainer(), nesting: nesting + 1)
        let value = try body(&nested)
        guard nested.isAtEnd else { throw nested.damaged("more items in a list than its form holds") }
        return value
    }

    public func damaged(_ problem: String) -> any Error {
        DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: problem))
    }
}
