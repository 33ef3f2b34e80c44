import Foundation
import RuleModel
import Testing
import TestSupport

/// docs/rule-language.md's function table is the declarations of ``ExpressionFunction``, row for row.
@Suite struct FunctionTableTests {
    static func row(_ function: ExpressionFunction) -> String {
        "| `\(function.signature)` | \(function.summary) | \(function.unknownWhen) | `\(function.example)` |"
    }

    @Test func theDocumentedTableIsTheDeclaredFunctions() throws {
        let page = try Repository.text("docs/rule-language.md")
        let lines = page.components(separatedBy: "\n")
        let marker = try #require(lines.firstIndex { $0.hasPrefix("<!-- functions:") }, "no function table marker")
        let rows = lines[(marker + 3)...].prefix { $0.hasPrefix("|") }
        let expected = ExpressionFunction.all.map(Self.row)
        #expect(Array(rows) == expected, "write these rows in docs/rule-language.md:\n\(expected.joined(separator: "\n"))")
    }

    @Test(arguments: ExpressionFunction.all.map(\.name))
    func eachExampleParsesAsACallOfItsFunction(_ name: String) throws {
        let function = try #require(ExpressionFunction.named(name))
        var calls: [String] = []
        try ExpressionParser.parse(function.example).visit { node in
            if case .call(let called, _) = node.kind { calls.append(called.name) }
        }
        #expect(calls.contains(name))
    }
}
