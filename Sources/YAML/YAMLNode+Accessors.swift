import Diagnostics

/// Typed reading of nodes: each accessor returns the value or throws a diagnostic located at the
/// node that does not fit.
extension YAMLNode {
    /// The node's text, for any non-null scalar (`name: 2026` reads as the string `2026`).
    public func string() throws(Diagnostic) -> String {
        guard let scalar, scalar.resolved != .null else { throw mismatch("a string") }
        return scalar.text
    }

    /// A whole number that fits in 64 bits.
    public func integer() throws(Diagnostic) -> Int {
        guard let scalar else { throw mismatch("a whole number") }
        switch scalar.resolved {
        case .integer(let value?):
            return value
        case .integer(nil):
            throw invalid("'\(scalar.text)' is too large for a whole number")
        case .float(let value) where value.isFinite && value.rounded() == value:
            throw invalid("expected a whole number, found '\(scalar.text)'; write it without a decimal part")
        default:
            throw mismatch("a whole number")
        }
    }

    /// A finite number; `.inf`, `.nan` and numbers too large for a double (`1e400`) are refused.
    public func number() throws(Diagnostic) -> Double {
        guard let scalar else { throw mismatch("a number") }
        switch scalar.resolved {
        case .integer(let value?):
            return Double(value)
        case .integer(nil):
            throw invalid("'\(scalar.text)' is too large a number")
        case .float(let value):
            guard value.isFinite else { throw invalid("expected a finite number, found '\(scalar.text)'") }
            return value == 0 ? 0 : value  // -0 reads as 0
        default:
            throw mismatch("a number")
        }
    }

    /// `true` or `false`; `yes`, `no`, `on` and `off` are strings in YAML 1.2 and are refused with a hint.
    public func bool() throws(Diagnostic) -> Bool {
        guard let scalar else { throw mismatch("true or false") }
        if case .bool(let value) = scalar.resolved { return value }
        if YAMLScalar.isBooleanLikeWord(scalar.text) {
            throw invalid("expected true or false, found '\(scalar.text)'; YAML 1.2 reads it as text")
        }
        throw mismatch("true or false")
    }

    /// The pairs of a mapping, in the order written.
    public func mapping() throws(Diagnostic) -> [Pair] {
        guard case .mapping(let pairs) = content else { throw mismatch("a mapping") }
        return pairs
    }

    /// The items of a sequence.
    public func sequence() throws(Diagnostic) -> [YAMLNode] {
        guard case .sequence(let items) = content else { throw mismatch("a list") }
        return items
    }

    /// One of a fixed set of words, with "did you mean" for a near miss.
    public func word(oneOf words: some Collection<String>) throws(Diagnostic) -> String {
        let text = try string()
        guard words.contains(text) else {
            throw Diagnostic.error(YAMLDiagnosticCode.unknownWord, "unknown value '\(text)'", at: location)
                .suggesting(Suggestion.hint(for: text, among: words.sorted(), listingAll: true))
        }
        return text
    }

    private func mismatch(_ expected: String) -> Diagnostic {
        let found = scalar.map { scalar in
            scalar.resolved == .null ? "nothing" : "\(scalar.kindDescription) '\(scalar.text)'"
        } ?? kindDescription
        return .error(YAMLDiagnosticCode.typeMismatch, "expected \(expected), found \(found)", at: location)
    }

    private func invalid(_ message: String) -> Diagnostic {
        .error(YAMLDiagnosticCode.invalidValue, message, at: location)
    }
}
