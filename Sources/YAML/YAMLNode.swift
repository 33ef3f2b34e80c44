import Diagnostics

/// A node of a YAML document: a scalar, a sequence or a mapping, with where it stands in its file.
///
/// Equality compares content and tags and ignores locations, so that two documents that say the
/// same thing compare equal.
public struct YAMLNode: Sendable, Equatable, CustomStringConvertible {
    /// A key and its value in a mapping.
    public struct Pair: Sendable, Equatable {
        /// The key node (a scalar in every file orgdiag reads).
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode

        /// Creates a pair.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// What a node holds.
    public enum Content: Sendable, Equatable {
        /// A scalar.
        case scalar(YAMLScalar)
        /// A sequence, in order.
        case sequence([YAMLNode])
        /// A mapping, keeping the order of its keys as written.
        case mapping([Pair])
    }

    /// What the node holds.
    public var content: Content
    /// The explicit tag, expanded (`tag:yaml.org,2002:str`, `!local`), or `nil` when none was written.
    public var tag: String?
    /// Where the node starts and ends in its file.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ content: Content, tag: String? = nil, location: SourceLocation) {
        self.content = content
        self.tag = tag
        self.location = location
    }

    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.content == rhs.content && lhs.tag == rhs.tag
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// Whether this node is a null scalar (`~`, `null`, or nothing).
    public var isNull: Bool { scalar?.resolved == .null }

    /// The value for `key` when this node is a mapping with a scalar key of that text.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalar?.text == key }?.value
    }

    /// A word for the kind of node, used in messages: `a mapping`, `a list`, `a number`...
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.kindDescription
        }
    }

    /// A compact flow-style rendering, for tests and debugging.
    public var description: String {
        switch content {
        case .scalar(let scalar): return scalar.style == .plain ? scalar.text : "\"\(scalar.text)\""
        case .sequence(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}
