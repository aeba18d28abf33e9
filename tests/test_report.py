# Tests of mediaframes.report. Every table and text here is INVENTED for the tests.
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from mediaframes import framing, report

INJECTION = 'Evil #set page(width: 1pt) *star* $x^2$ _under_ @ref <lab> ]) \\ #"oops"'


def invented_tables(folder: Path) -> Path:
    """Write INVENTED pipeline tables (two actors, Cyrillic and French names) to folder."""
    folder.mkdir(parents=True, exist_ok=True)
    text0 = "Кремль said the talks with Élysée would go on."
    text1 = "“We reject this,” said Élysée, according to Кремль."
    text2 = f"Narration line with {INJECTION}."
    statements = pd.DataFrame(
        {
            "article_id": ["inv1"] * 4,
            "statement_id": ["inv1:000", "inv1:001", "inv1:002", "inv1:003"],
            "speaker": ["kremlin_actor", "Élysée", "", "kremlin_actor"],
            "speaker_type": ["actor", "other", "narration", "actor"],
            "source": ["Кремль", "Кремль", "", ""],
            "source_actor": ["kremlin_actor", "", "", ""],
            "addressee": ["", "", "", ""],
            "quote_type": ["indirect", "direct", "narration", "mixed"],
            "reporting_verb": ["said", "said", "", "stressed"],
            "section": ["headline", "body", "body", "body"],
            "text": [text0, text1, text2, "It stressed “lasting peace” again."],
            "quote_text": [
                "the talks with Élysée would go on",
                "We reject this",
                "",
                "lasting peace",
            ],
            "char_start": [0, 50, 120, 200],
            "char_end": [0 + len(text0), 50 + len(text1), 120 + len(text2), 234],
            "quote_start": [12, 51, 120, 212],
            "quote_end": [45, 65, 120, 225],
            "rule": ["r"] * 4,
        }
    )
    statements.to_csv(folder / "statements.csv", index=False)
    pd.DataFrame(
        {
            "article_id": ["inv1"],
            "headline": [f"Invented headline: Кремль and Élysée {INJECTION}"],
            "standfirst": [""],
            "dateline": [""],
            "date": ["2031-05-04"],
            "date_inferred": [False],
            "outlet": ["The Invented Courier"],
            "language": ["en"],
            "n_words": [123],
            "source_path": ["inv1.txt"],
        }
    ).to_csv(folder / "articles.csv", index=False)
    pd.DataFrame(
        {
            "statement_id": [
                "inv1:000",
                "inv1:000",
                "inv1:001",
                "inv1:001",
                "inv1:003",
                "inv1:003",
            ],
            "method": ["vader", "afinn"] * 3,
            "score": [0.4, 0.2, -0.6, -0.5, 0.7, 0.3],
            "label": ["positive", "positive", "negative", "negative", "positive", "positive"],
            "text_scored": ["x"] * 6,
        }
    ).to_csv(folder / "sentiment.csv", index=False)
    pd.DataFrame(
        {
            "speaker": ["kremlin_actor", "kremlin_actor", "Élysée", "Élysée"],
            "method": ["afinn", "vader", "afinn", "vader"],
            "n": [2, 2, 1, 1],
            "mean": [0.25, 0.5537, -0.5, -0.6],
            "median": [0.25, 0.55, -0.5, -0.6],
            "ci_low": [0.2, 0.4, None, None],
            "ci_high": [0.3, 0.7, None, None],
            "note": ["n too small to conclude (n < 10)"] * 2 + ["CI undefined (n < 2)"] * 2,
        }
    ).to_csv(folder / "sentiment_by_actor.csv", index=False)
    pd.DataFrame(
        {
            "statement_id": ["inv1:000", "inv1:003"],
            "codebook": ["conflict_diplomacy"] * 2,
            "frame": ["diplomacy", "diplomacy"],
            "cue": ["talks", "peace"],
            "char_start": [21, 220],
            "char_end": [26, 225],
            "rule": ["cue:talks", "cue:peace"],
        }
    ).to_csv(folder / "frames.csv", index=False)
    pd.DataFrame(
        {
            "speaker": ["kremlin_actor"],
            "codebook": ["conflict_diplomacy"],
            "frame": ["diplomacy"],
            "n_statements": [2],
            "share": [1.0],
        }
    ).to_csv(folder / "frames_by_actor.csv", index=False)
    # the codebook the run used, as the run records it (its packaged one here)
    framing.codebook_table(framing.load_codebook("conflict_diplomacy")).to_csv(
        folder / "codebook.csv", index=False
    )
    return folder


MANIFEST = {
    "run_id": "invented-run",
    "git_commit": "0123abcd",
    "corpus": {"content_hash": "f" * 64, "files": 1},
    "parameters": {"seed": 0, "report_title": INJECTION},
    "packages": {"typst": "0.15.2", "pandas": "3.1.1"},
    "notebooks": [{"name": "01_corpus.ipynb", "status": "ok", "seconds": 1.5}],
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("run")
    invented_tables(out / "tables")
    (pdf,) = report.build_report(out, title="Invented report", run_info=MANIFEST)
    return pdf, report.pdf_text(pdf)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_has_sections_names_and_caveat(built: tuple[Path, str]) -> None:
    pdf, text = built
    assert pdf.read_bytes().startswith(b"%PDF")
    flat = _flat(text)
    assert "Кремль" in text and "Élysée" in text
    for heading in ("Corpus", "Methods", "Results", "Evidence", "Limitations", "Reproducibility"):
        assert heading in text
    from mediaframes.sentiment import SENTIMENT_CAVEAT

    assert flat.count(_flat(SENTIMENT_CAVEAT)[:60]) == 1  # (once, in the methods)
    assert "are highlighted, and frame cues are underlined" in flat
    assert "Hutto & Gilbert 2014" in flat
    assert "mediaframes validate export-frames, then score-frames" in flat  # (how to check)
    assert "0123abcd" in text and "f" * 64 in text
    assert "def " not in text and "report_data" not in text  # no code in the PDF
    # no space before a full stop or comma from a template line break ("narration .")
    assert not re.search(r"[a-z] [.,](?:\s|$)", flat), re.search(r".{40}[a-z] [.,]\s.{20}", flat)


def test_pdf_wording_fits_any_corpus(tmp_path: Path) -> None:
    """Defect 19 of accept14c: no wording written for diplomacy alone, with or without paired
    accounts (INVENTED tables: the second run has two sides reported by their own offices)."""
    folder = invented_tables(tmp_path / "run" / "tables")
    texts = [_flat(report.pdf_text(report.build_report(folder.parent, run_info=MANIFEST)[0]))]
    st = pd.read_csv(folder / "statements.csv", keep_default_na=False)
    st.loc[1, "source_actor"] = "elysee_actor"  # a second side's office, in the same article
    st.to_csv(folder / "statements.csv", index=False)
    (pdf,) = report.build_report(folder.parent, run_info=MANIFEST)
    texts.append(_flat(report.pdf_text(pdf)))
    assert report.paired_readouts(st) == 1
    for text in texts:
        for phrase in ("Diplomatic", "state of relations", "Readouts are not", "a readout)"):
            assert phrase not in text, phrase
    assert "Accounts are not events" in texts[1] and "Sides, not accounts" in texts[0]


def test_pdf_numbers_equal_the_tables(built: tuple[Path, str]) -> None:
    pdf, text = built
    tables = pdf.parent / "tables"
    st = pd.read_csv(tables / "statements.csv", keep_default_na=False)
    by = pd.read_csv(tables / "sentiment_by_actor.csv")
    flat = _flat(text)
    n_kremlin = int((st["speaker"] == "kremlin_actor").sum())
    assert re.search(rf"kremlin_actor( \d+)+ {n_kremlin}\b", flat), "statements per speaker row"
    assert f"found {len(st)} statements" in flat
    row = by[(by["speaker"] == "kremlin_actor") & (by["method"] == "vader")].iloc[0]
    assert f"kremlin_actor vader {int(row['n'])} {report.fmt_score(row['mean'])}" in flat
    assert report.fmt_score(row["mean"]) == "+0.55"
    # a speaker with one statement (no interval) is counted, not listed, beside longer ones
    assert "Élysée afinn" not in flat
    assert "Not listed: 1 speaker with a single scored statement" in flat
    assert f"({len(pd.read_csv(tables / 'sentiment.csv'))} statement scores in all" in flat
    assert "123 words" in flat
    # the frame definitions of the codebook are in the methods
    assert "Diplomacy" in text


def test_user_text_cannot_inject_markup(built: tuple[Path, str]) -> None:
    _, text = built
    flat = _flat(text)
    for token in (
        "#set page(width: 1pt)",
        "*star*",
        "$x^2$",
        "_under_",
        "@ref",
        "<lab>",
        '#"oops"',
    ):
        assert token in flat, token


def test_evidence_highlights_the_quote() -> None:
    segs = report.highlight_segments(
        "He said “yes” today.", 100, [(109, 112, "quote"), (109, 110, "cue")]
    )
    assert [s["kind"] for s in segs] == ["plain", "cue", "quote", "plain"]
    assert "".join(s["text"] for s in segs) == "He said “yes” today."


@pytest.mark.parametrize(
    ("verb", "shown"),
    [
        (":", ""),  # a headline's "Name: '…'"
        ("was unmoved:", "was unmoved"),  # a colon-introduced quote
        ("said", "said"),
        ("told", "told"),
        ("", ""),
        (float("nan"), ""),
        (" , ", ""),
    ],
)
def test_shown_verb(verb: object, shown: str) -> None:
    assert report.shown_verb(verb) == shown


def test_evidence_lines_show_no_colon_verb(tmp_path: Path) -> None:
    """INVENTED tables: a colon recorded as the reporting verb shows as no verb at all."""
    folder = invented_tables(tmp_path / "tables")
    st = pd.read_csv(folder / "statements.csv", keep_default_na=False)
    st["reporting_verb"] = [":", ":", "", "stressed:"]
    st.to_csv(folder / "statements.csv", index=False)
    evidence = report.report_data(report.read_tables(folder))["evidence"]
    verbs = {e["statement_id"]: e["reporting_verb"] for e in evidence}
    assert verbs and set(verbs.values()) <= {"", "stressed"}, verbs
    assert verbs.get("inv1:003") == "stressed", verbs


def test_evidence_lines_are_not_justified() -> None:
    """A wrapped evidence line must not stretch the spaces around "·" (accept15d defect 11)."""
    from mediaframes import paths

    typ = paths.resource("report/report.typ").read_text(encoding="utf-8")
    block = typ[typ.index("#for e in data.evidence") :]
    block = block[: block.index("Speaker: #e.speaker")]
    assert "#set par(justify: false)" in block


def test_two_builds_give_identical_bytes(built: tuple[Path, str], tmp_path: Path) -> None:
    pdf, _ = built
    again = tmp_path / "again.pdf"
    report.build_report(
        pdf.parent / "tables", pdf.parent / "figures", MANIFEST, again, title="Invented report"
    )
    assert again.read_bytes() == pdf.read_bytes()
    assert again.with_suffix(".json").is_file()


def test_empty_tables_still_build(tmp_path: Path) -> None:
    (pdf,) = report.build_report(tmp_path, title="Empty", run_info={})
    text = report.pdf_text(pdf)
    assert "No statement was attributed" in _flat(text)


def test_typst_error_names_the_template(tmp_path: Path) -> None:
    bad = tmp_path / "bad.typ"
    bad.write_text("#let x = (\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="bad.typ"):
        report.compile_pdf({"figures": []}, tmp_path / "x.pdf", template=bad)
    assert not (tmp_path / "x.pdf").exists()


def _failing_tagger(calls: list[bool], message: str):
    """A stand-in for ``typst.compile`` whose tagged PDF fails with ``message``."""
    import typst

    real = typst.compile

    def fake(*args, pdf_tags: bool = True, **kwargs):
        calls.append(pdf_tags)
        if pdf_tags:
            exc = typst.TypstError(message)
            exc.message, exc.diagnostic = message, ""
            raise exc
        return real(*args, pdf_tags=pdf_tags, **kwargs)

    return fake


def test_typst_tagger_internal_error_gives_an_untagged_pdf(tmp_path, monkeypatch) -> None:
    """Typst's tagger can fail on one layout ("internal error: parent group", acceptance test
    20b: a report of four INVENTED leaders and a bank): the PDF is made without tags."""
    import typst

    calls: list[bool] = []
    monkeypatch.setattr(typst, "compile", _failing_tagger(calls, "internal error: parent group"))
    with pytest.warns(UserWarning, match="without accessibility tags"):
        data = report.report_data(report.read_tables(tmp_path / "none"), {}, title="Invented")
        pdf = report.compile_pdf(data, tmp_path / "x.pdf")
    assert calls == [True, False]
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_typst_other_errors_are_not_retried(tmp_path, monkeypatch) -> None:
    import typst

    calls: list[bool] = []
    monkeypatch.setattr(typst, "compile", _failing_tagger(calls, "unknown variable: x"))
    with pytest.raises(RuntimeError, match="unknown variable"):
        report.compile_pdf({"figures": []}, tmp_path / "x.pdf")
    assert calls == [True]
    assert not (tmp_path / "x.pdf").exists()


def test_formatting() -> None:
    assert report.fmt_score(-0.004) == "−0.00"  # rounds to 0, keeps its sign
    assert report.fmt_score(-0.25) == "−0.25"
    assert report.fmt_share(1 / 3) == "33%"


def test_readout_divergence_is_counted_per_frame_not_per_row(tmp_path: Path) -> None:
    """A frame one-sided in two articles is named once, with its articles (INVENTED rows)."""
    folder = invented_tables(tmp_path / "run" / "tables")
    pd.DataFrame(
        {
            "article_id": ["inv1", "inv1", "inv2", "inv2"],
            "side": ["keld", "keld", "keld", "marrow"],
            "other_side": ["marrow", "marrow", "marrow", "keld"],
            "kind": ["frame"] * 4,
            "codebook": ["conflict_diplomacy"] * 4,
            "item": ["sovereignty", "economic", "sovereignty", "economic"],
            "n_side": [1, 1, 2, 2],
            "evidence": ["border", "grain", "border", "tariffs"],
        }
    ).to_csv(folder / "readout_divergence.csv", index=False)
    (pdf,) = report.build_report(folder.parent, title="Invented report", run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf))
    assert "sovereignty and sovereignty" not in text
    assert "keld, not marrow: economic (1 article) and sovereignty (2 articles)" in text
    assert "sovereignty (3 statements in 2 articles" in text
    assert "marrow, not keld: economic (1 article)" in text


def test_in_brief_names_the_other_side_with_three_sides(tmp_path: Path) -> None:
    """Defect 14 of accept14c: with three sides, each entry of "In brief" names both sides
    (INVENTED rows), as the divergence section does, so no side is listed twice unqualified."""
    folder = invented_tables(tmp_path / "run" / "tables")
    pd.DataFrame(
        {
            "article_id": ["inv1", "inv1", "inv2", "inv2"],
            "side": ["keld", "keld", "marrow", "oska"],
            "other_side": ["marrow", "oska", "keld", "keld"],
            "kind": ["frame"] * 4,
            "codebook": ["conflict_diplomacy"] * 4,
            "item": ["sovereignty", "economic", "economic", "security"],
            "n_side": [1, 1, 2, 2],
            "evidence": ["border", "grain", "tariffs", "troops"],
        }
    ).to_csv(folder / "readout_divergence.csv", index=False)
    (pdf,) = report.build_report(folder.parent, title="Invented report", run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf))
    brief = text[text.index("In brief.") : text.index("Corpus")]
    keld = "keld, not marrow: sovereignty (1 article); keld, not oska: economic (1 article)"
    assert keld in brief
    assert "marrow, not keld: economic (1 article); oska, not keld: security (1 article)" in brief
    assert not re.search(r"(: |; )(keld|marrow|oska): ", brief)


def test_subtitle_counts_articles_of_unknown_outlet_and_date(tmp_path: Path) -> None:
    folder = invented_tables(tmp_path / "run" / "tables")
    arts = pd.read_csv(folder / "articles.csv")
    extra = arts.assign(article_id="inv2", outlet=None, date=None)
    pd.concat([arts, extra]).to_csv(folder / "articles.csv", index=False)
    (pdf,) = report.build_report(folder.parent, title="Invented report", run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf))
    assert "on 2 articles from The Invented Courier (1 of unknown outlet)" in text
    assert "2031-05-04 (1 undated)" in text


def invented_comparisons(folder: Path) -> Path:
    """INVENTED comparison tables beside :func:`invented_tables`: three articles, two sides."""
    pd.DataFrame(
        {
            "article_id": ["inv1", "inv2", "inv3", "inv1"],
            "side": ["keld", "keld", "keld", "marrow"],
            "other_side": ["marrow", "marrow", "marrow", "keld"],
            "kind": ["frame"] * 4,
            "codebook": ["conflict_diplomacy"] * 4,
            "item": ["sovereignty", "sovereignty", "sovereignty", "economic"],
            "n_side": [3, 1, 2, 1],
            "evidence": ["recognition; territory", "border", "border; recognition", "grain"],
        }
    ).to_csv(folder / "readout_divergence.csv", index=False)
    rows = [  # article, section, kind, rank, item
        ("inv1", "headline", "speaker", 1, "keld"),
        ("inv1", "headline", "frame", 1, "security"),
        ("inv1", "headline", "frame", 1, "diplomacy"),  # (tied with security)
        ("inv1", "body", "speaker", 1, "marrow"),
        ("inv1", "body", "frame", 1, "diplomacy"),
        ("inv2", "headline", "speaker", 1, "keld"),
        ("inv2", "headline", "frame", 1, "diplomacy"),
        ("inv2", "body", "speaker", 1, "keld"),
        ("inv2", "body", "speaker", 2, "marrow"),
        ("inv2", "body", "frame", 1, "diplomacy"),
        ("inv3", "headline", "speaker", 1, "marrow"),
        ("inv3", "headline", "frame", 1, "economic"),
        ("inv3", "body", "frame", 1, "economic"),
        ("inv3", "body", "mentioned", 1, "keld"),
    ]
    hvb = pd.DataFrame(rows, columns=["article_id", "section", "kind", "rank", "item"])
    hvb.assign(codebook="", count=1, first_char=0, elsewhere=True).to_csv(
        folder / "headline_vs_body.csv", index=False
    )
    pd.DataFrame(
        {
            "article_id": ["inv1"] * 3,
            "statement_id": ["inv1:000", "inv1:002", "inv1:003"],
            "voice": ["narration", "narration", "kremlin_actor"],
            "mode": ["reported", "narration", "quoted"],
            "pair": ["territorial_control"] * 3,
            "variant": ["legitimate"] * 3,
            "term": ["sovereignty over"] * 3,
            "cue": ["sovereignty over"] * 3,
            "char_start": [10, 130, 210],
            "char_end": [26, 146, 226],
        }
    ).to_csv(folder / "loaded_terms.csv", index=False)
    return folder


def test_comparison_data_counts_and_cues(tmp_path: Path) -> None:
    folder = invented_comparisons(invented_tables(tmp_path / "tables"))
    cmp = report.report_data(report.read_tables(folder))["comparisons"]
    # every article's cues, most frequent first, not the first article's alone
    keld = next(d for d in cmp["divergence"] if d["side"] == "keld")
    assert keld["frames"] == [
        {"frame": "sovereignty", "n": 6, "n_articles": 3,
         "evidence": "border; recognition; territory", "negated_only": False},
    ]  # fmt: skip
    # what leads, counted in articles (as Figure 6 counts), not the union over articles
    head = next(x for x in cmp["leads"] if x["section"] == "headline")
    assert head["n_articles"] == 3
    assert head["speakers"] == [
        {"item": "keld", "n": 2, "id": "keld"}, {"item": "marrow", "n": 1, "id": "marrow"},
    ]  # fmt: skip
    assert head["frames"] == [
        {"item": "diplomacy", "n": 2, "id": "diplomacy"},
        {"item": "economic", "n": 1, "id": "economic"},
        {"item": "security", "n": 1, "id": "security"},
    ]
    table = cmp["lead_table"]
    assert table["n_articles"] == 3 and table["sections"] == ["headline", "body"]
    assert [(r["kind"], r["item"], r["cells"]) for r in table["rows"]] == [
        ("speaker", "keld", ["2", "1"]),
        ("speaker", "marrow", ["1", "1"]),
        ("frame", "diplomacy", ["2", "2"]),
        ("frame", "economic", ["1", "1"]),
        ("frame", "security", ["1", "–"]),
    ]
    # contested terms keep the mode: a paraphrase names the speaker it reports
    assert [(t["voice"], t["mode"], t["n"]) for t in cmp["loaded_terms"]] == [
        ("kremlin_actor", "quoted", 1),
        ("narration", "narration", 1),
        ("narration", "reported speech of kremlin_actor", 1),
    ]


def test_comparisons_in_the_pdf(tmp_path: Path) -> None:
    folder = invented_comparisons(invented_tables(tmp_path / "run" / "tables"))
    (pdf,) = report.build_report(folder.parent, title="Invented report", run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf))
    assert "sovereignty (6 statements in 3 articles; cues “border; recognition; territory”)" in text
    assert "articles (of 3) in which it speaks first there: headline: keld (2) and" in text
    assert "Kind Item headline body" in text
    assert "frame security 1 –" in text
    assert "Voice Mode n" in text
    assert "narration reported speech of kremlin_actor 1" in text


@pytest.mark.parametrize(
    ("frame_words", "says"),
    [
        (None, "occurs in it (its whole sentence, the journalist's words around the reported"),
        ("reported", "occurs in its reported words (the speaker's words only"),
    ],
)
def test_methods_say_where_frame_cues_are_looked_for(
    tmp_path: Path, frame_words: str | None, says: str
) -> None:
    """The framing method's prose follows the run's ``frame_words`` parameter."""
    invented_tables(tmp_path / "tables")
    params = {"seed": 0} if frame_words is None else {"seed": 0, "frame_words": frame_words}
    (pdf,) = report.build_report(tmp_path, title="Invented report", run_info={"parameters": params})
    text = _flat(report.pdf_text(pdf)).replace("\u2019", "'")
    assert says in text


# --- sides, counts that add up, quarantine, quoted words, names (all INVENTED) ---------------


# (speaker, speaker_type, source_actor, (own side, other side))
@pytest.mark.parametrize(
    ("speaker", "kind", "via", "expected"),
    [
        ("vorenko", "actor", "vorenko", (1, 0)),  # her office
        ("vorenko", "actor", "brandvik", (0, 1)),  # the other leader's readout
        ("vorenko", "actor", "", (0, 0)),  # in person
        ("Ansel Duric", "other", "vorenko", (1, 0)),  # her spokesman: her side, not the other
        ("Ansel Duric", "other", "", (0, 0)),
        ("brandvik+vorenko", "joint", "vorenko", (1, 0)),
        ("brandvik+vorenko", "joint", "kessler", (0, 1)),
        # both leaders' offices report their joint statement: their own side (defect 3 of 14b)
        ("brandvik+vorenko", "joint", "brandvik+vorenko", (1, 0)),
        ("vorenko", "actor", "brandvik+vorenko", (1, 0)),  # her office is one of the two
        ("vorenko", "actor", "brandvik+kessler", (0, 1)),
    ],
)
def test_side_counts(speaker: str, kind: str, via: str, expected: tuple[int, int]) -> None:
    assert report.side_counts(speaker, kind, via) == expected


def _sides_statements() -> pd.DataFrame:
    spec = [  # speaker, speaker_type, source_actor
        ("vorenko", "actor", "vorenko"),
        ("vorenko", "actor", ""),
        ("brandvik", "actor", "vorenko"),
        ("Ansel Duric", "other", "vorenko"),
        ("Řehoř Dvořáková-Lind", "other", ""),
        ("brandvik+vorenko", "joint", ""),
        ("", "unknown", ""),
        ("", "narration", ""),
    ]
    return pd.DataFrame(
        {
            "article_id": ["inv9"] * len(spec),
            "statement_id": [f"inv9:{i:03d}" for i in range(len(spec))],
            "speaker": [s for s, _, _ in spec],
            "speaker_type": [k for _, k, _ in spec],
            "source_actor": [v for _, _, v in spec],
            "quote_type": ["indirect"] * (len(spec) - 1) + ["narration"],
        }
    )


def test_statement_counts_add_up_and_sides() -> None:
    names = {"vorenko": "Talia Vorenko", "brandvik": "Oskar Brandvik"}
    st = report._statements(_sides_statements(), names)
    assert st["n_actor"] + st["n_joint"] + st["n_other"] == st["n_attributed"]
    assert st["n_attributed"] + st["n_narration"] + st["n_unknown"] == st["n"]
    assert (st["n_actor"], st["n_joint"], st["n_other"], st["n_unknown"]) == (3, 1, 2, 1)
    rows = {p["speaker"]: (p["via_own"], p["via_other"], p["n"]) for p in st["per_speaker"]}
    assert rows["Talia Vorenko"] == (1, 0, 2)
    assert rows["Oskar Brandvik"] == (0, 1, 1)
    assert rows["Ansel Duric"] == (1, 0, 1)  # a spokesman is not the other side
    assert rows["Oskar Brandvik and Talia Vorenko"] == (0, 0, 1)
    assert "vorenko" not in rows


def test_counts_quarantine_and_names_in_the_pdf(tmp_path: Path) -> None:
    folder = invented_tables(tmp_path / "tables")
    _sides_statements().assign(
        addressee="", source="", reporting_verb="said", section="body", text="x.",
        quote_text="", char_start=0, char_end=2, quote_start=0, quote_end=0, rule="r",
    ).to_csv(folder / "statements.csv", index=False)  # fmt: skip
    pd.DataFrame(
        {
            "source_path": ["raw/401_empty.txt", "raw/404_broken.jsonl#2"],
            "reason": ["empty", "malformed_record"],
            "detail": ["file has 0 bytes", "invalid JSON"],
        }
    ).to_csv(folder / "quarantine.csv", index=False)
    actors = tmp_path / "actors.yml"
    actors.write_text(
        "actors:\n  vorenko:\n    name: Talia Vorenko\n  brandvik:\n    name: Oskar Brandvik\n",
        encoding="utf-8",
    )
    info = {"parameters": {"actors_file": str(actors)}}
    (pdf,) = report.build_report(tmp_path, title="Invented report", run_info=info)
    text = _flat(report.pdf_text(pdf)).replace("\u2019", "'")
    assert "2 inputs were quarantined" in text
    assert "raw/401_empty.txt (empty: file has 0 bytes)" in text
    assert (
        "Of the 6 statements attributed to a speaker, 3 are by a single configured actor," in text
    )
    assert "1 jointly by two actors or more, and 2 by other speakers." in text
    assert "6 attributed to a speaker, 1 quotation whose speaker the rules could not name" in text
    assert "Talia Vorenko (vorenko)" in text and "Oskar Brandvik and Talia Vorenko" in text
    data = report.report_data(report.read_tables(folder), info)
    assert data["corpus"]["quarantine"]["n"] == 2
    # one side's office only: no pair
    assert "No article reports two sides through their own offices" in text


# (source_actor per statement of one article, paired readouts)
@pytest.mark.parametrize(
    ("vias", "expected"),
    [(["x", "y"], 1), (["x", "x", ""], 0), ([""], 0), (["x", "", "y", "y"], 1)],
)
def test_paired_readouts(vias: list[str], expected: int) -> None:
    st = pd.DataFrame({"article_id": ["a"] * len(vias), "source_actor": vias})
    assert report.paired_readouts(st) == expected


def test_scare_quotes_apart_from_partial_quotations(tmp_path: Path) -> None:
    folder = invented_tables(tmp_path / "tables")
    pd.DataFrame(
        {
            "article_id": ["inv1", "inv1"],
            "statement_id": ["inv1:002", "inv1:003"],
            "voice": ["narration", "kremlin_actor"],
            "quote_type": ["narration", "mixed"],
            "text": ["experts", "lasting peace"],
            "n_words": [1, 2],
            "char_start": [130, 212],
            "char_end": [137, 225],
        }
    ).to_csv(folder / "scare_quotes.csv", index=False)
    cmp = report.report_data(report.read_tables(folder), names={})["comparisons"]
    assert cmp["scare_quotes"] == [{"text": "experts", "voice": "narration"}]
    assert cmp["partial_quotes"] == [{"text": "lasting peace", "voice": "kremlin_actor"}]
    (pdf,) = report.build_report(tmp_path, title="Invented report", run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf)).replace("\u2019", "'").replace("\u2018", "'")
    assert "in her own narration (scare quotes): 'experts'" in text
    assert "not the journalist's scare quotes: 'lasting peace' (kremlin_actor)" in text


def test_evidence_never_makes_a_joint_statement_a_third_side() -> None:
    """A joint statement lacking a frame both leaders use is no side that lacks it (INVENTED)."""
    from mediaframes import compare

    quotes = [  # speaker, speaker_type, source_actor, quote, frame, cue
        ("keld", "actor", "keld", "Talks on the dam go on.", "diplomacy", "Talks"),
        ("marrow", "actor", "marrow", "Talks must end the tariffs.", "diplomacy", "Talks"),
        ("marrow", "actor", "marrow", "Tariffs hurt growers.", "economic", "Tariffs"),
        ("keld+marrow", "joint", "keld+marrow", "Both will call again.", "", ""),
    ]
    starts = [0, 40, 80, 120]
    st = pd.DataFrame(
        {
            "article_id": ["j"] * 4,
            "statement_id": [f"j:{i}" for i in range(4)],
            "speaker": [q[0] for q in quotes],
            "speaker_type": [q[1] for q in quotes],
            "source_actor": [q[2] for q in quotes],
            "quote_type": ["direct"] * 4,
            "section": ["body"] * 4,
            "text": [q[3] for q in quotes],
            "quote_text": [q[3] for q in quotes],
            "char_start": starts,
        }
    )
    fr = pd.DataFrame(
        {
            "statement_id": [f"j:{i}" for i in range(3)],
            "codebook": ["cb"] * 3,
            "frame": [q[4] for q in quotes[:3]],
            "cue": [q[5] for q in quotes[:3]],
            "rule": ["cue"] * 3,
            "char_start": [a + q[3].index(q[5]) for a, q in zip(starts, quotes[:3], strict=False)],
        }
    ).assign(char_end=lambda d: d["char_start"] + d["cue"].str.len())
    tables = {
        "statements": st,
        "frames": fr,
        "readout_divergence": compare.readout_divergence(st, fr),
    }
    names = {"keld": "Ana Keld", "marrow": "Ivo Marrow"}
    found = [e["finding"] for e in report.report_data(tables, {}, names=names)["evidence"]]
    only = [f for f in found if f.startswith("Frame only")]
    assert only == ["Frame only Ivo Marrow's side uses in this article: economic"]


def test_evidence_says_only_when_no_third_side_carries_the_frame() -> None:
    """Three sides in one article (INVENTED, acceptance test 20b): the bank's "prices" is
    economic, so Orsk's economic frame, which Vell's side lacks, is not "only" Orsk's."""
    from mediaframes import compare

    quotes = [  # speaker, quote, frame, cue
        ("orsk", "The grain will stop at the border.", "economic", "grain"),
        ("vell", "The closure is a threat to families.", "security", "threat"),
        ("bank", "Food prices will rise.", "economic", "prices"),
    ]
    starts = [0, 50, 100]
    st = pd.DataFrame(
        {
            "article_id": ["t"] * 3,
            "statement_id": [f"t:{i}" for i in range(3)],
            "speaker": [q[0] for q in quotes],
            "speaker_type": ["actor"] * 3,
            "source_actor": [""] * 3,
            "quote_type": ["direct"] * 3,
            "section": ["body"] * 3,
            "text": [q[1] for q in quotes],
            "quote_text": [q[1] for q in quotes],
            "char_start": starts,
        }
    )
    fr = pd.DataFrame(
        {
            "statement_id": [f"t:{i}" for i in range(3)],
            "codebook": ["cb"] * 3,
            "frame": [q[2] for q in quotes],
            "cue": [q[3] for q in quotes],
            "rule": ["cue"] * 3,
            "char_start": [a + q[1].index(q[3]) for a, q in zip(starts, quotes, strict=True)],
        }
    ).assign(char_end=lambda d: d["char_start"] + d["cue"].str.len())
    tables = {
        "statements": st,
        "frames": fr,
        "readout_divergence": compare.readout_divergence(st, fr),
    }
    names = {"orsk": "Lida Orsk", "vell": "Ana Vell", "bank": "Tollin Reserve Bank"}
    found = [e["finding"] for e in report.report_data(tables, {}, names=names)["evidence"]]
    frames = [f for f in found if f.startswith("Frame")]
    assert "Frame Lida Orsk's side uses and Ana Vell's lacks in this article: economic" in frames
    assert "Frame only Ana Vell's side uses in this article: security" in frames
    assert not any(f.startswith("Frame only Lida Orsk") for f in frames)


@pytest.mark.parametrize(
    ("side", "lacking", "others", "expected"),
    [
        ("A Rim", ["B Sol"], ["B Sol"], "Frame only A Rim's side uses in this article: f"),
        (
            "A Rim",
            ["B Sol", "C Ty"],
            ["B Sol", "C Ty"],
            "Frame only A Rim's side uses in this article: f",
        ),
        (
            "A Rim",
            ["B Sol"],
            ["B Sol", "C Ty"],
            "Frame A Rim's side uses and B Sol's lacks in this article: f",
        ),
        (
            "A Rim",
            ["B Sol", "C Ty"],
            ["B Sol", "C Ty", "D Vos"],
            "Frame A Rim's side uses and B Sol's and C Ty's lack in this article: f",
        ),
        (
            "Dock Workers",
            ["B Sol"],
            ["B Sol", "C Ty"],
            "Frame Dock Workers' side uses and B Sol's lacks in this article: f",
        ),
    ],
)
def test_one_sided_frame_heading(side, lacking, others, expected) -> None:
    assert report.one_sided_frame_heading(side, "f", lacking, others) == expected


def test_figure_5_prose_names_the_pairs_it_does_not_draw(tmp_path: Path) -> None:
    """Four INVENTED sides give six pairs; Figure 5 draws three (acceptance test 20b: the
    report said it drew "each pair of sides")."""
    from mediaframes import figures

    sides = ["orsk", "vell", "tamm", "bank"]
    rows = []
    for k, (a, b) in enumerate(
        [(a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]
    ):  # the first pairs get more rows: the figure's order is fixed
        for j in range(6 - k):
            rows.append(["x1", a, b, "topic", "", f"w{k}{j}", 1, f"w{k}{j}", ""])
    cols = ["article_id", "side", "other_side", "kind", "codebook", "item", "n_side"]
    div = pd.DataFrame(rows, columns=[*cols, "evidence", "negated_cues"])
    names = {"orsk": "Lida Orsk", "vell": "Ana Vell", "tamm": "Per Tamm", "bank": "Tollin Bank"}
    figs = tmp_path / "figures"
    figures.plot_readout_divergence(div, figs, labels=names)
    tables = {"readout_divergence": div}
    data = report.report_data(tables, {}, names=names, figures_dir=figs)
    fp = data["comparisons"]["figure_pairs"]
    assert fp == {
        "n_pairs": 6,
        "n_drawn": 3,
        "left_out": ["Per Tamm – Ana Vell", "Tollin Bank – Ana Vell", "Tollin Bank – Per Tamm"],
        "n_more": 0,
    }
    pdf = report.compile_pdf(data, tmp_path / "report.pdf", figures_dir=figs)
    text = _flat(report.pdf_text(pdf))
    assert "draws, for the 3 pairs of sides with most rows (of 6; not drawn: Per Tamm – Ana" in text
    assert "for each pair of sides, the frames and the topic" not in text


# --- the codebooks the run used, as it recorded them (accept14b defect 2; INVENTED) ----------

RIVER_BOOK = {  # INVENTED codebook for these tests
    "id": "river_invented",
    "version": "0.3.1",
    "name": "Invented river frames",
    "description": "An INVENTED codebook about a shared river.",
    "source": "Written for the mediaframes tests.",
    "frames": [
        {"id": "flow", "name": "Water flow", "definition": "How much water reaches whom.",
         "cues": ["dam", "sluice"]},
        {"id": "fault", "name": "Fault", "definition": "Who is to blame for the shortage.",
         "cues": ["blame"]},
    ],
}  # fmt: skip


def _run_with_books(tmp_path: Path, books: list[dict]) -> tuple[Path, dict]:
    """INVENTED tables of a run that used ``books`` (YAML files named in its parameters)."""
    import yaml

    folder = invented_tables(tmp_path / "run" / "tables")
    files, loaded = [], []
    for i, book in enumerate(books):
        path = tmp_path / f"book{i}.yml"
        path.write_text(yaml.safe_dump(book, sort_keys=False), encoding="utf-8")
        files.append(str(path))
        loaded.append(framing.load_codebook(path))
    pd.concat([framing.codebook_table(b) for b in loaded]).to_csv(
        folder / "codebook.csv", index=False
    )
    fr = pd.read_csv(folder / "frames.csv")
    fba = pd.read_csv(folder / "frames_by_actor.csv")
    if "river_invented" in {b["id"] for b in books}:
        extra = {"statement_id": ["inv1:001"], "codebook": ["river_invented"], "frame": ["flow"]}
        fr = pd.concat(
            [
                fr,
                pd.DataFrame(
                    {
                        **extra,
                        "cue": ["dam"],
                        "char_start": [60],
                        "char_end": [63],
                        "rule": ["cue:dam"],
                    }
                ),
            ]
        )
        fba = pd.concat([fba, pd.DataFrame({"speaker": ["Élysée"], "codebook": ["river_invented"],
                                            "frame": ["flow"], "n_statements": [1],
                                            "share": [1.0]})])  # fmt: skip
    keep = {b["id"] for b in books}
    fr[fr["codebook"].isin(keep)].to_csv(folder / "frames.csv", index=False)
    fba[fba["codebook"].isin(keep)].to_csv(folder / "frames_by_actor.csv", index=False)
    return folder, {"parameters": {"codebooks": files}}


def _edited_conflict_book() -> dict:
    """The packaged codebook, edited: same id, new version, one definition changed (INVENTED)."""
    import yaml

    data = yaml.safe_load(
        (Path(framing.__file__).parent / "resources/codebooks/conflict_diplomacy.yml").read_text(
            encoding="utf-8"
        )
    )
    data["version"] = "9.9.9-invented"
    for f in data["frames"]:
        if f["id"] == "diplomacy":
            f["definition"] = "An INVENTED definition of talks for the tests."
    return data


def test_report_describes_the_edited_codebook_the_run_used(tmp_path: Path) -> None:
    folder, info = _run_with_books(tmp_path, [_edited_conflict_book()])
    fr = report.report_data(report.read_tables(folder), info)["frames"]
    (book,) = fr["books"]
    cb = book["codebook"]
    assert (cb["id"], cb["version"], cb["recorded"]) == (
        "conflict_diplomacy",
        "9.9.9-invented",
        True,
    )
    defs = {f["id"]: f["definition"] for f in cb["frames"]}
    assert defs["diplomacy"] == "An INVENTED definition of talks for the tests."
    assert cb["name"] == "Conflict and diplomacy frames"  # from the file the run named


def test_report_describes_every_codebook_and_a_users_own(tmp_path: Path) -> None:
    folder, info = _run_with_books(tmp_path, [_edited_conflict_book(), RIVER_BOOK])
    (pdf,) = report.build_report(folder.parent, title="Invented report", run_info=info)
    text = _flat(report.pdf_text(pdf))
    assert "Frames follow 2 codebooks" in text
    assert "Invented river frames (river_invented, version 0.3.1)" in text
    assert "An INVENTED codebook about a shared river." in text
    assert "Who is to blame for the shortage." in text  # a definition of the second codebook
    assert "An INVENTED definition of talks for the tests." in text
    assert "version 9.9.9-invented" in text and "version 1.2.0" not in text
    assert "(3 frame labels in all: 2 of Conflict and diplomacy frames and 1 of Invented" in text
    assert "Codebook Invented river frames:" in text  # its own share table
    # a user's codebook alone: described from the file the run named
    alone = tmp_path / "alone"
    folder, info = _run_with_books(alone, [RIVER_BOOK])
    books = report.report_data(report.read_tables(folder), info)["frames"]["books"]
    assert [b["codebook"]["name"] for b in books] == ["Invented river frames"]
    assert books[0]["codebook"]["source"] == "Written for the mediaframes tests."
    assert [f["name"] for f in books[0]["codebook"]["frames"]] == ["Water flow", "Fault"]
    assert books[0]["rows"] == [{"speaker": "Élysée", "n": 1, "cells": ["100% (1)"]}]


def test_report_never_takes_a_codebook_from_the_package_by_id(tmp_path: Path) -> None:
    """A recorded codebook no parameter names is described by its record and id alone."""
    folder, _info = _run_with_books(tmp_path, [_edited_conflict_book()])
    (book,) = report.report_data(report.read_tables(folder), {})["frames"]["books"]
    assert book["codebook"]["name"] == "conflict_diplomacy"  # not the packaged one's name
    assert book["codebook"]["version"] == "9.9.9-invented"
    assert book["codebook"]["description"] == ""


def test_report_date_inferred_is_articles_csv_convention(tmp_path: Path) -> None:
    """accept15c: an article with no date has ``date_inferred`` empty in ``articles.csv``;
    ``report.json`` says null for it, not false (INVENTED rows)."""
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "date": ["2031-05-04", "2031-05", ""],
            "date_inferred": ["false", "true", ""],
        }
    )
    rows = report._corpus(articles)["articles"]
    assert [r["date_inferred"] for r in rows] == [False, True, None]
    assert [r["date"] for r in rows] == ["2031-05-04", "2031-05", "unknown"]
    folder = invented_tables(tmp_path / "run" / "tables")
    arts = pd.read_csv(folder / "articles.csv", keep_default_na=False)
    arts["date"], arts["date_inferred"] = "", ""
    arts.to_csv(folder / "articles.csv", index=False)
    (pdf,) = report.build_report(folder.parent, run_info=MANIFEST)  # the PDF renders a null
    assert "unknown" in report.pdf_text(pdf)


# --- who the tables leave out, how the report tests, negated cues (accept15a 6, 7, 10;
# --- accept15b 6, 7, 14). Every name, frame and sentence here is INVENTED. -----------------


@pytest.mark.parametrize(
    ("n_per", "listed", "expected"),
    [
        # (n_all, n_listed, n_left_out, n_single_left_out, n_more_left_out, min, max)
        ({"a": 5, "b": 3, "c": 2, "d": 1}, ["a"], (4, 1, 3, 1, 2, 2, 3)),
        ({"a": 5, "b": 1}, ["a", "b"], (2, 2, 0, 0, 0, 0, 0)),
        ({"a": 5, "b": 1, "c": 1}, ["a"], (3, 1, 2, 2, 0, 0, 0)),
        ({"a": 4, "b": 4, "c": 4}, ["a", "b"], (3, 2, 1, 0, 1, 4, 4)),
    ],
)
def test_listing_note_counts_who_is_left_out(
    n_per: dict[str, int], listed: list[str], expected: tuple[int, ...]
) -> None:
    note = report.listing_note(pd.Series(n_per), listed)
    keys = ("n_all", "n_listed", "n_left_out", "n_single_left_out", "n_more_left_out")
    keys += ("min_n_left_out", "max_n_left_out")
    assert tuple(note[k] for k in keys) == expected


def _crowd_statements(step: int = 2) -> pd.DataFrame:
    """INVENTED statements: 24 speakers ``s00`` … with 30 - step * i statements (at least 1)
    each, and narration."""
    rows = []
    for i in range(24):
        for j in range(max(1, 30 - step * i)):
            rows.append((f"s{i:02d}", "other", f"a:{i:02d}{j:02d}"))
    rows += [("", "narration", f"a:n{j:02d}") for j in range(5)]
    return pd.DataFrame(rows, columns=["speaker", "speaker_type", "statement_id"]).assign(
        article_id="a"
    )


def test_frame_table_lists_speakers_by_statements_and_always_the_narration() -> None:
    """Rows: the speakers with most statements (not most labels), then the narration (INVENTED)."""
    st = _crowd_statements()
    counts = report.speaker_counts(st)
    # s23 has 1 statement but 9 labels' worth of shares: it must not come first
    speakers = [f"s{i:02d}" for i in range(23)] + [""]
    fba = pd.DataFrame(
        {
            "speaker": speakers + ["s23"],
            "codebook": ["w"] * 25,
            "frame": ["blame"] * 25,
            "n_statements": [1] * 24 + [1],
            "share": [1 / counts.get(s, 5) for s in speakers] + [1.0],
        }
    )
    cb = {"id": "w", "frames": [{"id": "blame", "name": "Blame"}]}
    present, rows, listing = report._frame_table(fba, cb, counts=counts)
    shown = [r["speaker"] for r in rows]
    assert shown == [f"s{i:02d}" for i in range(report.MAX_SPEAKERS)] + ["(narration)"]
    assert listing == {
        "n_with_frame": 24,
        "n_listed": report.MAX_SPEAKERS,
        "n_left_out": 4,
        "max_n_left_out": int(counts["s20"]),
        "n_no_frame": 0,
        "narration": True,
    }
    # a speaker with no label of the codebook is counted apart
    _, _, listing = report._frame_table(fba[fba["speaker"] != "s05"], cb, counts=counts)
    assert listing["n_no_frame"] == 1 and listing["n_with_frame"] == 23


def test_methods_numbers_come_from_the_code_and_the_run() -> None:
    """The permutation count is the one compare_actors draws; bootstrap from the parameters."""
    import inspect

    from mediaframes import sentiment

    tests = pd.DataFrame(
        {
            "method": ["vader"] * 3 + ["afinn"] * 3,
            "p_value": [0.01, 0.03, 0.5, 0.2, 0.04, 0.9],
            "p_holm": [0.03, 0.06, 0.5, 0.4, 0.12, 0.9],
        }
    )
    u = report.uncertainty(tests, {"parameters": {"seed": 11, "bootstrap_n": 4000}})
    n_perm = inspect.signature(sentiment.compare_actors).parameters["n_perm"].default
    assert u["tests"] == {
        "n": 6, "n_methods": 2, "n_pairs": 3, "n_perm": n_perm, "seed": 11,
        "n_p05": 3, "n_holm05": 1, "n_few": 0, "min_n": 10,
    }  # fmt: skip
    assert u["bootstrap"] == {"method": "percentile", "level": "95%", "n": 4000, "seed": 11}
    # the template types no count of its own: it reads them from the data
    template = (report.TEMPLATE_DIR / "report.typ").read_text(encoding="utf-8")
    assert str(n_perm) not in template and "1000" not in template


def _negation_tables() -> dict[str, pd.DataFrame]:
    """Two INVENTED sides in one article; Orla Pike's only 'cost' cue in statement 0 is
    negated, statement 1 carries 'cost' with a plain cue."""
    from mediaframes import compare

    texts = [
        ("pike", "Pike said the fee was not a burden on farmers.", "burden", True),
        ("pike", "Pike said the levy would cut costs for growers.", "costs", False),
        ("rusk", "Rusk said the river must stay open.", "", False),
        ("pike", "Pike said it was no penalty at all.", "penalty", True),
    ]
    starts = [0, 60, 120, 180]
    st = pd.DataFrame(
        {
            "article_id": ["n"] * 4,
            "statement_id": [f"n:{i}" for i in range(4)],
            "speaker": [t[0] for t in texts],
            "speaker_type": ["actor"] * 4,
            "source_actor": [""] * 4,
            "quote_type": ["indirect"] * 4,
            "section": ["body"] * 4,
            "text": [t[1] for t in texts],
            "quote_text": [t[1][10:] for t in texts],
            "char_start": starts,
            "char_end": [a + len(t[1]) for a, t in zip(starts, texts, strict=True)],
            "quote_start": [a + 10 for a in starts],
            "quote_end": [a + len(t[1]) for a, t in zip(starts, texts, strict=True)],
        }
    )
    keep = [i for i, t in enumerate(texts) if t[2]]
    fr = pd.DataFrame(
        {
            "statement_id": [f"n:{i}" for i in keep],
            "codebook": ["w"] * len(keep),
            "frame": ["cost", "cost", "fault"],
            "cue": [texts[i][2] for i in keep],
            "char_start": [starts[i] + texts[i][1].index(texts[i][2]) for i in keep],
            "rule": [("negated:cue:" if texts[i][3] else "cue:") + texts[i][2] for i in keep],
        }
    ).assign(char_end=lambda d: d["char_start"] + d["cue"].str.len())
    return {
        "statements": st,
        "frames": fr,
        "readout_divergence": compare.readout_divergence(st, fr),
    }


def test_negated_cues_are_marked_wherever_cues_are_listed() -> None:
    """accept15b defect 6: a negated cue counts, and is marked "(negated)" (INVENTED)."""
    data = report.report_data(_negation_tables(), {}, names={"pike": "Orla Pike"})
    (pike,) = [d for d in data["comparisons"]["divergence"] if d["side"] == "Orla Pike"]
    assert pike["frames"] == [
        {"frame": "cost", "n": 2, "n_articles": 1, "evidence": "burden (negated); costs",
         "negated_only": False},
        {"frame": "fault", "n": 1, "n_articles": 1, "evidence": "penalty (negated)",
         "negated_only": True},
    ]  # fmt: skip
    found = {e["finding"]: e for e in data["evidence"]}
    # the example of a frame is a statement whose cue is not negated, when there is one
    cost = found["Frame only Orla Pike's side uses in this article: cost"]
    assert cost["statement_id"] == "n:1" and cost["frames"] == ["cost (“costs”)"]
    fault = found["Frame only Orla Pike's side uses in this article: fault (in a negated cue only)"]
    assert fault["frames"] == ["fault (“penalty”, negated)"]
    assert {"text": "penalty", "kind": "negated"} in fault["segments"]


def _big_run(folder: Path) -> Path:
    """INVENTED tables of a run with 24 speakers, 23 toned actors, 7 frames with long names
    (and ids), method agreement, permutation tests and a negated cue."""
    folder.mkdir(parents=True, exist_ok=True)
    neg = _negation_tables()
    crowd = _crowd_statements(step=1).assign(
        quote_type="direct", section="body", text="x", quote_text="x", char_start=0,
        char_end=1, quote_start=0, quote_end=1, source_actor="",
    )  # fmt: skip
    st = pd.concat([neg["statements"], crowd], ignore_index=True)
    st.to_csv(folder / "statements.csv", index=False)
    neg["frames"].to_csv(folder / "frames.csv", index=False)
    neg["readout_divergence"].to_csv(folder / "readout_divergence.csv", index=False)
    counts = report.speaker_counts(st)
    by = pd.DataFrame(
        [(s, m, int(n), 0.1, 0.1, 0.0 if n > 1 else None, 0.2 if n > 1 else None, "")
         for s, n in counts.items() for m in ("afinn", "vader")],
        columns=["speaker", "method", "n", "mean", "median", "ci_low", "ci_high", "note"],
    )  # fmt: skip
    by.to_csv(folder / "sentiment_by_actor.csv", index=False)
    by.rename(columns={"speaker": "actor"}).iloc[: 2 * 23].to_csv(
        folder / "tone_by_actor.csv", index=False
    )
    pd.DataFrame(  # contested terms with long voices and modes (accept15a's page 18)
        {"statement_id": ["n:0", "n:1", "n:3"], "voice": ["narration", "pike", "narration"],
         "mode": ["reported", "quoted", "narration"], "pair": ["levy_naming_invented"] * 3,
         "variant": ["protective", "neutral", "protective"],
         "term": ["burden on farmers", "levy", "penalty"]}
    ).to_csv(folder / "loaded_terms.csv", index=False)  # fmt: skip
    pd.DataFrame(
        {"method_a": ["vader"], "method_b": ["afinn"], "n": [321], "spearman_r": [0.6543],
         "label_agreement": [0.8125], "cohen_kappa": [0.7049]}
    ).to_csv(folder / "method_agreement.csv", index=False)  # fmt: skip
    pd.DataFrame(
        {"method": ["vader", "afinn"], "speaker_a": ["pike"] * 2, "speaker_b": ["rusk"] * 2,
         "p_value": [0.02, 0.3], "p_holm": [0.02, 0.3]}
    ).to_csv(folder / "actor_sentiment_tests.csv", index=False)  # fmt: skip
    ids = [
        "affordability_and_patient_access_to_medicines",
        "ethics_and_corporate_moral_responsibility",
        "profit_investment_and_return_on_innovation",
        "legal_regulatory",
        "jobs_economy",
        "trust_misinformation",
        "public_health",
    ]
    names = [
        "Affordability and patient access to medicines",
        "",  # no name: shown by its id, which must wrap too
        "Profit, investment and the return on innovation",
        "Legal and regulatory power",
        "Jobs and the economy",
        "Trust and misinformation",
        "Public health",
    ]
    pd.DataFrame(
        {"codebook": "long_invented", "version": "0.1", "frame": ids, "name": names,
         "definition": "An INVENTED frame."}
    ).to_csv(folder / "codebook.csv", index=False)  # fmt: skip
    speakers = [s for s in counts.index][:22] + [""]
    pd.DataFrame(
        [(s, "long_invented", f, 1 + k % 3, 0.5) for s in speakers for k, f in enumerate(ids)],
        columns=["speaker", "codebook", "frame", "n_statements", "share"],
    ).to_csv(folder / "frames_by_actor.csv", index=False)
    return folder


def _words_bbox(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Words with their boxes (page, x0, y0, x1, y1, text), from poppler's pdftotext -bbox."""
    import shutil
    import subprocess
    from html.parser import HTMLParser

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler) is not installed")
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out: list[tuple[int, float, float, float, float, str]] = []

    class Words(HTMLParser):
        page = 0
        box: tuple[float, ...] | None = None

        def handle_starttag(self, tag: str, attrs: list) -> None:
            a = dict(attrs)
            if tag == "page":
                self.page += 1
            elif tag == "word":
                self.box = tuple(float(a[k]) for k in ("xmin", "ymin", "xmax", "ymax"))

        def handle_data(self, data: str) -> None:
            if self.box is not None:
                out.append((self.page, *self.box, data))
                self.box = None

    Words().feed(html)
    return out


def test_report_notes_who_its_tables_leave_out_and_fits_the_page(tmp_path: Path) -> None:
    """accept15a defects 6, 7, 10 and accept15b 6, 7, 14 in the PDF (INVENTED tables)."""
    folder = _big_run(tmp_path / "run" / "tables")
    manifest = {**MANIFEST, "parameters": {"seed": 3, "bootstrap_n": 1500}}
    title = "An invented crowd of speakers and a codebook of seven long frames, for the layout"
    (pdf,) = report.build_report(folder.parent, title=title, run_info=manifest)
    text = _flat(report.pdf_text(pdf)).replace("\u00ad", "").replace("\u200b", "")
    # the bootstrap and the tests, with the run's numbers and the code's permutation count
    data = report.report_data(report.read_tables(folder), manifest, names={})
    n_perm = data["sentiment"]["tests"]["n_perm"]
    assert "percentile intervals: the 1500 means" in text
    assert "seeded by the run’s seed (3)" in text
    assert f"at random {n_perm} times (seed 3)" in text
    assert f"/ ({n_perm} + 1)" in text
    assert "for the 1 pair of actors it tests, not across the 2 methods" in text
    # who each table leaves out, with the real numbers (24 speakers + pike and rusk)
    # (s00 … s23 have 30 … 7 statements, pike 3 and rusk 1)
    assert (
        "Listed: the 20 speakers with most statements (ties in alphabetical order) among those "
        "with two or more scored, of 26. Not listed: 1 speaker with a single scored statement (no "
        "interval) and 5 speakers with 3 to 10 scored statements."
    ) in text
    assert (
        "Listed: the 20 actors with most sentences (ties in alphabetical order), of 23. Not "
        "listed: 3 actors with 1 to 10 sentences."
    ) in text
    assert (
        "Listed: the 20 speakers with most statements (ties in alphabetical order), of the 22 "
        "whose statements carry a frame of this codebook, and the journalist’s narration. Not "
        "listed: 2 speakers with a frame and at most 3 statements, and 4 speakers none of whose "
        "statements carries one."
    ) in text
    assert "(narration)" in text
    # the method-agreement table the caveat asks the reader to look at
    assert "vader – afinn 321 +0.65 81% +0.70" in text
    # negated cues are marked; frames are named as in the codebook
    assert "cues “burden (negated); costs”" in text
    assert "negated cues only" in text
    assert "Affordability and patient access to medicines" in text.replace("- ", "")
    assert "legitimate security interests" not in text
    # nothing is printed past the right margin or over another word
    words = _words_bbox(pdf)
    width = 595.3  # A4
    # (justified lines hang punctuation a little into the margin: 3 pt of slack)
    assert max(w[3] for w in words) <= width - 2.2 * 72 / 2.54 + 3.0
    for page in {w[0] for w in words}:
        boxes = [w for w in words if w[0] == page]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                dx = min(a[3], b[3]) - max(a[1], b[1])
                dy = min(a[4], b[4]) - max(a[2], b[2])
                # (boxes span the font's ascent and descent: lines of a tight title overlap a
                # little, words printed over each other by half their height or more)
                low = 0.5 * min(a[4] - a[2], b[4] - b[2])
                assert dx <= 0.5 or dy <= low, f"page {page}: {a[5]!r} overprints {b[5]!r}"


def test_single_statement_speakers_are_listed_when_no_one_has_more() -> None:
    """The note says "among those with two or more" only when that rule left someone out."""
    by = pd.DataFrame(
        {"speaker": [f"p{i:02d}" for i in range(23)], "method": "vader", "n": 1, "mean": 0.1,
         "median": 0.1, "ci_low": None, "ci_high": None, "note": ""}
    )  # fmt: skip
    se = report.report_data({"sentiment_by_actor": by}, {}, names={})["sentiment"]
    assert (se["n_listed"], se["n_left_out"], se["two_or_more"]) == (20, 3, False)
    by.loc[0, "n"] = 2
    se = report.report_data({"sentiment_by_actor": by}, {}, names={})["sentiment"]
    assert (se["n_listed"], se["n_single_left_out"], se["two_or_more"]) == (1, 22, True)


def test_frame_listing_note_has_no_space_before_its_full_stop(tmp_path: Path) -> None:
    """Every speaker listed and the narration with a frame: "…, and the journalist's
    narration." (a template line break had put a space before the full stop; INVENTED rows)."""
    folder = invented_tables(tmp_path / "run" / "tables")
    speakers = set(pd.read_csv(folder / "statements.csv", keep_default_na=False)["speaker"])
    rows = [
        {"speaker": sp, "codebook": "conflict_diplomacy", "frame": "diplomacy"}
        for sp in sorted(speakers | {""})
    ]
    fba = pd.DataFrame([{**r, "n_statements": 1, "share": 1.0} for r in rows])
    fba.to_csv(folder / "frames_by_actor.csv", index=False)
    (pdf,) = report.build_report(folder.parent, run_info=MANIFEST)
    text = _flat(report.pdf_text(pdf)).replace("\u2019", "'")
    assert "and the journalist's narration. tables/" in text
