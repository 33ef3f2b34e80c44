import Diagnostics

/// One check `orgdiag lint` runs on a pack, declared once with everything said about it: its
/// stable code, its severity, the stage that runs it, a summary for docs/diagnostics.md, and
/// pack snippets that must trigger it (with `↓` just before the place it must point at) and
/// snippets that must not.
///
/// The catalogue (``all``, in `PackCheck+Catalogue.swift`) is the one list: the loader reports
/// through its entries (``diagnostic(_:at:notes:)``), the test suite runs every snippet (also with
/// its expressions rewritten as block scalars, as escaped quoted scalars, and after a line of
/// multi-byte text), and docs/diagnostics.md's table of pack checks is checked against it.
public struct PackCheck: Sendable, Identifiable {
    /// The checking stages, in the order they run. Each stage sees what the earlier ones built.
    public enum Stage: String, Sendable, CaseIterable {
        /// YAML syntax and limits, file by file.
        case read
        /// Sections, keys, value types, ids, expression syntax.
        case structure
        /// An id defined twice, across files.
        case identifiers
        /// Unknown names in expressions and `because` sentences, unknown dimensions,
        /// recommendations and organisation kinds.
        case references
        /// Indicators and diagnostics that depend on themselves, circular `requires` (after
        /// references: a cycle is only meaningful between names that exist).
        case cycles
        /// Comparisons of unlike values, undeclared enum values, percentages outside 0–100 (only
        /// when every name resolves and nothing is circular).
        case types
        /// Each example's facts against the catalogue.
        case examples
        /// A text missing in one of the pack's languages.
        case translations
        /// Unused facts and recommendations, diagnostics without examples, contradictory
        /// conditions (only when every file could be read).
        case usage
    }

    /// The stable code, such as `pack.unknown-name`.
    public let code: DiagnosticCode
    /// Whether it stops the pack from loading (error) or only warns.
    public let severity: Severity
    /// The stage that runs it.
    public let stage: Stage
    /// What it finds, in one line, as docs/diagnostics.md lists it.
    public let summary: String
    /// Pack files (one `p.yaml` each) that must trigger it, `↓` marking where it must point;
    /// a snippet without `↓` expects a diagnostic with no location.
    public let triggering: [String]
    /// Pack files that must not trigger it.
    public let nonTriggering: [String]

    public var id: DiagnosticCode { code }

    /// Declares a check.
    public init(_ code: String, _ severity: Severity, stage: Stage, _ summary: String,
                triggering: [String], nonTriggering: [String]) {
        self.code = DiagnosticCode(code)
        self.severity = severity
        self.stage = stage
        self.summary = summary
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// A problem this check found, with the check's code and severity.
    public func diagnostic(_ message: String, at location: SourceLocation?, notes: [Diagnostic.Note] = []) -> Diagnostic {
        Diagnostic(severity, code: code, message: message, at: location, notes: notes)
    }
}
