/// Writes an `Encodable` value in the compact binary form ``CompactDecoder`` reads: a tag byte per
/// value (nil, false, true, integer, number, text, keyed, list), integers and lengths as LEB128
/// varints, and a keyed container's keys before its values, so that a reader knows them without
/// skipping a value.
///
/// Written for the checked-pack cache (``PackCache``): Foundation's property-list and JSON decoders
/// read the default pack more slowly than parsing its YAML again (65 and 26–40 ms against 20 ms),
/// and no maintained binary `Codable` format is available here.
struct CompactEncoder {
    /// What the values being encoded can read (``CodingUserInfoKey/sourceFiles``).
    var userInfo: [CodingUserInfoKey: Any] = [:]

    /// The bytes of `value`.
    func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = EncodedNode()
        try value.encode(to: NodeEncoder(node: root, userInfo: userInfo))
        var bytes: [UInt8] = []
        try root.write(to: &bytes, depth: 1)
        return bytes
    }
}

/// A value being encoded: values are collected as a tree, then written with each keyed
/// container's keys first.
final class EncodedNode {
    private enum Content {
        case empty, null, bool(Bool), integer(Int64), number(Double), text(String), keyed, list
    }

    private var content = Content.empty
    private var keys: [String] = []
    private var children: [EncodedNode] = []

    func set(null: Void) { content = .null }
    func set(_ value: Bool) { content = .bool(value) }
    func set(_ value: Int64) { content = .integer(value) }
    func set(_ value: Double) { content = .number(value) }
    func set(_ value: String) { content = .text(value) }

    /// Makes this node a keyed container (keeping what an earlier container of it wrote).
    func makeKeyed() { if case .keyed = content {} else { content = .keyed; keys = []; children = [] } }
    /// Makes this node a list (keeping what an earlier container of it wrote).
    func makeList() { if case .list = content {} else { content = .list; children = [] } }

    /// A new child under `key`, or at the end of the list when `key` is `nil`.
    func child(_ key: String?) -> EncodedNode {
        let node = EncodedNode()
        if let key { keys.append(key) }
        children.append(node)
        return node
    }

    var count: Int { children.count }

    /// Appends the node's bytes; refuses values nested deeper than ``CompactFormat/maximumDepth``,
    /// which the decoder would not read.
    func write(to bytes: inout [UInt8], depth: Int) throws {
        guard depth <= CompactFormat.maximumDepth else {
            throw EncodingError.invalidValue(depth, .init(codingPath: [], debugDescription: "values nested deeper than \(CompactFormat.maximumDepth)"))
        }
        switch content {
        case .empty, .null: bytes.append(CompactFormat.Tag.null.rawValue)
        case .bool(let value): bytes.append(value ? CompactFormat.Tag.yes.rawValue : CompactFormat.Tag.no.rawValue)
        case .integer(let value):
            bytes.append(CompactFormat.Tag.integer.rawValue)
            CompactFormat.writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
        case .number(let value):
            bytes.append(CompactFormat.Tag.number.rawValue)
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        case .text(let value):
            bytes.append(CompactFormat.Tag.text.rawValue)
            Self.writeText(value, to: &bytes)
        case .keyed:
            bytes.append(CompactFormat.Tag.keyed.rawValue)
            CompactFormat.writeVarint(UInt64(children.count), to: &bytes)
            var keyBytes: [UInt8] = []
            for key in keys { Self.writeText(key, to: &keyBytes) }
            CompactFormat.writeVarint(UInt64(keyBytes.count), to: &bytes)
            bytes += keyBytes
            for child in children { try child.write(to: &bytes, depth: depth + 1) }
        case .list:
            bytes.append(CompactFormat.Tag.list.rawValue)
            CompactFormat.writeVarint(UInt64(children.count), to: &bytes)
            for child in children { try child.write(to: &bytes, depth: depth + 1) }
        }
    }

    private static func writeText(_ text: String, to bytes: inout [UInt8]) {
        CompactFormat.writeVarint(UInt64(text.utf8.count), to: &bytes)
        bytes += text.utf8
    }
}

/// The `Encoder` handed to each value: it writes into one node of the tree.
private struct NodeEncoder: Encoder {
    let node: EncodedNode
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeKeyed()
        return KeyedEncodingContainer(KeyedNodeEncoder<Key>(node: node, userInfo: userInfo))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeList()
        return ListNodeEncoder(node: node, userInfo: userInfo)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeEncoder(node: node, userInfo: userInfo) }
}

/// Encodes a value into `node`: the primitives directly, anything else through its own `encode(to:)`.
private func encodeValue(_ value: some Encodable, into node: EncodedNode, userInfo: [CodingUserInfoKey: Any]) throws {
    switch value {
    case let value as String: node.set(value)
    case let value as Double: node.set(value)
    case let value as Bool: node.set(value)
    case let value as Int: node.set(Int64(value))
    default: try value.encode(to: NodeEncoder(node: node, userInfo: userInfo))
    }
}

private struct KeyedNodeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodedNode
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).set(null: ()) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try encodeValue(value, into: node.child(key.stringValue), userInfo: userInfo)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(key.stringValue), userInfo: userInfo).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(key.stringValue), userInfo: userInfo).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child("super"), userInfo: userInfo) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node.child(key.stringValue), userInfo: userInfo) }
}

private struct ListNodeEncoder: UnkeyedEncodingContainer {
    let node: EncodedNode
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.count }

    mutating func encodeNil() throws { node.child(nil).set(null: ()) }
    mutating func encode(_ value: some Encodable) throws { try encodeValue(value, into: node.child(nil), userInfo: userInfo) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.child(nil), userInfo: userInfo).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.child(nil), userInfo: userInfo).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.child(nil), userInfo: userInfo) }
}

private struct SingleNodeEncoder: SingleValueEncodingContainer {
    let node: EncodedNode
    let userInfo: [CodingUserInfoKey: Any]
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { node.set(null: ()) }
    mutating func encode(_ value: Bool) throws { node.set(value) }
    mutating func encode(_ value: String) throws { node.set(value) }
    mutating func encode(_ value: Double) throws { node.set(value) }
    mutating func encode(_ value: Float) throws { node.set(Double(value)) }
    mutating func encode(_ value: Int) throws { node.set(Int64(value)) }
    mutating func encode(_ value: Int8) throws { node.set(Int64(value)) }
    mutating func encode(_ value: Int16) throws { node.set(Int64(value)) }
    mutating func encode(_ value: Int32) throws { node.set(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.set(value) }
    mutating func encode(_ value: UInt) throws { try encode(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.set(Int64(value)) }
    mutating func encode(_ value: UInt16) throws { node.set(Int64(value)) }
    mutating func encode(_ value: UInt32) throws { node.set(Int64(value)) }
    mutating func encode(_ value: UInt64) throws { try encode(unsigned: value) }
    mutating func encode(_ value: some Encodable) throws { try encodeValue(value, into: node, userInfo: userInfo) }

    private func encode(unsigned value: UInt64) throws {
        guard let signed = Int64(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is beyond the compact form's integers"))
        }
        node.set(signed)
    }
}
