import Engine
import RuleModel

/// The words of the report's own frame (headings, labels) in each language orgdiag speaks; the
/// pack provides everything else.
struct ReportStrings {
    let language: String

    /// Each key's text per language (English the fallback).
    static let table: [String: [String: String]] = [
        "report_title": ["en": "Diagnostic report", "fr": "Rapport de diagnostic"],
        "organisation": ["en": "Organisation", "fr": "Organisation"],
        "kind": ["en": "Kind", "fr": "Type"],
        "assessed_on": ["en": "Assessment date", "fr": "Date du diagnostic"],
        "pack": ["en": "Rule pack", "fr": "Référentiel"],
        "generated": ["en": "Generated on %1 by orgdiag %2", "fr": "Produit le %1 par orgdiag %2"],
        "summary": ["en": "Summary", "fr": "Synthèse"],
        "summary_line": ["en": "%1, %2 in %3, %4", "fr": "%1, %2 en %3, %4"],
        "finding": ["en": "finding", "fr": "constat"],
        "findings_count": ["en": "findings", "fr": "constats"],
        "recommendation": ["en": "recommendation", "fr": "recommandation"],
        "recommendations_count": ["en": "recommendations", "fr": "recommandations"],
        "phase_word": ["en": "phase", "fr": "phase"],
        "phases_word": ["en": "phases", "fr": "phases"],
        "undecided_diagnostic": ["en": "point to confirm", "fr": "point à confirmer"],
        "undecided_diagnostics": ["en": "points to confirm", "fr": "points à confirmer"],
        "version": ["en": "version %1", "fr": "version %1"],
        "maturity": ["en": "Maturity by dimension", "fr": "Maturité par dimension"],
        "not_assessed": ["en": "not assessed", "fr": "non évaluée"],
        "at_least": ["en": "at least %1", "fr": "au moins %1"],
        "expected_at_least": ["en": "expected: at least %1", "fr": "attendu\u{a0}: au moins %1"],
        "expected_more_than": ["en": "expected: more than %1", "fr": "attendu\u{a0}: plus de %1"],
        "expected_at_most": ["en": "expected: at most %1", "fr": "attendu\u{a0}: au plus %1"],
        "expected_less_than": ["en": "expected: less than %1", "fr": "attendu\u{a0}: moins de %1"],
        "expected_equal": ["en": "expected: %1", "fr": "attendu\u{a0}: %1"],
        "next_level": ["en": "what holds back level %1", "fr": "ce qui bloque le niveau %1"],
        "to_decide": ["en": "answers needed", "fr": "à renseigner pour conclure"],
        "level": ["en": "level", "fr": "niveau"],
        "findings": ["en": "Findings", "fr": "Constats"],
        "no_findings": ["en": "No diagnostic fired.", "fr": "Aucun diagnostic ne s'est déclenché."],
        "evidence": ["en": "Evidence", "fr": "Sources"],
        "references": ["en": "References", "fr": "Références"],
        "roadmap": ["en": "Roadmap", "fr": "Feuille de route"],
        "no_roadmap": ["en": "No recommendation.", "fr": "Aucune recommandation."],
        "phase": ["en": "Phase %1", "fr": "Phase %1"],
        "called_by": ["en": "Answers", "fr": "Répond à"],
        "requires": ["en": "Requires", "fr": "Nécessite"],
        "prerequisite": ["en": "Needed first by: %1", "fr": "Préalable à\u{a0}: %1"],
        "audience": ["en": "Audience", "fr": "Public"],
        "duration": ["en": "Duration", "fr": "Durée"],
        "score": ["en": "priority", "fr": "priorité"],
        "unknown": ["en": "Points to confirm", "fr": "Points à confirmer"],
        "missing": ["en": "data needed", "fr": "donnée à recueillir"],
        // The frame of `orgdiag explain`.
        "x_outcome": ["en": "outcome: %1 (severity %2)", "fr": "résultat\u{a0}: %1 (gravité %2)"],
        "x_applies_to": ["en": "applies to: %1; the organisation is '%2'", "fr": "s'applique à\u{a0}: %1\u{a0}; l'organisation est «\u{a0}%2\u{a0}»"],
        "x_condition": ["en": "condition:", "fr": "condition\u{a0}:"],
        "x_derivations": ["en": "derivations:", "fr": "calculs\u{a0}:"],
        "x_superseded": ["en": "superseded by: %1 (fired too): not shown, weighs nothing in the roadmap; level criteria that read it see it fired", "fr": "couvert par\u{a0}: %1 (déclenché aussi)\u{a0}; non affiché et sans poids dans la feuille de route\u{a0}; pour les critères de niveau qui le lisent, il compte comme déclenché"],
        "x_because": ["en": "because: %1", "fr": "parce que\u{a0}: %1"],
        "x_missing": ["en": "missing facts: %1", "fr": "faits manquants\u{a0}: %1"],
        "x_changes": ["en": "what would change it:", "fr": "ce qui changerait le résultat\u{a0}:"],
        "x_change": ["en": "%1: %2 -> %3 would make it %4", "fr": "%1\u{a0}: %2 -> %3 donnerait «\u{a0}%4\u{a0}»"],
        "x_no_change": ["en": "no change of a single fact would change it", "fr": "aucune modification d'un seul fait ne changerait ce résultat"],
        "x_value": ["en": "value: %1", "fr": "valeur\u{a0}: %1"],
        "x_unknown": ["en": "unknown", "fr": "inconnue"],
        "x_type": ["en": "type: %1", "fr": "type\u{a0}: %1"],
        "x_range": ["en": "range %1 to %2", "fr": "de %1 à %2"],
        "x_values": ["en": "values %1", "fr": "valeurs %1"],
        "x_unit": ["en": "unit %1", "fr": "unité %1"],
        "x_question": ["en": "question: %1", "fr": "question\u{a0}: %1"],
        "x_relevant_when": ["en": "relevant when: %1 — %2", "fr": "pertinent si\u{a0}: %1 — %2"],
        "x_relevant_no": ["en": "no: not asked, not counted as missing", "fr": "non\u{a0}: ni demandé, ni compté comme manquant"],
        "x_relevant_yes": ["en": "yes, or not decided", "fr": "oui, ou pas encore tranché"],
        "x_not_given": ["en": "the profile does not give it", "fr": "le profil ne la donne pas"],
        "x_written_tilde": ["en": "written ~ in the profile", "fr": "écrite ~ dans le profil"],
        "x_source": ["en": "source: %1", "fr": "source\u{a0}: %1"],
        "x_with": ["en": "with %1", "fr": "avec %1"],
        "x_whether_in_place": ["en": "whether %1 is in place", "fr": "si %1 est déjà en place"],
        "x_level_of": ["en": "the level of %1", "fr": "le niveau de %1"],
        "x_asked_next": ["en": "asked next: question %1 of %2, weight %3; an answer decides %4", "fr": "à demander\u{a0}: question %1 sur %2, poids %3\u{a0}; une réponse trancherait %4"],
        "x_not_asked": ["en": "not asked: no answer alone decides anything still undecided", "fr": "non demandé\u{a0}: aucune réponse seule ne tranche ce qui reste indéterminé"],
        "x_value_set": ["en": "value: %1, set on the command line (--set); the pack says %2", "fr": "valeur\u{a0}: %1, fixée en ligne de commande (--set)\u{a0}; le référentiel prévoit %2"],
        "x_value_by_kind": ["en": "value: %1, the pack's value for '%2' (by_kind); %3 otherwise", "fr": "valeur\u{a0}: %1, celle du référentiel pour «\u{a0}%2\u{a0}» (by_kind)\u{a0}; %3 sinon"],
        "x_other_values": ["en": "other values for %1, by_kind", "fr": "autres valeurs pour %1, by_kind"],
        "x_read_by": ["en": "read by:", "fr": "lu par\u{a0}:"],
        "x_read_by_nothing": ["en": "read by: nothing", "fr": "lu par\u{a0}: rien"],
        "x_indicators": ["en": "indicators: %1", "fr": "indicateurs\u{a0}: %1"],
        "x_diagnostics": ["en": "diagnostics: %1", "fr": "diagnostics\u{a0}: %1"],
        "x_level": ["en": "level: %1 of %2, %3", "fr": "niveau\u{a0}: %1 sur %2, %3"],
        "x_level_no_levels": ["en": "level: not assessed (the dimension has no levels)", "fr": "niveau\u{a0}: non évalué (la dimension n'a pas de niveaux)"],
        "x_level_not_assessed": ["en": "level: not assessed, at least %1; to decide it: %2", "fr": "niveau\u{a0}: non évalué, au moins %1\u{a0}; pour trancher\u{a0}: %2"],
        "x_level_floor": ["en": "level 1: %1 (the floor)", "fr": "niveau 1\u{a0}: %1 (le socle)"],
        "x_level_line": ["en": "level %1: %2 — %3", "fr": "niveau %1\u{a0}: %2 — %3"],
        "x_reached": ["en": "reached", "fr": "atteint"],
        "x_not_reached": ["en": "not reached", "fr": "non atteint"],
        "x_undecided": ["en": "undecided", "fr": "indéterminé"],
        "x_to_reach": ["en": "to reach level %1: %2", "fr": "pour atteindre le niveau %1\u{a0}: %2"],
        "x_outcome_strength": ["en": "outcome: %1", "fr": "résultat\u{a0}: %1"],
        "x_holds": ["en": "holds", "fr": "acquis"],
        "x_does_not_hold": ["en": "does not hold", "fr": "non acquis"],
        "x_stage": ["en": "stage: %1", "fr": "étape\u{a0}: %1"],
        "x_in_place_yes": ["en": "in place: yes, its in_place_when holds: not recommended, satisfied as a prerequisite", "fr": "déjà en place\u{a0}: oui (son in_place_when est vrai)\u{a0}; non recommandée, et tenue pour acquise comme prérequis"],
        "x_in_place_no": ["en": "in place: no, its in_place_when does not hold", "fr": "déjà en place\u{a0}: non, son in_place_when est faux"],
        "x_in_place_unknown": ["en": "in place: undecided (the profile does not say); recommended as if not", "fr": "déjà en place\u{a0}: indéterminé (le profil ne le dit pas)\u{a0}; recommandée comme si elle n'était pas en place"],
        "x_builds_on_it": ["en": "the roadmap builds on it: %1", "fr": "la feuille de route s'appuie dessus\u{a0}: %1"],
        "x_not_in_roadmap_none": ["en": "not in the roadmap: no diagnostic recommends it", "fr": "hors de la feuille de route\u{a0}: aucun diagnostic ne la recommande"],
        "x_not_in_roadmap": ["en": "not in the roadmap: none of the diagnostics that call for it fired (%1)", "fr": "hors de la feuille de route\u{a0}: aucun des diagnostics qui la demandent ne s'est déclenché (%1)"],
        "x_in_roadmap": ["en": "in the roadmap: phase %1, priority %2", "fr": "dans la feuille de route\u{a0}: phase %1, priorité %2"],
        "x_later": ["en": ", after the cap (max_roadmap_actions): listed as later", "fr": ", au-delà du plafond (max_roadmap_actions)\u{a0}: renvoyée à plus tard"],
        "x_pulled_in": ["en": "pulled in as a prerequisite of: %1", "fr": "ajoutée comme prérequis de\u{a0}: %1"],
        "x_called_by": ["en": "called for by: %1", "fr": "demandée par\u{a0}: %1"],
        "x_priority_formula": ["en": "priority = severity weights × impact / effort = (%1) × %2 / %3 = %4", "fr": "priorité = poids des gravités × impact / effort = (%1) × %2 / %3 = %4"],
        "x_requires": ["en": "requires: %1", "fr": "nécessite\u{a0}: %1"],
        "x_builds_on": ["en": "builds on (in place): %1", "fr": "s'appuie sur (déjà en place)\u{a0}: %1"],
        "x_training": ["en": "training size:", "fr": "dimensionnement\u{a0}:"],
        "x_participants": ["en": "participants = %1 = %2", "fr": "participants = %1 = %2"],
        "x_groups": ["en": "groups = participants / (%1) rounded up = %2", "fr": "groupes = participants / (%1) arrondi à l'entier supérieur = %2"],
        "x_trainer_days": ["en": "trainer-days = groups × (%1) = %2", "fr": "jours-formateur = groupes × (%1) = %2"],
        "x_cost": ["en": "cost = trainer-days × %1 = %2", "fr": "coût = jours-formateur × %1 = %2"],
        "x_after_earlier": ["en": "after the actions of earlier stages: %1", "fr": "après les actions des étapes précédentes\u{a0}: %1"],
        "x_status_fired": ["en": "fired", "fr": "déclenché"],
        "x_status_not_fired": ["en": "not fired", "fr": "non déclenché"],
        "x_status_unknown": ["en": "unknown", "fr": "indéterminé"],
        "x_status_not_applicable": ["en": "not applicable", "fr": "sans objet"],
        "x_reason_unknown_name": ["en": "'%1' is unknown", "fr": "la valeur de «\u{a0}%1\u{a0}» n'est pas renseignée"],
        "x_reason_division_by_zero": ["en": "division by zero", "fr": "division par zéro"],
        "x_reason_too_large": ["en": "the result is too large", "fr": "le résultat est trop grand"],
        "x_reason_empty_list": ["en": "'%1' of an empty list", "fr": "«\u{a0}%1\u{a0}» d'une liste vide"],
        "x_reason_none": ["en": "no value", "fr": "pas de valeur"],
        "missing_none": ["en": "depends only on facts that do not apply here", "fr": "ne dépend que de faits sans objet ici"],
        "questions": ["en": "Questions to ask next", "fr": "Questions à poser ensuite"],
        "no_questions": ["en": "Every diagnostic could be decided.", "fr": "Tous les diagnostics ont pu être tranchés."],
        "decides": ["en": "would settle %1", "fr": "trancherait %1"],
        "open_point": ["en": "open point", "fr": "point en suspens"],
        "open_points": ["en": "open points", "fr": "points en suspens"],
        "critical": ["en": "critical", "fr": "critique"],
        "high": ["en": "high", "fr": "élevée"],
        "medium": ["en": "medium", "fr": "moyenne"],
        "low": ["en": "low", "fr": "faible"],
        "severity": ["en": "Severity", "fr": "Gravité"],
        "training": ["en": "training", "fr": "formation"],
        "governance": ["en": "governance", "fr": "gouvernance"],
        "organisation_kind": ["en": "organisational change", "fr": "changement d'organisation"],
        "dimension": ["en": "Dimension", "fr": "Dimension"],
        "yes": ["en": "yes", "fr": "oui"],
        "first_actions": ["en": "First actions", "fr": "Premières actions"],
        "comparison": ["en": "Comparison of two assessments", "fr": "Comparaison de deux évaluations"],
        "before": ["en": "before", "fr": "avant"],
        "after": ["en": "after", "fr": "après"],
        "resolved": ["en": "Resolved", "fr": "Résolus"],
        "new_findings": ["en": "New", "fr": "Nouveaux"],
        "persisting": ["en": "Persisting", "fr": "Persistants"],
        "facts_changed": ["en": "Facts changed", "fr": "Faits modifiés"],
        "diff_resolved": ["en": "Findings resolved", "fr": "Constats résolus"],
        "diff_now_in_place": ["en": "Actions now in place", "fr": "Actions désormais en place"],
        "diff_new": ["en": "New findings", "fr": "Nouveaux constats"],
        "diff_established": ["en": "Now established (could not be told before)", "fr": "Désormais établis (indéterminés auparavant)"],
        "diff_persisting": ["en": "Findings persisting", "fr": "Constats persistants"],
        "diff_undecided": ["en": "No longer decided (facts missing)", "fr": "Devenus indéterminés (faits manquants)"],
        "diff_no_longer_in_place": ["en": "Actions no longer in place", "fr": "Actions qui ne sont plus en place"],
        "diff_dates": ["en": "Assessed on %1, then on %2", "fr": "Évaluée le %1, puis le %2"],
        "date_unknown": ["en": "an unknown date", "fr": "une date inconnue"],
        "improvement": ["en": "improvement", "fr": "progrès"],
        "improvements": ["en": "improvements", "fr": "progrès"],
        "setback": ["en": "setback", "fr": "recul"],
        "setbacks": ["en": "setbacks", "fr": "reculs"],
        "languages": ["en": "Languages", "fr": "Langues"],
        "kinds": ["en": "Organisation kinds", "fr": "Types d'organisation"],
        "dimensions": ["en": "Dimensions", "fr": "Dimensions"],
        "facts": ["en": "Facts", "fr": "Faits"],
        "parameters": ["en": "Parameters", "fr": "Paramètres"],
        "indicators": ["en": "Indicators", "fr": "Indicateurs"],
        "diagnostics_reference": ["en": "Diagnostics", "fr": "Diagnostics"],
        "recommendations": ["en": "Recommendations", "fr": "Recommandations"],
        "source": ["en": "Source", "fr": "Source"],
        "applies_to": ["en": "Applies to", "fr": "S'applique à"],
        "condition": ["en": "Condition", "fr": "Condition"],
        "criteria": ["en": "reached when", "fr": "atteint si"],
        "block_all": ["en": "all of", "fr": "toutes ces conditions"],
        "block_any": ["en": "any of", "fr": "l'une au moins de ces conditions"],
        "block_none": ["en": "none of", "fr": "aucune de ces conditions"],
        "block_not": ["en": "not", "fr": "pas"],
        "recommends": ["en": "Recommends", "fr": "Recommande"],
        "template_header": ["en": "Organisation profile for the rule pack %1 %2", "fr": "Profil d'organisation pour le référentiel %1 %2"],
        "template_unknown": ["en": "A fact left at ~ is unknown: orgdiag never takes it as false.",
                             "fr": "Un fait laissé à ~ est inconnu\u{a0}: orgdiag ne le considère jamais comme faux."],
        "template_name": ["en": "Name of the organisation", "fr": "Nom de l'organisation"],
        "template_evidence": ["en": "fact_id: \"where the value comes from\"", "fr": "id_du_fait: \"source de la valeur\""],
        "other_facts": ["en": "Other facts", "fr": "Autres faits"],
        "whole_number": ["en": "whole number", "fr": "nombre entier"],
        "a_number": ["en": "a number", "fr": "un nombre"],
        "text": ["en": "text", "fr": "texte"],
        "portfolio": ["en": "Portfolio of %1 organisations", "fr": "Portefeuille de %1 organisations"],
        "findings_one_critical": ["en": "critical", "fr": "critique"],
        "findings_many_critical": ["en": "critical", "fr": "critiques"],
        "findings_one_high": ["en": "high", "fr": "élevé"],
        "findings_many_high": ["en": "high", "fr": "élevés"],
        "findings_one_medium": ["en": "medium", "fr": "moyen"],
        "findings_many_medium": ["en": "medium", "fr": "moyens"],
        "findings_one_low": ["en": "low", "fr": "faible"],
        "findings_many_low": ["en": "low", "fr": "faibles"],
        "undecided_one": ["en": "undecided", "fr": "indéterminé"],
        "undecided_many": ["en": "undecided", "fr": "indéterminés"],
        "ask_help": ["en": "Answer, or press Enter to skip, '?' for unknown, 'q' to stop. Each answer is saved at once.",
                     "fr": "Répondez, ou Entrée pour passer, « ? » pour inconnu, « q » pour arrêter. Chaque réponse est enregistrée aussitôt."],
        "saved": ["en": "saved", "fr": "enregistré"],
        "ask_refused": ["en": "'%1' cannot be taken here; expected: %2", "fr": "«\u{a0}%1\u{a0}» ne peut pas être retenu ici\u{a0}; attendu\u{a0}: %2"],
        "ask_source": ["en": "Source of this answer (a document, a survey, an interview; Enter to skip)?",
                       "fr": "Source de cette réponse (document, enquête, entretien\u{a0}; Entrée pour passer)\u{a0}?"],
        "most_frequent": ["en": "Most frequent findings", "fr": "Constats les plus fréquents"],
        "no": ["en": "no", "fr": "non"],
        "strengths": ["en": "Strengths", "fr": "Points d'appui"],
        "training_plan": ["en": "Training plan", "fr": "Plan de formation"],
        "training_total": ["en": "Total", "fr": "Total"],
        "training_incomplete": ["en": "trainings whose size the profile does not give are not counted",
                                "fr": "les formations dont le profil ne donne pas la taille ne sont pas comptées"],
        "participants_unknown": ["en": "audience size unknown", "fr": "effectif inconnu"],
        "training_none_known": ["en": "No audience size is known yet: the answers listed above will give it.",
                                "fr": "Aucun effectif n'est encore connu\u{a0}: les réponses indiquées ci-dessus permettront de le calculer."],
        "participant": ["en": "participant", "fr": "participant"],
        "enrolment": ["en": "enrolment", "fr": "inscription"],
        "enrolments": ["en": "enrolments", "fr": "inscriptions"],
        "participants": ["en": "participants", "fr": "participants"],
        "group": ["en": "group", "fr": "groupe"],
        "groups": ["en": "groups", "fr": "groupes"],
        "groups_of": ["en": "%1 (up to %2 each)", "fr": "%1 (%2 places au plus)"],
        "days_per_group": ["en": "%1 per group", "fr": "%1 par groupe"],
        "day": ["en": "day", "fr": "jour"],
        "days": ["en": "days", "fr": "jours"],
        "trainer_day": ["en": "trainer-day", "fr": "jour-formateur"],
        "trainer_days": ["en": "trainer-days", "fr": "jours-formateur"],
        "in_place": ["en": "Already in place", "fr": "Déjà en place"],
        "in_place_note": ["en": "These actions are not recommended again; the roadmap builds on them.",
                          "fr": "Ces actions ne sont pas recommandées à nouveau\u{a0}; la feuille de route s'appuie sur elles."],
        "builds_on": ["en": "Builds on", "fr": "S'appuie sur"],
        "covers": ["en": "Related findings", "fr": "Constats rattachés"],
        "other_findings": ["en": "Other findings", "fr": "Autres constats"],
        "later": ["en": "In a second stage", "fr": "Dans un second temps"],
        "later_note": ["en": "Once the actions above are under way:",
                       "fr": "Une fois les actions ci-dessus engagées\u{a0}:"],
        "phase_stage": ["en": "Phase %1 — %2", "fr": "Phase %1 — %2"],
        "stage": ["en": "Stage", "fr": "Étape"],
        "priority": ["en": "Why it ranks here", "fr": "Justification"],
        "answers_one": ["en": "answers one %1 finding", "fr": "répond à un constat %1"],
        "answers_all": ["en": "answers %1 %2 findings", "fr": "répond à %1 constats %2"],
        "answers_some": ["en": "answers %1 findings, %2 of them %3", "fr": "répond à %1 constats, dont %2 %3"],
        "impact_effort": ["en": "%1 impact, %2 effort", "fr": "impact %1, effort %2"],
        "prerequisite_only": ["en": "needed by other actions", "fr": "préalable à d'autres actions"],
        "severity_critical": ["en": "critical", "fr": "critique"],
        "severity_critical_plural": ["en": "critical", "fr": "critiques"],
        "severity_high": ["en": "high-severity", "fr": "de gravité élevée"],
        "severity_medium": ["en": "medium-severity", "fr": "de gravité moyenne"],
        "severity_low": ["en": "low-severity", "fr": "de gravité faible"],
        "impact_high": ["en": "high", "fr": "fort"],
        "impact_medium": ["en": "medium", "fr": "moyen"],
        "impact_low": ["en": "low", "fr": "faible"],
        "effort_high": ["en": "high", "fr": "élevé"],
        "effort_medium": ["en": "medium", "fr": "moyen"],
        "effort_low": ["en": "low", "fr": "faible"],
        "context": ["en": "Context", "fr": "Contexte"],
        "consultant_messages": ["en": "The consultancy's key messages", "fr": "Messages clés du cabinet"],
        "key_messages": ["en": "Key messages from the diagnosis", "fr": "Messages clés du diagnostic"],
        "strengths_lead": ["en": "What to build on", "fr": "Sur quoi s'appuyer"],
        "findings_of_which": ["en": "%1, %2 of them %3", "fr": "%1, dont %2 %3"],
        "findings_all": ["en": "%1 %2 findings", "fr": "%1 constats %2"],
        "owner": ["en": "Owner", "fr": "Porteur"],
        "consultancy_delivers": ["en": "The consultancy delivers", "fr": "Apport du cabinet"],
        "organisation_does": ["en": "The organisation", "fr": "Engagement de l'organisation"],
        "success_measure": ["en": "Success measure", "fr": "Indicateur de réussite"],
        "contents": ["en": "Contents", "fr": "Sommaire"],
        "continued": ["en": "(continued)", "fr": "(suite)"],
        "more_questions": ["en": "… and %1, for the next interviews.", "fr": "… et %1, à traiter lors des prochains entretiens."],
        "other_question": ["en": "one more question", "fr": "autre question"],
        "other_questions": ["en": "more questions", "fr": "autres questions"],
        "several_of": ["en": "one or more of: ", "fr": "un ou plusieurs parmi\u{a0}: "],
        "date_format": ["en": "YYYY-MM-DD", "fr": "AAAA-MM-JJ"],
        "csv_path": ["en": "File", "fr": "Fichier"],
        "csv_maturity": ["en": "Maturity: %1", "fr": "Maturité\u{a0}: %1"],
        "csv_critical": ["en": "Critical findings", "fr": "Constats critiques"],
        "csv_high": ["en": "High-severity findings", "fr": "Constats de gravité élevée"],
        "csv_medium": ["en": "Medium-severity findings", "fr": "Constats de gravité moyenne"],
        "csv_low": ["en": "Low-severity findings", "fr": "Constats de gravité faible"],
        "csv_unknown": ["en": "Points to confirm", "fr": "Points à confirmer"],
        "csv_first_actions": ["en": "First actions", "fr": "Premières actions"],
        "training_column": ["en": "Training", "fr": "Formation"],
        "participants_column": ["en": "Participants", "fr": "Participants"],
        "groups_column": ["en": "Groups", "fr": "Groupes"],
        "trainer_days_column": ["en": "Trainer-days", "fr": "Jours-formateur"],
        "cost_column": ["en": "Cost", "fr": "Coût"],
        "total_row": ["en": "Total", "fr": "Total"],
        "page": ["en": "page", "fr": "page"],
        "appendix": ["en": "Appendix: method and reference grid", "fr": "Annexe\u{a0}: méthode et grille de référence"],
        "method": ["en": "The method", "fr": "La méthode"],
        "method_note": ["en": "The roadmap follows the stages of the method in this order: an action comes after the actions of earlier stages that the roadmap holds.",
                        "fr": "La feuille de route suit les étapes de la méthode dans cet ordre\u{a0}: une action vient après celles des étapes précédentes que la feuille de route retient."],
        "maturity_grid": ["en": "The maturity grid", "fr": "La grille de maturité"],
        "edition": ["en": "Reference framework", "fr": "Référentiel"],
        "sources": ["en": "Sources", "fr": "Sources"],
        "thresholds": ["en": "Thresholds applied", "fr": "Seuils retenus"],
        "thresholds_note": ["en": "The thresholds the findings of this report were judged against, with where each comes from. The consultancy's judgement marks a value it proposes where no published threshold exists.",
                            "fr": "Les seuils auxquels les constats de ce rapport ont été mesurés, avec leur origine. Le jugement du cabinet désigne une valeur qu'il propose là où aucun seuil publié n'existe."],
        "judgement": ["en": "Consultancy's judgement", "fr": "Jugement du cabinet"],
        "judgement_on": ["en": "Consultancy's judgement, based on: %1", "fr": "Jugement du cabinet, fondé sur\u{a0}: %1"],
    ]

    /// The word for `key`, with `%1`, `%2`... replaced by `arguments`.
    func callAsFunction(_ key: String, _ arguments: String...) -> String {
        Self.filling(Self.table[key]?[language] ?? Self.table[key]?["en"] ?? key, with: arguments)
    }

    /// `template` with each `%N` replaced by the N-th argument, in one pass: an argument that
    /// itself holds `%2` (a profile's text) is copied as it is, never read as a placeholder.
    static func filling(_ template: String, with arguments: [String]) -> String {
        var result = ""
        var characters = template[...]
        while let percent = characters.firstIndex(of: "%") {
            result += characters[..<percent]
            let digits = characters[characters.index(after: percent)...].prefix { $0.isASCII && $0.isNumber }
            if let index = Int(digits), index >= 1, index <= arguments.count {
                result += arguments[index - 1]
                characters = characters[digits.endIndex...]
            } else {
                result.append("%")
                characters = characters[characters.index(after: percent)...]
            }
        }
        return result + characters
    }

    /// A value as it reads in a sentence of this language: `oui`, `3,5` in French; `yes`, `3.5` in English.
    func value(_ value: RuntimeValue) -> String {
        switch value {
        case .bool(let flag): return self(flag ? "yes" : "no")
        case .number(let number):
            // Thousands grouped (7 800, 7,800); beyond the grouping range, as written (1e+307).
            return amount(number)
        case .unknown: return "?"
        default: return value.plainText
        }
    }

    /// A fact's value, with the pack's label for an enum or set word when it has one.
    func value(_ value: RuntimeValue, of fact: FactDefinition?, fallback: String) -> String {
        if fact?.type == .date, case .string(let text) = value { return date(text) }
        guard let fact, !fact.valueLabels.isEmpty || !fact.values.isEmpty else { return self.value(value) }
        func label(_ word: String) -> String { fact.valueLabels[word]?.text(in: language, fallback: fallback) ?? word }
        switch value {
        case .string(let word): return label(word)
        case .set(let words):
            // In the order the pack declares the words, not alphabetical.
            let positions = fact.values.positions(by: { $0 })
            return words.sorted { (positions[$0] ?? Int.max, $0) < (positions[$1] ?? Int.max, $1) }.map(label).joined(separator: ", ")
        default: return self.value(value)
        }
    }

    /// A dimension not assessed, with the level proven so far: "not assessed (at least 2)".
    func notAssessed(atLeast level: Int) -> String {
        self("not_assessed") + (level > 0 ? " (\(self("at_least", String(level))))" : "")
    }

    /// A `because` sentence as a client reads it: each `{name}` filled with the evaluation's value,
    /// written as the language writes it (a word's label, a number, a date), then typeset.
    func because(_ template: String, in evaluation: Evaluation) -> String {
        let pack = evaluation.pack
        return typeset(evaluation.fill(template) { name, value, format in
            let notApplicable = evaluation.outcome(of: name)?.status == .notApplicable
            if case .select(let forms, let other) = format {
                // A diagnostic that does not apply selects as conditions read it: false.
                let selected: RuntimeValue = notApplicable ? .bool(false) : value
                return selected.word.flatMap { forms[$0] } ?? other
            }
            // A diagnostic that does not concern the organisation is not "no": it does not apply.
            if notApplicable { return self("x_status_not_applicable") }
            let written = { (value: RuntimeValue) in self.value(value, of: pack.fact(name), fallback: pack.metadata.defaultLanguage) }
            guard case .number(let number) = value else { return written(value) }
            switch format {
            case .absolute?:
                return written(.number(Swift.abs(number)))
            case .plural(let one, let other, let zero)?:
                if number == 0, let zero { return zero.replacingAll("#", with: written(value)) }
                let singular = language == "fr" ? Swift.abs(number) < 2 : number == 1
                return (singular ? one : other).replacingAll("#", with: written(value))
            case .select?, nil:
                return written(value)
            }
        })
    }

    /// A count and its noun, singular for 0 and 1 in French, for 1 only in English: `1 groupe`,
    /// `0 groupe`, `3 groups`.
    func count(_ value: Double, _ singular: String, _ plural: String) -> String {
        let one = language == "fr" ? value < 2 : value == 1
        return "\(amount(value))\u{a0}\(self(one ? singular : plural))"
    }

    /// A number grouped by thousands as the language writes it (`33 750,5` with narrow spaces in
    /// French, `33,750.5` in English), without a useless decimal part.
    func amount(_ value: Double) -> String {
        // Beyond grouping (1e+20, infinity), as written.
        guard value.isFinite, Swift.abs(value) < 1e15 else { return Value.format(value) }
        let text = Value.format((value * 100).rounded() / 100)
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        var whole = ""
        for (index, digit) in parts[0].reversed().enumerated() {
            if index > 0 && index % 3 == 0 { whole = (language == "fr" ? "\u{202f}" : ",") + whole }
            whole = String(digit) + whole
        }
        let decimals = parts.count > 1 ? (language == "fr" ? "," : ".") + parts[1] : ""
        return (negative ? "-" : "") + whole + decimals
    }

    /// A sum of money in `currency`: `33 750 €` in French, `€33,750` in English; the bare number without a currency.
    func money(_ value: Double, currency: String?) -> String {
        guard let currency else { return amount(value.rounded()) }
        return language == "fr" ? "\(amount(value.rounded()))\u{a0}\(currency)" : "\(currency)\(amount(value.rounded()))"
    }

    /// A training's size in words: "42 participants, 5 groups of 10, 4.5 days per group: 22.5 trainer-days, €33,750".
    func trainingSize(_ item: ReportModel.TrainingItem, currency: String?) -> String {
        guard let participants = item.participants else {
            return self("participants_unknown") + (item.missing.isEmpty ? "" : " (\(self("missing"))\(colon)\(item.missing.joined(separator: ", ")))")
        }
        var parts = [count(Double(participants), "participant", "participants")]
        if let groups = item.groups, let size = item.groupSize {
            parts.append(self("groups_of", count(Double(groups), "group", "groups"), amount(size)))
        }
        var text = parts.joined(separator: ", ")
        if let days = item.daysPerGroup { text += ", " + self("days_per_group", count(days, "day", "days")) }
        if let trainerDays = item.trainerDays {
            text += colon + count(trainerDays, "trainer_day", "trainer_days")
            if let cost = item.cost { text += ", " + money(cost, currency: currency) }
        }
        return text
    }

    /// The training plan's total in words, or that no size is known yet.
    func trainingTotal(_ model: ReportModel) -> String {
        let totals = model.trainingTotals
        guard totals.groups > 0 || totals.participants > 0 || totals.complete else { return self("training_none_known") }
        // One person in two trainings counts twice: the total counts enrolments, not people.
        var text = self("training_total") + colon + count(Double(totals.participants), "enrolment", "enrolments") + ", "
            + count(Double(totals.groups), "group", "groups") + ", " + count(totals.trainerDays, "trainer_day", "trainer_days")
        if let cost = totals.cost { text += ", " + money(cost, currency: model.currency) }
        if !totals.complete { text += " (\(self("training_incomplete")))" }
        return text
    }

    /// What an undecided diagnostic lacks, in words: the facts to collect, or that none applies.
    func lacking(_ missing: [String]) -> String {
        missing.isEmpty ? self("missing_none") : self("missing") + colon + missing.joined(separator: ", ")
    }

    /// Where a threshold comes from, in words: its citation, or the consultancy's judgement and
    /// what it rests on (the pack's text as written when it already opens by saying it is the
    /// consultancy's judgement); `nil` when the pack says neither.
    func basis(source: String?, judgement: Bool) -> String? {
        guard judgement else { return source }
        guard let source else { return self("judgement") }
        return source.hasPrefix(self("judgement")) ? source : self("judgement_on", source)
    }

    /// What answering a question would settle, in words: "would settle 2 open points".
    func settles(_ count: Int) -> String { self("decides", self.count(Double(count), "open_point", "open_points")) }

    /// A number with the decimal mark of the language.
    func number(_ number: Double) -> String { value(.number(number)) }

    /// A colon as typography wants it: `: ` in English, ` : ` in French.
    var colon: String { language == "fr" ? "\u{a0}: " : ": " }

    /// A value with its unit, held together and agreeing with the number: "24 % des produits"
    /// ("24% of income" in English), "1 projet", "3 projets"; the value alone without a unit.
    func value(_ value: RuntimeValue, unit unitText: String?, of fact: FactDefinition?, fallback: String) -> String {
        guard let unitText, !unitText.isEmpty, value.isKnown else { return self.value(value, of: fact, fallback: fallback) }
        var count = 2.0
        if case .number(let number) = value { count = number }
        let space = unitText.hasPrefix("%") && language != "fr" ? "" : "\u{a0}"
        return self.value(value, of: fact, fallback: fallback) + space + self.unit(unitText, for: count)
    }

    /// A fact's value with the fact's unit (its own, else its type's), in the language.
    func value(_ value: RuntimeValue, ofFact fact: FactDefinition, fallback: String) -> String {
        let unit = fact.unit.map { typeset($0.text(in: language, fallback: fallback)) } ?? fact.type.defaultUnit
        return self.value(value, unit: unit, of: fact, fallback: fallback)
    }

    /// A theme's findings counted by their gravest severity: "7 constats, dont 2 critiques",
    /// "3 constats critiques", "1 constat de gravité élevée".
    func findingCount(_ severities: [RuleSeverity]) -> String {
        guard let gravest = severities.min() else { return count(0, "finding", "findings_count") }
        let graveCount = severities.filter { $0 == gravest }.count
        let adjective = graveCount > 1 && gravest == .critical ? self("severity_critical_plural") : self("severity_" + gravest.rawValue)
        if severities.count == 1 { return count(1, "finding", "findings_count") + " " + adjective }
        if graveCount == severities.count { return self("findings_all", amount(Double(graveCount)), adjective) }
        return self("findings_of_which", count(Double(severities.count), "finding", "findings_count"), amount(Double(graveCount)), adjective)
    }

    /// The months from `start` to `end` in words: "octobre – décembre 2026", "novembre 2026 –
    /// janvier 2027", "octobre 2026" for one month.
    func months(_ start: CivilDate, _ end: CivilDate) -> String {
        let names = monthNames
        let last = "\(names[end.month - 1])\u{a0}\(end.year)"
        if start.year == end.year, start.month == end.month { return last }
        let first = start.year == end.year ? names[start.month - 1] : "\(names[start.month - 1])\u{a0}\(start.year)"
        return "\(first) – \(last)"
    }

    /// The two dates of a comparison: "Évaluée le 14 octobre 2025, puis le 22 septembre 2026".
    func comparisonDates(_ model: ComparisonModel) -> String {
        let date = { (written: String?) in written ?? self("date_unknown") }
        return self("diff_dates", date(model.beforeDate), date(model.afterDate))
    }

    /// A comparison's balance: "4 progrès, 1 recul", "4 improvements, 1 setback".
    func comparisonBalance(_ model: ComparisonModel) -> String {
        let balance = model.balance
        return count(Double(balance.better), "improvement", "improvements") + ", " + count(Double(balance.worse), "setback", "setbacks")
    }

    /// The report's summary line: "45 findings, 10 recommendations in 4 phases, 3 diagnostics
    /// left undecided", each count agreeing with its noun.
    func summaryLine(_ model: ReportModel) -> String {
        self("summary_line", count(Double(model.findings.count), "finding", "findings_count"),
             count(Double(model.currentActions.count), "recommendation", "recommendations_count"),
             count(Double(model.phaseCount), "phase_word", "phases_word"),
             count(Double(model.undecided.count), "undecided_diagnostic", "undecided_diagnostics"))
    }

    /// The typography of a text from a pack or a profile: a number held to the word after it
    /// ("9 jours ouvrés" never breaks after 9); in French also a no-break space before `%`, `:`,
    /// `;`, `?`, `!` and `»` and after `«`.
    func typeset(_ text: String) -> String {
        // One pass over the scalars finds the spaces to hold (most texts have none, and come back
        // as they are); a second over the bytes writes them as no-break spaces.
        let french = language == "fr"
        // ASCII answered directly: the Unicode properties are looked up for the other scalars only.
        func isNumber(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.numericType != nil
        }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) : scalar.properties.isAlphabetic
        }
        func holds(before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
            if let before, let after, isNumber(before), isLetter(after) { return true }
            guard french else { return false }
            switch after {
            case "%", ":", ";", "?", "!", "»": return true
            default: return before == "«"
            }
        }
        var held: [Int] = []
        var offset = 0
        var previous: Unicode.Scalar?
        var pendingSpace: (offset: Int, before: Unicode.Scalar?)?
        for scalar in text.unicodeScalars {
            if let space = pendingSpace, holds(before: space.before, after: scalar) { held.append(space.offset) }
            pendingSpace = scalar == " " ? (offset, previous) : nil
            previous = scalar
            offset += UTF8.width(scalar)
        }
        if let space = pendingSpace, holds(before: space.before, after: nil) { held.append(space.offset) }
        guard !held.isEmpty else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(offset + held.count)
        var nextHeld = 0
        for (index, byte) in text.utf8.enumerated() {
            if nextHeld < held.count, held[nextHeld] == index {
                bytes += [0xC2, 0xA0]
                nextHeld += 1
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A pack's unit agreeing with `value`: `jour(s) ouvré(s)` or `niveau(x)` take their plural
    /// ending from 2 in French (from anything but 1 in English); `signal sur 3|signaux sur 3`
    /// gives the singular or the plural form; any other unit is as written.
    func unit(_ text: String, for value: Double) -> String {
        let plural = language == "fr" ? Swift.abs(value) >= 2 : value != 1
        let forms = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        if forms.count == 2 { return String(plural ? forms[1] : forms[0]).trimmingSpaces }
        return text.replacingAll("(s)", with: plural ? "s" : "").replacingAll("(x)", with: plural ? "x" : "")
    }

    /// An ISO date written out in the language: `18 novembre 2026`, `18 November 2026`; other text as it is.
    func date(_ iso: String) -> String {
        guard let date = CivilDate(iso: iso) else { return iso }
        let day = language == "fr" && date.day == 1 ? "1er" : String(date.day)
        return "\(day)\u{a0}\(monthNames[date.month - 1]) \(date.year)"
    }

    /// The months' names in the language.
    private var monthNames: [String] {
        language == "fr"
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    }

    /// The separator of items that hold commas: `; `, with a non-breaking space before it in French.
    var semicolon: String { language == "fr" ? "\u{a0}; " : "; " }

    /// The colon without its trailing space: inside bold Markdown (`**Sources :**`) or before a
    /// line break.
    var bareColon: String { language == "fr" ? "\u{a0}:" : ":" }

    func severity(_ severity: RuleSeverity) -> String { self(severity.rawValue) }

    /// A roadmap item's priority in words, from the severities of the findings it answers (the
    /// gravest class named) and its impact and effort: "answers 3 findings, 1 of them critical;
    /// high impact, low effort". The score itself stays in the JSON report and `explain`.
    func priority(of item: RoadmapItem, severities: [RuleSeverity]) -> String {
        let magnitudes = self("impact_effort", self("impact_" + item.recommendation.impact.rawValue),
                              self("effort_" + item.recommendation.effort.rawValue))
        guard let gravest = severities.min() else { return self("prerequisite_only") + semicolon + magnitudes }
        let count = severities.filter { $0 == gravest }.count
        func adjective(plural: Bool) -> String {
            plural && gravest == .critical ? self("severity_critical_plural") : self("severity_" + gravest.rawValue)
        }
        let answers: String
        if severities.count == 1 {
            answers = self("answers_one", adjective(plural: false))
        } else if count == severities.count {
            answers = self("answers_all", String(count), adjective(plural: true))
        } else {
            answers = self("answers_some", String(severities.count), count == 1 && language == "fr" ? "un" : String(count),
                           adjective(plural: count > 1))
        }
        return answers + semicolon + magnitudes
    }

    /// An organisation kind as the pack names it in the language, typeset, or the kind's own word.
    func organisationKind(_ kind: String, in pack: RulePack) -> String {
        pack.metadata.organisationKindLabels[kind].map { typeset($0.text(in: language, fallback: pack.metadata.defaultLanguage)) } ?? kind
    }

    func kind(_ kind: Recommendation.Kind) -> String {
        kind == .organisation ? self("organisation_kind") : self(kind.rawValue)
    }
}

extension String {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
