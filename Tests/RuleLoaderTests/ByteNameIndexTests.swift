import Testing
@testable import RuleLoader

/// Names found by their bytes give the position a dictionary of the names gives, whatever the
/// guess, for short and long names, names that share their first eight bytes, and names absent.
@Suite struct ByteNameIndexTests {
    private let names = ["int_00", "int_01", "flag_00", "", "t0", "staff_count_total", "staff_count_totals", "staff_count_tota",
                         "staff_co", "staff_cp", "é_accent", "int_01", "a"]

    private func position(_ index: ByteNameIndex, _ name: String, guess: Int) -> Int? {
        var name = name
        return name.withUTF8 { index.position(of: $0, guess: guess) }
    }

    /// Hashed (the thirteen names), and looked through in order (eight of them, two given twice).
    @Test(arguments: [13, 8]) func everyNameIsFoundAtItsFirstPositionWhateverTheGuess(count: Int) {
        let names = count == self.names.count ? self.names : Array(self.names.prefix(6)) + ["int_01", "t0"]
        #expect(names.count == count)
        let index = ByteNameIndex(names)
        var firstPositions: [String: Int] = [:]
        for (position, name) in names.enumerated() where firstPositions[name] == nil { firstPositions[name] = position }
        for name in self.names + ["int_02", "staff_count_tot", "staff_count_totalz", "b", "flag_0", "flag_000", "t1", "é_accenT"] {
            for guess in -1...names.count + 1 {
                #expect(position(index, name, guess: guess) == firstPositions[name], "\(name), guess \(guess)")
            }
        }
    }

    @Test func aLargeCatalogueIsHashed() {
        let many = (0..<1_000).map { "fact_\($0)_with_a_long_name" }
        let index = ByteNameIndex(many)
        for (position, name) in many.enumerated() {
            #expect(self.position(index, name, guess: 0) == position)
        }
        #expect(position(index, "fact_1000_with_a_long_name", guess: 999) == nil)
    }

    /// Names of every length up to eight bytes, and each with one byte changed, are told apart:
    /// every byte of a short name counts in its prefix, the ones read twice included.
    @Test func everyByteOfAShortNameCounts() {
        let letters = Array("abcdefgh".utf8)
        let names = (1...8).map { String(decoding: letters[0..<$0], as: UTF8.self) }
        let index = ByteNameIndex(names)
        for (position, name) in names.enumerated() {
            #expect(self.position(index, name, guess: position) == position)
            for changed in 0..<name.utf8.count {
                var bytes = Array(name.utf8)
                bytes[changed] = UInt8(ascii: "z")
                let other = String(decoding: bytes, as: UTF8.self)
                #expect(self.position(index, other, guess: position) == nil, "\(other)")
                #expect(self.position(index, other, guess: -1) == nil, "\(other)")
            }
        }
    }
}
