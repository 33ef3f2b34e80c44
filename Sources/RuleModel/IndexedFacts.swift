/// A profile's facts by position in its pack's catalogue, as the profile loaders fill them, so
/// that the engine stores them without looking names or words up.
public struct IndexedFacts: Hashable, Sendable {
    /// Identifies the catalogue (its fact ids, in order) the positions refer to.
    public let catalogue: Int
    /// The value of each fact of the catalogue, in its order; `nil` when unknown.
    public private(set) var values: [Value?]
    /// The code of each value (``FactCode``), in step with `values`.
    public private(set) var codes: [FactCode]

    /// Creates empty indexed facts for a catalogue.
    public init(catalogue facts: [FactDefinition]) {
        catalogue = Self.identifier(of: facts)
        values = Array(repeating: nil, count: facts.count)
        codes = Array(repeating: .missing, count: facts.count)
    }

    /// Sets the value of the fact at `index`, whose declared values (for an enum or a set) are `words`.
    public mutating func set(_ index: Int, to value: Value, words: [String]) {
        values[index] = value
        codes[index] = FactCode(value, values: words)
    }

    /// An identifier of a catalogue: the same facts (ids, types and declared values, whose
    /// positions the codes hold) in the same order give the same number within one process.
    public static func identifier(of facts: [FactDefinition]) -> Int {
        var hasher = Hasher()
        hasher.combine(facts.count)
        for fact in facts {
            hasher.combine(fact.id)
            hasher.combine(fact.type.rawValue)
            hasher.combine(fact.values)
        }
        return hasher.finalize()
    }
}
