import RuleModel

/// The block evaluator: the same instructions as ``Program/run(_:applies:)``, each run over a
/// whole ``RegisterBlock`` of up to 64 profiles, or over two blocks side by side, before the next.
///
/// A block does not short-circuit per profile: every operand of a junction is computed for every
/// lane and combined with Kleene logic on masks (the results are those of the one-profile
/// evaluator, which skips operands that cannot change them). It jumps past the remaining
/// operands only when the deciding value holds in every lane. The common operations (comparisons
/// of a fact with a constant, words, sets, booleans, arithmetic) have a column form written so
/// the compiler vectorises it; the others run lane by lane with the one-profile definition
/// (``Program/execute(_:_:)`` over a ``BlockLane``).
extension Program {
    /// Runs every derivation for the lanes of `lanes`, whose facts and parameters are stored.
    /// - Parameter applies: for each diagnostic, the lanes whose organisation's kind it concerns.
    func run(_ block: inout RegisterBlock, lanes: UInt64, applies: [UInt64]) {
        block.withView { view in run([view], lanes: [lanes], applies: [applies]) }
    }

    /// Runs every derivation for two blocks at once, each instruction decoded and dispatched once
    /// for both: the dispatch (an indirect jump the processor often mispredicts) costs as much as
    /// a comparison over a whole block.
    func run(_ first: inout RegisterBlock, _ second: inout RegisterBlock, lanes: (UInt64, UInt64), applies: ([UInt64], [UInt64])) {
        first.withView { one in
            second.withView { other in run([one, other], lanes: [lanes.0, lanes.1], applies: [applies.0, applies.1]) }
        }
    }

    /// Runs every derivation over `views`; a jump past the remaining operands of a junction is
    /// taken only when the deciding value holds in every lane of every view. A diagnostic runs
    /// only in the views where its organisation kinds have lanes, and is false in the others.
    private func run(_ views: [BlockView], lanes: [UInt64], applies: [[UInt64]]) {
        views.withUnsafeBufferPointer { views in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: views.count) { concerned in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: views.count) { running in
                    instructions.withUnsafeBufferPointer { instructions in
                        for derivation in derivations {
                            var runningCount = 0
                            for index in views.indices {
                                concerned[index] = lanes[index] & (derivation.diagnostic.map { applies[index][$0] } ?? ~0)
                                if concerned[index] != 0 || derivation.diagnostic == nil {
                                    running[runningCount] = index
                                    runningCount += 1
                                } else {
                                    views[index].setTruths(derivation.slot, known: ~0, truths: 0)
                                }
                            }
                            guard runningCount > 0 else { continue }
                            let active = UnsafeBufferPointer(rebasing: running[..<runningCount])
                            var next = derivation.instructions.lowerBound
                            let end = derivation.instructions.upperBound
                            while next < end {
                                let instruction = instructions[next]
                                next += 1
                                execute(instruction, views, running: active, lanes: UnsafeBufferPointer(concerned))
                                guard instruction.junction != .none else { continue }
                                var decided = true
                                for index in active where !views[index].join(instruction, lanes: concerned[index]) { decided = false }
                                if decided { next = Int(instruction.target) }
                            }
                            for index in active where concerned[index] != lanes[index] {
                                // A diagnostic that does not concern a lane's kind reads as false there.
                                views[index].setFalse(derivation.slot, lanes: lanes[index] & ~concerned[index])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Runs one instruction's operation over the lanes of `lanes`, in the views of `running`.
    @inline(__always) private func execute(_ instruction: Instruction, _ views: UnsafeBufferPointer<BlockView>, running: UnsafeBufferPointer<Int>,
                                             lanes: UnsafeBufferPointer<UInt64>) {
        let destination = Int(instruction.destination)
        let a = Int(instruction.a)
        let b = Int(instruction.b)
        /// Runs `body` with each running view and its lanes.
        @inline(__always) func each(_ body: (BlockView, UInt64) -> Void) {
            for index in running { body(views[index], lanes[index]) }
        }
        switch instruction.opcode {
        case .copy:
            each { r, _ in
                r.copy(a, to: destination)
            }
        case .test:
            break
        case .not:
            each { r, _ in
                r.setTruths(destination, known: r.mask(a, .bool), truths: ~r.truths(a))
            }
        case .known:
            each { r, _ in
                r.setTruths(destination, known: ~0, truths: r.known(a))
            }
        // One case per comparison, rather than one case switching again on the opcode: a second
        // indirect jump per comparison, mispredicted often enough to show.
        case .lessNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 < $1 }
            }
        case .lessOrEqualNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 <= $1 }
            }
        case .greaterNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 > $1 }
            }
        case .greaterOrEqualNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 >= $1 }
            }
        case .equalNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 == $1 }
            }
        case .notEqualNumber:
            each { r, _ in
                compareWithConstant(instruction, r) { $0 != $1 }
            }
        case .betweenNumbers:
            each { r, _ in
                let low = r.number(b, lane: 0)
                let high = r.number(Int(instruction.c), lane: 0)
                let x = r.column(a)
                let hits = BlockView.lanes { low <= Double(bitPattern: x[$0]) && Double(bitPattern: x[$0]) <= high }
                r.setTruths(destination, known: r.mask(a, .number), truths: hits)
            }
        case .equalSymbol, .notEqualSymbol:
            each { r, _ in
                let symbols = r.mask(a, .symbol)
                let texts = r.mask(a, .text)  // a text that is no interned word equals no symbol
                let word = UInt64(b)
                let x = r.column(a)
                let equal = BlockView.lanes { x[$0] == word } & symbols
                r.setTruths(destination, known: symbols | texts,
                            truths: instruction.opcode == .equalSymbol ? equal : (symbols & ~equal) | texts)
            }
        case .inSymbolMask, .notInSymbolMask:
            each { r, _ in
                let symbols = r.mask(a, .symbol)
                let known = symbols | r.mask(a, .text)
                let set = UInt64(UInt32(bitPattern: instruction.b)) | UInt64(UInt32(bitPattern: instruction.c)) << 32
                let x = r.column(a)
                // (x - 64) >> 63 is 1 exactly for the ids below 64 (ids are far below 2^63).
                let found = BlockView.bits { (set >> (x[$0] & 63)) & ((x[$0] &- 64) >> 63) } & symbols
                r.setTruths(destination, known: known, truths: instruction.opcode == .inSymbolMask ? found : ~found)
            }
        case .equalBool, .notEqualBool:
            each { r, _ in
                let equal = b == 1 ? r.truths(a) : ~r.truths(a)
                r.setTruths(destination, known: r.mask(a, .bool), truths: instruction.opcode == .equalBool ? equal : ~equal)
            }
        case .setHasBit:
            each { r, _ in
                let x = r.column(a)
                let hits = b < 0 ? 0 : BlockView.bits { (x[$0] >> UInt64(b)) & 1 }
                r.setTruths(destination, known: r.mask(a, .set), truths: hits)
            }
        case .countSet:
            each { r, _ in
                let sets = r.mask(a, .set)
                let x = r.column(a)
                let y = r.column(destination)
                for lane in 0..<RegisterBlock.width { y[lane] = Double(x[lane].nonzeroBitCount).bitPattern }
                r.setNumbers(destination, lanes: sets)
            }
        case .add, .subtract, .multiply, .divide:
            each { r, _ in
                let numbers = r.mask(a, .number) & r.mask(b, .number)
                let x = r.column(a)
                let y = r.column(b)
                let divisorsNotZero = instruction.opcode == .divide ? BlockView.lanes { Double(bitPattern: y[$0]) != 0 } : ~0
                let z = r.column(destination)
                switch instruction.opcode {
                case .add: for lane in 0..<RegisterBlock.width { z[lane] = (Double(bitPattern: x[lane]) + Double(bitPattern: y[lane])).bitPattern }
                case .subtract: for lane in 0..<RegisterBlock.width { z[lane] = (Double(bitPattern: x[lane]) - Double(bitPattern: y[lane])).bitPattern }
                case .multiply: for lane in 0..<RegisterBlock.width { z[lane] = (Double(bitPattern: x[lane]) * Double(bitPattern: y[lane])).bitPattern }
                default: for lane in 0..<RegisterBlock.width { z[lane] = (Double(bitPattern: x[lane]) / Double(bitPattern: y[lane])).bitPattern }
                }
                let finite = BlockView.lanes { Double(bitPattern: z[$0]).isFinite }
                r.setNumbers(destination, lanes: numbers & divisorsNotZero & finite)
            }
        case .negate, .abs:
            each { r, _ in
                let numbers = r.mask(a, .number)
                let x = r.column(a)
                let z = r.column(destination)
                if instruction.opcode == .negate {
                    for lane in 0..<RegisterBlock.width { z[lane] = (-Double(bitPattern: x[lane])).bitPattern }
                } else {
                    for lane in 0..<RegisterBlock.width { z[lane] = Swift.abs(Double(bitPattern: x[lane])).bitPattern }
                }
                r.setNumbers(destination, lanes: numbers)
            }
        case .compare:
            each { r, lanes in
                compareColumns(instruction, r, lanes: lanes)
            }
        case .inList, .notInList:
            each { r, lanes in
                if !listMembership(instruction, r, lanes: lanes) { r.forEachLane(lanes) { execute(instruction, $0) } }
            }
        case .setContains, .between, .round, .minimum, .maximum, .sum, .mean, .countTrue, .general:
            each { r, lanes in
                r.forEachLane(lanes) { execute(instruction, $0) }
            }
        }
    }

    /// `a (op) b` for a number constant `b` (the same in every lane), over the column of `a`.
    @inline(__always) private func compareWithConstant(_ instruction: Instruction, _ r: BlockView, _ holds: (Double, Double) -> Bool) {
        let a = Int(instruction.a)
        let constant = r.number(Int(instruction.b), lane: 0)
        let x = r.column(a)
        let hits = BlockView.lanes { holds(Double(bitPattern: x[$0]), constant) }
        r.setTruths(Int(instruction.destination), known: r.mask(a, .number), truths: hits)
    }

    /// `a in [...]` over columns when the list is made of constants that are all numbers or all
    /// words (`x in [1, 2, 3]`, the common form): lanes holding that type are compared by value, a
    /// text with words lane by lane, and any other value is unknown (values of different types do
    /// not compare). False when the list is of another form, for the lane-by-lane definition.
    @inline(__always) private func listMembership(_ instruction: Instruction, _ r: BlockView, lanes: UInt64) -> Bool {
        let first = Int(instruction.b)
        let count = Int(instruction.c)
        guard count > 0, constantRegisters.contains(first), constantRegisters.contains(first + count - 1) else { return false }
        let a = Int(instruction.a)
        assert(Int(instruction.destination) != a, "a membership test writing its operand")  // as in compareColumns
        let tag: Registers.Tag
        if (first..<first + count).allSatisfy({ r.mask($0, .number) & 1 != 0 }) {
            tag = .number
        } else if (first..<first + count).allSatisfy({ r.mask($0, .symbol) & 1 != 0 }) {
            tag = .symbol
        } else {
            return false
        }
        let x = r.column(a)
        var found: UInt64 = 0
        for item in first..<first + count {
            let wanted = r.column(item)[0]  // a constant: the same in every lane
            if tag == .number {
                let number = Double(bitPattern: wanted)
                found |= BlockView.lanes { Double(bitPattern: x[$0]) == number }
            } else {
                found |= BlockView.lanes { x[$0] == wanted }
            }
        }
        let typed = r.mask(a, tag)
        let texts = tag == .symbol ? lanes & r.mask(a, .text) : 0
        found &= typed
        r.setTruths(Int(instruction.destination), known: typed, truths: instruction.opcode == .inList ? found : ~found)
        if texts != 0 { r.forEachLane(texts) { execute(instruction, $0) } }
        return true
    }

    /// A comparison of two registers: numbers with numbers and symbols with symbols over whole
    /// columns, any other pair of known values lane by lane.
    @inline(__always) private func compareColumns(_ instruction: Instruction, _ r: BlockView, lanes: UInt64) {
        let destination = Int(instruction.destination)
        let a = Int(instruction.a)
        let b = Int(instruction.b)
        // The lanes done one by one read the operands after the destination's masks are written:
        // the compiler never makes the destination an operand (a comparison writes a new temporary).
        assert(destination != a && destination != b, "a comparison writing one of its operands")
        let op = Self.comparisonOperators[Int(instruction.c)]
        let numbers = r.mask(a, .number) & r.mask(b, .number)
        let symbols = r.mask(a, .symbol) & r.mask(b, .symbol)
        let others = lanes & r.known(a) & r.known(b) & ~numbers & ~symbols
        let x = r.column(a)
        let y = r.column(b)
        var hits: UInt64 = 0
        if numbers != 0 {
            hits |= numbers & BlockView.lanes { op.holds(Double(bitPattern: x[$0]), Double(bitPattern: y[$0])) }
        }
        if symbols != 0 {
            hits |= symbols & BlockView.lanes { op.holds(x[$0], y[$0]) }  // ids sort like the words
        }
        r.setTruths(destination, known: numbers | symbols, truths: hits)
        if others != 0 { r.forEachLane(others) { execute(instruction, $0) } }
    }
}

/// A ``RegisterBlock``'s storage seen through raw pointers while the block program runs.
struct BlockView {
    let masks: UnsafeMutablePointer<UInt64>
    let payloads: UnsafeMutablePointer<UInt64>
    let texts: [String]

    /// The mask of the lanes where `predicate` holds, over every lane of a block.
    @inline(__always) static func lanes(_ predicate: (Int) -> Bool) -> UInt64 {
        var bits: UInt64 = 0
        for lane in 0..<RegisterBlock.width { bits |= (predicate(lane) ? 1 : 0) << UInt64(lane) }
        return bits
    }

    /// The mask whose bit `i` is `bit(i)` (0 or 1), over every lane of a block: for lane values
    /// read as bits, with no comparison for the compiler to turn into a branch.
    @inline(__always) static func bits(_ bit: (Int) -> UInt64) -> UInt64 {
        var bits: UInt64 = 0
        for lane in 0..<RegisterBlock.width { bits |= bit(lane) << UInt64(lane) }
        return bits
    }

    @inline(__always) func mask(_ register: Int, _ tag: Registers.Tag) -> UInt64 {
        masks[register &* RegisterBlock.planes &+ Int(tag.rawValue) &- 1]
    }

    /// The truths of the register's boolean lanes (zero elsewhere).
    @inline(__always) func truths(_ register: Int) -> UInt64 { masks[register &* RegisterBlock.planes &+ RegisterBlock.truthPlane] }

    /// The lanes where the register holds a value.
    @inline(__always) func known(_ register: Int) -> UInt64 {
        let base = masks + register &* RegisterBlock.planes
        return base[0] | base[1] | base[2] | base[3] | base[4]
    }

    @inline(__always) func column(_ register: Int) -> UnsafeMutablePointer<UInt64> { payloads + register &* RegisterBlock.width }

    @inline(__always) func number(_ register: Int, lane: Int) -> Double { Double(bitPattern: payloads[register &* RegisterBlock.width &+ lane]) }

    /// Booleans in the lanes of `known`, true where `truths` says; unknown in the others.
    @inline(__always) func setTruths(_ register: Int, known: UInt64, truths: UInt64) {
        let base = masks + register &* RegisterBlock.planes
        base[0] = known
        base[1] = 0
        base[2] = 0
        base[3] = 0
        base[4] = 0
        base[RegisterBlock.truthPlane] = truths & known
    }

    /// Numbers (already in the column) in the lanes of `lanes`; unknown in the others.
    @inline(__always) func setNumbers(_ register: Int, lanes: UInt64) {
        let base = masks + register &* RegisterBlock.planes
        base[0] = 0
        base[1] = lanes
        base[2] = 0
        base[3] = 0
        base[4] = 0
        base[RegisterBlock.truthPlane] = 0
    }

    /// False in the lanes of `lanes`, the other lanes unchanged.
    @inline(__always) func setFalse(_ register: Int, lanes: UInt64) {
        let base = masks + register &* RegisterBlock.planes
        for plane in 1..<RegisterBlock.planes { base[plane] &= ~lanes }
        base[0] |= lanes
    }

    /// Copies a register; its column only when some lane holds a value kept there (booleans,
    /// the common case of a derived fact, live in the masks alone).
    @inline(__always) func copy(_ source: Int, to destination: Int) {
        guard source != destination else { return }
        let from = masks + source &* RegisterBlock.planes
        let to = masks + destination &* RegisterBlock.planes
        for plane in 0..<RegisterBlock.planes { to[plane] = from[plane] }
        if from[1] | from[2] | from[3] | from[4] != 0 {
            column(destination).update(from: column(source), count: RegisterBlock.width)
        }
    }

    /// Calls `body` with each lane of `lanes` seen as one evaluation's registers.
    @inline(__always) func forEachLane(_ lanes: UInt64, _ body: (BlockLane) -> Void) {
        var remaining = lanes
        while remaining != 0 {
            body(BlockLane(masks: masks, payloads: payloads, texts: texts, lane: remaining.trailingZeroBitCount))
            remaining &= remaining - 1
        }
    }

    /// The junction step after an instruction, in Kleene logic over masks; true when the deciding
    /// value now holds in every lane of `lanes`, so that the remaining operands can be skipped.
    ///
    /// Without a branch on the kind of step, which the processor mispredicted often: the first
    /// operand of an `all` (`any`) writes the accumulator itself, where `and` (`or`) with itself
    /// changes nothing, so `jumpIfFalse` is `andJumpIfFalse` and `jumpIfTrue` is `orJumpIfTrue`
    /// here, and the two are chosen between with a mask.
    @inline(__always) func join(_ instruction: Instruction, lanes: UInt64) -> Bool {
        assert(instruction.junction != .none, "a junction step on an instruction that carries none")
        let value = Int(instruction.destination)
        let accumulator = Int(instruction.accumulator)
        assert(instruction.junction == .andJumpIfFalse || instruction.junction == .orJumpIfTrue || value == accumulator,
               "a first operand written elsewhere than its accumulator")
        let isAnd = instruction.junction.andMask
        let valueTrue = truths(value)
        let valueFalse = mask(value, .bool) & ~valueTrue
        let accumulatorTrue = truths(accumulator)
        let accumulatorFalse = mask(accumulator, .bool) & ~accumulatorTrue
        let isFalse = ((accumulatorFalse | valueFalse) & isAnd) | (accumulatorFalse & valueFalse & ~isAnd)
        let isTrue = (accumulatorTrue & valueTrue & isAnd) | ((accumulatorTrue | valueTrue) & ~isAnd)
        setTruths(accumulator, known: isFalse | isTrue, truths: isTrue)
        let deciding = (isFalse & isAnd) | (isTrue & ~isAnd)
        return deciding & lanes == lanes
    }
}
