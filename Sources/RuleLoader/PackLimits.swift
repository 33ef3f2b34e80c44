import YAML

/// The most entries a pack may hold (docs/limits.md), beyond the YAML limits of each file.
public struct PackLimits: Sendable, Equatable {
    public var maxFiles: Int
    public var maxFacts: Int
    public var maxParameters: Int
    public var maxIndicators: Int
    public var maxDiagnostics: Int
    public var maxRecommendations: Int
    public var maxDimensions: Int
    /// Stages and themes each (a method has a handful; beyond, a pack is hostile).
    public var maxStagesOrThemes: Int
    public var maxStrengths: Int

    /// Creates limits.
    public init(maxFiles: Int = 1_000, maxFacts: Int = 10_000, maxParameters: Int = 10_000, maxIndicators: Int = 10_000,
                maxDiagnostics: Int = 20_000, maxRecommendations: Int = 10_000, maxDimensions: Int = 100,
                maxStagesOrThemes: Int = 100, maxStrengths: Int = 10_000) {
        self.maxFiles = maxFiles
        self.maxFacts = maxFacts
        self.maxParameters = maxParameters
        self.maxIndicators = maxIndicators
        self.maxDiagnostics = maxDiagnostics
        self.maxRecommendations = maxRecommendations
        self.maxDimensions = maxDimensions
        self.maxStagesOrThemes = maxStagesOrThemes
        self.maxStrengths = maxStrengths
    }

    /// 1,000 files, 10,000 facts, parameters, indicators, recommendations and strengths, 20,000
    /// diagnostics, 100 dimensions, stages and themes.
    public static let `default` = PackLimits()
}
