import Testing
@testable import Reports

/// The lines of `orgdiag batch --format fired`, the format the peer benchmark checks.
@Suite struct DecisionLinesTests {
    @Test(arguments: [([Int32](), [Int32](), "\n"), ([0, 2], [], "alpha gamma\n"), ([], [1], " | beta\n"), ([0], [1, 2], "alpha | beta gamma\n")])
    func oneLinePerDecision(_ fired: [Int32], _ unknown: [Int32], _ expected: String) {
        var bytes: [UInt8] = []
        DecisionLines(ids: ["alpha", "beta", "gamma"]).append(fired: fired, unknown: unknown, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
