/// A sentence with placeholders (a diagnostic's `because`), parsed once for everything that reads
/// it: the pack checker (do the names exist? is each placeholder well formed?) and the reports
/// (fill them with values, in the report's language).
///
/// A placeholder is `{name}` (a name made of letters, digits and `_`), or a name followed by a
/// format, in the manner of ICU MessageFormat:
/// - `{name, abs}`: the number without its sign, so that a fall reads as one: "ont baissé de
///   {public_funding_change_5y, abs} %";
/// - `{name, plural, one {…} other {…}}`: the form that agrees with the number, `#` standing for
///   the number written as reports write it: "{entry_points, plural, one {# point d'entrée}
///   other {# points d'entrée}}". French takes `one` below 2, English for 1 only. An optional
///   `=0 {…}` form, as in ICU, words zero as a sentence does ("aucun projet" rather than "0 projet").
/// - `{name, select, word {…} other {…}}`: the form for the value's word (a boolean's `true` or
///   `false`, an enumeration's value), `other` for any other value and for an unknown one:
///   "{board_service_strategy, select, false {aucune stratégie de service adoptée} other {}}".
///
/// Any other brace is text, so `{a{b}` is the text `{a` then the placeholder `b`, and an unclosed
/// `{` is text. A name followed by a comma whose braces close but whose format is not one of the
/// above is ``Segment/malformed(_:_:_:)``: the pack checker reports it.
public struct SentenceTemplate: Sendable, Equatable {
    /// How a placeholder's value is written.
    public enum Format: Sendable, Equatable {
        /// The number without its sign.
        case absolute
        /// The form agreeing with the number; `#` in a form stands for the number; `zero`, when
        /// given, for exactly zero.
        case plural(one: String, other: String, zero: String? = nil)
        /// The form for the value's word, `other` for any other value or an unknown one.
        case select([String: String], other: String)
    }

    /// A piece of the sentence.
    public enum Segment: Sendable, Equatable {
        /// Text written as it is.
        case text(String)
        /// A placeholder: its name, its format, and where it stands in the sentence (offsets in
        /// Unicode scalars, braces included).
        case placeholder(String, Format?, Range<Int>)
        /// A placeholder whose format cannot be read: what is wrong, the placeholder as written,
        /// and where it stands.
        case malformed(String, String, Range<Int>)
    }

    /// The sentence's pieces, in order.
    public let segments: [Segment]

    /// Parses `sentence`.
    /// - Complexity: linear in the sentence's length.
    public init(_ sentence: String) {
        let view = sentence.unicodeScalars
        let scalars = Array(view)
        // Each scalar's index in the sentence, and its end: text runs are sliced out whole.
        let indices = Array(view.indices) + [view.endIndex]
        // Each brace's closing brace, matched as brackets are, in one pass.
        var closing = [Int?](repeating: nil, count: scalars.count)
        var open: [Int] = []
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "{" { open.append(offset) } else if scalar == "}", let start = open.popLast() { closing[start] = offset }
        }
        var segments: [Segment] = []
        var textStart = 0
        var index = 0
        func flushText(upTo end: Int) {
            if textStart < end { segments.append(.text(String(view[indices[textStart]..<indices[end]]))) }
        }
        while index < scalars.count {
            guard scalars[index] == "{" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
            guard end < scalars.count, end > index + 1, scalars[end] == "}" || scalars[end] == "," else {
                index += 1
                continue
            }
            let name = String(view[indices[index + 1]..<indices[end]])
            if scalars[end] == "}" {
                flushText(upTo: index)
                segments.append(.placeholder(name, nil, index..<(end + 1)))
                index = end + 1
                textStart = index
                continue
            }
            // A format: up to the brace that closes this placeholder.
            guard let close = closing[index] else {
                index += 1
                continue
            }
            flushText(upTo: index)
            let range = index..<(close + 1)
            switch Self.format(Array(scalars[(end + 1)..<close])) {
            case .success(let format): segments.append(.placeholder(name, format, range))
            case .failure(let problem): segments.append(.malformed(problem.message, String(view[indices[range.lowerBound]..<indices[range.upperBound]]), range))
            }
            index = close + 1
            textStart = index
        }
        flushText(upTo: scalars.count)
        self.segments = segments
    }

    /// The placeholders' names with where each stands, in order (well-formed ones).
    public var placeholders: [(name: String, range: Range<Int>)] {
        segments.compactMap { segment in
            if case .placeholder(let name, _, let range) = segment { return (name, range) }
            return nil
        }
    }

    /// The placeholders that cannot be read: what is wrong with each, and where it stands.
    public var problems: [(message: String, range: Range<Int>)] {
        segments.compactMap { segment in
            if case .malformed(let message, _, let range) = segment { return (message, range) }
            return nil
        }
    }

    /// The sentence with each placeholder replaced by `value(name, format)`; the values are not
    /// read again for placeholders. A malformed placeholder is written as it stands.
    public func filled(_ value: (String, Format?) -> String) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let text): result += text
            case .placeholder(let name, let format, _): result += value(name, format)
            case .malformed(_, let written, _): result += written
            }
        }
        return result
    }

    private struct Problem: Error {
        let message: String
    }

    /// Reads what follows a placeholder's name and comma: `abs`, or `plural` or `select` and its forms.
    private static func format(_ scalars: [Unicode.Scalar]) -> Result<Format, Problem> {
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 } }
        func word(snakeCase: Bool = false) -> String {
            let start = index
            while index < scalars.count, ("a"..."z").contains(scalars[index])
                    || (snakeCase && (scalars[index] == "_" || ("0"..."9").contains(scalars[index]))) { index += 1 }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }
        /// The forms after `plural,` or `select,`: each a selector and its text in braces.
        /// - Parameters:
        ///   - selectors: what a selector is, and what to say when one is not.
        ///   - expected: the forms as the comma's message shows them.
        func forms(of kind: String, selectors: (read: () -> String, valid: (String) -> Bool, wrong: String),
                   expected: String) -> Result<[String: String], Problem> {
            guard index < scalars.count, scalars[index] == "," else {
                return .failure(Problem(message: "'\(kind)' is followed by a comma and its forms: \(expected)"))
            }
            index += 1
            var forms: [String: String] = [:]
            while true {
                skipSpaces()
                if index == scalars.count { break }
                let selector = selectors.read()
                guard selectors.valid(selector) else {
                    return .failure(Problem(message: selectors.wrong + (selector.isEmpty ? "" : ", not '\(selector)'")))
                }
                skipSpaces()
                guard index < scalars.count, scalars[index] == "{" else {
                    return .failure(Problem(message: "the form '\(selector)' is written in braces: \(selector) {…}"))
                }
                let start = index + 1
                guard let end = scalars[start...].firstIndex(where: { $0 == "}" || $0 == "{" }), scalars[end] == "}" else {
                    return .failure(Problem(message: "the form '\(selector)' holds no brace of its own"))
                }
                guard forms[selector] == nil else { return .failure(Problem(message: "the form '\(selector)' is given twice")) }
                forms[selector] = String(String.UnicodeScalarView(scalars[start..<end]))
                index = end + 1
            }
            return .success(forms)
        }
        skipSpaces()
        let kind = word()
        skipSpaces()
        switch kind {
        case "abs":
            return index == scalars.count ? .success(.absolute) : .failure(Problem(message: "'abs' takes nothing after it"))
        case "plural":
            let selectors = (read: { () -> String in
                if index + 1 < scalars.count, scalars[index] == "=", scalars[index + 1] == "0" {
                    index += 2
                    return "=0"
                }
                return word()
            }, valid: { (selector: String) in ["one", "other", "=0"].contains(selector) }, wrong: "a plural form is 'one {…}', 'other {…}' or '=0 {…}'")
            switch forms(of: "plural", selectors: selectors, expected: "one {…} other {…}") {
            case .failure(let problem): return .failure(problem)
            case .success(let forms):
                guard let one = forms["one"], let other = forms["other"] else {
                    return .failure(Problem(message: "'plural' needs both forms: one {…} other {…}"))
                }
                return .success(.plural(one: one, other: other, zero: forms["=0"]))
            }
        case "select":
            let selectors = (read: { word(snakeCase: true) }, valid: { (selector: String) in !selector.isEmpty },
                             wrong: "a select form is a word of the value (true, false, an enumeration's word) or 'other', then its text in braces")
            switch forms(of: "select", selectors: selectors, expected: "word {…} other {…}") {
            case .failure(let problem): return .failure(problem)
            case .success(var forms):
                guard let other = forms.removeValue(forKey: "other") else {
                    return .failure(Problem(message: "'select' needs the form other {…}, for any other value and an unknown one"))
                }
                return .success(.select(forms, other: other))
            }
        default:
            return .failure(Problem(message: kind.isEmpty ? "a format follows the comma: abs, plural or select"
                                    : "unknown format '\(kind)'; write abs, plural or select"))
        }
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
}
