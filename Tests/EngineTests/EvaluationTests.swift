import Testing
import RuleModel
@testable import Engine

@Suite struct EvaluationTests {
    private func status(_ condition: String, _ facts: [String: Value] = [:], indicators: [String: String] = [:]) throws -> FindingOutcome.Status {
        try PackBuilder.evaluate(condition, facts, indicators: indicators)
    }

    @Test func comparisonsReadingUnknownFactsAreUnknown() throws {
        #expect(try status("a > 5", ["a": .number(8)]) == .fired)
        #expect(try status("a > 5", ["a": .number(3)]) == .notFired)
        #expect(try status("a > 5") == .unknown)
        #expect(try status("a != 5") == .unknown)
        #expect(try status("not (a == 5)") == .unknown)
    }

    @Test func kleeneConnectives() throws {
        #expect(try status("a > 5 and b > 1", ["a": .number(1)]) == .notFired)
        #expect(try status("a > 5 and b > 1", ["a": .number(9)]) == .unknown)
        #expect(try status("a > 5 or b > 1", ["a": .number(9)]) == .fired)
        #expect(try status("a > 5 or b > 1", ["a": .number(1)]) == .unknown)
    }

    @Test func membershipContainsAndBetween() throws {
        #expect(try status("e in ['none', 'partial']", ["e": .string("none")]) == .fired)
        #expect(try status("e not in ['none', 'partial']", ["e": .string("none")]) == .notFired)
        #expect(try status("s contains 'web'", ["s": .set(["desk", "web"])]) == .fired)
        #expect(try status("s contains 'web'", ["s": .set([])]) == .notFired)
        #expect(try status("a between 3 and 5", ["a": .number(5)]) == .fired)
        #expect(try status("a between 3 and 5", ["a": .number(6)]) == .notFired)
        #expect(try status("a in [1, b]", ["a": .number(2)]) == .unknown)
        #expect(try status("a in [2, b]", ["a": .number(2)]) == .fired)
    }

    @Test func divisionByZeroAndEmptyListsAreUnknownNeverInfinite() throws {
        #expect(try status("r > 1", ["a": .number(10), "b": .number(0)], indicators: ["r": "a / b"]) == .unknown)
        #expect(try status("max(s) > 1", ["s": .set([])]) == .unknown)
        #expect(try status("mean([a, b]) > 1", ["a": .number(1)]) == .unknown)
        #expect(try status("b * c > 1", ["b": .number(1e308), "c": .number(1e308)]) == .unknown)
    }

    @Test func functions() throws {
        #expect(try status("min(a, b) == 2", ["a": .number(2), "b": .number(7)]) == .fired)
        #expect(try status("max([a, b]) == 7", ["a": .number(2), "b": .number(7)]) == .fired)
        #expect(try status("abs(b) == 3", ["b": .number(-3)]) == .fired)
        #expect(try status("round(b, 1) == 2.5", ["b": .number(2.46)]) == .fired)
        #expect(try status("count(s) == 2", ["s": .set(["desk", "web"])]) == .fired)
        #expect(try status("count([a > 1, b > 1, f]) == 2", ["a": .number(2), "b": .number(2), "f": .bool(false)]) == .fired)
        #expect(try status("sum([a, b]) == 9", ["a": .number(2), "b": .number(7)]) == .fired)
        #expect(try status("known(a)") == .notFired)
        #expect(try status("not known(a)") == .fired)
    }

    @Test func indicatorsChainInDependencyOrder() throws {
        let indicators = ["ratio": "a / b", "doubled": "ratio * 2", "high": "doubled > 10"]
        #expect(try status("high", ["a": .number(30), "b": .number(5)], indicators: indicators) == .fired)
        #expect(try status("high", ["a": .number(10), "b": .number(5)], indicators: indicators) == .notFired)
    }

    @Test func diagnosticsMayUseOtherDiagnostics() throws {
        let pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("base", "a > 5"), PackBuilder.diagnostic("derived", "base and f")])
        let engine = try Engine(pack: pack)
        let evaluation = engine.evaluate(Profile(name: "p", facts: ["a": .number(9), "f": .bool(true)]))
        #expect(evaluation.outcome(of: "derived")?.status == .fired)
    }

    @Test func parametersByKindAndOverrides() throws {
        let pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "a > limit")],
                                    parameters: [Parameter(id: "limit", value: .number(5), byKind: ["metropole": .number(6)])])
        let engine = try Engine(pack: pack)
        let facts: [String: Value] = ["a": .number(6)]
        #expect(engine.evaluate(Profile(name: "p", kind: "caf", facts: facts)).outcome(of: "d")?.status == .fired)
        #expect(engine.evaluate(Profile(name: "p", kind: "metropole", facts: facts)).outcome(of: "d")?.status == .notFired)
        #expect(engine.evaluate(Profile(name: "p", kind: "caf", facts: facts), overrides: ["limit": .number(7)])
            .outcome(of: "d")?.status == .notFired)
    }

    @Test func notApplicableForOtherKinds() throws {
        let pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "a > 1", appliesTo: ["caf"])])
        let engine = try Engine(pack: pack)
        let evaluation = engine.evaluate(Profile(name: "p", kind: "metropole", facts: ["a": .number(5)]))
        #expect(evaluation.outcome(of: "d")?.status == .notApplicable)
        #expect(engine.decide(Profile(name: "p", kind: "caf", facts: ["a": .number(5)])).fired == [0])
        #expect(engine.decide(Profile(name: "p", kind: "caf")).unknown == [0])
    }

    @Test func cyclesAndUnknownNamesAreRefusedAtCompileTime() {
        #expect(throws: EngineError.cycle(["x", "y", "x"])) {
            try Engine(pack: PackBuilder.pack(indicators: ["x": "y + 1", "y": "x + 1"]))
        }
        #expect(throws: EngineError.unresolvedName("zz")) {
            try Engine(pack: PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("d", "zz > 1")]))
        }
    }

    @Test func missingFactsAreRankedBySeverityWeight() throws {
        let pack = PackBuilder.pack(diagnostics: [
            PackBuilder.diagnostic("critical_one", "b > 1", severity: .critical),
            PackBuilder.diagnostic("high_one", "a > 1 and c > 1", severity: .high),
            PackBuilder.diagnostic("low_one", "c > 2", severity: .low),
        ])
        let engine = try Engine(pack: pack)
        let evaluation = engine.evaluate(Profile(name: "p"))
        let questions = engine.questions(for: evaluation)
        #expect(questions.map(\.factID) == ["b", "c", "a"])
        #expect(questions.map(\.weight) == [8, 5, 4])
        #expect(questions[1].decides == ["high_one", "low_one"])
        #expect(evaluation.outcome(of: "high_one")?.missingFacts == ["a", "c"])
    }

    /// A pack whose `structure` dimension climbs on `a` and on a diagnostic.
    private func leveledPack() -> RulePack {
        var pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("vertical", "b > 3")])
        func level(_ name: String, _ criteria: String?) -> Dimension.Level {
            Dimension.Level(name: LocalizedText(["en": name]), criteria: criteria.map { .expression(PackBuilder.expression($0)) })
        }
        pack.dimensions = [Dimension(id: "structure", levels: [
            level("one", nil), level("two", "a >= 1"), level("three", "not vertical"), level("four", "f"), level("five", "a >= 9"),
        ])]
        return pack
    }

    @Test func maturityIsTheHighestLevelWhoseCriteriaAndThoseBelowHold() throws {
        let engine = try Engine(pack: leveledPack())
        func maturity(_ facts: [String: Value]) -> DimensionMaturity { engine.evaluate(Profile(name: "p", facts: facts)).maturity[0] }
        let all = maturity(["a": .number(9), "b": .number(1), "f": .bool(true)])
        #expect(all.level == 5 && all.blockers.isEmpty)
        // Level 4's criteria fail: level 3, blocked by f; level 5's would hold, but levels are climbed in order.
        let blocked = maturity(["a": .number(9), "b": .number(1), "f": .bool(false)])
        #expect(blocked.level == 3 && blocked.atLeast == 3)
        #expect(blocked.blockers.map(\.description) == ["f"])
        // A fired diagnostic blocks level 3.
        let vertical = maturity(["a": .number(2), "b": .number(5)])
        #expect(vertical.level == 2 && vertical.blockers.map(\.description) == ["not vertical"])
        // Level 3 cannot be told: not assessed, at least 2, with the fact that would decide it.
        let undecided = maturity(["a": .number(2)])
        #expect(undecided.level == nil && undecided.atLeast == 2 && undecided.missingFacts == ["b"])
        // Nothing known: not assessed, at least 1.
        let empty = maturity([:])
        #expect(empty.level == nil && empty.atLeast == 1 && empty.missingFacts == ["a"])
    }

    @Test func aLevelIsBlockedOnlyByWhatDoesNotHold() throws {
        var pack = PackBuilder.pack()
        let criteria = Condition.all([.expression(PackBuilder.expression("a >= 5")),
                                      .any([.expression(PackBuilder.expression("f")), .expression(PackBuilder.expression("b > 3"))], location: nil)],
                                     location: nil)
        pack.dimensions = [Dimension(id: "structure", levels: [Dimension.Level(name: LocalizedText(["en": "one"])),
                                                               Dimension.Level(name: LocalizedText(["en": "two"]), criteria: criteria)])]
        let maturity = try Engine(pack: pack).evaluate(Profile(name: "p", facts: ["a": .number(1), "f": .bool(true), "b": .number(1)])).maturity[0]
        // The `any` block holds through f: b > 3, false, blocks nothing.
        #expect(maturity.level == 1 && maturity.blockers.map(\.description) == ["a >= 5"])
    }

    @Test func aDimensionWithoutLevelsIsNeverAssessed() throws {
        let evaluation = try Engine(pack: PackBuilder.pack()).evaluate(Profile(name: "p", facts: ["a": .number(5)]))
        #expect(evaluation.maturity.allSatisfy { $0.level == nil && $0.atLeast == 0 })
    }

    @Test func theQuestionsIncludeWhatDecidesALevelNotAssessed() throws {
        let engine = try Engine(pack: leveledPack())
        let evaluation = engine.evaluate(Profile(name: "p", facts: ["a": .number(2), "b": .number(1)]))
        #expect(evaluation.maturity[0].level == nil && evaluation.maturity[0].missingFacts == ["f"])
        let question = try #require(engine.questions(for: evaluation).first { $0.factID == "f" })
        #expect(question.decidesLevels == ["structure"] && question.weight == 1)
    }
}

/// A fact relevant only under a condition is not asked where the condition is false.
@Suite struct RelevanceTests {
    private func pack() throws -> RulePack {
        var pack = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("low_engagement", "a < 50")])
        pack.facts.append(FactDefinition(id: "survey", type: .boolean))
        pack.facts = pack.facts.map { fact in
            guard fact.id == "a" else { return fact }
            var relevant = fact
            relevant.relevantWhen = .expression(try! ExpressionParser.parse("survey"))
            return relevant
        }
        return pack
    }

    @Test func anIrrelevantFactIsNeitherAskedNorMissing() throws {
        let pack = try pack()
                let engine = try Engine(pack: pack)
        let noSurvey = engine.evaluate(Profile(name: "p", facts: ["survey": .bool(false)]))
        #expect(noSurvey.irrelevantFacts == ["a"])
        #expect(!engine.questions(for: noSurvey).map(\.factID).contains("a"))
        #expect(noSurvey.outcome(of: "low_engagement")?.missingFacts == [])
        let survey = engine.evaluate(Profile(name: "p", facts: ["survey": .bool(true)]))
        #expect(engine.questions(for: survey).map(\.factID).contains("a"))
        let unknown = engine.evaluate(Profile(name: "p"))
        #expect(engine.questions(for: unknown).map(\.factID).contains("a"))
    }

    /// A fact whose relevance is unknown waits while the fact its relevance reads is asked itself;
    /// facts whose relevance conditions read each other do not all wait.
    @Test func aFactWaitsForTheQuestionThatSettlesItsRelevance() throws {
        func relevant(_ pack: inout RulePack, _ id: String, when condition: String) {
            pack.facts = pack.facts.map { fact in
                guard fact.id == id else { return fact }
                var relevant = fact
                relevant.relevantWhen = .expression(try! ExpressionParser.parse(condition))
                return relevant
            }
        }
        // Whether the survey was run decides the finding too: it is asked, the score waits.
        var chain = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("low_engagement", "f and a < 50")])
        relevant(&chain, "a", when: "f")
        let chainEngine = try Engine(pack: chain)
        let unknown = chainEngine.evaluate(Profile(name: "p"))
        #expect(chainEngine.questions(for: unknown).map(\.factID) == ["f"])
        let surveyRun = chainEngine.evaluate(Profile(name: "p", facts: ["f": .bool(true)]))
        #expect(chainEngine.questions(for: surveyRun).map(\.factID) == ["a"])
        // Two facts whose relevance reads the other: one of them is asked.
        var cycle = PackBuilder.pack(diagnostics: [PackBuilder.diagnostic("both", "a > 5 and b > 5")])
        relevant(&cycle, "a", when: "b > 0")
        relevant(&cycle, "b", when: "a > 0")
        let cycleEngine = try Engine(pack: cycle)
        #expect(cycleEngine.questions(for: cycleEngine.evaluate(Profile(name: "p"))).count == 1)
    }
}
