import Diagnostics
import Testing
@testable import YAML

/// Each YAML limit, just under (accepted) and just over (refused with its code and place).
@Suite struct LimitTests {
    @Test func aliasExpansionBudget() {
        // 1 mapping + 2 keys + (1 list + 3 items) + an alias that expands to those 4 nodes = 11.
        let text = "a: &a [x, y, z]\nb: *a\n"
        #expect(problems(text, limits: YAMLLimits(maxExpandedNodes: 11)).isEmpty)
        #expect(problems(text, limits: YAMLLimits(maxExpandedNodes: 10)).map(\.summary)
            == ["2:4 yaml.alias-budget aliases expand to more than 10 nodes; refusing a possible alias bomb"])
    }

    @Test func scalarLength() {
        let limits = YAMLLimits(maxScalarBytes: 10)
        #expect(problems("a: \(String(repeating: "x", count: 10))\n", limits: limits).isEmpty)
        #expect(problems("a: \(String(repeating: "x", count: 11))\n", limits: limits).map(\.summary)
            == ["1:4 yaml.scalar-too-long a value of 11 bytes, over the limit of 10 bytes"])
    }

    @Test func theDefaultScalarLimitAllowsLongTexts() {
        #expect(problems("a: \"\(String(repeating: "é", count: 30_000))\"\n").isEmpty)
        #expect(problems("a: \"\(String(repeating: "é", count: 40_000))\"\n").map(\.code) == [YAMLDiagnosticCode.scalarTooLong])
    }

    @Test func aBigDocumentWithoutAliasesIsNotCalledAnAliasBomb() {
        var limits = YAMLLimits.default
        limits.maxExpandedNodes = 10
        let (_, problems) = YAMLParser.parse(SourceFile(path: "t.yaml", text: (0..<20).map { "k\($0): 1" }.joined(separator: "\n")),
                                             limits: limits, maxDocuments: 1)
        #expect(problems.sorted.first?.message == "the document holds more than 10 nodes, over the limit")
    }
}
