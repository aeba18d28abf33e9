"""What decides "up to date" in ``mediaframes run``: the corpus files and the run's provenance.

Every article text and name here is INVENTED for these tests.
"""

from __future__ import annotations

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
