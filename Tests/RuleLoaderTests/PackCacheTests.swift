import Diagnostics
import Foundation
import RuleModel
@_spi(Fuzzing) @testable import RuleLoader
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
        let stored = try #require(cache.read(entry, contentHash: hash, files: again))
        #expect(stored == loaded)
        #expect(stored.findings.count == loaded.findings.count && !stored.findings.isEmpty)
        let location = try #require(stored.findings.first?.location)
        #expect(again.contains { $0 === location.file }, "a location points into the files read now")
        let expressions = stored.findings.compactMap(\.condition).flatMap(\.expressions)
        let expressionFiles = expressions.compactMap(\.location?.file)
        #expect(!expressionFiles.isEmpty && expressionFiles.allSatisfy { file in again.contains { $0 === file } })
    }

    /// A pack whose rest outweighs its diagnostics (the default and the sample packs) stores all its
    /// diagnostics in the first part, and reads back in order.
    @Test(arguments: ["rules", "fixtures/packs/sample"])
    func whenTheRestOutweighsTheDiagnosticsTheyAllGoFirst(folder: String) throws {
        let files = try files(folder)
        let pack = try #require(PackLoader.load(files: files, usageWarnings: false).pack)
        let parts = try PackCache.parts(of: pack, files: files)
        #expect(parts.count == 2 && parts[1].count > parts[0].count, "\(parts.map(\.count))")
        let first = try CompactDecoder(userInfo: [.sourceFiles: files]).decode([FindingRule].self, from: parts[0])
        #expect(first.map(\.id) == pack.findings.map(\.id))
        #expect(try PackCache.pack(fromParts: parts, files: files) == pack)
    }

    /// A pack of diagnostics and little else (as the peer benchmark's, or the cache fuzz target's
    /// second pack) is cut among its diagnostics where the parts weigh the same, within one
    /// diagnostic, and reads back equal.
    @Test(arguments: ["rules", "fixtures/packs/sample"])
    func aPackOfDiagnosticsAloneIsCutAmongThem(folder: String) throws {
        let files = try files(folder)
        let full = try #require(PackLoader.load(files: files, usageWarnings: false).pack)
        let pack = RulePack(metadata: full.metadata, findings: full.findings, contentHash: full.contentHash)
        let parts = try PackCache.parts(of: pack, files: files)
        let first = try CompactDecoder(userInfo: [.sourceFiles: files]).decode([FindingRule].self, from: parts[0])
        #expect(first.count > 0 && first.count < pack.findings.count)
        let largest = try pack.findings.map { try CompactEncoder(userInfo: [.sourceFiles: files]).encode($0).count }.max() ?? 0
        #expect(abs(parts[0].count - parts[1].count) < largest + 16, "\(parts.map(\.count)), largest diagnostic \(largest)")
        #expect(try PackCache.pack(fromParts: parts, files: files) == pack)
    }

    @Test func everyKindOfValueReadsBack() throws {
        let values: [Value] = [.bool(true), .bool(false), .number(-0.25), .number(1e300), .string(""), .string("Élan vital"),
                               .set([]), .set(["a", "b c"])]
        let bytes = try CompactEncoder(userInfo: [:]).encode(values)
        #expect(try CompactDecoder(userInfo: [:]).decode([Value].self, from: bytes) == values)
        // A kind number that names no kind is damage, not a value.
        let unknownKind = try CompactEncoder(userInfo: [:]).encode([[7, 1]])
        #expect(throws: DecodingError.self) { try CompactDecoder(userInfo: [:]).decode([Value].self, from: unknownKind) }
    }

    /// Locations, which the compact reader reads itself, read back into the files given, as
    /// `SourceLocation`'s own `init(from:)` reads them from the same numbers; a file index out of
    /// the files, or a list of other than five numbers, is damage.
    @Test func locationsReadBackIntoTheFilesGiven() throws {
        let files = [SourceFile(path: "a.yaml", text: "a: 1\n"), SourceFile(path: "b.yaml", text: "b: 2\nc: 3\n")]
        let locations = [Diagnostics.SourceLocation(file: files[1], range: SourceRange(start: SourcePosition(line: 2, column: 1),
                                                                           end: SourcePosition(line: 2, column: 5))),
                         Diagnostics.SourceLocation(file: files[0], range: SourceRange(line: 1, column: 4))]
        let bytes = try CompactEncoder(userInfo: [.sourceFiles: files]).encode(locations)
        let again = [SourceFile(path: "a.yaml", text: "a: 1\n"), SourceFile(path: "b.yaml", text: "b: 2\nc: 3\n")]
        let read = try CompactDecoder(userInfo: [.sourceFiles: again]).decode([Diagnostics.SourceLocation].self, from: bytes)
        #expect(read.map(\.range) == locations.map(\.range))
        #expect(read[0].file === again[1] && read[1].file === again[0])
        // The same bytes as numbers, and through `SourceLocation`'s own `init(from:)`, which the
        // compact reader's fast path bypasses.
        let numbers = try CompactDecoder(userInfo: [:]).decode([[Int]].self, from: bytes)
        #expect(numbers == [[1, 2, 1, 2, 5], [0, 1, 4, 1, 4]])
        let generic = try CompactDecoder(userInfo: [.sourceFiles: again]).decode([GenericLocation].self, from: bytes)
        #expect(generic.map(\.location.range) == read.map(\.range))
        #expect(generic[0].location.file === again[1] && generic[1].location.file === again[0])
        // Damage both paths refuse: a file index out of the files, a number missing.
        for damaged in [[[2, 1, 1, 1, 1]], [[-1, 1, 1, 1, 1]], [[0, 1, 1, 1]]] {
            let bytes = try CompactEncoder(userInfo: [:]).encode(damaged)
            #expect(throws: DecodingError.self, "\(damaged)") {
                try CompactDecoder(userInfo: [.sourceFiles: again]).decode([Diagnostics.SourceLocation].self, from: bytes)
            }
            #expect(throws: DecodingError.self, "\(damaged), generic") {
                try CompactDecoder(userInfo: [.sourceFiles: again]).decode([GenericLocation].self, from: bytes)
            }
        }
        // A number too many: refused where the location is read (the generic path would leave it
        // for the next value to stumble on).
        #expect(throws: DecodingError.self) {
            try CompactDecoder(userInfo: [.sourceFiles: again]).decode([Diagnostics.SourceLocation].self,
                                                                         from: try CompactEncoder(userInfo: [:]).encode([[0, 1, 1, 1, 1, 1]]))
        }
        #expect(throws: DecodingError.self, "no files given") {
            try CompactDecoder(userInfo: [:]).decode([Diagnostics.SourceLocation].self, from: bytes)
        }
    }

    /// Conditions (with their expressions and values), which the compact reader reads from their
    /// stored lists itself, read back as `Condition`'s own `init(from:)` reads the same bytes, and
    /// as another `Decoder` (JSON) reads what `encode(to:)` wrote for it: one layout, defined in
    /// `init(stored:)`, read three ways.
    @Test(arguments: ["rules", "fixtures/packs/sample"])
    func conditionsReadBackTheSameEveryWay(folder: String) throws {
        let files = try files(folder)
        let pack = try #require(PackLoader.load(files: files).pack)
        // Forms neither pack may hold: `not in`, and an expression with no location.
        let name = Expression(.reference("region"), at: nil)
        let words = Expression(.list([Expression(.literal(.string("nord")), at: nil)]), at: nil)
        let unplaced = Condition.expression(Expression(.membership(name, words, negated: true), at: nil))
        let conditions = pack.findings.map(\.condition) + pack.strengths.map(\.condition)
            + pack.indicators.map { Condition.expression($0.expression) } + [unplaced]
        #expect(!conditions.isEmpty)
        let bytes = try CompactEncoder(userInfo: [.sourceFiles: files]).encode(conditions)
        #expect(try CompactDecoder(userInfo: [.sourceFiles: files]).decode([Condition].self, from: bytes) == conditions)
        let generic = try CompactDecoder(userInfo: [.sourceFiles: files]).decode([GenericCondition].self, from: bytes)
        #expect(generic.map(\.condition) == conditions)
        let jsonEncoder = JSONEncoder(), jsonDecoder = JSONDecoder()
        jsonEncoder.userInfo[.sourceFiles] = files
        jsonDecoder.userInfo[.sourceFiles] = files
        #expect(try jsonDecoder.decode([Condition].self, from: try jsonEncoder.encode(conditions)) == conditions)
    }

    /// Damaged stored lists are refused by the fast path and the `Decoder` path alike: a kind
    /// numbered beyond the cases, a function or an operator no one is named, an item missing, and
    /// lists nested beyond the compact form's depth.
    @Test func damagedStoredListsAreRefusedBothWays() throws {
        let encoder = CompactEncoder(userInfo: [:])
        let damaged: [[StoredItem]] = [
            [.int(9)],                                                            // no condition kind 9
            [.int(0), .list([.int(13), .null])],                                  // no expression kind 13
            [.int(0), .list([.int(12), .text("median"), .list([]), .null])],      // no function `median`
            [.int(0), .list([.int(6), .text("≈"), .list([.int(2), .text("a"), .null]),
                                                   .list([.int(2), .text("b"), .null]), .null])],   // no comparison `≈`
            [.int(0), .list([.int(6)])],                                          // the operator missing
            [.int(0), .list([.int(2), .text("a"), .null, .int(1)])],              // an item too many
        ]
        for items in damaged {
            let bytes = try encoder.encode([StoredItem.list(items)])
            #expect(throws: DecodingError.self, "\(items)") { try CompactDecoder(userInfo: [:]).decode([Condition].self, from: bytes) }
            #expect(throws: (any Error).self, "\(items)") { try CompactDecoder(userInfo: [:]).decode([GenericCondition].self, from: bytes) }
        }
        // `not` nested to the limit and one beyond, written byte by byte (a list is its tag and
        // count, a whole number its tag and zigzag varint, nothing its tag). The list of conditions
        // is level 1, the condition 2, its expression 3, and each `not` one more.
        let list: (UInt8) -> [UInt8] = { [CompactFormat.Tag.list.rawValue, $0] }
        let number: (UInt8) -> [UInt8] = { [CompactFormat.Tag.integer.rawValue, $0 * 2] }
        let null = [CompactFormat.Tag.null.rawValue]
        func negated(times: Int) -> [UInt8] {
            var expression = list(3) + number(2) + [CompactFormat.Tag.text.rawValue, 1, UInt8(ascii: "a")] + null
            for _ in 0..<times { expression = list(3) + number(4) + expression + null }
            return list(1) + list(2) + number(0) + expression
        }
        let deepest = CompactFormat.maximumDepth - 3
        #expect(throws: Never.self) { try CompactDecoder(userInfo: [:]).decode([Condition].self, from: negated(times: deepest)) }
        #expect(throws: DecodingError.self) { try CompactDecoder(userInfo: [:]).decode([Condition].self, from: negated(times: deepest + 1)) }
        // The `Decoder` path, whose nested containers the compact reader does not count, stops at
        // its own limit rather than running out of stack.
        #expect(throws: Never.self) { try CompactDecoder(userInfo: [:]).decode([GenericCondition].self, from: negated(times: deepest)) }
        #expect(throws: DecodingError.self) {
            try CompactDecoder(userInfo: [:]).decode([GenericCondition].self, from: negated(times: UnkeyedStoredList.maximumNesting + 1))
        }
    }

    @Test func anEntryOfAnotherBuildOrOtherFilesIsIgnored() throws {
        let files = try files("fixtures/packs/sample")
        let pack = try #require(PackLoader.load(files: files).pack)
        let hash = PackLoader.contentHash(files)
        let entry = try PackCache(folder: "/nonexistent", build: "one").entry(pack, contentHash: hash, files: files)
        #expect(PackCache(folder: "/nonexistent", build: "two").read(entry, contentHash: hash, files: files) == nil)
        #expect(PackCache(folder: "/nonexistent", build: "one").read(entry, contentHash: "0000000000000000", files: files) == nil)
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
            #expect(cache.read(Array(entry.prefix(length)), contentHash: hash, files: files) == nil)
            var flipped = entry
            flipped[length] ^= 0x10
            #expect(cache.read(flipped, contentHash: hash, files: files) == nil, "a flipped bit at \(length) was read")
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

    /// Only the cache's own entries are removed when it prunes; a pipe or a folder under an
    /// entry's name is not read (it would block or fail), and the pack is loaded from its YAML.
    @Test func onlyEntriesArePrunedAndOnlyRegularFilesRead() throws {
        #expect(PackCache.isEntryName("0123456789abcdef-fedcba9876543210.pack"))
        for name in ["notes.pack", "0123456789abcdef.pack", "0123456789abcdef-fedcba9876543210.pack.tmp", "0123456789abcdeg-fedcba9876543210.pack"] {
            #expect(!PackCache.isEntryName(name), "\(name)")
        }
        let folder = try Repository.temporaryFolder("pack-cache-prune")
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("someone-else.pack")
        try Data("keep me".utf8).write(to: other)
        let files = try files("fixtures/packs/sample")
        for build in ["a", "b", "c"] { _ = PackCache(folder: folder.path, build: build, capacity: 1).load(files: files) }
        #expect(FileManager.default.fileExists(atPath: other.path))
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter(PackCache.isEntryName)
        #expect(entries.count == 1)
        // The one entry left, replaced by a folder: not read, and the pack still loads.
        let entry = folder.appendingPathComponent(try #require(entries.first))
        try FileManager.default.removeItem(at: entry)
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: false)
        #expect(PackCache.contents(ofEntry: entry.path) == nil)
        #expect(PackCache(folder: folder.path, build: "c", capacity: 1).load(files: files).pack != nil)
        // A named pipe (which no one writes) and a link to a readable entry are not read either.
        let readable = folder.appendingPathComponent("readable")
        _ = PackCache(folder: readable.path, build: "d").load(files: files)
        let stored = try #require(try FileManager.default.contentsOfDirectory(atPath: readable.path).filter(PackCache.isEntryName).first)
        let storedPath = readable.appendingPathComponent(stored).path
        #expect(PackCache.contents(ofEntry: storedPath) == Array(try Data(contentsOf: URL(fileURLWithPath: storedPath))))
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(PackCache.contents(ofEntry: pipe)?.count == nil)
        let link = folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: storedPath)
        #expect(PackCache.contents(ofEntry: link)?.count == nil)
    }

    /// Reading an entry counts as a use: its modification time becomes the read's, so that the
    /// entries pruned first are those read least recently.
    @Test func aReadEntryIsMarkedAsUsed() throws {
        let folder = try Repository.temporaryFolder("pack-cache-use")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try files("fixtures/packs/sample")
        let cache = PackCache(folder: folder.path, build: "test")
        _ = cache.load(files: files)
        let entry = folder.appendingPathComponent(try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)).path
        let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: entry)
        let before = Date()
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: entry)[.systemFileNumber] as? NSNumber)
        #expect(cache.load(files: files).pack != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: entry)
        // Read, not written again (a miss would store a new file under the same name).
        #expect(attributes[.systemFileNumber] as? NSNumber == inode)
        let modified = try #require(attributes[.modificationDate] as? Date)
        #expect(modified.timeIntervalSince(before) > -2, "modified \(modified), read at \(before)")
    }

    /// A pack nested deeper than the compact form allows loads as always and is not stored.
    @Test func aPackTooDeepForTheCompactFormIsNotStored() throws {
        let folder = try Repository.temporaryFolder("pack-cache-deep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let chain = (1...(CompactFormat.maximumDepth)).map { "n > \($0)" }.joined(separator: " or ")
        let text = header + "facts:\n  n: {type: integer, label: N}\ndiagnostics:\n  - {id: deep, severity: low, title: Deep, when: \"\(chain)\"}\n"
        let files = [SourceFile(path: "pack.yaml", text: text)]
        let result = PackCache(folder: folder.path, build: "test").load(files: files)
        let pack = try #require(result.pack, "\(result.diagnostics)")
        #expect(result.diagnostics.isEmpty, "no diagnostic keeps it out of the cache: its depth does")
        #expect(throws: EncodingError.self) { try PackCache.parts(of: pack, files: files) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter(PackCache.isEntryName).isEmpty)
    }
}

/// An item of a stored list written as it is, to make damaged ones.
private enum StoredItem: Encodable {
    case int(Int), text(String), null, list([StoredItem])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .int(let number): var container = encoder.singleValueContainer(); try container.encode(number)
        case .text(let text): var container = encoder.singleValueContainer(); try container.encode(text)
        case .null: var container = encoder.singleValueContainer(); try container.encodeNil()
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        }
    }
}

/// A condition read through `Condition`'s own `init(from:)`, the `Decoder` path, which the compact
/// reader's fast path bypasses.
private struct GenericCondition: Decodable {
    let condition: Condition

    init(from decoder: any Decoder) throws {
        condition = try Condition(from: decoder)
    }
}

/// A location read through `SourceLocation`'s own `init(from:)`, as any decoder but the compact
/// reader reads it.
private struct GenericLocation: Decodable {
    let location: Diagnostics.SourceLocation

    init(from decoder: any Decoder) throws {
        location = try Diagnostics.SourceLocation(from: decoder)
    }
}
