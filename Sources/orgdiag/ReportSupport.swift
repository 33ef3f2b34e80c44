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
        return CivilDate(daysSince1970: Int((seconds / 86_400).rounded(.down))).description
    }
}
