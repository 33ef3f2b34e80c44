import RuleModel

/// A pack compiled to a flat list of instructions over typed registers: the fast path of the
/// engine. Registers are laid out as facts, parameters, indicators and diagnostics (the slots of
/// ``CompiledPack``), then constants, then temporaries reused by each derivation.
///
/// Words (enum values, string literals and parameters) are interned as symbols whose ids sort
/// like the words, sets are bit masks over their fact's values, and nothing in the loop is
/// reference counted. ``CompiledExpression`` stays the reference semantics: a test checks that
/// both agree on random profiles.
struct Program: Sendable {
    /// The instructions of one indicator or diagnostic, and where its value lands.
    struct Derivation: Sendable {
        let instructions: Range<Int>
        let slot: Int
        /// The diagnostic's index in the pack, for applicability; `nil` for an indicator.
        let diagnostic: Int?
    }

    var instructions: [Instruction] = []
    var derivations: [Derivation] = []
    /// Registers holding constants (and nothing for the rest) before each run.
    var template: Registers
    /// The interned words, by id.
    var symbols: [String] = []
    var symbolIDs: [String: Int] = [:]
    /// For each fact (pack order), its enum or set values as (word, symbol id).
    var factDomains: [[(word: String, symbol: Int)]] = []
    /// For each fact (pack order), the symbol id of each of its words, by position: ``factDomains``'s
    /// ids, for the block evaluator's columns.
    var factSymbols: [[UInt64]] = []
    /// For set registers (facts), the symbol id of each bit; empty for other registers.
    var setDomains: [[Int]] = []
    /// The registers of constants (literals and lists of literals): the same in every lane of a block.
    var constantRegisters = 0..<0
    /// Subtrees evaluated the general way (lists of lists, sets compared across domains...).
    var fallbacks: [CompiledExpression] = []
    let factCount: Int
    let parameterCount: Int
    let slotCount: Int

    init(factCount: Int, parameterCount: Int, slotCount: Int) {
        self.factCount = factCount
        self.parameterCount = parameterCount
        self.slotCount = slotCount
        template = Registers(count: slotCount)
    }

    // MARK: Loading values

    /// Writes a model value into a register; `fact` gives the domain of enum and set facts.
    func store(_ value: Value, into registers: inout Registers, at register: Int, fact: Int? = nil) {
        let (tag, payload) = encoded(value, fact: fact, texts: &registers.texts)
        registers.tags[register] = tag.rawValue
        registers.payloads[register] = payload
    }

    /// A model value as a register holds it, whatever the registers' layout: a text that is no
    /// interned word is appended to `texts` and the payload is its index. `fact` gives the
    /// domain of enum and set facts; a set without one (or over more than 64 words) is unknown.
    func encoded(_ value: Value, fact: Int?, texts: inout [String]) -> (tag: Registers.Tag, payload: UInt64) {
        switch value {
        case .bool(let flag):
            return (.bool, flag ? 1 : 0)
        case .number(let number):
            return (.number, number.bitPattern)
        case .string(let text):
            if let fact, let symbol = factDomains[fact].first(where: { $0.word == text })?.symbol {
                return (.symbol, UInt64(symbol))
            } else if let symbol = symbolIDs[text] {
                return (.symbol, UInt64(symbol))
            }
            texts.append(text)
            return (.text, UInt64(texts.count - 1))
        case .set(let words):
            guard let fact, factDomains[fact].count <= 64 else { return (.unknown, 0) }
            var mask: UInt64 = 0
            for word in words {
                if let bit = factDomains[fact].firstIndex(where: { $0.word == word }) { mask |= 1 << UInt64(bit) }
            }
            return (.set, mask)
        }
    }

    /// A fact's code as a register holds it, with no word to look up; `nil` for a code that
    /// needs the value itself (``FactCode/Kind/other``).
    @inline(__always) func encoded(_ code: FactCode, fact: Int) -> (tag: Registers.Tag, payload: UInt64)? {
        switch code.kind {
        case .missing: return (.unknown, 0)
        case .boolean: return (.bool, code.payload)
        case .number: return (.number, code.payload)
        case .word: return (.symbol, UInt64(factDomains[fact][Int(code.payload)].symbol))
        case .words: return factDomains[fact].count <= 64 ? (.set, code.payload) : nil
        case .other: return nil
        }
    }

    /// The text of a symbol or text register.
    @inline(__always) func text(_ registers: some RegisterReading, _ register: Int) -> String? {
        switch registers.tag(register) {
        case .symbol: return symbols[Int(registers.payload(register))]
        case .text: return registers.texts[Int(registers.payload(register))]
        default: return nil
        }
    }

    /// A register as a ``RuntimeValue`` (for explanations and the general fallback).
    func runtimeValue(_ registers: some RegisterReading, _ register: Int) -> RuntimeValue {
        switch registers.tag(register) {
        case .unknown: return .unknown
        case .bool: return .bool(registers.payload(register) != 0)
        case .number: return .number(Double(bitPattern: registers.payload(register)))
        case .symbol, .text: return .string(text(registers, register) ?? "")
        case .set:
            let bits = register < setDomains.count ? setDomains[register] : []
            let mask = registers.payload(register)
            return .set(bits.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { symbols[bits[$0]] }.sorted())
        }
    }

    /// The comparison operators, indexed like the `c` operand of `compare` instructions.
    static let comparisonOperators = Expression.ComparisonOperator.allCases

    // MARK: Running

    /// Runs every derivation for one profile whose facts and parameters are already stored.
    /// - Parameter applies: for each diagnostic, whether it concerns the organisation's kind.
    func run(_ registers: inout Registers, applies: [Bool]) {
        let texts = registers.texts
        registers.tags.withUnsafeMutableBufferPointer { tags in
            registers.payloads.withUnsafeMutableBufferPointer { payloads in
                // Raw pointers: no copy-on-write check on every write in the loop.
                let view = RegisterView(tags: tags.baseAddress!, payloads: payloads.baseAddress!, texts: texts)
                instructions.withUnsafeBufferPointer { instructions in
                    for derivation in derivations {
                        if let diagnostic = derivation.diagnostic, !applies[diagnostic] {
                            view.setBool(derivation.slot, false)
                            continue
                        }
                        var next = derivation.instructions.lowerBound
                        let end = derivation.instructions.upperBound
                        while next < end {
                            let instruction = instructions[next]
                            next += 1
                            execute(instruction, view)
                            if instruction.junction != .none { next = join(instruction, view, next: next) }
                        }
                    }
                }
            }
        }
    }

    /// The junction step after an instruction: the index of the instruction to run next.
    @inline(__always) private func join(_ instruction: Instruction, _ r: RegisterView, next: Int) -> Int {
        let value = Int(instruction.destination)
        let valueIsBool = r.tags[value] == Registers.Tag.bool.rawValue
        switch instruction.junction {
        case .none:
            return next
        case .jumpIfFalse, .jumpIfTrue:
            let wanted: UInt64 = instruction.junction == .jumpIfTrue ? 1 : 0
            return valueIsBool && r.payloads[value] == wanted ? Int(instruction.target) : next
        case .andJumpIfFalse, .orJumpIfTrue:
            // Kleene: the deciding value (false for and, true for or) wins, then unknown.
            let deciding: UInt64 = instruction.junction == .orJumpIfTrue ? 1 : 0
            let accumulator = Int(instruction.accumulator)
            let accumulatorIsBool = r.tags[accumulator] == Registers.Tag.bool.rawValue
            if (accumulatorIsBool && r.payloads[accumulator] == deciding) || (valueIsBool && r.payloads[value] == deciding) {
                r.setBool(accumulator, deciding == 1)
                return Int(instruction.target)
            }
            if accumulatorIsBool && valueIsBool { r.setBool(accumulator, deciding == 0) } else { r.setUnknown(accumulator) }
            return next
        }
    }

    /// Runs one instruction's operation.
    @inline(__always) func execute(_ instruction: Instruction, _ r: some RegisterAccess) {
        let destination = Int(instruction.destination)
        let a = Int(instruction.a)
        let b = Int(instruction.b)
        let c = Int(instruction.c)
        switch instruction.opcode {
        case .copy:
            r.set(destination, tag: r.rawTag(a), payload: r.payload(a))
        case .add, .subtract, .multiply, .divide:
            guard r.rawTag(a) == Registers.Tag.number.rawValue, r.rawTag(b) == Registers.Tag.number.rawValue else {
                r.setUnknown(destination)
                return
            }
            let left = r.number(a)
            let right = r.number(b)
            let result: Double
            switch instruction.opcode {
            case .add: result = left + right
            case .subtract: result = left - right
            case .multiply: result = left * right
            default:
                guard right != 0 else {
                    r.setUnknown(destination)
                    return
                }
                result = left / right
            }
            if result.isFinite { r.setNumber(destination, result) } else { r.setUnknown(destination) }
        case .negate:
            if r.rawTag(a) == Registers.Tag.number.rawValue { r.setNumber(destination, -r.number(a)) } else { r.setUnknown(destination) }
        case .compare:
            r.setTruth(destination, compare(Self.comparisonOperators[c], a, b, r))
        case .test:
            break
        case .not:
            if r.rawTag(a) == Registers.Tag.bool.rawValue { r.setBool(destination, r.payload(a) == 0) } else { r.setUnknown(destination) }
        case .inList, .notInList:
            var found = Truth.false
            if r.rawTag(a) == Registers.Tag.unknown.rawValue {
                found = .unknown
            } else {
                for item in b..<(b + c) {
                    found = found || compare(.equal, a, item, r)
                    if found == .true { break }
                }
            }
            r.setTruth(destination, instruction.opcode == .inList ? found : !found)
        case .setContains:
            r.setTruth(destination, setContains(a, b, r))
        case .between:
            r.setTruth(destination, compare(.greaterOrEqual, a, b, r) && compare(.lessOrEqual, a, c, r))
        case .known:
            r.setBool(destination, r.rawTag(a) != Registers.Tag.unknown.rawValue)
        case .abs:
            if r.rawTag(a) == Registers.Tag.number.rawValue { r.setNumber(destination, Swift.abs(r.number(a))) } else { r.setUnknown(destination) }
        case .round:
            guard r.rawTag(a) == Registers.Tag.number.rawValue else {
                r.setUnknown(destination)
                return
            }
            var digits = 0.0
            if b >= 0 {
                guard r.rawTag(b) == Registers.Tag.number.rawValue else {
                    r.setUnknown(destination)
                    return
                }
                digits = r.number(b)
            }
            var scale = 1.0
            for _ in 0..<Int(Swift.max(0, Swift.min(digits, 10))) { scale *= 10 }
            r.setNumber(destination, (r.number(a) * scale).rounded() / scale)
        case .minimum, .maximum, .sum, .mean:
            var result = instruction.opcode == .minimum ? Double.infinity : instruction.opcode == .maximum ? -Double.infinity : 0
            for item in b..<(b + c) {
                guard r.rawTag(item) == Registers.Tag.number.rawValue else {
                    r.setUnknown(destination)
                    return
                }
                let value = r.number(item)
                switch instruction.opcode {
                case .minimum: result = Swift.min(result, value)
                case .maximum: result = Swift.max(result, value)
                default: result += value
                }
            }
            if c == 0 {
                if instruction.opcode == .sum { r.setNumber(destination, 0) } else { r.setUnknown(destination) }
            } else {
                r.setNumber(destination, instruction.opcode == .mean ? result / Double(c) : result)
            }
        case .countTrue:
            var count = 0.0
            for item in b..<(b + c) {
                switch r.truth(item) {
                case .true: count += 1
                case .false: break
                case .unknown:
                    r.setUnknown(destination)
                    return
                }
            }
            r.setNumber(destination, count)
        case .countSet:
            if r.rawTag(a) == Registers.Tag.set.rawValue {
                r.setNumber(destination, Double(r.payload(a).nonzeroBitCount))
            } else {
                r.setUnknown(destination)
            }
        case .lessNumber, .lessOrEqualNumber, .greaterNumber, .greaterOrEqualNumber, .equalNumber, .notEqualNumber:
            guard r.rawTag(a) == Registers.Tag.number.rawValue else {
                r.setUnknown(destination)
                return
            }
            let left = r.number(a)
            let right = r.number(b)
            let result: Bool
            switch instruction.opcode {
            case .lessNumber: result = left < right
            case .lessOrEqualNumber: result = left <= right
            case .greaterNumber: result = left > right
            case .greaterOrEqualNumber: result = left >= right
            case .equalNumber: result = left == right
            default: result = left != right
            }
            r.setBool(destination, result)
        case .equalSymbol, .notEqualSymbol:
            let tag = r.rawTag(a)
            if tag == Registers.Tag.symbol.rawValue {
                r.setBool(destination, (r.payload(a) == UInt64(b)) == (instruction.opcode == .equalSymbol))
            } else if tag == Registers.Tag.text.rawValue {
                // A text that is no interned word equals no symbol.
                r.setBool(destination, instruction.opcode == .notEqualSymbol)
            } else {
                r.setUnknown(destination)
            }
        case .equalBool, .notEqualBool:
            if r.rawTag(a) == Registers.Tag.bool.rawValue {
                r.setBool(destination, (r.payload(a) == UInt64(b)) == (instruction.opcode == .equalBool))
            } else {
                r.setUnknown(destination)
            }
        case .inSymbolMask, .notInSymbolMask:
            let tag = r.rawTag(a)
            let found: Truth
            if tag == Registers.Tag.symbol.rawValue {
                let mask = UInt64(UInt32(bitPattern: instruction.b)) | UInt64(UInt32(bitPattern: instruction.c)) << 32
                let symbol = r.payload(a)
                found = Truth(symbol < 64 && mask & (1 << symbol) != 0)
            } else if tag == Registers.Tag.text.rawValue {
                found = .false
            } else {
                found = .unknown
            }
            r.setTruth(destination, instruction.opcode == .inSymbolMask ? found : !found)
        case .setHasBit:
            if r.rawTag(a) != Registers.Tag.set.rawValue {
                r.setUnknown(destination)
            } else {
                r.setBool(destination, b >= 0 && r.payload(a) & (1 << UInt64(b)) != 0)
            }
        case .betweenNumbers:
            guard r.rawTag(a) == Registers.Tag.number.rawValue else {
                r.setUnknown(destination)
                return
            }
            let value = r.number(a)
            r.setBool(destination, r.number(b) <= value && value <= r.number(c))
        case .general:
            var slots = [RuntimeValue](repeating: .unknown, count: slotCount)
            for register in 0..<slotCount { slots[register] = runtimeValue(r, register) }
            // Fallbacks compute truths and numbers only (lists, sets, functions of collections).
            switch fallbacks[a].evaluate(slots) {
            case .bool(let flag): r.setBool(destination, flag)
            case .number(let number): r.setNumber(destination, number)
            default: r.setUnknown(destination)
            }
        }
    }

    /// Three-valued comparison with the semantics of ``CompiledExpression/compare(_:_:_:)``.
    @inline(__always) private func compare(_ op: Expression.ComparisonOperator, _ a: Int, _ b: Int, _ r: some RegisterReading) -> Truth {
        let left = r.rawTag(a)
        let right = r.rawTag(b)
        if left == Registers.Tag.number.rawValue && right == Registers.Tag.number.rawValue {
            return Truth(op.holds(r.number(a), r.number(b)))
        }
        if left == Registers.Tag.symbol.rawValue && right == Registers.Tag.symbol.rawValue {
            return Truth(op.holds(r.payload(a), r.payload(b)))  // ids sort like the words
        }
        if (left == Registers.Tag.symbol.rawValue || left == Registers.Tag.text.rawValue)
            && (right == Registers.Tag.symbol.rawValue || right == Registers.Tag.text.rawValue) {
            return Truth(op.holds(text(r, a)!, text(r, b)!))
        }
        if op == .equal || op == .notEqual {
            if left == Registers.Tag.bool.rawValue && right == Registers.Tag.bool.rawValue {
                return Truth((r.payload(a) == r.payload(b)) == (op == .equal))
            }
            if left == Registers.Tag.set.rawValue && right == Registers.Tag.set.rawValue {
                let same = runtimeValue(r, a) == runtimeValue(r, b)
                return Truth(same == (op == .equal))
            }
        }
        return .unknown
    }

    /// Whether the set in register `set` holds the word in register `word`, three-valued.
    @inline(__always) private func setContains(_ set: Int, _ word: Int, _ r: some RegisterReading) -> Truth {
        guard r.rawTag(word) != Registers.Tag.unknown.rawValue else { return .unknown }
        guard r.rawTag(set) == Registers.Tag.set.rawValue else { return .unknown }
        let bits = setDomains[set]
        let bit: Int?
        if r.rawTag(word) == Registers.Tag.symbol.rawValue {
            bit = bits.firstIndex(of: Int(r.payload(word)))
        } else if let wanted = text(r, word) {
            bit = bits.firstIndex { symbols[$0] == wanted }
        } else {
            return .unknown
        }
        guard let bit else { return .false }
        return Truth(r.payload(set) & (1 << UInt64(bit)) != 0)
    }
}
