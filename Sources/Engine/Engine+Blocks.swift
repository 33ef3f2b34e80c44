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
        decide(FactTable(profiles, catalogue: compiled.pack.facts), overrides: overrides)
    }

    /// Decides chunks of a table of profiles with the block evaluator, a chunk (up to 64 rows)
    /// per block, in order: for each row, the diagnostics that fire and those left unknown. A
    /// row that holds no profile gets an empty decision.
    /// - Parameters:
    ///   - table: the profiles, in the columns of this engine's pack.
    ///   - chunks: the chunks to decide (all by default); the decisions are those of their rows, in order.
    ///   - overrides: parameter values that replace the pack's (from the command line).
    public func decide(_ table: FactTable, chunks: Range<Int>? = nil, overrides: [String: Value] = [:]) -> Decisions {
        precondition(table.catalogue == catalogue && table.factCount == compiled.factCount, "a table of another pack's facts")
        let chunks = chunks ?? table.chunks.indices
        var decisions = Decisions(diagnosticCount: compiled.diagnosticSlots.count)
        decisions.reserve(blocks: chunks.count)
        let parameters = compiled.factCount..<compiled.factCount + program.parameterCount
        let overridden = compiled.pack.parameters.enumerated().compactMap { offset, parameter in
            overrides[parameter.id].map { (register: compiled.factCount + offset, value: $0) }
        }
        var kinds: [(kind: String?, setup: KindSetup, lanes: UInt64)] = []
        /// Stores a chunk into a block, with its kinds' parameters, and the lanes each diagnostic
        /// concerns into `applies`.
        func prepare(_ chunk: FactTable.Chunk, into block: inout RegisterBlock, applies: inout [UInt64]) {
            block.reset(0..<compiled.assessmentDateSlot + 1)
            store(chunk, into: &block)
            group(chunk, kinds: &kinds)
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
                block.set(register, lanes: chunk.read, tag: tag.rawValue, payload: payload)
            }
        }
        /// Appends a decided chunk's fired and unknown diagnostics.
        func append(_ chunk: FactTable.Chunk, from block: RegisterBlock, applies: [UInt64]) {
            decisions.appendBlock(count: chunk.count) { masks in
                let count = compiled.diagnosticSlots.count
                for (index, slot) in compiled.diagnosticSlots.enumerated() {
                    let concerned = applies[index] & chunk.read
                    let base = slot * RegisterBlock.planes
                    masks[index] = block.masks[base + RegisterBlock.truthPlane] & concerned
                    masks[count + index] = concerned & ~block.masks[base + Int(Registers.Tag.bool.rawValue) - 1]
                }
            }
        }
        // Chunks two at a time (a block each), so that each instruction is dispatched once for
        // both (a quarter less time for the peer workload than a chunk at a time; four at a time
        // gained little more); an odd last chunk alone.
        var first = registerBlocks.take() ?? RegisterBlock(template: program.template)
        var second: RegisterBlock?
        defer {
            registerBlocks.giveBack(first)
            if let second { registerBlocks.giveBack(second) }
        }
        var applies = [UInt64](repeating: 0, count: compiled.pack.findings.count)
        var otherApplies = applies
        var index = chunks.lowerBound
        while index < chunks.upperBound {
            let chunk = table.chunks[index]
            prepare(chunk, into: &first, applies: &applies)
            if index + 1 < chunks.upperBound {
                let other = table.chunks[index + 1]
                if second == nil { second = registerBlocks.take() ?? RegisterBlock(template: program.template) }
                prepare(other, into: &second!, applies: &otherApplies)
                program.run(&first, &second!, lanes: (chunk.read, other.read), applies: (applies, otherApplies))
                append(chunk, from: first, applies: applies)
                append(other, from: second!, applies: otherApplies)
                index += 2
            } else {
                program.run(&first, lanes: chunk.read, applies: applies)
                append(chunk, from: first, applies: applies)
                index += 1
            }
        }
        return decisions
    }

    /// Stores a chunk's facts and dates into a block reset for it, a column at a time.
    private func store(_ chunk: FactTable.Chunk, into block: inout RegisterBlock) {
        let width = RegisterBlock.width
        block.masks.withUnsafeMutableBufferPointer { masks in
            block.payloads.withUnsafeMutableBufferPointer { payloads in
                chunk.payloads.withUnsafeBufferPointer { source in
                    for fact in 0..<compiled.factCount where chunk.known[fact] != 0 {
                        let known = chunk.known[fact]
                        let planes = masks.baseAddress! + fact * RegisterBlock.planes
                        let from = source.baseAddress! + fact * width
                        let to = payloads.baseAddress! + fact * width
                        switch chunk.kinds[fact] {
                        case .boolean:
                            planes[Int(Registers.Tag.bool.rawValue) - 1] = known
                            planes[RegisterBlock.truthPlane] = BlockView.lanes { from[$0] != 0 } & known
                        case .number:
                            planes[Int(Registers.Tag.number.rawValue) - 1] = known
                            to.update(from: from, count: width)
                        case .word where !program.factSymbols[fact].isEmpty:
                            planes[Int(Registers.Tag.symbol.rawValue) - 1] = known
                            // A known lane's code is an index of the domain; the others hold any
                            // code, clamped (not divided: a division per lane cost more than the
                            // rest of storing the chunk) to read within the table.
                            let last = UInt64(program.factSymbols[fact].count - 1)
                            program.factSymbols[fact].withUnsafeBufferPointer { symbols in
                                for lane in 0..<width { to[lane] = symbols[Int(min(from[lane], last))] }
                            }
                        case .words where program.factDomains[fact].count <= 64:
                            planes[Int(Registers.Tag.set.rawValue) - 1] = known
                            to.update(from: from, count: width)
                        case .word, .words, .missing, .other:
                            break  // no such column: its rows are others
                        }
                    }
                }
            }
        }
        for fact in 0..<compiled.factCount where chunk.otherRows[fact] != 0 {
            var rows = chunk.otherRows[fact]
            while rows != 0 {
                let lane = rows.trailingZeroBitCount
                rows &= rows - 1
                if let value = chunk.others[fact * RegisterBlock.width + lane] {
                    block.store(value, into: fact, lane: lane, fact: fact, program: program)
                }
            }
        }
        for (lane, date) in chunk.dates.enumerated() {
            if let date { block.store(.string(date), into: compiled.assessmentDateSlot, lane: lane, fact: nil, program: program) }
        }
    }

    /// Groups the chunk's rows by organisation kind, with each kind's setup.
    private func group(_ chunk: FactTable.Chunk, kinds: inout [(kind: String?, setup: KindSetup, lanes: UInt64)]) {
        for index in kinds.indices { kinds[index].lanes = 0 }
        var rows = chunk.read
        while rows != 0 {
            let lane = rows.trailingZeroBitCount
            rows &= rows - 1
            let kind = chunk.organisationKinds[lane]
            if let group = kinds.firstIndex(where: { $0.kind == kind }) {
                kinds[group].lanes |= 1 << UInt64(lane)
            } else {
                kinds.append((kind, setup(forKind: kind), 1 << UInt64(lane)))
            }
        }
        kinds.removeAll { $0.lanes == 0 }
    }
}
