import Diagnostics
import RuleModel

extension PackCheck {
    /// Every check of `orgdiag lint`, in the order of docs/diagnostics.md's table.
    public static let all: [PackCheck] = [
        noPackFiles, packTooLarge, missingHeader, unknownKey, missingKey, invalidID, duplicateID, invalidVersion,
        invalidRange, unknownLanguage, expressionSyntax, invalidPlaceholder, unknownName, unknownReference, cycle, typeError, unknownValue,
        stageOrder, missingTranslation, unusedFact, unusedRecommendation, missingExamples, contradiction, thresholdDirection,
    ]

    /// The check with `code`, if it is one of ``all``.
    public static func named(_ code: DiagnosticCode) -> PackCheck? { all.first { $0.code == code } }

    /// The pack header the snippets start from.
    static let header = "pack: {id: t, version: 1.0.0, languages: [en], organisation_kinds: [caf, metropole]}\n"

    /// A fact catalogue the snippets use.
    static let facts = """
        facts:
          levels: {type: integer, label: Levels}
          delegation: {type: enum, values: [none, partial, broad], label: Delegation}
          satisfaction: {type: percentage, label: Satisfaction}

        """

    /// A dimension with five levels, each above the first with its criteria.
    static let dimension = """
        dimensions:
          d:
            label: D
            levels:
              - a
              - {name: b, criteria: levels > 1}
              - {name: c, criteria: [levels > 2, delegation != 'none']}
              - {name: d, criteria: {any: [levels > 3, satisfaction > 50]}}
              - {name: e, criteria: levels > 4}

        """

    /// The fact catalogue with a date fact, `review`, for the date checks.
    static let datedFacts = facts + "  review: {type: date, label: Review}\n"

    /// A diagnostic reading `condition`, with examples that fire and do not fire.
    static func diagnostic(_ condition: String, id: String = "d", extra: String = "") -> String {
        """
        diagnostics:
          - id: \(id)
            severity: high
            title: T
            when: \(condition)
        \(extra)    examples:
              fires: [{levels: 9, delegation: none, satisfaction: 10}]
              does_not_fire: [{levels: 1, delegation: broad, satisfaction: 90}]

        """
    }

    public static let noPackFiles = PackCheck(
        "pack.no-files", .error, stage: .read, "the pack's folder holds no YAML file",
        triggering: [], nonTriggering: [header + facts + diagnostic("levels > 5")])

    public static let packTooLarge = PackCheck(
        "pack.too-large", .error, stage: .structure,
        "more files, facts, parameters, indicators, diagnostics, recommendations, strengths, dimensions, stages or themes than the limits of docs/limits.md",
        triggering: [], nonTriggering: [header + facts + diagnostic("levels > 5")])

    public static let missingHeader = PackCheck(
        "pack.missing-header", .error, stage: .structure, "no file has the `pack:` header",
        triggering: ["↓facts:\n  levels: {type: integer, label: Levels}\n"],
        nonTriggering: [header + facts + diagnostic("levels > 5")])

    public static let unknownKey = PackCheck(
        "pack.unknown-key", .error, stage: .structure, "a key the format does not know, with \"did you mean\"; `deductions` (replaced by level criteria); `criteria` on level 1; `training` on a recommendation that is not a training",
        triggering: [
            header + "facts:\n  levels: {type: integer, label: Levels, ↓unit_: levels}\n",
            header + "↓diagnostic: []\n",
            header + facts + diagnostic("\n      ↓al: [levels > 5]"),
            header + facts + "dimensions:\n  d:\n    label: D\n    ↓deductions: {high: 1}\n" + diagnostic("levels > 5"),
            header + facts + "dimensions:\n  d:\n    label: D\n    levels:\n      - {name: a, ↓criteria: levels > 1}\n"
                + diagnostic("levels > 5"),
            header + facts + diagnostic("levels > 5", extra: "    recommend: [a]\n")
                + "recommendations:\n  - id: a\n    kind: governance\n    title: A\n    training: ↓{participants: levels, group_size: 10, days_per_group: 1}\n",
        ],
        nonTriggering: [header + facts + diagnostic("\n      all: [levels > 5]"), header + facts + dimension + diagnostic("levels > 5")])

    public static let missingKey = PackCheck(
        "pack.missing-key", .error, stage: .structure, "a required key is missing (`type`, `label`, `values` of an enum, `criteria` of a maturity level above the first…)",
        triggering: [
            header + "facts:\n  levels: ↓{type: integer}\n",
            header + "facts:\n  ↓delegation: {type: enum, label: Delegation}\n",
            header + facts + "dimensions:\n  d:\n    label: D\n    levels:\n      - a\n      - ↓b\n      - {name: c, criteria: levels > 2}\n"
                + "      - {name: d, criteria: levels > 3}\n      - {name: e, criteria: levels > 4}\n" + diagnostic("levels > 5"),
        ],
        nonTriggering: [header + facts, header + facts + dimension + diagnostic("levels > 5")])

    public static let invalidID = PackCheck(
        "pack.invalid-id", .error, stage: .structure, "an id that is not snake_case, or a reserved word",
        triggering: [
            "pack: {id: ↓Test-Pack, version: 1.0.0, languages: [en]}\n",
            header + "facts:\n  ↓between: {type: integer, label: Between}\n",
            header + facts + diagnostic("levels > 5", id: "↓true"),
            header + facts + diagnostic("levels > 5", id: "↓kind"),
        ],
        nonTriggering: [header + "facts:\n  min: {type: integer, label: A function's name is an id}\n"])

    public static let duplicateID = PackCheck(
        "pack.duplicate-id", .error, stage: .identifiers, "an id defined twice, in any file; a note shows the first",
        triggering: [header + facts + "parameters:\n  ↓levels: {value: 3, label: Levels}\n"],
        nonTriggering: [header + facts + "parameters:\n  max_levels: {value: 3, label: Levels}\n"])

    public static let invalidVersion = PackCheck(
        "pack.invalid-version", .error, stage: .structure, "a version that is not `MAJOR.MINOR.PATCH`",
        triggering: ["pack: {id: t, version: ↓'1.0', languages: [en]}\n"],
        nonTriggering: [header])

    public static let invalidRange = PackCheck(
        "pack.invalid-range", .error, stage: .structure,
        "a range upside down, outside 0–100 for a percentage, on a non-numeric fact; not 5 maturity levels; a training group below 1 person or of 0 days",
        triggering: [
            header + "facts:\n  levels: {type: integer, label: Levels, range: ↓[9, 1]}\n",
            header + "facts:\n  share: {type: percentage, label: Share, range: ↓[0, 120]}\n",
            header + facts + "dimensions:\n  d:\n    label: D\n    levels: ↓[a, {name: b, criteria: levels > 1}]\n",
            header + facts + diagnostic("levels > 5", extra: "    recommend: [a]\n")
                + "recommendations:\n  - id: a\n    kind: training\n    title: A\n    training: {participants: levels, group_size: ↓0, days_per_group: 1}\n",
        ],
        nonTriggering: [header + "facts:\n  levels: {type: integer, label: Levels, range: [1, 9]}\n"])

    public static let unknownLanguage = PackCheck(
        "pack.unknown-language", .error, stage: .structure, "a text in a language the pack does not declare",
        triggering: [header + "facts:\n  levels: {type: integer, label: {en: Levels, ↓de: Ebenen}}\n"],
        nonTriggering: [header + "facts:\n  levels: {type: integer, label: {en: Levels}}\n"])

    public static let expressionSyntax = PackCheck(
        ExpressionParser.syntaxCode.rawValue, .error, stage: .structure, "an expression that does not parse, at its column",
        triggering: [
            header + facts + diagnostic("levels ↓= 5"),
            header + facts + diagnostic("levels > 5 and ↓)"),
        ],
        nonTriggering: [header + facts + diagnostic("levels == 5")])

    public static let invalidPlaceholder = PackCheck(
        "pack.invalid-placeholder", .error, stage: .references,
        "a `because` placeholder with a format that is not `abs`, `plural, one {…} other {…}` or `select, word {…} other {…}`, or a `select` form for a word its fact never takes, or a `select` on a name that is not a boolean, an enumeration or a diagnostic",
        triggering: [
            header + facts + diagnostic("levels > 5", extra: "    because: {en: \"é ↓{levels, plurl, one {# level} other {# levels}}\"}\n"),
            header + facts + diagnostic("levels > 5", extra: "    because: {en: \"↓{levels, plural, one {# level}} deep\"}\n"),
            header + facts + diagnostic("levels > 5", extra: "    because:\n      en: |\n        deep:\n        ↓{levels, abs now}\n"),
            header + facts + diagnostic("levels > 5", extra: "    because: {en: \"deep ↓{delegation, select, brod {broad} other {}}\"}\n"),
            header + facts + diagnostic("levels > 5", extra: "    because: {en: \"↓{levels, select, true {deep} other {}}\"}\n"),
        ],
        nonTriggering: [header + facts + diagnostic("levels > 5", extra: "    because: {en: \"{levels, plural, one {# level} other {# levels}}, {levels, abs} {x\"}\n"),
                        header + facts + diagnostic("levels > 5", extra: "    because: {en: \"{delegation, select, broad {wide} other {narrow}} delegation\"}\n")])

    public static let unknownName = PackCheck(
        "pack.unknown-name", .error, stage: .references,
        "an expression or a `because` placeholder naming nothing, with \"did you mean\"",
        triggering: [
            header + facts + diagnostic("↓levles > 5"),
            header + facts + diagnostic("levels > 5 and delegation == 'none' and ↓satisfacton < 50"),
            header + facts + diagnostic("levels > 5 and delegation == ↓none"),
            header + facts + "  survey: {type: boolean, label: S}\n  score: {type: percentage, label: Sc, relevant_when: ↓surveyd}\n"
                + diagnostic("score < 50"),
            header + facts + diagnostic("levels > 5", extra: "    because: {en: \"é {levels} and ↓{levles} levels\"}\n"),
            header + facts + diagnostic("levels > 5", extra: "    because:\n      en: |\n        {levels} levels,\n        then ↓{levles}\n"),
        ],
        nonTriggering: [header + facts + diagnostic("levels > 5 and satisfaction < 50")])

    public static let unknownReference = PackCheck(
        "pack.unknown-reference", .error, stage: .references, "an unknown dimension, recommendation, organisation kind, stage, theme or superseded diagnostic",
        triggering: [
            header + facts + diagnostic("levels > 5", extra: "    recommend: [↓no_such_action]\n"),
            header + facts + diagnostic("levels > 5", extra: "    applies_to: [↓cpam]\n"),
            header + facts + diagnostic("levels > 5", extra: "    dimension: ↓structur\n"),
            header + facts + diagnostic("levels > 5", extra: "    supersedes: [↓dd]\n"),
            header + facts + "themes:\n  silos: {label: Silos}\n" + diagnostic("levels > 5", extra: "    theme: ↓silo\n"),
            staged("  - {id: a, kind: governance, title: A, stage: framing}\n  - {id: b, kind: training, title: B, stage: ↓team}\n"),
        ],
        nonTriggering: [header + facts + diagnostic("levels > 5", extra: "    applies_to: [caf]\n")])

    public static let cycle = PackCheck(
        "pack.cycle", .error, stage: .cycles,
        "indicators or diagnostics that depend on themselves, or circular `requires`; notes show each member",
        triggering: [header + facts + "indicators:\n  ↓a: {expr: b + 1, label: A}\n  b: {expr: a + levels, label: B}\n"
                     + diagnostic("a > 5"),
                     header + facts + diagnostic("levels > 5", id: "↓a", extra: "    supersedes: [b]\n")
                     + "  - id: b\n    severity: high\n    title: T\n    when: levels > 7\n    supersedes: [a]\n"
                     + "    examples: {fires: [{levels: 9}], does_not_fire: [{levels: 1}]}\n"],
        nonTriggering: [header + facts + "indicators:\n  a: {expr: b + 1, label: A}\n  b: {expr: levels * 2, label: B}\n"
                        + diagnostic("a > 5")])

    public static let typeError = PackCheck(
        "pack.type-error", .error, stage: .types,
        "comparing unlike values, a condition that is not true/false, a percentage compared with a number outside 0–100, a parameter outside the range of the facts it is compared with, a function on the wrong arguments, a training size that is not a number, a roadmap cap, phase length or day rate of the wrong kind",
        triggering: [
            header + facts + diagnostic("↓levels == 'five'"),
            header + facts + diagnostic("satisfaction > ↓150"),
            header + facts + diagnostic("↓abs(levels, 2) > 1"),
            header + facts + "parameters:\n  ↓floor: {value: 150, label: Floor}\n" + diagnostic("satisfaction < floor"),
            header + facts + "parameters:\n  ↓max_roadmap_actions: 2.5\n" + diagnostic("levels > 5"),
            header + facts + "parameters:\n  ↓phase_months: 0\n" + diagnostic("levels > 5"),
            header + facts + diagnostic("levels > 5", extra: "    recommend: [a]\n")
                + "recommendations:\n  - {id: a, kind: governance, title: A, in_place_when: ↓levels + 1}\n",
            header + facts + "dimensions:\n  d:\n    label: D\n    levels:\n      - a\n      - {name: b, criteria: ↓satisfaction}\n"
                + "      - {name: c, criteria: levels > 2}\n      - {name: d, criteria: levels > 3}\n      - {name: e, criteria: levels > 4}\n"
                + diagnostic("levels > 5"),
            header + facts + diagnostic("levels > 5", extra: "    recommend: [a]\n")
                + "recommendations:\n  - id: a\n    kind: training\n    title: A\n    training: {participants: ↓delegation, group_size: 10, days_per_group: 1}\n",
            header + datedFacts + diagnostic("levels > 1 and ↓review < '01/01/2025'"),
            header + datedFacts + "parameters:\n  cutoff: 1er janvier 2025\n" + diagnostic("levels > 1 and ↓review < cutoff"),
            header + datedFacts + diagnostic("levels > 1 and ↓review > 3"),
            header + datedFacts + diagnostic("levels > 1 and days_between(review, ↓'2025-13-01') > 3"),
        ],
        nonTriggering: [header + facts + diagnostic("abs(levels - 2) > 1 and satisfaction > 50"),
                        header + datedFacts + "parameters:\n  cutoff: 2025-01-01\n"
                            + diagnostic("levels > 1 and review < cutoff and review >= '2020-01-01' and years_between(review, assessed_on) > 2")])

    public static let unknownValue = PackCheck(
        "pack.unknown-value", .error, stage: .types, "a word an enum or set fact does not declare, with \"did you mean\"",
        triggering: [header + facts + diagnostic("levels > 1 and delegation == ↓'nnoe'")],
        nonTriggering: [header + facts + diagnostic("levels > 1 and delegation == 'none'")])

    /// Two stages and recommendations in them, for the stage checks.
    static func staged(_ recommendations: String) -> String {
        header + facts + diagnostic("levels > 5", extra: "    recommend: [b]\n")
            + "stages:\n  framing: {label: Framing}\n  teams: {label: Teams}\nrecommendations:\n" + recommendations
    }

    public static let stageOrder = PackCheck(
        "pack.stage-order", .error, stage: .references,
        "in a pack that declares stages, a recommendation without one, or one that requires a recommendation of a later stage",
        triggering: [
            staged("  - {id: a, kind: governance, title: A, stage: teams}\n  - {id: ↓b, kind: training, title: B}\n"),
            staged("  - {id: a, kind: governance, title: A, stage: teams}\n  - {id: b, kind: training, title: B, stage: framing, requires: [↓a]}\n"),
        ],
        nonTriggering: [
            staged("  - {id: a, kind: governance, title: A, stage: framing}\n  - {id: b, kind: training, title: B, stage: teams, requires: [a]}\n"),
        ])

    public static let missingTranslation = PackCheck(
        "pack.missing-translation", .warning, stage: .translations, "a text missing in one of the pack's languages",
        triggering: ["pack: {id: t, version: 1.0.0, languages: [fr, en]}\nfacts:\n  levels: {type: integer, label: ↓{fr: Niveaux}}\n"],
        nonTriggering: ["pack: {id: t, version: 1.0.0, languages: [fr, en]}\nfacts:\n  levels: {type: integer, label: {fr: Niveaux, en: Levels}}\n"])

    public static let unusedFact = PackCheck(
        "pack.unused-fact", .warning, stage: .usage, "a fact used by no indicator, diagnostic or `because` sentence",
        triggering: [header + facts + "  ↓spare: {type: boolean, label: Spare}\n" + diagnostic("levels > 5 and delegation == 'none' and satisfaction < 50")],
        nonTriggering: [
            header + facts + diagnostic("levels > 5 and delegation == 'none' and satisfaction < 50"),
            header + facts + diagnostic("levels > 5 and delegation == 'none'", extra: "    because: {en: \"{satisfaction} % satisfied\"}\n"),
        ])

    public static let unusedRecommendation = PackCheck(
        "pack.unused-recommendation", .warning, stage: .usage,
        "a recommendation no diagnostic calls for, nor requires through another",
        triggering: [header + facts + diagnostic("levels > 5") + "recommendations:\n  - id: ↓spare\n    kind: governance\n    title: Spare\n"],
        nonTriggering: [header + facts + diagnostic("levels > 5", extra: "    recommend: [used]\n")
                        + "recommendations:\n  - id: used\n    kind: governance\n    title: Used\n"])

    public static let missingExamples = PackCheck(
        "pack.missing-examples", .warning, stage: .usage, "a diagnostic without an example that fires and one that does not",
        triggering: [header + facts + "diagnostics:\n  - id: ↓d\n    severity: high\n    title: T\n    when: levels > 5\n"],
        nonTriggering: [header + facts + diagnostic("levels > 5")])

    public static let contradiction = PackCheck(
        "pack.contradiction", .warning, stage: .usage,
        "conditions on one fact that can never all hold (`x > 5 and x < 3`, `x between 9 and 2`)",
        triggering: [
            header + facts + diagnostic("\n      ↓all: [levels > 5, levels < 3]"),
            header + facts + diagnostic("↓levels between 9 and 2"),
        ],
        nonTriggering: [header + facts + diagnostic("\n      all: [levels > 5, levels < 9]"),
                        header + facts + diagnostic("levels between 2 and 9")])

    public static let thresholdDirection = PackCheck(
        "pack.threshold-direction", .warning, stage: .usage,
        "a maximum compared with `>=` or a minimum with `<=` (by its id or label): the finding fires at the threshold itself; `x > max_…` fires above a maximum, `x < min_…` below a minimum",
        triggering: [
            header + facts + "parameters:\n  max_levels: {value: 5, label: Maximum levels}\n" + diagnostic("↓levels >= max_levels"),
            header + facts + "parameters:\n  floor: {value: 50, label: Satisfaction minimale}\n" + diagnostic("↓floor >= satisfaction"),
        ],
        nonTriggering: [
            header + facts + "parameters:\n  max_levels: {value: 5, label: Maximum levels}\n" + diagnostic("levels > max_levels"),
            header + facts + "parameters:\n  target: {value: 5, label: Target}\n" + diagnostic("levels >= target"),
        ])
}
