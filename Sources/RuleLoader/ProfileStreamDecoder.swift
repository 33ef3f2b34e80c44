import Diagnostics
import Parallel
import RuleModel
import YAML

/// Reads a file of profiles (one per YAML document) on every core, in pieces of whole documents
/// that ``PieceDecoder`` reads straight from libyaml's events; a document with anything unusual
/// is read again through ``YAMLParser`` and ``ProfileLoader``, so that its diagnostics are
/// exactly theirs.
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
        let pieces = cuts(file, lineStarts: lineStarts)
        let all = concurrentMap(count: pieces.count) { index in
            let decoder = PieceDecoder(file: file, bytes: pieces[index].bytes, lineOffset: pieces[index].line,
                                       lineStarts: lineStarts, pack: pack, catalogue: catalogue, limits: limits, output: .profiles)
            decoder.run()
            return decoder.results
        }.flatMap { $0 }
        return all.isEmpty ? [.failure(noDocument(file))] : all
    }

    /// The profiles of `file` as rows of a ``FactTable`` (a row for each document, in order), and
    /// the problems of each document that could not be read, by row: what a batch that only
    /// decides needs. Each piece of the file is decoded and tabulated on its core, with no
    /// dictionary of facts built for the documents of the common form.
    public static func decodeTable(_ file: SourceFile, pack: RulePack, catalogue: ProfileLoader.Catalogue,
                                   limits: YAMLLimits = .default) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        TablePieces(file, pack: pack, catalogue: catalogue, limits: limits).decode()
    }

    /// A file of profiles checked and cut into pieces of whole documents, ready to be decoded into
    /// the rows of a ``FactTable`` on every core: a batch prepares its next window this way on
    /// another thread while the cores decode the one before.
    public struct TablePieces: Sendable {
        private enum Source: Sendable {
            /// The file's bytes, checked: pieces to decode.
            case cuts(lineStarts: [Int], cuts: [(bytes: Range<Int>, line: Int)])
            /// The file could not be read as a whole (a bad byte, say), or holds no document: its
            /// rows, already read.
            case read(table: FactTable, failures: [Int: DiagnosticList])
        }

        private let file: SourceFile
        private let pack: RulePack
        private let catalogue: ProfileLoader.Catalogue
        private let limits: YAMLLimits
        private let source: Source

        /// Checks `file` (size, encoding) and cuts it at document starts.
        public init(_ file: SourceFile, pack: RulePack, catalogue: ProfileLoader.Catalogue, limits: YAMLLimits = .default) {
            self.file = file
            self.pack = pack
            self.catalogue = catalogue
            self.limits = limits
            var problems = DiagnosticList()
            if let lineStarts = YAMLParser.check(file, limits: limits, into: &problems) {
                source = .cuts(lineStarts: lineStarts, cuts: ProfileStreamDecoder.cuts(file, lineStarts: lineStarts))
            } else {
                let read = ProfileStreamDecoder.tabulate(ProfileStreamDecoder.decode(file, pack: pack, catalogue: catalogue, limits: limits), pack: pack)
                source = .read(table: read.table, failures: read.failures)
            }
        }

        /// The rows of the file (a row for each document, in order) and the problems of those
        /// that could not be read, by row; the pieces are decoded on every core.
        public func decode() -> (table: FactTable, failures: [Int: DiagnosticList]) {
            let count = switch source {
            case .cuts(_, let cuts): cuts.count
            case .read: 1
            }
            let parts = concurrentMap(count: count) { decodePiece($0) }
            var table = FactTable(catalogue: pack.facts)
            var failures: [Int: DiagnosticList] = [:]
            for part in parts {
                for (row, list) in part.failures { failures[table.count + row] = list }
                table.append(contentsOf: part.table)
            }
            // A file with no document gives one row, its problem.
            guard table.count > 0 else { return ProfileStreamDecoder.tabulate([.failure(ProfileStreamDecoder.noDocument(file))], pack: pack) }
            return (table, failures)
        }

        /// The rows of piece `index` and the problems of those that could not be read, by row of
        /// the piece.
        private func decodePiece(_ index: Int) -> (table: FactTable, failures: [Int: DiagnosticList]) {
            switch source {
            case .read(let table, let failures):
                return (table, failures)
            case .cuts(let lineStarts, let cuts):
                let decoder = PieceDecoder(file: file, bytes: cuts[index].bytes, lineOffset: cuts[index].line,
                                           lineStarts: lineStarts, pack: pack, catalogue: catalogue, limits: limits, output: .table)
                decoder.run()
                return (decoder.table, decoder.failures)
            }
        }
    }

    /// About how many bytes a piece holds: small enough that the cores finish a window at nearly
    /// the same time, large enough that starting a piece (a parser, a table) costs little beside it.
    public static let pieceBytes = 128 << 10

    /// Where to cut `file` into pieces of about ``pieceBytes``, at document starts.
    private static func cuts(_ file: SourceFile, lineStarts: [Int]) -> [(bytes: Range<Int>, line: Int)] {
        YAMLParser.documentCuts(file, lineStarts: lineStarts, pieces: max(2, file.contents.count / pieceBytes))
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
