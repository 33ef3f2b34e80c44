import Diagnostics

/// The stable codes of the diagnostics about files and profiles (docs/diagnostics.md); the pack
/// checks' codes are declared with each check (``PackCheck``).
public enum LoaderCode {
    // Files
    public static let unreadableFile = DiagnosticCode("file.unreadable")
    public static let pathOutsidePack = DiagnosticCode("file.outside-pack")
    // Profiles
    public static let profileUnknownKey = DiagnosticCode("profile.unknown-key")
    public static let profileMissingKey = DiagnosticCode("profile.missing-key")
    public static let profileUnknownFact = DiagnosticCode("profile.unknown-fact")
    public static let profileWrongType = DiagnosticCode("profile.wrong-type")
    public static let profileOutOfRange = DiagnosticCode("profile.out-of-range")
    public static let profileUnknownValue = DiagnosticCode("profile.unknown-value")
    public static let profileUnknownKind = DiagnosticCode("profile.unknown-kind")
    public static let profileInvalidDate = DiagnosticCode("profile.invalid-date")
    public static let profileUnknownLanguage = DiagnosticCode("profile.unknown-language")
    public static let brandingUnknownKey = DiagnosticCode("branding.unknown-key")
    public static let brandingMissingKey = DiagnosticCode("branding.missing-key")
}
