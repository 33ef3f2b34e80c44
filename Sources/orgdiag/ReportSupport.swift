import ArgumentParser
import Engine
import Foundation
import RuleModel

/// What several commands share: the report language, the engine, the date, writing output.
enum ReportSupport {
    /// The language asked for, which must be one of the pack's; the pack's default otherwise.
    static func language(_ requested: String?, of pack: RulePack) throws -> String {
        guard let requested else { return pack.metadata.defaultLanguage }
        guard pack.metadata.languages.contains(requested) else {
            throw ExitStatus.usage("--lang: the pack speaks \(pack.metadata.languages.joined(separator: ", ")), not '\(requested)'")
        }
        return requested
    }

    static func engine(for pack: RulePack) throws -> Engine {
        do {
            return try Engine(pack: pack)
        } catch {
            Terminal.standardError("error: \(error)\n")
            throw ExitStatus.badInput
        }
    }

    /// Today as `YYYY-MM-DD`, or the day of `SOURCE_DATE_EPOCH` when set (reproducible output).
    static func today() -> String {
        let date = Terminal.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Writes to `path` atomically, or to standard output.
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            Terminal.standardOutput(text)
            return
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            Terminal.standardError("error: \(error)\n")
            throw ExitStatus.badInput
        }
    }
}
