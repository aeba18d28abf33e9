"""Reading an actors file: spelling variants of its keys, and warnings for likely typos.

:func:`mediaframes.attribution.load_actors` reads the keys of an actors file exactly as the
header of ``resources/actors.yml`` spells them and keeps any other key as an extra. Two
misspellings would then change the results without a word: ``organisations`` (British
spelling) would leave the offices unmatched, ``aliasses`` the aliases. :func:`load_actors`
reads the file the way every command does (``analyze``, ``compare``, ``run`` and the
notebooks):

* :data:`SYNONYMS`: ``organisations`` is read as ``organizations`` (both in one entry is an
  error: which list was meant?);
* any other key close to a known one (:func:`close_key`: ``aliasses``, ``title``, ``pronoun``,
  ``titel``) is kept as an extra, as before, with a
  warning naming the file, the actor and the key it resembles (:func:`key_warnings`); other
  keys (``party``, ``spokespeople``) are kept with a warning that the analysis does not use
  them, except the descriptive :data:`DESCRIPTIVE_KEYS` (``role``, ``notes``), kept silently;
* ``pronouns`` given as one string (``pronouns: they/them``) is an error
  (:func:`check_pronouns`): it must be a list;
* a name written "Surname, Given" (``name: "Oberlin, Tomas"``) is warned of, with the name in
  text order to write instead (:func:`name_warnings`).

With ``strict`` (``--strict`` of ``analyze`` and ``run``), :func:`load_actors` makes these
warnings an error (exit 2).

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
    "surname",
)
#: Keys that describe the actor for the reader (the actors file's header documents them); kept
#: as extras silently, not used by the analysis.
DESCRIPTIVE_KEYS = ("role", "notes")
#: Other spellings read as the known key.
SYNONYMS = {"organisations": "organizations"}
#: Smallest ``difflib`` similarity ratio for an unknown key to be warned about.
CUTOFF = 0.75
#: Most edits (:func:`edit_distance`) between a key of 5 letters or more and a known key for
#: the key to be named as its likely misspelling.
MAX_EDITS = 2


def _stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


#: What the warning for an unknown key that starts with ``spokes`` adds.
SPOKESPEOPLE_HINT = (
    "spokespeople are found in the text, not listed: one introduced with a role tied to the "
    "actor's name, office, country or demonym ('Kremlin spokesman Dmitry Peskov', 'a "
    "spokeswoman for the ministry') speaks for the actor (see the actors file header)"
)


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``a`` into ``b``.

    The optimal-string-alignment distance: a swap of two letters (``titel`` for ``title``)
    is one edit, not two.

    Example:
        >>> edit_distance("titel", "titles"), edit_distance("gendre", "gender")
        (2, 1)
    """
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            row.append(cost)
        prev2, prev = prev, row
    return prev[-1]


def close_key(key: str) -> str | None:
    """The known key that ``key`` most likely misspells, or None.

    Close means a ``difflib`` ratio of at least :data:`CUTOFF`, or, for a key of 5 letters or
    more, at most :data:`MAX_EDITS` edits (:func:`edit_distance`, a swap counting one):
    ``titel`` is ``title`` with two letters swapped, missing the ``s`` of ``titles``.

    Example:
        >>> close_key("aliasses"), close_key("titel"), close_key("party"), close_key("age")
        ('aliases', 'titles', None, None)
    """
    low = key.lower()
    close = difflib.get_close_matches(low, KNOWN_KEYS, n=1, cutoff=CUTOFF)
    if close:
        return close[0]
    if len(low) < 5:
        return None
    distance, known = min((edit_distance(low, k), k) for k in KNOWN_KEYS)
    return known if distance <= MAX_EDITS else None


def key_warnings(entry: Mapping[Any, Any], where: str) -> list[str]:
    """Warnings for the keys of one actor entry that the analysis does not read.

    A key close to a known one (``difflib``, ratio at least :data:`CUTOFF`) is named as a likely
    misspelling; any other key but :data:`KNOWN_KEYS` and :data:`DESCRIPTIVE_KEYS` is said to be
    unused (``spokespeople: [...]`` gets :data:`SPOKESPEOPLE_HINT`, how they are recognised).

    Args:
        entry: The actor's mapping (after :data:`SYNONYMS` are applied).
        where: ``"<file>: actor '<id>'"``, the start of each message.

    Returns:
        One message per such key.

    Example:
        >>> key_warnings({"name": "A", "title": ["Dr"], "role": "x"}, "f.yml: actor 'a'")
        ["f.yml: actor 'a': unknown key 'title' (kept as an extra); did you mean 'titles'?"]
        >>> key_warnings({"name": "A", "party": "x"}, "f.yml: actor 'a'")
        ["f.yml: actor 'a': unknown key 'party' (kept as an extra, not used by the analysis)"]
    """
    out = []
    for key in entry:
        if not isinstance(key, str) or key in KNOWN_KEYS or key in DESCRIPTIVE_KEYS:
            continue
        close = close_key(key)
        if close:
            out.append(f"{where}: unknown key {key!r} (kept as an extra); did you mean {close!r}?")
            continue
        message = f"{where}: unknown key {key!r} (kept as an extra, not used by the analysis)"
        if key.lower().startswith("spokes"):
            message += f"; {SPOKESPEOPLE_HINT}"
        out.append(message)
    return out


#: Words after the comma of a name that are a suffix, not a given name ("Ana Lee, Jr.").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "qc", "kc", "mp"})
#: Lower-case words a name may hold (particles, as the attribution reads them).
NAME_PARTICLES = frozenset(
    "de da del della di do dos du la le van von der den ter bin ibn bint ben ap".split()
)


def name_warnings(entry: Mapping[Any, Any], where: str) -> list[str]:
    """A warning when ``name`` is written "Surname, Given" ("Oberlin, Tomas").

    The text is searched for the name as written and its last word is taken as the surname, so
    such a name matches almost nothing and its given name is read as the surname. A suffix after
    the comma ("Ana Lee, Jr.", :data:`NAME_SUFFIXES`) and a comma between lower-case words
    (not a person's name) are not warned of.

    Args:
        entry: The actor's mapping.
        where: ``"<file>: actor '<id>'"``, the start of the message.

    Returns:
        No message, or one suggesting the name in text order.

    Example:
        >>> name_warnings({"name": "Oberlin, Tomas"}, "f.yml: actor 'o'")  # doctest: +ELLIPSIS
        ["f.yml: actor 'o': name 'Oberlin, Tomas' looks like 'Surname, Given name': ... \
write the name as it appears in text: name: Tomas Oberlin"]
        >>> name_warnings({"name": "Ana Lee, Jr."}, "f.yml: actor 'a'")
        []
    """
    name = entry.get("name")
    if not isinstance(name, str) or name.count(",") != 1:
        return []
    surname, given = (part.split() for part in name.split(","))
    if not surname or not given or given[-1].strip(".").lower() in NAME_SUFFIXES:
        return []
    words = [*surname, *given]
    if not all(w[:1].isupper() or w in NAME_PARTICLES for w in words):
        return []
    suggested = " ".join([*given, *surname])
    return [
        f"{where}: name {name!r} looks like 'Surname, Given name': the articles are searched "
        f"for the name as written, comma included, and its last word {given[-1]!r} is taken "
        f"as the surname, so the actor is hardly ever found; write the name as it appears in "
        f"text: name: {suggested}"
    ]


def check_pronouns(entry: Mapping[Any, Any], where: str) -> None:
    """Refuse ``pronouns`` given as one string: it must be a list of words.

    ``pronouns: they/them`` would be read as the single pronoun ``they/them``, which no text
    contains, so no pronoun would ever refer to the actor.

    Args:
        entry: The actor's mapping.
        where: ``"<file>: actor '<id>'"``, the start of the message.

    Raises:
        ValueError: ``pronouns`` is a string (the message names file, actor and key).

    Example:
        >>> check_pronouns({"pronouns": ["they", "them"]}, "f.yml: actor 'a'")
        >>> check_pronouns({"pronouns": "they/them"}, "f.yml: actor 'a'")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ValueError: f.yml: actor 'a': key 'pronouns' must be a list of words, ... 'they/them'
    """
    value = entry.get("pronouns")
    if isinstance(value, str):
        raise ValueError(
            f"{where}: key 'pronouns' must be a list of words, e.g. "
            f"pronouns: [they, them, their, theirs, themselves]; got the string {value!r}"
        )


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
        ValueError: An entry has both a key and its synonym, or ``pronouns`` as one string
            (:func:`check_pronouns`); the message names file and actor.

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
        check_pronouns(fixed, where)
        actors[actor_id] = fixed
        warnings.extend(key_warnings(fixed, where))
        warnings.extend(name_warnings(fixed, where))
    return {**data, "actors": actors}, warnings


def load_actors(
    path: str | Path | None = None,
    warn: Callable[[str], None] | None = _stderr,
    *,
    strict: bool = False,
) -> attribution.Actors:
    """Load an actors file as :func:`mediaframes.attribution.load_actors`, spelling variants read.

    Args:
        path: The actors file, or None for the packaged ``resources/actors.yml``.
        warn: Called with each warning of :func:`normalize_actor_keys` (default: printed on
            stderr as ``warning: …``); None for none (a second load of the same file).
        strict: Make the warnings of :func:`normalize_actor_keys` (a misspelt or unused key, a
            name written "Surname, Given") an error (``--strict``). A surface shared by several
            actors (:func:`shared_warnings`) stays a warning: it has a documented reading.

    Returns:
        The actors.

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: The file is not valid YAML or not a valid actors file, or, with ``strict``,
            has a warning (message names it).

    Example:
        >>> load_actors().ids
        ['macron', 'putin']
    """
    data, p = attribution.read_actors_file(path)
    data, warnings = normalize_actor_keys(data, str(p))
    actors = attribution.actors_from_mapping(data, str(p))
    if strict and warnings:
        raise ValueError(
            f"{p}: {len(warnings)} warning(s) about the actors file, errors with --strict:\n  "
            + "\n  ".join(warnings)
        )
    if warn is not None:
        for message in [*warnings, *shared_warnings(actors, str(p))]:
            warn(message)
    return actors


def shared_warnings(actors: attribution.Actors, source: str) -> list[str]:
    """One warning per name, alias or office that several actors list.

    Such a surface goes, in each article, to the one of its owners that the article names
    otherwise (:func:`mediaframes.attribution.shared_surfaces`); in an article that names none
    of them it is nobody's (a merged actors file's "the governor" is not the first governor of
    the file).

    Example:
        >>> a = attribution.Actor("a", "Ana Lee", ("the governor",), ())
        >>> b = attribution.Actor("b", "Rosa Quil", ("the governor",), ())
        >>> shared_warnings(attribution.Actors((a, b)), "f.yml")  # doctest: +ELLIPSIS
        ["f.yml: 'governor' is listed by actors 'a', 'b': in each article it is the one of them ...
    """
    return [
        f"{source}: {surface!r} is listed by actors {', '.join(map(repr, owners))}: in each "
        "article it is the one of them the article names otherwise (the last named before it, "
        "else the next), and nobody's where none of them is named"
        for surface, owners in attribution.shared_surfaces(actors.actors).items()
    ]
