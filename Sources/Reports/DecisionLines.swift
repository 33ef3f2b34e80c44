/// The lines of `orgdiag batch --format fired`: per profile, the ids of the diagnostics that
/// fired, then ` | ` and those left unknown when there are any, each list in id order.
public struct DecisionLines: Sendable {
    private let ids: [[UInt8]]

    /// Prepares the lines of a pack whose diagnostics have these ids, by index.
    public init(ids: [String]) {
        self.ids = ids.map { Array($0.utf8) }
    }

    /// Appends the line of one decision (indices into the ids, ascending), with its line break.
    public func append(fired: [Int32], unknown: [Int32], to bytes: inout [UInt8]) {
        for (position, index) in fired.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes += ids[Int(index)]
        }
        if !unknown.isEmpty {
            bytes += Array(" |".utf8)
            for index in unknown {
                bytes.append(UInt8(ascii: " "))
                bytes += ids[Int(index)]
            }
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}
