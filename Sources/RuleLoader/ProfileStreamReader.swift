import CByteScan
import Diagnostics
import Foundation
import Parallel
import YAML

/// Reads a file of profiles (YAML documents separated by `---`) in windows of whole documents,
/// so that a batch of any length runs in bounded memory: each window is a ``ProfileWindow``,
/// checked and cut into pieces, whose file knows its first line, so diagnostics point at lines
/// of the whole file.
///
/// A window is cut before a line that starts a document (`---`, then a space or the end of the
/// line), never between a directive (`%YAML`) and the document it belongs to. Reads with
/// `read(2)`, so named pipes and process substitutions work too; a read that fails ends the file
/// with a diagnostic, and the document it cut short is dropped. When the process may use more
/// than one core, the next window is read, checked and cut ahead, from the moment the reader is
/// opened, so that this work overlaps the caller's (loading a pack, decoding the window before):
/// on a thread of its own, or in a task of the caller's own parallel work (``pendingRead``); on
/// one core, ``next(readingAheadOnItsThread:)`` does it.
public final class ProfileStreamReader {
    /// The size a window grows to before it is cut at its last document start.
    public static let defaultWindowBytes = 4 << 20

    /// The file's path, as given.
    public let path: String
    private let descriptor: Int32
    private let windowBytes: Int
    private let maxDocumentBytes: Int
    /// Bytes read and not handed out yet; they start at a line start.
    private var buffer: [UInt8] = []
    private var reachedEnd = false
    /// The error of the read that ended the file early, until it is reported.
    private var readError: Int32?
    /// The line of the file where `buffer` starts.
    private var bufferLine = 1
    /// How many windows were handed out.
    public private(set) var windowCount = 0
    /// Whether every byte of the file was handed out.
    public private(set) var isFinished = false
    /// How many windows were cut (one more than handed out while one is read ahead).
    private(set) var windowsCut = 0
    /// Whether the reader reads each next window ahead (``Cores/canOverlap``).
    private let readsAhead: Bool
    /// The window being read ahead.
    private var readAhead: BackgroundValue<Result<ProfileWindow, DiagnosticList>?>?
    /// Whether `readAhead` waits for the caller (``pendingRead``) rather than running on its own thread.
    private var readAheadWaitsForCaller = false
    /// Whether the end of the file was handed out.
    private var handedAll = false

    /// The reader as a read-ahead job on its own thread holds it: only one thread uses it at a time
    /// (``next(readingAheadOnItsThread:)`` waits for the job before it touches the reader).
    private struct ReadAheadHandle: @unchecked Sendable {
        let reader: ProfileStreamReader
    }

    /// The reader as a read-ahead job that waits for the caller holds it: unowned, since the job
    /// runs only through the reader (its `readAhead`, read by ``next(readingAheadOnItsThread:)``
    /// or by ``PendingRead/run()``), and a reader dropped before the job ran (a run that stopped
    /// early) is freed with it, its file closed.
    private struct UnownedReader: @unchecked Sendable {
        unowned let reader: ProfileStreamReader
    }

    /// The read of the next window, left for a task of the caller's own parallel work: the reader,
    /// shared with that task alone while the caller waits for it (the caller does not call
    /// ``next(readingAheadOnItsThread:)`` meanwhile).
    public struct PendingRead: @unchecked Sendable {
        fileprivate let reader: ProfileStreamReader

        /// Reads, checks and cuts the window ``next(readingAheadOnItsThread:)`` hands out next, on
        /// the calling thread.
        public func run() {
            _ = reader.readAhead?.value
        }
    }

    /// A reader of the file open as `descriptor` (``open(_:windowBytes:maxDocumentBytes:readsAhead:)``
    /// opens it; a test gives one positioned where it wants), which it closes when it ends.
    init(path: String, descriptor: Int32, windowBytes: Int, maxDocumentBytes: Int, readsAhead: Bool) {
        self.readsAhead = readsAhead
        self.path = path
        self.descriptor = descriptor
        self.windowBytes = windowBytes
        self.maxDocumentBytes = maxDocumentBytes
    }

    // No wait for a read ahead: one on its own thread holds the reader, so the reader ends only
    // once it is done (and may end on its thread, where waiting for it would never return); one
    // that waits for the caller ends, never run, with the reader.
    deinit { close(descriptor) }

    /// Opens `path` for reading, and, with `readsAhead`, starts reading its first window on
    /// another thread.
    /// - Parameters:
    ///   - windowBytes: about how many bytes a window holds (more when one document is longer).
    ///   - maxDocumentBytes: the longest document accepted; a longer one is reported and skipped.
    ///   - readsAhead: whether each window is read ahead, while the caller works on the one before
    ///     (``next(readingAheadOnItsThread:)`` says on which thread); by default, when the process
    ///     may use more than one core. Otherwise ``next(readingAheadOnItsThread:)`` reads the
    ///     window itself.
    public static func open(_ path: String, windowBytes: Int = defaultWindowBytes, maxDocumentBytes: Int = YAMLLimits.default.maxBytes,
                            readsAhead: Bool = Cores.canOverlap) -> Result<ProfileStreamReader, DiagnosticList> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "no such file '\(path)'", at: nil)]))
        }
        guard !isDirectory.boolValue else {
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "'\(path)' is a folder; expected a YAML file", at: nil)]))
        }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            return .failure(DiagnosticList([.error(LoaderCode.unreadableFile, "cannot read '\(path)': \(reason)", at: nil)]))
        }
        let reader = ProfileStreamReader(path: path, descriptor: descriptor, windowBytes: max(1, windowBytes),
                                         maxDocumentBytes: maxDocumentBytes, readsAhead: readsAhead)
        if readsAhead { reader.startReadAhead() }
        return .success(reader)
    }

    /// The next window of whole documents, a problem (a read error, or a document over the size
    /// limit, which is then skipped), or `nil` at the end of the file.
    ///
    /// A reader that reads ahead then starts on the window after: on a thread of its own, or, when
    /// `readingAheadOnItsThread` is `false`, when the caller runs ``pendingRead`` (in a task of its
    /// own parallel work, so that no third thread competes with its threads for the cores), else
    /// at the next call.
    public func next(readingAheadOnItsThread: Bool = true) -> Result<ProfileWindow, DiagnosticList>? {
        guard !handedAll else { return nil }
        let window: Result<ProfileWindow, DiagnosticList>?
        if let readAhead {
            window = readAhead.value
            self.readAhead = nil
        } else {
            window = preparedWindow()
        }
        windowCount = windowsCut
        isFinished = reachedEnd && buffer.isEmpty
        if window == nil || isFinished {
            handedAll = true
        } else if readsAhead {
            startReadAhead(onItsThread: readingAheadOnItsThread)
        }
        return window
    }

    /// The read of the window ``next(readingAheadOnItsThread:)`` hands out next, when it waits for
    /// the caller; `nil` when there is none (the whole file handed out, a reader that does not
    /// read ahead, or one that reads on its own thread).
    public var pendingRead: PendingRead? {
        readAhead != nil && readAheadWaitsForCaller ? PendingRead(reader: self) : nil
    }

    /// Starts reading and cutting the next window on another thread, or leaves it for the first
    /// read of its value.
    private func startReadAhead(onItsThread: Bool = true) {
        readAheadWaitsForCaller = !onItsThread
        if onItsThread {
            let handle = ReadAheadHandle(reader: self)
            readAhead = BackgroundValue(overlapping: true) { handle.reader.preparedWindow() }
        } else {
            let handle = UnownedReader(reader: self)
            readAhead = BackgroundValue(overlapping: false) { handle.reader.preparedWindow() }
        }
    }

    /// Reads and cuts the next window, then checks it and cuts it into pieces.
    private func preparedWindow() -> Result<ProfileWindow, DiagnosticList>? {
        cutWindow().map { $0.map { ProfileWindow($0) } }
    }

    /// Reads and cuts the next window (``next(readingAheadOnItsThread:)``).
    private func cutWindow() -> Result<SourceFile, DiagnosticList>? {
        fill(upTo: windowBytes)
        while true {
            if readError != nil { return readErrorWindow() }
            if buffer.isEmpty && reachedEnd { return nil }
            if reachedEnd && buffer.count <= maxDocumentBytes { return hand(upTo: buffer.count) }
            if let cut = Self.lastCut(in: buffer) {
                return cut > maxDocumentBytes ? oversized() : hand(upTo: cut)
            }
            if buffer.count > maxDocumentBytes { return oversized() }
            // One document so far, and more to read.
            fill(upTo: buffer.count + windowBytes)
        }
    }

    /// Reads until the buffer holds `count` bytes or the file ends, straight into a new buffer
    /// that starts with the bytes kept from the last one.
    private func fill(upTo count: Int) {
        guard !reachedEnd, buffer.count < count else { return }
        let kept = buffer
        var ended = false
        buffer = [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
            initialized = bytes.initialize(fromContentsOf: kept)
            while initialized < count {
                let got = read(descriptor, bytes.baseAddress! + initialized, count - initialized)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    if got < 0 { readError = errno }
                    ended = true
                    break
                }
                initialized += got
            }
        }
        reachedEnd = ended
    }

    /// After a read that failed: the whole documents read before it as a window, then the error,
    /// at the first line of the document it cut short, which is dropped (read in part, it could
    /// pass for a profile with facts left out).
    private func readErrorWindow() -> Result<SourceFile, DiagnosticList>? {
        if let cut = Self.lastCut(in: buffer) { return hand(upTo: cut) }
        let reason = String(cString: strerror(readError!))
        readError = nil
        let diagnostic: Diagnostic
        if windowsCut == 0 && buffer.isEmpty {
            diagnostic = .error(LoaderCode.unreadableFile, "cannot read '\(path)': \(reason)", at: nil)
        } else {
            let firstLineEnd = buffer.firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
            let quoted = SourceFile(path: path, contents: Array(buffer[0..<min(firstLineEnd, 200)]), firstLine: bufferLine)
            diagnostic = .error(LoaderCode.unreadableFile,
                                "cannot read '\(path)' past this document's start: \(reason); the rest of the file is not read",
                                at: SourceLocation(file: quoted, range: SourceRange(line: 1, column: 1)))
        }
        drop(buffer.count)
        windowsCut += 1
        return .failure(DiagnosticList([diagnostic]))
    }

    /// Hands out the first `count` bytes of the buffer as a window.
    private func hand(upTo count: Int) -> Result<SourceFile, DiagnosticList> {
        let firstLine = bufferLine
        bufferLine += Self.lineBreaks(in: buffer, before: count)
        // The buffer becomes the window, and the bytes after the cut (a small part) a new buffer:
        // no copy of the window is made.
        var contents = buffer
        buffer = Array(contents[count...])
        contents.removeSubrange(count...)
        windowsCut += 1
        return .success(SourceFile(path: path, contents: contents, firstLine: firstLine))
    }

    /// Reports the document at the start of the buffer as too long, and skips it.
    private func oversized() -> Result<SourceFile, DiagnosticList> {
        let firstLineEnd = buffer.firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
        let quoted = SourceFile(path: path, contents: Array(buffer[0..<min(firstLineEnd, 200)]), firstLine: bufferLine)
        var diagnostic = Diagnostic.error(
            YAMLDiagnosticCode.fileTooLarge, "this document is over the limit of \(maxDocumentBytes) bytes; it is skipped",
            at: SourceLocation(file: quoted, range: SourceRange(line: 1, column: 1)))
        // Drop whole lines until the next document starts, reading on as needed; give up on the
        // file when one line runs on for twice the limit (an endless line, `/dev/zero`): the time
        // and memory a file costs stay bounded.
        while true {
            if let cut = Self.firstCut(in: buffer) {
                drop(cut)
                break
            }
            let lastLineStart = (buffer.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            drop(lastLineStart)
            if reachedEnd {
                drop(buffer.count)
                break
            }
            if buffer.count > 2 * maxDocumentBytes {
                diagnostic.message = "this document is over the limit of \(maxDocumentBytes) bytes and one of its lines runs on "
                    + "past \(2 * maxDocumentBytes) bytes; the rest of the file is not read"
                drop(buffer.count)
                reachedEnd = true
                break
            }
            fill(upTo: buffer.count + windowBytes)
        }
        windowsCut += 1
        return .failure(DiagnosticList([diagnostic]))
    }

    private func drop(_ count: Int) {
        bufferLine += Self.lineBreaks(in: buffer, before: count)
        buffer.removeFirst(count)
    }

    // MARK: Where documents start

    /// The offsets (after the first byte) where a window may be cut: before each line that
    /// starts a document, or before the directives (`%`) that belong to it. With `requiringContent`,
    /// only after some content (not before the first document of a file that opens with comments).
    static func cuts(in bytes: [UInt8], requiringContent: Bool = true) -> [Int] {
        bytes.withUnsafeBufferPointer { cuts(in: $0, from: 0, requiringContent: requiringContent) }
    }

    /// The cuts of the lines from the one starting at `start` on, fed to a new scanner, with no
    /// content seen before `start` (offsets stay those of the whole buffer).
    private static func cuts(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, requiringContent: Bool) -> [Int] {
        var cuts: [Int] = []
        var scanner = DocumentStartScanner()
        var hasContent = !requiringContent
        var lineStart = start
        var line = 0
        while lineStart < buffer.count {
            let lineEnd = memchr(buffer.baseAddress! + lineStart, Int32(UInt8(ascii: "\n")), buffer.count - lineStart)
                .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress! } ?? buffer.count
            if let document = scanner.feed(lineAt: lineStart, line: line, in: buffer) {
                if document.offset > 0, hasContent { cuts.append(document.offset) }
                hasContent = true
            } else if !hasContent, buffer[lineStart] != UInt8(ascii: "%"), !DocumentStartScanner.isBlankOrComment(buffer, lineAt: lineStart) {
                hasContent = true
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return cuts
    }

    /// The last of ``cuts(in:requiringContent:)``, found from the marker before the last one: a
    /// marker resets what the scanner carries (``DocumentStartScanner``), and every line after one
    /// has content before it, so from there on the cuts are those of the whole buffer. (On the
    /// marker itself a new scanner may say otherwise, when directives come before it, but with no
    /// content seen yet that cut is never taken; every later cut lies after the marker.) Only when
    /// no cut follows that marker (directives without a document end before the last one), or the
    /// buffer holds fewer than two markers, is the whole buffer scanned: a window's cut costs a
    /// document or two of lines rather than all of them.
    static func lastCut(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            if let last = markerLine(before: buffer.count, in: buffer), let previous = markerLine(before: last, in: buffer),
               let cut = cuts(in: buffer, from: previous, requiringContent: true).last {
                return cut
            }
            return cuts(in: buffer, from: 0, requiringContent: true).last
        }
    }

    /// The start of the last line starting before `end` that is a document marker (`---`); the
    /// line feeds are found from the end with `memrchr`.
    private static func markerLine(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var lineStart = end
        while lineStart > 0 {
            // Back to the start of the line holding the byte before `lineStart`.
            lineStart = orgdiag_last_byte(base, lineStart - 1, UInt8(ascii: "\n")) + 1
            if DocumentStartScanner.isMarker(bytes, at: lineStart) { return lineStart }
        }
        return nil
    }

    /// How many line breaks the first `count` bytes hold, counted as libyaml counts them
    /// (``LineIndex``), so that a window's first line is the line libyaml's positions follow.
    private static func lineBreaks(in bytes: [UInt8], before count: Int) -> Int {
        bytes.withUnsafeBufferPointer { whole in
            let window = UnsafeBufferPointer(rebasing: whole[..<count])
            // Where every break ends in a line feed (the usual window), a line-feed count, eight
            // bytes at a time.
            guard LineIndex.hasBreaksBesidesLineFeeds(in: window, within: window.indices) else {
                return LineIndex.lineFeeds(in: window)
            }
            var breaks = 0
            var index = 0
            while index < count {
                let length = LineIndex.breakLength(in: window, at: index)
                if length > 0 { breaks += 1 }
                index += max(1, length)
            }
            return breaks
        }
    }

    /// Where the document after a skipped one starts.
    static func firstCut(in bytes: [UInt8]) -> Int? { cuts(in: bytes, requiringContent: false).first }
}
