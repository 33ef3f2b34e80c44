import RuleModel

/// Read access shared by ``Registers`` and ``RegisterView``.
protocol RegisterReading {
    var texts: [String] { get }
    func tag(_ register: Int) -> Registers.Tag
    func payload(_ register: Int) -> UInt64
}

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

    @inline(__always) func tag(_ register: Int) -> Tag { Tag(rawValue: tags[register]) ?? .unknown }

    @inline(__always) func payload(_ register: Int) -> UInt64 { payloads[register] }

    @inline(__always) func number(_ register: Int) -> Double { Double(bitPattern: payloads[register]) }

    @inline(__always) mutating func setUnknown(_ register: Int) {
        tags[register] = Tag.unknown.rawValue
    }

    @inline(__always) mutating func setBool(_ register: Int, _ value: Bool) {
        tags[register] = Tag.bool.rawValue
        payloads[register] = value ? 1 : 0
    }

    @inline(__always) mutating func setNumber(_ register: Int, _ value: Double) {
        tags[register] = Tag.number.rawValue
        payloads[register] = value.bitPattern
    }

    /// A truth value: true, false, or unknown for anything that is not a boolean.
    @inline(__always) func truth(_ register: Int) -> Truth {
        guard tags[register] == Tag.bool.rawValue else { return .unknown }
        return payloads[register] != 0 ? .true : .false
    }

    @inline(__always) mutating func setTruth(_ register: Int, _ truth: Truth) {
        switch truth {
        case .true: setBool(register, true)
        case .false: setBool(register, false)
        case .unknown: setUnknown(register)
        }
    }
}

/// The registers seen through raw pointers while the program runs, so that writes in the loop
/// pay no copy-on-write check. Valid only inside ``Program/run(_:applies:)``.
struct RegisterView: RegisterReading {
    let tags: UnsafeMutablePointer<UInt8>
    let payloads: UnsafeMutablePointer<UInt64>
    let texts: [String]

    @inline(__always) func tag(_ register: Int) -> Registers.Tag { Registers.Tag(rawValue: tags[register]) ?? .unknown }

    @inline(__always) func payload(_ register: Int) -> UInt64 { payloads[register] }

    @inline(__always) func number(_ register: Int) -> Double { Double(bitPattern: payloads[register]) }

    @inline(__always) func setUnknown(_ register: Int) {
        tags[register] = Registers.Tag.unknown.rawValue
    }

    @inline(__always) func setBool(_ register: Int, _ value: Bool) {
        tags[register] = Registers.Tag.bool.rawValue
        payloads[register] = value ? 1 : 0
    }

    @inline(__always) func setNumber(_ register: Int, _ value: Double) {
        tags[register] = Registers.Tag.number.rawValue
        payloads[register] = value.bitPattern
    }

    @inline(__always) func truth(_ register: Int) -> Truth {
        guard tags[register] == Registers.Tag.bool.rawValue else { return .unknown }
        return payloads[register] != 0 ? .true : .false
    }

    @inline(__always) func setTruth(_ register: Int, _ truth: Truth) {
        switch truth {
        case .true: setBool(register, true)
        case .false: setBool(register, false)
        case .unknown: setUnknown(register)
        }
    }
}
