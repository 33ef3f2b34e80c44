import Diagnostics
import Foundation
import Parallel
import RuleModel

/// Checked packs kept on disk, so that a command run again on the same pack does not parse and
/// check its YAML again (more than half of a report's time with the default pack).
///
/// An entry is the pack in the compact binary form (``CompactEncoder``), in two parts read on both
/// cores (``parts(of:files:)``), named by the hash of the pack's files (their names and bytes) and
/// of the build that wrote it. It is used only when its header names this build and these files
/// (``PackLoader``'s content hash) and its checksums hold; anything else (a damaged, truncated or
/// foreign file, or not a regular file) is ignored and the pack loaded from its YAML. Only packs
/// that load without any diagnostic, and nest no deeper than the compact form allows, are stored,
/// so a cached load has nothing to report; writing is atomic (a temporary file renamed), a failure
/// to write only costs the next run its speed, and the entries used least recently go first once
/// there are more than ``capacity``. The folder is created for its user alone (mode 0700): whoever
/// can write an entry can choose the pack. The hashes catch damage and changed files, not a
/// forgery: files made to share another pack's names, lengths and 64-bit content hash would be
/// given its entry, but whoever can write the pack's files chooses the pack anyway.
public struct PackCache: Sendable {
    /// The folder holding the entries.
    public let folder: String
    /// What identifies the build reading and writing the entries (its version and executable).
    public let build: String
    /// The most entries kept: those used least recently are removed beyond it.
    public let capacity: Int

    /// The version of the entries' layout, part of every entry's header.
    static let format: UInt8 = 4
    private static let magic = Array("orgdiag checked pack\n".utf8)

    /// A cache in `folder` for the build `build`, keeping at most `capacity` entries.
    public init(folder: String, build: String, capacity: Int = 16) {
        self.folder = folder
        self.build = build
        self.capacity = capacity
    }

    /// The pack of `files`: from the cache when it holds them, else loaded with ``PackLoader``
    /// (without the usage stage, whose checks only warn) and stored when it has no diagnostic.
    public func load(files: [SourceFile]) -> PackLoadResult {
        let files = files.sorted { $0.path < $1.path }
        let contentHash = PackLoader.contentHash(files)
        let path = entryPath(files: files, contentHash: contentHash)
        if let bytes = Self.contents(ofEntry: path), let pack = read(bytes, contentHash: contentHash, files: files) {
            // The entries used last are the ones kept: a read counts as a use (its modification
            // time set to now).
            _ = utimensat(AT_FDCWD, path, nil, AT_SYMLINK_NOFOLLOW)
            return PackLoadResult(pack: pack, diagnostics: DiagnosticList())
        }
        let result = PackLoader.load(files: files, usageWarnings: false)
        if let pack = result.pack, result.diagnostics.isEmpty, let bytes = try? entry(pack, contentHash: contentHash, files: files) {
            store(bytes, at: path)
        }
        return result
    }

    /// The entry's bytes: header (magic, format, build, content hash), then each part's length,
    /// checksum and bytes.
    func entry(_ pack: RulePack, contentHash: String, files: [SourceFile]) throws -> [UInt8] {
        var bytes = header(contentHash: contentHash)
        for part in try Self.parts(of: pack, files: files) {
            CompactFormat.writeVarint(UInt64(part.count), to: &bytes)
            withUnsafeBytes(of: WordChecksum.of(part).littleEndian) { bytes.append(contentsOf: $0) }
            bytes += part
        }
        return bytes
    }

    /// The parts an entry stores: the first diagnostics, then the rest of the pack with the other
    /// diagnostics, cut between two diagnostics where the parts come nearest to the same weight, so
    /// that reading them on two cores takes about half as long (all the diagnostics go first when
    /// the rest outweighs them). Each diagnostic is encoded once more to weigh it, which only a
    /// cache miss pays. A diagnostic in the second part sits one level deeper than in the first:
    /// a pack within a level of the compact form's depth limit may not be stored, and is then read
    /// from its YAML each time.
    @_spi(Fuzzing) public static func parts(of pack: RulePack, files: [SourceFile]) throws -> [[UInt8]] {
        let encoder = CompactEncoder(userInfo: [.sourceFiles: files])
        let sizes = try pack.findings.map { try encoder.encode($0).count }
        let total = sizes.reduce(0, +) + (try encoder.encode(PackRest(pack, laterFindings: [])).count)
        var cut = 0
        var first = 0
        // Moves the cut on while the first part, one diagnostic heavier, is nearer half the total.
        while cut < sizes.count, abs(2 * (first + sizes[cut]) - total) < abs(2 * first - total) {
            first += sizes[cut]
            cut += 1
        }
        return [try encoder.encode(Array(pack.findings[..<cut])),
                try encoder.encode(PackRest(pack, laterFindings: Array(pack.findings[cut...])))]
    }

    /// The pack an entry holds, if it is an entry of this build for these files, undamaged.
    func read(_ bytes: [UInt8], contentHash: String, files: [SourceFile]) -> RulePack? {
        let header = header(contentHash: contentHash)
        guard bytes.starts(with: header) else { return nil }
        var parts: [[UInt8]] = []
        var offset = header.count
        while offset < bytes.count {
            guard let length = CompactFormat.readVarint(bytes, at: &offset, end: bytes.count) else { return nil }
            guard length <= UInt64(bytes.count - offset), bytes.count - offset - Int(length) >= 8 else { return nil }
            var stored: UInt64 = 0
            for index in 0..<8 { stored |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
            let part = Array(bytes[(offset + 8)..<(offset + 8 + Int(length))])
            guard stored == WordChecksum.of(part) else { return nil }
            parts.append(part)
            offset += 8 + Int(length)
        }
        guard let pack = try? Self.pack(fromParts: parts, files: files), pack.contentHash == contentHash else { return nil }
        return pack
    }

    /// The pack stored in `parts` (as ``parts(of:files:)`` writes them), each read on its own core;
    /// `nil` when they are not two parts. Damaged parts throw or give a wrong pack: the entry's
    /// checksums are what keeps them out.
    @_spi(Fuzzing) public static func pack(fromParts parts: [[UInt8]], files: [SourceFile]) throws -> RulePack? {
        guard parts.count == 2 else { return nil }
        let decoded = concurrentMap(count: 2) { index -> Result<PackPart, any Error> in
            let decoder = CompactDecoder(userInfo: [.sourceFiles: files])
            return Result {
                index == 0 ? .findings(try decoder.decode([FindingRule].self, from: parts[0]))
                           : .rest(try decoder.decode(PackRest.self, from: parts[1]))
            }
        }
        guard case .findings(let firstFindings) = try decoded[0].get(), case .rest(let rest) = try decoded[1].get() else { return nil }
        return rest.pack(firstFindings: firstFindings)
    }

    private func header(contentHash: String) -> [UInt8] {
        var bytes = Self.magic + [Self.format]
        for text in [build, contentHash] {
            CompactFormat.writeVarint(UInt64(text.utf8.count), to: &bytes)
            bytes += text.utf8
        }
        return bytes
    }

    /// The entry's path: named by a hash of the files and of the build. The files' hash takes
    /// each one's name and length (each name after its own length, so that no two sets of files
    /// run together the same way), then their content hash, which has read their bytes: they are
    /// not read a second time.
    private func entryPath(files: [SourceFile], contentHash: String) -> String {
        var filesHash = FNV1a()
        for file in files {
            let name = Array((file.path.split(separator: "/").last ?? "").utf8)
            withUnsafeBytes(of: UInt64(name.count).littleEndian) { filesHash.mix($0) }
            filesHash.mix(name)
            withUnsafeBytes(of: UInt64(file.contents.count).littleEndian) { filesHash.mix($0) }
        }
        filesHash.mix(contentHash.utf8)
        let name = [filesHash.value, FNV1a.hash(Array(build.utf8))].map { hash in
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined(separator: "-")
        return (folder as NSString).appendingPathComponent(name + ".pack")
    }

    /// Whether `name` is the name of an entry (two hashes of 16 hexadecimal digits): the only
    /// files the cache removes from its folder.
    static func isEntryName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1] == "pack" else { return false }
        let hashes = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        return hashes.count == 2 && hashes.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) }
    }

    /// The largest entry read: far beyond any pack's, so that a file planted under an entry's name
    /// cannot make the read run away.
    static let maximumEntryBytes = 256 << 20

    /// The bytes of the entry at `path`, if it is a regular file of at most ``maximumEntryBytes``
    /// (not a pipe, a device or a link): read by ``RegularFile``, as `FileManager`'s attributes
    /// looked the file's owner and group up by name (reading `/etc/passwd` and `/etc/group`) at
    /// every command's start. A file cut short or grown while it was read gives other bytes,
    /// which the entry's checksums refuse.
    static func contents(ofEntry path: String) -> [UInt8]? {
        try? RegularFile.read(path, maxBytes: maximumEntryBytes).get()
    }

    /// Writes the entry atomically, then removes the entries used least recently beyond ``capacity``.
    private func store(_ bytes: [UInt8], at path: String) {
        let fileManager = FileManager.default
        // The folder is the user's alone: an entry is trusted once its checksums hold.
        guard (try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])) != nil,
              (try? Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil,
              let names = try? fileManager.contentsOfDirectory(atPath: folder) else { return }
        let entries = names.filter(Self.isEntryName).map { (folder as NSString).appendingPathComponent($0) }
        guard entries.count > capacity else { return }
        let dated = entries.map { entry in
            (entry, (try? fileManager.attributesOfItem(atPath: entry)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (entry, _) in dated.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }).prefix(entries.count - capacity) where entry != path {
            try? fileManager.removeItem(atPath: entry)
        }
    }
}

/// A part of a stored pack.
private enum PackPart {
    case findings([FindingRule])
    case rest(PackRest)
}

/// Everything in a pack but its first diagnostics (``PackCache/parts(of:files:)``).
private struct PackRest: Codable {
    var laterFindings: [FindingRule]
    var metadata: RulePack.Metadata
    var facts: [FactDefinition]
    var parameters: [Parameter]
    var indicators: [Indicator]
    var recommendations: [Recommendation]
    var dimensions: [RuleModel.Dimension]
    var stages: [Stage]
    var themes: [Theme]
    var strengths: [Strength]
    var contentHash: String

    init(_ pack: RulePack, laterFindings: [FindingRule]) {
        self.laterFindings = laterFindings
        metadata = pack.metadata
        facts = pack.facts
        parameters = pack.parameters
        indicators = pack.indicators
        recommendations = pack.recommendations
        dimensions = pack.dimensions
        stages = pack.stages
        themes = pack.themes
        strengths = pack.strengths
        contentHash = pack.contentHash
    }

    func pack(firstFindings: [FindingRule]) -> RulePack {
        RulePack(metadata: metadata, facts: facts, parameters: parameters, indicators: indicators, findings: firstFindings + laterFindings,
                 recommendations: recommendations, dimensions: dimensions, stages: stages, themes: themes,
                 strengths: strengths, contentHash: contentHash)
    }
}
