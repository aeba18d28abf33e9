# Acceptance test 20a: the report PDF read as a reader reads it. The fixture tables come from a
# one-article corpus INVENTED for the test (tests/fixtures/invented/report20a/README.md).
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from mediaframes import figures, report

FIXTURE = Path(__file__).parent / "fixtures" / "invented" / "report20a"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict]:
    """The report of the one-article run: the text of each page and the data it typeset."""
    out = tmp_path_factory.mktemp("report20a")
    shutil.copytree(FIXTURE / "tables", out / "tables")
    params = {
        "actors_file": str(FIXTURE / "actors.yml"),
        "codebooks": ["conflict_diplomacy"],
        "sentiment_methods": ["vader", "textblob", "afinn", "labmt"],
        "seed": 0,
        "bootstrap_n": 1000,
    }
    run_info = {"parameters": params}
    title = "Acceptance 20a, corpus c1 (INVENTED)"
    (pdf,) = report.build_report(out, title=title, run_info=run_info)
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    data = report.report_data(
        report.read_tables(out / "tables"), run_info, names=report.speaker_names(run_info)
    )
    return pages, data


@pytest.mark.parametrize(
    "header",
    ["Speaker Method n Mean Median", "Actor Method n Mean Median", "Speaker direct indirect"],
)
def test_a_short_table_is_not_cut_in_two(built: tuple[list[str], dict], header: str) -> None:
    """accept20a defect 1: Table 4 had 3 rows on one page, its 4th under Figure 2 on the next."""
    pages, _ = built
    assert sum(p.count(header) for p in pages) == 1


def _frame_rows(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["speaker", "frame", "n_statements", "share"]).assign(
        codebook="invented_book"
    )


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # five statements carrying three frames each, nine carrying one
        (
            [("Joran Keel", f, 5, 1.0) for f in ("aid", "talks", "trade")]
            + [("Lia Tormen", "talks", 9, 1.0)],
            {"Joran Keel": 5.0, "Lia Tormen": 9.0},
        ),
        (
            [("Asta Murrow", "aid", 3, 0.43), ("Asta Murrow", "talks", 2, 0.29)],
            {"Asta Murrow": 7.0},
        ),
        ([("Petra Ollisande", "aid", 2, 0.0)], {"Petra Ollisande": 2.0}),
    ],
)
def test_statements_per_speaker(rows: list, expected: dict) -> None:
    assert figures.statements_per_speaker(_frame_rows(rows)).to_dict() == expected


def test_frame_shares_draw_speakers_by_statements(tmp_path: Path) -> None:
    """accept20a defect 2: Joran Keel (n=5, three frames a statement) was drawn above Lia Tormen
    (n=9, one frame), ordered by frame labels (15 against 9), not statements."""
    rows = [("Joran Keel", f, 5, 1.0) for f in ("aid", "talks", "trade")] + [
        ("Lia Tormen", "talks", 9, 1.0),
        ("Asta Murrow", "aid", 7, 1.0),
    ]
    svg = figures.plot_frame_shares(_frame_rows(rows), tmp_path)[0].read_text(encoding="utf-8")
    order = [svg.index(f"{name} (n=") for name in ("Lia Tormen", "Asta Murrow", "Joran Keel")]
    assert order == sorted(order)


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split()).replace("\u2019", "'").replace("\u00ad", "")


def test_tests_on_few_statements_are_said_to_be_too_few(built: tuple[list[str], dict]) -> None:
    """accept20a defect 4: "0 tests have p < 0.05" of 1 against 3 statements, said plainly."""
    text = _flat(built[0])
    assert "0 tests have p < 0.05 before correction and 0 after." in text
    assert "All 4 tests compare fewer than 10 scored statements on a side" in text
    assert "too few to conclude, whatever the p-value" in text
    assert built[1]["sentiment"]["tests"]["n_few"] == 4


def test_left_out_speakers_are_counted_by_scored_statements(built: tuple[list[str], dict]) -> None:
    """accept20a defect 5: Tavo Brennic has 2 statements (Table 3), 1 of them scored."""
    text = _flat(built[0])
    assert "Not listed: 2 speakers with a single scored statement (no interval)." in text
    assert "among those with two or more scored, of 3." in text


@pytest.mark.parametrize(
    ("p", "shown"),
    [(0.0025004, "0.0025"), (0.04, "0.04"), (0.5125487, "0.51"), (1 / 10001, "0.0001"),
     (1.0, "1"), (None, "–"), ("", "–")],
)  # fmt: skip
def test_fmt_p(p: object, shown: str) -> None:
    assert report.fmt_p(p) == shown


TESTS_COLUMNS = ["method", "speaker_a", "speaker_b", "n_a", "n_b", "diff", "p_value", "p_holm"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one method of four below 0.05: named, with the three that are not
        (
            [("vader", "brennic", "varnhold", 66, 129, -0.046, 0.40, 0.40),
             ("textblob", "brennic", "varnhold", 66, 129, 0.088, 0.0025, 0.0025),
             ("afinn", "brennic", "varnhold", 66, 129, -0.069, 0.22, 0.22),
             ("labmt", "brennic", "varnhold", 66, 129, -0.070, 0.10, 0.10)],
            [("Tavo Brennic", "Ilsa Varnhold", ["textblob"], ["afinn", "labmt", "vader"], False)],
        ),
        # nothing below 0.05: no pair
        ([("vader", "brennic", "varnhold", 1, 3, 0.47, 0.50, 0.50)], []),
        # two pairs, the smaller p first; a side under 10 statements is too few
        (
            [("vader", "brennic", "dask", 4, 30, 0.30, 0.03, 0.06),
             ("vader", "brennic", "varnhold", 40, 30, 0.20, 0.001, 0.003)],
            [("Tavo Brennic", "Ilsa Varnhold", ["vader"], [], False),
             ("Tavo Brennic", "Miro Dask", ["vader"], [], True)],
        ),
    ],
)  # fmt: skip
def test_tests_below(rows: list[tuple], expected: list[tuple]) -> None:
    names = {"brennic": "Tavo Brennic", "varnhold": "Ilsa Varnhold", "dask": "Miro Dask"}
    got = report.tests_below(pd.DataFrame(rows, columns=TESTS_COLUMNS), names)
    assert [
        (t["a"], t["b"], [x["method"] for x in t["below"]], t["others"], t["few"]) for t in got
    ] == expected


def test_results_name_a_test_below_005(tmp_path: Path) -> None:
    """accept20a defect 3: "1 test has p < 0.05" was all the report said (INVENTED test rows)."""
    shutil.copytree(FIXTURE / "tables", tmp_path / "tables")
    rows = [
        ("vader", "brennic", "varnhold", 66, 129, -0.0457, 0.40016, 0.40016),
        ("textblob", "brennic", "varnhold", 66, 129, 0.0877, 0.0025, 0.0025),
        ("afinn", "brennic", "varnhold", 66, 129, -0.0691, 0.22328, 0.22328),
        ("labmt", "brennic", "varnhold", 66, 129, -0.0703, 0.10139, 0.10139),
    ]
    tests = pd.DataFrame(rows, columns=TESTS_COLUMNS).assign(note="")
    tests.to_csv(tmp_path / "tables" / "actor_sentiment_tests.csv", index=False)
    run_info = {"parameters": {"actors_file": str(FIXTURE / "actors.yml")}}
    (pdf,) = report.build_report(tmp_path, title="Acceptance 20a (INVENTED)", run_info=run_info)
    text = _flat([p.extract_text() for p in PdfReader(pdf).pages])
    assert "1 test has p < 0.05 before correction and 1 after (Results name them)." in text
    assert (
        "finds Tavo Brennic's and Ilsa Varnhold's mean scores different at p < 0.05 with 1 of 4 "
        "methods (66 and 129 scored statements; the difference is Tavo Brennic's mean minus Ilsa "
        "Varnhold's): textblob (+0.09, p = 0.0025, Holm-adjusted 0.0025); not with afinn, labmt "
        "and vader. The methods disagree: the difference rests on one word list alone."
    ) in text
    assert "fewer than 10 scored statements on a side" not in text


@pytest.mark.parametrize(("articles", "thin"), [(["a1"], True), (["a1", "a2"], False)])
def test_word_choice_says_when_it_describes_one_article(
    tmp_path: Path, articles: list[str], thin: bool
) -> None:
    """accept20a defect 9: one article's Figure 7 was one full-width bar with no such note,
    where the report's other figures say "Only 1 article" (INVENTED rows)."""
    terms = pd.DataFrame(
        [
            {"article_id": a, "voice": "narration", "mode": "narration", "side": "",
             "pair": "government_naming", "variant": "neutral", "term": "government"}
            for a in articles
        ]
    )  # fmt: skip
    words = pd.DataFrame(columns=["anchor", "voice", "term", "count", "distinctive"])
    svg = figures.plot_word_choice(words, tmp_path, loaded_terms=terms)[0]
    assert ("Only 1 article" in svg.read_text(encoding="utf-8")) is thin


EQUAL = "all scores equal: CI is a single point"
SMALL = "n too small to conclude (n < 10)"


@pytest.mark.parametrize(
    ("n", "ci_low", "note", "expected"),
    [
        (2, -0.35, "n too small to conclude (n < 10)",
         "interval: the range of the 2 scores; n too small to conclude (n < 10)"),
        (2, -0.35, "", "interval: the range of the 2 scores"),
        (3, -0.35, "n too small to conclude (n < 10)", "n too small to conclude (n < 10)"),
        (2, None, "CI undefined", "CI undefined"),
        (2, 0.0, EQUAL, EQUAL),
    ],
)  # fmt: skip
def test_two_scores_note(n: int, ci_low: float | None, note: str, expected: str) -> None:
    """accept20a defect 11: Petra Ollisande's "95% CI −0.35 … −0.18" of 2 statements."""
    assert report.two_scores_note(n, ci_low, note) == expected


def test_sentiment_table_notes_an_interval_of_two_scores() -> None:
    by = pd.DataFrame(
        [("Petra Ollisande", "vader", 2, -0.26, -0.26, -0.35, -0.18, SMALL),
         ("Ilsa Varnhold", "vader", 11, -0.05, 0.0, -0.28, 0.18, "")],
        columns=["speaker", "method", "n", "mean", "median", "ci_low", "ci_high", "note"],
    )  # fmt: skip
    rows = report.report_data({"sentiment_by_actor": by}, {}, names={})["sentiment"]["rows"]
    assert [r["note"] for r in rows] == [
        "",
        "interval: the range of the 2 scores; n too small to conclude (n < 10)",
    ]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("frame", "humanitarian"), ("topic", "humanitarian")],
         ["humanitarian", "\u201chumanitarian\u201d"]),
        ([("topic", "corridor")], ["\u201ccorridor\u201d"]),
        ([("frame", "economic")], ["economic"]),
    ],
)  # fmt: skip
def test_divergence_labels(rows: list[tuple[str, str]], expected: list[str]) -> None:
    items = pd.DataFrame(rows, columns=["kind", "item"])
    assert figures.divergence_labels(items) == expected


def test_divergence_tells_a_topic_word_from_a_frame_of_that_name(tmp_path: Path) -> None:
    """accept20a defect 7: one panel showed "humanitarian" twice, a frame and a topic word,
    told apart by colour alone (INVENTED rows)."""
    rows = [
        ("a1", "varnhold", "brennic", "frame", "humanitarian", 2, "families"),
        ("a1", "varnhold", "brennic", "topic", "humanitarian", 2, "humanitarian"),
    ]
    cols = ["article_id", "side", "other_side", "kind", "item", "n_side", "evidence"]
    svg, _ = figures.plot_readout_divergence(pd.DataFrame(rows, columns=cols), tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "\u201chumanitarian\u201d" in text


CODEBOOK_ORDER = ["humanitarian", "security", "sovereignty", "diplomacy", "legality", "economic"]


@pytest.mark.parametrize(
    ("counts", "order", "expected"),
    [
        ({"economic": 5, "diplomacy": 9, "humanitarian": 1}, CODEBOOK_ORDER,
         ["humanitarian", "diplomacy", "economic"]),
        ({"economic": 5, "diplomacy": 9, "humanitarian": 1}, None,
         ["diplomacy", "economic", "humanitarian"]),
        ({"economic": 5, "blame": 2}, ["economic"], ["economic", "blame"]),
    ],
)  # fmt: skip
def test_frame_columns(counts: dict, order: list[str] | None, expected: list[str]) -> None:
    part = pd.DataFrame({"frame": list(counts), "n_statements": list(counts.values())})
    assert figures.frame_columns(part, order) == expected


def test_frame_shares_columns_follow_the_codebook_from_the_tables(tmp_path: Path) -> None:
    """accept20a defect 8: Figure 4's columns ran by labels (diplomacy, economic, …), Table 7's
    in codebook order (Humanitarian, Security and military, …) (INVENTED rows)."""
    tables = tmp_path / "tables"
    tables.mkdir()
    rows = [("Lia Tormen", "diplomacy", 9, 1.0), ("Lia Tormen", "humanitarian", 1, 0.11)]
    _frame_rows(rows).assign(codebook="conflict_diplomacy").to_csv(
        tables / "frames_by_actor.csv", index=False
    )
    book = pd.DataFrame({"codebook": "conflict_diplomacy", "frame": CODEBOOK_ORDER})
    book.to_csv(tables / "codebook.csv", index=False)
    out = figures.write_all_figures(tables, tmp_path / "figures")
    text = out["frame_shares_by_actor"][0].read_text(encoding="utf-8")
    assert text.index("humanitarian") < text.index("diplomacy")


def test_in_brief_counts_one_compared_article_in_the_singular(
    built: tuple[list[str], dict],
) -> None:
    """accept20a: "within an article where both speak (1 of 1 articles)"."""
    text = _flat(built[0])
    assert "within an article where both speak (1 of 1 article):" in text


def test_frame_shares_draw_the_narration_last(tmp_path: Path) -> None:
    """accept20a: Figure 4 drew the narration (151 statements) first, Table 7 lists it last."""
    rows = [("", "talks", 151, 0.61), ("Ilsa Varnhold", "talks", 49, 0.38)]
    svg = figures.plot_frame_shares(_frame_rows(rows), tmp_path)[0].read_text(encoding="utf-8")
    assert svg.index("Ilsa Varnhold (n=129)") < svg.index("(narration) (n=")
