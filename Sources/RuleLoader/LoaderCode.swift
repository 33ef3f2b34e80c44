/// The stable codes of the diagnostics the pack and profile loaders report (docs/diagnostics.md).
public enum LoaderCode {
    // Files
    public static let noPackFiles = "pack.no-files"
    public static let packTooLarge = "pack.too-large"
    public static let unreadableFile = "file.unreadable"
    public static let pathOutsidePack = "file.outside-pack"
    // Structure
    public static let unknownKey = "pack.unknown-key"
    public static let missingKey = "pack.missing-key"
    public static let missingHeader = "pack.missing-header"
    public static let invalidID = "pack.invalid-id"
    public static let duplicateID = "pack.duplicate-id"
    public static let invalidVersion = "pack.invalid-version"
    public static let invalidRange = "pack.invalid-range"
    public static let unknownLanguage = "pack.unknown-language"
    // Names and types
    public static let unknownName = "pack.unknown-name"
    public static let unknownReference = "pack.unknown-reference"
    public static let typeError = "pack.type-error"
    public static let unknownValue = "pack.unknown-value"
    public static let cycle = "pack.cycle"
    // Warnings
    public static let missingTranslation = "pack.missing-translation"
    public static let unusedFact = "pack.unused-fact"
    public static let unusedRecommendation = "pack.unused-recommendation"
    public static let missingExamples = "pack.missing-examples"
    public static let contradiction = "pack.contradiction"
    // Profiles
    public static let profileUnknownKey = "profile.unknown-key"
    public static let profileMissingKey = "profile.missing-key"
    public static let profileUnknownFact = "profile.unknown-fact"
    public static let profileWrongType = "profile.wrong-type"
    public static let profileOutOfRange = "profile.out-of-range"
    public static let profileUnknownValue = "profile.unknown-value"
    public static let profileUnknownKind = "profile.unknown-kind"
    public static let profileInvalidDate = "profile.invalid-date"
}
