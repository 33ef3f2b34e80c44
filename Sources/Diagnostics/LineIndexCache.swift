/// The ``LineIndex`` of each file met, built the first time the file is asked for: what locates
/// many texts or excerpts in one file reads its bytes once.
public struct LineIndexCache: Sendable {
    private var indexes: [ObjectIdentifier: LineIndex] = [:]

    /// An empty cache.
    public init() {}

    /// The line index of `file`, built once.
    public mutating func lines(of file: SourceFile) -> LineIndex {
        if let index = indexes[ObjectIdentifier(file)] { return index }
        let index = LineIndex(file)
        indexes[ObjectIdentifier(file)] = index
        return index
    }
}
