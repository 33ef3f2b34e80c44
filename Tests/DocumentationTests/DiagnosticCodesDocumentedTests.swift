import Foundation
import Testing
import TestSupport

/// docs/diagnostics.md lists every code the sources use, and no code they do not.
@Suite struct DiagnosticCodesDocumentedTests {
    static let pattern = try! NSRegularExpression(pattern: "\"((?:yaml|pack|profile|expr|file|test|output)\\.[a-z0-9-]+)\"")
    static let documentedPattern = try! NSRegularExpression(pattern: "`((?:yaml|pack|profile|expr|file|test|output)\\.[a-z0-9-]+)`")

    private func codes(in text: String, _ expression: NSRegularExpression) -> Set<String> {
        let range = NSRange(text.startIndex..., in: text)
        return Set(expression.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    @Test func everyCodeIsDocumented() throws {
        let root = DocumentationTests.root
        var used = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        for case let path as String in FileManager.default.enumerator(atPath: sources.path)! where path.hasSuffix(".swift") {
            used.formUnion(codes(in: try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8), Self.pattern))
        }
        used = used.filter { !$0.hasSuffix(".yaml") }  // file names, not codes
        let documented = codes(in: try String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8),
                               Self.documentedPattern)
        #expect(used.count > 40)
        #expect(used.subtracting(documented).sorted() == [], "codes used but not documented")
        #expect(documented.subtracting(used).sorted() == [], "codes documented but never used")
    }
}
