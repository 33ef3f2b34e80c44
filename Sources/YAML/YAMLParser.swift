import Diagnostics
import Parallel
import Dispatch

/// Reads YAML text into ``YAMLNode`` trees through the system libyaml's event parser.
///
/// Checks what libyaml leaves to its caller: UTF-8 and allowed characters, duplicate keys,
/// undefined aliases, and the limits of ``YAMLLimits`` (size, depth, alias expansion), each as a
/// located diagnostic. Never crashes, never recurses on the input's nesting.
public enum YAMLParser {
    /// Reads a file that must hold exactly one document.
    ///
    /// - Throws: every problem found, sorted; an empty file and a file with several documents
    ///   are errors.
    public static func parseDocument(
        _ file: SourceFile, limits: YAMLLimits = .default
    ) throws(DiagnosticList) -> YAMLNode {
        let (documents, diagnostics) = parse(file, limits: limits, maxDocuments: 1)
        if diagnostics.hasErrors { throw diagnostics }
        guard let root = documents.first else {
            let start = SourceLocation(file: file, range: SourceRange(line: 1, column: 1))
            throw DiagnosticList([.error(YAMLDiagnosticCode.emptyDocument,
                                         "the file holds no YAML document; expected a mapping", at: start)])
        }
        return root
    }

    /// Reads a file that must hold exactly one document, keeping its tree when one could be built
    /// despite errors that leave it whole (a duplicate key, whose first occurrence stands; an
    /// undefined alias): a reader can then go on and know what the file declares.
    ///
    /// - Returns: the tree (`nil` when the file could not be read as one document) and every
    ///   problem found; an empty file and a file with several documents are errors.
    public static func parseDocumentRecovering(
        _ file: SourceFile, limits: YAMLLimits = .default
    ) -> (root: YAMLNode?, diagnostics: DiagnosticList) {
        var (documents, diagnostics) = parse(file, limits: limits, maxDocuments: 1)
        if documents.isEmpty, !diagnostics.hasErrors {
            let start = SourceLocation(file: file, range: SourceRange(line: 1, column: 1))
            diagnostics.append(.error(YAMLDiagnosticCode.emptyDocument, "the file holds no YAML document; expected a mapping", at: start))
        }
        return (documents.first, diagnostics)
    }

    /// Reads every document of a stream.
    ///
    /// - Throws: every problem found, sorted.
    public static func parseStream(
        _ file: SourceFile, limits: YAMLLimits = .default
    ) throws(DiagnosticList) -> [YAMLNode] {
        let (documents, diagnostics) = parse(file, limits: limits, maxDocuments: Int.max)
        if diagnostics.hasErrors { throw diagnostics }
        return documents
    }

    /// Reads the documents of the bytes `bytes` of `file`, whose first line is line `lineOffset + 1`;
    /// `lineStarts` comes from ``check(_:limits:into:)``.
    public static func parse(
        _ file: SourceFile, bytes: Range<Int>, lineOffset: Int, lineStarts: [Int], limits: YAMLLimits = .default
    ) -> (documents: [YAMLNode], diagnostics: [Diagnostic]) {
        var builder = TreeBuilder(file: file, bytes: bytes, lineOffset: lineOffset, lineStarts: lineStarts,
                                  limits: limits, maxDocuments: .max)
        builder.run()
        return (builder.documents, builder.diagnostics)
    }

    /// Reads up to `maxDocuments` documents and returns them with every problem found; a further
    /// document is an error.
    public static func parse(
        _ file: SourceFile, limits: YAMLLimits, maxDocuments: Int
    ) -> (documents: [YAMLNode], diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        guard let lineStarts = check(file, limits: limits, into: &diagnostics) else { return ([], diagnostics) }
        var builder = TreeBuilder(file: file, bytes: 0..<file.contents.count, lineOffset: 0, lineStarts: lineStarts,
                                  limits: limits, maxDocuments: maxDocuments)
        builder.run()
        diagnostics.append(contentsOf: builder.diagnostics)
        return (builder.documents, diagnostics)
    }

    /// Reads every document of a stream using every core: the stream is cut at its `---`
    /// document markers (which always start a line, so a cut never splits a node) and the pieces
    /// are read concurrently. Positions are the same as a sequential read would give.
    public static func parseStreamConcurrently(
        _ file: SourceFile, limits: YAMLLimits = .default, pieces: Int = 8
    ) -> (documents: [YAMLNode], diagnostics: DiagnosticList) {
        var diagnostics = DiagnosticList()
        guard let lineStarts = check(file, limits: limits, into: &diagnostics) else { return ([], diagnostics) }
        let cuts = documentCuts(file, lineStarts: lineStarts, pieces: pieces)
        guard cuts.count > 1 else {
            var builder = TreeBuilder(file: file, bytes: 0..<file.contents.count, lineOffset: 0, lineStarts: lineStarts,
                                      limits: limits, maxDocuments: .max)
            builder.run()
            diagnostics.append(contentsOf: builder.diagnostics)
            return (builder.documents, diagnostics)
        }
        let pieces = concurrentMap(count: cuts.count) { index in
            let piece = cuts[index]
            var builder = TreeBuilder(file: file, bytes: piece.bytes, lineOffset: piece.line, lineStarts: lineStarts,
                                      limits: limits, maxDocuments: .max)
            builder.run()
            return (documents: builder.documents, diagnostics: builder.diagnostics)
        }
        var documents: [YAMLNode] = []
        for result in pieces {
            documents += result.documents
            diagnostics.append(contentsOf: result.diagnostics)
        }
        return (documents, diagnostics)
    }

    /// The problem of a file of `bytes` bytes, over the `limit`, at its first line: what the size
    /// check gives, and what a reader that refuses such a file from its size alone reports.
    public static func fileTooLarge(_ file: SourceFile, bytes: Int, limit: Int) -> Diagnostic {
        .error(YAMLDiagnosticCode.fileTooLarge, "the file is \(bytes) bytes, over the limit of \(limit) bytes",
               at: SourceLocation(file: file, range: SourceRange(line: 1, column: 1)))
    }

    /// The size and encoding checks done before libyaml sees the bytes; the line starts, or `nil`
    /// when the file cannot be read (the problems are then in `diagnostics`).
    public static func check(_ file: SourceFile, limits: YAMLLimits, into diagnostics: inout DiagnosticList) -> [Int]? {
        if file.contents.count > limits.maxBytes {
            diagnostics.append(fileTooLarge(file, bytes: file.contents.count, limit: limits.maxBytes))
            return nil
        }
        let (encodingProblems, lineStarts) = UTF8Scanner.scan(file)
        guard encodingProblems.isEmpty else {
            diagnostics.append(contentsOf: encodingProblems)
            return nil
        }
        return lineStarts
    }

    /// Where to cut a stream into about `pieces` parts of similar size, at places where a
    /// document starts (``DocumentStartScanner``): each cut is the first document start at least
    /// a part's size after the cut before it with a multiple of `documentsPerBlock` marker lines
    /// (`---`) between the two, or, when none comes within twice a part's size, the first start
    /// after that (so that large documents still make several parts). Where each document starts
    /// with a marker and the blocks fit, every part but the last then holds whole blocks of that
    /// many documents: the block evaluator's blocks, of which a part's last, partly filled one left
    /// a third unfilled with parts of about 150 documents. A document without a marker (the first
    /// of a stream that opens without one) puts the count off by one: a part then ends on a block
    /// of one document. Cuts are document starts either way.
    ///
    /// The lines before each part's size is reached are not fed to the scanner: a marker line
    /// resets what it carries, so it is fed from the last marker before that point (or from where
    /// it stopped, when no marker lies between), and gives the document starts of a scan of every
    /// line. Skipped lines are only checked for a marker, three bytes each.
    public static func documentCuts(_ file: SourceFile, lineStarts: [Int], pieces: Int,
                                    documentsPerBlock: Int = 1) -> [(bytes: Range<Int>, line: Int)] {
        precondition(documentsPerBlock >= 1, "a block holds at least one document")
        let count = file.contents.count
        guard pieces > 1, count >= 64 << 10 else { return [(bytes: 0..<count, line: 0)] }
        let target = count / pieces
        var cuts: [(bytes: Range<Int>, line: Int)] = []
        var start = 0
        var startLine = 0
        var scanner = DocumentStartScanner()
        var next = 0  // the next line to feed
        var markers = 0  // marker lines from the part's start to `counted`
        var counted = 0
        file.contents.withUnsafeBufferPointer { bytes in
            while true {
                // The first line at or after the part's size: the lines before it since the last
                // one fed are skipped back to the last marker among them.
                let threshold = start + target
                var low = next
                var high = lineStarts.count
                while low < high {
                    let middle = (low + high) / 2
                    if lineStarts[middle] < threshold { low = middle + 1 } else { high = middle }
                }
                var marker = low - 1
                while marker >= next, !DocumentStartScanner.isMarker(bytes, at: lineStarts[marker]) { marker -= 1 }
                if marker >= next {
                    // On the marker itself a new scanner may say otherwise than the full scan
                    // (directives before it), but either way that start lies before the threshold
                    // and is not taken.
                    scanner = DocumentStartScanner()
                    next = marker
                }
                var found: (offset: Int, line: Int)?
                while found == nil, next < lineStarts.count, lineStarts[next] < count {
                    if let document = scanner.feed(lineAt: lineStarts[next], line: next, in: bytes), document.offset >= threshold {
                        if documentsPerBlock > 1 {
                            while counted < document.line {
                                if DocumentStartScanner.isMarker(bytes, at: lineStarts[counted]) { markers += 1 }
                                counted += 1
                            }
                        }
                        if markers % documentsPerBlock == 0 || document.offset >= threshold + target { found = document }
                    }
                    next += 1
                }
                guard let found else { return }
                cuts.append((start..<found.offset, startLine))
                start = found.offset
                startLine = found.line
                markers = 0
            }
        }
        cuts.append((start..<count, startLine))
        return cuts
    }
}

/// Builds node trees from libyaml's events with an explicit stack (never recursion).
private struct TreeBuilder {
    private struct Frame {
        let isMapping: Bool
        let isFlow: Bool
        let start: SourcePosition
        let tag: String?
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// Whether the pending key repeats an earlier one: its pair is then left out (the first
        /// one stands), so that what a file declares stays known despite the error.
        var pendingKeyIsDuplicate = false
        /// Each key's identity, for duplicate detection (small mappings are scanned, not hashed).
        var keys: [String] = []
        var keyIndex: [String: Int] = [:]
        var size = 1

        /// The index of the pair whose key has `identity`, if any.
        func firstKey(_ identity: String) -> Int? {
            if keys.count <= 16 { return keys.firstIndex(of: identity) }
            return keyIndex[identity]
        }

        /// Records the identity of the key of the next pair.
        mutating func addKey(_ identity: String) {
            keys.append(identity)
            if keys.count == 17 {
                keyIndex.reserveCapacity(64)
                for (index, key) in keys.enumerated() where keyIndex[key] == nil { keyIndex[key] = index }
            } else if keys.count > 17, keyIndex[identity] == nil {
                keyIndex[identity] = keys.count - 1
            }
        }
    }

    /// Stops the event loop after a problem that leaves nothing sensible to read.
    private struct Stop: Error {}

    let file: SourceFile
    /// The bytes of the file to read.
    let bytes: Range<Int>
    /// How many lines of the file come before `bytes`.
    let lineOffset: Int
    /// Byte offset of the start of each line of the file, to look at the text around an event.
    let lineStarts: [Int]
    let limits: YAMLLimits
    let maxDocuments: Int
    private(set) var documents: [YAMLNode] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expandedNodes = 0
    /// Whether an alias of this document was expanded (the node count is then an alias's doing).
    private var aliasesExpanded = false
    private var root: YAMLNode?
    private var documentsStarted = 0
    /// Whether the last document ended without an explicit `...`.
    private var lastDocumentEndedImplicitly = false
    /// Where ``character(at:)`` last looked: 0-based line, 0-based column, byte offset.
    private var characterCursor: (line: Int, column: Int, index: Int)?

    init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, lineStarts: [Int], limits: YAMLLimits, maxDocuments: Int) {
        self.file = file
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.lineStarts = lineStarts
        self.limits = limits
        self.maxDocuments = maxDocuments
    }

    mutating func run() {
        let reader = YAMLEventReader(file: file, bytes: bytes, lineOffset: lineOffset, maxScalarBytes: limits.maxScalarBytes)
        while let event = reader.next() {
            do {
                try handle(event)
            } catch {
                return
            }
            if event.kind == .streamEnd { return }
        }
        if let error = reader.error { diagnostics.append(error) }
    }

    private mutating func handle(_ event: YAMLEventReader.Event) throws(Stop) {
        let start = event.start
        switch event.kind {
        case .streamStart, .streamEnd:
            break
        case .documentStart:
            if event.hasDirectives, lastDocumentEndedImplicitly {
                // libyaml lets this through; the YAML spec requires `...` before directives.
                diagnostics.append(.error(YAMLDiagnosticCode.syntax,
                                          "a directive must follow a document end marker '...'",
                                          at: location(start)))
                throw Stop()
            }
            documentsStarted += 1
            if documentsStarted > maxDocuments {
                diagnostics.append(.error(YAMLDiagnosticCode.multipleDocuments,
                                          "a second document starts here; this file must hold only one",
                                          at: location(start)))
                throw Stop()
            }
        case .documentEnd:
            if let root { documents.append(root) }
            lastDocumentEndedImplicitly = event.isImplicitEnd
            root = nil
            anchors = [:]
            expandedNodes = 0  // the budget is per document
            aliasesExpanded = false
        case .scalar:
            if event.style == .singleQuoted || event.style == .doubleQuoted { try refuseCommentWithoutSpace(after: event.end) }
            let node = YAMLNode(.scalar(YAMLScalar(text: event.text, style: event.style, tag: event.tag)),
                                tag: event.tag, location: location(start, event.end))
            try add(node, size: 1, anchor: event.anchor)
        case .sequenceStart, .mappingStart:
            guard stack.count < limits.maxDepth else {
                diagnostics.append(.error(YAMLDiagnosticCode.tooDeep,
                                          "collections nested deeper than \(limits.maxDepth) levels",
                                          at: location(start)))
                throw Stop()
            }
            try count(1, at: start)
            stack.append(Frame(isMapping: event.kind == .mappingStart, isFlow: event.isFlow, start: start, tag: event.tag,
                               anchor: event.anchor))
        case .sequenceEnd, .mappingEnd:
            guard let frame = stack.popLast() else {
                diagnostics.append(.error(YAMLDiagnosticCode.internal, "a collection ends that never started; please report this",
                                          at: location(start)))
                throw Stop()
            }
            if frame.isFlow { try refuseCommentWithoutSpace(after: event.end) }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(content, tag: frame.tag, location: location(frame.start, event.end))
            try add(node, size: frame.size, anchor: frame.anchor, counted: true)
        case .alias:
            let name = event.anchor ?? ""
            guard let target = anchors[name] else {
                diagnostics.append(.error(YAMLDiagnosticCode.undefinedAlias,
                                          "alias '*\(name)' refers to no anchor defined before it",
                                          at: location(start, event.end)))
                let placeholder = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), location: location(start, event.end))
                try add(placeholder, size: 1, anchor: nil)
                return
            }
            aliasesExpanded = true
            try count(target.size, at: start)
            try add(target.node, size: target.size, anchor: nil, counted: true)
        }
    }

    /// A `#` right after a closing quote or bracket starts no comment in YAML (a comment needs a
    /// space before it), yet libyaml takes it as one.
    private mutating func refuseCommentWithoutSpace(after end: SourcePosition) throws(Stop) {
        guard character(at: end) == UInt8(ascii: "#") else { return }
        diagnostics.append(.error(YAMLDiagnosticCode.syntax, "a comment needs a space before '#'", at: location(end)))
        throw Stop()
    }

    /// The byte at a position when it is ASCII, found from the line's start.
    ///
    /// Events come in order, so the walk starts from the place of the previous question when it is
    /// on the same line and not after this one: on a long line holding many values, each byte is
    /// walked over once, not once per value.
    private mutating func character(at position: SourcePosition) -> UInt8? {
        let line = position.line - 1
        guard line >= 0, line < lineStarts.count else { return nil }
        var index = lineStarts[line]
        var column = 0
        if let cursor = characterCursor, cursor.line == line, cursor.column <= position.column - 1 {
            index = cursor.index
            column = cursor.column
        }
        let bytes = file.contents
        while index < bytes.count, column < position.column - 1 {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        characterCursor = (line, column, index)
        guard index < bytes.count, bytes[index] < 0x80 else { return nil }
        return bytes[index]
    }

    /// Counts nodes against the expansion budget.
    private mutating func count(_ nodes: Int, at start: SourcePosition) throws(Stop) {
        expandedNodes += nodes
        if expandedNodes > limits.maxExpandedNodes {
            // Say an alias bomb only when aliases were expanded: a plain document can be that big too.
            let message = !aliasesExpanded
                ? "the document holds more than \(limits.maxExpandedNodes) nodes, over the limit"
                : "aliases expand to more than \(limits.maxExpandedNodes) nodes; refusing a possible alias bomb"
            diagnostics.append(.error(YAMLDiagnosticCode.aliasBudget, message, at: location(start)))
            throw Stop()
        }
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?, counted: Bool = false) throws(Stop) {
        if !counted { try count(size, at: node.location.range.start) }
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            if !stack[top].pendingKeyIsDuplicate { stack[top].pairs.append(YAMLNode.Pair(key: key, value: node)) }
            stack[top].pendingKey = nil
            stack[top].pendingKeyIsDuplicate = false
        } else {
            let identity = Self.identity(of: node)
            if let first = stack[top].firstKey(identity) {
                let shown = node.scalar?.text ?? node.description
                diagnostics.append(.error(YAMLDiagnosticCode.duplicateKey, "duplicate key '\(shown)'",
                                          at: node.location,
                                          notes: [.init("first occurrence of '\(shown)'", at: stack[top].pairs[first].key.location)]))
                stack[top].pendingKeyIsDuplicate = true
            } else {
                stack[top].addKey(identity)
            }
            stack[top].pendingKey = node
        }
    }

    /// Two keys are the same key when they have the same value under the core schema.
    private static func identity(of key: YAMLNode) -> String {
        // Texts are their own identity; other values start with U+0000, which no text can hold
        // (control characters are refused before parsing).
        guard let scalar = key.scalar else { return "\u{0}node:" + key.description }
        switch scalar.resolved {
        case .null: return "\u{0}null"
        case .bool(let value): return "\u{0}bool:\(value)"
        // Integers compare as integers (`1` and `0x1` are one key; 2^53 + 1 and 2^53 are two), and
        // an integer is never the same key as a float (`1` and `1.0` differ under YAML 1.2).
        case .integer(let value): return value.map { "\u{0}int:\($0)" } ?? "\u{0}bigint:" + scalar.text
        case .float(let value): return value.isNaN ? "\u{0}nan" : "\u{0}float:\(value)"
        case .string: return scalar.text
        }
    }

    private func location(_ start: SourcePosition, _ end: SourcePosition? = nil) -> SourceLocation {
        SourceLocation(file: file, range: SourceRange(start: start, end: end))
    }
}
