"""Ctrl-C and SIGTERM in the first seconds of ``mediaframes run`` (acceptance 16d #3).

Before the notebooks start, the runner checks the parameters and imports papermill (1-3 s):
an interruption there gave a 70-line traceback (SIGINT) or a silent death (SIGTERM), exit
130/143, and left ``reports/.staging-*``. The corpus text is INVENTED.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

GOOD = Path(__file__).parent / "fixtures" / "notebooks" / "good.ipynb"

#: Runs ``mediaframes run`` with one step made slow; touches a marker file when it is reached.
SCRIPT = """
import sys, time
from mediaframes import cli, config, pipeline

where, marker, argv = sys.argv[1], sys.argv[2], sys.argv[3:]

def slow(real):
    def wrapper(*args, **kwargs):
        open(marker, "w").close()
        time.sleep(60)
        return real(*args, **kwargs)
    return wrapper

if where == "launch":  # staging folder made, papermill being imported
    pipeline._launch = slow(pipeline._launch)
else:  # the parameter check
    config.load_params = slow(config.load_params)
sys.exit(cli.main(argv))
"""


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("where", ["params", "launch"])
def test_early_interrupt_is_one_line_and_leaves_nothing(
    tmp_path: Path, sig: signal.Signals, where: str
) -> None:
    corpus = tmp_path / "corpus" / "raw"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("INVENTED headline\n\nAn INVENTED line.\n", encoding="utf-8")
    params = tmp_path / "params.yaml"
    params.write_text(f'corpus_dir: "{corpus.parent}"\ncell_timeout: 5\n', encoding="utf-8")
    reports, marker, script = tmp_path / "reports", tmp_path / "reached", tmp_path / "slow.py"
    script.write_text(SCRIPT, encoding="utf-8")
    argv = ["run", "--params", str(params), "--reports", str(reports), "--notebooks", str(GOOD)]
    proc = subprocess.Popen(
        [sys.executable, str(script), where, str(marker), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), proc.communicate(timeout=5)
        if where == "launch":
            assert list(reports.glob(".staging-*")), "the window: staging folder exists"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    name = "Ctrl-C (SIGINT)" if sig == signal.SIGINT else "SIGTERM"
    assert proc.returncode == 1, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert (
        len(lines) == 1
        and lines[0].startswith("mediaframes run: error: ")
        and f"by {name}" in lines[0]
    ), err
    assert not list(reports.glob(".staging-*")) and not list(reports.glob(".trash-*"))
    assert not (reports / "report.pdf").exists()
