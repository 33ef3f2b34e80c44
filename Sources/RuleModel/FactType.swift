extension FactDefinition {
    /// A kind of value a fact can hold, declared once with everything the rest of orgdiag needs to
    /// know about it: its name in packs, how expressions type it, what form an answer takes (for
    /// `ask`, `init` and the reports), its default unit, and the values the explainer tries when it
    /// looks for what would change an outcome.
    ///
    /// The declarations are in `FactType+Catalogue.swift`; reading a profile's value of each type
    /// is the loader's (`FactValueReader`, one reader per type). To add a type: declare it there,
    /// add its reader, and add its row to the tables of docs/rule-language.md (checked by a test)
    /// and to the `type` list of docs/schema/pack.schema.json.
    public struct FactType: Hashable, Sendable, CustomStringConvertible {
        /// The form an answer to the fact's question takes.
        public enum AnswerForm: Hashable, Sendable {
            /// `true` or `false`.
            case boolean
            /// A number, whole or not, within the fact's range.
            case number(whole: Bool)
            /// One of the fact's words.
            case word
            /// A list of the fact's words.
            case words
            /// Free text.
            case text
            /// A date, `YYYY-MM-DD`.
            case date
        }

        /// The name written in packs (`type: integer`).
        public let rawValue: String
        /// The form of an answer.
        public let answer: AnswerForm
        /// Whether a fact of this type lists its words (`values:`).
        public let takesValues: Bool
        /// The unit shown when the fact declares none (`%` for a percentage).
        public let defaultUnit: String?
        /// The range every fact of this type lies in when it declares none.
        public let defaultRange: ClosedRange<Double>?
        /// The type of the fact's name in expressions.
        public let expressionType: @Sendable (FactDefinition) -> ExpressionType

        public static func == (lhs: FactType, rhs: FactType) -> Bool { lhs.rawValue == rhs.rawValue }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
        public var description: String { rawValue }

        /// Whether values of this type are numbers (and a fact of it may declare a `range`).
        public var isNumeric: Bool {
            if case .number = answer { return true }
            return false
        }

        /// The smallest change of a value worth trying (1 for whole numbers); `nil` for non-numbers.
        public var step: Double? {
            guard case .number(let whole) = answer else { return nil }
            return whole ? 1 : 0.01
        }

        /// The type named `rawValue` in packs, if there is one.
        public init?(rawValue: String) {
            guard let type = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = type
        }

        init(_ rawValue: String, answer: AnswerForm, takesValues: Bool = false, defaultUnit: String? = nil,
             defaultRange: ClosedRange<Double>? = nil, expressionType: @escaping @Sendable (FactDefinition) -> ExpressionType) {
            self.rawValue = rawValue
            self.answer = answer
            self.takesValues = takesValues
            self.defaultUnit = defaultUnit
            self.defaultRange = defaultRange
            self.expressionType = expressionType
        }

        /// The values the explainer and the question ranking try for a fact of this type, other
        /// than `current`: true and false, each word, numbers on each side of `thresholds` and of
        /// the current value (the outermost first), the `texts` of the pack for free text, and for
        /// dates each date of `texts`, the day before and after, and the earliest and latest days.
        public func candidates(for fact: FactDefinition, current: RuntimeValue, thresholds: [Double],
                               texts: [String] = []) -> [Value] {
            switch answer {
            case .boolean:
                return [.bool(true), .bool(false)].filter { RuntimeValue($0) != current }
            case .word:
                return fact.values.map(Value.string).filter { RuntimeValue($0) != current }
            case .words:
                guard case .set(let present) = current else { return fact.values.map { .set([$0]) } + [.set([])] }
                return fact.values.map { value in
                    present.contains(value) ? .setOf(present.filter { $0 != value }) : .setOf(present + [value])
                }
            case .number(let whole):
                var values = Set<Double>()
                let step = whole ? 1.0 : 0.01
                for threshold in thresholds { values.formUnion([threshold - step, threshold, threshold + step]) }
                if let range = fact.range {
                    values.formUnion([range.lowerBound, range.upperBound])
                } else if let lowest = thresholds.first, let highest = thresholds.last {
                    // Far beyond every threshold, for sums and ratios whose threshold on this fact
                    // is shifted by the other facts' values.
                    let reach = 10 * (max(abs(lowest), abs(highest)) + 1)
                    values.formUnion([(lowest - reach).rounded(.down), (highest + reach).rounded(.up)])
                }
                if case .number(let now) = current {
                    for factor in [0.0, 0.5, 0.9, 1.1, 1.5, 2, 10] { values.insert(now * factor) }
                }
                let sorted = values.filter { value in
                    value.isFinite && (fact.range?.contains(value) ?? true) && (!whole || value.rounded() == value)
                }.sorted()
                // The extremes first: on either side of every threshold, they decide most comparisons at once.
                let outermost = sorted.count > 1 ? [sorted[0], sorted[sorted.count - 1]] : sorted
                return (outermost + sorted.dropFirst().dropLast()).map(Value.number)
            case .text:
                return (texts + [""]).filter { RuntimeValue(.string($0)) != current }.map(Value.string)
            case .date:
                // Around each date of `texts`: a day either side, and each threshold read as days
                // and as years either side (a date compared through `days_between` or `years_between`).
                var days = Set<Int>()
                for text in texts {
                    guard let date = CivilDate(iso: text) else { continue }
                    let day = date.daysSince1970
                    days.formUnion([day - 1, day, day + 1])
                    for threshold in thresholds where threshold.isFinite && Swift.abs(threshold) <= 10_000 {
                        for shift in [threshold, threshold * 365.25] {
                            let whole = Int(shift.rounded())
                            days.formUnion([day - whole - 1, day - whole, day + whole, day + whole + 1])
                        }
                    }
                }
                // Only real days between years 1 and 9999, which compare as their text does.
                let valid = days.sorted().map { CivilDate(daysSince1970: $0) }.filter { (1...9999).contains($0.year) }
                let ordered = valid.count > 1 ? [valid[0], valid[valid.count - 1]] + valid.dropFirst().dropLast() : valid
                return ordered.map(\.description).filter { RuntimeValue(.string($0)) != current }.map(Value.string)
            }
        }
    }
}

/// A fact type is stored by its name in packs, and read back as the type of that name.
extension FactDefinition.FactType: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let type = Self(rawValue: name) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "no fact type is named '\(name)'")
        }
        self = type
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
