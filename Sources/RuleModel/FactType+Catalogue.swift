extension FactDefinition.FactType {
    /// Every fact type, in the documentation's order.
    public static let allCases: [FactDefinition.FactType] = [boolean, integer, number, percentage, enumeration, set, string, date]

    public static let boolean = Self("boolean", answer: .boolean) { _ in .boolean }
    public static let integer = Self("integer", answer: .number(whole: true)) { _ in .number }
    public static let number = Self("number", answer: .number(whole: false)) { _ in .number }
    public static let percentage = Self("percentage", answer: .number(whole: false), defaultUnit: "%",
                                        defaultRange: 0...100) { _ in .number }
    public static let enumeration = Self("enum", answer: .word, takesValues: true) { .text(values: $0.values) }
    public static let set = Self("set", answer: .words, takesValues: true) { .set(values: $0.values) }
    public static let string = Self("string", answer: .text) { _ in .text(values: nil) }
    public static let date = Self("date", answer: .date) { _ in .date }
}
