"""The notebook helpers (``mediaframes.steps``, ``mediaframes.browse``): their examples hold."""

from __future__ import annotations

import doctest
from types import ModuleType

import pytest

from mediaframes import browse, steps


@pytest.mark.parametrize("module", [steps, browse])
def test_docstring_examples(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 5 and result.failed == 0
