import CByteScan
import Testing

/// The C byte scans against the plain definition, at every position of a vector, its tail and the
/// words of the fallback: `orgdiag_printable_ascii_prefix` stops at the first byte outside
/// 0x20...0x7E, whichever byte it is and wherever it stands, and `orgdiag_count_byte` counts every
/// byte equal to the one asked for.
@Suite struct ByteScanTests {
    @Test func thePrintablePrefixStopsAtTheFirstByteOutsidePrintableASCII() {
        for byte in UInt8.min...UInt8.max {
            let printable = (0x20...0x7E).contains(byte)
            for position in 0..<40 {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 48)
                bytes[position] = byte
                let prefix = bytes.withUnsafeBufferPointer { orgdiag_printable_ascii_prefix($0.baseAddress!, $0.count) }
                #expect(prefix == (printable ? 48 : position), "byte \(byte) at \(position)")
            }
        }
    }

    @Test func aCountIsEveryByteEqualToTheOneAskedFor() {
        for needle: UInt8 in [0x0A, 0x00, 0x80, 0xFF] {
            for length in [0, 1, 15, 16, 17, 47, 4_080, 4_097] {
                // Every byte value in turn, so that each lane sees the needle and its neighbours.
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7) }
                let expected = bytes.filter { $0 == needle }.count
                #expect(bytes.withUnsafeBufferPointer { orgdiag_count_byte($0.baseAddress, $0.count, needle) } == expected,
                        "\(needle) in \(length) bytes")
            }
        }
    }
}
