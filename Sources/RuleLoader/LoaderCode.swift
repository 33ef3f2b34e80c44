import Diagnostics

/// The stable codes of the diagnostics the pack and profile loaders report (docs/diagnostics.md).
public enum LoaderCode {
    // Files
    public static let noPackFiles = DiagnosticCode("pack.no-files")
    public static let packTooLarge = DiagnosticCode("pack.too-large")
    public static let unreadableFile = DiagnosticCode("file.unreadable")
    public static let pathOutsidePack = DiagnosticCode("file.outside-pack")
    // Structure
    public static let unknownKey = DiagnosticCode("pack.unknown-key")
    public static let missingKey = DiagnosticCode("pack.missing-key")
    public static let missingHeader = DiagnosticCode("pack.missing-header")
    public static let invalidID = DiagnosticCode("pack.invalid-id")
    public static let duplicateID = DiagnosticCode("pack.duplicate-id")
    public static let invalidVersion = DiagnosticCode("pack.invalid-version")
    public static let invalidRange = DiagnosticCode("pack.invalid-range")
    public static let unknownLanguage = DiagnosticCode("pack.unknown-language")
    // Names and types
    public static let unknownName = DiagnosticCode("pack.unknown-name")
    public static let unknownReference = DiagnosticCode("pack.unknown-reference")
    public static let typeError = DiagnosticCode("pack.type-error")
    public static let unknownValue = DiagnosticCode("pack.unknown-value")
    public static let cycle = DiagnosticCode("pack.cycle")
    // Warnings
    public static let missingTranslation = DiagnosticCode("pack.missing-translation")
    public static let unusedFact = DiagnosticCode("pack.unused-fact")
    public static let unusedRecommendation = DiagnosticCode("pack.unused-recommendation")
    public static let missingExamples = DiagnosticCode("pack.missing-examples")
    public static let contradiction = DiagnosticCode("pack.contradiction")
    // Profiles
    public static let profileUnknownKey = DiagnosticCode("profile.unknown-key")
    public static let profileMissingKey = DiagnosticCode("profile.missing-key")
    public static let profileUnknownFact = DiagnosticCode("profile.unknown-fact")
    public static let profileWrongType = DiagnosticCode("profile.wrong-type")
    public static let profileOutOfRange = DiagnosticCode("profile.out-of-range")
    public static let profileUnknownValue = DiagnosticCode("profile.unknown-value")
    public static let profileUnknownKind = DiagnosticCode("profile.unknown-kind")
    public static let profileInvalidDate = DiagnosticCode("profile.invalid-date")
}
