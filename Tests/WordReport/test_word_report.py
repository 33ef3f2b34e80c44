"""`orgdiag report --format docx` read back as Word and LibreOffice read it.

Run by scripts/test after the Swift tests: python-docx (PyPI) opens the document and checks its
structure (Word heading styles, tables, the organisation's name, no raw ids, ISO dates or hash);
LibreOffice headless (Debian's libreoffice-writer-nogui) converts it to PDF and pdftotext reads
the pages. The binary is ORGDIAG_BINARY (default: the debug build).
"""
import os
import pathlib
import re
import shutil
import subprocess

import docx
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ORGDIAG_BINARY", str(ROOT / ".build" / "debug" / "orgdiag"))
STORY = ROOT / "fixtures" / "profiles" / "cci-val-de-loire-sud.yaml"
PROFILES = sorted(p for p in (ROOT / "fixtures" / "profiles").glob("*.yaml") if not p.name.endswith(".tests.yaml"))


def report(profile, out, *args):
    # The report's date fixed (26 November 2026), as the Swift tests fix it: the roadmap's dates follow it.
    subprocess.run([BINARY, "report", str(profile), "--format", "docx", "-o", str(out), *args], check=True,
                   capture_output=True, env={**os.environ, "SOURCE_DATE_EPOCH": "1795651200"})
    return docx.Document(str(out))


def all_text(document):
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def pack_ids():
    """Every id of the default pack: list items' `id:` and the keys of its top-level sections
    (facts, parameters, indicators, dimensions, stages, themes)."""
    ids = set()
    for path in (ROOT / "rules").rglob("*.yaml"):
        text = path.read_text()
        ids.update(re.findall(r"^\s*(?:- )?id:\s*([a-z][a-z0-9_]*)", text, re.M))
        ids.update(re.findall(r"^  ([a-z][a-z0-9_]*):", text, re.M))
    return ids


def headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("language,expected", [
    ("fr", ["Synthèse", "Maturité par dimension", "Constats", "Feuille de route", "Plan de formation",
            "Questions à poser ensuite", "Annexe\u00a0: méthode et grille de référence"]),
    ("en", ["Summary", "Maturity by dimension", "Findings", "Roadmap", "Training plan", "Questions to ask next",
            "Appendix: method and reference grid"]),
])
def test_story_profile_is_a_word_document_with_its_sections(tmp_path, language, expected):
    document = report(STORY, tmp_path / "story.docx", "--lang", language)
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == ["CCI Val-de-Loire Sud"]
    for heading in expected:
        assert heading in headings(document, 1), heading
    phases = [h for h in headings(document, 2) if h.startswith("Phase")]
    # Dated from the month after the assessment (September 2026), in order, each with its year.
    assert phases and "2026" in phases[0] and all(re.search(r"\b20\d\d\b", h) for h in phases), phases
    # Maturity, every action's details, the training plan and the grid are tables.
    assert len(document.tables) >= 4
    maturity = document.tables[0]
    assert len(maturity.rows) == 10 and len(maturity.columns) == 7
    text = all_text(document)
    owner = "Porteur" if language == "fr" else "Owner"
    measure = "Indicateur de réussite" if language == "fr" else "Success measure"
    assert owner in text and measure in text
    assert "Rapport de diagnostic — CCI Val-de-Loire Sud" in text or "Diagnostic report — CCI Val-de-Loire Sud" in text


@pytest.mark.parametrize("profile", PROFILES, ids=[p.stem for p in PROFILES])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_raw_id_hash_or_iso_date_reaches_the_document(tmp_path, profile, language):
    document = report(profile, tmp_path / "r.docx", "--lang", language)
    text = all_text(document)
    words = set(re.findall(r"[a-z][a-z0-9_]*", text))
    leaked = {w for w in words & pack_ids() if "_" in w}
    assert not leaked, leaked
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not re.search(r"\b[0-9a-f]{16}\b", text)


def test_hostile_text_is_escaped(tmp_path):
    hostile = "A & B <w:t>x</w:t> \"q\" \u0001\u001b[2J"
    profile = tmp_path / "hostile.yaml"
    profile.write_text('organisation: {name: "%s", kind: cci}\nfacts:\n  named_sponsor: false\n'
                       % hostile.replace("\u0001", "\\x01").replace("\u001b", "\\e").replace('"', '\\"'))
    document = report(profile, tmp_path / "h.docx", "--lang", "en")
    title = [p.text for p in document.paragraphs if p.style.name == "Title"]
    assert title == ["A & B <w:t>x</w:t> \"q\" \ufffd\ufffd[2J"]


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="needs libreoffice-writer-nogui")
def test_libreoffice_converts_it_to_pdf_with_page_numbers(tmp_path):
    report(STORY, tmp_path / "story.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "story.docx")],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "story.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for expected in ["CCI Val-de-Loire Sud", "Feuille de route", "Engagement et parrainage actif de la direction",
                     "décembre 2026 – février 2027", "Indicateur de réussite"]:
        assert expected in text, expected
    # The footer's fields: "page N / total" on every page but the cover.
    assert f"page 2 / {pages}" in text and f"page {pages} / {pages}" in text
    assert pages >= 4


FUZZ = [p for folder in ("seeds", "regressions") for p in sorted((ROOT / "Tests" / "Fuzz" / folder / "word").glob("*"))]


def yaml_string(text):
    """A YAML double-quoted scalar holding `text` exactly: every character YAML would not take
    raw (controls, quotes, backslashes, noncharacters) as an escape."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\' or code < 0x20 or 0x7F <= code <= 0x9F or code in (0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF:
            out.append("\\x%02x" % code if code < 0x100 else "\\u%04x" % code)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def xml_text(text):
    """What a text becomes in the document, as python-docx reads it back: tabs and line breaks as
    themselves (Word's own elements), what XML cannot hold as U+FFFD (SafeText.xml)."""
    def one(char):
        code = ord(char)
        if char in "\t\n":
            return char
        if code <= 0x1F or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in (0xFFFE, 0xFFFF):
            return "\ufffd"
        return char
    return "".join(one(c) for c in text)


@pytest.mark.parametrize("case", FUZZ, ids=[p.name for p in FUZZ])
def test_fuzz_inputs_give_documents_word_reads(tmp_path, case):
    """The Word fuzz target's seeds and findings, as a consultant could type them in a profile:
    python-docx must open the document and read the name back."""
    pieces = [piece.decode("utf-8", errors="replace") for piece in case.read_bytes().split(b"\0", 4)]
    pieces += [""] * (5 - len(pieces))
    name = pieces[0] if pieces[0].strip() else "Organisation"
    profile = tmp_path / "fuzz.yaml"
    profile.write_text(
        "organisation: {name: %s, kind: cci, assessed_on: 2026-09-22}\n" % yaml_string(name)
        + "facts:\n  named_sponsor: false\n"
        + "evidence:\n  named_sponsor: %s\n" % yaml_string(pieces[3])
        + "summary:\n  context: %s\n  key_messages: [%s, %s]\n" % (yaml_string(pieces[1]), yaml_string(pieces[2]), yaml_string(pieces[4])),
        encoding="utf-8")
    document = report(profile, tmp_path / "fuzz.docx", "--lang", "en")
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [xml_text(name)]
