import RuleModel

/// One step of a compiled pack: reads registers `a`, `b`, `c` and writes `destination`.
struct Instruction {
    enum Opcode: UInt8 {
        /// destination = a
        case copy
        /// destination = a + b, a - b, a * b, a / b (unknown on division by zero or overflow)
        case add, subtract, multiply, divide
        /// destination = -a
        case negate
        /// destination = a (op c) b, with c the raw value of a comparison operator
        case compare
        /// Kleene negation (`and` and `or` are junctions, below)
        case not
        /// destination = a in the registers b ..< b + c (a list); `notInList` negates
        case inList, notInList
        /// destination = the set in register a contains the word in register b
        case setContains
        /// destination = b <= a <= c
        case between
        /// destination = a is known
        case known
        /// destination = |a|; round(a) or round(a, b) when b >= 0
        case abs, round
        /// over the registers b ..< b + c
        case minimum, maximum, sum, mean, countTrue
        /// destination = the number of words in the set in register a
        case countSet
        /// destination = fallback expression number a, evaluated the general way
        case general
        /// destination = a (op) the number constant in register b, op by opcode: the common
        /// `fact op literal`, with the constant's tag known at compile time
        case lessNumber, lessOrEqualNumber, greaterNumber, greaterOrEqualNumber, equalNumber, notEqualNumber
        /// destination = a == / != the symbol whose id is b
        case equalSymbol, notEqualSymbol
        /// destination = a == / != the boolean b (0 or 1): `derived == true`
        case equalBool, notEqualBool
        /// destination = the symbol in a is one of the symbols whose ids are the bits of the mask
        /// b (low 32 bits) | c (high 32 bits); all ids below 64
        case inSymbolMask, notInSymbolMask
        /// destination = the set in register a has bit b (a constant word of its domain); b < 0
        /// when the word is not in the domain
        case setHasBit
        /// destination = the number constants in b <= a <= c
        case betweenNumbers
        /// Nothing: the instruction carries a junction that no other instruction could carry
        case test
    }

    /// What happens after the operation: one step of `all`/`any` (`and`/`or`), short-circuited.
    /// Carried by the instruction that computes the step's operand, it saves a dispatch per step.
    /// The `and` steps have odd raw values (``andMask``).
    enum Junction: UInt8 {
        case none = 0
        /// The first operand of an `all` (`any`), computed into the accumulator itself
        /// (`destination == accumulator`): go on at `target` when it holds false (true); an
        /// unknown never jumps.
        case jumpIfFalse = 1, jumpIfTrue = 2
        /// accumulator = accumulator and (or) destination, in Kleene logic; then go on at `target`
        /// when the accumulator holds false (true): the remaining operands cannot change it.
        case andJumpIfFalse = 3, orJumpIfTrue = 4

        /// All ones for a step of an `all` (`jumpIfFalse`, `andJumpIfFalse`), zero for a step of
        /// an `any`: a choice made with masks rather than a branch.
        var andMask: UInt64 { 0 &- UInt64(rawValue & 1) }
    }

    var opcode: Opcode
    var junction = Junction.none
    var destination: Int32
    var a: Int32 = -1
    var b: Int32 = -1
    var c: Int32 = -1
    var accumulator: Int32 = -1
    var target: Int32 = -1

    init(_ opcode: Opcode, _ destination: Int, a: Int = -1, b: Int = -1, c: Int = -1) {
        self.opcode = opcode
        self.destination = Int32(destination)
        self.a = Int32(a)
        self.b = Int32(b)
        self.c = Int32(c)
    }
}
