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
        // Only a whole number of seconds within years 1 to 9999 is taken; anything else is ignored.
        let fixed = Terminal.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).flatMap {
            (-62_135_596_800...253_402_300_799).contains($0) ? $0 : nil
        }
        let seconds = fixed.map(Double.init) ?? Date().timeIntervalSince1970
        return CivilDate(daysSince1970: Int((seconds / 86_400).rounded(.down))).description
    }
}
