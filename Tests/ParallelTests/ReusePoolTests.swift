import Dispatch
import Testing
@testable import Parallel

/// Values kept between uses: what was given back, last first, and never one value to two takers.
@Suite struct ReusePoolTests {
    @Test func anEmptyPoolHasNothingToGive() {
        #expect(ReusePool<Int>().take() == nil)
    }

    @Test func theValueGivenBackLastIsTakenFirst() {
        let pool = ReusePool<[Int]>()
        pool.giveBack([1])
        pool.giveBack([2, 2])
        #expect(pool.take() == [2, 2])
        #expect(pool.take() == [1])
        #expect(pool.take() == nil)
    }

    /// Threads taking and giving back at once: every value given is taken by one thread only, and
    /// the pool never holds more values than were in use at once.
    @Test func threadsNeverShareAValue() {
        let pool = ReusePool<Int>()
        for value in 0..<4 { pool.giveBack(value) }
        let taken = concurrentMap(count: 2_000) { _ -> Int? in
            guard let value = pool.take() else { return nil }
            pool.giveBack(value)
            return value
        }
        #expect(taken.allSatisfy { $0 == nil || (0..<4).contains($0!) })
        var left: [Int] = []
        while let value = pool.take() { left.append(value) }
        #expect(left.sorted() == [0, 1, 2, 3])
    }
}
