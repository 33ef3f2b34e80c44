internal import CYAML
import Diagnostics

/// A pull reader of libyaml's events over part of a file, for decoders that go straight from
/// events to values (the batch path) and fall back to ``YAMLParser`` for anything unusual.
///
/// It does none of the tree builder's checks (duplicate keys, aliases, depth): a decoder that
/// uses it must treat anchors, aliases, tags and unexpected shapes as reasons to fall back.
public final class YAMLEventReader {
    /// One event, with the text of a scalar.
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
        /// Whether the event carries a tag or an anchor.
        public let isDecorated: Bool
        /// Where the event starts and ends, lines counted in the whole file.
        public let start: SourcePosition
        public let end: SourcePosition
    }

    /// libyaml's parser, behind a pointer: no exclusivity check on every event.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let lineOffset: Int
    private let maxScalarBytes: Int
    // Read and written on every event by one thread: no dynamic exclusivity check.
    @exclusivity(unchecked) private var finished = false
    /// Whether libyaml reported an error (the reader then returns no more events).
    @exclusivity(unchecked) public private(set) var failed = false

    /// Reads the bytes `bytes` of `file`, whose first line is line `lineOffset + 1` of the file.
    public init(file: SourceFile, bytes: Range<Int>, lineOffset: Int, maxScalarBytes: Int = YAMLLimits.default.maxScalarBytes) {
        self.lineOffset = lineOffset
        self.maxScalarBytes = maxScalarBytes
        buffer = UnsafeMutableBufferPointer.allocate(capacity: max(bytes.count, 1))
        _ = file.contents.withUnsafeBufferPointer { source in
            memcpy(buffer.baseAddress!, source.baseAddress! + bytes.lowerBound, bytes.count)
        }
        parser.initialize(to: yaml_parser_t())
        if yaml_parser_initialize(parser) == 1 {
            yaml_parser_set_input_string(parser, buffer.baseAddress!, bytes.count)
        } else {
            failed = true
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        buffer.deallocate()
    }

    /// The next event, or `nil` after the end of the stream or an error.
    public func next() -> Event? {
        guard !finished, !failed else { return nil }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else {
            failed = true
            return nil
        }
        defer { yaml_event_delete(&event) }
        let start = SourcePosition(line: Int(event.start_mark.line) + 1 + lineOffset, column: Int(event.start_mark.column) + 1)
        let end = SourcePosition(line: Int(event.end_mark.line) + 1 + lineOffset, column: Int(event.end_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return Event(kind: .streamStart, text: "", style: .plain, isDecorated: false, start: start, end: end)
        case YAML_STREAM_END_EVENT:
            finished = true
            return Event(kind: .streamEnd, text: "", style: .plain, isDecorated: false, start: start, end: end)
        case YAML_DOCUMENT_START_EVENT:
            let document = event.data.document_start
            let directives = document.version_directive != nil || document.tag_directives.start != document.tag_directives.end
            return Event(kind: .documentStart, text: "", style: .plain, isDecorated: directives, start: start, end: end)
        case YAML_DOCUMENT_END_EVENT: return Event(kind: .documentEnd, text: "", style: .plain, isDecorated: false, start: start, end: end)
        case YAML_MAPPING_START_EVENT:
            let decorated = event.data.mapping_start.anchor != nil || event.data.mapping_start.tag != nil
            return Event(kind: .mappingStart, text: "", style: .plain, isDecorated: decorated, start: start, end: end)
        case YAML_MAPPING_END_EVENT: return Event(kind: .mappingEnd, text: "", style: .plain, isDecorated: false, start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let decorated = event.data.sequence_start.anchor != nil || event.data.sequence_start.tag != nil
            return Event(kind: .sequenceStart, text: "", style: .plain, isDecorated: decorated, start: start, end: end)
        case YAML_SEQUENCE_END_EVENT: return Event(kind: .sequenceEnd, text: "", style: .plain, isDecorated: false, start: start, end: end)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.length <= maxScalarBytes else {
                // Let the tree parser report it, with its location.
                failed = true
                return nil
            }
            let text = scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) } ?? ""
            let style: YAMLScalar.Style
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            return Event(kind: .scalar, text: text, style: style, isDecorated: scalar.anchor != nil || scalar.tag != nil,
                         start: start, end: end)
        case YAML_ALIAS_EVENT: return Event(kind: .alias, text: "", style: .plain, isDecorated: true, start: start, end: end)
        default:
            failed = true
            return nil
        }
    }
}
