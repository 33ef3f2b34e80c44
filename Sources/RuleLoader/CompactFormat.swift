/// What ``CompactEncoder``, ``CompactDecoder`` and ``PackCache`` share of the compact binary form:
/// its tags, its varints (unsigned LEB128) and how deep its values may nest.
enum CompactFormat {
    /// The tag byte before each value.
    enum Tag: UInt8 {
        case null = 0, no, yes, integer, number, text, keyed, list
    }

    /// The deepest nesting of values written or read: the encoder refuses deeper values (such a
    /// pack is not cached), and the decoder stops there, within the stack of any thread it runs on.
    static let maximumDepth = 200

    /// Appends `value` as a varint.
    static func writeVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The varint at `offset` in `bytes`, moving `offset` past it; `nil` if it runs past `end` or
    /// beyond 64 bits.
    static func readVarint<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at offset: inout Int, end: Int) -> UInt64?
    where Bytes.Index == Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < end, shift < 64 {
            let next = bytes[offset]
            offset += 1
            value |= UInt64(next & 0x7f) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
