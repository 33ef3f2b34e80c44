import RuleModel

extension Engine {
    /// Decides many profiles with the block evaluator: for each, the diagnostics that fire and
    /// those left unknown, exactly as ``decide(_:overrides:)`` gives them one profile at a time.
    /// A `nil` entry (a document that could not be read) gets an empty decision, so that
    /// positions stay in step with the input.
    /// - Parameters:
    ///   - profiles: the organisations' facts.
    ///   - overrides: parameter values that replace the pack's (from the command line).
    public func decide(_ profiles: some Collection<Profile?>, overrides: [String: Value] = [:]) -> Decisions {
        var table = FactTable(catalogue: compiled.pack.facts)
        for profile in profiles {
            if let profile { table.append(profile, facts: compiled.pack.facts) } else { table.appendUnread() }
        }
        return decide(table, overrides: overrides)
    }

    /// Decides rows of a table of profiles with the block evaluator, 64 rows at a time, reading
    /// the rows in order: for each, the diagnostics that fire and those left unknown. A row that
    /// holds no profile gets an empty decision.
    /// - Parameters:
    ///   - table: the profiles, in the columns of this engine's pack.
    ///   - rows: the rows to decide (all by default); decision `i` is that of row `rows.lowerBound + i`.
    ///   - overrides: parameter values that replace the pack's (from the command line).
    public func decide(_ table: FactTable, rows: Range<Int>? = nil, overrides: [String: Value] = [:]) -> Decisions {
        let rows = rows ?? 0..<table.count
        precondition(table.catalogue == catalogue && table.factCount == compiled.factCount, "a table of another pack's facts")
        var decisions = Decisions()
        decisions.reserve(rows.count, perProfile: 16)
        var block = RegisterBlock(template: program.template)
        let parameters = compiled.factCount..<compiled.factCount + program.parameterCount
        let overridden = compiled.pack.parameters.enumerated().compactMap { offset, parameter in
            overrides[parameter.id].map { (register: compiled.factCount + offset, value: $0) }
        }
        var applies = [UInt64](repeating: 0, count: compiled.pack.findings.count)
        var fired = [[Int32]](repeating: [], count: RegisterBlock.width)
        var unknown = [[Int32]](repeating: [], count: RegisterBlock.width)
        var kinds: [(kind: String?, setup: KindSetup, lanes: UInt64)] = []
        for start in stride(from: rows.lowerBound, to: rows.upperBound, by: RegisterBlock.width) {
            let blockRows = start..<min(start + RegisterBlock.width, rows.upperBound)
            block.reset(0..<compiled.assessmentDateSlot + 1)
            let lanes = store(table, rows: blockRows, into: &block, kinds: &kinds)
            for index in applies.indices { applies[index] = 0 }
            for group in kinds {
                let registers = group.setup.registers
                for register in parameters {
                    var payload = registers.payloads[register]
                    if registers.tags[register] == Registers.Tag.text.rawValue {
                        block.texts.append(registers.texts[Int(payload)])
                        payload = UInt64(block.texts.count - 1)
                    }
                    block.set(register, lanes: group.lanes, tag: registers.tags[register], payload: payload)
                }
                for (index, concerned) in group.setup.applies.enumerated() where concerned { applies[index] |= group.lanes }
            }
            for (register, value) in overridden {
                let (tag, payload) = program.encoded(value, fact: nil, texts: &block.texts)
                block.set(register, lanes: lanes, tag: tag.rawValue, payload: payload)
            }
            program.run(&block, lanes: lanes, applies: applies)
            for (index, slot) in compiled.diagnosticSlots.enumerated() {
                let concerned = applies[index] & lanes
                let base = slot * RegisterBlock.planes
                let booleans = block.masks[base + Int(Registers.Tag.bool.rawValue) - 1]
                var hits = block.masks[base + RegisterBlock.truthPlane] & concerned
                var undecided = concerned & ~booleans
                while hits != 0 {
                    fired[hits.trailingZeroBitCount].append(Int32(index))
                    hits &= hits - 1
                }
                while undecided != 0 {
                    unknown[undecided.trailingZeroBitCount].append(Int32(index))
                    undecided &= undecided - 1
                }
            }
            for lane in 0..<blockRows.count {
                decisions.append(fired: fired[lane], unknown: unknown[lane])
                fired[lane].removeAll(keepingCapacity: true)
                unknown[lane].removeAll(keepingCapacity: true)
            }
        }
        return decisions
    }

    /// Stores the facts and dates of `rows` into the lanes of a block reset for them, and groups
    /// the lanes by organisation kind; returns the lanes that hold a profile.
    private func store(_ table: FactTable, rows: Range<Int>, into block: inout RegisterBlock,
                       kinds: inout [(kind: String?, setup: KindSetup, lanes: UInt64)]) -> UInt64 {
        var lanes: UInt64 = 0
        for index in kinds.indices { kinds[index].lanes = 0 }
        let factCount = table.factCount
        table.codes.withUnsafeBufferPointer { codes in
            for (lane, row) in rows.enumerated() where table.isRead[row] {
                let bit: UInt64 = 1 << UInt64(lane)
                lanes |= bit
                for fact in 0..<factCount {
                    let code = codes[row * factCount + fact]
                    if code.kind == .missing { continue }
                    if let (tag, payload) = program.encoded(code, fact: fact) {
                        block.set(fact, lane: lane, tag: tag.rawValue, payload: payload)
                    } else if let value = table.others[row * factCount + fact] {
                        block.store(value, into: fact, lane: lane, fact: fact, program: program)
                    }
                }
                if let date = table.dates[row] {
                    block.store(.string(date), into: compiled.assessmentDateSlot, lane: lane, fact: nil, program: program)
                }
                let kind = table.kinds[row]
                if let group = kinds.firstIndex(where: { $0.kind == kind }) {
                    kinds[group].lanes |= bit
                } else {
                    kinds.append((kind, setup(forKind: kind), bit))
                }
            }
        }
        kinds.removeAll { $0.lanes == 0 }
        return lanes
    }
}
