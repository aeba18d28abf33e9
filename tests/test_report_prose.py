# Tests of the report's prose and tables (session 16 acceptance findings). Every table, name
# and sentence here is INVENTED for the tests.
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from mediaframes import report

NAMES = {
    "marlo": "Ines Marlo",
    "tavis": "Jonas Tavis",
    "quill": "Federation of Quarry Workers",
    "ubo": "Ada Ubo",  # configured, never speaks
}


def _statement(aid: str, k: int, speaker: str, kind: str, section: str = "body", **kw) -> dict:
    text = kw.pop("text", f"INVENTED sentence {aid} {k} said here.")
    return {
        "article_id": aid,
        "statement_id": f"{aid}:{k:03d}",
        "speaker": speaker,
        "speaker_type": kind,
        "source": kw.pop("source", ""),
        "source_actor": kw.pop("source_actor", ""),
        "addressee": "",
        "quote_type": kw.pop("quote_type", "indirect" if speaker else "narration"),
        "reporting_verb": "said" if speaker else "",
        "section": section,
        "text": text,
        "quote_text": "",
        "char_start": 100 * k,
        "char_end": 100 * k + len(text),
        "quote_start": "",
        "quote_end": "",
        "rule": kw.pop("rule", "r"),
    }


def invented_run(folder: Path) -> Path:
    """INVENTED tables: three articles; Tavis leads the first headline in file order, Marlo
    the other two; one configured actor never speaks; speakers tied at one statement."""
    tables = folder / "tables"
    tables.mkdir(parents=True)
    rows = [
        _statement("a1", 0, "tavis", "actor", "headline"),
        _statement("a1", 1, "marlo", "actor"),
        _statement("a1", 2, "tavis", "actor"),
        _statement("a1", 3, "quill", "actor"),
        _statement("a1", 4, "", "narration"),
        _statement("a2", 0, "marlo", "actor", "headline"),
        _statement("a2", 1, "marlo", "actor"),
        _statement("a2", 2, "Provincial leader", "other"),
        _statement("a2", 3, "city engineers", "other"),
        _statement("a3", 0, "marlo", "actor", "headline"),
        _statement("a3", 1, "Bo Arlen", "other", source="Councillor"),
        _statement("a3", 2, "marlo", "actor", source="the letter", source_actor="marlo"),
    ]
    pd.DataFrame(rows).to_csv(tables / "statements.csv", index=False)
    pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "headline": ["INVENTED one", "INVENTED two", "INVENTED three"],
            "date": ["2040-01-01"] * 3,
            "outlet": ["The Invented Post"] * 3,
            "language": ["en"] * 3,
            "n_words": [100, 100, 100],
        }
    ).to_csv(tables / "articles.csv", index=False)
    pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "section": ["headline"] * 3,
            "kind": ["speaker"] * 3,
            "rank": [1, 1, 1],
            "item": ["tavis", "marlo", "marlo"],
            "codebook": [""] * 3,
            "count": [1, 1, 1],
            "first_char": [0, 0, 0],
            "elsewhere": [True] * 3,
        }
    ).to_csv(tables / "headline_vs_body.csv", index=False)
    pd.DataFrame(
        {
            "speaker": ["marlo", "tavis"],
            "method": ["vader", "vader"],
            "n": [5, 2],
            "n_rejected": [2, 0],
            "mean": [-0.1, 0.2],
            "median": [-0.1, 0.2],
            "ci_low": [-0.27, 0.0005],
            "ci_high": [-0.0015, 0.4],
            "note": ["", ""],
        }
    ).to_csv(tables / "sentiment_by_actor.csv", index=False)
    pd.DataFrame(
        {
            "article_id": ["a1"],
            "side": ["quill"],
            "other_side": ["marlo"],
            "kind": ["frame"],
            "codebook": ["cb"],
            "item": ["economic"],
            "n_side": [1],
            "evidence": ["wages"],
        }
    ).to_csv(tables / "readout_divergence.csv", index=False)
    pd.DataFrame(
        {
            "statement_id": ["a1:003"],
            "codebook": ["cb"],
            "frame": ["economic"],
            "cue": ["wages"],
            "char_start": [300],
            "char_end": [305],
            "rule": ["cue:wage"],
        }
    ).to_csv(tables / "frames.csv", index=False)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = invented_run(tmp_path_factory.mktemp("prose"))
    figs = out / "figures"
    data = report.report_data(report.read_tables(out / "tables"), {}, names=NAMES)
    pdf = report.compile_pdf({**data, "figures": []}, out / "report.pdf", figures_dir=figs)
    return data, re.sub(r"\s+", " ", report.pdf_text(pdf))


def test_every_configured_actor_is_listed_and_a_silent_one_named(built: tuple[dict, str]) -> None:
    data, text = built
    assert [a["id"] for a in data["actors"]] == ["ubo", "quill", "marlo", "tavis"]
    assert [a["name"] for a in data["silent_actors"]] == ["Ada Ubo"]
    assert "Ada Ubo (ubo; no statements)" in text
    assert "The configured actor Ada Ubo has no statement in the 3 articles" in text


def test_an_actor_heard_only_through_a_spokesperson_is_marked(tmp_path: Path) -> None:
    """Acceptance test 20b: an INVENTED chancellor heard only through his spokesman is in no
    test of actors (those compare the actors' own statements); Methods now says so."""
    tables = tmp_path / "tables"
    tables.mkdir()
    rows = [
        _statement("p1", 0, "orsk", "actor"),
        _statement("p1", 1, "Ida Nyl", "other", source="spokeswoman", source_actor="vash"),
        _statement("p1", 2, "Ida Nyl", "other", source="", source_actor="vash"),
    ]
    pd.DataFrame(rows).to_csv(tables / "statements.csv", index=False)
    names = {"orsk": "Lida Orsk", "vash": "Teo Vash"}
    data = report.report_data(report.read_tables(tables), {}, names=names)
    assert data["silent_actors"] == []
    pdf = report.compile_pdf({**data, "figures": []}, tmp_path / "report.pdf")
    text = re.sub(r"\s+", " ", report.pdf_text(pdf))
    assert (
        "Teo Vash (vash; no statement of its own, 2 statements by people speaking for it, "
        "which no comparison of actors includes)" in text
    )
    assert "Lida Orsk (orsk)" in text


def test_headline_excerpt_is_the_leader_the_summary_names(built: tuple[dict, str]) -> None:
    data, text = built
    first = data["evidence"][0]
    assert first["finding"] == "Leads the headline: Ines Marlo speaks first in 2 of 3 headlines"
    assert first["statement_id"] == "a2:000"  # not a1:000, Tavis's, first in file order
    assert "headline: Ines Marlo (2) and Jonas Tavis (1)" in text


def test_interval_bounds_keep_their_sign(built: tuple[dict, str]) -> None:
    _, text = built
    assert "−0.27 … −0.00" in text
    assert "+0.00 … +0.40" in text


def test_in_brief_does_not_rank_ties(built: tuple[dict, str]) -> None:
    data, text = built
    assert "Speakers with most statements: Ines Marlo (5), Jonas Tavis (2) and 4 speakers " in text
    assert "4 speakers with 1 each" in text
    # ties by the name shown, case-insensitively: "city engineers" before "Provincial leader"
    order = [p["speaker"] for p in data["statements"]["per_speaker"]]
    assert order[2:] == ["Bo Arlen", "city engineers", "Federation of Quarry Workers",
                         "Provincial leader"]  # fmt: skip


def test_words_are_said_to_be_body_words(built: tuple[dict, str]) -> None:
    _, text = built
    assert "300 words of body text (headlines and standfirsts not counted)" in text


def test_possessive_of_a_name_ending_in_s(built: tuple[dict, str]) -> None:
    data, text = built
    findings = [e["finding"] for e in data["evidence"]]
    assert "Frame only Federation of Quarry Workers' side uses in this article: economic" in (
        findings
    )
    assert "Workers's" not in text


def test_in_brief_does_not_lead_with_a_single_statement_difference(
    built: tuple[dict, str],
) -> None:
    data, text = built
    (pair,) = data["comparisons"]["divergence"]
    assert (pair["n_side_statements"], pair["n_other_statements"], pair["single"]) == (1, 1, True)
    brief = text.split("1 Corpus")[0]
    assert "Federation of Quarry Workers, not Ines Marlo" not in brief
    assert "1 further pair of sides differs in frames where one side speaks only once" in brief
    assert "Too few to conclude: in the articles compared" in text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ines Marlo", "Ines Marlo's"),
        ("Federation of Quarry Workers", "Federation of Quarry Workers'"),
        ("Jonas Tavis", "Jonas Tavis'"),
        ("ROADS", "ROADS'"),
    ],
)
def test_possessive(name: str, expected: str) -> None:
    assert report.possessive(name) == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [(-0.0015, "−0.00"), (0.00096, "+0.00"), (0.0, "0.00"), (-0.25, "−0.25"), (None, "–")],
)
def test_fmt_score_keeps_the_sign(value: float | None, shown: str) -> None:
    assert report.fmt_score(value) == shown


def test_report_json_lists_silent_actors(tmp_path: Path) -> None:
    out = invented_run(tmp_path)
    data = report.report_data(report.read_tables(out / "tables"), {}, names=NAMES)
    dumped = json.loads(json.dumps(data))
    ubo = next(a for a in dumped["actors"] if a["id"] == "ubo")
    assert (ubo["n_statements"], ubo["n_reported"]) == (0, 0)


def test_limitations_name_the_word_lists(tmp_path: Path) -> None:
    """Defect 4 of accept16a: Limitations name the codebook and the contested-terms list used
    and how to supply one's own (INVENTED run)."""
    out = invented_run(tmp_path)
    manifest = {"parameters": {"loaded_terms_file": "my_terms.yml"}}
    data = report.report_data(report.read_tables(out / "tables"), manifest, names=NAMES)
    pdf = report.compile_pdf({**data, "figures": []}, out / "r.pdf")
    text = re.sub(r"\s+", " ", report.pdf_text(pdf))
    limits = text[text.index("Limitations") :]
    assert "Word lists written for a topic" in limits
    assert "the file my_terms.yml" in limits
    assert "codebooks and loaded_terms_file parameters" in limits


def test_tables_have_numbered_captions_the_prose_refers_to(built: tuple[dict, str]) -> None:
    """Defect 13 of accept16a: tables carry numbered captions that say what n counts, the prose
    refers to them by number, and the frame table has an n column (INVENTED run)."""
    data, text = built
    assert "Table 1 lists the articles" in text
    assert (
        "Table 1: The articles. Words: the body’s words (headline and standfirst not counted)."
        in (text)
    )
    assert "Table 2 counts each speaker’s statements" in text
    assert (
        "Table 2: Statements per speaker, by quote type and by the side that reports them. All: "
        in (text)
    )
    assert "Table 3: Sentiment of each speaker’s statements, per method. n: the speaker’s " in text
    assert "Table 4: What leads each section. Each cell: the articles (of 3)" in text


def test_frame_table_rows_carry_n() -> None:
    fba = pd.DataFrame({"speaker": ["a", ""], "codebook": ["w", "w"], "frame": ["blame"] * 2,
                        "n_statements": [1, 3], "share": [0.5, 0.3]})  # fmt: skip
    cb = {"id": "w", "frames": [{"id": "blame", "name": "Blame"}]}
    _, rows, _ = report._frame_table(fba, cb, counts=pd.Series({"a": 2}))
    assert [(r["speaker"], r["n"]) for r in rows] == [("a", 2), ("(narration)", 10)]


def test_rejected_claims_are_said_to_be_unscored(built: tuple[dict, str]) -> None:
    """Statements whose reported words are a claim the speaker rejects are counted in Methods."""
    data, text = built
    assert data["sentiment"]["n_rejected"] == 2
    assert "Not scored: 2 statements whose reported words are a claim the speaker rejects" in text


# acceptance test 17b: a speaker all of whose statements reject a claim has no row in
# sentiment_by_actor, but its statements were not scored either and must be counted
@pytest.mark.parametrize(
    ("by_rows", "stances", "expected"),
    [
        # Vasko (INVENTED) only denies: no sentiment_by_actor row, 2 rejections still counted
        (
            [("orsk", 1)],
            [("orsk", "rejects"), ("orsk", ""), ("Vasko", "rejects"), ("Vasko", "rejects")],
            3,
        ),
        ([("orsk", 2)], [("orsk", "rejects"), ("orsk", "rejects")], 2),
        ([("orsk", 0)], [("orsk", ""), ("", "")], 0),
        ([("orsk", 2)], None, 2),  # no statements table: read n_rejected
    ],
)
def test_rejected_claims_counts_speakers_without_scored_statements(
    by_rows: list, stances: list | None, expected: int
) -> None:
    by = pd.DataFrame(
        [{"speaker": s, "method": m, "n": 1, "n_rejected": k} for s, k in by_rows
         for m in ("vader", "afinn")]
    )  # fmt: skip
    st = None if stances is None else pd.DataFrame(stances, columns=["speaker", "stance"])
    assert report.rejected_claims(by, st) == expected


# acceptance test 17b: "N frame labels in all" counts statement × frame labels, as the share
# table and Figure 4 do, not the frames table's rows (one per cue found); INVENTED rows
@pytest.mark.parametrize(
    ("rows", "codebook", "expected"),
    [
        # two cues of one frame in one statement: one label
        ([("a:001", "cb", "aid"), ("a:001", "cb", "aid"), ("a:002", "cb", "aid")], None, 2),
        ([("a:001", "cb", "aid"), ("a:001", "cb", "blame")], None, 2),
        # the same statement and frame id in two codebooks: two labels, one each
        ([("a:001", "cb", "aid"), ("a:001", "river", "aid")], None, 2),
        (
            [("a:001", "cb", "aid"), ("a:001", "river", "aid"), ("a:001", "river", "aid")],
            "river",
            1,
        ),
        ([], None, 0),
    ],
)
def test_frame_labels_are_counted_once_per_statement_and_frame(
    rows: list, codebook: str | None, expected: int
) -> None:
    fr = pd.DataFrame(rows, columns=["statement_id", "codebook", "frame"])
    assert report.frame_label_count(fr, codebook) == expected


# acceptance test 17b: the Methods say what seeds the intervals (the seed, the speaker and the
# method: `sentiment.summarize_groups`) and name no "1 method" family of Holm's correction
@pytest.mark.parametrize(
    ("n_methods", "present", "absent"),
    [
        (1, "adjusts the p-values of one method for the", "not across the 1 method"),
        (4, "not across the 4 methods", "not across the 1 method"),
    ],
)
def test_methods_state_the_seeding_and_the_holm_family(
    built: tuple[dict, str], tmp_path: Path, n_methods: int, present: str, absent: str
) -> None:
    data, _ = built
    se = data["sentiment"]
    tests = {**se["tests"], "n": 3, "n_methods": n_methods, "n_pairs": 3}
    changed = {**data, "sentiment": {**se, "tests": tests}, "figures": []}
    pdf = report.compile_pdf(changed, tmp_path / "report.pdf", figures_dir=tmp_path)
    text = re.sub(r"\s+", " ", report.pdf_text(pdf))
    assert "the speaker’s name and the method, so they are the same on every run" in text
    assert present in text and absent not in text


def test_limitations_say_statements_are_treated_as_independent(built: tuple[dict, str]) -> None:
    """acceptance test 17b: the intervals' and tests' independence assumption is stated."""
    _, text = built
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)  # words hyphenated at a line end
    assert "treat each statement as an independent draw" in text
    assert "the intervals are too narrow and the p-values too small" in text


def test_tone_section_says_which_sentences_count(built: tuple[dict, str], tmp_path: Path) -> None:
    """acceptance test 17b: n of the tone table leaves out sentences with nothing of the
    journalist's own left (a denial's verb and claim are removed)."""
    data, _ = built
    row = {"speaker": "Ines Marlo", "method": "vader", "n": 3, "mean": "+0.10",
           "median": "0.00", "ci": "−0.05 … +0.30", "note": ""}  # fmt: skip
    pdf = report.compile_pdf(
        {**data, "tone": [row], "figures": []}, tmp_path / "report.pdf", figures_dir=tmp_path
    )
    text = re.sub(r"(\w)- (\w)", r"\1\2", re.sub(r"\s+", " ", report.pdf_text(pdf)))
    assert "has no tone and is not counted" in text
    assert "not the verb of a claim the speaker rejects" in text


@pytest.mark.parametrize(
    ("statements", "expected"),
    [
        ([("a", "x", ""), ("a", "y", "")], 1),  # two sides speak
        ([("a", "x", ""), ("b", "y", "")], 0),  # one side per article
        ([("a", "x", ""), ("a", "z", "y")], 1),  # y's office reports z: y's side
        ([("a", "x+y", "")], 1),  # a joint statement counts for both members
        ([("a", "", "")], 0),  # narration has no side
    ],
)
def test_compared_articles(statements: list[tuple[str, str, str]], expected: int) -> None:
    st = pd.DataFrame(
        [
            {"article_id": a, "speaker": s, "source_actor": src,
             "speaker_type": "joint" if "+" in s else ("actor" if s else "narration")}
            for a, s, src in statements
        ]
    )  # fmt: skip
    assert report.compared_articles(st) == expected


def test_divergence_section_names_unpaired_articles_and_event_pairs(tmp_path: Path) -> None:
    """Acceptance test 18a: the report said nothing of the articles where one side alone
    speaks (readout_unpaired.csv) nor of the readouts paired by event."""
    out = invented_run(tmp_path)
    tables = out / "tables"
    pd.DataFrame(
        {
            "by": ["article", "article", "event"],
            "unit": ["a2", "a3", "quarry-vote"],
            "side": ["marlo", "marlo", "marlo"],
            "n_statements": [2, 2, 4],
            "article_ids": ["a2", "a3", "a2; a3"],
        }
    ).to_csv(tables / "readout_unpaired.csv", index=False)
    pd.DataFrame(
        {
            "event": ["wage-talks", "wage-talks"],
            "side": ["quill", "marlo"],
            "other_side": ["marlo", "quill"],
            "kind": ["frame", "topic"],
            "codebook": ["cb", ""],
            "item": ["economic", "roads"],
            "n_side": [1, 1],
            "n_articles": [1, 1],
            "article_ids": ["a1", "a1"],
            "evidence": ["wages", "roads"],
        }
    ).to_csv(tables / "readout_divergence_by_event.csv", index=False)
    data = report.report_data(report.read_tables(tables), {}, names=NAMES)
    cmp = data["comparisons"]
    assert cmp["n_compared_articles"] == 1
    assert cmp["unpaired"]["n_articles"] == 2 and cmp["unpaired"]["n_events"] == 1
    pdf = report.compile_pdf({**data, "figures": []}, out / "report.pdf", figures_dir=out)
    text = re.sub(r"\s+", " ", report.pdf_text(pdf))
    assert "Compared: 1 article of 3, those in which two sides or more speak." in text
    assert "2 articles (a2: Ines Marlo; a3: Ines Marlo)" in text
    assert "1 event of the corpus’s event metadata (quarry-vote: Ines Marlo)" in text
    assert (
        "Federation of Quarry Workers, not Ines Marlo: economic (1 statement; event wage-talks)"
        in (text)
    )


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        (["talks; accord", "talks"], "talks; accord"),
        # seven distinct cues: all of them (Figure 5 stops at five, "+2 more")
        (
            ["talks; accord; dialogue", "talks; pact; truce; summit; envoy"],
            "talks; accord; dialogue; envoy; pact; summit; truce",
        ),
        ([""], ""),
    ],
)
def test_all_cues_lists_every_distinct_cue(evidence: list[str], expected: str) -> None:
    assert report.all_cues(evidence) == expected


def test_divergence_lists_every_distinct_cue(tmp_path: Path) -> None:
    """Acceptance test 18a: 3.4 promised every distinct cue but printed five and "+2 more"."""
    out = invented_run(tmp_path)
    tables = out / "tables"
    cues = ["wages", "pay", "bonus", "tariff", "prices", "rents", "fees"]
    pd.DataFrame(
        {
            "article_id": ["a1"],
            "side": ["quill"],
            "other_side": ["marlo"],
            "kind": ["frame"],
            "codebook": ["cb"],
            "item": ["economic"],
            "n_side": [1],
            "evidence": ["; ".join(cues)],
        }
    ).to_csv(tables / "readout_divergence.csv", index=False)
    data = report.report_data(report.read_tables(tables), {}, names=NAMES)
    (pair,) = data["comparisons"]["divergence"]
    assert pair["frames"][0]["evidence"] == "; ".join(sorted(cues))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("", "narration"), ("", "direct"), ("marlo", "direct")], 1),
        ([("", "narration"), ("", "narration")], 0),
        ([("", "mixed"), ("", "indirect"), ("tavis", "indirect")], 2),
    ],
)
def test_unattributed_quotes(rows: list[tuple[str, str]], expected: int) -> None:
    st = pd.DataFrame(rows, columns=["speaker", "quote_type"])
    assert report.unattributed_quotes(st) == expected


def test_frame_table_says_its_narration_row_holds_unattributed_quotes(tmp_path: Path) -> None:
    """Acceptance test 18a: "(narration) 49" under "48 in the journalist's own voice"."""
    out = invented_run(tmp_path)
    tables = out / "tables"
    st = pd.read_csv(tables / "statements.csv", keep_default_na=False)
    extra = _statement("a2", 4, "", "narration", quote_type="direct", text='"INVENTED," it read.')
    pd.concat([st, pd.DataFrame([extra])]).to_csv(tables / "statements.csv", index=False)
    pd.DataFrame(
        {"speaker": ["quill", ""], "codebook": ["cb"] * 2, "frame": ["economic"] * 2,
         "n_statements": [1, 2], "share": [1.0, 1.0]}
    ).to_csv(tables / "frames_by_actor.csv", index=False)  # fmt: skip
    data = report.report_data(report.read_tables(tables), {}, names=NAMES)
    (book,) = data["frames"]["books"]
    assert book["listing"]["n_unattributed"] == 1
    pdf = report.compile_pdf({**data, "figures": []}, out / "report.pdf", figures_dir=out)
    text = re.sub(r"\s+", " ", report.pdf_text(pdf))
    assert "The (narration) row also counts 1 quotation whose speaker the rules could not" in text
