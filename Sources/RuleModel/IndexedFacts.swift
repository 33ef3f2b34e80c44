/// A profile's facts by position in its pack's catalogue, as the profile loader fills them, so
/// that the engine stores them without looking names up.
public struct IndexedFacts: Hashable, Sendable {
    /// Identifies the catalogue (its fact ids, in order) the positions refer to.
    public let catalogue: Int
    /// The value of each fact of the catalogue, in its order; `nil` when unknown.
    public var values: [Value?]

    /// Creates empty indexed facts for a catalogue.
    public init(catalogue facts: [FactDefinition]) {
        catalogue = Self.identifier(of: facts)
        values = Array(repeating: nil, count: facts.count)
    }

    /// An identifier of a catalogue: the same fact ids in the same order give the same number
    /// within one process.
    public static func identifier(of facts: [FactDefinition]) -> Int {
        var hasher = Hasher()
        hasher.combine(facts.count)
        for fact in facts { hasher.combine(fact.id) }
        return hasher.finalize()
    }
}
