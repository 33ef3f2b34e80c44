import RuleModel

/// Compiles a ``CompiledPack``'s indicators and diagnostics into a ``Program``.
struct ProgramCompiler {
    private var program: Program
    private let compiled: CompiledPack
    private var constants: [RuntimeValue: Int] = [:]
    /// Lists made only of literals, each in consecutive constant registers: its first register.
    private var constantLists: [[RuntimeValue]: Int] = [:]
    private var nextRegister: Int
    private var temporaryBase = 0
    private var highestRegister = 0
    /// Where the last jumps landed: no junction step may be hung on the instruction before.
    private var lastLanding = -1

    /// Compiles the pack; the layout of the first registers is the pack's slots.
    static func compile(_ compiled: CompiledPack) -> Program {
        var compiler = ProgramCompiler(compiled: compiled)
        compiler.internWords()
        compiler.compileAll()
        return compiler.program
    }

    private init(compiled: CompiledPack) {
        self.compiled = compiled
        program = Program(factCount: compiled.factCount, parameterCount: compiled.pack.parameters.count,
                          slotCount: compiled.slotCount)
        nextRegister = compiled.slotCount
    }

    private var pack: RulePack { compiled.pack }

    /// Interns every word the pack can compare: enum and set values, string literals, parameters.
    private mutating func internWords() {
        var words = Set<String>()
        for fact in pack.facts { words.formUnion(fact.values) }
        func collect(_ expression: Expression) {
            expression.visit { if case .literal(.string(let text)) = $0.kind { words.insert(text) } }
        }
        pack.indicators.map(\.expression).forEach(collect)
        pack.findings.flatMap(\.condition.expressions).forEach(collect)
        for parameter in pack.parameters {
            for (_, value) in parameter.allValues {
                if case .string(let text) = value { words.insert(text) }
            }
        }
        program.symbols = words.sorted()
        program.symbolIDs = Dictionary(uniqueKeysWithValues: program.symbols.enumerated().map { ($1, $0) })
        program.factDomains = pack.facts.map { fact in fact.values.map { ($0, program.symbolIDs[$0]!) } }
        program.factSymbols = program.factDomains.map { domain in domain.map { UInt64($0.symbol) } }
        program.setDomains = Array(repeating: [], count: compiled.slotCount)
        for (index, fact) in pack.facts.enumerated() where fact.type == .set {
            program.setDomains[index] = program.factDomains[index].map(\.symbol)
        }
    }

    private mutating func compileAll() {
        // Constants first, so that every derivation's temporaries start after them.
        var literals: [Expression] = []
        pack.indicators.map(\.expression).forEach { $0.visit { if case .literal = $0.kind { literals.append($0) } } }
        pack.findings.flatMap(\.condition.expressions).forEach { $0.visit { if case .literal = $0.kind { literals.append($0) } } }
        for literal in literals { _ = constant(literal) }
        for value in [RuntimeValue.bool(true), .bool(false), .unknown] { _ = constant(value) }
        // Lists of literals (`x in [1, 2, 3]`) as constants too: no copy at run time.
        var lists: [[RuntimeValue]] = []
        let expressions = pack.indicators.map(\.expression) + pack.findings.flatMap(\.condition.expressions)
        expressions.forEach { $0.visit { if case .list(let items) = $0.kind, let values = literalValues(items) { lists.append(values) } } }
        for values in lists where constantLists[values] == nil {
            constantLists[values] = nextRegister
            nextRegister += values.count
        }
        program.constantRegisters = compiled.slotCount..<nextRegister
        temporaryBase = nextRegister
        highestRegister = nextRegister

        for derivation in compiled.derivations {
            nextRegister = temporaryBase
            let start = program.instructions.count
            let diagnostic: Int?
            switch derivation.subject {
            case .indicator(let index):
                diagnostic = nil
                compile(pack.indicators[index].expression, into: derivation.slot)
            case .finding(let index):
                diagnostic = index
                compile(pack.findings[index].condition, into: derivation.slot)
            }
            program.derivations.append(Program.Derivation(instructions: start..<program.instructions.count,
                                                          slot: derivation.slot, diagnostic: diagnostic))
        }
        // Grow the template to hold every constant and temporary.
        let count = highestRegister
        program.template.tags += Array(repeating: 0, count: max(0, count - program.template.tags.count))
        program.template.payloads += Array(repeating: 0, count: max(0, count - program.template.payloads.count))
        // The template is taken out of the program while the constants are stored: writing into
        // `program.template` through a method of `program` copied the program, and so the whole
        // template, for every constant.
        var template = program.template
        program.template = Registers(count: 0)
        func store(_ value: RuntimeValue, at register: Int) {
            if let model = value.value { program.store(model, into: &template, at: register) }
        }
        for (value, register) in constants { store(value, at: register) }
        for (values, first) in constantLists {
            for (offset, value) in values.enumerated() { store(value, at: first + offset) }
        }
        program.template = template
        program.setDomains += Array(repeating: [], count: max(0, count - program.setDomains.count))
    }

    // MARK: Registers

    private mutating func temporary() -> Int {
        defer {
            nextRegister += 1
            highestRegister = max(highestRegister, nextRegister)
        }
        return nextRegister
    }

    /// Consecutive temporaries.
    private mutating func temporaries(_ count: Int) -> Int {
        let first = nextRegister
        nextRegister += count
        highestRegister = max(highestRegister, nextRegister)
        return first
    }

    private mutating func constant(_ literal: Expression) -> Int {
        guard case .literal(let value) = literal.kind else { return -1 }
        return constant(RuntimeValue(value))
    }

    private mutating func constant(_ value: RuntimeValue) -> Int {
        if let register = constants[value] { return register }
        let register = nextRegister
        nextRegister += 1
        constants[value] = register
        return register
    }

    private mutating func emit(_ instruction: Instruction) {
        program.instructions.append(instruction)
    }

    /// Hangs a junction step on the last instruction when it computed `value` since `start`,
    /// or else on a new `test` instruction; returns the instruction, whose target
    /// ``landJumps(_:)`` sets later.
    private mutating func join(_ junction: Instruction.Junction, value: Int, accumulator: Int, since start: Int) -> Int {
        let last = program.instructions.count - 1
        // Not when a jump lands just after the last instruction: it would skip the step.
        if last >= start, program.instructions[last].destination == value, program.instructions[last].junction == .none,
           lastLanding != program.instructions.count {
            program.instructions[last].junction = junction
            program.instructions[last].accumulator = Int32(accumulator)
            return last
        }
        var test = Instruction(.test, value)
        test.junction = junction
        test.accumulator = Int32(accumulator)
        emit(test)
        return program.instructions.count - 1
    }

    /// Makes the jumps of these instructions go on after the last instruction emitted so far.
    private mutating func landJumps(_ jumps: [Int]) {
        lastLanding = program.instructions.count
        for jump in jumps { program.instructions[jump].target = Int32(lastLanding) }
    }

    // MARK: Conditions and expressions

    private mutating func compile(_ condition: Condition, into destination: Int) {
        switch condition {
        case .expression(let expression):
            compile(expression, into: destination)
        case .all(let parts, _), .any(let parts, _), .none(let parts, _):
            let isAll = if case .all = condition { true } else { false }
            guard !parts.isEmpty else {
                emit(Instruction(.copy, destination, a: constant(.bool(isAll))))
                if case .none = condition { emit(Instruction(.not, destination, a: destination)) }
                return
            }
            junction(parts.map { .condition($0, negated: false) }, isAnd: isAll, into: destination)
            if case .none = condition { emit(Instruction(.not, destination, a: destination)) }
        case .not(let part, _):
            compileNegation(of: part, into: destination)
        }
    }

    /// An operand of `all`/`and` or `any`/`or`, possibly negated.
    private enum JunctionPart {
        case condition(Condition, negated: Bool)
        case expression(Expression, negated: Bool)
    }

    /// Kleene negation, pushed down to the comparisons where it can be (De Morgan's laws hold in
    /// Kleene logic, and a comparison of values that compare fails exactly when its negated
    /// operator holds), so that most negations cost no instruction.
    private mutating func compileNegation(of condition: Condition, into destination: Int) {
        switch condition {
        case .expression(let expression):
            compileNegation(of: expression, into: destination)
        case .not(let part, _):
            compile(part, into: destination)
        case .all(let parts, _) where !parts.isEmpty:
            junction(parts.map { .condition($0, negated: true) }, isAnd: false, into: destination)
        case .any(let parts, _) where !parts.isEmpty:
            junction(parts.map { .condition($0, negated: true) }, isAnd: true, into: destination)
        case .none(let parts, _) where !parts.isEmpty:
            junction(parts.map { .condition($0, negated: false) }, isAnd: false, into: destination)
        default:
            let register = temporary()
            compile(condition, into: register)
            emit(Instruction(.not, destination, a: register))
        }
    }

    private mutating func compileNegation(of expression: Expression, into destination: Int) {
        switch expression.kind {
        case .not(let operand):
            compile(operand, into: destination)
        case .comparison(let op, let lhs, let rhs):
            compile(Expression(.comparison(op.negated, lhs, rhs), at: expression.location), into: destination)
        case .membership(let value, let collection, let negated):
            compile(Expression(.membership(value, collection, negated: !negated), at: expression.location), into: destination)
        case .and, .or:
            let isAnd = if case .and = expression.kind { true } else { false }
            junction(operands(of: expression, isAnd: isAnd).map { .expression($0, negated: true) }, isAnd: !isAnd, into: destination)
        default:
            emit(Instruction(.not, destination, a: register(expression)))
        }
    }

    /// Kleene `and` (`isAnd`) or `or` of `parts`, accumulated in `destination` (nothing reads it
    /// before its derivation ends) and short-circuited: once the destination holds the deciding
    /// value, the remaining parts cannot change it and are skipped.
    private mutating func junction(_ parts: [JunctionPart], isAnd: Bool, into destination: Int) {
        // Cheaper operands first (Kleene `and` and `or` commute): when one decides, the costlier
        // ones are skipped. Equal costs keep the order written.
        let parts = flattened(parts, isAnd: isAnd).enumerated().map { (part: $1, cost: Self.cost(of: $1), offset: $0) }
            .sorted { ($0.cost, $0.offset) < ($1.cost, $1.offset) }.map(\.part)
        guard !parts.isEmpty else {
            // Every part was an empty `all` (`any`): the value is the junction's identity.
            emit(Instruction(.copy, destination, a: constant(.bool(isAnd))))
            return
        }
        var jumps: [Int] = []
        for (index, part) in parts.enumerated() {
            let start = program.instructions.count
            let value: Int
            switch part {
            case .condition(let condition, let negated):
                value = index == 0 ? destination : temporary()
                if negated { compileNegation(of: condition, into: value) } else { compile(condition, into: value) }
            case .expression(let expression, let negated):
                if negated {
                    value = index == 0 ? destination : temporary()
                    compileNegation(of: expression, into: value)
                } else if index == 0 {
                    value = destination
                    compile(expression, into: destination)
                } else {
                    value = register(expression)
                }
            }
            guard parts.count > 1 else { break }
            let step: Instruction.Junction = index == 0 ? (isAnd ? .jumpIfFalse : .jumpIfTrue) : (isAnd ? .andJumpIfFalse : .orJumpIfTrue)
            jumps.append(join(step, value: value, accumulator: destination, since: start))
        }
        landJumps(jumps)
    }

    /// The parts with every nested junction of the same kind spliced in (Kleene `and` and `or` are
    /// associative; a negated `any` is an `all` of negations, and so on), so that one accumulator
    /// and one chain of jumps serve them all.
    private func flattened(_ parts: [JunctionPart], isAnd: Bool) -> [JunctionPart] {
        var result: [JunctionPart] = []
        var pending = Array(parts.reversed())
        while let part = pending.popLast() {
            var spliced: [JunctionPart]?
            switch part {
            case .condition(.expression(let expression), let negated):
                spliced = [.expression(expression, negated: negated)]
            case .condition(.not(let inner, _), let negated):
                spliced = [.condition(inner, negated: !negated)]
            case .condition(.all(let inner, _), let negated) where isAnd != negated:
                spliced = inner.map { .condition($0, negated: negated) }
            case .condition(.any(let inner, _), let negated) where isAnd == negated:
                spliced = inner.map { .condition($0, negated: negated) }
            case .condition(.none(let inner, _), let negated) where isAnd != negated:
                spliced = inner.map { .condition($0, negated: !negated) }
            case .expression(let expression, let negated):
                switch expression.kind {
                case .not(let inner):
                    spliced = [.expression(inner, negated: !negated)]
                case .and where isAnd != negated, .or where isAnd == negated:
                    spliced = operands(of: expression, isAnd: isAnd != negated).map { .expression($0, negated: negated) }
                default:
                    break
                }
            default:
                break
            }
            if let spliced { pending += spliced.reversed() } else { result.append(part) }
        }
        return result
    }

    /// An estimate of what evaluating a part costs: how many expression nodes it holds.
    private static func cost(of part: JunctionPart) -> Int {
        var nodes = 0
        switch part {
        case .condition(let condition, _): condition.expressions.forEach { $0.visit { _ in nodes += 1 } }
        case .expression(let expression, _): expression.visit { _ in nodes += 1 }
        }
        return nodes
    }

    /// The operands of a chain of `and` (`isAnd`) or `or`: `a and b and c` gives a, b, c.
    private func operands(of expression: Expression, isAnd: Bool) -> [Expression] {
        var operands: [Expression] = []
        var pending = [expression]
        while let next = pending.popLast() {
            switch next.kind {
            case .and(let lhs, let rhs) where isAnd: pending += [rhs, lhs]
            case .or(let lhs, let rhs) where !isAnd: pending += [rhs, lhs]
            default: operands.append(next)
            }
        }
        return operands
    }

    /// The register holding the value of `expression`: its slot, a constant, or a new temporary.
    private mutating func register(_ expression: Expression) -> Int {
        switch expression.kind {
        case .reference(let name):
            return compiled.slot(of: name) ?? constant(.unknown)
        case .literal:
            return constant(expression)
        default:
            let register = temporary()
            compile(expression, into: register)
            return register
        }
    }

    private mutating func compile(_ expression: Expression, into destination: Int) {
        switch expression.kind {
        case .literal, .reference:
            emit(Instruction(.copy, destination, a: register(expression)))
        case .negate(let operand):
            emit(Instruction(.negate, destination, a: register(operand)))
        case .not(let operand):
            compileNegation(of: operand, into: destination)
        case .arithmetic(let op, let lhs, let rhs):
            let opcode: Instruction.Opcode = switch op {
            case .add: .add
            case .subtract: .subtract
            case .multiply: .multiply
            case .divide: .divide
            }
            emit(Instruction(opcode, destination, a: register(lhs), b: register(rhs)))
        case .comparison(let op, let lhs, let rhs):
            if case .literal = lhs.kind, !isLiteral(rhs) {
                compileComparison(op.flipped, rhs, lhs, into: destination)
            } else {
                compileComparison(op, lhs, rhs, into: destination)
            }
        case .and, .or:
            let isAnd = if case .and = expression.kind { true } else { false }
            junction(operands(of: expression, isAnd: isAnd).map { .expression($0, negated: false) }, isAnd: isAnd, into: destination)
        case .between(let value, let low, let high):
            if case .literal(.number) = low.kind, case .literal(.number) = high.kind {
                emit(Instruction(.betweenNumbers, destination, a: register(value), b: register(low), c: register(high)))
            } else {
                emit(Instruction(.between, destination, a: register(value), b: register(low), c: register(high)))
            }
        case .membership(let value, let collection, let negated):
            if case .list(let items) = collection.kind, let mask = symbolMask(items) {
                emit(Instruction(negated ? .notInSymbolMask : .inSymbolMask, destination, a: register(value),
                                 b: Int(Int32(bitPattern: UInt32(truncatingIfNeeded: mask))),
                                 c: Int(Int32(bitPattern: UInt32(truncatingIfNeeded: mask >> 32)))))
            } else if case .list(let items) = collection.kind, let first = list(items) {
                emit(Instruction(negated ? .notInList : .inList, destination, a: register(value), b: first, c: items.count))
            } else if let set = setRegister(collection) {
                emit(Instruction(.setContains, destination, a: set, b: register(value)))
                if negated { emit(Instruction(.not, destination, a: destination)) }
            } else {
                general(expression, into: destination)
            }
        case .contains(let collection, let value):
            if let set = setRegister(collection), case .literal(.string(let word)) = value.kind {
                emit(Instruction(.setHasBit, destination, a: set, b: bit(of: word, inSet: collection)))
            } else if let set = setRegister(collection) {
                emit(Instruction(.setContains, destination, a: set, b: register(value)))
            } else if case .list(let items) = collection.kind, let first = list(items) {
                emit(Instruction(.inList, destination, a: register(value), b: first, c: items.count))
            } else {
                general(expression, into: destination)
            }
        case .call(let function, let arguments):
            compileCall(function, arguments, expression, into: destination)
        case .list:
            general(expression, into: destination)
        }
    }

    private mutating func compileCall(_ function: ExpressionFunction, _ arguments: [Expression], _ call: Expression,
                                      into destination: Int) {
        switch function {
        case .known where arguments.count == 1:
            emit(Instruction(.known, destination, a: register(arguments[0])))
        case .abs where arguments.count == 1 && !isCollection(arguments[0]):
            emit(Instruction(.abs, destination, a: register(arguments[0])))
        case .round where (1...2).contains(arguments.count) && !arguments.contains(where: isCollection):
            emit(Instruction(.round, destination, a: register(arguments[0]), b: arguments.count == 2 ? register(arguments[1]) : -1))
        case .count where arguments.count == 1:
            if let set = setRegister(arguments[0]) {
                emit(Instruction(.countSet, destination, a: set))
            } else if case .list(let items) = arguments[0].kind, let first = list(items) {
                emit(Instruction(.countTrue, destination, b: first, c: items.count))
            } else {
                general(call, into: destination)
            }
        case .min, .max, .sum, .mean:
            let opcode: Instruction.Opcode = function == .min ? .minimum : function == .max ? .maximum : function == .sum ? .sum : .mean
            if arguments.count == 1, case .list(let items) = arguments[0].kind, let first = list(items) {
                emit(Instruction(opcode, destination, b: first, c: items.count))
            } else if !arguments.isEmpty, !arguments.contains(where: isCollection), let first = list(arguments) {
                emit(Instruction(opcode, destination, b: first, c: arguments.count))
            } else {
                general(call, into: destination)
            }
        default:
            general(call, into: destination)
        }
    }

    private func isLiteral(_ expression: Expression) -> Bool {
        if case .literal = expression.kind { return true }
        return false
    }

    /// `value op literal` gets an instruction specialised for the literal's type.
    private mutating func compileComparison(_ op: Expression.ComparisonOperator, _ lhs: Expression, _ rhs: Expression,
                                            into destination: Int) {
        switch rhs.kind {
        case .literal(.number):
            let opcode: Instruction.Opcode = switch op {
            case .less: .lessNumber
            case .lessOrEqual: .lessOrEqualNumber
            case .greater: .greaterNumber
            case .greaterOrEqual: .greaterOrEqualNumber
            case .equal: .equalNumber
            case .notEqual: .notEqualNumber
            }
            emit(Instruction(opcode, destination, a: register(lhs), b: register(rhs)))
        case .literal(.bool(let flag)) where op == .equal || op == .notEqual:
            emit(Instruction(op == .equal ? .equalBool : .notEqualBool, destination, a: register(lhs), b: flag ? 1 : 0))
        case .literal(.string(let word)) where op == .equal || op == .notEqual:
            emit(Instruction(op == .equal ? .equalSymbol : .notEqualSymbol, destination, a: register(lhs),
                             b: program.symbolIDs[word]!))
        default:
            emit(Instruction(.compare, destination, a: register(lhs), b: register(rhs),
                             c: Expression.ComparisonOperator.allCases.firstIndex(of: op)!))
        }
    }

    /// The symbols of a list made only of text literals, as a bit mask, when every id is below 64.
    private func symbolMask(_ items: [Expression]) -> UInt64? {
        var mask: UInt64 = 0
        for item in items {
            guard case .literal(.string(let word)) = item.kind, let symbol = program.symbolIDs[word], symbol < 64 else { return nil }
            mask |= 1 << UInt64(symbol)
        }
        return items.isEmpty ? nil : mask
    }

    /// The bit of `word` in the domain of the set fact `set`; -1 when the word is not in it.
    private func bit(of word: String, inSet set: Expression) -> Int {
        guard case .reference(let name) = set.kind, let slot = compiled.slot(of: name), let symbol = program.symbolIDs[word] else {
            return -1
        }
        return program.setDomains[slot].firstIndex(of: symbol) ?? -1
    }

    /// Puts the values of `items` in consecutive registers and returns the first; `nil` when an
    /// item is itself a collection.
    private mutating func list(_ items: [Expression]) -> Int? {
        if let values = literalValues(items), let first = constantLists[values] { return first }
        guard !items.contains(where: isCollection) else { return nil }
        let registers = items.map { register($0) }
        let first = temporaries(items.count)
        for (offset, source) in registers.enumerated() {
            emit(Instruction(.copy, first + offset, a: source))
        }
        return first
    }

    /// The values of a non-empty list made only of literals; `nil` for any other list.
    private func literalValues(_ items: [Expression]) -> [RuntimeValue]? {
        var values: [RuntimeValue] = []
        for item in items {
            guard case .literal(let value) = item.kind else { return nil }
            values.append(RuntimeValue(value))
        }
        return values.isEmpty ? nil : values
    }

    private func isCollection(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .list: return true
        case .reference(let name): return pack.fact(name)?.type == .set
        default: return false
        }
    }

    /// The register of a set fact named by `expression`, when it is one with at most 64 values.
    private func setRegister(_ expression: Expression) -> Int? {
        guard case .reference(let name) = expression.kind, let fact = pack.fact(name), fact.type == .set,
              fact.values.count <= 64, let slot = compiled.slot(of: name) else { return nil }
        return slot
    }

    private mutating func general(_ expression: Expression, into destination: Int) {
        guard let fallback = try? CompiledExpression.compile(expression, slot: compiled.slotLookup) else {
            emit(Instruction(.copy, destination, a: constant(.unknown)))
            return
        }
        program.fallbacks.append(fallback)
        emit(Instruction(.general, destination, a: program.fallbacks.count - 1))
    }
}
