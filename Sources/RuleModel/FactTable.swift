/// Decoded profiles side by side for a batch: each profile's fact codes (``FactCode``) in one row
/// of a contiguous table, its kind and date aside, and no ``Profile`` per document. What the
/// stream decoder fills for batches that only decide (`orgdiag batch --format fired`), and what
/// the block evaluator reads in order.
public struct FactTable: Sendable {
    /// Identifies the catalogue the columns follow (``IndexedFacts/identifier(of:)``).
    public let catalogue: Int
    /// The number of columns: the catalogue's facts.
    public let factCount: Int
    /// The codes, row after row.
    public private(set) var codes: [FactCode] = []
    /// Each row's organisation kind.
    public private(set) var kinds: [String?] = []
    /// Each row's assessment date.
    public private(set) var dates: [String?] = []
    /// Whether each row holds a profile: false for a document that could not be read.
    public private(set) var isRead: [Bool] = []
    /// The values whose code is ``FactCode/Kind/other`` (texts, dates), by `row * factCount + fact`.
    public private(set) var others: [Int: Value] = [:]
    private let words: [[String]]

    /// An empty table with a column for each of `facts`.
    public init(catalogue facts: [FactDefinition]) {
        catalogue = IndexedFacts.identifier(of: facts)
        factCount = facts.count
        words = facts.map(\.values)
    }

    /// The number of rows.
    public var count: Int { isRead.count }

    /// Appends the row of a profile read by a loader of this catalogue (``Profile/indexedFacts``),
    /// or of any other profile by its facts' names.
    public mutating func append(_ profile: Profile, facts: [FactDefinition]) {
        let row = count
        kinds.append(profile.kind)
        dates.append(profile.assessedOn)
        isRead.append(true)
        if let indexed = profile.indexedFacts, indexed.catalogue == catalogue, indexed.codes.count == factCount {
            codes += indexed.codes
            for (fact, code) in indexed.codes.enumerated() where code.kind == .other {
                others[row * factCount + fact] = indexed.values[fact]
            }
        } else {
            codes += repeatElement(FactCode.missing, count: factCount)
            for (fact, definition) in facts.enumerated() {
                guard let value = profile.facts[definition.id] else { continue }
                let code = FactCode(value, values: words[fact])
                codes[row * factCount + fact] = code
                if code.kind == .other { others[row * factCount + fact] = value }
            }
        }
    }

    /// Appends a row for a document that could not be read: it holds no profile.
    public mutating func appendUnread() {
        kinds.append(nil)
        dates.append(nil)
        isRead.append(false)
        codes += repeatElement(FactCode.missing, count: factCount)
    }

    /// Appends the rows of `other`, a table of the same catalogue.
    public mutating func append(contentsOf other: FactTable) {
        let offset = count * factCount
        codes += other.codes
        kinds += other.kinds
        dates += other.dates
        isRead += other.isRead
        for (position, value) in other.others { others[offset + position] = value }
    }
}
