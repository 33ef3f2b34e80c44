/// One lane of a running ``RegisterBlock``, seen as the registers of one evaluation: how the
/// block evaluator runs an operation it has no column form for, with the one-profile
/// evaluator's definition of that operation. Valid only while the block's storage is held.
struct BlockLane: RegisterAccess {
    let masks: UnsafeMutablePointer<UInt64>
    let payloads: UnsafeMutablePointer<UInt64>
    let texts: [String]
    let lane: Int

    private var bit: UInt64 { 1 << UInt64(lane) }

    @inline(__always) func rawTag(_ register: Int) -> UInt8 {
        let base = masks + register * RegisterBlock.planes
        for plane in 0..<RegisterBlock.truthPlane where base[plane] & bit != 0 { return UInt8(plane + 1) }
        return Registers.Tag.unknown.rawValue
    }

    @inline(__always) func payload(_ register: Int) -> UInt64 {
        let base = masks + register * RegisterBlock.planes
        if base[Int(Registers.Tag.bool.rawValue) - 1] & bit != 0 { return base[RegisterBlock.truthPlane] & bit != 0 ? 1 : 0 }
        return payloads[register * RegisterBlock.width + lane]
    }

    @inline(__always) func set(_ register: Int, tag: UInt8, payload: UInt64) {
        let base = masks + register * RegisterBlock.planes
        for plane in 0..<RegisterBlock.planes { base[plane] &= ~bit }
        guard tag != Registers.Tag.unknown.rawValue else { return }
        base[Int(tag) - 1] |= bit
        if tag == Registers.Tag.bool.rawValue {
            if payload != 0 { base[RegisterBlock.truthPlane] |= bit }
        } else {
            payloads[register * RegisterBlock.width + lane] = payload
        }
    }
}
