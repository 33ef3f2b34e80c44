import RuleModel

/// The values of one evaluation, in flat arrays: a tag and a 64-bit payload per register, and
/// the free texts (string and date facts) aside. No reference counting in the evaluation loop.
struct Registers: RegisterReading {
    /// What a register holds.
    enum Tag: UInt8 {
        case unknown = 0
        /// Payload 0 or 1.
        case bool
        /// Payload: the bit pattern of a Double.
        case number
        /// Payload: a symbol id (an interned word; ids sort like the words).
        case symbol
        /// Payload: a bit mask over the register's set domain.
        case set
        /// Payload: an index into `texts`.
        case text
    }

    var tags: [UInt8]
    var payloads: [UInt64]
    var texts: [String] = []

    init(template: Registers) {
        tags = template.tags
        payloads = template.payloads
    }

    init(count: Int) {
        tags = Array(repeating: 0, count: count)
        payloads = Array(repeating: 0, count: count)
    }

    @inline(__always) func rawTag(_ register: Int) -> UInt8 { tags[register] }

    @inline(__always) func payload(_ register: Int) -> UInt64 { payloads[register] }
}

/// The registers seen through raw pointers while the program runs, so that writes in the loop
/// pay no copy-on-write check. Valid only inside ``Program/run(_:applies:)``.
struct RegisterView: RegisterAccess {
    let tags: UnsafeMutablePointer<UInt8>
    let payloads: UnsafeMutablePointer<UInt64>
    let texts: [String]

    @inline(__always) func rawTag(_ register: Int) -> UInt8 { tags[register] }

    @inline(__always) func payload(_ register: Int) -> UInt64 { payloads[register] }

    @inline(__always) func set(_ register: Int, tag: UInt8, payload: UInt64) {
        tags[register] = tag
        payloads[register] = payload
    }
}
