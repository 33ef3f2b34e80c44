import Foundation
import Testing
import TestSupport

/// Every command shown in docs/cli.md under a `<!-- run: exit N -->` marker runs from the
/// repository's root and exits with that code.
@Suite struct CLIDocumentationTests {
    struct Example: CustomStringConvertible, Sendable {
        let arguments: [String]
        let status: Int32
        var description: String { "orgdiag " + arguments.joined(separator: " ") }
    }

    static var examples: [Example] {
        guard let text = try? String(contentsOf: DocumentationTests.root.appendingPathComponent("docs/cli.md"), encoding: .utf8) else {
            return []
        }
        var examples: [Example] = []
        var expected: Int32?
        var inBlock = false
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("<!-- run: exit "), let code = Int32(line.dropFirst("<!-- run: exit ".count).prefix { $0.isNumber }) {
                expected = code
            } else if line.hasPrefix("```") {
                inBlock = !inBlock && expected != nil
                if !inBlock { expected = nil }
            } else if inBlock, let status = expected, line.hasPrefix("orgdiag ") {
                examples.append(Example(arguments: line.dropFirst("orgdiag ".count).split(separator: " ").map(String.init), status: status))
            }
        }
        return examples
    }

    @Test func theDocumentHasExamples() {
        #expect(Self.examples.count >= 10)
    }

    @Test(arguments: examples)
    func exampleRunsAsDocumented(_ example: Example) throws {
        let process = Process()
        process.executableURL = DocumentationTests.binary
        process.arguments = example.arguments
        process.currentDirectoryURL = DocumentationTests.root
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == example.status, "\(message)")
    }
}
