import Diagnostics
import Foundation
import Testing
import Engine
import RuleModel
@testable import RuleLoader

/// A chain of indicators as long as the pack allows, each reading the one before: loading,
/// type checking, compiling, evaluating and explaining it must neither recurse along the chain
/// nor take quadratic time (a 9,000-link chain once took 24 s to load). The work runs on a thread
/// with a 256 KiB stack, which a recursion along 10,000 links would overflow.
@Suite struct LongChainTests {
    private static let length = PackLimits().maxIndicators

    private func chainPack(closingTheLoop: Bool = false) -> String {
        var text = header + "facts:\n  staff: {type: integer, label: Staff}\nindicators:\n"
        text += "  link_0: \(closingTheLoop ? "link_\(Self.length - 1)" : "staff") + 1\n"
        for index in 1..<Self.length { text += "  link_\(index): link_\(index - 1) + 1\n" }
        text += "diagnostics:\n  - {id: long_chain, severity: low, title: Long chain, when: link_\(Self.length - 1) > 100000}\n"
        return text
    }

    /// Runs `body` on a thread with a small stack and returns what it returns.
    private func onSmallStack<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) throws -> Result {
        let outcome = ThreadResult<Result>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.set(Swift.Result { try body() })
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        done.wait()
        return try outcome.get()
    }

    @Test func theLongestChainLoadsEvaluatesAndExplains() throws {
        let text = chainPack()
        let result = try onSmallStack { loadPack(files: ["p": text]) }
        #expect(result.diagnostics.sorted.filter { $0.severity == .error }.isEmpty)
        let pack = try #require(result.pack)
        let (engine, evaluation) = try onSmallStack {
            let engine = try Engine(pack: pack)
            let profile = try ProfileLoader.load(SourceFile(path: "o.yaml", text: "organisation: {name: X, kind: caf}\nfacts: {staff: 95000}\n"),
                                                 pack: pack).get()
            return (engine, engine.evaluate(profile))
        }
        #expect(evaluation.value(of: "link_\(Self.length - 1)") == .number(Double(95000 + Self.length)))
        #expect(evaluation.outcome(of: "long_chain")?.status == .fired)
        let explanation = try #require(try onSmallStack { Explainer(engine: engine, evaluation: evaluation).explain("long_chain") })
        #expect(explanation.derivations.count == Self.length)
        #expect(explanation.derivations.first?.description == "link_0 = staff + 1 = 95000 + 1 = 95001")
        #expect(explanation.derivations.last?.description.hasPrefix("link_\(Self.length - 1) = link_\(Self.length - 2) + 1 = ") == true)
    }

    @Test func aCycleThroughTheWholeChainIsReported() throws {
        let text = chainPack(closingTheLoop: true)
        let result = try onSmallStack { loadPack(files: ["p": text]) }
        let cycle = try #require(result.diagnostics.sorted.first { $0.code == PackCheck.cycle.code })
        #expect(cycle.location?.description == "p.yaml:5:3")
        #expect(cycle.notes.count == Self.length - 1)
    }
}

/// A result handed from one thread to another.
private final class ThreadResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ result: Result<Value, any Error>) { lock.withLock { self.result = result } }

    func get() throws -> Value { try lock.withLock { result! }.get() }
}
