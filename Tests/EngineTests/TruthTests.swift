import Testing
import RuleModel

/// Kleene's truth tables, checked against their definition through the order false < unknown < true.
@Suite struct TruthTests {
    private func rank(_ truth: Truth) -> Int { truth == .false ? 0 : truth == .unknown ? 1 : 2 }

    @Test(arguments: Truth.allCases, Truth.allCases)
    func conjunctionIsTheMinimum(lhs: Truth, rhs: Truth) {
        #expect(rank(lhs && rhs) == min(rank(lhs), rank(rhs)))
    }

    @Test(arguments: Truth.allCases, Truth.allCases)
    func disjunctionIsTheMaximum(lhs: Truth, rhs: Truth) {
        #expect(rank(lhs || rhs) == max(rank(lhs), rank(rhs)))
    }

    @Test func negation() {
        #expect(!Truth.true == .false)
        #expect(!Truth.false == .true)
        #expect(!Truth.unknown == .unknown)
    }
}
