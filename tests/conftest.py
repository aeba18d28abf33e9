"""Fixtures shared by several test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mediaframes import pipeline


@pytest.fixture(scope="module")
def pinned_package_hash() -> Iterator[str]:
    """Pin the package-source hash and git commit for one module's runs (module-wide, autouse).

    Other code may be saved or committed while the slow tests run (an editor, a colleague);
    "same inputs, same result" is about the inputs at the start (the commit the report names
    decides "up to date" too). ``package_hash`` itself is tested in
    ``test_pipeline.py::test_package_hash``.
    """
    mp = pytest.MonkeyPatch()
    value = pipeline.package_hash()
    commit = pipeline.git_commit(pipeline.paths.repo_root())
    mp.setattr(pipeline, "package_hash", lambda package_dir=None: value)
    mp.setattr(pipeline, "git_commit", lambda root: commit)
    yield value
    mp.undo()
