import Foundation
import RuleModel
import Testing
import TestSupport

/// The fact types that docs/rule-language.md and the pack schema list are the declared ones.
@Suite struct FactTypeTableTests {
    static let declared = FactDefinition.FactType.allCases.map(\.rawValue)

    @Test func theDocumentedTypesAreTheDeclaredOnes() throws {
        let lines = try Repository.text("docs/rule-language.md").components(separatedBy: "\n")
        let header = try #require(lines.firstIndex(of: "| type | profile value | in expressions |"))
        let names = lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            String(line.split(separator: "|")[0].trimmingCharacters(in: .whitespaces).dropFirst().dropLast())
        }
        #expect(names == Self.declared)
    }

    @Test func theSchemaListsTheDeclaredTypes() throws {
        let schema = try Repository.text("docs/schema/pack.schema.json")
        let list = Self.declared.map { "\"\($0)\"" }.joined(separator: ", ")
        #expect(schema.contains("\"type\": {\"enum\": [\(list)]}"))
    }
}
