import Foundation
import Testing
import TestSupport

/// `orgdiag test` never reports success for what it did not check.
@Suite struct TestCommandTests {
    @Test func aFilterMatchingNothingFails() throws {
        let outcome = try CLIRunner.run(["test", "fixtures/profiles", "--filter", "no case is named like this"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no test case's name contains 'no case is named like this'"))
    }

    @Test func aCaseWithAnUnknownIdIsAnErrorNotAPass() throws {
        let folder = try Repository.temporaryFolder("tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Repository.url("fixtures/profiles/caf-marne-et-loir.yaml"),
                                         to: folder.appendingPathComponent("caf.yaml"))
        try Data("tests:\n  - {name: typo, profile: caf.yaml, expect: {fired: [no_such_diagnostic]}}\n".utf8)
            .write(to: folder.appendingPathComponent("caf.tests.yaml"))
        let outcome = try CLIRunner.run(["test", folder.path, "--filter", "typo"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("ERROR typo"))
        #expect(!outcome.stdout.contains("PASS typo"))
        #expect(outcome.stdout.contains("0 passed, 0 failed, 1 errors"))
    }
}
