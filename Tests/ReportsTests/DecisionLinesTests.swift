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

/// The last id, which loses its space when it is the first of a line, is read from its slot's
/// second byte: the bytes read past it are not the line's.
@Suite struct DecisionLinesLastIDTests {
    @Test func theLastIDFirstOnItsLine() {
        var bytes: [UInt8] = []
        DecisionLines(ids: ["a", "bb"]).append(fired: [1], unknown: [], to: &bytes)
        DecisionLines(ids: ["a", "bb"]).append(fired: [], unknown: [1], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "bb\n | bb\n")
    }
}

/// Ids of every length around the 16 bytes an id is copied with at once, lines one after another.
@Suite struct DecisionLinesLengthTests {
    @Test func idsOfEveryLengthAroundTheSlotAreCopiedWhole() {
        let ids = (1...40).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) }) }
        let lines = DecisionLines(ids: ids)
        var bytes: [UInt8] = []
        var expected = ""
        for first in ids.indices {
            let fired = [first, (first + 7) % ids.count].sorted().map(Int32.init)
            let unknown = [(first + 13) % ids.count, (first + 14) % ids.count].sorted().map(Int32.init)
            lines.append(fired: fired, unknown: unknown, to: &bytes)
            expected += fired.map { ids[Int($0)] }.joined(separator: " ") + " | " + unknown.map { ids[Int($0)] }.joined(separator: " ") + "\n"
            lines.append(fired: [Int32(first)], unknown: [], to: &bytes)
            expected += ids[first] + "\n"
        }
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
