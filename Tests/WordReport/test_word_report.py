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
    subprocess.run([BINARY, "report", str(profile), "--format", "docx", "-o", str(out), *args], check=True,
                   capture_output=True)
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
    assert phases and all("2026" in h or "2027" in h for h in phases), phases
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
                     "octobre – décembre 2026", "Indicateur de réussite"]:
        assert expected in text, expected
    # The footer's fields: "page N / total" on every page but the cover.
    assert f"page 2 / {pages}" in text and f"page {pages} / {pages}" in text
    assert pages >= 4
