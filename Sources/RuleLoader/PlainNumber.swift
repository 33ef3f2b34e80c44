/// The plain numbers the stream decoder reads without YAML's resolution: `-?D`, or with a
/// fraction `-?D.D`, at most 15 digits in all, which the core schema reads as the same number.
enum PlainNumber {
    /// The number these UTF-8 bytes spell in one of the forms above; `nil` for anything else,
    /// which the node reader then reads (or reports).
    ///
    /// One run of digits, then at most a point and a second run: no test per byte beyond the
    /// digit's own, since this runs on every number of every profile of a batch.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, allowingFraction: Bool) -> Double? {
        guard var cursor = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let end = cursor + bytes.count
        let negative = cursor.pointee == UInt8(ascii: "-")
        if negative { cursor += 1 }
        var mantissa = 0
        let wholeDigits = digitRun(from: &cursor, to: end, into: &mantissa)
        guard wholeDigits > 0 else { return nil }
        var fractionDigits = 0
        if cursor < end {
            guard allowingFraction, cursor.pointee == UInt8(ascii: ".") else { return nil }
            cursor += 1
            fractionDigits = digitRun(from: &cursor, to: end, into: &mantissa)
            guard fractionDigits > 0, cursor == end else { return nil }
        }
        // More digits would have wrapped `mantissa` (wrapping arithmetic above): refused here.
        guard wholeDigits + fractionDigits <= 15 else { return nil }
        // Both operands are exact (under 2^53 and 10^15), so the quotient is correctly rounded:
        // the double that the text denotes, as the node reader reads it.
        let magnitude = Double(mantissa) / powerOfTen(fractionDigits)
        return negative ? -magnitude : magnitude
    }

    /// Reads the digits from `cursor` on into `mantissa` (wrapping past 18 digits), leaving
    /// `cursor` on the first byte that is not one; returns how many there were.
    @inline(__always)
    private static func digitRun(from cursor: inout UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, into mantissa: inout Int) -> Int {
        let start = cursor
        while cursor < end {
            let digit = cursor.pointee &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ Int(digit)
            cursor += 1
        }
        return cursor - start
    }

    /// 10 to the power `exponent` (0...15), exactly: a switch the compiler makes a table, with
    /// no lazily made global to check on every number.
    @inline(__always)
    private static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        default: 1e15
        }
    }
}
