/// The lines of `orgdiag batch --format fired`: per profile, the ids of the diagnostics that
/// fired, then ` | ` and those left unknown when there are any, each list in id order.
public struct DecisionLines: Sendable {
    /// Every id's bytes, each after a space, one after the other.
    private let spacedIDs: [UInt8]
    /// Where each id's space starts in `spacedIDs`; one more entry for the end of the last.
    private let starts: [Int]

    /// Prepares the lines of a pack whose diagnostics have these ids, by index.
    public init(ids: [String]) {
        var spacedIDs: [UInt8] = []
        var starts = [0]
        for id in ids {
            spacedIDs.append(UInt8(ascii: " "))
            spacedIDs += id.utf8
            starts.append(spacedIDs.count)
        }
        self.spacedIDs = spacedIDs
        self.starts = starts
    }

    /// Appends the line of one decision (indices into the ids, ascending), with its line break:
    /// the line's length first, then each id copied into place, so that the array grows once.
    public func append(fired: [Int32], unknown: [Int32], to bytes: inout [UInt8]) {
        // Each id is stored after a space; the first fired id goes without it, and ` |` comes
        // before the unknown ones.
        var length = fired.isEmpty ? 1 : 0
        for index in fired { length += starts[Int(index) + 1] - starts[Int(index)] }
        if !unknown.isEmpty {
            length += 2
            for index in unknown { length += starts[Int(index) + 1] - starts[Int(index)] }
        }
        let lineStart = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: length))
        spacedIDs.withUnsafeBufferPointer { all in
            bytes.withUnsafeMutableBufferPointer { line in
                var end = lineStart
                func copy(_ index: Int32, dropSpace: Bool) {
                    let start = starts[Int(index)] + (dropSpace ? 1 : 0)
                    let count = starts[Int(index) + 1] - start
                    (line.baseAddress! + end).update(from: all.baseAddress! + start, count: count)
                    end += count
                }
                for (position, index) in fired.enumerated() { copy(index, dropSpace: position == 0) }
                if !unknown.isEmpty {
                    line[end] = UInt8(ascii: " ")
                    line[end + 1] = UInt8(ascii: "|")
                    end += 2
                    for index in unknown { copy(index, dropSpace: false) }
                }
                // The last byte, already a line break, ends the line.
            }
        }
    }
}
