import Testing
import TestSupport
@testable import RuleLoader

/// The pack cache's checksum catches the damage an entry may come to: any one byte changed, at
/// any place of a word or of the tail, and bytes added or cut (zeros included).
struct WordChecksumTests {
    @Test func everyByteChangedChangesTheChecksum() {
        var generator = SeededGenerator(state: 7)
        for length in 0...40 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let checksum = WordChecksum.of(bytes)
            for offset in 0..<length {
                for change: UInt8 in [1, 0x80, 0xFF] {
                    var changed = bytes
                    changed[offset] ^= change
                    #expect(WordChecksum.of(changed) != checksum, "length \(length), byte \(offset), xor \(change)")
                }
            }
        }
    }

    @Test func bytesAddedOrCutChangeTheChecksum() {
        let bytes: [UInt8] = Array(repeating: 0, count: 24)
        let checksums = (0...bytes.count).map { WordChecksum.of(Array(bytes.prefix($0))) }
        #expect(Set(checksums).count == checksums.count)
        #expect(WordChecksum.of([1]) != WordChecksum.of([1, 0]))
    }
}
