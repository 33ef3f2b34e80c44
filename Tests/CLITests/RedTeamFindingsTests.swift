import Foundation
import Testing
import TestSupport

/// Wrong codes, places and words a red team found, each checked at its cause.
@Suite struct RedTeamFindingsTests {
    private func profile(_ text: String) throws -> (URL, () -> Void) {
        let folder = try Repository.temporaryFolder("redteam")
        let file = folder.appendingPathComponent("p.yaml")
        try Data(text.utf8).write(to: file)
        return (file, { try? FileManager.default.removeItem(at: folder) })
    }

    @Test func unreadableInputsAreBadInputForLintAndTest() throws {
        #expect(try CLIRunner.run(["lint", "--rules", "/nonexistent"]).status == 2)
        #expect(try CLIRunner.run(["test", "/nonexistent/x.tests.yaml"]).status == 2)
    }

    @Test func aBlankOrganisationNameIsRefusedAtItsPlace() throws {
        let (file, cleanup) = try profile("organisation: {name: \"  \", kind: cci}\nfacts: {named_sponsor: false}\n")
        defer { cleanup() }
        let outcome = try CLIRunner.run(["report", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("p.yaml:1:22: error[profile.missing-key]: the organisation's 'name' is blank"))
        let batch = try CLIRunner.run(["batch", file.path, "--format", "fired"])
        #expect(batch.status == 2 && batch.stderr.contains("is blank"))
    }

    @Test func hugeNumbersAreWrittenAsNumbersNotInf() throws {
        let (file, cleanup) = try profile("organisation: {name: x}\nfacts: {staff_count: 1e307}\n")
        defer { cleanup() }
        let outcome = try CLIRunner.run(["report", file.path])
        #expect(outcome.stderr.contains("1e+307 is outside the range of 'staff_count'"))
        #expect(!outcome.stderr.contains("inf"))
    }

    @Test func yearZeroIsNotADate() throws {
        let (file, cleanup) = try profile("organisation: {name: x, assessed_on: 0000-01-01}\nfacts: {}\n")
        defer { cleanup() }
        let outcome = try CLIRunner.run(["report", file.path])
        #expect(outcome.status == 2 && outcome.stderr.contains("profile.invalid-date"))
    }

    @Test func anOversizedProfileIsReportedAtItsFirstLine() throws {
        let (file, cleanup) = try profile(String(repeating: "a", count: 17 << 20))
        defer { cleanup() }
        let outcome = try CLIRunner.run(["report", file.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("p.yaml:1:1: error[yaml.file-too-large]"))
    }
}

/// `--set` refuses a value the parameter's facts can never take.
@Suite struct SetRangeTests {
    @Test func aPercentageThresholdOver100IsRefused() throws {
        let outcome = try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--set", "min_call_handled_rate=150"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--set: 'min_call_handled_rate' is compared with facts from 0 to 100; 150 is outside"))
        #expect(try CLIRunner.run(["report", "fixtures/profiles/caf-marne-et-loir.yaml", "--set", "min_call_handled_rate=80"]).status == 0)
    }
}
