"""The headless runner: fault injection, atomic publish, lock, cache (``mediaframes run``).

Fault tests use the tiny INVENTED notebooks in ``tests/fixtures/notebooks/``: ``good.ipynb``
writes a table, a figure and a PDF whose bytes depend on ``seed``; each fault notebook breaks in
one way. A fault run is ``[good, fault]``, so the staging folder holds a complete new report
when the fault strikes: only the runner's checks keep it from being published.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediaframes import cli, paths, pipeline

pipeline_package_hash = pipeline.package_hash  # the real function, before any pinning

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
GOOD = FIXTURES / "good.ipynb"


pytestmark = pytest.mark.usefixtures("pinned_package_hash")  # see conftest.py


def run_argv(params: Path, reports: Path, *notebooks: Path, force: bool = False) -> list[str]:
    """The ``mediaframes run`` arguments for ``params``, ``reports`` and ``notebooks``."""
    argv = ["run", "--params", str(params), "--reports", str(reports), "--notebooks"]
    return [*argv, *map(str, notebooks), *(["--force"] if force else [])]


def snapshot(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (the lock file aside), by relative path."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != ".lock":
            out[p.relative_to(folder).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def assert_previous_report_intact(reports: Path, before: dict[str, str]) -> None:
    after = snapshot(reports)
    for name, digest in before.items():
        assert after.get(name) == digest, f"{name} changed or vanished"
    added = sorted(set(after) - set(before))
    assert all(name.startswith("runs/") for name in added), added
    assert not list(reports.glob(".staging-*")) and not list(reports.glob(".trash-*"))


def write_params(path: Path, corpus: Path, **values: object) -> Path:
    lines = [f"corpus_dir: {json.dumps(str(corpus))}"]
    lines += [f"{k}: {json.dumps(v)}" for k, v in values.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A good published report (seed 1), made once; tests copy its reports folder."""
    base = tmp_path_factory.mktemp("baseline")
    corpus = base / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "raw" / "a.txt").write_text("INVENTED test article.\n\nA line.\n", encoding="utf-8")
    params = write_params(base / "params.yaml", corpus, seed=1, cell_timeout=5)
    reports = base / "reports"
    result = pipeline.run_pipeline(params, reports, notebooks=[GOOD], echo=lambda *a, **k: None)
    assert result.status == "succeeded", result.message
    return {"corpus": corpus, "params": params, "reports": reports}


@pytest.fixture
def reports(baseline: dict[str, Path], tmp_path: Path) -> Path:
    """A private copy of the baseline reports folder."""
    dest = tmp_path / "reports"
    shutil.copytree(baseline["reports"], dest)
    return dest


# --------------------------------------------------------------------------- a good run


@pytest.mark.slow
def test_good_run_publishes_and_records(baseline: dict[str, Path]) -> None:
    reports = baseline["reports"]
    assert (reports / "tables" / "demo.csv").read_text() == "seed,value\n1,2\n"
    assert (reports / "tables" / "demo.parquet").is_file()
    assert {p.name for p in (reports / "figures").iterdir()} == {"demo.svg", "demo.png"}
    manifest = json.loads((reports / "manifest.json").read_text())
    run_dir = reports / "runs" / manifest["run_id"]
    assert json.loads((run_dir / "manifest.json").read_text()) == manifest
    assert manifest["status"] == "succeeded" and manifest["error"] is None
    assert manifest["parameters"]["seed"] == 1
    assert manifest["corpus"]["files"] == 1 and len(manifest["corpus"]["content_hash"]) == 64
    assert "papermill" in manifest["packages"]
    assert manifest["notebooks"][0]["name"] == "good.ipynb"
    assert manifest["notebooks"][0]["status"] == "succeeded"
    assert set(manifest["outputs"]) == {
        "report.pdf",
        "figures/demo.png",
        "figures/demo.svg",
        "tables/demo.csv",
        "tables/demo.parquet",
    }
    executed = json.loads((run_dir / "good.ipynb").read_text())
    injected = [
        c for c in executed["cells"] if "injected-parameters" in c["metadata"].get("tags", [])
    ]
    assert "seed = 1" in "".join(injected[0]["source"])
    assert pipeline.inspect_executed(run_dir / "good.ipynb") is None


@pytest.mark.slow
def test_manifest_keys_are_the_documented_ones(baseline: dict[str, Path]) -> None:
    """The keys the module docstring lists (``platform`` was listed and never written)."""
    import re

    doc = pipeline.__doc__.split("Manifest (``manifest.json``) keys:")[1].split("Example:")[0]
    doc = " ".join(doc.split())
    top = re.sub(r"\([^()]*\)", "", doc)  # without the parenthesized explanations
    keys = {k.strip() for span in re.findall(r"``([^`]+)``", top) for k in span.split(",")}
    manifest = json.loads((baseline["reports"] / "manifest.json").read_text())
    assert keys == set(manifest)
    nested = dict(re.findall(r"``(?:[a-z_]+, )*(corpus|notebooks)`` \(``([^`]+)``\)", doc))
    assert set(nested["corpus"].split(", ")) == set(manifest["corpus"])
    assert set(nested["notebooks"].split(", ")) == set(manifest["notebooks"][0])


# --------------------------------------------------------------------------- faults


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fault", "first_line", "reason"),
    [
        ("fail_cell", 'raise RuntimeError("injected failure")', "raised RuntimeError"),
        ("hang_cell", "time.sleep(600)", "timed out"),
        ("kill_kernel", "os.kill(os.getpid(), 9)", "kernel died"),
        ("exit_early", "sys.exit(0)", "ended the notebook early"),
    ],
)
def test_fault_fails_and_keeps_the_previous_report(
    baseline: dict[str, Path],
    reports: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fault: str,
    first_line: str,
    reason: str,
) -> None:
    before = snapshot(reports)
    params = write_params(tmp_path / "p.yaml", baseline["corpus"], seed=2, cell_timeout=3)
    code = cli.main(run_argv(params, reports, GOOD, FIXTURES / f"{fault}.ipynb"))
    err = capsys.readouterr().err
    assert code == 1
    assert f"{fault}.ipynb, cell 4 (`{first_line}`)" in err and reason in err
    assert_previous_report_intact(reports, before)
    failed = [
        json.loads(p.read_text())
        for p in (reports / "runs").glob("*/manifest.json")
        if json.loads(p.read_text())["status"] == "failed"
    ]
    assert len(failed) == 1 and f"{fault}.ipynb" in failed[0]["error"]
    assert [n["status"] for n in failed[0]["notebooks"]] == ["succeeded", "failed"]
    assert failed[0]["outputs"] == {}


@pytest.mark.slow
def test_whole_run_timeout(
    baseline: dict[str, Path], reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(reports)
    params = write_params(
        tmp_path / "p.yaml", baseline["corpus"], seed=3, cell_timeout=600, run_timeout=8
    )
    start = time.monotonic()
    code = cli.main(run_argv(params, reports, GOOD, FIXTURES / "hang_cell.ipynb"))
    assert time.monotonic() - start < 60
    err = capsys.readouterr().err
    assert code == 1 and "run_timeout of 8 s" in err
    assert_previous_report_intact(reports, before)


def _start_hanging_run(baseline: dict[str, Path], reports: Path, tmp_path: Path, seed: int):
    """Start ``mediaframes run`` on a hanging notebook; return it once its kernel runs."""
    import psutil

    params = write_params(tmp_path / "p.yaml", baseline["corpus"], seed=seed, cell_timeout=600)
    argv = run_argv(params, reports, GOOD, FIXTURES / "hang_cell.ipynb", force=True)
    proc = subprocess.Popen(
        [sys.executable, "-m", "mediaframes.cli", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.5)
        kids = psutil.Process(proc.pid).children(recursive=True)
        if any("ipykernel" in " ".join(k.cmdline()) for k in kids):
            return proc
    proc.kill()
    raise AssertionError("no kernel started within 120 s")


def _assert_all_gone(kids: list, timeout: float) -> None:
    """Every process in ``kids`` ends within ``timeout`` s (the rest are killed, then reported)."""
    import psutil

    gone, alive = psutil.wait_procs(kids, timeout=timeout)
    for k in alive:  # (do not leave them running when the test fails)
        with contextlib.suppress(psutil.NoSuchProcess):
            k.kill()
    assert not alive, [k.pid for k in alive]


@pytest.mark.slow
def test_sigterm_stops_the_notebooks_and_keeps_the_report(
    baseline: dict[str, Path], reports: Path, tmp_path: Path
) -> None:
    """``kill``/``timeout`` send SIGTERM: the child and its kernel stop, nothing is published."""
    import psutil

    before = snapshot(reports)
    proc = _start_hanging_run(baseline, reports, tmp_path, seed=4)
    try:
        time.sleep(4)  # (by then the second notebook's hanging cell runs)
        kids = psutil.Process(proc.pid).children(recursive=True)
        proc.terminate()
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, (out, err)
    assert "interrupted by SIGTERM" in err
    _assert_all_gone(kids, 15)
    assert_previous_report_intact(reports, before)


@pytest.mark.slow
def test_sigkill_of_the_runner_stops_the_notebooks(
    baseline: dict[str, Path], reports: Path, tmp_path: Path
) -> None:
    """A SIGKILLed ``mediaframes run`` leaves no notebook runner or kernel behind (14a)."""
    import psutil

    before = snapshot(reports)
    proc = _start_hanging_run(baseline, reports, tmp_path, seed=5)
    try:
        kids = psutil.Process(proc.pid).children(recursive=True)
        proc.kill()
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    _assert_all_gone(kids, 20)
    pipeline.recover(reports)  # (what the next run does first: the killed run's staging goes)
    assert_previous_report_intact(reports, before)


def _immutable(folder: Path, on: bool) -> bool:
    """Make ``folder`` unwritable (chattr +i as root, chmod otherwise); False if impossible."""
    if os.geteuid() != 0:
        folder.chmod(0o555 if on else 0o755)
        return True
    flag = "+i" if on else "-i"
    res = subprocess.run(["chattr", flag, str(folder)], capture_output=True, check=False)
    return res.returncode == 0


def test_unwritable_reports_folder(
    baseline: dict[str, Path],
    reports: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "_launch", _refuse)
    before = snapshot(reports)
    (reports / ".lock").unlink(missing_ok=True)
    if not _immutable(reports, True):
        pytest.skip("cannot make a folder unwritable here (root without chattr)")
    try:
        code = cli.main(run_argv(baseline["params"], reports, GOOD, force=True))
    finally:
        _immutable(reports, False)
    err = capsys.readouterr().err
    assert code == 1
    assert f"cannot write to the reports folder {reports}" in err
    assert_previous_report_intact(reports, before)


@pytest.mark.slow
def test_unwritable_runs_folder(
    baseline: dict[str, Path], reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The notebooks run, but the run cannot be recorded: nothing is published."""
    before = snapshot(reports)
    params = write_params(tmp_path / "p.yaml", baseline["corpus"], seed=6, cell_timeout=10)
    if not _immutable(reports / "runs", True):
        pytest.skip("cannot make a folder unwritable here (root without chattr)")
    try:
        code = cli.main(run_argv(params, reports, GOOD))
    finally:
        _immutable(reports / "runs", False)
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot record run" in err and "nothing was published" in err
    assert_previous_report_intact(reports, before)


# --------------------------------------------------------------------------- publish


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the notebooks were run")


def _fake_staging(reports: Path, run_id: str, seed: str) -> Path:
    staging = paths.staging_dir(reports, run_id)
    (staging / "tables").mkdir(parents=True)
    (staging / "figures").mkdir()
    (staging / "tables" / "t.csv").write_text(seed)
    (staging / "figures" / "f.svg").write_text(seed)
    (staging / "new.pdf").write_text(seed)
    return staging


def test_publish_swaps_outputs(reports: Path) -> None:
    old_manifest = (reports / "manifest.json").read_text()
    staging = _fake_staging(reports, "r2", "two")
    pipeline.publish(staging, reports, "r2", {"run_id": "r2"})
    assert (reports / "tables" / "t.csv").read_text() == "two"
    assert not (reports / "tables" / "demo.csv").exists()
    assert not (reports / "report.pdf").exists(), "old PDFs are replaced, not mixed in"
    assert (reports / "new.pdf").read_text() == "two"
    assert json.loads((reports / "manifest.json").read_text()) == {"run_id": "r2"}
    assert old_manifest != (reports / "manifest.json").read_text()
    assert not list(reports.glob(".trash-*")) and not (reports / pipeline.JOURNAL).exists()


def test_publish_includes_the_report_data(reports: Path) -> None:
    """``report.json`` (the data the PDF was typeset from) is published and replaced with it."""
    (reports / "report.json").write_text("old data")
    (reports / "stray.json").write_text("not a report's data")
    staging = _fake_staging(reports, "r4", "four")
    (staging / "new.json").write_text("new data")
    (staging / "run_info.json").write_text("the runner's, not published")
    pipeline.publish(staging, reports, "r4", {"run_id": "r4"})
    assert (reports / "new.json").read_text() == "new data"
    assert not (reports / "report.json").exists(), "old report data goes with its PDF"
    assert not (reports / "run_info.json").exists()
    assert (reports / "stray.json").read_text() == "not a report's data"
    assert "new.json" in pipeline.output_hashes(reports)
    assert "stray.json" not in pipeline.output_hashes(reports)
    assert "report.json" in pipeline.default_outputs()


def test_publish_failure_rolls_back(reports: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(reports)
    staging = _fake_staging(reports, "r3", "three")
    real_replace = os.replace

    def flaky(src: object, dst: object) -> None:
        if Path(str(src)).name == "tables" and "staging" in str(src):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(pipeline.os, "replace", flaky)
    with pytest.raises(pipeline.PipelineError, match="previous report was kept"):
        pipeline.publish(staging, reports, "r3", {"run_id": "r3"})
    monkeypatch.undo()
    shutil.rmtree(staging)
    assert snapshot(reports) == before


def test_interrupted_publish_is_recovered(reports: Path) -> None:
    """A crash between the swaps (simulated from the journal) is rolled back by the next run."""
    before = snapshot(reports)
    staging = _fake_staging(reports, "r4", "four")
    trash = reports / ".trash-r4"
    trash.mkdir()
    os.replace(reports / "figures", trash / "figures")
    os.replace(reports / "tables", trash / "tables")
    os.replace(staging / "figures", reports / "figures")
    journal = {
        "run_id": "r4",
        "staging": str(staging),
        "trash": str(trash),
        "old": ["figures", "tables"],
        "new": ["figures"],
    }
    (reports / pipeline.JOURNAL).write_text(json.dumps(journal))
    note = pipeline.recover(reports)
    assert note and "r4" in note
    assert snapshot(reports) == before


# --------------------------------------------------------------------------- lock


def test_second_run_is_refused_while_the_lock_is_held(
    baseline: dict[str, Path],
    reports: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "_launch", _refuse)
    before = snapshot(reports)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from filelock import FileLock; "
            "l = FileLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(60)",
            str(reports / ".lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        code = cli.main(run_argv(baseline["params"], reports, GOOD, force=True))
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert code == 1
    assert "another `mediaframes run` is writing to" in err and "wait for it to finish" in err
    assert_previous_report_intact(reports, before)


@pytest.mark.slow
def test_two_runs_at_once(baseline: dict[str, Path], reports: Path, tmp_path: Path) -> None:
    """Two real `mediaframes run` processes: the second is refused, the first publishes."""
    params = write_params(tmp_path / "p.yaml", baseline["corpus"], seed=5, cell_timeout=10)
    cmd = [sys.executable, "-m", "mediaframes.cli", *run_argv(params, reports, GOOD)]
    first = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert first.stdout is not None
    line = first.stdout.readline()  # printed while the first run holds the lock
    assert line.startswith("rerunning: the inputs changed"), line  # (another seed)
    line = first.stdout.readline()
    assert line.startswith("run "), line
    second = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    out, err = first.communicate(timeout=120)
    assert second.returncode == 1
    assert "another `mediaframes run` is writing to" in second.stderr
    assert first.returncode == 0, err
    assert (reports / "tables" / "demo.csv").read_text() == "seed,value\n5,10\n"
    manifest = json.loads((reports / "manifest.json").read_text())
    assert manifest["status"] == "succeeded" and manifest["parameters"]["seed"] == 5


# --------------------------------------------------------------------------- cache


def test_unchanged_inputs_do_no_work(
    baseline: dict[str, Path],
    reports: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(pipeline, "_launch", _refuse)
    before = snapshot(reports)
    assert cli.main(run_argv(baseline["params"], reports, GOOD)) == 0
    assert "up to date" in capsys.readouterr().out
    assert snapshot(reports) == before


class _Launched(Exception):
    pass


def _launched(*args: object, **kwargs: object) -> None:
    raise _Launched


@pytest.mark.parametrize("change", ["force", "corpus", "params", "output", "notebook"])
def test_changed_inputs_rerun(
    baseline: dict[str, Path],
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    monkeypatch.setattr(pipeline, "_launch", _launched)
    params, notebook, corpus = baseline["params"], GOOD, baseline["corpus"]
    force = change == "force"
    if change == "corpus":  # same parameters (same path), different content
        article = corpus / "raw" / "a.txt"
        orig = article.read_bytes()
        article.write_bytes(orig + b"An edited line.\n")
        try:
            with pytest.raises(_Launched):
                pipeline.run_pipeline(params, reports, notebooks=[notebook], echo=_quiet)
        finally:
            article.write_bytes(orig)
        return
    if change == "params":
        params = write_params(tmp_path / "p.yaml", corpus, seed=9, cell_timeout=5)
    if change == "output":
        (reports / "figures" / "demo.svg").write_text("<svg/>")
    if change == "notebook":
        notebook = tmp_path / "good.ipynb"
        nb = json.loads(GOOD.read_text())
        nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "More prose."})
        notebook.write_text(json.dumps(nb))
    with pytest.raises(_Launched):
        pipeline.run_pipeline(params, reports, notebooks=[notebook], force=force, echo=_quiet)


def _quiet(*args: object, **kwargs: object) -> None:
    pass


def test_timeouts_do_not_invalidate_the_cache(
    baseline: dict[str, Path], reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_launch", _refuse)
    params = baseline["params"]  # the same file (the report names it), another timeout
    original = params.read_text()
    params.write_text(original.replace("cell_timeout: 5", "cell_timeout: 50"))
    try:
        result = pipeline.run_pipeline(params, reports, notebooks=[GOOD], echo=_quiet)
    finally:
        params.write_text(original)
    assert result.status == "up to date"


def test_unknown_kernel_is_an_error_even_when_up_to_date(
    baseline: dict[str, Path],
    reports: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The kernel is a runner setting outside the input hash: the cache must not hide it."""
    monkeypatch.setattr(pipeline, "_launch", _refuse)
    params = tmp_path / "p.yaml"
    params.write_text(baseline["params"].read_text() + "kernel: no_such_kernel_r19\n")
    before = snapshot(reports)
    assert cli.main(run_argv(params, reports, GOOD)) == 2  # an invalid parameter
    captured = capsys.readouterr()
    assert "up to date" not in captured.out
    assert "Jupyter kernel 'no_such_kernel_r19' is not installed" in captured.err
    assert f"{params}: parameter 'kernel'" in captured.err
    assert snapshot(reports) == before
    # the same report with the installed kernel is still up to date
    assert cli.main(run_argv(baseline["params"], reports, GOOD)) == 0
    assert "up to date" in capsys.readouterr().out


# --------------------------------------------------------------------------- relative paths


class _Jobs(Exception):
    pass


def test_relative_paths_reach_the_notebooks_absolute(
    baseline: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--reports, --params and --notebooks relative to the shell's folder; the kernels run in
    the notebooks' folder, so every path handed to them must be absolute."""
    seen: dict[str, object] = {}
    real_jobs = pipeline._jobs

    def jobs(*args: object) -> list:
        seen["jobs"] = real_jobs(*args)
        seen["run_info"] = Path(args[2]["run_info_file"])  # runner values
        seen["run_info_exists"] = seen["run_info"].is_file()
        raise _Jobs

    monkeypatch.setattr(pipeline, "_jobs", jobs)
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(baseline["params"], work / "p.yaml")
    shutil.copy(GOOD, work / "good.ipynb")
    monkeypatch.chdir(work)
    with pytest.raises(_Jobs):
        pipeline.run_pipeline("p.yaml", "rel", notebooks=["good.ipynb"], echo=_quiet)
    assert seen["run_info"].is_absolute() and seen["run_info_exists"]
    assert seen["run_info"].parent.parent == work / "rel"
    (job,) = seen["jobs"]
    for key in ("input", "output", "cwd"):
        assert Path(job[key]).is_absolute(), key
    assert Path(job["parameters"]["output_dir"]).is_absolute()


@pytest.mark.slow
def test_run_with_a_relative_reports_folder(
    baseline: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding 1 of review 19: the notebook that reads run_info.json ran in its own folder."""
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(baseline["params"], work / "p.yaml")
    monkeypatch.chdir(work)
    result = pipeline.run_pipeline(
        "p.yaml", "../rel", notebooks=[GOOD, FIXTURES / "run_info.ipynb"], echo=_quiet
    )
    assert result.status == "succeeded", result.message
    reports = tmp_path / "rel"
    assert (reports / "tables" / "demo.csv").read_text() == "seed,value\n1,2\n"
    manifest = json.loads((reports / "manifest.json").read_text())
    assert manifest["params_file"] == str(work.resolve() / "p.yaml"), "outside the root: absolute"
    assert not list(work.glob("**/.staging-*")) and not list(FIXTURES.glob("**/.staging-*"))


@pytest.mark.parametrize(
    ("cwd", "given", "expected"),
    [
        # (working folder, path as typed, recorded): the same file, the same record
        ("repo/params", "p.yaml", "params/p.yaml"),
        ("repo", "params/p.yaml", "params/p.yaml"),
        ("elsewhere", "../repo/params/./p.yaml", "params/p.yaml"),
        ("repo", "{tmp}/repo/params/../params/p.yaml", "params/p.yaml"),
        ("repo", "link/p.yaml", "params/p.yaml"),  # a symbolic link into params/
        ("elsewhere", "q.yaml", "{tmp}/elsewhere/q.yaml"),
        ("repo", "../elsewhere/q.yaml", "{tmp}/elsewhere/q.yaml"),
        ("repo/params", "{tmp}/elsewhere/../elsewhere/q.yaml", "{tmp}/elsewhere/q.yaml"),
    ],
)
def test_params_file_is_recorded_canonically(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, given: str, expected: str
) -> None:
    """Defect 13 of acceptance test 15c: report.json (so report.pdf) held the path as typed."""
    tmp = tmp_path.resolve()
    (tmp / "repo" / "params").mkdir(parents=True)
    (tmp / "elsewhere").mkdir()
    (tmp / "repo" / "link").symlink_to(tmp / "repo" / "params")
    monkeypatch.chdir(tmp / cwd)
    got = pipeline.shown_path(given.format(tmp=tmp), tmp / "repo")
    assert got == expected.format(tmp=tmp)


# --------------------------------------------------------------------------- inspection


def _cell(
    source: str,
    count: int | None,
    outputs: list | None = None,
    tags: list | None = None,
    start: str | None = "t",
) -> dict:
    return {
        "cell_type": "code",
        "source": source,
        "execution_count": count,
        "outputs": outputs or [],
        "metadata": {"tags": tags or [], "papermill": {"start_time": start}},
    }


@pytest.mark.parametrize(
    ("cells", "error", "expected"),
    [
        ([_cell("a = 1", 1), _cell("b = 2", 2)], None, None),
        (
            [_cell("a = 1", 1), _cell("b", None, start=None)],
            None,
            "nb.ipynb, cell 2 (`b`): was never run (an earlier cell ended the notebook early)",
        ),
        (
            [
                _cell("x = 1", 1, tags=["parameters"]),
                _cell("x = 2", 2, tags=["injected-parameters"]),
                _cell("raise E", 3, [{"output_type": "error", "ename": "E", "evalue": "v"}]),
            ],
            None,
            "nb.ipynb, cell 2 (`raise E`): raised E: v",
        ),
        (
            [
                _cell(
                    "\n\nimport sys\nsys.exit(0)",
                    1,
                    [{"output_type": "error", "ename": "SystemExit", "evalue": "0"}],
                ),
                _cell("z", None, start=None),
            ],
            None,
            "nb.ipynb, cell 1 (`import sys`): ended the notebook early (SystemExit: 0)",
        ),
        (
            [_cell("a", 1), _cell("sleep", 2), _cell("c", None, start=None)],
            {"type": "CellTimeoutError", "message": "..."},
            "nb.ipynb, cell 2 (`sleep`): timed out (per-cell timeout of 3 s)",
        ),
        (
            [_cell("a", 1), _cell("kill", None), _cell("c", None, start=None)],
            {"type": "DeadKernelError", "message": "Kernel died"},
            "nb.ipynb, cell 2 (`kill`): the kernel died while it ran (killed, or out of memory)",
        ),
        (
            [_cell("a", None, start=None)],
            {"type": "NoSuchKernel", "message": "x"},
            "nb.ipynb: did not run: NoSuchKernel: x",
        ),
    ],
)
def test_find_problem(cells: list, error: dict | None, expected: str | None) -> None:
    problem = pipeline.find_problem({"cells": cells}, "nb.ipynb", error, cell_timeout=3)
    assert (problem.message() if problem else None) == expected


def test_expected_artifacts(tmp_path: Path) -> None:
    assert pipeline.expected_problems(tmp_path) == [
        "no tables in tables/",
        "no figures in figures/",
        "no PDF report",
    ]
    (tmp_path / "tables").mkdir()
    (tmp_path / "figures").mkdir()
    (tmp_path / "tables" / "a.csv").write_text("x\n1\n")
    (tmp_path / "figures" / "f.svg").write_text("<svg/>")
    (tmp_path / "figures" / "f.png").write_bytes(b"")
    (tmp_path / "r.pdf").write_bytes(b"%PDF")
    assert pipeline.expected_problems(tmp_path) == [
        "tables/a.parquet is missing",
        "figures/f.png is empty",
    ]


def test_missing_kernel_is_a_clear_error() -> None:
    with pytest.raises(pipeline.ParamError, match="ipykernel install --sys-prefix --name nope"):
        pipeline.check_kernel("nope", "p.yaml")


@pytest.mark.parametrize(
    ("name", "installed", "expected"),
    [
        ("python3", ["mediaframes", "python3"], None),
        # a typo: the close installed kernel, and no invitation to register the typo
        (
            "mediaframe",
            ["python3", "mediaframes"],
            "p.yaml: parameter 'kernel': Jupyter kernel 'mediaframe' is not installed; "
            "installed kernels: 'mediaframes', 'python3'; did you mean 'mediaframes'?",
        ),
        # the default kernel, not registered yet: make setup registers it
        ("mediaframes", ["python3"], "register it with `make setup` or `"),
        # another name close to none: how to register it
        ("r-kernel", ["python3"], "installed kernels: 'python3'; register it with `"),
        ("r-kernel", [], "installed kernels: none; register it with `"),
    ],
)
def test_kernel_problem_names_the_installed_kernels(name, installed, expected) -> None:
    problem = pipeline.kernel_problem(name, installed, "p.yaml")
    if expected is None:
        assert problem is None
    else:
        assert problem is not None and expected in problem
        assert problem.startswith(f"p.yaml: parameter 'kernel': Jupyter kernel {name!r}")
        assert ("--name mediaframe`" not in problem) and ("make setup" in problem) == (
            name == "mediaframes"
        )


def test_cli_kernel_typo_is_a_usage_error(tmp_path: Path, capsys) -> None:
    params = tmp_path / "p_kernel.yaml"
    params.write_text("kernel: mediaframe\n", encoding="utf-8")
    from jupyter_client.kernelspec import KernelSpecManager

    if "mediaframes" not in KernelSpecManager().find_kernel_specs():
        pytest.skip("the mediaframes kernel is not installed here")
    assert cli.main(["run", "--params", str(params), "--reports", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert f"{params}: parameter 'kernel'" in err and "did you mean 'mediaframes'?" in err


def test_package_hash(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "resources").mkdir(parents=True)
    (pkg / "__pycache__").mkdir()
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "resources" / "words.txt").write_text("peace\n")
    original = pipeline_package_hash  # the real function (the module fixture pins a stand-in)
    h1 = original(pkg)
    (pkg / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    (pkg / ".ipynb_checkpoints").mkdir()
    assert original(pkg) == h1, "caches do not count"
    (pkg / "resources" / "words.txt").write_text("war\n")
    h2 = original(pkg)
    assert h2 != h1, "a changed resource changes the hash"
    (pkg / "b.py").write_text("")
    assert original(pkg) not in (h1, h2), "a new file changes the hash"


# (quarantine.csv rows, console lines after a run): nothing quarantined is silent (INVENTED paths)
@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (None, []),  # no table
        ([], []),  # nothing quarantined
        (
            [("raw/401_empty.txt", "empty", "file has 0 bytes")],
            ["1 input quarantined", "  raw/401_empty.txt: empty (file has 0 bytes)"],
        ),
        (
            [("raw/a.txt", "binary", "NUL byte"), ("raw/b.jsonl#2", "malformed_record", "bad")],
            ["2 inputs quarantined", "  raw/a.txt: binary (NUL byte)",
             "  raw/b.jsonl#2: malformed_record (bad)"],
        ),
    ],
)  # fmt: skip
def test_quarantine_lines(tmp_path: Path, rows: list | None, expected: list[str]) -> None:
    import pandas as pd

    if rows is not None:
        pd.DataFrame(rows, columns=["source_path", "reason", "detail"]).to_csv(
            tmp_path / "quarantine.csv", index=False
        )
    lines = pipeline.quarantine_lines(tmp_path)
    if not expected:
        assert lines == []
    else:
        assert [lines[0].split(" (see")[0], *lines[1:]] == expected


@pytest.mark.parametrize(("quarantined", "up_to_date", "status"), [
    (0, False, 0), (0, True, 0), (2, False, 1), (2, True, 1),
])  # fmt: skip
def test_strict_status(tmp_path: Path, quarantined: int, up_to_date: bool, status: int) -> None:
    import pandas as pd

    tables = tmp_path / "tables"
    tables.mkdir()
    rows = [(f"raw/{i}.txt", "empty", "file has 0 bytes") for i in range(quarantined)]
    pd.DataFrame(rows, columns=["source_path", "reason", "detail"]).to_csv(
        tables / "quarantine.csv", index=False
    )
    printed: list[str] = []
    assert (
        pipeline.strict_status(tmp_path, up_to_date, echo=lambda m, **_: printed.append(m))
        == status
    )
    assert any("--strict: 2 inputs quarantined" in m for m in printed) == bool(quarantined)
    assert any("raw/0.txt" in m for m in printed) == (quarantined > 0 and up_to_date)


@pytest.mark.parametrize(
    "params_text",
    [
        "seed: 1\n\tbootstrap_n: 200\n",  # INVENTED: a tab indents a key (not valid YAML)
        "seed: -3\n",  # INVENTED: a value out of range
    ],
)
def test_run_errors_name_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture, params_text: str
) -> None:
    """``mediaframes run`` prefixes its errors as ``analyze`` and ``compare`` do, exit 2."""
    import argparse

    params = tmp_path / "params.yaml"
    params.write_text(params_text, encoding="utf-8")
    args = argparse.Namespace(
        params=str(params), reports=str(tmp_path / "reports"), notebooks=None, force=False
    )
    assert pipeline.run_command(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("mediaframes run: error: "), err
    assert not (tmp_path / "reports").exists()
