import Dispatch
import Testing
@testable import Parallel

/// A value computed on another thread when there are cores to overlap with, and on the first read
/// otherwise.
@Suite struct BackgroundValueTests {
    /// How often some work ran; touched by one thread at a time in these tests.
    private final class Counter: @unchecked Sendable {
        var runs = 0
    }

    @Test func onOneCoreTheWorkWaitsForTheFirstRead() {
        let counter = Counter()
        let value = BackgroundValue(overlapping: false) { () -> Int in
            counter.runs += 1
            return 42
        }
        #expect(counter.runs == 0)
        #expect(value.value == 42)
        #expect(value.value == 42)
        #expect(counter.runs == 1)
    }

    @Test func withCoresToSpareTheWorkStartsAtOnce() {
        let started = DispatchSemaphore(value: 0)
        let value = BackgroundValue(overlapping: true) { () -> String in
            started.signal()
            return "ready"
        }
        // Nobody has read the value: the work runs anyway.
        #expect(started.wait(timeout: .now() + 60) == .success)
        #expect(value.value == "ready")
    }

    @Test func aDeferredValueIsComputedOnceWhateverTheReaders() {
        let counter = Counter()
        let value = BackgroundValue(overlapping: false) { () -> Int in
            counter.runs += 1
            return 7
        }
        let reads = concurrentMap(count: 32) { _ in value.value }
        #expect(reads == Array(repeating: 7, count: 32))
        #expect(counter.runs == 1)
    }

    @Test func aReadyValueIsThere() {
        #expect(BackgroundValue(ready: [1, 2]).value == [1, 2])
    }
}
