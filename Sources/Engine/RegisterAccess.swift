import RuleModel

/// Read access to one evaluation's registers, whatever their layout: ``Registers``, the
/// ``RegisterView`` of a running program, or one lane of a ``RegisterBlock``.
protocol RegisterReading {
    var texts: [String] { get }
    /// The raw value of the register's ``Registers/Tag``.
    func rawTag(_ register: Int) -> UInt8
    func payload(_ register: Int) -> UInt64
}

extension RegisterReading {
    @inline(__always) func tag(_ register: Int) -> Registers.Tag { Registers.Tag(rawValue: rawTag(register)) ?? .unknown }

    @inline(__always) func number(_ register: Int) -> Double { Double(bitPattern: payload(register)) }

    /// A truth value: true, false, or unknown for anything that is not a boolean.
    @inline(__always) func truth(_ register: Int) -> Truth {
        guard rawTag(register) == Registers.Tag.bool.rawValue else { return .unknown }
        return payload(register) != 0 ? .true : .false
    }
}

/// Read and write access to the registers of one evaluation while a program runs: what
/// ``Program``'s operations are written against, so that each is defined once for the
/// one-profile evaluator and for a lane of the block evaluator.
protocol RegisterAccess: RegisterReading {
    /// Stores a tag and its payload (for a boolean, 0 or 1).
    func set(_ register: Int, tag: UInt8, payload: UInt64)
}

extension RegisterAccess {
    @inline(__always) func setUnknown(_ register: Int) { set(register, tag: Registers.Tag.unknown.rawValue, payload: 0) }

    @inline(__always) func setBool(_ register: Int, _ value: Bool) { set(register, tag: Registers.Tag.bool.rawValue, payload: value ? 1 : 0) }

    @inline(__always) func setNumber(_ register: Int, _ value: Double) {
        set(register, tag: Registers.Tag.number.rawValue, payload: value.bitPattern)
    }

    @inline(__always) func setTruth(_ register: Int, _ truth: Truth) {
        switch truth {
        case .true: setBool(register, true)
        case .false: setBool(register, false)
        case .unknown: setUnknown(register)
        }
    }
}
