// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Release builds of the engine on x86-64 use AVX2 (Haswell, 2013, and later), for the block
/// evaluator's column loops (docs/performance.md); valgrind runs them. `ORGDIAG_PORTABLE=1` builds
/// for the architecture's baseline instead, for a processor without AVX2.
#if arch(x86_64)
let engineSettings: [SwiftSetting] = ProcessInfo.processInfo.environment["ORGDIAG_PORTABLE"] == "1"
    ? [] : [.unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release))]
#else
let engineSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "orgdiag",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "orgdiag", targets: ["orgdiag"]),
        .library(name: "YAML", targets: ["YAML"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // The Word report's zip container (system zlib); a maintained library rather than our own zip writer.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system C library libyaml, found through pkg-config; never vendored.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Byte scans over whole files (line feeds, runs of plain text and their line starts), in C: Swift leaves these loops scalar.
        .target(name: "CByteScan"),
        .target(name: "Diagnostics", dependencies: ["CByteScan"]),
        // The cores a process may use (its CPU affinity), in C: Swift's Glibc module hides sched_getaffinity.
        .target(name: "CCores"),
        // The one helper that fills results on every core (DispatchQueue.concurrentPerform), and
        // values computed on another thread.
        .target(name: "Parallel", dependencies: ["CCores"]),
        .target(name: "YAML", dependencies: ["CYAML", "CByteScan", "Diagnostics", "Parallel"]),
        .target(name: "RuleModel", dependencies: ["Diagnostics"]),
        .target(name: "RuleLoader", dependencies: ["RuleModel", "YAML", "Diagnostics", "Parallel", "CByteScan"]),
        .target(name: "Engine", dependencies: ["RuleModel", "Diagnostics", "Parallel"], swiftSettings: engineSettings),
        .target(name: "Reports", dependencies: ["Engine", "RuleModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // `orgdiag batch` as a library: a portfolio read in windows and evaluated on every core.
        .target(name: "Batch", dependencies: ["Diagnostics", "RuleModel", "RuleLoader", "Engine", "Reports", "Parallel"]),
        .target(name: "RuleTesting", dependencies: ["RuleLoader", "Engine", "Reports", "RuleModel", "YAML", "Diagnostics"]),
        // `orgdiag lsp`: the Language Server Protocol over stdio, linting packs as authors type.
        .target(name: "LanguageServer", dependencies: ["Diagnostics", "RuleModel", "RuleLoader", "RuleTesting"]),
        .executableTarget(
            name: "orgdiag",
            dependencies: [
                "Diagnostics", "YAML", "RuleModel", "RuleLoader", "Engine", "Reports", "RuleTesting", "Batch", "LanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The system mimalloc (Debian package libmimalloc-dev) serves every malloc of the
            // process, libyaml's included: libyaml makes about three small allocations per event,
            // and glibc's malloc and free cost a fifth of a batch's instructions (docs/performance.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        // Fuzzing: scripts/fuzz builds orgdiag-fuzz with libFuzzer; the regression test replays findings.
        .target(name: "FuzzTargets", dependencies: ["Diagnostics", "YAML", "RuleModel", "RuleLoader", "Engine", "Reports", "LanguageServer",
                                                    .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(name: "orgdiag-fuzz", dependencies: ["FuzzTargets"]),
        // The benchmark suite: `swift run -c release orgdiag-bench` (docs/performance.md).
        .executableTarget(name: "orgdiag-bench", dependencies: ["Diagnostics", "YAML", "RuleModel", "RuleLoader", "Engine"]),
        // What several test targets share: the repository's root, the binary runner, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets", "TestSupport"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics", "CByteScan", "TestSupport"]),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"]),
        .testTarget(name: "LanguageServerTests", dependencies: ["LanguageServer", "Diagnostics"]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Reports", "Engine", "RuleLoader", "RuleModel", "Diagnostics", "TestSupport"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "Diagnostics", "TestSupport"]),
        .testTarget(name: "RuleModelTests", dependencies: ["RuleModel", "Diagnostics"]),
        .testTarget(name: "RuleLoaderTests", dependencies: ["RuleLoader", "Engine", "RuleModel", "YAML", "Diagnostics", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "RuleModel", "Diagnostics", "TestSupport"]),
        .testTarget(name: "RuleTestingTests", dependencies: ["RuleTesting", "RuleLoader", "Engine", "RuleModel", "Diagnostics", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Engine", "RuleModel", "RuleLoader", "Diagnostics"]),
        .testTarget(name: "CLITests", dependencies: ["orgdiag", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Golden"]),
        .testTarget(name: "DocumentationTests", dependencies: ["orgdiag", "RuleModel", "RuleLoader", "RuleTesting", "YAML", "Diagnostics", "TestSupport"]),
        .testTarget(name: "DefaultPackTests", dependencies: ["RuleTesting", "RuleLoader", "Engine", "Reports", "RuleModel", "Diagnostics", "TestSupport",
                                                             .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ],
    swiftLanguageModes: [.v6]
)
