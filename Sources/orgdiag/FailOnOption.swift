import ArgumentParser

/// `--fail-on`: the severity from which a fired diagnostic makes the run exit 1.
enum FailOnOption: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low
}
