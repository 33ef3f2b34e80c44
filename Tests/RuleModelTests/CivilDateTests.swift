import Testing
@testable import RuleModel

/// Civil dates to and from day counts, and ISO text.
@Suite struct CivilDateTests {
    @Test func dayCountsRoundTripAcrossCenturiesAndLeapYears() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(daysSince1970: days).daysSince1970 == days)
        }
        #expect(CivilDate(daysSince1970: 0).description == "1970-01-01")
        #expect(CivilDate(iso: "2026-11-26")?.daysSince1970 == 20_783)
        #expect(CivilDate(iso: "2000-02-29") != nil)
        #expect(CivilDate(iso: "1900-02-29") == nil)
    }

    @Test func onlyRealDatesWrittenYYYYMMDDAreRead() {
        for text in ["2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026-1-01", "+202-01-01", "2026-01-01T00", "２０２６-01-01"] {
            #expect(CivilDate(iso: text) == nil, "\(text)")
        }
    }
}
