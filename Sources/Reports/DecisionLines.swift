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

    /// Appends the line of one decision (indices into the ids, ascending), with its line break.
    public func append(fired: [Int32], unknown: [Int32], to bytes: inout [UInt8]) {
        spacedIDs.withUnsafeBufferPointer { all in
            for (position, index) in fired.enumerated() {
                // The first id goes without its space.
                let start = starts[Int(index)] + (position == 0 ? 1 : 0)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[start..<starts[Int(index) + 1]]))
            }
            if !unknown.isEmpty {
                bytes.append(UInt8(ascii: " "))
                bytes.append(UInt8(ascii: "|"))
                for index in unknown {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: all[starts[Int(index)]..<starts[Int(index) + 1]]))
                }
            }
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}
