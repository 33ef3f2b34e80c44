import Foundation
import Testing
import TestSupport

/// The situations of the issue "Rule language 2", written as a small pack and one rule-test case
/// each (fixtures/packs/situations): each must pass through `orgdiag test`, as a user runs it.
@Suite struct SituationTests {
    @Test(arguments: [
        "a sponsor in place is not recommended again",
        "activity costing in place is not pulled in as a prerequisite",
        "a second assessment after the reviews were done does not ask for them again",
        "the order follows the method even without requires",
        "one figure gives one finding",
        "the engagement score is not asked without a survey",
        "the engagement score is asked once a survey was run",
    ])
    func theLanguageSaysWhatTheConsultantMeant(_ situation: String) throws {
        let outcome = try CLIRunner.run(["test", "--rules", "fixtures/packs/situations", "--filter", situation])
        #expect(outcome.stdout.contains("PASS \(situation) ("), "\(outcome.stdout)")
        #expect(outcome.stdout.hasSuffix("1 passed, 0 failed, 0 errors\n"))
        #expect(outcome.status == 0)
    }
}
