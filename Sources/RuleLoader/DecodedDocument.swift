import Diagnostics
import RuleModel

/// One profile as the stream decoder's fast path reads it: each fact's code by its position in
/// the catalogue, and the organisation's fields. Reused from document to document, so that a
/// document of the common form allocates nothing.
struct DecodedDocument {
    /// The organisation's name (kept only when profiles are made).
    var name = ""
    /// The organisation's kind.
    var kind: String?
    /// The assessment's date.
    var assessedOn: String?
    /// The evidence of facts, by fact id (kept only when profiles are made).
    var evidence: [String: String] = [:]
    /// The code of each fact given a value, by position in the catalogue.
    private(set) var codes: [FactCode]
    /// The value of each fact whose code is of kind other (a text, a date); `nil` for the others.
    private(set) var values: [Value?]
    /// The facts given a value, in the document's order.
    private(set) var given: [Int] = []
    /// Whether some fact has a value in `values`.
    private var hasValues = false
    /// Whether the document gives a mapping of facts (empty or not): only then does its profile
    /// have facts by position, as the profile loader's has.
    var hasFacts = false
    /// The facts the document names (a null value included) carry the current generation.
    private var stamps: [UInt32]
    private var generation: UInt32 = 0

    /// A document of a catalogue of `factCount` facts.
    init(factCount: Int) {
        codes = Array(repeating: .missing, count: factCount)
        values = Array(repeating: nil, count: factCount)
        stamps = Array(repeating: 0, count: factCount)
    }

    /// Empties the document for the next one.
    mutating func start() {
        if hasValues {
            for fact in given { values[fact] = nil }
            hasValues = false
        }
        given.removeAll(keepingCapacity: true)
        if generation == .max {
            stamps = Array(repeating: 0, count: stamps.count)
            generation = 0
        }
        generation += 1
        hasFacts = false
        name = ""
        kind = nil
        assessedOn = nil
        if !evidence.isEmpty { evidence = [:] }
    }

    /// Notes that the document names `fact`; false if it did already.
    mutating func markSeen(_ fact: Int) -> Bool {
        guard stamps[fact] != generation else { return false }
        stamps[fact] = generation
        return true
    }

    /// Gives `fact` the value a code of the fast path stands for (a boolean, a number, a word, a
    /// set of words).
    mutating func set(_ fact: Int, code: FactCode) {
        codes[fact] = code
        given.append(fact)
    }

    /// Gives `fact` a value read otherwise, and its code.
    mutating func set(_ fact: Int, code: FactCode, value: Value) {
        codes[fact] = code
        values[fact] = value
        hasValues = true
        given.append(fact)
    }

    /// The document as a profile of `source`, with its facts by id and by position.
    func profile(source: SourceFile, catalogue: ProfileLoader.Catalogue) -> Profile {
        var profile = Profile(name: name, source: source)
        profile.kind = kind
        profile.assessedOn = assessedOn
        profile.evidence = evidence
        guard hasFacts else { return profile }
        var facts: [String: Value] = [:]
        facts.reserveCapacity(given.count)
        var indexed = catalogue.template
        for fact in given {
            let value = values[fact] ?? Self.value(of: codes[fact], words: catalogue.words[fact])
            facts[catalogue.names[fact]] = value
            indexed.set(fact, to: value, words: catalogue.words[fact])
        }
        profile.facts = facts
        profile.indexedFacts = indexed
        return profile
    }

    /// The value a code of the fast path stands for (never of kind missing or other).
    private static func value(of code: FactCode, words: [String]) -> Value {
        switch code.kind {
        case .boolean: return .bool(code.payload != 0)
        case .number: return .number(Double(bitPattern: code.payload))
        case .word: return .string(words[Int(code.payload)])
        case .words: return .set(words.indices.filter { code.payload & 1 << UInt64($0) != 0 }.map { words[$0] }.sorted())
        case .missing, .other: preconditionFailure("the fast path codes no value as \(code.kind)")
        }
    }
}
