"""What decides "up to date" in ``mediaframes run``: the corpus files and the run's provenance.

Every article text and name here is INVENTED for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mediaframes import corpus, pipeline

ARTICLE = "INVENTED headline {n}\n\nMinister Ilse Varn said the INVENTED talks were {word}.\n"

#: Files of the test corpus (relative to the corpus folder), in folders ingest reads.
LAYOUT = (
    "raw/001_a.txt",
    "raw/sub/002_b.txt",
    "raw/processed/003_c.txt",  # a lab's batch folder: ingest reads it (acceptance 16d #1)
    "raw/__pycache__/004_d.txt",
    "raw/005_e.pyc",  # quarantined by name and format: still a listed input
)


def _corpus(folder: Path, raw: bool = True) -> Path:
    """An INVENTED corpus with articles in every kind of subfolder (``raw/`` or not)."""
    for n, rel in enumerate(LAYOUT):
        path = folder / (rel if raw else rel.removeprefix("raw/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.format(n=n, word="useful"), encoding="utf-8")
    (folder / "metadata.csv").write_text("article_id,outlet\n001_a,INVENTED Post\n")
    return folder


def _read_by_ingest(folder: Path) -> list[str]:
    """Files ingest reads or lists (articles and quarantine), from its own result."""
    result = corpus.scan_corpus(folder)
    names = {a.source_path for a in result.articles} | {r.source_path for r in result.quarantine}
    return sorted({n.split("#")[0].split(":")[0] for n in names} | {"metadata.csv"})


@pytest.mark.parametrize("raw", [True, False])
def test_every_file_ingest_reads_changes_the_corpus_hash(tmp_path: Path, raw: bool) -> None:
    """Acceptance 16d #1: an edit under raw/processed/ or raw/__pycache__/ gave "up to date"."""
    folder = _corpus(tmp_path / "corpus", raw)
    read = _read_by_ingest(folder)
    assert len(read) == len(LAYOUT) + 1, read  # every file of the layout is an input
    before, n_files = pipeline.corpus_hash(folder)
    assert n_files == len(read)
    for rel in read:
        path = folder / rel
        original = path.read_bytes()
        path.write_bytes(original.replace(b"useful", b"cynical") + b"\n")
        assert pipeline.corpus_hash(folder)[0] != before, f"edit of {rel} not in the hash"
        path.unlink()
        assert pipeline.corpus_hash(folder)[0] != before, f"deletion of {rel} not in the hash"
        path.write_bytes(original)
        assert pipeline.corpus_hash(folder)[0] == before


def test_the_hash_and_ingest_list_the_same_files(tmp_path: Path) -> None:
    """One definition: ``corpus.input_files`` is what ``scan_corpus`` reads."""
    folder = _corpus(tmp_path / "corpus")
    files, rejected = corpus.input_files(folder)
    assert [p.relative_to(folder).as_posix() for p in files] == _read_by_ingest(folder)
    assert rejected == []


def test_files_ingest_does_not_read_leave_the_hash_alone(tmp_path: Path) -> None:
    """Hidden files and files beside raw/ are not inputs: editing them keeps "up to date"."""
    folder = _corpus(tmp_path / "corpus")
    before = pipeline.corpus_hash(folder)
    (folder / "notes.txt").write_text("INVENTED notes of the coder\n")
    (folder / "raw" / ".draft.txt").write_text("INVENTED hidden draft\n")
    (folder / "raw" / ".cache").mkdir()
    (folder / "raw" / ".cache" / "x.txt").write_text("INVENTED cache\n")
    assert pipeline.corpus_hash(folder) == before
    assert "notes.txt" not in _read_by_ingest(folder)


def test_a_rejected_symlink_changes_the_hash(tmp_path: Path) -> None:
    """A link out of the corpus is listed in the quarantine: adding one is a change."""
    folder = _corpus(tmp_path / "corpus")
    before = pipeline.corpus_hash(folder)[0]
    outside = tmp_path / "outside.txt"
    outside.write_text(ARTICLE.format(n=9, word="late"))
    (folder / "raw" / "009_link.txt").symlink_to(outside)
    assert "raw/009_link.txt" in _read_by_ingest(folder)
    assert pipeline.corpus_hash(folder)[0] != before


# --------------------------------------------------------------------------- provenance

GOOD = Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb"

pytestmark = pytest.mark.usefixtures("pinned_package_hash")  # see conftest.py


def _quiet(*args: object, **kwargs: object) -> None:
    pass


class _Launched(Exception):
    pass


def _launched(*args: object, **kwargs: object) -> None:
    raise _Launched


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A report published by the INVENTED fixture notebook (no SOURCE_DATE_EPOCH set)."""
    base = tmp_path_factory.mktemp("published")
    folder = _corpus(base / "corpus")
    params = base / "params.yaml"
    params.write_text(f'corpus_dir: "{folder}"\nseed: 1\ncell_timeout: 5\n', encoding="utf-8")
    reports = base / "reports"
    mp = pytest.MonkeyPatch()
    mp.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = pipeline.run_pipeline(params, reports, notebooks=[GOOD], echo=_quiet)
    mp.undo()
    assert result.status == "succeeded", result.message
    return {"params": params, "reports": reports}


PROV = {"params_file": "p.yaml", "kernel": "k", "git_commit": "c1", "source_date_epoch": 0}


@pytest.mark.parametrize(
    ("last", "input_hash", "expected"),
    [
        (None, "h", [pipeline.NO_REPORT]),
        ({**PROV, "status": "failed", "input_hash": "h"}, "h", ["not of a successful run"]),
        ({**PROV, "status": "succeeded", "input_hash": "h"}, "h", []),
        ({**PROV, "status": "succeeded", "input_hash": "old"}, "h", ["the inputs changed"]),
        (
            {**PROV, "status": "succeeded", "input_hash": "h", "params_file": "q.yaml"},
            "h",
            ["names parameter file q.yaml, this run would name p.yaml"],
        ),
        (
            {**PROV, "status": "succeeded", "input_hash": "h", "kernel": "python3"},
            "h",
            ["names kernel python3, this run would name k"],
        ),
        (
            {**PROV, "status": "succeeded", "input_hash": "h", "git_commit": "c0"},
            "h",
            ["names git commit c0, this run would name c1"],
        ),
        (
            {**PROV, "status": "succeeded", "input_hash": "h", "source_date_epoch": 17},
            "h",
            ["PDF creation time (SOURCE_DATE_EPOCH) 17, this run would name 0"],
        ),
        # a manifest from before source_date_epoch was recorded: the default, 0
        (
            {
                "status": "succeeded",
                "input_hash": "h",
                "params_file": "p.yaml",
                "kernel": "k",
                "git_commit": "c1",
            },
            "h",
            [],
        ),  # fmt: skip
    ],
)
def test_stale_reasons(last: dict | None, input_hash: str, expected: list[str]) -> None:
    got = pipeline.stale_reasons(last, input_hash, PROV)
    assert len(got) == len(expected), got
    for reason, fragment in zip(got, expected, strict=True):
        assert fragment in reason


@pytest.mark.parametrize("value", [None, "", "0", "1700000000", "12abc", "-5"])
def test_pdf_timestamp_is_the_reports_rule(value: str | None) -> None:
    """The runner's reading of SOURCE_DATE_EPOCH is the one the report notebook stamps."""
    from mediaframes import report

    env = {} if value is None else {"SOURCE_DATE_EPOCH": value}
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        if value is not None:
            mp.setenv("SOURCE_DATE_EPOCH", value)
        assert pipeline.pdf_timestamp(env) == report._timestamp(None)


def test_same_run_is_up_to_date(published: dict[str, Path], monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_launch", _launched)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    result = pipeline.run_pipeline(
        published["params"], published["reports"], notebooks=[GOOD], echo=_quiet
    )
    assert result.status == "up to date"
    manifest = json.loads((published["reports"] / "manifest.json").read_text())
    assert manifest["source_date_epoch"] == 0


@pytest.mark.parametrize("change", ["params copy", "kernel", "git commit", "SOURCE_DATE_EPOCH"])
def test_what_the_report_names_decides_up_to_date(
    published: dict[str, Path], tmp_path: Path, monkeypatch, change: str
) -> None:
    """Acceptance 16d #2 and #4: these gave "up to date" with the old names in the report."""
    monkeypatch.setattr(pipeline, "_launch", _launched)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    params = published["params"]
    if change == "params copy":  # the same content under another name
        params = tmp_path / "params_copy.yaml"
        params.write_bytes(published["params"].read_bytes())
    if change == "kernel":
        params = tmp_path / "params.yaml"
        params.write_text(published["params"].read_text() + "kernel: python3\n")
    if change == "git commit":
        monkeypatch.setattr(pipeline, "git_commit", lambda root: "0" * 40)
    if change == "SOURCE_DATE_EPOCH":
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    lines: list[str] = []
    with pytest.raises(_Launched):
        pipeline.run_pipeline(
            params, published["reports"], notebooks=[GOOD], echo=lambda *a, **k: lines.append(a[0])
        )
    line = lines[0]
    assert line.startswith("rerunning: the report names")
    if change != "kernel":  # (a kernel in the parameters is also a new params file)
        assert "; " not in line, "only what differs"


@pytest.mark.parametrize("inside", ["raw", "raw/rep", "raw/sub/rep"])
def test_reports_inside_the_raw_inputs_are_refused_before_anything(
    tmp_path: Path, monkeypatch, inside: str
) -> None:
    """Acceptance 18b: `run --reports <corpus>/raw/rep` ran notebook 01, which failed, and left
    runs/<id>/ (notebook, manifest, log) and .lock in raw/: new quarantined inputs that changed
    the corpus hash. It is refused before any notebook, and nothing is created."""
    folder = _corpus(tmp_path / "corpus")
    params = tmp_path / "params.yaml"
    params.write_text(f'corpus_dir: "{folder}"\n', encoding="utf-8")
    before = pipeline.corpus_hash(folder)
    monkeypatch.setattr(pipeline, "_launch", _launched)
    reports = folder / inside
    with pytest.raises(pipeline.PipelineError, match="is inside the raw inputs"):
        pipeline.run_pipeline(params, reports, notebooks=[GOOD], echo=_quiet)
    assert pipeline.corpus_hash(folder) == before
    assert inside == "raw" or not reports.exists()


def test_reports_beside_raw_in_the_corpus_folder_are_fine(tmp_path: Path, monkeypatch) -> None:
    folder = _corpus(tmp_path / "corpus")
    params = tmp_path / "params.yaml"
    params.write_text(f'corpus_dir: "{folder}"\n', encoding="utf-8")
    monkeypatch.setattr(pipeline, "_launch", _launched)
    with pytest.raises(_Launched):  # it got as far as starting the notebooks
        pipeline.run_pipeline(params, folder / "reports", notebooks=[GOOD], echo=_quiet)
