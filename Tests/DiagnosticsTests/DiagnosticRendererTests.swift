import Testing
@testable import Diagnostics

@Suite struct DiagnosticRendererTests {
    let file = SourceFile(path: "profile.yaml", text: "name: CAF\nfacts:\n  hierarchy_levles: 7\n")

    @Test func rendersHeaderExcerptAndCaret() {
        let diagnostic = Diagnostic.error(
            DiagnosticCode("profile.unknown-fact"), "unknown fact 'hierarchy_levles'; did you mean 'hierarchy_levels'?",
            at: SourceLocation(file: file, range: SourceRange(line: 3, column: 3, endColumn: 19)))
        #expect(DiagnosticRenderer().render(diagnostic) == """
            profile.yaml:3:3: error[profile.unknown-fact]: unknown fact 'hierarchy_levles'; did you mean 'hierarchy_levels'?
                3 |   hierarchy_levles: 7
                  |   ^~~~~~~~~~~~~~~~

            """)
    }

    @Test func rendersNotesAtTheirOwnPlace() {
        let diagnostic = Diagnostic.error(
            DiagnosticCode("yaml.duplicate-key"), "duplicate key 'name'",
            at: SourceLocation(file: file, range: SourceRange(line: 2, column: 1, endColumn: 6)),
            notes: [.init("first occurrence of 'name'",
                          at: SourceLocation(file: file, range: SourceRange(line: 1, column: 1, endColumn: 5)))])
        #expect(DiagnosticRenderer().render(diagnostic) == """
            profile.yaml:2:1: error[yaml.duplicate-key]: duplicate key 'name'
                2 | facts:
                  | ^~~~~
            profile.yaml:1:1: note: first occurrence of 'name'
                1 | name: CAF
                  | ^~~~

            """)
    }

    @Test func caretFollowsTabs() {
        let tabbed = SourceFile(path: "t.yaml", text: "a:\n\tb: x\n")
        let diagnostic = Diagnostic.warning(DiagnosticCode("w"), "look", at: SourceLocation(file: tabbed, range: SourceRange(line: 2, column: 5)))
        #expect(DiagnosticRenderer().render(diagnostic).hasSuffix("  | \t   ^\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic.error(DiagnosticCode("c"), "m", at: nil)
        #expect(DiagnosticRenderer(usesColour: false).render(diagnostic) == "error[c]: m\n")
        #expect(DiagnosticRenderer(usesColour: true).render(diagnostic).contains("\u{1B}[1;31merror"))
    }

    @Test func colourPolicy() {
        #expect(ColourPolicy.usesColour(isTerminal: true, environment: [:]))
        #expect(!ColourPolicy.usesColour(isTerminal: false, environment: [:]))
        #expect(!ColourPolicy.usesColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(ColourPolicy.usesColour(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!ColourPolicy.usesColour(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func listSortsDeduplicatesAndCaps() {
        var list = DiagnosticList(limit: 2)
        let late = Diagnostic.error(DiagnosticCode("b"), "late", at: SourceLocation(file: file, range: SourceRange(line: 3, column: 1)))
        let early = Diagnostic.warning(DiagnosticCode("a"), "early", at: SourceLocation(file: file, range: SourceRange(line: 1, column: 1)))
        list.append(late)
        list.append(early)
        list.append(late)  // the same diagnostic again: neither listed nor counted twice
        #expect(list.sorted == [early, late])
        #expect(list.droppedCount == 0)
        #expect(list.errorCount == 1)
        let third = Diagnostic.error(DiagnosticCode("c"), "third", at: SourceLocation(file: file, range: SourceRange(line: 2, column: 1)))
        list.append(third)
        #expect(list.droppedCount == 1 && list.errorCount == 2)
        #expect(DiagnosticRenderer().render(list).hasSuffix("... and 1 more diagnostics not shown\n"))
    }

    @Test func suggestionsFindTyposOnly() {
        #expect(Suggestion.closest(to: "hierarchy_levles", among: ["hierarchy_levels", "staff_count"]) == "hierarchy_levels")
        #expect(Suggestion.closest(to: "budget", among: ["hierarchy_levels"]) == nil)
        #expect(Suggestion.didYouMean("hihg", among: ["high", "low"]) == "; did you mean 'high'?")
    }

    @Test func positionOfByteOffsetCountsScalars() {
        let accented = SourceFile(path: "a", text: "é\nàb")
        #expect(accented.position(ofByteOffset: 6) == SourcePosition(line: 2, column: 3))
    }
}
