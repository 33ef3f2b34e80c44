import Diagnostics
import Foundation
import Testing
@testable import RuleLoader

/// Every check of the catalogue triggers on its snippets at the marked place, and stays silent on
/// the others; the same holds when the snippet's expressions are written as block scalars, as
/// double-quoted scalars with escapes, and after a line of multi-byte text.
@Suite struct PackCheckSnippetTests {
    /// How a snippet is rewritten before it is loaded; the marker moves with the text.
    enum Variant: String, CaseIterable, CustomTestStringConvertible {
        case asWritten, blockScalar, escapedQuotedScalar, afterMultiByteLine
        var testDescription: String { rawValue }

        func apply(_ snippet: String) -> String {
            switch self {
            case .asWritten:
                return snippet
            case .afterMultiByteLine:
                var lines = snippet.components(separatedBy: "\n")
                lines.insert("# Évaluation « clé » — 😀 ñ", at: 1)
                return lines.joined(separator: "\n")
            case .blockScalar, .escapedQuotedScalar:
                return snippet.components(separatedBy: "\n").map { line in
                    guard let range = line.range(of: "when: "), line[..<range.lowerBound].allSatisfy({ $0 == " " }) else { return line }
                    let expression = String(line[range.upperBound...])
                    guard let first = expression.first, !"[{'\"|>".contains(first), !expression.isEmpty else { return line }
                    let indent = String(line[..<range.lowerBound])
                    if self == .blockScalar { return "\(indent)when: |\n\(indent)  \(expression)" }
                    let escaped = expression.replacingOccurrences(of: " ", with: "\\x20").replacingOccurrences(of: "'", with: "\\\"")
                    return "\(indent)when: \"\(escaped)\""
                }.joined(separator: "\n")
            }
        }
    }

    struct Snippet: CustomTestStringConvertible {
        let check: PackCheck
        let index: Int
        let text: String
        var testDescription: String { "\(check.code) #\(index + 1)" }
    }

    static let triggering = PackCheck.all.flatMap { check in check.triggering.enumerated().map { Snippet(check: check, index: $0, text: $1) } }
    static let nonTriggering = PackCheck.all.flatMap { check in check.nonTriggering.enumerated().map { Snippet(check: check, index: $0, text: $1) } }

    /// The text without its marker, and the marker's position.
    static func unmark(_ text: String) -> (String, SourcePosition?) {
        var line = 1, column = 1
        var position: SourcePosition?
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "↓" {
                position = SourcePosition(line: line, column: column)
                continue
            }
            result.append(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (String(result), position)
    }

    @Test(arguments: triggering, Variant.allCases)
    func triggersWhereMarked(_ snippet: Snippet, _ variant: Variant) {
        let (text, marker) = Self.unmark(variant.apply(snippet.text))
        let found = loadPack(files: ["p": text]).diagnostics.sorted.filter { $0.code == snippet.check.code }
        #expect(!found.isEmpty, "\(snippet.check.code) not reported on:\n\(text)")
        for diagnostic in found { #expect(diagnostic.severity == snippet.check.severity) }
        #expect(found.contains { $0.location?.range.start == marker },
                "expected at \(marker.map { "\($0)" } ?? "no place"), reported at \(found.map { $0.location.map { "\($0.range.start)" } ?? "no place" }) on:\n\(text)")
    }

    @Test(arguments: nonTriggering, Variant.allCases)
    func staysSilent(_ snippet: Snippet, _ variant: Variant) {
        let text = variant.apply(snippet.text)
        let found = loadPack(files: ["p": text]).diagnostics.sorted.filter { $0.code == snippet.check.code }
        #expect(found.isEmpty, "\(found.map(\.description)) on:\n\(text)")
    }

    /// Checks that no snippet can trigger have a test of their own.
    static let testedElsewhere: Set<String> = ["pack.no-files", "pack.too-large"]

    @Test func everyCheckHasSnippetsOrATestOfItsOwn() {
        for check in PackCheck.all {
            #expect(!check.nonTriggering.isEmpty, "\(check.code) has no non-triggering snippet")
            #expect(!check.triggering.isEmpty || Self.testedElsewhere.contains(check.code.rawValue),
                    "\(check.code) has no triggering snippet")
        }
        #expect(Set(PackCheck.all.map(\.code)).count == PackCheck.all.count, "a code declared twice")
    }

    @Test func theCheckerRunsEveryStageAfterStructureInOrder() {
        #expect(PackChecker.stages.map(\.stage) == Array(PackCheck.Stage.allCases.drop { $0 != .identifiers }))
    }
}
