import Foundation
import Testing
@testable import Parallel

/// The cores a process may use, and work shared between them.
@Suite struct CoresTests {
    /// The cores the kernel lets this process run on, as /proc tells them (`0-1`, `0,2-3`).
    private func allowedCores() throws -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }) else { return nil }
        let list = line.dropFirst("Cpus_allowed_list:".count).trimmingCharacters(in: .whitespaces)
        return try list.split(separator: ",").reduce(0) { count, range in
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            guard let low = bounds.first, let high = bounds.last else { throw CocoaError(.fileReadCorruptFile) }
            return count + high - low + 1
        }
    }

    @Test func theUsableCoresAreThoseTheKernelAllows() throws {
        #expect(Cores.usable >= 1)
        #if os(Linux)
        let allowed = try #require(try allowedCores())
        #expect(Cores.usable == allowed)
        #endif
    }

    @Test func resultsComeInOrder() {
        #expect(concurrentMap(count: 1_000) { $0 * 2 } == (0..<1_000).map { $0 * 2 })
        #expect(concurrentMap(count: 0) { $0 }.isEmpty)
    }
}
