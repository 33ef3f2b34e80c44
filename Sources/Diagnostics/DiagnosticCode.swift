/// The stable code of a kind of problem, such as `yaml.duplicate-key` (docs/diagnostics.md).
///
/// Each layer declares its codes once, as static constants (``YAMLDiagnosticCode``, the loader's
/// `LoaderCode`, …), and reports through them: no code is written as a string where a problem is
/// reported. Codes are never reused.
public struct DiagnosticCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code as printed: `layer.kebab-case-name`.
    public let rawValue: String

    /// Declares a code.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Declares a code.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
