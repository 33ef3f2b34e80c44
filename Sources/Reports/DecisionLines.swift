/// The lines of `orgdiag batch --format fired`: per profile, the ids of the diagnostics that
/// fired, then ` | ` and those left unknown when there are any, each list in id order.
public struct DecisionLines: Sendable {
    /// The bytes an id is copied with at once, its space included: an id that fits is copied as
    /// one 16-byte load and store (the bytes after its end are overwritten by the next id or the
    /// line break, or fall in the room left after the line, which is dropped), a longer one with
    /// `memmove`, whose call costs more than copying a short id.
    private static let slotBytes = 16
    /// Every id's bytes, each after a space, in a slot of ``slotBytes`` bytes (zeros after it)
    /// when it fits, and after all the slots when it does not; then a slot of zeros.
    private let spacedIDs: [UInt8]
    /// Where each id's space starts in `spacedIDs`.
    private let starts: [Int]
    /// Each id's length with its space.
    private let lengths: [Int]

    /// Prepares the lines of a pack whose diagnostics have these ids, by index.
    public init(ids: [String]) {
        let spaced = ids.map { [UInt8(ascii: " ")] + Array($0.utf8) }
        var spacedIDs = [UInt8](repeating: 0, count: ids.count * Self.slotBytes)
        var starts: [Int] = []
        for (index, id) in spaced.enumerated() {
            if id.count <= Self.slotBytes {
                starts.append(index * Self.slotBytes)
                spacedIDs.replaceSubrange(starts[index]..<starts[index] + id.count, with: id)
            } else {
                starts.append(spacedIDs.count)
                spacedIDs += id
            }
        }
        // A slot read from its second byte reads one byte past it.
        self.spacedIDs = spacedIDs + repeatElement(0, count: Self.slotBytes)
        self.starts = starts
        self.lengths = spaced.map(\.count)
    }

    /// Appends the line of one decision (indices into the ids, ascending), with its line break:
    /// the line's length first, then each id copied into place, so that the array grows once.
    public func append(fired: UnsafeBufferPointer<Int32>, unknown: UnsafeBufferPointer<Int32>, to bytes: inout [UInt8]) {
        // Each id is stored after a space; the first fired id goes without it, and ` |` comes
        // before the unknown ones.
        var length = fired.isEmpty ? 1 : 0
        for index in fired { length += lengths[Int(index)] }
        if !unknown.isEmpty {
            length += 2
            for index in unknown { length += lengths[Int(index)] }
        }
        let lineStart = bytes.count
        // Room for the last id's whole slot, dropped once the line is written.
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: length + Self.slotBytes))
        spacedIDs.withUnsafeBytes { all in
            lengths.withUnsafeBufferPointer { lengths in
                bytes.withUnsafeMutableBytes { line in
                    var end = lineStart
                    func copy(_ index: Int32, dropSpace: Bool) {
                        let index = Int(index)
                        let skipped = dropSpace ? 1 : 0
                        let count = lengths[index] - skipped
                        if lengths[index] <= Self.slotBytes {
                            // The bytes after the id are overwritten by what follows it.
                            let slot = all.loadUnaligned(fromByteOffset: starts[index] + skipped, as: SIMD16<UInt8>.self)
                            line.storeBytes(of: slot, toByteOffset: end, as: SIMD16<UInt8>.self)
                        } else {
                            line.baseAddress!.advanced(by: end).copyMemory(from: all.baseAddress!.advanced(by: starts[index] + skipped), byteCount: count)
                        }
                        end += count
                    }
                    for (position, index) in fired.enumerated() { copy(index, dropSpace: position == 0) }
                    if !unknown.isEmpty {
                        line[end] = UInt8(ascii: " ")
                        line[end + 1] = UInt8(ascii: "|")
                        end += 2
                        for index in unknown { copy(index, dropSpace: false) }
                    }
                    line[end] = UInt8(ascii: "\n")
                }
            }
        }
        bytes.removeLast(Self.slotBytes)
    }

    /// Appends the line of one decision given as arrays; as ``append(fired:unknown:to:)``.
    public func append(fired: [Int32], unknown: [Int32], to bytes: inout [UInt8]) {
        fired.withUnsafeBufferPointer { fired in
            unknown.withUnsafeBufferPointer { unknown in append(fired: fired, unknown: unknown, to: &bytes) }
        }
    }
}
