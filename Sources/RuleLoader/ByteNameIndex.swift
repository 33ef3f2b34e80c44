/// Positions of names looked up by their UTF-8 bytes, as libyaml holds a scalar: what the stream
/// decoder matches fact names and declared words with, making no text per scalar.
///
/// Written here rather than taken from a package: a `Dictionary` keyed by `String` needs a string
/// made for every look-up, which is the cost this type exists to avoid. Each name is keyed by its
/// length and its first eight bytes, so that a name of up to eight bytes (most fact ids and
/// words) is matched by two comparisons.
struct ByteNameIndex: Sendable {
    /// Every name's bytes, one after the other.
    private let bytes: [UInt8]
    /// Where each name starts in `bytes`; one more entry for the end of the last.
    private let starts: [Int]
    /// Each name's first eight bytes (zeros after a shorter name's end).
    private let prefixes: [UInt64]
    /// Open addressing by hash: a name's position, or -1 for an empty slot.
    private let slots: [Int32]
    /// The first position of each name: its own, or an earlier one of the same name.
    private let firstPositions: [Int]

    /// Indexes `names`; a name given twice keeps its first position.
    init(_ names: [String]) {
        var bytes: [UInt8] = []
        var starts = [0]
        for name in names {
            bytes += name.utf8
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        let prefixes = bytes.withUnsafeBufferPointer { all in
            names.indices.map { Self.prefix(UnsafeBufferPointer(rebasing: all[starts[$0]..<starts[$0 + 1]])) }
        }
        self.prefixes = prefixes
        var capacity = 8
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var firstPositions = Array(names.indices)
        for position in names.indices {
            let name = bytes[starts[position]..<starts[position + 1]]
            var slot = name.withUnsafeBufferPointer { Self.hash($0, prefix: prefixes[position]) } & (capacity - 1)
            while slots[slot] >= 0 {
                let other = Int(slots[slot])
                if name.elementsEqual(bytes[starts[other]..<starts[other + 1]]) {
                    firstPositions[position] = other
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
            if firstPositions[position] == position { slots[slot] = Int32(position) }
        }
        self.slots = slots
        self.firstPositions = firstPositions
    }

    /// The position of the name spelt `name`, trying `guess` and the name after it first (names
    /// usually come in the catalogue's order, some left out, so most look-ups cost one or two
    /// comparisons and no hashing). A list of a few names (a fact's words, `true` and `false`) is
    /// looked through in order instead of hashed: its first match is the name's first position.
    func position(of name: UnsafeBufferPointer<UInt8>, guess: Int) -> Int? {
        let prefix = Self.prefix(name)
        if guess >= 0 {
            if guess < prefixes.count, matches(name, prefix, guess) { return firstPositions[guess] }
            if guess + 1 < prefixes.count, matches(name, prefix, guess + 1) { return firstPositions[guess + 1] }
        }
        if prefixes.count <= Self.scannedCount {
            return prefixes.indices.first { matches(name, prefix, $0) }
        }
        let mask = slots.count - 1
        var slot = Self.hash(name, prefix: prefix) & mask
        while true {
            let position = Int(slots[slot])
            if position < 0 { return nil }
            if matches(name, prefix, position) { return position }
            slot = (slot + 1) & mask
        }
    }

    /// Lists of at most this many names are looked through rather than hashed.
    private static let scannedCount = 8

    /// Whether `name`, whose first eight bytes are `prefix`, is spelt as the name at `position`.
    @inline(__always) private func matches(_ name: UnsafeBufferPointer<UInt8>, _ prefix: UInt64, _ position: Int) -> Bool {
        guard prefixes[position] == prefix else { return false }
        let start = starts[position]
        let count = starts[position + 1] - start
        guard count == name.count else { return false }
        guard count > 8 else { return true }
        return bytes.withUnsafeBufferPointer { all in
            for offset in 8..<count where all[start + offset] != name[offset] { return false }
            return true
        }
    }

    /// The first eight bytes, little-endian, zeros after the end. A shorter name is read as two
    /// loads that overlap, its first and its last four (or two) bytes, the second shifted into
    /// place: the bytes in both are the same, so or-ing them keeps them.
    @inline(__always) private static func prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        switch count {
        case 8...:
            return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        case 4...:
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return first | last << (8 * UInt64(count - 4))
        case 2...:
            let first = UInt64(UInt16(littleEndian: raw.loadUnaligned(as: UInt16.self)))
            let last = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            return first | last << (8 * UInt64(count - 2))
        case 1:
            return UInt64(base[0])
        default:
            return 0
        }
    }

    /// A hash of a name (whose first eight bytes are `prefix`): its length, first and last eight
    /// bytes, multiplied together, so that ids that differ only at their end spread too.
    private static func hash(_ name: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> Int {
        let last = name.count > 8 ? UnsafeRawPointer(name.baseAddress! + name.count - 8).loadUnaligned(as: UInt64.self) : 0
        var mixed = (prefix ^ UInt64(truncatingIfNeeded: name.count) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 31) ^ UInt64(littleEndian: last)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed >> 32)
    }
}
