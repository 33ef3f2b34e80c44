/// A 64-bit checksum of bytes read eight at a time: what the pack cache checks its parts with.
///
/// Written here rather than taken from a package: it is a dozen lines, and the cache only needs
/// accidental damage caught, not a cryptographic hash. FNV-1a, which it replaces there, takes a
/// multiplication per byte: checking the default pack's entry (376 KB) cost 1.4 M instructions of
/// a report's 129 M. Each step folds a word into the state by a bijection, so two inputs of the
/// same length that differ in one word always give different checksums.
enum WordChecksum {
    /// The checksum of `bytes`.
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            state = mix(state, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        return mix(state, tail)
    }

    /// The checksum of `bytes`.
    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// Folds `word` into `state`: an exclusive or, a multiplication by an odd number and a shift
    /// folded back, each one-to-one.
    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let multiplied = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
        return multiplied ^ (multiplied >> 31)
    }
}
