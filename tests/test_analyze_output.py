"""What ``mediaframes analyze`` does to its output folder (acceptance 14a, defects 1, 2, 9, 14).

A run builds its whole output in a hidden staging folder beside ``--out`` and swaps it in only
when complete: an interrupted or failed rerun leaves the earlier output byte for byte. The
corpora are SYNTHETIC (``bench.SyntheticCorpus``) plus the INVENTED fixture article.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from mediaframes import bench, scale
from mediaframes.cli import main

ROOT = Path(__file__).resolve().parents[1]
INVENTED = ROOT / "tests" / "fixtures" / "invented" / "analysis" / "invented_article.txt"


def _corpus(root: Path, n: int) -> Path:
    """A corpus of ``n`` SYNTHETIC articles, the INVENTED one and an empty file."""
    raw = root / "raw"
    raw.mkdir(parents=True)
    shutil.copy(INVENTED, raw / INVENTED.name)
    for i, text in enumerate(bench.SyntheticCorpus(seed=5).texts(n)):
        (raw / f"{bench.article_id(i)}.txt").write_text(text, encoding="utf-8")
    (raw / "zz_empty.txt").write_text("", encoding="utf-8")
    return root


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path -> bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _leftovers(out: Path) -> list[str]:
    """Hidden staging folders of ``out`` beside it, and temporary files inside it."""
    hidden = [p.name for p in out.parent.glob(f".{out.name}{scale.STAGING_MARK}*")]
    return hidden + [str(p) for p in out.rglob("*.tmp")]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Corpus A (3 SYNTHETIC articles) and B (5): B's tables differ from A's."""
    base = tmp_path_factory.mktemp("corpora")
    return _corpus(base / "a", 3), _corpus(base / "b", 5)


@pytest.fixture
def old_out(corpora: tuple[Path, Path], tmp_path: Path) -> Path:
    """A complete output of corpus A, with a stale compare/ and a file of the user's."""
    out = tmp_path / "out"
    scale.analyze_corpus(corpora[0], out, chunk_size=1)
    (out / "compare").mkdir()
    (out / "compare" / "word_choice.csv").write_text("stale,INVENTED\n", encoding="utf-8")
    (out / "notes.txt").write_text("INVENTED notes of the user\n", encoding="utf-8")
    return out


def _fail_after_first_chunk(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    real = scale.analyze_chunk
    calls = []

    def analyze_chunk(articles, resources):
        calls.append(1)
        if len(calls) > 1:
            raise exc
        return real(articles, resources)

    monkeypatch.setattr(scale, "analyze_chunk", analyze_chunk)


@pytest.mark.parametrize(
    "exc", [KeyboardInterrupt(), scale.ScaleError("INVENTED failure")], ids=["ctrl-c", "error"]
)
def test_interrupted_rerun_leaves_the_old_output_byte_identical(corpora, old_out, monkeypatch, exc):
    before = _snapshot(old_out)
    _fail_after_first_chunk(monkeypatch, exc)
    with pytest.raises(type(exc)):
        scale.analyze_corpus(corpora[1], old_out, chunk_size=1)
    assert _snapshot(old_out) == before
    assert _leftovers(old_out) == []


@pytest.mark.parametrize("stage", ["write_aggregates", "record_actors", "carry_over"])
def test_failure_after_the_tables_changes_nothing(corpora, old_out, monkeypatch, stage):
    # defect 2: new per-article tables beside old corpus-level ones; here after combine()
    before = _snapshot(old_out)

    def fail(*args, **kwargs):
        raise OSError(f"INVENTED failure in {stage}")

    monkeypatch.setattr(scale, stage, fail)
    with pytest.raises(OSError, match=stage):
        scale.analyze_corpus(corpora[1], old_out, chunk_size=2)
    assert _snapshot(old_out) == before
    assert _leftovers(old_out) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_successful_rerun_replaces_everything_but_the_users_files(
    corpora, old_out, tmp_path, monkeypatch, exchange
):
    if not exchange:
        monkeypatch.setattr(scale, "_exchange", lambda a, b: False)
    summary = scale.analyze_corpus(corpora[1], old_out, chunk_size=2)
    fresh = tmp_path / "fresh"
    scale.analyze_corpus(corpora[1], fresh, chunk_size=2)
    got = _snapshot(old_out)
    assert not (old_out / "compare").exists()  # derived from the old tables: dropped
    assert got.pop("notes.txt") == b"INVENTED notes of the user\n"
    assert got == _snapshot(fresh)
    assert summary.kept == ["notes.txt"] and summary.n_articles == 6
    assert _leftovers(old_out) == []


def test_failed_second_rename_puts_the_old_output_back(corpora, old_out, monkeypatch):
    monkeypatch.setattr(scale, "_exchange", lambda a, b: False)
    before = _snapshot(old_out)
    real = Path.rename

    def rename(self, target):
        if scale.STAGING_MARK in self.name and not self.name.endswith(scale.OLD_SUFFIX):
            raise OSError("INVENTED failure of the second rename")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError, match="second rename"):
        scale.analyze_corpus(corpora[1], old_out, chunk_size=2)
    assert _snapshot(old_out) == before and _leftovers(old_out) == []


def test_output_through_a_symbolic_link_replaces_the_target(corpora, old_out, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(old_out)
    scale.analyze_corpus(corpora[1], link, chunk_size=2)
    assert link.is_symlink() and link.resolve() == old_out
    assert len(list((old_out / "texts").iterdir())) == 6


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_run_is_tidied_by_the_next(corpora, old_out):
    # SIGKILL leaves the staging folder; killed between two renames, the old output aside
    dead = _dead_pid()
    stage = old_out.with_name(f".out{scale.STAGING_MARK}{dead}-00000000")
    stage.mkdir()
    (stage / "statements.csv.tmp").write_text("INVENTED partial", encoding="utf-8")
    before = _snapshot(old_out)
    aside = old_out.with_name(f".out{scale.STAGING_MARK}{dead}-11111111{scale.OLD_SUFFIX}")
    old_out.rename(aside)
    done = scale.recover_output(old_out)
    assert _snapshot(old_out) == before
    assert sorted(done) == sorted([f"removed {stage.name}", f"restored out from {aside.name}"])
    assert _leftovers(old_out) == []


def test_a_running_process_staging_folder_is_left_alone(old_out):
    mine = scale.staging_path(old_out)
    mine.mkdir()
    assert scale.recover_output(old_out) == [] and mine.is_dir()


def test_no_valid_article_leaves_the_old_output(old_out, tmp_path):
    empty = tmp_path / "empty"
    (empty / "raw").mkdir(parents=True)
    (empty / "raw" / "a.txt").write_text("", encoding="utf-8")
    before = _snapshot(old_out)
    with pytest.raises(scale.ScaleError, match=r"raw/a\.txt: empty .*was not changed"):
        scale.analyze_corpus(empty, old_out)
    assert _snapshot(old_out) == before and _leftovers(old_out) == []


def test_output_path_that_is_a_file_or_a_root_is_refused(corpora, tmp_path):
    target = tmp_path / "file"
    target.write_text("INVENTED", encoding="utf-8")
    with pytest.raises(scale.ScaleError, match="exists and is not a folder"):
        scale.analyze_corpus(corpora[0], target)
    with pytest.raises(scale.ScaleError, match="file system root"):
        scale.analyze_corpus(corpora[0], Path("/"))


def test_unreachable_scheduler_creates_no_output_folder(corpora, tmp_path, monkeypatch):
    monkeypatch.setattr(scale, "CONNECT_TIMEOUT", 1)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tmp_path / "new"
    with pytest.raises(scale.ScaleError, match="cannot connect"):
        scale.analyze_corpus(corpora[0], out, scheduler=f"tcp://127.0.0.1:{port}")
    assert sorted(os.listdir(tmp_path)) == []


@pytest.mark.parametrize(
    ("raise_it", "why"),
    [
        (lambda: (_ for _ in ()).throw(KeyboardInterrupt()), "Ctrl-C (SIGINT)"),
        (lambda: os.kill(os.getpid(), signal.SIGTERM), "SIGTERM"),
        (lambda: os.kill(os.getpid(), signal.SIGINT), "Ctrl-C (SIGINT)"),
    ],
    ids=["keyboard-interrupt", "sigterm", "sigint"],
)
def test_interrupted_cli_prints_one_line_and_exits_1(
    corpora, old_out, monkeypatch, capsys, raise_it, why
):
    before = _snapshot(old_out)
    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    real = scale.analyze_chunk

    def analyze_chunk(articles, resources):
        raise_it()
        return real(articles, resources)

    monkeypatch.setattr(scale, "analyze_chunk", analyze_chunk)
    code = main(["analyze", str(corpora[1]), "--out", str(old_out), "--chunk-size", "1"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"mediaframes analyze: error: the analysis of {corpora[1]} was interrupted by {why}; "
        f"{old_out} was not changed\n"
    )
    assert _snapshot(old_out) == before and _leftovers(old_out) == []
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == handlers


def test_error_after_a_signal_is_reported_as_the_interruption(corpora, tmp_path, monkeypatch):
    # Ctrl-C while a local cluster starts surfaces as "Nanny failed to start" (accept14a)
    def nanny_fails(workers):
        os.kill(os.getpid(), signal.SIGINT)  # the handler raises; distributed wraps it
        raise AssertionError("not reached")

    def wrapped(workers):
        try:
            nanny_fails(workers)
        except KeyboardInterrupt as exc:
            raise scale.ScaleError("cannot start a local Dask cluster: Nanny failed") from exc

    monkeypatch.setattr(scale, "local_cluster", wrapped)
    out = tmp_path / "out"
    with pytest.raises(scale.AnalyzeInterrupted, match=r"Ctrl-C \(SIGINT\)"):
        scale.interrupts_raise()(scale.analyze_corpus)(corpora[0], out, workers=2)
    assert not out.exists() and _leftovers(out) == []


@pytest.mark.parametrize(
    ("name", "replaced"),
    [
        ("statements.csv", True),
        ("quarantine.parquet", True),
        ("sentiment_by_actor.csv", True),
        ("aggregates.json", True),
        ("texts", True),
        ("compare", True),
        ("_parts", True),
        ("tone.csv.tmp", True),
        (".aggregates-1qcewfkt", True),
        ("notes.txt", False),
        ("coded_frames.csv", False),
        ("statements.xlsx", False),
        ("my_compare", False),
    ],
)
def test_replaced_entry(name, replaced):
    assert scale.replaced_entry(name) is replaced
