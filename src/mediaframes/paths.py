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
import tempfile
from collections.abc import Iterable
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


def bench_dir(reports: Path) -> Path:
    """Benchmark outputs inside a reports folder."""
    return reports / "bench"


def corpus_raw_dir(corpus: Path) -> Path:
    """Raw inputs of a corpus folder: ``<corpus>/raw`` when it exists, else the folder itself."""
    raw = corpus / "raw"
    return raw if raw.is_dir() else corpus


def corpus_metadata_file(corpus: Path) -> Path:
    """Metadata table of a corpus folder (``<corpus>/metadata.csv``)."""
    return corpus / "metadata.csv"


def ingest_texts_dir(out: Path) -> Path:
    """Folder of article texts written by ``mediaframes ingest`` (``<out>/texts``)."""
    return out / "texts"


def from_root(path: str | Path, root: Path | None = None) -> Path:
    """Resolve ``path`` against the repository root (absolute paths are kept as they are).

    Notebook and parameter-file paths are written relative to the repository root, so that they
    mean the same whether run from JupyterLab (cwd ``notebooks/``) or from ``make report``.
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else (root or repo_root()) / p


def codebook_from_root(book: str | Path, root: Path | None = None) -> str | Path:
    """A ``codebooks`` entry of the parameters as ``framing.load_codebook`` takes it.

    Like every path parameter (``corpus_dir``, ``actors_file``, ``loaded_terms_file``), a
    codebook file is read from the repository root (absolute paths as given), whichever folder
    the notebook runs in. An entry that names no file there and looks like an id (no folder,
    no ``.yml``/``.yaml``) stays a packaged codebook id; any other entry becomes the path from
    the root, so that a missing file's error names the file looked for.

    Args:
        book: A packaged codebook id or a YAML file, relative to the repository root.
        root: The repository root (default :func:`repo_root`).

    Returns:
        The file's path (a ``Path``, also for a file that does not exist), or the id unchanged
        (a ``str``).

    Example:
        >>> codebook_from_root("policy_frames")
        'policy_frames'
        >>> codebook_from_root("mine/health.yml", Path("/repo")).as_posix()
        '/repo/mine/health.yml'
    """
    p = from_root(book, root)
    text = str(book)
    looks_like_id = "/" not in text and os.sep not in text and not text.endswith((".yml", ".yaml"))
    return text if looks_like_id and not p.is_file() else p


def codebooks_from_root(books: Iterable[str | Path], root: Path | None = None) -> list[str | Path]:
    """:func:`codebook_from_root` of each entry of the ``codebooks`` parameter, in order.

    Example:
        >>> codebooks_from_root(["policy_frames", "mine/health.yml"], Path("/repo"))[0]
        'policy_frames'
    """
    return [codebook_from_root(book, root) for book in books]


def absolute(path: str | Path) -> Path:
    """Make a path given on the command line absolute, against the current working directory.

    Commands call this once, where they start: the notebooks of ``mediaframes run`` run in
    ``notebooks/`` and Dask workers in folders of their own, so a relative path handed on would
    name another file there. A relative path is resolved as ``open`` would follow it (``..``
    and symbolic links); an absolute one is kept as given, so messages name it as typed.

    Example:
        >>> absolute("reports").is_absolute(), absolute("/data/../x")
        (True, PosixPath('/data/../x'))
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else p.resolve()


def lab_output_dir(root: Path | None = None) -> Path:
    """Where notebooks run by hand in JupyterLab write (``build/lab/``), never ``reports/``."""
    return (root or repo_root()) / "build" / "lab"


def run_lock(reports: Path) -> Path:
    """Lock file held by ``mediaframes run`` while it writes to a reports folder."""
    return reports / ".lock"


def staging_dir(reports: Path, run_id: str) -> Path:
    """Private folder a run writes into before its outputs are published."""
    return reports / f".staging-{run_id}"


def _umask_mode() -> int:
    """The mode a new file gets under the process's umask (0o644 under umask 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: Read once at import (``os.umask`` can only be read by setting it).
_FILE_MODE = _umask_mode()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it and ``os.replace``.

    A reader never sees a half-written file, and a failed write leaves the old one. The file
    gets the umask's mode, as a plain ``open`` would give (``mkstemp`` makes 0600): colleagues
    who can read the tables can read the report too.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "x.txt"
        >>> write_atomic(p, b"hi")
        >>> p.read_bytes()
        b'hi'
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
