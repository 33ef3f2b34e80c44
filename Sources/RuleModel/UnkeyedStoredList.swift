import Diagnostics

/// A stored list read through a `Decoder`'s unkeyed container: how `Codable`'s `init(from:)` of
/// an expression, a condition or a value reads the layout its `init(stored:)` defines.
public struct UnkeyedStoredList: StoredListReader {
    private var container: any UnkeyedDecodingContainer

    /// A reader of the list `container` reads.
    public init(_ container: any UnkeyedDecodingContainer) {
        self.container = container
    }

    public var isAtEnd: Bool { container.isAtEnd }
    public mutating func readInt() throws -> Int { try container.decode(Int.self) }
    public mutating func readDouble() throws -> Double { try container.decode(Double.self) }
    public mutating func readBool() throws -> Bool { try container.decode(Bool.self) }
    public mutating func readString() throws -> String { try container.decode(String.self) }
    public mutating func readNil() throws -> Bool { try container.decodeNil() }
    public mutating func readLocation() throws -> SourceLocation { try container.decode(SourceLocation.self) }

    public mutating func readList<T>(_ body: (inout UnkeyedStoredList) throws -> T) throws -> T {
        var nested = UnkeyedStoredList(try container.nestedUnkeyedContainer())
        return try body(&nested)
    }

    public func damaged(_ problem: String) -> any Error {
        DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: problem))
    }
}
