/// The bounds that keep a hostile file from exhausting time, memory or the stack
/// (docs/limits.md lists them with the error each gives).
public struct YAMLLimits: Sendable, Equatable {
    /// The largest file accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// The most nodes one document may hold once its aliases are expanded.
    public var maxExpandedNodes: Int
    /// The longest scalar accepted, in bytes.
    public var maxScalarBytes: Int

    /// Creates limits.
    public init(maxBytes: Int = YAMLLimits.default.maxBytes,
                maxDepth: Int = YAMLLimits.default.maxDepth,
                maxExpandedNodes: Int = YAMLLimits.default.maxExpandedNodes,
                maxScalarBytes: Int = YAMLLimits.default.maxScalarBytes) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
        self.maxScalarBytes = maxScalarBytes
    }

    private init(bytes: Int, depth: Int, nodes: Int, scalarBytes: Int) {
        maxBytes = bytes
        maxDepth = depth
        maxExpandedNodes = nodes
        maxScalarBytes = scalarBytes
    }

    /// 16 MiB, 200 levels, 1,000,000 expanded nodes, 64 KiB scalars: far above any real pack or profile.
    public static let `default` = YAMLLimits(bytes: 16 << 20, depth: 200, nodes: 1_000_000, scalarBytes: 64 << 10)
}
