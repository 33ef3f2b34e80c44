import Diagnostics
import RuleModel
import YAML

/// A window of a stream of profiles, checked (size, encoding, line starts) and cut at document
/// starts into pieces before any pack is known: a ``ProfileStreamReader`` prepares each on its
/// reading thread, the first one while the pack loads, and ``ProfileStreamDecoder`` decodes the
/// pieces on every core.
public struct ProfileWindow: Sendable {
    /// The window's bytes, as a file whose lines are those of the whole stream.
    public let file: SourceFile
    /// The limits the window was checked against, and its documents are read within.
    public let limits: YAMLLimits
    /// The window's line starts and its pieces (bytes, and the line of the window each starts
    /// at); `nil` when the window failed the check, whose documents are then read one by one so
    /// that a bad byte fails its own document only.
    let pieces: (lineStarts: [Int], cuts: [(bytes: Range<Int>, line: Int)])?
    /// What the check found, when the window failed it: the window's problem when it holds a
    /// single document (several are read one by one instead).
    let problems: DiagnosticList

    /// How many bytes a piece holds at least, before it is made up to whole blocks of documents:
    /// small enough that the cores finish a step at nearly the same time (a piece of the peer
    /// workload, 64 documents of about 56 KB, decodes in about 1 ms), large enough that starting a
    /// piece (a parser, a table) costs little beside it. Pieces of 128 KB left the cores
    /// waiting longer at the end of each step than the extra starts cost.
    public static let pieceBytes = 32 << 10

    /// Checks `file` against `limits` and cuts it into pieces of about ``pieceBytes`` or a little
    /// more, each but the last of whole blocks of the block evaluator (``FactTable/chunkSize``
    /// documents) where documents start with `---`.
    public init(_ file: SourceFile, limits: YAMLLimits = .default) {
        self.file = file
        self.limits = limits
        var problems = DiagnosticList()
        pieces = YAMLParser.check(file, limits: limits, into: &problems).map { lineStarts in
            (lineStarts, YAMLParser.documentCuts(file, lineStarts: lineStarts, pieces: max(2, file.contents.count / Self.pieceBytes),
                                                 documentsPerBlock: FactTable.chunkSize))
        }
        self.problems = problems
    }
}
