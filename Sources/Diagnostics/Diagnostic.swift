/// One problem found in a user's file, with a stable code, a message and where it is.
///
/// Every layer of orgdiag (YAML, pack loader, profile loader, rule tests) reports through this type.
/// Messages start lowercase, have no trailing period and quote user values in single quotes.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    /// A remark attached to a diagnostic, usually pointing at another place (for example the first
    /// occurrence of a duplicate key).
    public struct Note: Hashable, Sendable {
        /// The remark.
        public var message: String
        /// Where it points, if anywhere.
        public var location: SourceLocation?

        /// Creates a note.
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// A stable, never reused code such as `yaml.duplicate-key`; see docs/diagnostics.md.
    public var code: DiagnosticCode
    /// What is wrong, in one line.
    public var message: String
    /// Where it is wrong; `nil` only for problems that concern no particular place (a missing file).
    public var location: SourceLocation?
    /// Further remarks, possibly at other places.
    public var notes: [Note]
    /// Edits that would fix the problem (the word a "did you mean" names, in place of the typo).
    public var fixIts: [FixIt] = []

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: DiagnosticCode, message: String,
        at location: SourceLocation?, notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Creates an error.
    public static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, notes: notes)
    }

    /// Creates a warning.
    public static func warning(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, at: location, notes: notes)
    }

    /// This diagnostic with `hint` appended to its message and, when the hint names a replacement
    /// and the diagnostic's range is the misspelt word, the fix-it that makes it.
    /// - Parameter written: how the replacement is written in the file (quoted, for a text literal).
    public func suggesting(_ hint: Suggestion.Hint, written: (String) -> String = { $0 }) -> Diagnostic {
        var result = self
        result.message += hint.text
        if let replacement = hint.replacement, let location {
            result.fixIts.append(FixIt("replace with '\(replacement)'", replacing: location, with: written(replacement)))
        }
        return result
    }

    /// `path:line:column: severity[code]: message`, without the source excerpt.
    public var description: String {
        let place = location.map { "\($0): " } ?? ""
        return "\(place)\(severity.rawValue)[\(code)]: \(message)"
    }
}

extension Diagnostic: Comparable {
    /// Orders by file path, position, severity, code and message, so that output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = (lhs.location?.file.path ?? "", lhs.location?.rangeInFile.start.line ?? 0,
                    lhs.location?.range.start.column ?? 0)
        let right = (rhs.location?.file.path ?? "", rhs.location?.rangeInFile.start.line ?? 0,
                     rhs.location?.range.start.column ?? 0)
        if left != right { return left < right }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        return (lhs.code, lhs.message) < (rhs.code, rhs.message)
    }
}
