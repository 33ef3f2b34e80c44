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
    /// left unknown (as ``fired(_:)`` and ``unknown(_:)`` give them, in buffers valid during the
    /// call only): a block at a time, visiting only the lanes each mask holds, so that a batch
    /// writes its lines without testing every diagnostic of every profile, and filling one buffer
    /// laid out before the first block, so that the lists cost no allocation.
    public func forEach(_ body: (_ index: Int, _ fired: UnsafeBufferPointer<Int32>, _ unknown: UnsafeBufferPointer<Int32>) -> Void) {
        let width = 64
        // Lane `l`'s fired diagnostics from `l * diagnosticCount`, its unknown ones from
        // `(width + l) * diagnosticCount`; `counts` holds each list's length, likewise. Only the
        // entries below a list's count are read, so the buffer is not zeroed first.
        let lists = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * width * diagnosticCount)
        defer { lists.deallocate() }
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * width)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        masks.withUnsafeBufferPointer { masks in
            for (block, start) in blockStarts.enumerated() {
                let lanes = (block + 1 < blockStarts.count ? blockStarts[block + 1] : count) - start
                let base = block * 2 * diagnosticCount
                for list in 0..<2 {
                    for diagnostic in 0..<diagnosticCount {
                        var set = masks[base + list * diagnosticCount + diagnostic]
                        while set != 0 {
                            let row = list * width + set.trailingZeroBitCount
                            lists[row * diagnosticCount + counts[row]] = Int32(diagnostic)
                            counts[row] += 1
                            set &= set - 1
                        }
                    }
                }
                for lane in 0..<lanes {
                    let fired = lane * diagnosticCount
                    let unknown = (width + lane) * diagnosticCount
                    body(start + lane, UnsafeBufferPointer(rebasing: lists[fired..<fired + counts[lane]]),
                         UnsafeBufferPointer(rebasing: lists[unknown..<unknown + counts[width + lane]]))
                }
                counts.update(repeating: 0)
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
