import RuleModel

extension Engine {
    /// Decides many profiles with the block evaluator, 64 at a time: for each, the diagnostics
    /// that fire and those left unknown, exactly as ``decide(_:overrides:)`` gives them one
    /// profile at a time. A `nil` entry (a document that could not be read) gets an empty
    /// decision, so that positions stay in step with the input.
    /// - Parameters:
    ///   - profiles: the organisations' facts.
    ///   - overrides: parameter values that replace the pack's (from the command line).
    public func decide(_ profiles: some RandomAccessCollection<Profile?>, overrides: [String: Value] = [:]) -> Decisions {
        var decisions = Decisions()
        decisions.reserve(profiles.count, perProfile: 16)
        var block = RegisterBlock(template: program.template)
        let inputs = 0..<compiled.assessmentDateSlot + 1
        let parameters = compiled.factCount..<compiled.factCount + program.parameterCount
        let overridden = compiled.pack.parameters.enumerated().compactMap { offset, parameter in
            overrides[parameter.id].map { (register: compiled.factCount + offset, value: $0) }
        }
        var applies = [UInt64](repeating: 0, count: compiled.pack.findings.count)
        var fired = [[Int32]](repeating: [], count: RegisterBlock.width)
        var unknown = [[Int32]](repeating: [], count: RegisterBlock.width)
        var start = profiles.startIndex
        while start < profiles.endIndex {
            let end = profiles.index(start, offsetBy: RegisterBlock.width, limitedBy: profiles.endIndex) ?? profiles.endIndex
            block.reset(inputs)
            var lanes: UInt64 = 0
            var kinds: [(kind: String?, setup: KindSetup, lanes: UInt64)] = []
            for (lane, profile) in profiles[start..<end].enumerated() {
                guard let profile else { continue }
                let bit: UInt64 = 1 << UInt64(lane)
                lanes |= bit
                if let codes = indexedCodes(of: profile) {
                    for (index, code) in codes.enumerated() where code.kind != .missing {
                        if let (tag, payload) = program.encoded(code, fact: index) {
                            block.set(index, lane: lane, tag: tag.rawValue, payload: payload)
                        } else if let value = profile.indexedFacts?.values[index] {
                            block.store(value, into: index, lane: lane, fact: index, program: program)
                        }
                    }
                } else {
                    for (index, fact) in compiled.pack.facts.enumerated() {
                        if let value = profile.facts[fact.id] { block.store(value, into: index, lane: lane, fact: index, program: program) }
                    }
                }
                if let date = profile.assessedOn {
                    block.store(.string(date), into: compiled.assessmentDateSlot, lane: lane, fact: nil, program: program)
                }
                if let group = kinds.firstIndex(where: { $0.kind == profile.kind }) {
                    kinds[group].lanes |= bit
                } else {
                    kinds.append((profile.kind, setup(for: profile), bit))
                }
            }
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
            for lane in 0..<profiles.distance(from: start, to: end) {
                decisions.append(fired: fired[lane], unknown: unknown[lane])
                fired[lane].removeAll(keepingCapacity: true)
                unknown[lane].removeAll(keepingCapacity: true)
            }
            start = end
        }
        return decisions
    }
}
