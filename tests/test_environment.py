"""requirements.in, requirements.txt and environment.yml declare one environment.

Conda cannot run on the project's machines, so this test is what keeps `environment.yml` honest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._\-\[\]]*)==([^\s;#]+)$")


def _canon(name: str) -> str:
    return re.sub(r"[-_.]+", "-", re.sub(r"\[.*\]", "", name)).lower()


def _pins(lines: list[str], where: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("-e") or line.startswith("-r"):
            continue
        m = PIN.match(line)
        assert m, f"{where}: not pinned exactly with ==: {raw!r}"
        pins[_canon(m.group(1))] = m.group(2)
    return pins


def _requirements_in() -> dict[str, str]:
    return _pins((ROOT / "requirements.in").read_text().splitlines(), "requirements.in")


def _lock() -> dict[str, str]:
    return _pins((ROOT / "requirements.txt").read_text().splitlines(), "requirements.txt")


def _environment_yml() -> tuple[dict, dict[str, str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_lists = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(pip_lists) == 1, "environment.yml needs exactly one pip section"
    return env, _pins(pip_lists[0], "environment.yml")


def test_environment_yml_declares_python_311():
    env, _ = _environment_yml()
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python=3.11" in conda
    assert "pip" in conda


def test_environment_yml_matches_requirements_in_package_by_package():
    _, env_pins = _environment_yml()
    assert env_pins == _requirements_in()


@pytest.mark.parametrize("name,version", sorted(_requirements_in().items()))
def test_every_direct_pin_is_in_the_lock_at_the_same_version(name, version):
    lock = _lock()
    assert name in lock, f"{name} is pinned in requirements.in but missing from requirements.txt"
    assert lock[name] == version, f"{name}: {version} in requirements.in, {lock[name]} in the lock"


def test_lock_pins_everything_exactly():
    assert len(_lock()) > len(_requirements_in())


@pytest.mark.parametrize(
    "name,minimum",
    [("nltk", (3, 9, 1)), ("nbconvert", (7, 17, 1))],
)
def test_pins_are_past_known_advisories(name, minimum):
    version = tuple(int(x) for x in re.findall(r"\d+", _lock()[name])[:3])
    assert version >= minimum


def _lab_command(*make_args: str) -> list[str]:
    """The ``jupyter lab`` command ``make lab`` would run (``make -n``: nothing starts)."""
    import shlex
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    res = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "lab", *make_args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    (line,) = [ln for ln in res.stdout.splitlines() if "jupyter lab" in ln]
    return shlex.split(line)


def test_make_lab_serves_the_repository_and_opens_notebooks():
    """Defect 9 of acceptance test 14b: the server root was notebooks/, so reports/, params/ and
    the codebooks could not be opened in JupyterLab."""
    from jupyter_server.serverapp import ServerApp
    from jupyterlab.labapp import LabApp

    argv = _lab_command()
    options = dict(a.split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    positional = [a for a in argv[2:] if not a.startswith("-")]
    assert positional == [], "a path argument would become the server's root"
    assert Path(options["--ServerApp.root_dir"]).resolve() == ROOT
    assert options["--LabApp.default_url"] == "/lab/tree/notebooks"
    assert (ROOT / "notebooks").is_dir()
    # the options name real settings (a misspelt one is only a warning at start)
    assert "root_dir" in ServerApp.class_traits() and "default_url" in LabApp.class_traits()


def test_make_lab_passes_extra_arguments():
    """``make lab LAB_ARGS=--allow-root`` (README: running as root, e.g. in a container)."""
    assert "--allow-root" in _lab_command("LAB_ARGS=--allow-root --no-browser")
    assert "--no-browser" in _lab_command("LAB_ARGS=--allow-root --no-browser")
