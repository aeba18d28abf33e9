"""Reading an actors file: spelling variants of its keys, and warnings for likely typos.

:func:`mediaframes.attribution.load_actors` reads the keys of an actors file exactly as the
header of ``resources/actors.yml`` spells them and keeps any other key as an extra. Two
misspellings would then change the results without a word: ``organisations`` (British
spelling) would leave the offices unmatched, ``aliasses`` the aliases. :func:`load_actors`
reads the file the way every command does (``analyze``, ``compare``, ``run`` and the
notebooks):

* :data:`SYNONYMS`: ``organisations`` is read as ``organizations`` (both in one entry is an
  error: which list was meant?);
* any other key close to a known one (``difflib.get_close_matches``, ratio at least
  :data:`CUTOFF`: ``aliasses``, ``title``, ``pronoun``) is kept as an extra, as before, with a
  warning naming the file, the actor and the key it resembles (:func:`key_warnings`); keys not
  close to a known one (``role``, ``party``) are kept silently.

Example:
    >>> data = {"actors": {"lee": {"name": "Ana Lee", "organisations": ["the Office"],
    ...                            "aliasses": ["Lee"]}}}
    >>> fixed, warns = normalize_actor_keys(data, "a.yml")
    >>> fixed["actors"]["lee"]["organizations"]
    ['the Office']
    >>> warns
    ["a.yml: actor 'lee': unknown key 'aliasses' (kept as an extra); did you mean 'aliases'?"]
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from mediaframes import attribution

#: The keys of an actor entry that the attribution reads (header of ``resources/actors.yml``).
KNOWN_KEYS = (
    "name",
    "aliases",
    "organizations",
    "gender",
    "pronouns",
    "country",
    "demonym",
    "titles",
)
#: Other spellings read as the known key.
SYNONYMS = {"organisations": "organizations"}
#: Smallest ``difflib`` similarity ratio for an unknown key to be warned about.
CUTOFF = 0.75


def _stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def key_warnings(entry: Mapping[Any, Any], where: str) -> list[str]:
    """Warnings for the keys of one actor entry that look like a misspelt known key.

    Args:
        entry: The actor's mapping (after :data:`SYNONYMS` are applied).
        where: ``"<file>: actor '<id>'"``, the start of each message.

    Returns:
        One message per such key, naming the key it resembles.

    Example:
        >>> key_warnings({"name": "A", "title": ["Dr"], "role": "x"}, "f.yml: actor 'a'")
        ["f.yml: actor 'a': unknown key 'title' (kept as an extra); did you mean 'titles'?"]
    """
    out = []
    for key in entry:
        if not isinstance(key, str) or key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(key.lower(), KNOWN_KEYS, n=1, cutoff=CUTOFF)
        if close:
            out.append(
                f"{where}: unknown key {key!r} (kept as an extra); did you mean {close[0]!r}?"
            )
    return out


def normalize_actor_keys(data: Any, source: str) -> tuple[Any, list[str]]:
    """Apply :data:`SYNONYMS` to every actor entry and list the likely misspelt keys.

    Anything that is not an actors mapping is returned unchanged, for
    :func:`mediaframes.attribution.actors_from_mapping` to refuse with its own message.

    Args:
        data: The parsed YAML of an actors file.
        source: The file's name, for the messages.

    Returns:
        ``(data with synonyms renamed, warnings)``; the input is not modified.

    Raises:
        ValueError: An entry has both a key and its synonym (message names file and actor).

    Example:
        >>> normalize_actor_keys({"actors": {"a": {"name": "A", "organisations": "X"}}}, "f")
        ({'actors': {'a': {'name': 'A', 'organizations': 'X'}}}, [])
    """
    if not isinstance(data, dict) or not isinstance(data.get("actors"), dict):
        return data, []
    actors: dict[Any, Any] = {}
    warnings: list[str] = []
    for actor_id, entry in data["actors"].items():
        if not isinstance(entry, dict):
            actors[actor_id] = entry
            continue
        where = f"{source}: actor {actor_id!r}"
        fixed: dict[Any, Any] = {}
        for key, value in entry.items():
            known = SYNONYMS.get(key, key) if isinstance(key, str) else key
            if known in fixed or (known != key and known in entry):
                raise ValueError(f"{where}: both {known!r} and {key!r} given; keep one")
            fixed[known] = value
        actors[actor_id] = fixed
        warnings.extend(key_warnings(fixed, where))
    return {**data, "actors": actors}, warnings


def load_actors(
    path: str | Path | None = None, warn: Callable[[str], None] | None = _stderr
) -> attribution.Actors:
    """Load an actors file as :func:`mediaframes.attribution.load_actors`, spelling variants read.

    Args:
        path: The actors file, or None for the packaged ``resources/actors.yml``.
        warn: Called with each warning of :func:`normalize_actor_keys` (default: printed on
            stderr as ``warning: …``); None for none (a second load of the same file).

    Returns:
        The actors.

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: The file is not valid YAML or not a valid actors file (message names it).

    Example:
        >>> load_actors().ids
        ['macron', 'putin']
    """
    data, p = attribution.read_actors_file(path)
    data, warnings = normalize_actor_keys(data, str(p))
    if warn is not None:
        for message in warnings:
            warn(message)
    return attribution.actors_from_mapping(data, str(p))
