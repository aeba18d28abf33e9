"""The columns the documentation lists are the columns the tables have, in order.

Acceptance test 17c compared every CSV header of a run with the docs: README gave
``actor_sentiment_tests.csv`` six of its eleven columns, the ``compare`` docstring left ``note``
out of ``actor_sentiment_differences``, and the ``sentiment`` docstring documented files no
command writes. ``reports/README.md`` now lists every table of ``tables/``; this test builds the
tables with the notebooks' functions (``mediaframes.steps``) on one INVENTED article and checks
the lists of ``reports/README.md``, ``README.md`` and the module docstrings against them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mediaframes import analysis, compare, corpus, framing, scale, sentiment, steps

REPO = Path(__file__).resolve().parents[1]

#: An INVENTED article: two INVENTED actors speak, so that every table has its pairs.
ACTORS_YML = """\
# INVENTED actors for tests/test_table_docs.py
actors:
  orsolt:
    name: Mara Orsolt
    gender: female
    country: Velmaria
    titles: [Prime Minister]
  kessvik:
    name: Davor Kessvik
    gender: male
    country: Korsland
    titles: [President]
"""
ARTICLE = (
    "Orsolt and Kessvik clash over river dam\n\n"
    "Velmaria warns of sanctions as talks stall\n\n"
    "VESTRA — Prime Minister Mara Orsolt warned on Tuesday that the dam threatened farmers "
    "and called the project a \u201creckless gamble\u201d.\n\n"
    "\u201cOur patience has limits,\u201d Orsolt said.\n\n"
    "President Davor Kessvik said the dam was safe and offered a fair share of the power.\n\n"
    "\u201cWe want peace and trade with Velmaria,\u201d Kessvik said.\n\n"
    "Orsolt said the ceasefire talks had failed, while Kessvik said the negotiations would "
    "continue.\n"
)


@pytest.fixture(scope="module")
def run_tables(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Every table of ``tables/`` as the notebooks make it, by name (INVENTED inputs)."""
    from mediaframes import actors_io

    folder = tmp_path_factory.mktemp("docs")
    (folder / "actors.yml").write_text(ACTORS_YML, encoding="utf-8")
    (folder / "corpus" / "raw").mkdir(parents=True)
    (folder / "corpus" / "raw" / "inv1.txt").write_text(ARTICLE, encoding="utf-8")
    actors = actors_io.load_actors(str(folder / "actors.yml"))
    summary = corpus.ingest_corpus(folder / "corpus", folder / "ingest")
    corpus.require_articles(summary)
    from mediaframes import tables as tables_io

    articles = corpus.load_corpus(folder / "corpus")
    out = {
        "articles": tables_io.read_table(folder / "ingest", "articles"),
        "quarantine": tables_io.read_table(folder / "ingest", "quarantine"),
    }
    out |= steps.statement_tables(articles, actors)
    methods = ["vader", "afinn"]
    out |= steps.sentiment_tables(articles, out, methods, seed=0, n_boot=100)
    out |= steps.framing_tables(articles, out, ["conflict_diplomacy"], actors)
    out["actor_sentiment_differences"] = compare.actor_sentiment_differences(
        out["statements"], out["sentiment"], n_boot=100
    )
    return out


def _listed(text: str) -> dict[str, list[str]]:
    """``- `name.csv`: `a, b, c` …`` lines of a Markdown file, as {name: [a, b, c]}."""
    found = re.findall(r"^- `([a-z_]+)\.csv`: `([^`]+)`", text, flags=re.M)
    return {name: [c.strip() for c in cols.split(",")] for name, cols in found}


def _documented(doc: str, key: str) -> list[str]:
    """The first ````a, b, c```` list after ``key`` in a docstring."""
    rest = doc[doc.index(key) + len(key) :]
    for body in re.findall(r"``([^`]+?)``", rest, flags=re.S):
        if "," in body:
            return [c.strip() for c in " ".join(body.split()).split(",")]
    raise AssertionError(f"no column list after {key!r}")


REPORTS_README = _listed((REPO / "reports" / "README.md").read_text(encoding="utf-8"))


def test_reports_readme_lists_every_table_of_a_run(run_tables: dict) -> None:
    written = set(run_tables) - {"actor_sentiment_differences"}  # analyze's, not run's
    assert set(REPORTS_README) == written


@pytest.mark.parametrize("name", sorted(REPORTS_README))
def test_reports_readme_columns(run_tables: dict, name: str) -> None:
    assert REPORTS_README[name] == list(run_tables[name].columns)


def test_reports_readme_columns_of_analyze_differences(run_tables: dict) -> None:
    text = (REPO / "reports" / "README.md").read_text(encoding="utf-8")
    cols = re.search(r"`actor_sentiment_differences\.csv` \(`([^`]+)`", text).group(1)
    listed = [c.strip() for c in " ".join(cols.split()).split(",")]
    assert listed == list(run_tables["actor_sentiment_differences"].columns)


#: (where, the key the list follows, the table): every column list of README.md and of the
#: module docstrings the README points to.
DOCUMENTED = [
    ("README.md", "its\n`actor_sentiment_tests.csv`", "actor_sentiment_tests"),
    ("README.md", "`readout_divergence_by_event.csv`", "readout_divergence_by_event"),
    ("README.md", "`readout_unpaired.csv`", "readout_unpaired"),
    (analysis, "``statements``", "statements"),
    (analysis, "``sentiment``", "sentiment"),
    (analysis, "``frames``", "frames"),
    (analysis, "``mentions``", "mentions"),
    (analysis, "``tone``", "tone"),
    (analysis, "``sentences``", "sentences"),
    (scale, "``sentiment_by_actor.csv``", "sentiment_by_actor"),
    (scale, "``frames_by_actor.csv``", "frames_by_actor"),
    (scale, "``tone_by_actor.csv``", "tone_by_actor"),
    (scale, "``sentiment_method_agreement.csv``", "method_agreement"),
    (scale, "``actor_frame_differences.csv``", "actor_frame_differences"),
    (scale, "``actor_sentiment_differences.csv``", "actor_sentiment_differences"),
    (sentiment, "``actor_sentiment_tests.csv``", "actor_sentiment_tests"),
    (sentiment, "(:func:`method_agreement`)", "method_agreement"),
    (compare, ":func:`actor_frame_differences`", "actor_frame_differences"),
    (compare, ":func:`actor_sentiment_differences`", "actor_sentiment_differences"),
    (compare, ":func:`readout_divergence`\n", "readout_divergence"),
    (compare, ":func:`event_readout_divergence`", "readout_divergence_by_event"),
    (compare, ":func:`readout_unpaired`\n", "readout_unpaired"),
    (compare, ":func:`headline_vs_body`\n", "headline_vs_body"),
    (compare, ":func:`word_choice`\n", "word_choice"),
    (compare, ":func:`loaded_term_uses`\n", "loaded_terms"),
    (compare, ":func:`scare_quotes`\n", "scare_quotes"),
    (framing, ":func:`frames_by_actor`", "frames_by_actor"),
]


@pytest.mark.parametrize(
    ("where", "key", "name"),
    DOCUMENTED,
    ids=[f"{getattr(w, '__name__', w)}:{n}" for w, _, n in DOCUMENTED],
)
def test_documented_columns(run_tables: dict, where: object, key: str, name: str) -> None:
    if isinstance(where, str):
        text = (REPO / where).read_text(encoding="utf-8")
        cols = re.search(r"\(`([^`]+)`", text[text.index(key) :]).group(1)
        listed = [c.strip() for c in " ".join(cols.split()).split(",")]
    else:
        listed = _documented(where.__doc__, key)
    assert listed == list(run_tables[name].columns)


def test_docstrings_name_only_files_a_command_writes() -> None:
    """The ``sentiment`` docstring documented ``sentiment_actor_pairs.csv`` and
    ``sentiment_statement_agreement.csv``, which no command writes."""
    for gone in ("sentiment_actor_pairs.csv", "sentiment_statement_agreement.csv"):
        assert gone not in sentiment.__doc__


def test_readme_says_what_an_unknown_article_field_is(run_tables: dict) -> None:
    """README said "text columns are strings even when empty", yet an unknown `url` is null in
    Parquet, `NaN` in the notebook's table (acceptance test 17c, #12)."""
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "is an empty CSV cell, null in Parquet and `NaN` in pandas" in readme
    articles = run_tables["articles"]  # read back from the Parquet file
    assert articles["url"].isna().all() and str(articles["url"].dtype) in {
        "object",
        "string",
        "str",
    }


def test_readme_says_papermill_warns_of_keys_a_notebook_does_not_declare() -> None:
    """``papermill -f params.yaml`` prints "Passed unknown parameter" for every key a notebook
    does not declare, which README elsewhere calls the sign of a misspelt name (17c, #11)."""
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert 'papermill still prints "Passed unknown parameter" for each of those keys' in readme


def test_headline_vs_body_count_is_what_the_docs_say(run_tables: dict) -> None:
    """``count`` was listed but never defined: a speaker's statements or an actor's mentions in
    the section, ``first_char`` the first of them (acceptance test 17c)."""
    hb, st, me = run_tables["headline_vs_body"], run_tables["statements"], run_tables["mentions"]
    assert " ``count`` is the item's\n    statements in the section" in compare.__doc__
    speakers = hb[hb["kind"] == "speaker"]
    assert len(speakers) > 0
    for row in speakers.itertuples(index=False):
        mine = st[(st["speaker"] == row.item) & (st["section"] == row.section)]
        assert row.count == len(mine) and row.first_char == mine["char_start"].min()
    body = hb[(hb["kind"] == "mentioned") & (hb["section"] == "body")]
    first_body = st[st["section"] == "body"]["char_start"].min()
    for row in body.itertuples(index=False):
        mine = me[(me["actor"] == row.item) & (me["start"] >= first_body)]
        assert row.count == len(mine) and row.first_char == mine["start"].min()


def test_readme_says_how_python_callers_get_the_actors_names(tmp_path: Path) -> None:
    """From Python, ``build_report(folder)`` and ``write_all_figures`` showed an actors file's
    speakers by id (``holtz``); README gave no way to the names (acceptance test 17c, #20)."""
    from mediaframes import actors_io, figures, report

    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert 'labels=figures.actor_labels(actors_io.load_actors("my_actors.yml"))' in readme
    assert 'run_info={"parameters": {"actors_file": "my_actors.yml"}}' in readme
    (tmp_path / "my_actors.yml").write_text(ACTORS_YML, encoding="utf-8")
    actors = actors_io.load_actors(str(tmp_path / "my_actors.yml"))
    assert figures.actor_labels(actors)["orsolt"] == "Mara Orsolt"
    info = {"parameters": {"actors_file": str(tmp_path / "my_actors.yml")}}
    assert report.speaker_names(info)["kessvik"] == "Davor Kessvik"
