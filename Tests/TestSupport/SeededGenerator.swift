/// A seeded generator (a 64-bit linear congruential step, high bits rotated down), so that a
/// failing random test reproduces from its seed.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64

    /// A generator that starts from `state`.
    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 11 | state << 53
    }
}
