import Diagnostics
import Parallel
import Dispatch
import RuleModel
import YAML

/// Reads a file of profiles (one per YAML document) on every core, going straight from libyaml's
/// events to profiles. A document with anything unusual — an unknown key or fact, a value that
/// does not fit, a duplicate, an anchor, an alias, a tag, a syntax error — is read again through
/// ``YAMLParser`` and ``ProfileLoader``, so that its diagnostics are exactly theirs.
public enum ProfileStreamDecoder {
    /// The profiles of `file`, in document order; a file that cannot be read gives one failure.
    public static func decode(_ file: SourceFile, pack: RulePack, catalogue: ProfileLoader.Catalogue,
                              limits: YAMLLimits = .default) -> [Result<Profile, DiagnosticList>] {
        var problems = DiagnosticList()
        guard let lineStarts = YAMLParser.check(file, limits: limits, into: &problems) else {
            // A bad byte fails its own document, not the others of the window.
            let documents = documentRanges(file)
            guard documents.count > 1 else { return [.failure(problems)] }
            return documents.flatMap { range in
                let window = SourceFile(path: file.path, contents: Array(file.contents[range.bytes]), firstLine: file.firstLine + range.line)
                return decode(window, pack: pack, catalogue: catalogue, limits: limits)
            }
        }
        let pieces = YAMLParser.documentCuts(file, lineStarts: lineStarts, pieces: 8)
        let all = concurrentMap(count: pieces.count) { index in
            var decoder = PieceDecoder(file: file, bytes: pieces[index].bytes, lineOffset: pieces[index].line,
                                       lineStarts: lineStarts, pack: pack, catalogue: catalogue, limits: limits)
            return decoder.run()
        }.flatMap { $0 }
        return all.isEmpty ? [.failure(noDocument(file))] : all
    }

    /// The profiles of `file` as rows of a ``FactTable`` (a row for each document, in order), and
    /// the problems of each document that could not be read, by row: what a batch that only
    /// decides needs. Each piece of the file is decoded and tabulated on its core, with no
    /// dictionary of facts built for the documents of the common form.
    public static func decodeTable(_ file: SourceFile, pack: RulePack, catalogue: ProfileLoader.Catalogue,
                                   limits: YAMLLimits = .default) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        var problems = DiagnosticList()
        guard let lineStarts = YAMLParser.check(file, limits: limits, into: &problems) else {
            return tabulate(decode(file, pack: pack, catalogue: catalogue, limits: limits), pack: pack)
        }
        let pieces = YAMLParser.documentCuts(file, lineStarts: lineStarts, pieces: 8)
        let parts = concurrentMap(count: pieces.count) { index in
            var decoder = PieceDecoder(file: file, bytes: pieces[index].bytes, lineOffset: pieces[index].line,
                                       lineStarts: lineStarts, pack: pack, catalogue: catalogue, limits: limits, indexedOnly: true)
            return tabulate(decoder.run(), pack: pack)
        }
        guard parts.contains(where: { $0.table.count > 0 }) else { return tabulate([.failure(noDocument(file))], pack: pack) }
        var table = FactTable(catalogue: pack.facts)
        var failures: [Int: DiagnosticList] = [:]
        for part in parts {
            for (row, list) in part.failures { failures[table.count + row] = list }
            table.append(contentsOf: part.table)
        }
        return (table, failures)
    }

    /// Results as table rows, and the problems of the failed ones by row.
    private static func tabulate(_ results: [Result<Profile, DiagnosticList>], pack: RulePack)
        -> (table: FactTable, failures: [Int: DiagnosticList]) {
        var table = FactTable(catalogue: pack.facts)
        var failures: [Int: DiagnosticList] = [:]
        for result in results {
            switch result {
            case .success(let profile):
                table.append(profile, facts: pack.facts)
            case .failure(let list):
                failures[table.count] = list
                table.appendUnread()
            }
        }
        return (table, failures)
    }

    private static func noDocument(_ file: SourceFile) -> DiagnosticList {
        let start = SourceLocation(file: file, range: SourceRange(line: 1, column: 1))
        return DiagnosticList([.error(YAMLDiagnosticCode.emptyDocument, "the file holds no YAML document; expected a mapping", at: start)])
    }

    /// Where each document of `file` starts and ends (``DocumentStartScanner``), with the index of
    /// its first line, read from the raw bytes (which need not be valid UTF-8).
    private static func documentRanges(_ file: SourceFile) -> [(bytes: Range<Int>, line: Int)] {
        let lines = LineIndex(file)
        var starts: [(offset: Int, line: Int)] = []
        var scanner = DocumentStartScanner()
        file.contents.withUnsafeBufferPointer { bytes in
            for line in 0..<lines.count {
                guard let offset = lines.offset(ofLine: line + 1),
                      let start = scanner.feed(lineAt: offset, line: line, in: bytes) else { continue }
                starts.append(start)
            }
        }
        if starts.first?.offset != 0 { starts.insert((0, 0), at: 0) }
        return starts.enumerated().map { index, start in
            let end = index + 1 < starts.count ? starts[index + 1].offset : file.contents.count
            return (start.offset..<end, start.line)
        }.filter { !$0.bytes.isEmpty }
    }
}

/// Decodes the documents of one piece of a stream.
private struct PieceDecoder {
    /// Why the fast path gives up on a document.
    private struct Fallback: Error {}

    let file: SourceFile
    let bytes: Range<Int>
    let lineOffset: Int
    let lineStarts: [Int]
    let pack: RulePack
    let catalogue: ProfileLoader.Catalogue
    let limits: YAMLLimits
    /// Whether the fast path fills only the profile's indexed facts, for a ``FactTable``: its
    /// profiles then never leave the decoder.
    let indexedOnly: Bool
    private let reader: YAMLEventReader
    private var results: [Result<Profile, DiagnosticList>] = []
    /// Documents to read the slow way: the line where each starts (1-based), and its index in `results`.
    private var slow: [(line: Int, index: Int)] = []
    /// The start line of each document, in order, to know where a slow one ends.
    private var starts: [Int] = []

    init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, lineStarts: [Int], pack: RulePack,
         catalogue: ProfileLoader.Catalogue, limits: YAMLLimits, indexedOnly: Bool = false) {
        self.indexedOnly = indexedOnly
        self.file = file
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.lineStarts = lineStarts
        self.pack = pack
        self.catalogue = catalogue
        self.limits = limits
        reader = YAMLEventReader(file: file, bytes: bytes, lineOffset: lineOffset, maxScalarBytes: limits.maxScalarBytes)
    }

    mutating func run() -> [Result<Profile, DiagnosticList>] {
        // The line starts libyaml's line numbers map back to end lines where libyaml does
        // (``LineIndex``: a lone CR, NEL, LS and PS too).
        guard reader.next()?.kind == .streamStart else {
            return slowRemainder(fromLine: lineOffset + 1)
        }
        while let event = reader.next() {
            switch event.kind {
            case .streamEnd:
                finishSlowDocuments(endByte: bytes.upperBound)
                return results
            case .documentStart:
                starts.append(event.start.line)
                if event.isDecorated {
                    markSlow(line: event.start.line)
                    guard skipDocument() else { return slowRemainder(fromLine: event.start.line) }
                    continue
                }
                do {
                    results.append(.success(try document()))
                } catch {
                    markSlow(line: event.start.line)
                    guard skipDocument() else { return slowRemainder(fromLine: event.start.line) }
                }
            default:
                return slowRemainder(fromLine: event.start.line)
            }
        }
        // libyaml stopped on an error: read from the last document's start the slow way.
        return slowRemainder(fromLine: starts.last ?? lineOffset + 1)
    }

    private mutating func markSlow(line: Int) {
        slow.append((line, results.count))
        results.append(.failure(DiagnosticList()))  // replaced when the slow read is done
    }

    /// Skips to the end of the current document; false when libyaml stopped on an error.
    private func skipDocument() -> Bool {
        while let event = reader.next() {
            if event.kind == .documentEnd { return true }
        }
        return false
    }

    /// Reads the slow documents, each from its start to the start of the next document.
    private mutating func finishSlowDocuments(endByte: Int) {
        for entry in slow {
            let position = starts.firstIndex(of: entry.line) ?? starts.count - 1
            let end = position + 1 < starts.count ? byte(ofLine: starts[position + 1]) : endByte
            let read = slowRead(from: byte(ofLine: entry.line), to: end, line: entry.line)
            results[entry.index] = read.first ?? .failure(DiagnosticList())
        }
        slow = []
    }

    /// Gives up on the fast path from `line` to the end of the piece.
    private mutating func slowRemainder(fromLine line: Int) -> [Result<Profile, DiagnosticList>] {
        // Documents before `line` are done; drop any result of the document that starts there.
        if let last = starts.last, last == line, results.count == starts.count { results.removeLast() }
        slow.removeAll { $0.line >= line }
        finishSlowDocuments(endByte: byte(ofLine: line))
        // Each remaining document on its own, so that one error costs one document.
        var segments = documentStartLines(after: line)
        segments.insert(line, at: 0)
        for (index, start) in segments.enumerated() {
            let end = index + 1 < segments.count ? byte(ofLine: segments[index + 1]) : bytes.upperBound
            results += slowRead(from: byte(ofLine: start), to: end, line: start)
        }
        return results
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

    private func event() throws -> YAMLEventReader.Event {
        guard let event = reader.next(), !event.isDecorated, event.kind != .alias else { throw Fallback() }
        return event
    }

    private func location(_ start: SourcePosition, _ end: SourcePosition) -> SourceLocation {
        SourceLocation(file: file, range: SourceRange(start: start, end: end))
    }

    private func scalarNode(_ event: YAMLEventReader.Event) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: event.text, style: event.style)), location: location(event.start, event.end))
    }

    /// One document as a profile, or `Fallback`.
    private func document() throws -> Profile {
        guard try event().kind == .mappingStart else { throw Fallback() }
        var profile = Profile(name: "", source: file)
        var seen: [String] = []  // a few keys: scanned, not hashed
        var hasOrganisation = false
        while true {
            let key = try event()
            if key.kind == .mappingEnd { break }
            guard key.kind == .scalar, key.style == .plain, !seen.contains(key.text) else { throw Fallback() }
            seen.append(key.text)
            switch FileFormat.ProfileSection(rawValue: key.text) {
            case .organisation:
                try organisation(into: &profile)
                hasOrganisation = true
            case .facts: try facts(into: &profile)
            case .evidence: try evidence(into: &profile)
            case .summary, nil: throw Fallback()  // the consultant's text is rare in batches: the tree reader reads it
            }
        }
        guard hasOrganisation, try event().kind == .documentEnd else { throw Fallback() }
        return profile
    }

    private func organisation(into profile: inout Profile) throws {
        guard try event().kind == .mappingStart else { throw Fallback() }
        var seen: [String] = []
        var hasName = false
        while true {
            let key = try event()
            if key.kind == .mappingEnd { break }
            let value = try event()
            guard key.kind == .scalar, key.style == .plain, value.kind == .scalar, !seen.contains(key.text) else { throw Fallback() }
            seen.append(key.text)
            let isNull = value.style == .plain && YAMLScalar.isNullWord(value.text)
            switch FileFormat.OrganisationField(rawValue: key.text) {
            case .name:
                guard !isNull, !value.text.allSatisfy(\.isWhitespace) else { throw Fallback() }
                profile.name = value.text
                hasName = true
            case .kind:
                guard !isNull, pack.metadata.organisationKinds.contains(value.text) else { throw Fallback() }
                profile.kind = value.text
            case .assessedOn:
                guard NodeReader.isISODate(value.text) else { throw Fallback() }
                profile.assessedOn = value.text
            case nil:
                throw Fallback()
            }
        }
        guard hasName else { throw Fallback() }
    }

    private func facts(into profile: inout Profile) throws {
        let start = try event()
        if start.kind == .scalar, scalarNode(start).isNull { return }
        guard start.kind == .mappingStart else { throw Fallback() }
        var facts: [String: Value] = [:]
        if !indexedOnly { facts.reserveCapacity(catalogue.names.count) }
        var indexed = catalogue.template
        var seen = [Bool](repeating: false, count: indexed.values.count)
        var reader = NodeReader(languages: pack.metadata.languages)
        var guess = 0
        while true {
            let key = try event()
            if key.kind == .mappingEnd { break }
            guard key.kind == .scalar, key.style == .plain, let index = catalogue.index(of: key.text, guess: guess), !seen[index] else {
                throw Fallback()
            }
            seen[index] = true
            guess = index + 1
            let valueEvent = try event()
            // The definition's fields one by one: copying the whole definition costs more than reading the value.
            if valueEvent.kind == .scalar,
               let known = Self.commonValue(valueEvent, answer: catalogue.answers[index], range: catalogue.definitions[index].range,
                                            values: catalogue.definitions[index].values) {
                if !indexedOnly { facts[key.text] = known }
                indexed.set(index, to: known, words: catalogue.words[index])
                continue
            }
            let node: YAMLNode
            switch valueEvent.kind {
            case .scalar:
                node = scalarNode(valueEvent)
            case .sequenceStart:
                var items: [YAMLEventReader.Event] = []
                var last = valueEvent
                while true {
                    let item = try event()
                    if item.kind == .sequenceEnd {
                        last = item
                        break
                    }
                    guard item.kind == .scalar else { throw Fallback() }
                    items.append(item)
                }
                if let known = Self.commonSet(items, answer: catalogue.answers[index], values: catalogue.definitions[index].values) {
                    if !indexedOnly { facts[key.text] = known }
                    indexed.set(index, to: known, words: catalogue.words[index])
                    continue
                }
                node = YAMLNode(.sequence(items.map(scalarNode)), location: location(valueEvent.start, last.end))
            default:
                throw Fallback()
            }
            let value = reader.factValue(node, for: catalogue.definitions[index])
            guard reader.diagnostics.isEmpty else { throw Fallback() }
            if case .some(.some(let known)) = value {
                if !indexedOnly { facts[key.text] = known }
                indexed.set(index, to: known, words: catalogue.words[index])
            }
        }
        profile.facts = facts
        profile.indexedFacts = indexed
    }

    /// The value of a scalar of the most common forms, read without building a node: `true` or
    /// `false`, a whole or decimal number within the fact's range, one of the fact's words. `nil`
    /// leaves the scalar to ``NodeReader``, which gives the same value or the diagnostic.
    static func commonValue(_ event: YAMLEventReader.Event, answer: FactDefinition.FactType.AnswerForm, range: ClosedRange<Double>?,
                            values: [String]) -> Value? {
        let plain = event.style == .plain
        switch answer {
        case .boolean:
            guard plain else { return nil }
            return event.text == "true" ? .bool(true) : event.text == "false" ? .bool(false) : nil
        case .number(let whole):
            guard plain, let number = simpleNumber(event.text, allowingFraction: !whole) else { return nil }
            if let range, !range.contains(number) { return nil }
            return .number(number == 0 ? 0 : number)
        case .word:
            if plain && YAMLScalar.isNullWord(event.text) { return nil }
            return values.contains(event.text) ? .string(event.text) : nil
        case .words, .text, .date:
            return nil  // the node reader's
        }
    }

    /// The value of a list of a set fact's words, read without nodes; `nil` leaves it to
    /// ``NodeReader`` (a word out of the fact's values, a null item, another type of fact).
    static func commonSet(_ items: [YAMLEventReader.Event], answer: FactDefinition.FactType.AnswerForm, values: [String]) -> Value? {
        guard answer == .words else { return nil }
        var words: [String] = []
        for item in items {
            if item.style == .plain && YAMLScalar.isNullWord(item.text) { return nil }
            guard values.contains(item.text) else { return nil }
            if !words.contains(item.text) { words.append(item.text) }
        }
        return .set(words.sorted())
    }

    /// `-?D`, or with `allowingFraction` also `-?D.D`, with at most 15 digits in all: forms that
    /// YAML's core schema reads as the same number; anything else is `nil`.
    private static func simpleNumber(_ text: String, allowingFraction: Bool) -> Double? {
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var seenPoint = false
        for (position, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: "-") && position == 0 {
                negative = true
            } else if byte == UInt8(ascii: ".") && allowingFraction && !seenPoint && digits > 0 {
                seenPoint = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10, digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int(digit)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            }
        }
        guard digits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        // Both operands are exact (under 2^53 and 10^15), so the quotient is correctly rounded:
        // the double that the text denotes, as the node reader reads it.
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }

    private func evidence(into profile: inout Profile) throws {
        let start = try event()
        if start.kind == .scalar, scalarNode(start).isNull { return }
        guard start.kind == .mappingStart else { throw Fallback() }
        var seen = Set<String>()
        while true {
            let key = try event()
            if key.kind == .mappingEnd { break }
            let value = try event()
            guard key.kind == .scalar, key.style == .plain, catalogue.facts[key.text] != nil, seen.insert(key.text).inserted,
                  value.kind == .scalar, !scalarNode(value).isNull else { throw Fallback() }
            profile.evidence[key.text] = value.text
        }
    }
}
