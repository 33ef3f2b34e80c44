import Diagnostics
import Testing
@testable import RuleModel

/// The expression limits, just under and just over.
@Suite struct ExpressionLimitTests {
    @Test func length() throws {
        let exactly = String(repeating: "a + ", count: 999) + "abcd"
        #expect(exactly.count == ExpressionParser.maxLength)
        _ = try ExpressionParser.parse(exactly)
        #expect(throws: Diagnostic.self) { try ExpressionParser.parse(exactly + "e") }
    }

    @Test func depth() throws {
        let nested = { (depth: Int) in String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth) }
        // Exactly the documented limit: 64 levels accepted, 65 refused.
        _ = try ExpressionParser.parse(nested(ExpressionParser.maxDepth))
        _ = try ExpressionParser.parse(String(repeating: "not ", count: ExpressionParser.maxDepth) + "a")
        #expect(throws: Diagnostic.self) { try ExpressionParser.parse(nested(ExpressionParser.maxDepth + 1)) }
        #expect(throws: Diagnostic.self) { try ExpressionParser.parse(String(repeating: "not ", count: ExpressionParser.maxDepth + 1) + "a") }
    }
}
