import Diagnostics
import Foundation
import RuleModel

/// Reads a `Decodable` value from the compact binary form ``CompactEncoder`` writes.
///
/// Every read is bounds-checked and every tag checked against what the type asks for: damaged
/// bytes make `decode` throw, never crash. Nesting deeper than ``CompactFormat/maximumDepth`` is
/// refused.
struct CompactDecoder {
    /// What the values being decoded can read (``CodingUserInfoKey/sourceFiles``).
    var userInfo: [CodingUserInfoKey: Any] = [:]

    /// The value of type `type` held by `bytes`, which must hold nothing else.
    func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        try bytes.withUnsafeBufferPointer { buffer in
            let reader = CompactReader(buffer, userInfo: userInfo)
            let value = try reader.decodeValue(type)
            guard reader.position == buffer.count else { throw reader.corrupt("bytes after the value") }
            return value
        }
    }
}

/// The cursor over the bytes: one for a whole decoding, handed to every value as its `Decoder`
/// (values are read in the order they were written).
private final class CompactReader: Decoder {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0
    let userInfo: [CodingUserInfoKey: Any]
    /// The files locations are read against (``CodingUserInfoKey/sourceFiles``), looked up once.
    let sourceFiles: [SourceFile]?
    var codingPath: [any CodingKey] { [] }

    init(_ bytes: UnsafeBufferPointer<UInt8>, userInfo: [CodingUserInfoKey: Any]) {
        self.bytes = bytes
        self.userInfo = userInfo
        sourceFiles = userInfo[.sourceFiles] as? [SourceFile]
    }

    func corrupt(_ what: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: [], debugDescription: "damaged compact data at byte \(position): \(what)"))
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= CompactFormat.maximumDepth else { throw corrupt("nested too deep") }
        // A location, a pack's most frequent value, is read here: its own `init(from:)` cost an
        // unkeyed container, five dynamic calls and a cast of the files out of `userInfo` each
        // time, 2,000 instructions, two fifths of reading a pack from the cache.
        if type == SourceLocation.self { return try decodeLocation() as! T }
        // Expressions, conditions and values, a pack's nodes, are read from their stored lists
        // here, with no container made per list (``StoredListReader``).
        if type == Expression.self { return try readStoredList { try Expression(stored: &$0) } as! T }
        if type == Condition.self { return try readStoredList { try Condition(stored: &$0) } as! T }
        if type == Value.self { return try readStoredList { try Value(stored: &$0) } as! T }
        return try T(from: self)
    }

    /// The list at the cursor, read by `body`, which must read all its items (the caller counts
    /// its depth against the form's limit).
    func readStoredList<T>(_ body: (inout CompactList) throws -> T) throws -> T {
        try expect(.list)
        var list = CompactList(reader: self, remaining: try length())
        let value = try body(&list)
        guard list.isAtEnd else { throw corrupt("more items in a list than its form holds") }
        return value
    }

    /// A location, as ``SourceLocation``'s `Codable` conformance writes it: a list of its five
    /// stored numbers.
    private func decodeLocation() throws -> SourceLocation {
        try expect(.list)
        guard try length() == 5 else { throw corrupt("a location is five numbers") }
        let numbers = SourceLocation.StoredNumbers(try decodeInteger(Int.self), try decodeInteger(Int.self), try decodeInteger(Int.self),
                                                   try decodeInteger(Int.self), try decodeInteger(Int.self))
        guard let files = sourceFiles, let location = SourceLocation(stored: numbers, in: files) else {
            throw corrupt("no file \(numbers.file) among the source files")
        }
        return location
    }

    // MARK: Bytes

    func byte() throws -> UInt8 {
        guard position < bytes.count else { throw corrupt("unexpected end") }
        defer { position += 1 }
        return bytes[position]
    }

    func expect(_ tag: CompactFormat.Tag) throws {
        guard try byte() == tag.rawValue else { position -= 1; throw corrupt("expected \(tag)") }
    }

    func peekIsNull() -> Bool { position < bytes.count && bytes[position] == CompactFormat.Tag.null.rawValue }

    func varint() throws -> UInt64 {
        guard let value = CompactFormat.readVarint(bytes, at: &position, end: bytes.count) else { throw corrupt("damaged varint") }
        return value
    }

    /// The range of the key written at `offset` (its length, then its bytes), within `end`.
    func keyRange(at offset: Int, end: Int) -> Range<Int>? {
        var start = offset
        guard let count = CompactFormat.readVarint(bytes, at: &start, end: end), count <= UInt64(end - start) else { return nil }
        return start..<(start + Int(count))
    }

    /// A length or count, which cannot exceed the bytes left.
    func length() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - position) else { throw corrupt("length beyond the end") }
        return Int(value)
    }

    /// The range of a text's bytes (length and bytes), the cursor moved past it.
    func textRange() throws -> Range<Int> {
        let count = try length()
        defer { position += count }
        return position..<(position + count)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    // MARK: Primitives

    func decodeBool() throws -> Bool {
        switch try byte() {
        case CompactFormat.Tag.no.rawValue: return false
        case CompactFormat.Tag.yes.rawValue: return true
        default: position -= 1; throw corrupt("expected a boolean")
        }
    }

    func decodeInteger() throws -> Int64 {
        try expect(.integer)
        let zigzag = try varint()
        return Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
    }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let value = try decodeInteger()
        guard let exact = I(exactly: value) else { throw corrupt("\(value) does not fit in \(type)") }
        return exact
    }

    func decodeDouble() throws -> Double {
        try expect(.number)
        guard bytes.count - position >= 8 else { throw corrupt("unexpected end") }
        var bits: UInt64 = 0
        for index in 0..<8 { bits |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: bits)
    }

    func decodeString() throws -> String {
        try expect(.text)
        return string(try textRange())
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        try expect(.keyed)
        let count = try length()
        let keysLength = try length()
        let keys = position
        position += keysLength
        return KeyedDecodingContainer(KeyedCompactReader<Key>(reader: self, remaining: count, nextKey: keys, keysEnd: position))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try expect(.list)
        return ListCompactReader(reader: self, count: try length())
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleCompactReader(reader: self) }
}

/// A keyed container (a class: the protocol's reads are not `mutating`): its keys are read in
/// order beside its values; a key asked for that is not
/// the next one written is absent (values are asked for in the order they were written).
private final class KeyedCompactReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CompactReader
    /// How many keys are left to read.
    var remaining: Int
    /// Where the next key is written.
    var nextKey: Int
    let keysEnd: Int

    init(reader: CompactReader, remaining: Int, nextKey: Int, keysEnd: Int) {
        self.reader = reader
        self.remaining = remaining
        self.nextKey = nextKey
        self.keysEnd = keysEnd
    }

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        var keys: [Key] = []
        var offset = nextKey
        for _ in 0..<remaining {
            guard let range = reader.keyRange(at: offset, end: keysEnd), let key = Key(stringValue: reader.string(range)) else { break }
            keys.append(key)
            offset = range.upperBound
        }
        return keys
    }

    /// The next key written, if it is `key`.
    func next(_ key: Key) -> Range<Int>? {
        guard remaining > 0, let range = reader.keyRange(at: nextKey, end: keysEnd) else { return nil }
        var name = key.stringValue
        // The lengths, then the bytes with `memcmp`: a generic element-by-element comparison took
        // a twentieth of reading a pack from the cache.
        let matches = name.withUTF8 { name in
            name.count == range.count && (name.isEmpty || memcmp(name.baseAddress!, reader.bytes.baseAddress! + range.lowerBound, name.count) == 0)
        }
        return matches ? range : nil
    }

    /// Moves past the key `key`, which must be the next one.
    func take(_ key: Key) throws {
        guard let range = next(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "damaged compact data: '\(key.stringValue)' is not the next key"))
        }
        nextKey = range.upperBound
        remaining -= 1
    }

    func contains(_ key: Key) -> Bool { next(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard next(key) != nil, reader.peekIsNull() else { return false }
        try take(key)
        reader.position += 1
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try take(key); return try reader.decodeBool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try take(key); return try reader.decodeString() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try take(key); return try reader.decodeDouble() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try take(key); return Float(try reader.decodeDouble()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try take(key); return try reader.decodeInteger(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try take(key); return try reader.decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try take(key); return try reader.decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try take(key)
        return try reader.container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try take(key)
        return try reader.unkeyedContainer()
    }
    // A superclass's values are written under the key `super` (or the key given), as the encoder does.
    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw reader.corrupt("no key 'super'") }
        return try superDecoder(forKey: key)
    }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        try take(key)
        return reader
    }
}

/// A list container: its count, then its values.
private struct ListCompactReader: UnkeyedDecodingContainer {
    let reader: CompactReader
    let total: Int
    var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(reader: CompactReader, count: Int) {
        self.reader = reader
        self.total = count
    }

    mutating func next() throws {
        guard !isAtEnd else { throw reader.corrupt("read past the end of a list") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, reader.peekIsNull() else { return false }
        currentIndex += 1
        reader.position += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(); return try reader.decodeBool() }
    mutating func decode(_ type: String.Type) throws -> String { try next(); return try reader.decodeString() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(); return try reader.decodeDouble() }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(); return Float(try reader.decodeDouble()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(); return try reader.decodeInteger(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(); return try reader.decodeInteger(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(); return try reader.decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return try reader.container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try reader.unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder {
        try next()
        return reader
    }
}

/// A list of the compact form read item by item as a ``StoredListReader``: how expressions,
/// conditions and values are read, with no container made per list.
private struct CompactList: StoredListReader {
    fileprivate let reader: CompactReader
    /// How many items are left to read.
    fileprivate var remaining: Int

    var isAtEnd: Bool { remaining == 0 }

    /// Counts the next item read; reading past the list's end is damage.
    private mutating func next() throws {
        guard remaining > 0 else { throw reader.corrupt("read past the end of a list") }
        remaining -= 1
    }

    mutating func readInt() throws -> Int { try next(); return try reader.decodeInteger(Int.self) }
    mutating func readDouble() throws -> Double { try next(); return try reader.decodeDouble() }
    mutating func readBool() throws -> Bool { try next(); return try reader.decodeBool() }
    mutating func readString() throws -> String { try next(); return try reader.decodeString() }

    mutating func readNil() throws -> Bool {
        guard remaining > 0, reader.peekIsNull() else { return false }
        remaining -= 1
        reader.position += 1
        return true
    }

    mutating func readLocation() throws -> SourceLocation {
        try next()
        return try reader.decodeValue(SourceLocation.self)
    }

    mutating func readList<T>(_ body: (inout CompactList) throws -> T) throws -> T {
        try next()
        reader.depth += 1
        defer { reader.depth -= 1 }
        guard reader.depth <= CompactFormat.maximumDepth else { throw reader.corrupt("nested too deep") }
        return try reader.readStoredList(body)
    }

    func damaged(_ problem: String) -> any Error { reader.corrupt(problem) }
}

/// A single value, read where the cursor is.
private struct SingleCompactReader: SingleValueDecodingContainer {
    let reader: CompactReader
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        guard reader.peekIsNull() else { return false }
        reader.position += 1
        return true
    }

    func decode(_ type: Bool.Type) throws -> Bool { try reader.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try reader.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try reader.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try reader.decodeInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.decodeInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.decodeInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.decodeInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.decodeInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.decodeInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.decodeInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.decodeInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.decodeInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(type) }
}
