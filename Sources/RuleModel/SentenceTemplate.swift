/// A sentence with `{name}` placeholders (a diagnostic's `because`), parsed once for everything
/// that reads it: the pack checker (do the names exist?) and the engine (fill them with values).
///
/// A placeholder is `{`, a name made of letters, digits and `_`, then `}`; any other brace is
/// text, so `{a{b}` is the text `{a` then the placeholder `b`, and an unclosed `{` is text.
public struct SentenceTemplate: Sendable, Equatable {
    /// A piece of the sentence.
    public enum Segment: Sendable, Equatable {
        /// Text written as it is.
        case text(String)
        /// A placeholder: its name, and where it stands in the sentence (offsets in Unicode
        /// scalars, braces included).
        case placeholder(String, Range<Int>)
    }

    /// The sentence's pieces, in order.
    public let segments: [Segment]

    /// Parses `sentence`.
    /// - Complexity: linear in the sentence's length.
    public init(_ sentence: String) {
        var segments: [Segment] = []
        let scalars = sentence.unicodeScalars
        var textStart = scalars.startIndex
        var index = scalars.startIndex
        var offset = 0
        while index != scalars.endIndex {
            guard scalars[index] == "{" else {
                scalars.formIndex(after: &index)
                offset += 1
                continue
            }
            var end = scalars.index(after: index)
            var length = 0
            while end != scalars.endIndex, Self.isNameScalar(scalars[end]) {
                scalars.formIndex(after: &end)
                length += 1
            }
            guard end != scalars.endIndex, scalars[end] == "}", length > 0 else {
                scalars.formIndex(after: &index)
                offset += 1
                continue
            }
            if textStart != index { segments.append(.text(String(scalars[textStart..<index]))) }
            segments.append(.placeholder(String(scalars[scalars.index(after: index)..<end]), offset..<(offset + length + 2)))
            index = scalars.index(after: end)
            offset += length + 2
            textStart = index
        }
        if textStart != scalars.endIndex { segments.append(.text(String(scalars[textStart...]))) }
        self.segments = segments
    }

    /// The placeholders' names with where each stands, in order.
    public var placeholders: [(name: String, range: Range<Int>)] {
        segments.compactMap { segment in
            if case .placeholder(let name, let range) = segment { return (name, range) }
            return nil
        }
    }

    /// The sentence with each placeholder replaced by `value(name)`; the values are not read
    /// again for placeholders.
    public func filled(_ value: (String) -> String) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .placeholder(let name, _): result += value(name)
            }
        }
        return result
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
}
