import Diagnostics

/// Parses the rule language's expressions, reporting a syntax error at its column inside the
/// YAML scalar it was written in.
///
/// Precedence, loosest first: `or`, `and`, `not`, comparisons (`== != < <= > >= in`, `not in`,
/// `contains`, `between … and …`), `+ -`, `* /`, unary `-`.
public struct ExpressionParser {
    /// The stable code of expression syntax errors.
    public static let syntaxCode = DiagnosticCode("expr.syntax")
    /// The longest expression accepted, in characters.
    public static let maxLength = 4_000
    /// The deepest nesting of parentheses, lists and operators accepted.
    public static let maxDepth = 64

    private enum Token: Equatable {
        case number(Double), string(String), identifier(String), symbol(String), end
    }

    private let scalars: [Unicode.Scalar]
    private let origin: TextOrigin?
    private var tokens: [(token: Token, start: Int, end: Int)] = []
    private var index = 0
    private var depth = 0

    /// Parses `text`.
    /// - Parameters:
    ///   - text: the expression.
    ///   - origin: where each character of the text stands in its file, to locate errors and nodes.
    /// - Throws: a diagnostic with code ``syntaxCode`` pointing at the offending column.
    public static func parse(_ text: String, origin: TextOrigin? = nil) throws(Diagnostic) -> Expression {
        var parser = ExpressionParser(scalars: Array(text.unicodeScalars), origin: origin)
        guard parser.scalars.count <= maxLength else {
            throw parser.error("expression is \(parser.scalars.count) characters long, over the limit of \(maxLength)", at: 0)
        }
        try parser.tokenize()
        let expression = try parser.parseOr()
        guard parser.current == .end else {
            throw parser.error("unexpected \(parser.describe(parser.current)) after a complete expression",
                               at: parser.tokens[parser.index].start)
        }
        return expression
    }

    private init(scalars: [Unicode.Scalar], origin: TextOrigin?) {
        self.scalars = scalars
        self.origin = origin
    }

    // MARK: Tokens

    private mutating func tokenize() throws(Diagnostic) {
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                position += 1
                continue
            }
            let start = position
            if scalar.properties.numericType == .decimal && scalar.isASCII || scalar == "." && position + 1 < scalars.count
                && scalars[position + 1].properties.numericType == .decimal {
                while position < scalars.count, scalars[position].isASCII,
                      scalars[position].properties.numericType == .decimal || scalars[position] == "." {
                    position += 1
                }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                guard let number = Double(text) else { throw error("'\(text)' is not a number", at: start) }
                tokens.append((.number(number), start, position))
            } else if scalar == "'" || scalar == "\"" {
                position += 1
                var text = String.UnicodeScalarView()
                while position < scalars.count, scalars[position] != scalar {
                    text.append(scalars[position])
                    position += 1
                }
                guard position < scalars.count else { throw error("unterminated text: a closing \(scalar) is missing", at: start) }
                position += 1
                tokens.append((.string(String(text)), start, position))
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                while position < scalars.count,
                      scalars[position].properties.isAlphabetic || scalars[position] == "_"
                        || scalars[position].properties.numericType == .decimal {
                    position += 1
                }
                tokens.append((.identifier(String(String.UnicodeScalarView(scalars[start..<position]))), start, position))
            } else {
                let two = position + 1 < scalars.count ? String(scalar) + String(scalars[position + 1]) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    tokens.append((.symbol(two), start, position + 2))
                    position += 2
                } else if "+-*/()[],<>".unicodeScalars.contains(scalar) {
                    tokens.append((.symbol(String(scalar)), start, position + 1))
                    position += 1
                } else if scalar == "=" {
                    throw error("'=' is not an operator; write '==' to compare", at: start)
                } else {
                    throw error("unexpected character '\(scalar)'", at: start)
                }
            }
        }
        tokens.append((.end, scalars.count, scalars.count))
    }

    private var current: Token { tokens[index].token }

    private func isKeyword(_ word: String) -> Bool { current == .identifier(word) }

    private func isSymbol(_ symbol: String) -> Bool { current == .symbol(symbol) }

    private mutating func advance() -> (token: Token, start: Int, end: Int) {
        defer { index += 1 }
        return tokens[index]
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(Diagnostic) {
        guard isSymbol(symbol) else {
            throw error("expected \(what), found \(describe(current))", at: tokens[index].start)
        }
        index += 1
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .number(let value): return "number \(Value.format(value))"
        case .string(let text): return "text '\(text)'"
        case .identifier(let name): return "'\(name)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "the end of the expression"
        }
    }

    // MARK: Grammar

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        depth += 1
        defer { depth -= 1 }
        // The whole expression is level 0: 64 nested parentheses (or `not`s) are accepted, 65 refused.
        guard depth <= Self.maxDepth + 1 else {
            throw error("expression nested deeper than \(Self.maxDepth) levels", at: tokens[index].start)
        }
        return try body(&self)
    }

    private mutating func parseOr() throws(Diagnostic) -> Expression {
        try nested { parser throws(Diagnostic) in
            let start = parser.tokens[parser.index].start
            var lhs = try parser.parseAnd()
            while parser.isKeyword("or") {
                parser.index += 1
                let rhs = try parser.parseAnd()
                lhs = parser.node(.or(lhs, rhs), from: start)
            }
            return lhs
        }
    }

    private mutating func parseAnd() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        var lhs = try parseNot()
        while isKeyword("and") {
            index += 1
            let rhs = try parseNot()
            lhs = node(.and(lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseNot() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        if isKeyword("not") {
            index += 1
            let operand = try nested { parser throws(Diagnostic) in try parser.parseNot() }
            return node(.not(operand), from: start)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        let lhs = try parseAdditive()
        if case .symbol(let symbol) = current, let op = Expression.ComparisonOperator(rawValue: symbol) {
            index += 1
            let rhs = try parseAdditive()
            return node(.comparison(op, lhs, rhs), from: start)
        }
        if isKeyword("in") {
            index += 1
            return node(.membership(lhs, try parseAdditive(), negated: false), from: start)
        }
        if isKeyword("not"), index + 1 < tokens.count, tokens[index + 1].token == .identifier("in") {
            index += 2
            return node(.membership(lhs, try parseAdditive(), negated: true), from: start)
        }
        if isKeyword("contains") {
            index += 1
            return node(.contains(lhs, try parseAdditive()), from: start)
        }
        if isKeyword("between") {
            index += 1
            let low = try parseAdditive()
            guard isKeyword("and") else {
                throw error("expected 'and' in 'between … and …', found \(describe(current))", at: tokens[index].start)
            }
            index += 1
            let high = try parseAdditive()
            return node(.between(lhs, low, high), from: start)
        }
        return lhs
    }

    private mutating func parseAdditive() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        var lhs = try parseMultiplicative()
        while case .symbol(let symbol) = current, symbol == "+" || symbol == "-" {
            index += 1
            let rhs = try parseMultiplicative()
            lhs = node(.arithmetic(symbol == "+" ? .add : .subtract, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        var lhs = try parseUnary()
        while case .symbol(let symbol) = current, symbol == "*" || symbol == "/" {
            index += 1
            let rhs = try parseUnary()
            lhs = node(.arithmetic(symbol == "*" ? .multiply : .divide, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseUnary() throws(Diagnostic) -> Expression {
        let start = tokens[index].start
        if isSymbol("-") {
            index += 1
            let operand = try nested { parser throws(Diagnostic) in try parser.parseUnary() }
            if case .literal(.number(let value)) = operand.kind { return node(.literal(.number(-value)), from: start) }
            return node(.negate(operand), from: start)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expression {
        let (token, start, _) = advance()
        switch token {
        case .number(let value):
            return node(.literal(.number(value)), from: start)
        case .string(let text):
            return node(.literal(.string(text)), from: start)
        case .identifier("true"):
            return node(.literal(.bool(true)), from: start)
        case .identifier("false"):
            return node(.literal(.bool(false)), from: start)
        case .identifier(let name) where Expression.keywords.contains(name):
            throw error("expected a value, found the keyword '\(name)'", at: start)
        case .identifier(let name):
            guard isSymbol("(") else { return node(.reference(name), from: start) }
            guard let function = ExpressionFunction.named(name) else {
                let known = ExpressionFunction.all.map(\.name)
                throw error("unknown function '\(name)'\(Suggestion.didYouMean(name, among: known))", at: start)
            }
            index += 1
            let arguments = try parseItems(closing: ")")
            return node(.call(function, arguments), from: start)
        case .symbol("("):
            let inner = try parseOr()
            try expect(")", "')'")
            return inner
        case .symbol("["):
            return node(.list(try parseItems(closing: "]")), from: start)
        default:
            throw error("expected a value, found \(describe(token))", at: start)
        }
    }

    /// Comma-separated expressions up to `closing`, which is consumed.
    private mutating func parseItems(closing: String) throws(Diagnostic) -> [Expression] {
        var items: [Expression] = []
        if isSymbol(closing) {
            index += 1
            return items
        }
        while true {
            items.append(try parseOr())
            if isSymbol(",") {
                index += 1
                continue
            }
            try expect(closing, "',' or '\(closing)'")
            return items
        }
    }

    // MARK: Locations

    private func node(_ kind: Expression.Kind, from start: Int) -> Expression {
        let end = index > 0 ? tokens[index - 1].end : start
        return Expression(kind, at: location(start, end))
    }

    private func location(_ start: Int, _ end: Int) -> SourceLocation? {
        origin?.location(from: start, to: max(end, start + 1))
    }

    private func error(_ message: String, at offset: Int) -> Diagnostic {
        let location = self.location(offset, offset + 1)
            ?? SourceLocation(file: SourceFile(path: "<expression>", contents: Array(String(String.UnicodeScalarView(scalars)).utf8)),
                              range: SourceRange(line: 1, column: offset + 1))
        return .error(Self.syntaxCode, message, at: location)
    }
}
