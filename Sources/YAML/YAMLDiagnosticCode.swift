/// The stable codes of the diagnostics the YAML layer reports (listed in docs/diagnostics.md).
public enum YAMLDiagnosticCode {
    /// libyaml refused the text (a scanner or parser error).
    public static let syntax = "yaml.syntax"
    /// A tab where YAML needs spaces for indentation.
    public static let tabIndentation = "yaml.tab-indentation"
    /// Bytes that are not valid UTF-8.
    public static let invalidUTF8 = "yaml.invalid-utf8"
    /// A control character YAML does not allow in a stream.
    public static let controlCharacter = "yaml.control-character"
    /// The file is larger than the limit.
    public static let fileTooLarge = "yaml.file-too-large"
    /// A scalar longer than the limit.
    public static let scalarTooLong = "yaml.scalar-too-long"
    /// Collections nested deeper than the limit.
    public static let tooDeep = "yaml.too-deep"
    /// Aliases would expand to more nodes than the limit (an alias bomb).
    public static let aliasBudget = "yaml.alias-budget"
    /// An alias to an anchor that was never defined.
    public static let undefinedAlias = "yaml.undefined-alias"
    /// The same key twice in one mapping.
    public static let duplicateKey = "yaml.duplicate-key"
    /// More than one document where one is expected.
    public static let multipleDocuments = "yaml.multiple-documents"
    /// No document at all where one is expected.
    public static let emptyDocument = "yaml.empty-document"
    /// libyaml did something we did not expect; a bug to report, never a crash.
    public static let `internal` = "yaml.internal"
    /// A node of the wrong kind (a list where a mapping is expected...).
    public static let typeMismatch = "yaml.type-mismatch"
    /// A value of the right kind that cannot be used (an integer that overflows, a non-finite number).
    public static let invalidValue = "yaml.invalid-value"
    /// A word outside the set of words allowed there.
    public static let unknownWord = "yaml.unknown-word"
}
