"""The Makefile: every declared target has a rule, and ``make clean`` removes only real outputs."""

from __future__ import annotations

import re
from pathlib import Path

from mediaframes import paths

ROOT = Path(__file__).resolve().parents[1]
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _phony() -> set[str]:
    (line,) = re.findall(r"^\.PHONY:(.*)$", MAKEFILE, flags=re.M)
    return set(line.split())


def _rules() -> set[str]:
    return set(re.findall(r"^([a-zA-Z][a-zA-Z_-]*):(?!=)", MAKEFILE, flags=re.M))


def test_every_phony_target_has_a_rule_and_every_rule_is_phony() -> None:
    """A .PHONY name without a rule makes `make NAME` print "Nothing to be done" and exit 0."""
    assert _phony() - _rules() == set()
    assert _rules() - _phony() == set()


def test_every_target_is_listed_by_make_help() -> None:
    documented = set(re.findall(r"^([a-zA-Z][a-zA-Z_-]*):.*?## ", MAKEFILE, flags=re.M))
    assert documented == _phony()


def test_make_clean_removes_only_folders_that_something_writes() -> None:
    """The venv, build/ (analyze, lock) and the test and lint caches; no cache nothing uses."""
    (recipe,) = re.findall(r"^clean:.*\n\trm -rf (.*)$", MAKEFILE, flags=re.M)
    assert recipe.split() == ["$(VENV)", "build", ".pytest_cache", ".ruff_cache"]
    assert not hasattr(paths, "cache_dir")
    assert ".mediaframes-cache" not in (ROOT / ".gitignore").read_text(encoding="utf-8")
