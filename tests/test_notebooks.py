"""The notebooks: clean, parameterized, thin; and a headless smoke run of all of them.

The smoke run uses a tiny corpus in ``tmp_path``: the seed article and one INVENTED article
(``tests/fixtures/notebooks/corpus/raw/``). It runs the whole pipeline twice to check that
tables and figures are byte-identical and the PDF text is identical.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from mediaframes import browse, config, paths, pipeline

REPO = Path(__file__).resolve().parents[1]
NB_DIR = paths.notebooks_dir(REPO)
NOTEBOOKS = [NB_DIR / name for name in pipeline.NOTEBOOKS]
FIXTURE_CORPUS = Path(__file__).parent / "fixtures" / "notebooks" / "corpus"
RUNNER_DEFAULTS = {"output_dir": "build/lab", "run_info_file": "", "interactive": True}

#: Tables each notebook must write (a notebook may write more).
TABLES = {
    "01_corpus.ipynb": {"articles", "quarantine"},
    "02_statements.ipynb": {"sentences", "statements", "mentions", "evidence"},
    "03_sentiment.ipynb": {"sentiment", "tone", "sentiment_by_actor", "method_agreement"},
    "04_framing.ipynb": {
        "frames",
        "codebook",
        "frames_by_actor",
        "readout_divergence",
        "headline_vs_body",
        "word_choice",
    },
    "05_report.ipynb": set(),
}


pytestmark = pytest.mark.usefixtures("pinned_package_hash")  # see conftest.py


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p.name)
def notebook(request: pytest.FixtureRequest) -> tuple[Path, dict]:
    path = request.param
    return path, json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- static checks


def test_every_stage_has_a_notebook() -> None:
    assert sorted(p.name for p in NB_DIR.glob("*.ipynb")) == sorted(pipeline.NOTEBOOKS)


def test_valid_and_clean(notebook: tuple[Path, dict]) -> None:
    path, nb = notebook
    nbformat.validate(nbformat.read(path, as_version=4))
    assert nb["nbformat"] == 4
    assert nb["metadata"]["kernelspec"]["name"] == "mediaframes"
    assert nb["metadata"]["kernelspec"]["language"] == "python"
    for cell in _code_cells(nb):
        assert cell["outputs"] == [] and cell["execution_count"] is None, "commit without outputs"


def test_parameters_cell(notebook: tuple[Path, dict]) -> None:
    path, nb = notebook
    tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is _code_cells(nb)[0], "one parameters cell, first"
    params = pipeline.notebook_params(nb, path.name)
    assert params, "the notebook declares its parameters"
    defaults = config.defaults()
    for p in params:
        assert p.help, f"{path.name}: {p.name} has no # help comment"
        if p.name in config.SCHEMA:
            assert config.SCHEMA[p.name].notebook
            assert p.default == defaults[p.name], f"{path.name}: {p.name} default drifted"
        else:
            assert p.name in pipeline.RUNNER_PARAMS, f"{path.name}: undeclared {p.name}"
            assert p.default == RUNNER_DEFAULTS[p.name]


def test_every_notebook_parameter_is_used() -> None:
    declared = {
        p.name
        for path in NOTEBOOKS
        for p in pipeline.notebook_params(json.loads(path.read_text()), path.name)
    }
    assert set(config.notebook_params(config.defaults())) <= declared


def test_thin_code(notebook: tuple[Path, dict]) -> None:
    """No functions or classes, imports only from mediaframes and IPython."""
    path, nb = notebook
    for i, cell in enumerate(_code_cells(nb)):
        tree = ast.parse("".join(cell["source"]))
        for node in ast.walk(tree):
            assert not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef), (
                f"{path.name} code cell {i}: define functions in src/mediaframes, not here"
            )
            if isinstance(node, ast.Import | ast.ImportFrom):
                mod = node.module if isinstance(node, ast.ImportFrom) else node.names[0].name
                assert mod.split(".")[0] in {"mediaframes", "IPython"}, f"{path.name}: {mod}"


def test_help_notebook_shows_parameters(notebook: tuple[Path, dict]) -> None:
    """What ``papermill --help-notebook`` prints: every parameter with its help."""
    papermill = pytest.importorskip("papermill")
    path, nb = notebook
    shown = papermill.inspect_notebook(str(path))
    ours = {p.name: p.help for p in pipeline.notebook_params(nb, path.name)}
    assert {k: v["help"] for k, v in shown.items()} == ours
    # each parameter shows a type (an annotation), not "Unknown type"
    kinds = {k: v["inferred_type_name"] for k, v in shown.items()}
    assert all(kind in pipeline.PARAM_TYPES for kind in kinds.values()), kinds


def test_browser_is_static_headless() -> None:
    assert not browse.widgets_available(interactive=True), "no kernel in pytest"
    assert not browse.widgets_available(interactive=False)


# --------------------------------------------------------------------------- headless runs


def _corpus(folder: Path) -> Path:
    raw = folder / "corpus" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(paths.raw_dir(REPO) / "000_413afbb7d4f14754.txt", raw)
    for f in (FIXTURE_CORPUS / "raw").iterdir():
        shutil.copy(f, raw)
    return folder / "corpus"


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two full pipeline runs on the tiny corpus; returns their reports folders."""
    base = tmp_path_factory.mktemp("smoke")
    corpus = _corpus(base)
    params = base / "params.yaml"
    params.write_text(
        f"corpus_dir: {json.dumps(str(corpus))}\nbootstrap_n: 200\ncell_timeout: 300\n",
        encoding="utf-8",
    )
    out = []
    for i in range(2):
        reports = base / f"reports{i}"
        result = pipeline.run_pipeline(params, reports, notebooks=NOTEBOOKS)
        assert result.status == "succeeded", result.message
        out.append(reports)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", pipeline.NOTEBOOKS)
def test_smoke(runs: list[Path], name: str) -> None:
    reports = runs[0]
    manifest = json.loads((reports / "manifest.json").read_text())
    executed = reports / "runs" / manifest["run_id"] / name
    assert pipeline.inspect_executed(executed) is None
    entry = next(n for n in manifest["notebooks"] if n["name"] == name)
    assert entry["status"] == "succeeded"
    for table in TABLES[name]:
        for suffix in (".csv", ".parquet"):
            assert (reports / "tables" / f"{table}{suffix}").is_file(), f"{name}: {table}"
    nb = json.loads(executed.read_text())
    outputs = [o for c in _code_cells(nb) for o in c["outputs"]]
    widgets = [
        o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert not widgets, "headless runs show static tables, not widgets"


@pytest.mark.slow
def test_report_published(runs: list[Path]) -> None:
    reports = runs[0]
    assert list(reports.glob("*.pdf"))
    assert pipeline.expected_problems(reports) == []
    assert [f for f in pipeline.default_outputs() if not (reports / f).is_file()] == []
    statements = (reports / "tables" / "statements.csv").read_text(encoding="utf-8")
    assert "900_invented_quota_talks" in statements and "000_413afbb7d4f14754" in statements


@pytest.mark.slow
def test_corpus_without_statements_still_reports(tmp_path: Path) -> None:
    """One INVENTED article with no quotation and no actor: a report that says so."""
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "001_invented_flood.txt").write_text(
        "INVENTED: River rises in Lowmere after week of rain\n\n"
        "Fields near the town flooded on Tuesday\n\n"
        "The river rose by two metres overnight and covered the lower fields. Water reached the "
        "old mill by noon. Roads to the north were closed for the day. By evening the level had "
        "begun to fall, and the fields were expected to drain within a week.\n",
        encoding="utf-8",
    )
    params = tmp_path / "params.yaml"
    params.write_text(
        f"corpus_dir: {json.dumps(str(tmp_path / 'corpus'))}\nbootstrap_n: 100\n", encoding="utf-8"
    )
    result = pipeline.run_pipeline(params, tmp_path / "reports", notebooks=NOTEBOOKS)
    assert result.status == "succeeded", result.message
    assert list((tmp_path / "reports").glob("*.pdf"))


@pytest.mark.slow
def test_corpus_with_no_valid_article_stops_in_the_first_notebook(tmp_path: Path) -> None:
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "empty.txt").write_text("", encoding="utf-8")
    params = tmp_path / "params.yaml"
    params.write_text(f"corpus_dir: {json.dumps(str(tmp_path / 'corpus'))}\n", encoding="utf-8")
    result = pipeline.run_pipeline(params, tmp_path / "reports", notebooks=NOTEBOOKS)
    assert result.status == "failed"
    assert "01_corpus.ipynb" in result.message and "no valid article" in result.message
    assert "raw/empty.txt: empty" in result.message


@pytest.mark.slow
def test_two_runs_are_identical(runs: list[Path]) -> None:
    from pypdf import PdfReader

    a, b = runs
    for sub in ("tables", "figures"):
        assert _hashes(a / sub) == _hashes(b / sub), f"{sub} differ between runs"
    pdfs = sorted(p.name for p in a.glob("*.pdf"))
    assert pdfs == sorted(p.name for p in b.glob("*.pdf"))
    for name in pdfs:
        text_a = "".join(page.extract_text() for page in PdfReader(a / name).pages)
        text_b = "".join(page.extract_text() for page in PdfReader(b / name).pages)
        assert text_a == text_b
        # no space before a full stop from a template's line break ("narration .")
        flat = " ".join(text_a.split())
        assert not re.search(r"[a-z] \.(?:\s|$)", flat), re.search(r".{60}[a-z] \.", flat)


@pytest.mark.slow
def test_path_parameters_are_read_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defect 1 of acceptance test 15b: a codebook file given relative to the repository root
    (here through ``..``) passed the parameter check but notebook 02 read it from its own
    folder. Every path parameter is given relative to the root, the parameter file relative to
    the shell's folder, and ``mediaframes run`` runs 01, 02 and 04 (they read them) and the
    fixture notebook that writes the PDF."""
    from mediaframes import cli

    root, work = tmp_path / "repo", tmp_path / "work"
    _corpus(root).joinpath("raw", "000_413afbb7d4f14754.txt").unlink()  # one INVENTED article
    (root / "cfg").mkdir()
    shutil.copy(paths.resource("actors.yml"), root / "cfg" / "actors.yml")
    shutil.copy(paths.resource("compare", "loaded_terms.yml"), root / "cfg" / "terms.yml")
    (tmp_path / "inputs").mkdir()
    shutil.copy(paths.resource("codebooks", "policy_frames.yml"), tmp_path / "inputs" / "cb.yml")
    work.mkdir()
    (work / "p.yaml").write_text(
        "corpus_dir: corpus\nactors_file: cfg/actors.yml\ncodebooks: [../inputs/cb.yml]\n"
        "loaded_terms_file: cfg/terms.yml\ncell_timeout: 300\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("MEDIAFRAMES_ROOT", str(root))  # the kernels inherit it
    monkeypatch.chdir(work)
    chosen = [NB_DIR / n for n in ("01_corpus.ipynb", "02_statements.ipynb", "04_framing.ipynb")]
    good = Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb"
    argv = ["run", "--params", "p.yaml", "--reports", "../reports", "--notebooks"]
    assert cli.main([*argv, *map(str, chosen), str(good)]) == 0
    tables = tmp_path / "reports" / "tables"
    assert set(pd.read_csv(tables / "codebook.csv")["codebook"]) == {"policy_frames"}
    assert set(pd.read_csv(tables / "frames.csv")["codebook"]) <= {"policy_frames"}
    manifest = json.loads((tmp_path / "reports" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["params_file"] == str((work / "p.yaml").resolve()), "outside the root"


# --------------------------------------------------------------------------- src helpers


def test_tables_round_trip_records(tmp_path: Path) -> None:
    from mediaframes import tables
    from mediaframes.records import Statement, to_frame

    st = Statement("a", "a:000", "x", "actor", "the office", "x", "y", "indirect", "said",
                   "body", "X said hi, “ça va”.", "hi", 0, 18, 7, 9, "rule")  # fmt: skip
    written = tables.write_tables({"statements": to_frame([st], Statement)}, tmp_path)
    assert [p.name for p in written] == ["statements.csv", "statements.parquet"]
    back = tables.to_records(tables.read_table(tmp_path, "statements"), Statement)
    assert back == [st]
    assert "“ça va”" in (tmp_path / "statements.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["../x", "X", "a b", ""])
def test_table_names_are_plain(tmp_path: Path, name: str) -> None:
    from mediaframes import tables

    with pytest.raises(ValueError, match="table name"):
        tables.write_table(pd.DataFrame(), tmp_path, name)


def test_missing_table_names_the_notebook_order(tmp_path: Path) -> None:
    from mediaframes import tables

    with pytest.raises(FileNotFoundError, match="run the notebook that writes it first"):
        tables.read_table(tmp_path, "statements")


def _browser_table() -> pd.DataFrame:
    statements = pd.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2"],
            "article_id": ["a"] * 3,
            "speaker": ["kim", "", "lee"],
            "quote_type": ["direct", "narration", "indirect"],
        }
    )
    frames = pd.DataFrame({"statement_id": ["a:0", "a:0", "a:2"],
                           "frame": ["security", "diplomacy", "security"]})  # fmt: skip
    evidence = pd.DataFrame(
        {
            "statement_id": ["a:0", "a:1", "a:2"],
            "plain": ["[[Kim said {{no <b>}}.]]", "[[Rain fell.]]", "[[Lee said yes.]]"],
            "html": ['<mark class="mf-statement">Kim said &lt;b&gt;</mark>', "rain", "lee"],
        }
    )
    return browse.browser_table(statements, frames, evidence)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a:0", "a:1", "a:2"]),
        ({"actor": "kim"}, ["a:0"]),
        ({"actor": browse.NARRATION}, ["a:1"]),
        ({"quote_type": "indirect"}, ["a:2"]),
        ({"frame": "security"}, ["a:0", "a:2"]),
        ({"frame": "security", "actor": "lee"}, ["a:2"]),
        ({"frame": "diplomacy", "quote_type": "indirect"}, []),
        ({"actor": browse.ALL, "frame": browse.ALL}, ["a:0", "a:1", "a:2"]),
    ],
)
def test_browser_filters(filters: dict, expected: list[str]) -> None:
    rows = browse.filter_statements(_browser_table(), **filters)
    assert rows["statement_id"].tolist() == expected


def test_browser_choices_and_html() -> None:
    table = _browser_table()
    assert table["frames"].tolist() == ["diplomacy; security", "", "security"]
    assert browse.choices(table) == {
        "actor": [browse.ALL, browse.NARRATION, "kim", "lee"],
        "quote_type": [browse.ALL, "direct", "indirect", "narration"],
        "frame": [browse.ALL, "diplomacy", "security"],
    }
    html = browse.render_html(table, limit=2)
    assert "3 statement(s)" in html and "1 more rows not shown" in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_browser_static_and_interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    table = _browser_table()
    static = browse.statement_browser(table, interactive=False)
    assert isinstance(static, pd.DataFrame) and "evidence" in static.columns
    monkeypatch.setattr(browse, "widgets_available", lambda interactive=True: interactive)
    box = browse.statement_browser(table, interactive=True)
    actor, _qtype, _frame = box.children[0].children
    # labelled as notebook 02's prose ("Filter by speaker, statement type and frame") and the
    # table's header name them; "actor" and "quote type" before (acceptance test 17c, #17)
    assert [p.description for p in box.children[0].children] == ["speaker", "type", "frame"]
    named = browse.statement_browser(table, interactive=True, labels={"lee": "Ana Lee"})
    picker, html_view = named.children[0].children[0], named.children[1]
    assert ("Ana Lee", "lee") in picker.options and "<td>Ana Lee</td>" in html_view.value
    picker.value = "lee"  # the names label the ids the filter still takes
    assert "1 statement(s)" in html_view.value
    view = box.children[1]
    assert "3 statement(s)" in view.value
    actor.value = "lee"
    assert "1 statement(s)" in view.value and "a:2" in view.value


def test_notebook_prose_matches_the_report() -> None:
    """Defect 15 of accept16a: the notebooks' narration shows speakers by name (as the report),
    their markdown calls no statement a "readout" and claims no source labels the figure lacks."""
    folder = Path(__file__).resolve().parents[1] / "notebooks"
    text = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.ipynb")}
    code = {n: "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
            for n, nb in text.items()}  # fmt: skip
    prose = {n: "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] != "code")
             for n, nb in text.items()}  # fmt: skip
    for call in re.findall(r"narrate\.describe_\w+\([^)]*\)", "".join(code.values())):
        assert call.endswith(", labels)"), call
    assert "When two sides publish readouts" not in prose["04_framing.ipynb"]
    assert "the labels name\nthe sources" not in prose["02_statements.ipynb"]


def test_notebook_prose_says_where_a_hand_run_writes_and_when_a_table_is_empty() -> None:
    """Acceptance test 17c, #9 and #10: notebook 05 listed the PDF by bare name under prose
    saying PDFs "are published to `reports/`", where a hand run's student found an older report;
    notebook 03 showed an empty agreement table with one method and said nothing."""
    folder = Path(__file__).resolve().parents[1] / "notebooks"
    nb = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("0[35]*.ipynb")}
    cells = {n: ["".join(c["source"]) for c in b["cells"]] for n, b in nb.items()}
    report = cells["05_report.ipynb"]
    shown = next(c for c in report if "for p in pdfs" in c)
    assert "pipeline.shown_path(p, root)" in shown and "{p.name}" not in shown
    written = next(c for c in report if c.startswith("## What was written"))
    assert "`build/lab/` by default" in written and "may be an older report" in written
    agree = next(c for c in cells["03_sentiment.ipynb"] if c.startswith("## Do the methods agree"))
    assert "With a single method" in " ".join(agree.split())
    intro = " ".join(
        "".join(
            json.loads((folder / "01_corpus.ipynb").read_text("utf-8"))["cells"][0]["source"]
        ).split()
    )  # the order of notebooks, and what start_notebook now enforces (17c, #1)
    assert "with the same `output_dir`, `corpus_dir` and `actors_file`" in intro
