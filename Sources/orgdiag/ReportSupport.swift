import ArgumentParser
import Diagnostics
import Engine
import Foundation
import RuleLoader
import RuleModel

/// What several commands share: the engine and the date.
enum ReportSupport {
    static func engine(for pack: RulePack) throws -> Engine {
        try compiling { () throws(EngineError) in try Engine(pack: pack) }
    }

    /// What `work` gives; a pack it cannot compile is reported and ends the command as bad input.
    static func compiling<T>(_ work: () throws(EngineError) -> T) throws -> T {
        do {
            return try work()
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

    /// Reads a branding file (`--branding`) and its logo, named relative to it; reports what is
    /// wrong with either and exits 2.
    static func branding(_ path: String) throws -> Branding {
        let file: Diagnostics.SourceFile
        switch ProfileInput.readFile(path) {
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        case .success(let read): file = read
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let result = BrandingLoader.load(file) { logo in
            let url = logo.hasPrefix("/") ? URL(fileURLWithPath: logo) : folder.appendingPathComponent(logo)
            // A regular file only (a FIFO would block), and no more than the limit and one byte.
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let handle = try? FileHandle(forReadingFrom: url) else { return nil }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: BrandingLoader.maxLogoBytes + 1)).map { Array($0) } ?? []
        }
        switch result {
        case .failure(let problems):
            Terminal.report(problems)
            throw ExitStatus.badInput
        case .success(let branding): return branding
        }
    }
}
