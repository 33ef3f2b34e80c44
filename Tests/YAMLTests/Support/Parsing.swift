import Diagnostics
@testable import YAML

/// Parses `text` as one document and returns the diagnostics, sorted; empty when it parsed.
func problems(_ text: String, limits: YAMLLimits = .default) -> [Diagnostic] {
    problems(bytes: Array(text.utf8), limits: limits)
}

/// Parses raw bytes as one document and returns the diagnostics, sorted.
func problems(bytes: [UInt8], limits: YAMLLimits = .default) -> [Diagnostic] {
    do {
        _ = try YAMLParser.parseDocument(SourceFile(path: "test.yaml", contents: bytes), limits: limits)
        return []
    } catch {
        return error.sorted
    }
}

/// Parses `text`, which must be valid, as one document.
func document(_ text: String) throws -> YAMLNode {
    try YAMLParser.parseDocument(SourceFile(path: "test.yaml", text: text))
}

extension Diagnostic {
    /// `line:column code message`, the three facts a test checks.
    var summary: String {
        "\(location.map { "\($0.range.start)" } ?? "-") \(code) \(message)"
    }
}
