/// Decoded profiles side by side for a batch, in columns: chunks of up to 64 profiles, each fact
/// a column of 64 payloads (``FactCode``) with a mask of the rows that give it, the kind and date
/// of each row aside, and no ``Profile`` per document. What the stream decoder fills for batches
/// that only decide (`orgdiag batch --format fired`), and what the block evaluator stores a
/// column at a time.
public struct FactTable: Sendable {
    /// Rows per chunk: the lanes of the block evaluator.
    public static let chunkSize = 64

    /// Up to 64 rows, column by column.
    public struct Chunk: Sendable {
        /// The number of rows.
        public fileprivate(set) var count = 0
        /// Rows that hold a profile (bit `i` for row `i`): not those of documents that could not be read.
        public fileprivate(set) var read: UInt64 = 0
        /// For each fact, the rows whose code is of the column's kind.
        public fileprivate(set) var known: [UInt64]
        /// For each fact, the rows whose code is ``FactCode/Kind/other``: their values are in `others`.
        public fileprivate(set) var otherRows: [UInt64]
        /// For each fact, the kind of its codes (``FactCode/Kind/missing`` until one is given).
        public fileprivate(set) var kinds: [FactCode.Kind]
        /// The payloads, 64 per fact: fact `f`, row `i` at `f * 64 + i`.
        public fileprivate(set) var payloads: [UInt64]
        /// The values of codes of kind other, by `f * 64 + i`.
        public fileprivate(set) var others: [Int: Value] = [:]
        /// Each row's organisation kind.
        public fileprivate(set) var organisationKinds: [String?] = []
        /// Each row's assessment date.
        public fileprivate(set) var dates: [String?] = []

        init(factCount: Int) {
            known = Array(repeating: 0, count: factCount)
            otherRows = Array(repeating: 0, count: factCount)
            kinds = Array(repeating: .missing, count: factCount)
            payloads = Array(repeating: 0, count: factCount * FactTable.chunkSize)
            organisationKinds.reserveCapacity(FactTable.chunkSize)
            dates.reserveCapacity(FactTable.chunkSize)
        }

        /// The code of a fact in a row.
        public func code(row: Int, fact: Int) -> FactCode {
            let bit: UInt64 = 1 << UInt64(row)
            if otherRows[fact] & bit != 0 { return FactCode(kind: .other, payload: 0) }
            guard known[fact] & bit != 0 else { return .missing }
            return FactCode(kind: kinds[fact], payload: payloads[fact * FactTable.chunkSize + row])
        }

        /// Sets the codes of the facts `given` in a row, the columns' own kinds in place and the
        /// rest through ``set(row:fact:code:value:)``.
        fileprivate mutating func set(row: Int, given: [Int], codes: [FactCode], values: [Value?]) {
            let bit: UInt64 = 1 << UInt64(row)
            var hasOthers = false
            known.withUnsafeMutableBufferPointer { known in
                kinds.withUnsafeMutableBufferPointer { kinds in
                    payloads.withUnsafeMutableBufferPointer { payloads in
                        for fact in given {
                            let code = codes[fact]
                            guard Self.takesColumn(code, kind: &kinds[fact]) else {
                                hasOthers = true
                                continue
                            }
                            known[fact] |= bit
                            payloads[fact * FactTable.chunkSize + row] = code.payload
                        }
                    }
                }
            }
            guard hasOthers else { return }
            for fact in given where codes[fact].kind != kinds[fact] {
                set(row: row, fact: fact, code: codes[fact], value: values[fact])
            }
        }

        fileprivate mutating func set(row: Int, fact: Int, code: FactCode, value: Value?) {
            guard code.kind != .missing else { return }
            let bit: UInt64 = 1 << UInt64(row)
            if Self.takesColumn(code, kind: &kinds[fact]) {
                known[fact] |= bit
                payloads[fact * FactTable.chunkSize + row] = code.payload
            } else if let value {
                // A text, a date, or (never for a loader's codes) a kind other than the column's.
                otherRows[fact] |= bit
                others[fact * FactTable.chunkSize + row] = value
            }
        }

        /// Whether a code goes in its fact's column, of kind `kind`: a code of that kind, which
        /// the column's first code sets unless it is of kind other. Any other code (a text, a
        /// date) is kept aside with its value.
        private static func takesColumn(_ code: FactCode, kind: inout FactCode.Kind) -> Bool {
            guard code.kind != .missing else { return false }
            if kind == .missing && code.kind != .other { kind = code.kind }
            return code.kind == kind
        }
    }

    /// Identifies the catalogue the columns follow (``IndexedFacts/identifier(of:)``).
    public let catalogue: Int
    /// The number of columns: the catalogue's facts.
    public let factCount: Int
    /// The chunks, in row order; only the last may be partial, save where tables were joined.
    public private(set) var chunks: [Chunk] = []
    /// The number of rows.
    public private(set) var count = 0
    private let words: [[String]]

    /// An empty table with a column for each of `facts`.
    public init(catalogue facts: [FactDefinition]) {
        catalogue = IndexedFacts.identifier(of: facts)
        factCount = facts.count
        words = facts.map(\.values)
    }

    /// A table of `profiles`, in order, with a column for each of `facts`; a `nil` entry (a
    /// document that could not be read) is an unread row.
    public init(_ profiles: some Sequence<Profile?>, catalogue facts: [FactDefinition]) {
        self.init(catalogue: facts)
        for profile in profiles {
            if let profile { append(profile, facts: facts) } else { appendUnread() }
        }
    }

    /// Appends the row of a profile read by a loader of this catalogue (``Profile/indexedFacts``),
    /// or of any other profile by its facts' names; `facts` are the catalogue's definitions.
    public mutating func append(_ profile: Profile, facts: [FactDefinition]) {
        appendUnread()
        fill(chunk: chunks.count - 1, lane: chunks[chunks.count - 1].count - 1, with: profile, facts: facts)
    }

    /// Writes a profile into a row appended unread (``appendUnread()``), which then holds it;
    /// `facts` are the catalogue's definitions.
    public mutating func fill(row: Int, with profile: Profile, facts: [FactDefinition]) {
        let (chunk, lane) = position(of: row)
        fill(chunk: chunk, lane: lane, with: profile, facts: facts)
    }

    private mutating func fill(chunk: Int, lane: Int, with profile: Profile, facts: [FactDefinition]) {
        chunks[chunk].read |= 1 << UInt64(lane)
        chunks[chunk].organisationKinds[lane] = profile.kind
        chunks[chunk].dates[lane] = profile.assessedOn
        if let indexed = profile.indexedFacts, indexed.catalogue == catalogue, indexed.codes.count == factCount {
            for (fact, code) in indexed.codes.enumerated() where code.kind != .missing {
                chunks[chunk].set(row: lane, fact: fact, code: code, value: indexed.values[fact])
            }
        } else {
            // The table's columns are its catalogue's: a longer list's extra facts have none.
            for (fact, definition) in facts.prefix(factCount).enumerated() {
                guard let value = profile.facts[definition.id] else { continue }
                chunks[chunk].set(row: lane, fact: fact, code: FactCode(value, values: words[fact]), value: value)
            }
        }
    }

    /// Appends a row for a document that could not be read: it holds no profile.
    public mutating func appendUnread() {
        _ = newRow(kind: nil, date: nil, read: false)
    }

    /// Appends the row of a profile that a decoder read straight into codes, with no ``Profile``
    /// made: the facts `given` (positions in the catalogue), their `codes` and, for codes of kind
    /// other, their `values` (both by position).
    public mutating func appendRow(kind: String?, date: String?, given: [Int], codes: [FactCode], values: [Value?]) {
        let row = newRow(kind: kind, date: date, read: true)
        chunks[chunks.count - 1].set(row: row, given: given, codes: codes, values: values)
    }

    /// Appends the rows of `other`, a table of the same catalogue, chunk by chunk.
    public mutating func append(contentsOf other: FactTable) {
        chunks += other.chunks
        count += other.count
    }

    /// Whether a row holds a profile.
    public func isRead(_ row: Int) -> Bool {
        let (chunk, lane) = position(of: row)
        return chunks[chunk].read & (1 << UInt64(lane)) != 0
    }

    /// The code of a fact in a row.
    public func code(row: Int, fact: Int) -> FactCode {
        let (chunk, lane) = position(of: row)
        return chunks[chunk].code(row: lane, fact: fact)
    }

    /// The value of a fact whose code in a row is ``FactCode/Kind/other`` (a text, a date).
    public func otherValue(row: Int, fact: Int) -> Value? {
        let (chunk, lane) = position(of: row)
        return chunks[chunk].others[fact * Self.chunkSize + lane]
    }

    /// The chunk and the row within it of a row of the table.
    private func position(of row: Int) -> (chunk: Int, row: Int) {
        var remaining = row
        for (index, chunk) in chunks.enumerated() {
            if remaining < chunk.count { return (index, remaining) }
            remaining -= chunk.count
        }
        preconditionFailure("no row \(row)")
    }

    private mutating func newRow(kind: String?, date: String?, read: Bool) -> Int {
        if chunks.last.map({ $0.count == Self.chunkSize }) ?? true { chunks.append(Chunk(factCount: factCount)) }
        let last = chunks.count - 1
        let row = chunks[last].count
        chunks[last].count += 1
        chunks[last].organisationKinds.append(kind)
        chunks[last].dates.append(date)
        if read { chunks[last].read |= 1 << UInt64(row) }
        count += 1
        return row
    }
}
