import CByteScan
import Testing
import TestSupport

/// The C byte scans against the plain definition, at every position of a vector, its tail and the
/// words of the fallback: `orgdiag_scan_plain_lines` stops at the first byte that is not printable
/// ASCII (0x20...0x7E), a tab or a line feed, whichever byte it is and wherever it stands, noting
/// the line after each line feed before it until its room is full; `orgdiag_count_byte` counts
/// every byte equal to the one asked for, and `orgdiag_last_byte` finds the last.
@Suite struct ByteScanTests {
    /// The scan of `bytes` from `base` with room for `capacity` line starts: where it stopped and
    /// the line starts it wrote.
    private func scan(_ bytes: [UInt8], base: Int = 0, capacity: Int = 64) -> (stop: Int, lineStarts: [Int]) {
        var starts = [Int](repeating: -1, count: capacity)
        var written = 0
        let stop = bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeMutableBufferPointer { orgdiag_scan_plain_lines(bytes.baseAddress, bytes.count, base, $0.baseAddress, capacity, &written) }
        }
        return (stop, Array(starts[..<written]))
    }

    /// The same, by definition.
    private func expected(_ bytes: [UInt8], base: Int = 0, capacity: Int = 64) -> (stop: Int, lineStarts: [Int]) {
        var lineStarts: [Int] = []
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x0A {
                if lineStarts.count == capacity { return (offset, lineStarts) }
                lineStarts.append(base + offset + 1)
            } else if byte != 0x09 && !(0x20...0x7E).contains(byte) {
                return (offset, lineStarts)
            }
        }
        return (bytes.count, lineStarts)
    }

    @Test func thePlainScanStopsAtTheFirstByteThatIsNotPlainText() {
        for byte in UInt8.min...UInt8.max {
            for position in 0..<40 {
                // Line feeds before and after the byte, in the same vector and the next.
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 48)
                for feed in [3, 17, 30, 44] where feed != position { bytes[feed] = 0x0A }
                bytes[position] = byte
                let found = scan(bytes, base: 1_000)
                let wanted = expected(bytes, base: 1_000)
                #expect(found.stop == wanted.stop && found.lineStarts == wanted.lineStarts, "byte \(byte) at \(position)")
            }
        }
    }

    /// Runs of printable bytes of every length up to 100, with a byte of every kind at each
    /// position: thirty-two printable bytes are skipped at once, the rest looked at sixteen at a
    /// time or one by one.
    @Test func thePlainScanSkipsLongRunsOfPrintableBytes() {
        for length in 0...100 {
            let plain = [UInt8](repeating: UInt8(ascii: "y"), count: length)
            #expect(scan(plain) == expected(plain) && scan(plain).stop == length, "\(length) printable bytes")
            for position in 0..<length {
                for byte: UInt8 in [0x0A, 0x09, 0x0D, 0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF] {
                    var bytes = plain
                    bytes[position] = byte
                    #expect(scan(bytes, base: 3) == expected(bytes, base: 3), "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func thePlainScanStopsAtTheLineFeedThatFindsNoRoom() {
        let bytes = Array(String(repeating: "ab\tcd\n", count: 20).utf8)
        for capacity in [0, 1, 2, 3, 7, 19, 20, 21] {
            let found = scan(bytes, capacity: capacity)
            let wanted = expected(bytes, capacity: capacity)
            #expect(found.stop == wanted.stop && found.lineStarts == wanted.lineStarts, "room for \(capacity)")
        }
    }

    @Test func thePlainScanAgreesWithTheDefinitionOnRandomText() {
        var generator = SeededGenerator(state: 42)
        // Mostly plain text with line feeds, now and then another byte.
        let alphabet = Array("abc xyz:-\t".utf8) + [0x0A, 0x0A, 0x0D, 0xC3, 0xA9, 0x00, 0x7F]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<200, using: &generator)
            // Line feeds one byte in two, in forty, or none, so that long printable runs come too.
            let feedRate = [2, 40, Int.max].randomElement(using: &generator)!
            let bytes = (0..<length).map { _ in
                Int.random(in: 0..<20, using: &generator) == 0 ? alphabet.randomElement(using: &generator)!
                    : Int.random(in: 0..<feedRate, using: &generator) == 0 ? UInt8(ascii: "\n") : UInt8(ascii: "k")
            }
            let capacity = Int.random(in: 0..<40, using: &generator)
            let found = scan(bytes, base: 7, capacity: capacity)
            let wanted = expected(bytes, base: 7, capacity: capacity)
            #expect(found.stop == wanted.stop && found.lineStarts == wanted.lineStarts, "\(bytes), room for \(capacity)")
        }
    }

    @Test func theLastByteIsFoundFromTheEnd() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for needle: UInt8 in [0x0A, 0x00, 0xFF, 0x2A] {
            for count in [0, 1, 17, 64, 299, 300] {
                let expected = bytes[..<count].lastIndex(of: needle) ?? -1
                #expect(bytes.withUnsafeBufferPointer { orgdiag_last_byte($0.baseAddress!, count, needle) } == expected,
                        "\(needle) in \(count) bytes")
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
