import Testing
@testable import RuleModel

/// Each declared function computes what its summary says, and unknown as its declaration says.
@Suite struct ExpressionFunctionTests {
    private func call(_ name: String, _ arguments: [RuntimeValue]) -> RuntimeValue {
        ExpressionFunction.named(name)!.evaluate(arguments)
    }

    @Test func numbersAndListsReduce() {
        #expect(call("min", [.number(3), .number(1), .number(2)]) == .number(1))
        #expect(call("max", [.list([.number(3), .number(7)])]) == .number(7))
        #expect(call("mean", [.number(1), .number(2)]) == .number(1.5))
        #expect(call("sum", [.list([])]) == .number(0))
        #expect(call("mean", [.list([])]) == .unknown)
        #expect(call("min", [.number(1), .unknown]) == .unknown)
    }

    @Test func roundAbsCountKnown() {
        #expect(call("round", [.number(2.5)]) == .number(3))
        #expect(call("round", [.number(2.345), .number(2)]) == .number(2.35))
        #expect(call("abs", [.number(-4)]) == .number(4))
        #expect(call("count", [.set(["a", "b"])]) == .number(2))
        #expect(call("count", [.list([.bool(true), .bool(false), .bool(true)])]) == .number(2))
        #expect(call("count", [.list([.bool(true), .unknown])]) == .unknown)
        #expect(call("known", [.unknown]) == .bool(false))
        #expect(call("known", [.number(0)]) == .bool(true))
    }

    @Test func datesCountDaysAndWholeYears() {
        #expect(call("days_between", [.string("2024-02-28"), .string("2024-03-01")]) == .number(2))  // a leap year
        #expect(call("days_between", [.string("2026-10-14"), .string("2026-01-01")]) == .number(-286))
        #expect(call("years_between", [.string("2019-11-02"), .string("2026-10-14")]) == .number(6))  // not 7: November is not reached
        #expect(call("years_between", [.string("2020-02-29"), .string("2021-02-28")]) == .number(0))
        #expect(call("years_between", [.string("2026-10-14"), .string("2019-11-02")]) == .number(-6))
        #expect(call("days_between", [.string("2026-10-14"), .unknown]) == .unknown)
        #expect(call("days_between", [.string("14/10/2026"), .string("2026-10-14")]) == .unknown)
    }

    @Test func aFunctionNameIsANameOutsideCallPosition() throws {
        let expression = try ExpressionParser.parse("min(min, 3) > count")
        #expect(expression.references == ["min", "count"])
        #expect(expression.description == "min(min, 3) > count")
    }

    @Test func keywordsAreNotFunctionNames() {
        for function in ExpressionFunction.all { #expect(!Expression.keywords.contains(function.name)) }
    }
}
