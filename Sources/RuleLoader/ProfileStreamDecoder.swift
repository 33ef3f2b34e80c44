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
        decode(ProfileWindow(file, limits: limits), pack: pack, catalogue: catalogue)
    }

    /// The profiles of a window, in document order, its pieces decoded on every core; a window
    /// that cannot be read gives one failure.
    public static func decode(_ window: ProfileWindow, pack: RulePack, catalogue: ProfileLoader.Catalogue) -> [Result<Profile, DiagnosticList>] {
        let file = window.file
        guard let (lineStarts, cuts) = window.pieces else {
            // A bad byte fails its own document, not the others of the window.
            let documents = documentRanges(file)
            guard documents.count > 1 else { return [.failure(window.problems)] }
            return documents.flatMap { range in
                let part = SourceFile(path: file.path, contents: Array(file.contents[range.bytes]), firstLine: file.firstLine + range.line)
                return decode(part, pack: pack, catalogue: catalogue, limits: window.limits)
            }
        }
        let all = concurrentMap(count: cuts.count) { index in
            decodedPiece(index, of: window, lineStarts: lineStarts, cuts: cuts, pack: pack, catalogue: catalogue, output: .profiles).results
        }.flatMap { $0 }
        return all.isEmpty ? [.failure(noDocument(file))] : all
    }

    /// The profiles of `file` as rows of a ``FactTable`` (a row for each document, in order), and
    /// the problems of each document that could not be read, by row: what a batch that only
    /// decides needs.
    public static func decodeTable(_ file: SourceFile, pack: RulePack, catalogue: ProfileLoader.Catalogue,
                                   limits: YAMLLimits = .default) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        decodeTable(ProfileWindow(file, limits: limits), pack: pack, catalogue: catalogue)
    }

    /// The profiles of a window as rows of a ``FactTable``, and the problems of each document that
    /// could not be read, by row. Each piece is decoded and tabulated on its core, with no
    /// dictionary of facts built for the documents of the common form (``WindowTableDecoding``).
    public static func decodeTable(_ window: ProfileWindow, pack: RulePack,
                                   catalogue: ProfileLoader.Catalogue) -> (table: FactTable, failures: [Int: DiagnosticList]) {
        let decoding = WindowTableDecoding(.success(window), pack: pack, catalogue: catalogue)
        return decoding.assemble(concurrentMap(count: decoding.taskCount) { decoding.decode(task: $0) })
    }

    /// Piece `index` of a window, read from libyaml's events into `output`.
    static func decodedPiece(_ index: Int, of window: ProfileWindow, lineStarts: [Int], cuts: [(bytes: Range<Int>, line: Int)],
                             pack: RulePack, catalogue: ProfileLoader.Catalogue, output: PieceDecoder.Output) -> PieceDecoder {
        let decoder = PieceDecoder(file: window.file, bytes: cuts[index].bytes, lineOffset: cuts[index].line, lineStarts: lineStarts,
                                   pack: pack, catalogue: catalogue, limits: window.limits, output: output)
        decoder.run()
        return decoder
    }

    /// The problem of a file that holds no document.
    static func noDocument(_ file: SourceFile) -> DiagnosticList {
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
