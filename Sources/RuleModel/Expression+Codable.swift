import Diagnostics

/// An expression is stored as one list: the number of its kind, the kind's parts, then its
/// location (or nothing). A list per node, instead of the nested keyed containers `Codable`
/// would write for the enum, halves the time a stored pack takes to read.
extension Expression: Codable {
    @usableFromInline enum Code: Int {
        case literal, list, reference, negate, not, arithmetic, comparison, and, or, membership, contains, between, call
    }

    public init(from decoder: any Decoder) throws {
        var reader = UnkeyedStoredList(try decoder.unkeyedContainer())
        try self.init(stored: &reader)
    }

    /// The expression whose stored list `reader` reads, as ``encode(to:)`` writes it.
    @inlinable public init<Reader: StoredListReader>(stored reader: inout Reader) throws {
        let code = try reader.readKind(Code.self, of: "expression")
        func next() throws -> Expression { try reader.readList { try Expression(stored: &$0) } }
        func items() throws -> [Expression] { try reader.readItems { list in try list.readList { try Expression(stored: &$0) } } }
        let kind: Kind
        switch code {
        case .literal: kind = .literal(try reader.readList { try Value(stored: &$0) })
        case .list: kind = .list(try items())
        case .reference: kind = .reference(try reader.readString())
        case .negate: kind = .negate(try next())
        case .not: kind = .not(try next())
        case .arithmetic: kind = .arithmetic(try reader.readRawValue(ArithmeticOperator.self, of: "operator"), try next(), try next())
        case .comparison: kind = .comparison(try reader.readRawValue(ComparisonOperator.self, of: "comparison"), try next(), try next())
        case .and: kind = .and(try next(), try next())
        case .or: kind = .or(try next(), try next())
        case .membership: kind = .membership(try next(), try next(), negated: try reader.readBool())
        case .contains: kind = .contains(try next(), try next())
        case .between: kind = .between(try next(), try next(), try next())
        case .call:
            let name = try reader.readString()
            guard let function = ExpressionFunction.named(name) else { throw reader.damaged("no function is named '\(name)'") }
            kind = .call(function, try items())
        }
        let location = try reader.readNil() ? nil : try reader.readLocation()
        self.init(kind, at: location)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        switch kind {
        case .literal(let value): try container.encode(Code.literal.rawValue); try container.encode(value)
        case .list(let items): try container.encode(Code.list.rawValue); try container.encode(items)
        case .reference(let name): try container.encode(Code.reference.rawValue); try container.encode(name)
        case .negate(let operand): try container.encode(Code.negate.rawValue); try container.encode(operand)
        case .not(let operand): try container.encode(Code.not.rawValue); try container.encode(operand)
        case .arithmetic(let op, let left, let right):
            try container.encode(Code.arithmetic.rawValue); try container.encode(op); try container.encode(left); try container.encode(right)
        case .comparison(let op, let left, let right):
            try container.encode(Code.comparison.rawValue); try container.encode(op); try container.encode(left); try container.encode(right)
        case .and(let left, let right): try container.encode(Code.and.rawValue); try container.encode(left); try container.encode(right)
        case .or(let left, let right): try container.encode(Code.or.rawValue); try container.encode(left); try container.encode(right)
        case .membership(let item, let list, let negated):
            try container.encode(Code.membership.rawValue); try container.encode(item); try container.encode(list); try container.encode(negated)
        case .contains(let set, let item): try container.encode(Code.contains.rawValue); try container.encode(set); try container.encode(item)
        case .between(let value, let low, let high):
            try container.encode(Code.between.rawValue); try container.encode(value); try container.encode(low); try container.encode(high)
        case .call(let function, let arguments):
            try container.encode(Code.call.rawValue); try container.encode(function); try container.encode(arguments)
        }
        if let location { try container.encode(location) } else { try container.encodeNil() }
    }
}

/// A condition is stored as one list, like an expression: the number of its kind, its parts, then
/// its location (or nothing) for a block.
extension Condition: Codable {
    @usableFromInline enum Code: Int {
        case expression, all, any, none, not
    }

    public init(from decoder: any Decoder) throws {
        var reader = UnkeyedStoredList(try decoder.unkeyedContainer())
        try self.init(stored: &reader)
    }

    /// The condition whose stored list `reader` reads, as ``encode(to:)`` writes it.
    @inlinable public init<Reader: StoredListReader>(stored reader: inout Reader) throws {
        let code = try reader.readKind(Code.self, of: "condition")
        func parts() throws -> [Condition] { try reader.readItems { list in try list.readList { try Condition(stored: &$0) } } }
        func location() throws -> SourceLocation? { try reader.readNil() ? nil : try reader.readLocation() }
        switch code {
        case .expression: self = .expression(try reader.readList { try Expression(stored: &$0) })
        case .all: self = .all(try parts(), location: try location())
        case .any: self = .any(try parts(), location: try location())
        case .none: self = .none(try parts(), location: try location())
        case .not: self = .not(try reader.readList { try Condition(stored: &$0) }, location: try location())
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        let location: SourceLocation?
        switch self {
        case .expression(let expression):
            try container.encode(Code.expression.rawValue)
            try container.encode(expression)
            return
        case .all(let parts, let at): try container.encode(Code.all.rawValue); try container.encode(parts); location = at
        case .any(let parts, let at): try container.encode(Code.any.rawValue); try container.encode(parts); location = at
        case .none(let parts, let at): try container.encode(Code.none.rawValue); try container.encode(parts); location = at
        case .not(let part, let at): try container.encode(Code.not.rawValue); try container.encode(part); location = at
        }
        if let location { try container.encode(location) } else { try container.encodeNil() }
    }
}
