"""``mediaframes run`` whose stdout closes (``| head -1``): the run goes on and is recorded.

Uses the INVENTED fixture notebook ``tests/fixtures/notebooks/good.ipynb`` and an INVENTED
one-line article.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mediaframes import pipeline

GOOD = Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb"


pytestmark = pytest.mark.usefixtures("pinned_package_hash")  # see conftest.py


def _params(tmp_path: Path) -> Path:
    raw = tmp_path / "corpus" / "raw"
    raw.mkdir(parents=True)
    (raw / "a.txt").write_text("INVENTED test article.\n\nA line.\n", encoding="utf-8")
    params = tmp_path / "params.yaml"
    corpus = json.dumps(str(tmp_path / "corpus"))
    params.write_text(f"corpus_dir: {corpus}\nseed: 2\ncell_timeout: 60\n", encoding="utf-8")
    return params


def _assert_recorded(reports: Path, status: str = "succeeded") -> None:
    manifests = list((reports / "runs").glob("*/manifest.json"))
    assert len(manifests) == 1, "the run's manifest is recorded"
    assert json.loads(manifests[0].read_text(encoding="utf-8"))["status"] == status
    assert not list(reports.glob(".staging-*")), "no staging folder left behind"


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        # (stream, raises) per call → which calls reached the printer
        ([("out", False), ("out", True), ("out", False), ("err", False)], [0, 1, 3]),
        ([("out", True), ("err", True), ("err", False), ("out", False)], [0, 1, 2]),
        ([("out", False), ("out", False)], [0, 1]),
    ],
)
def test_tolerant_echo(calls: list[tuple[str, bool]], expected: list[int]) -> None:
    reached: list[int] = []
    closed: list[bool] = []

    def printer(i: int, file: object = None) -> None:
        reached.append(i)
        if calls[i][1]:
            raise BrokenPipeError

    echo = pipeline.tolerant_echo(printer, on_close=lambda: closed.append(True))
    for i, (stream, _) in enumerate(calls):
        echo(i, **({"file": sys.stderr} if stream == "err" else {}))
    assert reached == expected
    assert closed == ([True] if any(r and s == "out" for s, r in calls) else [])


def test_a_closed_echo_does_not_stop_the_run(tmp_path: Path) -> None:
    """Defect 8 of acceptance test 14b, in the library: the echo raises after its first line."""
    lines: list[str] = []

    def head_1(*args: object, **kwargs: object) -> None:
        if lines:
            raise BrokenPipeError(32, "Broken pipe")
        lines.append(" ".join(map(str, args)))

    reports = tmp_path / "reports"
    result = pipeline.run_pipeline(_params(tmp_path), reports, notebooks=[GOOD], echo=head_1)
    assert result.status == "succeeded", result.message
    assert len(lines) == 1 and lines[0].startswith("run ")
    _assert_recorded(reports)
    assert (reports / "report.pdf").is_file()


@pytest.mark.slow
def test_cli_run_piped_into_head(tmp_path: Path) -> None:
    """``mediaframes run … | head -1``: exit 0, no traceback, the manifest recorded."""
    reports = tmp_path / "reports"
    argv = ["run", "--params", str(_params(tmp_path)), "--reports", str(reports)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "mediaframes.cli", *argv, "--notebooks", str(GOOD)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline()  # type: ignore[union-attr]
    proc.stdout.close()  # type: ignore[union-attr]  # as `head -1` exits
    err = proc.stderr.read()  # type: ignore[union-attr]
    assert proc.wait(timeout=120) == 0, err
    assert first.startswith("run ")
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    _assert_recorded(reports)
