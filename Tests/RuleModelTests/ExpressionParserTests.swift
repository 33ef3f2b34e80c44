import Diagnostics
import Testing
@testable import RuleModel

@Suite struct ExpressionParserTests {
    private func parsed(_ text: String) throws -> String {
        try ExpressionParser.parse(text).description
    }

    private func error(_ text: String) -> String {
        do {
            _ = try ExpressionParser.parse(text)
            return "no error"
        } catch {
            return "\(error.location!.range.start.column) \(error.message)"
        }
    }

    @Test func precedence() throws {
        #expect(try parsed("a or b and c") == "a or (b and c)")
        #expect(try parsed("not a and b") == "(not a) and b")
        #expect(try parsed("a + b * c > d - 1") == "(a + (b * c)) > (d - 1)")
        #expect(try parsed("(a + b) * c") == "(a + b) * c")
        #expect(try parsed("-a * 2") == "-a * 2")
        #expect(try parsed("x between 1 and 5 and y") == "(x between 1 and 5) and y")
        #expect(try parsed("x not in ['a', 'b'] or s contains 'c'") == "(x not in ['a', 'b']) or (s contains 'c')")
    }

    @Test func literalsAndCalls() throws {
        #expect(try ExpressionParser.parse("-3.5").kind == .literal(.number(-3.5)))
        #expect(try ExpressionParser.parse("\"two words\"").kind == .literal(.string("two words")))
        #expect(try ExpressionParser.parse("true").kind == .literal(.bool(true)))
        #expect(try parsed("round(mean([a, b, 3]), 1)") == "round(mean([a, b, 3]), 1)")
        #expect(try ExpressionParser.parse("known(x) and max(a, b) > min(c)").references == ["x", "a", "b", "c"])
        #expect(try parsed("count([])") == "count([])")
    }

    @Test func errorsPointAtTheirColumn() {
        #expect(error("a > > 1") == "5 expected a value, found '>'")
        #expect(error("a = 1") == "3 '=' is not an operator; write '==' to compare")
        #expect(error("(a > 1") == "7 expected ')', found the end of the expression")
        #expect(error("a > 1 b") == "7 unexpected 'b' after a complete expression")
        #expect(error("'open") == "1 unterminated text: a closing ' is missing")
        #expect(error("mx(a)") == "1 unknown function 'mx'; did you mean 'max'?")
        #expect(error("a between 1 or 2") == "13 expected 'and' in 'between … and …', found 'or'")
        #expect(error("a > and") == "5 expected a value, found the keyword 'and'")
        #expect(error("a $ b") == "3 unexpected character '$'")
        #expect(error("1.2.3") == "1 '1.2.3' is not a number")
    }

    @Test func limits() {
        let deep = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(error(deep) == "66 expression nested deeper than 64 levels")
        #expect(error(String(repeating: "a + ", count: 1000) + "a") == "1 expression is 4001 characters long, over the limit of 4000")
        let deepNot = String(repeating: "not ", count: 70) + "a"
        #expect(error(deepNot).hasSuffix("expression nested deeper than 64 levels"))
    }

    @Test func locationsFollowTheOrigin() throws {
        let file = SourceFile(path: "p.yaml", text: "    when: a > 1\n")
        let origin = TextOrigin(file: file, start: SourcePosition(line: 1, column: 11), length: 5)
        let expression = try ExpressionParser.parse("a > 1", origin: origin)
        #expect(expression.location?.range.start == SourcePosition(line: 1, column: 11))
        #expect(expression.children[1].location?.range.start == SourcePosition(line: 1, column: 15))
    }
}
