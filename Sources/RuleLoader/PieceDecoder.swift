import Diagnostics
import RuleModel
import YAML

/// Decodes the documents of one piece of a stream of profiles, as profiles or as the rows of a
/// ``FactTable``.
///
/// The fast path reads libyaml's events in place (``YAMLEventReader/advance()``): names and
/// declared words are matched on the scalar's bytes and the common values (booleans, plain
/// numbers, words, lists of words) coded straight from them, so that a document of the common
/// form makes no text and no node. A document with anything unusual — an unknown key or fact, a
/// value that does not fit, a duplicate, an anchor, an alias, a tag, a syntax error — is read
/// again through ``YAMLParser`` and ``ProfileLoader``, so that its value or its diagnostics are
/// exactly theirs.
final class PieceDecoder {
    /// What the decoder produces.
    enum Output {
        /// A ``Profile`` (or the problems) for each document.
        case profiles
        /// A row of a ``FactTable`` for each document, and the problems of those that could not be read.
        case table
    }

    /// Why the fast path gives up on a document.
    private struct Fallback: Error {}

    /// The last document read, kept until the reader has moved past it: an error found right
    /// after a document sends it to the slow path with the rest.
    private enum Pending {
        /// Decoded by the fast path, into `document`.
        case fast
        /// To read the slow way; it starts at this line (1-based).
        case slow(line: Int)
    }

    let file: SourceFile
    let bytes: Range<Int>
    let lineOffset: Int
    let lineStarts: [Int]
    let pack: RulePack
    let catalogue: ProfileLoader.Catalogue
    let limits: YAMLLimits
    let output: Output
    private let reader: YAMLEventReader
    /// The document being decoded; used by one thread, and on every fact: no dynamic
    /// exclusivity check.
    @exclusivity(unchecked) private var document: DecodedDocument
    /// The profiles, for ``Output/profiles``.
    private(set) var results: [Result<Profile, DiagnosticList>] = []
    /// The rows, for ``Output/table``; used by one thread, and on every fact: no dynamic
    /// exclusivity check.
    @exclusivity(unchecked) private(set) var table: FactTable
    /// The problems of the table's rows that could not be read, by row.
    private(set) var failures: [Int: DiagnosticList] = [:]
    /// Documents to read the slow way: the line where each starts (1-based), and its slot (its
    /// index in `results` or its row in `table`).
    private var slow: [(line: Int, slot: Int)] = []
    /// The start line of each document, in order, to know where a slow one ends.
    private var starts: [Int] = []

    init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, lineStarts: [Int], pack: RulePack,
         catalogue: ProfileLoader.Catalogue, limits: YAMLLimits, output: Output) {
        self.file = file
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.lineStarts = lineStarts
        self.pack = pack
        self.catalogue = catalogue
        self.limits = limits
        self.output = output
        reader = YAMLEventReader(file: file, bytes: bytes, lineOffset: lineOffset, maxScalarBytes: limits.maxScalarBytes)
        document = DecodedDocument(factCount: catalogue.names.count)
        table = FactTable(catalogue: pack.facts)
    }

    /// Decodes every document of the piece, into ``results`` or ``table`` and ``failures``.
    func run() {
        guard reader.advance() == .streamStart else {
            slowRemainder(fromLine: lineOffset + 1)
            return
        }
        var pending: Pending?
        while let kind = reader.advance() {
            switch kind {
            case .streamEnd:
                commit(pending)
                finishSlowDocuments(endByte: bytes.upperBound)
                return
            case .documentStart:
                commit(pending)
                let line = reader.startPosition.line
                starts.append(line)
                pending = .fast
                do {
                    guard !reader.isDecorated else { throw Fallback() }
                    try decodeDocument()
                } catch {
                    pending = .slow(line: line)
                    guard skipDocument() else {
                        slowRemainder(fromLine: line)
                        return
                    }
                }
            default:
                // Never after a document's end; read from the last document's start the slow way.
                slowRemainder(fromLine: starts.last ?? lineOffset + 1)
                return
            }
        }
        // libyaml stopped on an error: read from the last document's start the slow way.
        slowRemainder(fromLine: starts.last ?? lineOffset + 1)
    }

    // MARK: Output

    private func commit(_ pending: Pending?) {
        switch pending {
        case nil:
            break
        case .fast:
            switch output {
            case .profiles:
                results.append(.success(document.profile(source: file, catalogue: catalogue)))
            case .table:
                table.appendRow(kind: document.kind, date: document.assessedOn, given: document.given, codes: document.codes,
                                values: document.values)
            }
        case .slow(let line):
            switch output {
            case .profiles:
                results.append(.failure(DiagnosticList()))  // replaced when the slow read is done
                slow.append((line, results.count - 1))
            case .table:
                table.appendUnread()  // filled when the slow read is done
                slow.append((line, table.count - 1))
            }
        }
    }

    /// Puts the slow read of a document in the slot kept for it.
    private func fill(_ slot: Int, with result: Result<Profile, DiagnosticList>) {
        switch (output, result) {
        case (.profiles, _): results[slot] = result
        case (.table, .success(let profile)): table.fill(row: slot, with: profile, facts: pack.facts)
        case (.table, .failure(let list)): failures[slot] = list
        }
    }

    private func append(_ result: Result<Profile, DiagnosticList>) {
        switch (output, result) {
        case (.profiles, _):
            results.append(result)
        case (.table, .success(let profile)):
            table.append(profile, facts: pack.facts)
        case (.table, .failure(let list)):
            failures[table.count] = list
            table.appendUnread()
        }
    }

    // MARK: The slow path

    /// Skips to the end of the current document; false when libyaml stopped on an error.
    private func skipDocument() -> Bool {
        while let kind = reader.advance() {
            if kind == .documentEnd { return true }
        }
        return false
    }

    /// Reads the slow documents, each from its start to the start of the next document.
    private func finishSlowDocuments(endByte: Int) {
        for entry in slow {
            let position = starts.firstIndex(of: entry.line) ?? starts.count - 1
            let end = position + 1 < starts.count ? byte(ofLine: starts[position + 1]) : endByte
            let read = slowRead(from: byte(ofLine: entry.line), to: end, line: entry.line)
            fill(entry.slot, with: read.first ?? .failure(DiagnosticList()))
        }
        slow = []
    }

    /// Gives up on the fast path from `line` to the end of the piece: the documents before it
    /// are done, and each remaining one is read on its own, so that one error costs one document.
    private func slowRemainder(fromLine line: Int) {
        finishSlowDocuments(endByte: byte(ofLine: line))
        var segments = documentStartLines(after: line)
        segments.insert(line, at: 0)
        for (index, start) in segments.enumerated() {
            let end = index + 1 < segments.count ? byte(ofLine: segments[index + 1]) : bytes.upperBound
            for result in slowRead(from: byte(ofLine: start), to: end, line: start) { append(result) }
        }
    }

    /// The lines (1-based) after `line`, up to the end of the piece, where a document starts
    /// (``DocumentStartScanner``).
    private func documentStartLines(after line: Int) -> [Int] {
        var lines: [Int] = []
        var scanner = DocumentStartScanner()
        file.contents.withUnsafeBufferPointer { contents in
            var index = line  // 0-based index of the line after `line`
            while index < lineStarts.count, lineStarts[index] < bytes.upperBound {
                if let document = scanner.feed(lineAt: lineStarts[index], line: index, in: contents) {
                    lines.append(document.line + 1)
                }
                index += 1
            }
        }
        return lines
    }

    private func byte(ofLine line: Int) -> Int {
        max(bytes.lowerBound, min(line - 1 < lineStarts.count ? lineStarts[line - 1] : bytes.upperBound, bytes.upperBound))
    }

    /// The tree parser and the profile loader on some bytes: their exact diagnostics.
    private func slowRead(from start: Int, to end: Int, line: Int) -> [Result<Profile, DiagnosticList>] {
        guard start < end else { return [] }
        let (documents, diagnostics) = YAMLParser.parse(file, bytes: start..<end, lineOffset: line - 1, lineStarts: lineStarts,
                                                        limits: limits)
        let errors = diagnostics.filter { $0.severity == .error }
        // A document with a YAML error fails as a whole; the documents before it still count.
        let firstErrorLine = errors.compactMap { $0.location?.range.start.line }.min() ?? Int.max
        var results = documents.filter { errors.isEmpty || $0.location.range.end.line < firstErrorLine }
            .map { ProfileLoader.load(profile: $0, file: file, pack: pack, catalogue: catalogue) }
        if !errors.isEmpty { results.append(.failure(DiagnosticList(errors))) }
        return results
    }

    // MARK: The fast path

    /// A profile's sections, and their names by bytes in the same order (``FileFormat/profileKeys``).
    private static let sections = FileFormat.ProfileSection.allCases
    private static let sectionNames = ByteNameIndex(FileFormat.profileKeys)
    /// The bit of `organisation` among the sections a document gives.
    private static let organisationBit: UInt8 = 1 << sections.firstIndex(of: .organisation)!
    /// The fields of an organisation, and their names by bytes in the same order.
    private static let organisationFields = FileFormat.OrganisationField.allCases
    private static let organisationFieldNames = ByteNameIndex(FileFormat.organisationKeys)
    /// The bit of `name` among the fields an organisation gives.
    private static let nameBit: UInt8 = 1 << organisationFields.firstIndex(of: .name)!
    /// The two spellings of a boolean the fast path reads: `true` (position 0) and `false`.
    private static let booleanWords = ByteNameIndex(["true", "false"])

    /// The next event's kind, or `Fallback` for an event with a tag or an anchor, an alias, or
    /// the end of what libyaml could read.
    private func nextEvent() throws -> YAMLEventReader.Event.Kind {
        guard let kind = reader.advance(), !reader.isDecorated else { throw Fallback() }
        return kind
    }

    /// The next key of a mapping whose keys are the names of `names`: its position there (trying
    /// `guess` first), `nil` at the mapping's end, `Fallback` for any other key (not a plain
    /// scalar, or a name `names` lacks).
    private func nextKey(in names: ByteNameIndex, guess: Int = -1) throws -> Int? {
        let key = try nextEvent()
        if key == .mappingEnd { return nil }
        guard key == .scalar, reader.isPlainScalar, let position = names.position(of: reader.scalarBytes, guess: guess) else {
            throw Fallback()
        }
        return position
    }

    /// Sets the bit of `position` in `seen`; `Fallback` when it was set (a key given twice).
    private static func markOnce(_ position: Int, in seen: inout UInt8) throws {
        guard seen & 1 << position == 0 else { throw Fallback() }
        seen |= 1 << position
    }

    /// Whether the current event is a plain null scalar (`~`, `null`, or nothing).
    private var isNull: Bool { reader.isPlainScalar && YAMLScalar.isNullWord(reader.scalarBytes) }

    /// The current scalar's text.
    private var text: String { String(decoding: reader.scalarBytes, as: UTF8.self) }

    /// One document into `document`, or `Fallback`.
    private func decodeDocument() throws {
        guard try nextEvent() == .mappingStart else { throw Fallback() }
        document.start()
        var seen: UInt8 = 0  // a bit for each section given
        while let position = try nextKey(in: Self.sectionNames) {
            try Self.markOnce(position, in: &seen)
            switch Self.sections[position] {
            case .organisation: try decodeOrganisation()
            case .facts: try decodeFacts()
            case .evidence: try decodeEvidence()
            case .summary: throw Fallback()  // the consultant's text is rare in batches: the tree reader reads it
            }
        }
        guard seen & Self.organisationBit != 0, try nextEvent() == .documentEnd else { throw Fallback() }
    }

    private func decodeOrganisation() throws {
        guard try nextEvent() == .mappingStart else { throw Fallback() }
        var seen: UInt8 = 0  // a bit for each field given
        while let position = try nextKey(in: Self.organisationFieldNames) {
            try Self.markOnce(position, in: &seen)
            guard try nextEvent() == .scalar else { throw Fallback() }
            switch Self.organisationFields[position] {
            case .name:
                guard !isNull, !Self.isBlank(reader.scalarBytes) else { throw Fallback() }
                if output == .profiles { document.name = text }
            case .kind:
                let kind = text
                guard !isNull, pack.metadata.organisationKinds.contains(kind) else { throw Fallback() }
                document.kind = kind
            case .assessedOn:
                let date = text
                guard NodeReader.isISODate(date) else { throw Fallback() }
                document.assessedOn = date
            }
        }
        guard seen & Self.nameBit != 0 else { throw Fallback() }
    }

    /// Whether a name is empty or only white space (``Character/isWhitespace``).
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
        }
        return bytes.allSatisfy { $0 == 0x20 || (0x09...0x0D).contains($0) }
    }

    private func decodeFacts() throws {
        let start = try nextEvent()
        if start == .scalar, isNull { return }
        guard start == .mappingStart else { throw Fallback() }
        document.hasFacts = true
        var guess = 0
        while let fact = try nextKey(in: catalogue.nameIndex, guess: guess) {
            guard document.markSeen(fact) else { throw Fallback() }
            guess = fact + 1
            switch try nextEvent() {
            case .scalar:
                if let code = commonCode(fact: fact) {
                    document.set(fact, code: code)
                } else {
                    try readUncommonScalar(fact: fact)
                }
            case .sequenceStart:
                document.set(fact, code: try wordSet(fact: fact))
            default:
                throw Fallback()
            }
        }
    }

    /// The code of the current scalar when it is of the most common forms for the fact: `true`
    /// or `false`, a whole or decimal number within the fact's range, one of the fact's words.
    /// `nil` leaves the scalar to ``NodeReader``, which gives the value or the diagnostic.
    private func commonCode(fact: Int) -> FactCode? {
        let scalar = reader.scalarBytes
        let plain = reader.isPlainScalar
        switch catalogue.answers[fact] {
        case .boolean:
            guard plain else { return nil }
            return Self.booleanWords.position(of: scalar, guess: -1).map { FactCode(kind: .boolean, payload: $0 == 0 ? 1 : 0) }
        case .number(let whole):
            guard plain, let number = PlainNumber.read(scalar, allowingFraction: !whole) else { return nil }
            if let range = catalogue.ranges[fact], !range.contains(number) { return nil }
            return FactCode(kind: .number, payload: (number == 0 ? 0 : number).bitPattern)
        case .word:
            if plain && YAMLScalar.isNullWord(scalar) { return nil }
            return catalogue.wordIndexes[fact].position(of: scalar, guess: -1).map { FactCode(kind: .word, payload: UInt64($0)) }
        case .words, .text, .date:
            return nil  // the node reader's
        }
    }

    /// A scalar of another form (a text, a date, a value the node reader refuses or reads as
    /// null), read as the profile loader reads it.
    private func readUncommonScalar(fact: Int) throws {
        let event = reader.currentEvent()
        let node = YAMLNode(.scalar(YAMLScalar(text: event.text, style: event.style)),
                            location: SourceLocation(file: file, range: SourceRange(start: event.start, end: event.end)))
        // A reader of its own: any diagnostic sends the document to the slow path, and must not
        // send the next ones there too.
        var nodeReader = NodeReader(languages: pack.metadata.languages)
        let value = nodeReader.factValue(node, for: catalogue.definitions[fact])
        guard nodeReader.diagnostics.isEmpty else { throw Fallback() }
        if case .some(.some(let known)) = value {
            document.set(fact, code: FactCode(known, values: catalogue.words[fact]), value: known)
        }
    }

    /// A list of the fact's declared words as a set fact's code (the sequence's start read);
    /// `Fallback` for anything else (another type of fact, a null item, a word out of the list),
    /// which the profile loader reads or reports.
    private func wordSet(fact: Int) throws -> FactCode {
        guard catalogue.answers[fact] == .words, catalogue.words[fact].count <= 64 else { throw Fallback() }
        var mask: UInt64 = 0
        while true {
            let item = try nextEvent()
            if item == .sequenceEnd { return FactCode(kind: .words, payload: mask) }
            guard item == .scalar, !isNull,
                  let position = catalogue.wordIndexes[fact].position(of: reader.scalarBytes, guess: -1) else { throw Fallback() }
            mask |= 1 << UInt64(position)
        }
    }

    private func decodeEvidence() throws {
        let start = try nextEvent()
        if start == .scalar, isNull { return }
        guard start == .mappingStart else { throw Fallback() }
        var seen = Set<Int>()
        while let fact = try nextKey(in: catalogue.nameIndex) {
            guard seen.insert(fact).inserted, try nextEvent() == .scalar, !isNull else { throw Fallback() }
            if output == .profiles { document.evidence[catalogue.names[fact]] = text }
        }
    }
}
