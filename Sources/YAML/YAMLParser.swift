internal import CYAML
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

    /// The size and encoding checks done before libyaml sees the bytes; the line starts, or `nil`
    /// when the file cannot be read (the problems are then in `diagnostics`).
    public static func check(_ file: SourceFile, limits: YAMLLimits, into diagnostics: inout DiagnosticList) -> [Int]? {
        if file.contents.count > limits.maxBytes {
            let message = "the file is \(file.contents.count) bytes, over the limit of \(limits.maxBytes) bytes"
            diagnostics.append(.error(YAMLDiagnosticCode.fileTooLarge, message,
                                      at: SourceLocation(file: file, range: SourceRange(line: 1, column: 1))))
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
    /// document starts (``DocumentStartScanner``).
    public static func documentCuts(_ file: SourceFile, lineStarts: [Int], pieces: Int) -> [(bytes: Range<Int>, line: Int)] {
        let count = file.contents.count
        guard pieces > 1, count >= 64 << 10 else { return [(bytes: 0..<count, line: 0)] }
        let target = count / pieces
        var cuts: [(bytes: Range<Int>, line: Int)] = []
        var start = 0
        var startLine = 0
        var scanner = DocumentStartScanner()
        file.contents.withUnsafeBufferPointer { bytes in
            for (line, offset) in lineStarts.enumerated() {
                guard offset < count else { break }
                guard let document = scanner.feed(lineAt: offset, line: line, in: bytes),
                      document.offset - start >= target else { continue }
                cuts.append((start..<document.offset, startLine))
                start = document.offset
                startLine = document.line
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
    private var root: YAMLNode?
    private var documentsStarted = 0
    /// Whether the last document ended without an explicit `...`.
    private var lastDocumentEndedImplicitly = false

    init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, lineStarts: [Int], limits: YAMLLimits, maxDocuments: Int) {
        self.file = file
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.lineStarts = lineStarts
        self.limits = limits
        self.maxDocuments = maxDocuments
    }

    mutating func run() {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error(YAMLDiagnosticCode.internal, "libyaml could not start a parser",
                                      at: location(SourcePosition(line: 1, column: 1))))
            return
        }
        defer { yaml_parser_delete(&parser) }
        file.contents.withUnsafeBufferPointer { buffer in
            // libyaml reads from the buffer during the whole loop, which stays inside this closure.
            let start = (buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!) + (buffer.isEmpty ? 0 : bytes.lowerBound)
            yaml_parser_set_input_string(&parser, start, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    diagnostics.append(syntaxError(parser))
                    return
                }
                let isEnd = event.type == YAML_STREAM_END_EVENT
                do {
                    try handle(event)
                } catch {
                    yaml_event_delete(&event)
                    return
                }
                yaml_event_delete(&event)
                if isEnd { return }
            }
        }
    }

    private mutating func handle(_ event: yaml_event_t) throws(Stop) {
        let start = position(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT, YAML_STREAM_END_EVENT:
            break
        case YAML_DOCUMENT_START_EVENT:
            let document = event.data.document_start
            let hasDirectives = document.version_directive != nil
                || document.tag_directives.start != document.tag_directives.end
            if hasDirectives, lastDocumentEndedImplicitly {
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
        case YAML_DOCUMENT_END_EVENT:
            if let root { documents.append(root) }
            lastDocumentEndedImplicitly = event.data.document_end.implicit != 0
            root = nil
            anchors = [:]
            expandedNodes = 0  // the budget is per document
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.length <= limits.maxScalarBytes else {
                diagnostics.append(.error(YAMLDiagnosticCode.scalarTooLong,
                                          "a value of \(scalar.length) bytes, over the limit of \(limits.maxScalarBytes) bytes",
                                          at: location(start)))
                throw Stop()
            }
            let text = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self)
            } ?? ""
            let tag = string(scalar.tag)
            let isQuoted = scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE
                || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
            if isQuoted { try refuseCommentWithoutSpace(after: event.end_mark) }
            let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style(scalar.style), tag: tag)),
                                tag: tag, location: location(start, position(event.end_mark)))
            try add(node, size: 1, anchor: string(scalar.anchor))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else {
                diagnostics.append(.error(YAMLDiagnosticCode.tooDeep,
                                          "collections nested deeper than \(limits.maxDepth) levels",
                                          at: location(start)))
                throw Stop()
            }
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = string(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            let tag = string(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag)
            let isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            try count(1, at: start)
            stack.append(Frame(isMapping: isMapping, isFlow: isFlow, start: start, tag: tag, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { throw unexpected(event, at: start) }
            if frame.isFlow { try refuseCommentWithoutSpace(after: event.end_mark) }
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            let node = YAMLNode(content, tag: frame.tag, location: location(frame.start, position(event.end_mark)))
            try add(node, size: frame.size, anchor: frame.anchor, counted: true)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let target = anchors[name] else {
                diagnostics.append(.error(YAMLDiagnosticCode.undefinedAlias,
                                          "alias '*\(name)' refers to no anchor defined before it",
                                          at: location(start, position(event.end_mark))))
                let placeholder = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)),
                                           location: location(start, position(event.end_mark)))
                try add(placeholder, size: 1, anchor: nil)
                return
            }
            try count(target.size, at: start)
            try add(target.node, size: target.size, anchor: nil, counted: true)
        default:
            throw unexpected(event, at: start)
        }
    }

    /// A `#` right after a closing quote or bracket starts no comment in YAML (a comment needs a
    /// space before it), yet libyaml takes it as one.
    private mutating func refuseCommentWithoutSpace(after mark: yaml_mark_t) throws(Stop) {
        guard character(at: mark) == UInt8(ascii: "#") else { return }
        diagnostics.append(.error(YAMLDiagnosticCode.syntax, "a comment needs a space before '#'",
                                  at: location(position(mark))))
        throw Stop()
    }

    /// The byte at a libyaml mark when it is ASCII, found from the line's start.
    private func character(at mark: yaml_mark_t) -> UInt8? {
        let line = Int(mark.line) + lineOffset
        guard line < lineStarts.count else { return nil }
        var index = lineStarts[line]
        var column = 0
        let bytes = file.contents
        while index < bytes.count, column < Int(mark.column) {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        guard index < bytes.count, bytes[index] < 0x80 else { return nil }
        return bytes[index]
    }

    /// Counts nodes against the expansion budget.
    private mutating func count(_ nodes: Int, at start: SourcePosition) throws(Stop) {
        expandedNodes += nodes
        if expandedNodes > limits.maxExpandedNodes {
            diagnostics.append(.error(
                YAMLDiagnosticCode.aliasBudget,
                "aliases expand to more than \(limits.maxExpandedNodes) nodes; refusing a possible alias bomb",
                at: location(start)))
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
            stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            let identity = Self.identity(of: node)
            if let first = stack[top].firstKey(identity) {
                let shown = node.scalar?.text ?? node.description
                diagnostics.append(.error(YAMLDiagnosticCode.duplicateKey, "duplicate key '\(shown)'",
                                          at: node.location,
                                          notes: [.init("first occurrence of '\(shown)'", at: stack[top].pairs[first].key.location)]))
            }
            stack[top].addKey(identity)
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
        case .integer(let value): return value.map { "\u{0}number:\(Double($0))" } ?? "\u{0}int:" + scalar.text
        case .float(let value): return value.isNaN ? "\u{0}nan" : "\u{0}number:\(value)"
        case .string: return scalar.text
        }
    }

    private mutating func unexpected(_ event: yaml_event_t, at start: SourcePosition) -> Stop {
        diagnostics.append(.error(YAMLDiagnosticCode.internal,
                                  "unexpected libyaml event \(event.type.rawValue); please report this",
                                  at: location(start)))
        return Stop()
    }

    private func syntaxError(_ parser: yaml_parser_t) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return .error(YAMLDiagnosticCode.internal, "libyaml ran out of memory",
                          at: location(SourcePosition(line: 1, column: 1)))
        case YAML_READER_ERROR:
            return .error(YAMLDiagnosticCode.syntax, problem,
                          at: location(file.position(ofByteOffset: bytes.lowerBound + parser.problem_offset)))
        default:
            break
        }
        let at = position(parser.problem_mark)
        let context = parser.context.map { String(cString: $0) }
        var notes: [Diagnostic.Note] = []
        if let context {
            notes.append(.init("\(context) that starts here", at: location(position(parser.context_mark))))
        }
        let lineText = Array((file.line(at.line) ?? "").unicodeScalars)
        let isTab = at.column - 1 < lineText.count && lineText[at.column - 1] == "\t"
        if isTab || problem.contains("tab character") {
            return .error(YAMLDiagnosticCode.tabIndentation,
                          "a tab character where YAML expects spaces; indent with spaces",
                          at: location(at, SourcePosition(line: at.line, column: at.column + 1)), notes: notes)
        }
        let message = context.map { "\(problem) \($0)" } ?? problem
        return .error(YAMLDiagnosticCode.syntax, message,
                      at: location(at, SourcePosition(line: at.line, column: at.column + 1)), notes: notes)
    }

    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        SourcePosition(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }

    private func location(_ start: SourcePosition, _ end: SourcePosition? = nil) -> SourceLocation {
        SourceLocation(file: file, range: SourceRange(start: start, end: end))
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
