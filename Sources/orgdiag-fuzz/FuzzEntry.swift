// The fuzzing executable (scripts/fuzz). Built with -DFUZZING and -sanitize=fuzzer it is a
// libFuzzer target, driven by ORGDIAG_FUZZ_TARGET (yaml, expression, pack, profile, evaluators, lsp, word); built
// normally it replays files: `orgdiag-fuzz TARGET FILE...`.
import FuzzTargets
import Foundation

#if FUZZING
/// libFuzzer's driver, from the fuzzer runtime that `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// One input: the target named by ORGDIAG_FUZZ_TARGET on the bytes.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let target = ProcessInfo.processInfo.environment["ORGDIAG_FUZZ_TARGET"] ?? "yaml"
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.all[target]?(bytes)
    return 0
}

/// SwiftPM names an executable's entry point after the product; here it hands over to libFuzzer.
@_cdecl("orgdiag_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
#else
@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTargets.all[name] else {
            FileHandle.standardError.write(Data("usage: orgdiag-fuzz yaml|expression|pack|profile|evaluators|lsp|word FILE...\n".utf8))
            exit(64)
        }
        for path in arguments.dropFirst() {
            target(Array(FileManager.default.contents(atPath: path) ?? Data()))
        }
    }
}
#endif
