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
        /// Kleene logic
        case and, or, not
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
        /// Short-circuit: go on at instruction b when register a holds false (`jumpIfFalse`) or
        /// true (`jumpIfTrue`); an unknown never jumps. Kleene `and`/`or` then give the same value
        /// as evaluating every operand.
        case jumpIfFalse, jumpIfTrue
        /// destination = a and b (`andJumpIfFalse`) or a or b (`orJumpIfTrue`), then go on at
        /// instruction c when destination holds false (true): one step of `all` (`any`)
        case andJumpIfFalse, orJumpIfTrue
    }

    var opcode: Opcode
    var destination: Int32
    var a: Int32 = -1
    var b: Int32 = -1
    var c: Int32 = -1

    init(_ opcode: Opcode, _ destination: Int, a: Int = -1, b: Int = -1, c: Int = -1) {
        self.opcode = opcode
        self.destination = Int32(destination)
        self.a = Int32(a)
        self.b = Int32(b)
        self.c = Int32(c)
    }
}
