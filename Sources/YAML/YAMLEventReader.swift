internal import CYAML
import Diagnostics

/// The one reader of libyaml's events: it owns the parser and the current event (freed when the
/// reader moves on), and turns libyaml's failures into located diagnostics.
///
/// Both readers of YAML go through it: the tree builder of ``YAMLParser``, which adds the checks
/// libyaml leaves to its callers (duplicate keys, aliases, depth and expansion limits), and the
/// stream decoder of profiles, which goes straight from events to values and falls back to the
/// tree builder for anything unusual.
public final class YAMLEventReader {
    /// One event, with everything a reader needs and no libyaml type.
    public struct Event {
        public enum Kind: Sendable {
            case streamStart, streamEnd, documentStart, documentEnd
            case mappingStart, mappingEnd, sequenceStart, sequenceEnd, scalar, alias
        }

        public let kind: Kind
        /// The scalar's text (empty for other events).
        public let text: String
        /// The scalar's style (plain for other events).
        public let style: YAMLScalar.Style
        /// A node's tag and anchor, which most events lack: kept apart so that a plain event
        /// stays small to copy.
        public final class Decoration: Sendable {
            /// The explicit tag of a scalar or collection.
            public let tag: String?
            /// The anchor a node defines, or the one an alias refers to.
            public let anchor: String?

            init(tag: String?, anchor: String?) {
                self.tag = tag
                self.anchor = anchor
            }
        }

        /// The event's tag and anchor, if it has any.
        public let decoration: Decoration?
        /// Whether a collection is written in flow style (`[…]`, `{…}`).
        public let isFlow: Bool
        /// Whether a document start carries directives (`%YAML`, `%TAG`).
        public let hasDirectives: Bool
        /// Whether a document ended without an explicit `...`.
        public let isImplicitEnd: Bool
        /// Where the event starts and ends, lines counted in the whole file.
        public let start: SourcePosition
        public let end: SourcePosition

        /// The explicit tag of a scalar or collection.
        public var tag: String? { decoration?.tag }
        /// The anchor a node defines, or the one an alias refers to.
        public var anchor: String? { decoration?.anchor }

        /// Whether the event carries a tag, an anchor or directives, or is an alias: what a
        /// decoder that reads plain data must hand over to the tree builder.
        public var isDecorated: Bool { decoration != nil || hasDirectives || kind == .alias }
    }

    /// libyaml's parser, behind a pointer: no exclusivity check on every event.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    /// libyaml's current event (zeroed before the first), freed by the next ``advance()``.
    private let current = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    // What the fast path asks of the current event, read once from libyaml's; by one thread, on
    // every event: no dynamic exclusivity check.
    // Inlinable, with their accessors, into the decoders of other modules that ask on every event.
    @exclusivity(unchecked) @usableFromInline var currentScalar = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    @exclusivity(unchecked) @usableFromInline var currentIsPlainScalar = false
    @exclusivity(unchecked) @usableFromInline var currentIsDecorated = false
    /// Where libyaml reads its input from: the file's own bytes, handed over a chunk at a time
    /// (libyaml copies its input into a buffer of its own anyway), so no copy of the range is made.
    private let input: Input
    private let file: SourceFile
    private let bytes: Range<Int>
    private let lineOffset: Int
    private let maxScalarBytes: Int
    // Read on every event by one thread: no dynamic exclusivity check; a plain flag, so that the
    // check does not touch the diagnostic.
    @exclusivity(unchecked) private var stopped = false
    /// Why the reader stopped before the end of the stream: a syntax error, a scalar over the
    /// limit, or libyaml failing; `nil` while it reads on or after a clean end.
    public private(set) var error: Diagnostic? {
        didSet { stopped = true }
    }

    /// Whether the reader stopped on an error.
    public var failed: Bool { error != nil }

    /// Reads the bytes `bytes` of `file`, whose first line is line `lineOffset + 1` of the file.
    public init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, maxScalarBytes: Int = YAMLLimits.default.maxScalarBytes) {
        self.file = file
        self.bytes = bytes
        self.lineOffset = lineOffset
        self.maxScalarBytes = maxScalarBytes
        input = Input(file: file, bytes: bytes)
        parser.initialize(to: yaml_parser_t())
        current.initialize(to: yaml_event_t())
        if yaml_parser_initialize(parser) == 1 {
            yaml_parser_set_input(parser, { data, buffer, size, sizeRead in
                guard let data, let buffer, let sizeRead else { return 0 }
                sizeRead.pointee = Unmanaged<Input>.fromOpaque(data).takeUnretainedValue().read(into: buffer, size: size)
                return 1
            }, Unmanaged.passUnretained(input).toOpaque())
        } else {
            error = .error(YAMLDiagnosticCode.internal, "libyaml could not start a parser",
                           at: SourceLocation(file: file, range: SourceRange(line: lineOffset + 1, column: 1)))
        }
    }

    deinit {
        yaml_event_delete(current)
        current.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// A range of a file's bytes, read from the start to the end.
    private final class Input {
        private let file: SourceFile
        private var position: Int
        private let end: Int

        init(file: SourceFile, bytes: Range<Int>) {
            self.file = file
            position = bytes.lowerBound
            end = bytes.upperBound
        }

        /// Copies the next bytes (at most `size`) into `buffer`; how many (0 at the end).
        func read(into buffer: UnsafeMutablePointer<UInt8>, size: Int) -> Int {
            let count = min(size, end - position)
            guard count > 0 else { return 0 }
            file.contents.withUnsafeBufferPointer { source in
                buffer.update(from: source.baseAddress! + position, count: count)
            }
            position += count
            return count
        }
    }

    /// The next event, or `nil` after the end of the stream or an error (then in ``error``).
    public func next() -> Event? {
        advance().map { _ in currentEvent() }
    }

    /// Moves to the next event and returns its kind, or `nil` after the end of the stream or an
    /// error (then in ``error``). The event stays libyaml's until the next call: its scalar bytes
    /// (``scalarBytes``) are read in place, with no ``Event`` or text made, which is what a
    /// decoder that compares bytes needs; ``currentEvent()`` makes the ``Event`` when it is wanted.
    public func advance() -> Event.Kind? {
        guard !stopped else { return nil }
        yaml_event_delete(current)
        currentScalar = UnsafeBufferPointer(start: nil, count: 0)
        currentIsPlainScalar = false
        currentIsDecorated = false
        guard yaml_parser_parse(parser, current) == 1 else { return stopOnSyntaxError() }
        switch current.pointee.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT:
            stopped = true
            return .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            let document = current.pointee.data.document_start
            currentIsDecorated = document.version_directive != nil || document.tag_directives.start != document.tag_directives.end
            return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = current.pointee.data.mapping_start
            currentIsDecorated = mapping.tag != nil || mapping.anchor != nil
            return .mappingStart
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_SEQUENCE_START_EVENT:
            let sequence = current.pointee.data.sequence_start
            currentIsDecorated = sequence.tag != nil || sequence.anchor != nil
            return .sequenceStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_SCALAR_EVENT:
            let scalar = current.pointee.data.scalar
            let length = scalar.length
            currentScalar = UnsafeBufferPointer(start: scalar.value, count: scalar.value == nil ? 0 : length)
            currentIsPlainScalar = scalar.style == YAML_PLAIN_SCALAR_STYLE
            currentIsDecorated = scalar.tag != nil || scalar.anchor != nil
            guard length <= maxScalarBytes else { return stopOnLongScalar(length) }
            return .scalar
        case YAML_ALIAS_EVENT:
            currentIsDecorated = true
            return .alias
        default:
            return stopOnUnknownEvent()
        }
    }

    // The ways ``advance()`` stops, out of its line: it runs for every event of every profile,
    // and building a diagnostic in place gave it a large stack frame to set up on each call.

    /// Stops the reader on `problem`.
    @inline(never)
    private func stop(with problem: Diagnostic) -> Event.Kind? {
        error = problem
        return nil
    }

    /// Stops the reader on libyaml's error.
    @inline(never)
    private func stopOnSyntaxError() -> Event.Kind? {
        stop(with: syntaxError())
    }

    /// Stops the reader on an event of a type libyaml does not document.
    @inline(never)
    private func stopOnUnknownEvent() -> Event.Kind? {
        stop(with: .error(YAMLDiagnosticCode.internal, "unexpected libyaml event \(current.pointee.type.rawValue); please report this",
                          at: SourceLocation(file: file, range: SourceRange(start: startPosition, end: nil))))
    }

    /// Stops the reader on a scalar of `length` bytes, over the limit.
    @inline(never)
    private func stopOnLongScalar(_ length: Int) -> Event.Kind? {
        stop(with: .error(YAMLDiagnosticCode.scalarTooLong, "a value of \(length) bytes, over the limit of \(maxScalarBytes) bytes",
                          at: SourceLocation(file: file, range: SourceRange(start: startPosition, end: nil))))
    }

    /// The current event's scalar, as libyaml holds it (empty for other events): valid until the
    /// next ``advance()``.
    @inlinable public var scalarBytes: UnsafeBufferPointer<UInt8> { currentScalar }

    /// Whether the current event is a scalar in plain style.
    @inlinable public var isPlainScalar: Bool { currentIsPlainScalar }

    /// Whether the current event carries a tag, an anchor or directives, or is an alias
    /// (``Event/isDecorated``).
    @inlinable public var isDecorated: Bool { currentIsDecorated }

    /// Where the current event starts, lines counted in the whole file.
    public var startPosition: SourcePosition { position(current.pointee.start_mark) }

    /// The current event, with its fields copied out of libyaml's.
    public func currentEvent() -> Event {
        let event = current.pointee
        let start = position(event.start_mark)
        let end = position(event.end_mark)
        func make(_ kind: Event.Kind, text: String = "", style: YAMLScalar.Style = .plain,
                  tag: UnsafeMutablePointer<yaml_char_t>? = nil, anchor: UnsafeMutablePointer<yaml_char_t>? = nil,
                  isFlow: Bool = false, hasDirectives: Bool = false, isImplicitEnd: Bool = false) -> Event {
            let decoration = tag == nil && anchor == nil ? nil : Event.Decoration(tag: string(tag), anchor: string(anchor))
            return Event(kind: kind, text: text, style: style, decoration: decoration, isFlow: isFlow, hasDirectives: hasDirectives,
                         isImplicitEnd: isImplicitEnd, start: start, end: end)
        }
        switch event.type {
        case YAML_STREAM_START_EVENT: return make(.streamStart)
        case YAML_STREAM_END_EVENT: return make(.streamEnd)
        case YAML_DOCUMENT_START_EVENT:
            let document = event.data.document_start
            return make(.documentStart,
                        hasDirectives: document.version_directive != nil || document.tag_directives.start != document.tag_directives.end)
        case YAML_DOCUMENT_END_EVENT: return make(.documentEnd, isImplicitEnd: event.data.document_end.implicit != 0)
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            return make(.mappingStart, tag: mapping.tag, anchor: mapping.anchor,
                        isFlow: mapping.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: return make(.mappingEnd)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            return make(.sequenceStart, tag: sequence.tag, anchor: sequence.anchor,
                        isFlow: sequence.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: return make(.sequenceEnd)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            return make(.scalar, text: String(decoding: scalarBytes, as: UTF8.self), style: style(scalar.style),
                        tag: scalar.tag, anchor: scalar.anchor)
        default:
            return make(.alias, anchor: event.data.alias.anchor)
        }
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

    /// libyaml's error as a diagnostic: at its problem mark, with its context as a note; a tab
    /// where YAML needs spaces gets its own code.
    private func syntaxError() -> Diagnostic {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.pointee.error {
        case YAML_MEMORY_ERROR:
            return .error(YAMLDiagnosticCode.internal, "libyaml ran out of memory", at: location(SourcePosition(line: lineOffset + 1, column: 1)))
        case YAML_READER_ERROR:
            return .error(YAMLDiagnosticCode.syntax, problem,
                          at: location(file.position(ofByteOffset: bytes.lowerBound + parser.pointee.problem_offset)))
        default:
            break
        }
        let at = position(parser.pointee.problem_mark)
        let context = parser.pointee.context.map { String(cString: $0) }
        var notes: [Diagnostic.Note] = []
        if let context {
            notes.append(.init("\(context) that starts here", at: location(position(parser.pointee.context_mark))))
        }
        let lineText = Array((file.line(at.line) ?? "").unicodeScalars)
        let isTab = at.column - 1 < lineText.count && lineText[at.column - 1] == "\t"
        let caret = location(at, SourcePosition(line: at.line, column: at.column + 1))
        if isTab || problem.contains("tab character") {
            return .error(YAMLDiagnosticCode.tabIndentation, "a tab character where YAML expects spaces; indent with spaces",
                          at: caret, notes: notes)
        }
        var message = context.map { "\(problem) \($0)" } ?? problem
        if problem.hasPrefix("mapping values are not allowed") {
            // The usual cause: a text with ': ' in it, which YAML reads as a key and a value.
            message += "; a text holding ': ' must be quoted (\"…\")"
        }
        return .error(YAMLDiagnosticCode.syntax, message, at: caret, notes: notes)
    }
}
