import Diagnostics
import Foundation
import RuleModel
@testable import RuleLoader
import Testing
import TestSupport

/// The checked-pack cache: a stored pack reads back equal to the one loaded from YAML (locations
/// into the files read now included), damaged or foreign entries are ignored, and the folder is
/// kept within its capacity.
@Suite struct PackCacheTests {
    private func files(_ relativePath: String) throws -> [SourceFile] {
        switch PackDirectory.read(packageRoot.appendingPathComponent(relativePath).path) {
        case .success(let files): return files
        case .failure(let problems): throw problems
        }
    }

    @Test(arguments: ["rules", "fixtures/packs/sample"])
    func aStoredPackReadsBackEqual(folder: String) throws {
        let files = try files(folder)
        let loaded = try #require(PackLoader.load(files: files, usageWarnings: false).pack)
        let cache = PackCache(folder: "/nonexistent", build: "test")
        let hash = PackLoader.contentHash(files)
        let entry = try cache.entry(loaded, contentHash: hash, files: files)
        // Read against another reading of the same files: locations point into those.
        let again = try self.files(folder)
        let stored = try #require(try cache.read(entry, contentHash: hash, files: again))
        #expect(stored == loaded)
        #expect(stored.findings.count == loaded.findings.count && !stored.findings.isEmpty)
        let location = try #require(stored.findings.first?.location)
        #expect(again.contains { $0 === location.file }, "a location points into the files read now")
        let expressions = stored.findings.compactMap(\.condition).flatMap(\.expressions)
        let expressionFiles = expressions.compactMap(\.location?.file)
        #expect(!expressionFiles.isEmpty && expressionFiles.allSatisfy { file in again.contains { $0 === file } })
    }

    @Test func anEntryOfAnotherBuildOrOtherFilesIsIgnored() throws {
        let files = try files("fixtures/packs/sample")
        let pack = try #require(PackLoader.load(files: files).pack)
        let hash = PackLoader.contentHash(files)
        let entry = try PackCache(folder: "/nonexistent", build: "one").entry(pack, contentHash: hash, files: files)
        #expect(try PackCache(folder: "/nonexistent", build: "two").read(entry, contentHash: hash, files: files) == nil)
        #expect(try PackCache(folder: "/nonexistent", build: "one").read(entry, contentHash: "0000000000000000", files: files) == nil)
    }

    /// Every truncation and a flipped bit in every stretch of an entry: read gives nothing (the
    /// checksums), and the decoder itself, given damaged bytes, throws or reads: it never crashes.
    @Test func aDamagedEntryIsIgnored() throws {
        let files = try files("fixtures/packs/sample")
        let pack = try #require(PackLoader.load(files: files).pack)
        let hash = PackLoader.contentHash(files)
        let cache = PackCache(folder: "/nonexistent", build: "test")
        let entry = try cache.entry(pack, contentHash: hash, files: files)
        var checked = 0
        for length in stride(from: 0, to: entry.count, by: max(1, entry.count / 400)) {
            #expect(try cache.read(Array(entry.prefix(length)), contentHash: hash, files: files) == nil)
            var flipped = entry
            flipped[length] ^= 0x10
            #expect(try cache.read(flipped, contentHash: hash, files: files) == nil, "a flipped bit at \(length) was read")
            checked += 1
        }
        #expect(checked >= 400)
        let payload = try CompactEncoder(userInfo: [.sourceFiles: files]).encode(pack.findings)
        for offset in stride(from: 0, to: payload.count, by: max(1, payload.count / 300)) {
            var damaged = payload
            damaged[offset] = damaged[offset] &+ 1
            _ = try? CompactDecoder(userInfo: [.sourceFiles: files]).decode([FindingRule].self, from: damaged)
            _ = try? CompactDecoder(userInfo: [.sourceFiles: files]).decode([FindingRule].self, from: Array(payload.prefix(offset)))
        }
    }

    @Test func loadStoresThenReadsAndKeepsTheFolderWithinItsCapacity() throws {
        let folder = try Repository.temporaryFolder("pack-cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try files("fixtures/packs/sample")
        let cache = PackCache(folder: folder.path, build: "test", capacity: 2)
        let first = cache.load(files: files)
        let entries = { try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pack") } }
        #expect(try entries().count == 1)
        let second = cache.load(files: files)
        #expect(second.pack == first.pack && second.diagnostics.isEmpty)
        // Three other builds: the oldest entries go, the newest stay.
        for build in ["b", "c", "d"] { _ = PackCache(folder: folder.path, build: build, capacity: 2).load(files: files) }
        #expect(try entries().count == 2)
    }

    @Test func aPackWithProblemsIsNotStored() throws {
        let folder = try Repository.temporaryFolder("pack-cache-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = [SourceFile(path: "pack.yaml", text: header + "facts:\n  a: {type: boolean, label: A}\n  a: {type: boolean, label: A}\n")]
        let result = PackCache(folder: folder.path, build: "test").load(files: broken)
        #expect(result.diagnostics.hasErrors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
