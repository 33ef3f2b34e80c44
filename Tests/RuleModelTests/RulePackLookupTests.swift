import Testing
import RuleModel

/// Looking rules up by id: collections stay sorted by id, whatever order they are given or changed in.
@Suite struct RulePackLookupTests {
    private func pack(_ factIDs: [String]) -> RulePack {
        RulePack(metadata: .init(id: "p"), facts: factIDs.map { FactDefinition(id: $0, type: .number) },
                 parameters: [Parameter(id: "limit", value: .number(5))])
    }

    @Test func everyIdIsFoundAndNoOtherIs() {
        let ids = (0..<500).map { "fact_\($0 * 7919 % 500)" }
        let pack = pack(ids)
        #expect(pack.facts.map(\.id) == ids.sorted())
        for id in ids { #expect(pack.fact(id)?.id == id) }
        for missing in ["", "fact_", "fact_500", "fact_0a", "zzz", "a"] { #expect(pack.fact(missing) == nil) }
        #expect(pack.parameter("limit")?.value == .number(5))
        #expect(pack.parameter("fact_1") == nil)
    }

    @Test func changesThatBreakTheOrderAreSortedAgain() {
        var pack = pack(["b", "d"])
        pack.facts.append(FactDefinition(id: "a", type: .boolean))
        pack.facts.append(FactDefinition(id: "c", type: .percentage))
        #expect(pack.facts.map(\.id) == ["a", "b", "c", "d"])
        #expect(pack.fact("a")?.type == .boolean)
        #expect(pack.fact("c")?.type == .percentage)
        pack.facts[0].type = .integer
        #expect(pack.fact("a")?.type == .integer)
        pack.parameters = [Parameter(id: "z", value: .number(1)), Parameter(id: "m", value: .number(2))]
        #expect(pack.parameter("m")?.value == .number(2))
        #expect(pack.parameters.map(\.id) == ["m", "z"])
    }

    /// `positions(by:)` gives each id its first position when two elements share one.
    @Test func positionsKeepTheFirstOfEqualIDs() {
        #expect(["b", "a", "b", "c", "a"].positions(by: { $0 }) == ["b": 0, "a": 1, "c": 3])
        #expect([String]().positions(by: { $0 }).isEmpty)
    }
}
