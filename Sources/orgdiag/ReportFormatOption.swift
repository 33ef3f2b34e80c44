import ArgumentParser

/// `--format` of `orgdiag report`.
enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, html
}

/// `--fail-on`: the severity from which a fired diagnostic makes the run exit 1.
enum FailOnOption: String, ExpressibleByArgument, CaseIterable {
    case critical, high, medium, low
}
