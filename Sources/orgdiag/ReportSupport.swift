import ArgumentParser
import Engine
import Foundation
import RuleModel

/// What several commands share: the engine and the date.
enum ReportSupport {
    static func engine(for pack: RulePack) throws -> Engine {
        do {
            return try Engine(pack: pack)
        } catch {
            Terminal.standardError("error: \(error)\n")
            throw ExitStatus.badInput
        }
    }

    /// Today (UTC) as `YYYY-MM-DD`, or the day of `SOURCE_DATE_EPOCH` when set (reproducible output).
    static func today() -> String {
        let seconds = Terminal.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
        return isoDate(daysSince1970: Int((seconds / 86_400).rounded(.down)))
    }

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 in the proleptic Gregorian calendar (Howard
    /// Hinnant's `civil_from_days`): no date formatter, whose locale data costs a fresh process
    /// more than a millisecond.
    static func isoDate(daysSince1970 days: Int) -> String {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }
}
