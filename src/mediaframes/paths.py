"""Every path the project uses, built in one place.

Paths are derived from the repository root (the folder holding ``pyproject.toml``), or from
``MEDIAFRAMES_ROOT`` when set (tests point it at ``tmp_path``). Packaged resources (actor lists,
codebooks, lexicons, styles) live inside the package and are found with :func:`resource`.

Example:
    >>> from mediaframes import paths
    >>> paths.resource("actors.yml").name
    'actors.yml'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"


def repo_root() -> Path:
    """Return the project root: ``$MEDIAFRAMES_ROOT`` or the folder with ``pyproject.toml``.

    Falls back to the current working directory when the package is installed elsewhere.
    """
    env = os.environ.get("MEDIAFRAMES_ROOT")
    if env:
        return Path(env).resolve()
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "mediaframes").is_dir():
            return parent
    return Path.cwd().resolve()


def resource(*parts: str) -> Path:
    """Return the path of a packaged resource file, e.g. ``resource("codebooks", "x.yml")``."""
    return RESOURCES_DIR.joinpath(*parts)


def corpus_dir(root: Path | None = None) -> Path:
    """Folder of the user's corpus (``corpus/``)."""
    return (root or repo_root()) / "corpus"


def raw_dir(root: Path | None = None) -> Path:
    """Folder of verbatim source articles (``corpus/raw/``)."""
    return corpus_dir(root) / "raw"


def metadata_file(root: Path | None = None) -> Path:
    """Corpus-level metadata table (``corpus/metadata.csv``)."""
    return corpus_dir(root) / "metadata.csv"


def notebooks_dir(root: Path | None = None) -> Path:
    """Folder of the parameterized notebooks (``notebooks/``)."""
    return (root or repo_root()) / "notebooks"


def params_file(root: Path | None = None) -> Path:
    """Default pipeline parameters (``params/default.yaml``)."""
    return (root or repo_root()) / "params" / "default.yaml"


def reports_dir(root: Path | None = None) -> Path:
    """Published reports (``reports/``)."""
    return (root or repo_root()) / "reports"


def figures_dir(reports: Path) -> Path:
    """Figures folder inside a reports folder."""
    return reports / "figures"


def tables_dir(reports: Path) -> Path:
    """Tables folder inside a reports folder."""
    return reports / "tables"


def runs_dir(reports: Path) -> Path:
    """Per-run folders (executed notebooks, manifest) inside a reports folder."""
    return reports / "runs"


def cache_dir(root: Path | None = None) -> Path:
    """Analysis cache (``.mediaframes-cache/``), safe to delete."""
    return (root or repo_root()) / ".mediaframes-cache"


def bench_dir(reports: Path) -> Path:
    """Benchmark outputs inside a reports folder."""
    return reports / "bench"
