import RuleModel

/// The registers of up to 64 evaluations side by side, one column per register: the working
/// memory of the block evaluator (``Program/run(_:lanes:applies:)``).
///
/// Lane `i` is bit `i` of a mask. Each register holds one mask per tag other than unknown (a lane
/// in none of them is unknown) and the truths of its boolean lanes, so that Kleene logic over a
/// whole block is a few word operations; numbers, symbols, sets and text indices sit in a column
/// of 64 payloads, compared over the whole column in loops the compiler vectorises.
struct RegisterBlock {
    /// Lanes per block: the bits of a mask.
    static let width = 64
    /// Masks per register: bool, number, symbol, set and text lanes (by ``Registers/Tag`` raw
    /// value minus one), then the truths of the boolean lanes (always within the bool mask).
    static let planes = 6
    static let truthPlane = 5

    var masks: [UInt64]
    var payloads: [UInt64]
    /// The texts that text payloads index, the template's first.
    var texts: [String]
    private let templateTextCount: Int

    /// A block whose every lane holds the template's registers (the program's constants): each
    /// register's masks and column written whole rather than lane by lane, since a block is made
    /// for every run of the block evaluator that finds none to reuse (``Engine/registerBlocks``).
    init(template: Registers) {
        let count = template.tags.count
        masks = Array(repeating: 0, count: count * Self.planes)
        texts = template.texts
        templateTextCount = template.texts.count
        payloads = [UInt64](unsafeUninitializedCapacity: count * Self.width) { column, initialized in
            for register in 0..<count {
                let tag = template.tags[register]
                let stored = tag == Registers.Tag.unknown.rawValue || tag == Registers.Tag.bool.rawValue ? 0 : template.payloads[register]
                column[register * Self.width..<(register + 1) * Self.width].initialize(repeating: stored)
            }
            initialized = count * Self.width
        }
        for register in 0..<count {
            let tag = template.tags[register]
            guard tag != Registers.Tag.unknown.rawValue else { continue }
            masks[register * Self.planes + Int(tag) - 1] = ~0
            if tag == Registers.Tag.bool.rawValue && template.payloads[register] != 0 {
                masks[register * Self.planes + Self.truthPlane] = ~0
            }
        }
    }

    /// Calls `body` with the block's storage seen through raw pointers (``BlockView``).
    mutating func withView<Result>(_ body: (BlockView) -> Result) -> Result {
        let texts = self.texts
        return masks.withUnsafeMutableBufferPointer { masks in
            payloads.withUnsafeMutableBufferPointer { payloads in
                body(BlockView(masks: masks.baseAddress!, payloads: payloads.baseAddress!, texts: texts))
            }
        }
    }

    /// Makes `registers` unknown in every lane, and drops the texts the last block added.
    mutating func reset(_ registers: Range<Int>) {
        for index in registers.lowerBound * Self.planes..<registers.upperBound * Self.planes { masks[index] = 0 }
        texts.removeSubrange(templateTextCount...)
    }

    /// Stores a tag and its payload into `register` for the lanes of `lanes`.
    mutating func set(_ register: Int, lanes: UInt64, tag: UInt8, payload: UInt64) {
        let base = register * Self.planes
        for plane in 0..<Self.planes { masks[base + plane] &= ~lanes }
        guard tag != Registers.Tag.unknown.rawValue else { return }
        masks[base + Int(tag) - 1] |= lanes
        if tag == Registers.Tag.bool.rawValue {
            if payload != 0 { masks[base + Self.truthPlane] |= lanes }
            return
        }
        var remaining = lanes
        while remaining != 0 {
            payloads[register * Self.width + remaining.trailingZeroBitCount] = payload
            remaining &= remaining - 1
        }
    }

    /// Stores a tag and its payload into `register` for one lane, whose every mask was cleared by
    /// ``reset(_:)`` since the last block.
    @inline(__always) mutating func set(_ register: Int, lane: Int, tag: UInt8, payload: UInt64) {
        guard tag != Registers.Tag.unknown.rawValue else { return }
        let bit: UInt64 = 1 << UInt64(lane)
        let base = register * Self.planes
        masks[base + Int(tag) - 1] |= bit
        if tag == Registers.Tag.bool.rawValue {
            if payload != 0 { masks[base + Self.truthPlane] |= bit }
        } else {
            payloads[register * Self.width + lane] = payload
        }
    }

    /// Stores a model value into `register` for one lane; `fact` gives the domain of enum and set facts.
    mutating func store(_ value: Value, into register: Int, lane: Int, fact: Int?, program: Program) {
        let (tag, payload) = program.encoded(value, fact: fact, texts: &texts)
        set(register, lane: lane, tag: tag.rawValue, payload: payload)
    }
}
