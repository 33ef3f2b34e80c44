/// What the block evaluator decided for a run of profiles: per block of profiles, a bit set of
/// the lanes where each diagnostic fired and one of those where it was left unknown — what the
/// evaluation produces, read back as lists of diagnostics only when asked.
public struct Decisions: Sendable {
    /// The number of the pack's diagnostics.
    private let diagnosticCount: Int
    /// The index of the first profile of each block.
    private var blockStarts: [Int] = []
    /// For each block, `diagnosticCount` masks of the lanes where each diagnostic fired, then as
    /// many of the lanes where it was left unknown.
    private var masks: [UInt64] = []
    /// How many profiles were decided (one entry for each profile given, read or not).
    public private(set) var count = 0

    init(diagnosticCount: Int) {
        self.diagnosticCount = diagnosticCount
    }

    /// The diagnostics that fired for profile `index`, as indices into the pack's diagnostics (ascending).
    public func fired(_ index: Int) -> [Int32] { diagnostics(of: index, offset: 0) }

    /// The diagnostics left unknown for profile `index`, as indices into the pack's diagnostics (ascending).
    public func unknown(_ index: Int) -> [Int32] { diagnostics(of: index, offset: diagnosticCount) }

    private func diagnostics(of index: Int, offset: Int) -> [Int32] {
        precondition(index >= 0 && index < count, "no decision \(index)")
        // The last block that starts at or before `index`.
        var low = 0
        var high = blockStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if blockStarts[middle] <= index { low = middle } else { high = middle }
        }
        let bit: UInt64 = 1 << UInt64(index - blockStarts[low])
        let base = low * 2 * diagnosticCount + offset
        var result: [Int32] = []
        for diagnostic in 0..<diagnosticCount where masks[base + diagnostic] & bit != 0 { result.append(Int32(diagnostic)) }
        return result
    }

    /// Calls `body` for each profile in order with its index, the diagnostics that fired and those
    /// left unknown (as ``fired(_:)`` and ``unknown(_:)`` give them): a block at a time, visiting
    /// only the lanes each mask holds, so that a batch writes its lines without testing every
    /// diagnostic of every profile.
    public func forEach(_ body: (_ index: Int, _ fired: [Int32], _ unknown: [Int32]) -> Void) {
        var fired = [[Int32]](repeating: [], count: 64)
        var unknown = [[Int32]](repeating: [], count: 64)
        for (block, start) in blockStarts.enumerated() {
            let lanes = (block + 1 < blockStarts.count ? blockStarts[block + 1] : count) - start
            let base = block * 2 * diagnosticCount
            for diagnostic in 0..<diagnosticCount {
                var firedLanes = masks[base + diagnostic]
                while firedLanes != 0 {
                    fired[firedLanes.trailingZeroBitCount].append(Int32(diagnostic))
                    firedLanes &= firedLanes - 1
                }
                var unknownLanes = masks[base + diagnosticCount + diagnostic]
                while unknownLanes != 0 {
                    unknown[unknownLanes.trailingZeroBitCount].append(Int32(diagnostic))
                    unknownLanes &= unknownLanes - 1
                }
            }
            for lane in 0..<lanes {
                body(start + lane, fired[lane], unknown[lane])
                fired[lane].removeAll(keepingCapacity: true)
                unknown[lane].removeAll(keepingCapacity: true)
            }
        }
    }

    /// Appends a block of `count` profiles whose masks `body` fills: `diagnosticCount` fired
    /// masks, then as many unknown ones.
    mutating func appendBlock(count: Int, _ body: (UnsafeMutableBufferPointer<UInt64>) -> Void) {
        blockStarts.append(self.count)
        self.count += count
        let start = masks.count
        masks += repeatElement(0, count: 2 * diagnosticCount)
        masks.withUnsafeMutableBufferPointer { all in body(UnsafeMutableBufferPointer(rebasing: all[start...])) }
    }

    /// Reserves room for `blocks` more blocks.
    mutating func reserve(blocks: Int) {
        blockStarts.reserveCapacity(blockStarts.count + blocks)
        masks.reserveCapacity(masks.count + blocks * 2 * diagnosticCount)
    }
}
