import Foundation
import Testing
import TestSupport

/// The checked-pack cache seen from the command line: a report read from the cache is the same,
/// byte for byte, as one read from the YAML; an edited pack is read again; a damaged entry is
/// ignored; another build writes its own entry; `ORGDIAG_CACHE=off` writes nothing.
@Suite(.serialized) struct PackCacheCommandTests {
    private static let story = "fixtures/profiles/cci-val-de-loire-sud.yaml"

    private func entries(_ folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pack") }.sorted()
    }

    @Test func aCachedReportIsTheSameAsOneReadFromTheYAML() throws {
        let folder = try Repository.temporaryFolder("cache-report")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        for format in ["text", "markdown", "json", "html"] {
            for language in ["fr", "en"] {
                let arguments = ["report", Self.story, "--format", format, "--lang", language]
                let fromYAML = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": "off"])
                let first = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": cache.path])
                let cached = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": cache.path])
                #expect(fromYAML.status == 0 && cached.status == 0, "\(cached.stderr)")
                #expect(first.stdout == fromYAML.stdout && cached.stdout == fromYAML.stdout, "\(format), \(language): the cached report differs")
                #expect(cached.stderr.isEmpty)
            }
        }
        #expect(try entries(cache).count == 1)
        // Other commands read the same entry.
        let explained = try CLIRunner.run(["explain", Self.story, "no_named_sponsor"], environment: ["ORGDIAG_CACHE": cache.path])
        let explainedFromYAML = try CLIRunner.run(["explain", Self.story, "no_named_sponsor"], environment: ["ORGDIAG_CACHE": "off"])
        #expect(explained.stdout == explainedFromYAML.stdout && explained.status == explainedFromYAML.status)
    }

    @Test func anEditedPackIsReadAgain() throws {
        let folder = try Repository.temporaryFolder("cache-edit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pack = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: Repository.url("rules"), to: pack)
        let cache = folder.appendingPathComponent("cache")
        let environment = ["ORGDIAG_CACHE": cache.path]
        let arguments = ["report", Self.story, "--rules", pack.path, "--lang", "en"]
        let before = try CLIRunner.run(arguments, environment: environment)
        #expect(before.status == 0 && before.stdout.contains("No named sponsor"))
        let diagnostics = pack.appendingPathComponent("diagnostics/governance.yaml")
        let text = try String(contentsOf: diagnostics, encoding: .utf8)
        #expect(text.contains("No named sponsor"))
        try Data(text.replacingOccurrences(of: "No named sponsor", with: "Nobody sponsors the change").utf8).write(to: diagnostics)
        let after = try CLIRunner.run(arguments, environment: environment)
        #expect(after.status == 0)
        #expect(after.stdout.contains("Nobody sponsors the change") && !after.stdout.contains("No named sponsor"))
        #expect(try entries(cache).count == 2)
        // An edit that breaks the pack is reported, not hidden by the entry of the pack before it.
        try Data((text + "\n  broken: [\n").utf8).write(to: diagnostics)
        let broken = try CLIRunner.run(arguments, environment: environment)
        #expect(broken.status == 2 && broken.stderr.contains("governance.yaml"))
    }

    @Test func aDamagedEntryIsIgnoredAndReplaced() throws {
        let folder = try Repository.temporaryFolder("cache-damaged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        let arguments = ["report", Self.story, "--format", "json"]
        let expected = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": cache.path])
        let entry = cache.appendingPathComponent(try #require(try entries(cache).first))
        var bytes = try [UInt8](Data(contentsOf: entry))
        for offset in stride(from: bytes.count / 3, to: bytes.count, by: 997) { bytes[offset] ^= 0x5a }
        try Data(bytes).write(to: entry)
        let damaged = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": cache.path])
        #expect(damaged.status == 0 && damaged.stdout == expected.stdout && damaged.stderr.isEmpty)
        try Data("not an entry".utf8).write(to: entry)
        let foreign = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": cache.path])
        #expect(foreign.status == 0 && foreign.stdout == expected.stdout)
        #expect(try Data(contentsOf: entry).count > 1_000, "the damaged entry is written again")
    }

    /// Entries are named by the executable they were written by (its resolved path, size and
    /// date): another build never reads them, the same one reached through a link does.
    @Test func anotherBuildWritesItsOwnEntry() throws {
        let folder = try Repository.temporaryFolder("cache-build")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache")
        let executable = folder.appendingPathComponent("orgdiag")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: executable)
        let link = folder.appendingPathComponent("linked-orgdiag")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: executable)
        let arguments = ["report", Self.story, "--rules", Repository.url("rules").path, "--format", "json"]
        let environment = ["ORGDIAG_CACHE": cache.path]
        let expected = try CLIRunner.run(arguments, environment: ["ORGDIAG_CACHE": "off"])

        for runner in [executable, executable, link] {
            let outcome = try CLIRunner.run(arguments, executable: runner, environment: environment)
            #expect(outcome.status == 0 && outcome.stdout == expected.stdout, "\(outcome.stderr)")
        }
        #expect(try entries(cache).count == 1, "the same build, run again or through a link, reads its entry")

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3_600)], ofItemAtPath: executable.path)
        let rebuilt = try CLIRunner.run(arguments, executable: executable, environment: environment)
        #expect(rebuilt.status == 0 && rebuilt.stdout == expected.stdout)
        #expect(try entries(cache).count == 2, "a build of another date writes its own entry")
    }

    @Test func offWritesNothing() throws {
        let folder = try Repository.temporaryFolder("cache-off")
        defer { try? FileManager.default.removeItem(at: folder) }
        let home = folder.appendingPathComponent("home")
        let outcome = try CLIRunner.run(["report", Self.story], environment: ["ORGDIAG_CACHE": "off", "HOME": home.path, "XDG_CACHE_HOME": ""])
        #expect(outcome.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.path))
        // Without ORGDIAG_CACHE, the cache goes under the home folder.
        _ = try CLIRunner.run(["report", Self.story], environment: ["ORGDIAG_CACHE": "", "HOME": home.path, "XDG_CACHE_HOME": ""])
        #expect(try entries(home.appendingPathComponent(".cache/orgdiag")).count == 1)
    }
}
