import Diagnostics
@_spi(Fuzzing) import RuleLoader
import RuleModel

extension FuzzTargets {
    /// The files of the pack the `cache` target damages: the repository's sample pack when the
    /// fuzzer runs from the repository's root (as `scripts/fuzz` and the tests do), else the
    /// targets' own small pack.
    static let cacheFiles: [SourceFile] = {
        if case .success(let files) = PackDirectory.read("fixtures/packs/sample"), PackLoader.load(files: files).pack != nil { return files }
        return [samplePackFile]
    }()

    /// The two parts the pack cache stores for ``cacheFiles``' pack (whose rest outweighs its
    /// diagnostics: they all go first), and for its diagnostics alone, which the cache cuts among
    /// them (so that some are read inside the second part).
    static let cacheParts: [[[UInt8]]] = {
        guard let pack = PackLoader.load(files: cacheFiles).pack else { preconditionFailure("the cache target's pack does not load") }
        let diagnosticsAlone = RulePack(metadata: pack.metadata, findings: pack.findings, contentHash: pack.contentHash)
        return [pack, diagnosticsAlone].map { pack in
            guard let parts = try? PackCache.parts(of: pack, files: cacheFiles) else { preconditionFailure("the cache target's pack is not stored") }
            return parts
        }
    }()

    /// The pack cache's reader on damaged parts (an entry's checksums keep damage out; the reader
    /// must survive it anyway): each pair of ``cacheParts``, edited where the bytes say (each three
    /// bytes: a part and an offset, then the byte to put there; a lone last byte cuts a part
    /// short), then read back; and the bytes themselves read as both parts. Reading must throw or
    /// give a pack, never crash or hang.
    public static func cache(_ bytes: [UInt8]) {
        for parts in cacheParts { readDamaged(parts, bytes) }
        _ = try? PackCache.pack(fromParts: [bytes, bytes], files: cacheFiles)
    }

    /// `parts` edited as `bytes` say (``cache(_:)``), then read back.
    private static func readDamaged(_ stored: [[UInt8]], _ bytes: [UInt8]) {
        var parts = stored
        var index = 0
        while index + 3 <= bytes.count {
            let part = Int(bytes[index] & 1)
            let offset = (Int(bytes[index] >> 1) << 8 | Int(bytes[index + 1])) % parts[part].count
            parts[part][offset] = bytes[index + 2]
            index += 3
        }
        if index < bytes.count {
            let part = Int(bytes[index] & 1)
            parts[part] = Array(parts[part].prefix(Int(bytes[index] >> 1) * parts[part].count / 128))
        }
        _ = try? PackCache.pack(fromParts: parts, files: cacheFiles)
    }
}
