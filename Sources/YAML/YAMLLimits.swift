/// The bounds that keep a hostile file from exhausting time, memory or the stack.
public struct YAMLLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// The most nodes one document may hold once its aliases are expanded.
    public var maxExpandedNodes: Int

    /// Creates limits.
    public init(maxBytes: Int = YAMLLimits.default.maxBytes,
                maxDepth: Int = YAMLLimits.default.maxDepth,
                maxExpandedNodes: Int = YAMLLimits.default.maxExpandedNodes) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
    }

    private init(bytes: Int, depth: Int, nodes: Int) {
        maxBytes = bytes
        maxDepth = depth
        maxExpandedNodes = nodes
    }

    /// 16 MiB, 200 levels, 1,000,000 expanded nodes: far above any real pack or profile.
    public static let `default` = YAMLLimits(bytes: 16 << 20, depth: 200, nodes: 1_000_000)
}
