/// What the block evaluator decided for a run of profiles: for each, the diagnostics that fired
/// and those left unknown, as indices into the pack's diagnostics (ascending, so in id order),
/// held in one flat buffer rather than two arrays a profile.
public struct Decisions: Sendable {
    /// The ids of every profile's fired then unknown diagnostics, one profile after the other.
    private var indices: [Int32] = []
    /// For each profile, where its fired diagnostics end and where its unknown ones end in `indices`.
    private var ends: [(fired: Int, unknown: Int)] = []

    /// How many profiles were decided (one entry for each profile given, read or not).
    public var count: Int { ends.count }

    /// The diagnostics that fired for profile `index`.
    public func fired(_ index: Int) -> ArraySlice<Int32> {
        indices[start(of: index)..<ends[index].fired]
    }

    /// The diagnostics left unknown for profile `index`.
    public func unknown(_ index: Int) -> ArraySlice<Int32> {
        indices[ends[index].fired..<ends[index].unknown]
    }

    private func start(of index: Int) -> Int { index == 0 ? 0 : ends[index - 1].unknown }

    /// Appends one profile's decision.
    mutating func append(fired: some Sequence<Int32>, unknown: some Sequence<Int32>) {
        indices.append(contentsOf: fired)
        let firedEnd = indices.count
        indices.append(contentsOf: unknown)
        ends.append((firedEnd, indices.count))
    }

    /// Reserves room for `count` more profiles of about `perProfile` indices each.
    mutating func reserve(_ count: Int, perProfile: Int) {
        ends.reserveCapacity(ends.count + count)
        indices.reserveCapacity(indices.count + count * perProfile)
    }
}
