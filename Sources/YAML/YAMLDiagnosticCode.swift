import Diagnostics

/// The stable codes of the diagnostics the YAML layer reports (listed in docs/diagnostics.md).
public enum YAMLDiagnosticCode {
    /// libyaml refused the text (a scanner or parser error).
    public static let syntax = DiagnosticCode("yaml.syntax")
    /// A tab where YAML needs spaces for indentation.
    public static let tabIndentation = DiagnosticCode("yaml.tab-indentation")
    /// Bytes that are not valid UTF-8.
    public static let invalidUTF8 = DiagnosticCode("yaml.invalid-utf8")
    /// A control character YAML does not allow in a stream.
    public static let controlCharacter = DiagnosticCode("yaml.control-character")
    /// The file is larger than the limit.
    public static let fileTooLarge = DiagnosticCode("yaml.file-too-large")
    /// A scalar longer than the limit.
    public static let scalarTooLong = DiagnosticCode("yaml.scalar-too-long")
    /// Collections nested deeper than the limit.
    public static let tooDeep = DiagnosticCode("yaml.too-deep")
    /// Aliases would expand to more nodes than the limit (an alias bomb).
    public static let aliasBudget = DiagnosticCode("yaml.alias-budget")
    /// An alias to an anchor that was never defined.
    public static let undefinedAlias = DiagnosticCode("yaml.undefined-alias")
    /// The same key twice in one mapping.
    public static let duplicateKey = DiagnosticCode("yaml.duplicate-key")
    /// More than one document where one is expected.
    public static let multipleDocuments = DiagnosticCode("yaml.multiple-documents")
    /// No document at all where one is expected.
    public static let emptyDocument = DiagnosticCode("yaml.empty-document")
    /// libyaml did something we did not expect; a bug to report, never a crash.
    public static let `internal` = DiagnosticCode("yaml.internal")
    /// A node of the wrong kind (a list where a mapping is expected...).
    public static let typeMismatch = DiagnosticCode("yaml.type-mismatch")
    /// A value of the right kind that cannot be used (an integer that overflows, a non-finite number).
    public static let invalidValue = DiagnosticCode("yaml.invalid-value")
    /// A word outside the set of words allowed there.
    public static let unknownWord = DiagnosticCode("yaml.unknown-word")
}
