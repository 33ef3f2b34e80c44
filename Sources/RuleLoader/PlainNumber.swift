/// The plain numbers the stream decoder reads without YAML's resolution: `-?D`, or with a
/// fraction `-?D.D`, at most 15 digits in all, which the core schema reads as the same number.
enum PlainNumber {
    /// The number these UTF-8 bytes spell in one of the forms above; `nil` for anything else,
    /// which the node reader then reads (or reports).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, allowingFraction: Bool) -> Double? {
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var negative = false
        var seenPoint = false
        for position in 0..<bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "-") && position == 0 {
                negative = true
            } else if byte == UInt8(ascii: ".") && allowingFraction && !seenPoint && digits > 0 {
                seenPoint = true
            } else {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10, digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int(digit)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            }
        }
        guard digits > 0, !seenPoint || fractionDigits > 0 else { return nil }
        // Both operands are exact (under 2^53 and 10^15), so the quotient is correctly rounded:
        // the double that the text denotes, as the node reader reads it.
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { value, _ in value * 10 } }
}
