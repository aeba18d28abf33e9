r"""Corpus ingest: read, validate and parse articles into :class:`~mediaframes.records.Article`.

One code path serves everything: :func:`iter_scan` reads every input of a corpus folder,
validates it and yields an article or a rejection; :func:`scan_corpus` collects them,
:func:`load_corpus` / :func:`iter_corpus` return the valid articles, and :func:`ingest_corpus`
writes them out (``mediaframes ingest``). Corpus files are data: they are parsed, never
executed, and nothing is fetched.

Input formats (by file extension, inside ``CORPUS_DIR/raw/`` or ``CORPUS_DIR`` itself):

* ``.txt`` — one article in the plain-text layout of the seed: headline on the first line, then
  an optional standfirst paragraph, photo captions ending in a parenthesised credit, a dateline
  (``PARIS —``) opening the first body paragraph, body paragraphs separated by blank lines, and
  page furniture ("Most Popular", "read more:") that is removed (:func:`parse_plain_text`).
* ``.html`` / ``.htm`` — the main text is extracted by trafilatura from the string (nothing is
  fetched: no network, no remote resources, scripts ignored); the headline comes from
  trafilatura's metadata, ``<title>`` or ``<h1>``; ``Article.text`` is headline + blank line +
  extracted text, each ``<figcaption>`` (credit included; not those in navigation, asides or
  footers) a paragraph of its own where its figure stood, then parsed like plain text with
  those paragraphs as captions (:func:`page_items`, :func:`place_captions`). The page's date,
  URL, site name (``outlet``; a bare host name is no outlet: it is kept as ``site_host``, with
  a warning) and author (byline or JSON-LD ``author``, else a ``By …`` block of the page;
  metadata key ``author``, in ``extra``) are kept as metadata. A live page's entry times stand
  before their entries, as furniture; its entry headings are left out, with a warning.
* ``.jsonl`` / ``.csv`` — one article per line / row with fields ``id`` and ``text`` (required;
  a ``.jsonl`` or ``.json`` file that is one JSON array or objects over several lines is read
  record by record, :func:`json_values`),
  ``title``, ``date``, ``outlet``, ``url`` (optional); other fields are kept as metadata
  (``extra``; a JSONL record's numbers, booleans, lists and objects keep their JSON types).
  A ``text`` holding HTML markup is made plain text first (:func:`markup_to_text`, warned).
  ``Article.text`` is ``title + "\n\n" + text`` so the headline has offsets too (a ``text``
  whose first line repeats the title loses that line, with a warning:
  :func:`drop_repeated_title`); ``source_path`` is ``<file>#<n>``, ``n`` the 1-based physical
  line where the record starts (what an editor shows; a CSV header is line 1, a quoted cell may
  span lines). A blank line is no record; a CSV row of empty cells is quarantined as ``empty``.

Metadata come from ``CORPUS_DIR/metadata.csv`` (columns ``article_id, outlet, url, date,
date_inferred, language, notes``; extra columns are kept). An explicit empty cell is ``None``:
nothing is invented. A missing or malformed metadata row never drops an article: the article is
accepted with null metadata and a warning (the text is the data; metadata can be added later).
Language: the ``language`` column when given, otherwise a simple offline detector over short
stopword lists (:func:`detect_language`). Non-English articles are accepted with a warning, not
rejected: the pipeline's lexicons are English, but the researcher decides what to study.

Validation (:func:`decode_bytes` and the readers). Every input (a .txt/.html file, or one line or
row of a JSONL/CSV file) is accepted or quarantined; ``inputs = accepted + quarantined``. Quarantine
reasons: ``oversized`` (over ``max_bytes`` per article, ``max_file_bytes`` per JSONL/CSV file),
``empty`` (0 bytes or whitespace only, a null ``text``), ``binary`` (NUL bytes or control
characters), ``undecodable`` (neither UTF-8 nor plausible cp1252), ``duplicate`` (same text as an
earlier input after Unicode normalization, case folding and whitespace collapsing, or, once
parsed, the same headline, standfirst, dateline and body whatever the captions, furniture, line
breaks and quotation-mark style: the same article in two formats, :func:`article_key`; the first
in path order is kept), ``malformed_record`` (invalid JSON, not an object, wrong CSV field count),
``missing_field`` (no ``id`` or ``text``: the fields found are listed, with a hint such as "rename
'Body' to 'text'"; a CSV header without them is one rejection for the file), ``no_text`` (nothing
left for the body after headline, captions and furniture; an HTML page whose main text has fewer
than ``MIN_HTML_WORDS`` words), ``unsupported_format`` (other extensions, archives included: no zip
bombs), ``outside_corpus`` (symbolic links leaving the folder), ``unreadable`` (OS errors).
Hidden files (``.gitkeep``) are not inputs. UTF-8 with or without a byte-order mark and UTF-16
with one, or without one (told by its NUL bytes: :func:`utf16_without_bom`) are read; cp1252 is
decoded and UTF-8 mojibake ("wonâ€™t", also "â€" + U+FFFD for ”) repaired, with a warning that
also counts what could not be repaired. Decomposed accents ("e" + U+0301) are composed to Unicode
NFC (:func:`compose_nfc`), with a warning, so they do not split words.
Ids are made safe file names by :func:`safe_id` (no separators, ``..``, NUL, absolute paths);
collisions get ``-2``, ``-3``; each change is a warning. Metadata: ``metadata.csv`` values
override a record's own ``date/outlet/url`` (with a warning when they differ).

Tables written by :func:`ingest_corpus` (UTF-8 CSV plus a Parquet twin; articles' Arrow types:
:func:`articles_schema`):

``articles.csv`` — one row per accepted article, in corpus input order (:data:`ROW_ORDER`):
    ``article_id``, ``headline``, ``standfirst``, ``dateline``, ``date``, ``date_inferred``
    (``true``/``false``/empty), ``outlet``, ``url``, ``language``, ``body`` (paragraphs joined by
    blank lines), ``captions`` (JSON list of strings), ``n_words`` (body words), ``n_paragraphs``,
    ``source_path``, ``fmt``, ``notes``, ``warnings`` (JSON list), ``spans`` (JSON object: field
    name to ``[start, end]`` or a list of them, offsets into ``texts/<article_id>.txt``),
    ``extra`` (JSON object of other metadata: a record's other fields, ``metadata.csv``'s
    other columns, an HTML page's ``author``), ``sha256`` (of the normalized text).
``quarantine.csv`` — ``source_path``, ``reason``, ``detail``.
``validation.json`` — counts: ``inputs``, ``accepted``, ``quarantined``, ``by_reason``,
    ``warnings`` (articles with warnings), ``warning_messages``, ``languages`` (articles per
    language), corpus-level ``notes`` (metadata table problems).
``texts/<article_id>.txt`` — ``Article.text`` exactly, UTF-8, so every offset can be checked.

The output folder is built next to ``DIR`` and renamed into place (atomic); an existing ``DIR``
is replaced only if it is an earlier ingest output or empty, and never when it holds the corpus
or lies inside the raw inputs. Nothing is written outside ``DIR`` (and its temporary twin).

Example:
    >>> a = parse_plain_text("Title\n\nPARIS — Body text here.\n", "x", "x.txt")
    >>> a.headline.text, a.dateline.text, a.body[0].text
    ('Title', 'PARIS', 'Body text here.')
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from mediaframes import paths
from mediaframes.records import Article, Span

log = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Plain-text layout: lines, blocks, captions, datelines, boilerplate
# ---------------------------------------------------------------------------------------------

#: Characters that end a sentence (a line ending otherwise is a title, a label or a link).
SENTENCE_END = ".!?\"'”’»…:;)"
_CLOSERS = "\"'”’»)"  # closing quotes and brackets after a final stop
_TERMINALS = ".!?…:;"
_DASHES = "—–-"  # em dash, en dash, hyphen (also "--")

# "PARIS —", "MOSCOW (AP) —", "WASHINGTON –", "KYIV, Ukraine —", "LONDON, Feb 28 (Reuters) -".
#: Spaces in a dateline may be no-break spaces, as web pages set them ("SKARVIK&nbsp;—").
_DATELINE_RE = re.compile(
    r"""^(?P<place>
            [^\W\d_][^\W_]*(?:[ \xa0\u202f.'’-]{1,2}[^\W\d_][^\W_]*)*\.?   # PLACE (words)
            (?:,[ \xa0\u202f][^\W_][\w.'’ \xa0\u202f]{0,30}?){0,2}        # , Region / , Feb 28
        )
        (?:[ \xa0\u202f]\((?P<agency>[^()\n]{1,40})\))?                # (AP), (Reuters)
        (?:[ \xa0\u202f]?(?:--|[—–-])|(?P<colon>:))[ \xa0\u202f]+       # — or – or - or :""",
    re.VERBOSE,
)


#: Capitalised labels that look like a "PLACE:" dateline but are not.
_NOT_PLACES = frozenset(
    "update updated breaking watch exclusive analysis opinion editorial live video photos "
    "correction file note listen read explainer comment review factbox timeline "
    "q&a".split()
)


@dataclass(frozen=True)
class _Unit:
    """A piece of the text being classified: ``kind`` is text, caption or boilerplate."""

    kind: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[tuple[str, bool, bool, bool], ...]:
    """Load ``resources/boilerplate.txt`` as ``(pattern, is_prefix, opens_tail, promo)``."""
    out = []
    for raw in paths.resource("boilerplate.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tail = line.startswith("[tail]")
        if tail:
            line = line[len("[tail]") :].strip()
        promo = line.startswith("[promo]")
        if promo:
            line = line[len("[promo]") :].strip()
        prefix = line.endswith("*")
        out.append((line.rstrip("*").strip().casefold(), prefix, tail, promo))
    return tuple(out)


#: A call to act ("[promo]" lines of boilerplate.txt) is furniture up to this length, also
#: when it ends like a sentence, if it addresses the reader ("Sign up to our morning
#: newsletter.", "Follow us on X."; not "Sign up for the draft was slow, the ministry said.").
MAX_PROMO_CHARS = 120
_READER_RE = re.compile(r"\b(?:you|your|our|us|we)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _boilerplate_index() -> tuple[dict[str, bool], dict[str, tuple[tuple[str, bool, bool], ...]]]:
    """Exact patterns (pattern -> opens tail) and prefixes grouped by first character."""
    exact: dict[str, bool] = {}
    prefixes: dict[str, list[tuple[str, bool, bool]]] = {}
    for pattern, is_prefix, tail, promo in _boilerplate_patterns():
        if is_prefix:
            prefixes.setdefault(pattern[:1], []).append((pattern, tail, promo))
        else:
            exact.setdefault(pattern, tail)
    return exact, {k: tuple(v) for k, v in prefixes.items()}


@lru_cache(maxsize=1)
def _credit_words_re() -> re.Pattern[str]:
    words = [
        w.strip()
        for w in paths.resource("photo_credits.txt").read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.lstrip().startswith("#")
    ]
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


#: Capital letters of the Latin, Greek and Cyrillic scripts ("Ø", "Å", "Þ", "Ł", "Ş", "Д"), for
#: names in bylines and credits: Python's ``re`` has no ``\p{Lu}``.
_UPPER = "".join(re.escape(chr(i)) for i in range(0x530) if chr(i).isupper())
_SLASH_CREDIT_RE = re.compile(rf"[^\W\d_][\w.)]*\s*/\s*[{_UPPER}]")
_FINAL_PAREN_RE = re.compile(r"\(([^()]{2,160})\)\s*$")
#: One word of a name: a capital first ("Østli", "Brekke-Nilsen"), or after a short lower-case
#: prefix and an apostrophe or hyphen ("d'Arcy", "al-Sayer").
_NAME_WORD = rf"(?:[a-z]{{1,3}}['’-])?[{_UPPER}][\w.'’-]*"
_BYLINE_RE = re.compile(
    rf"^By\s+{_NAME_WORD}(?:\s+(?:and\s+|&\s+|(?:(?:de|da|di|del|du|la|le|van|von|der|den|ter)"
    rf"\s+){{1,2}})?{_NAME_WORD}){{0,5}}"
    r"(?:\s*(?:,|and|in)\s+[\w .'’-]{1,40})?$"
)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A line holding only a time, as live pages stamp their posts: "15:05 GMT", "3.45pm", "09:12 ET".
_TIME_LINE_RE = re.compile(
    r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:\s*[+-]\d{1,2})?)?$"
    r"|^\d{1,2}\s*[ap]\.?m\.?(?:\s*[A-Z]{2,4})?$",
    re.IGNORECASE,
)
_DATE_LINE_RE = re.compile(
    r"^(?:(?:published|updated|posted)(?:\s+on)?:?\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}[^\n]{0,20})?$",
    re.IGNORECASE,
)


_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?"
#: A live page's label: "LIVE", "Live updates", "LIVE — updated 12:05", "Last updated 9.40am".
_LIVE_LABEL_RE = re.compile(
    rf"^live(?:\s+(?:updates?|blog|coverage))?"
    rf"(?:\s*[—–|:·-]+\s*(?:last\s+)?updated:?\s+(?:at\s+)?{_CLOCK})?$"
    rf"|^(?:last\s+)?updated:?\s+(?:at\s+)?{_CLOCK}$",
    re.IGNORECASE,
)
#: A photo credit on a line of its own: "Photograph: Jane Roe for the Gazette", "Credit: X/Y".
_CREDIT_LINE_RE = re.compile(
    r"^(?:photo(?:graph)?s?|pictures?|images?|photo\s+credit|credit|illustration)\s*:\s*"
    r"[^.!?:]{2,80}$",
    re.IGNORECASE,
)

_COPYRIGHT_RE = re.compile(r"^(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4})")


def boilerplate_kind(line: str) -> str | None:
    """Classify one line as page furniture.

    Args:
        line: One line of text (surrounding whitespace is ignored).

    Returns:
        ``"tail"`` for a marker that opens a link list ("Most Popular", "Related:"),
        ``"line"`` for other furniture ("Advertisement", "Sign up for …", a byline, a line
        holding only a date),
        ``None`` for article text.

    Example:
        >>> boilerplate_kind("Most Popular"), boilerplate_kind("read more:")
        ('tail', 'tail')
        >>> boilerplate_kind("Advertisement"), boilerplate_kind("The talks went on.")
        ('line', None)
        >>> boilerplate_kind("LIVE — updated 12:05"), boilerplate_kind("Live updates")
        ('line', 'line')
    """
    s = " ".join(line.split())
    if not s:
        return None
    if len(s) <= 80 and (
        _BYLINE_RE.match(s)
        or _DATE_LINE_RE.match(s)
        or _TIME_LINE_RE.match(s)
        or _LIVE_LABEL_RE.match(s)
    ):
        return "line"  # a byline, a date, a live page's time stamp or label: not text
    if len(s) > 200:
        return None  # every pattern below matches short lines only
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()  # "(Reporting by …)", "(AFP)"
    low = s.casefold()
    key = low.strip(" :|>»›·-–—.").strip()
    if _COPYRIGHT_RE.match(low):
        return "line"
    exact, prefixes = _boilerplate_index()
    if key in exact:
        return "tail" if exact[key] else "line"
    for pattern, tail, promo in prefixes.get(low[:1], ()):
        if not low.startswith(pattern):
            continue
        rest = low[len(pattern) :]
        if rest and pattern[-1].isalnum() and rest[0].isalnum():
            continue  # not at a word boundary ("Images of …" is not "image")
        if pattern.endswith(":"):
            if len(s) <= 200:
                return "tail" if tail else "line"
        elif len(s) <= 100 and not s.endswith(tuple(SENTENCE_END)):
            return "tail" if tail else "line"
        elif promo and len(s) <= MAX_PROMO_CHARS and _READER_RE.search(s):
            return "tail" if tail else "line"
    return None


def photo_credit(paragraph: str) -> str | None:
    """Return the photo credit that ends a caption, or None when the text is not a caption.

    A caption ends with a parenthesised credit that names a photo agency or source word from
    ``resources/photo_credits.txt`` (AFP, AP, Reuters, Getty Images, "Photo" …) or has the
    ``Name/Agency`` slash form.

    Args:
        paragraph: A paragraph (or line) of text.

    Returns:
        The credit without its parentheses, or None.

    Example:
        >>> photo_credit("A school destroyed by shelling. (Jane Roe/AFP)")
        'Jane Roe/AFP'
        >>> photo_credit("Talks resumed (in Geneva)") is None
        True
    """
    s = paragraph.strip()
    m = _FINAL_PAREN_RE.search(s)
    if not m:
        return _bare_credit(s)
    before = s[: m.start()].strip()
    if len(before) < 15:  # a bare "(AFP)" is a wire credit line, not a caption
        return None
    inner = m.group(1).strip()
    if _SLASH_CREDIT_RE.search(inner) or _credit_words_re().search(inner):
        return inner
    return None


_LABEL_CREDIT_RE = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\|\s))(?:Photo|Photograph|Picture|Image|Credit|Photo credit)s?"
    r"\s*:\s*(?P<credit>[^.!?:|]{2,80})$"
)
_TAIL_CREDIT_RE = re.compile(r"(?:[.!?”\"]|\s\|)\s+(?P<credit>[^.!?|]{2,100})$")


def _bare_credit(s: str) -> str | None:
    """A credit after the caption's last sentence without parentheses, or None.

    Two forms: a label ("… in Paris. Photo: Jane Roe") or a slash credit naming a photo source
    ("… in Paris. Jane Roe/Example Press via Getty Images").
    """
    if _ends_sentence(s) or ("/" not in s and ":" not in s):
        return None  # cheap exits: a credit has no final period and a slash or a colon
    m = _LABEL_CREDIT_RE.search(s)
    if m and m.start() >= 15:
        return m.group("credit").strip()
    m = _TAIL_CREDIT_RE.search(s)
    if m and m.start() >= 15:
        credit = m.group("credit").strip()
        if _SLASH_CREDIT_RE.search(credit) and _credit_words_re().search(credit):
            return credit
    return None


def is_caption(paragraph: str) -> bool:
    """Tell whether a paragraph is a photo caption with a credit (see :func:`photo_credit`).

    Example:
        >>> is_caption("Leaders meet in Paris on Monday. (John Doe/Reuters)")
        True
    """
    return photo_credit(paragraph) is not None


def detect_dateline(paragraph: str) -> tuple[int, int, int] | None:
    """Find a dateline at the start of a paragraph.

    Recognised forms: ``PARIS —``, ``MOSCOW (AP) —``, ``WASHINGTON –``, ``KYIV, Ukraine —``,
    ``LONDON, Feb 28 (Reuters) -``, ``NEW DELHI:``. The place (first word group) must be in
    capitals; capitalised labels such as ``UPDATE:``, ``WATCH:`` or ``LIVE —`` are not places.

    Args:
        paragraph: The paragraph text.

    Returns:
        ``(place_start, place_end, body_start)``: the dateline is ``paragraph[place_start:
        place_end]`` and the paragraph's text resumes at ``body_start``; None when absent.

    Example:
        >>> p = "KYIV, Ukraine — Sirens sounded."
        >>> s, e, b = detect_dateline(p)
        >>> p[s:e], p[b:]
        ('KYIV, Ukraine', 'Sirens sounded.')
    """
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    place = m.group("place")
    head = place.split(",")[0]
    letters = [c for c in head if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    if len(place) > 60 or m.end() >= len(paragraph.rstrip()):
        return None
    if place.casefold() in _NOT_PLACES or (m.group("colon") and m.group("agency")):
        return None  # "UPDATE: …", "WATCH: …", "LIVE — …" are labels, not datelines
    return m.start("place"), m.end("place"), m.end()


def _ends_sentence(s: str) -> bool:
    """True when ``s`` ends with terminal punctuation, looking through closing quotes.

    A dek that ends on a quoted word ("… threatens ‘response’") has no final period; a
    sentence that ends inside its quotation ("… he said.”") does.
    """
    core = s.rstrip().rstrip(_CLOSERS)
    return core.endswith(tuple(_TERMINALS))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]`` as trimmed ``(start, end)`` offsets."""
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        pos = stop + 1
    return out


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Group non-blank lines into blocks separated by blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    prev_end = 0
    for a, b in _lines(text, 0, len(text)):
        if current and text[prev_end:a].count("\n") >= 2:
            blocks.append(current)
            current = []
        current.append((a, b))
        prev_end = b
    if current:
        blocks.append(current)
    return blocks


def _classify(text: str, known_captions: frozenset[str] = frozenset()) -> list[_Unit]:
    """Split text into text, caption and boilerplate units, in order.

    A one-line block whose text (:func:`_norm_key`) is in ``known_captions`` is a caption
    whether or not it ends with a credit (an HTML page's ``<figcaption>``); a one-line block
    holding only a photo credit ("Photograph: Jane Roe for the Gazette") is furniture (in a
    caption's block, such a line is the caption's credit).
    """
    units: list[_Unit] = []
    for block in _blocks(text):
        if (
            known_captions
            and len(block) == 1
            and _norm_key(text[block[0][0] : block[0][1]]) in known_captions
        ):
            units.append(_Unit("caption", *block[0]))
            continue
        if len(block) == 1 and _CREDIT_LINE_RE.match(" ".join(text[slice(*block[0])].split())):
            units.append(_Unit("bp_line", *block[0]))  # a credit line alone: furniture
            continue
        kinds = []
        for a, b in block:
            line = text[a:b]
            bp = boilerplate_kind(line)
            kinds.append(("bp_" + bp) if bp else ("caption" if is_caption(line) else "text"))
        if all(k == "text" for k in kinds):
            a, b = block[0][0], block[-1][1]
            joined = " ".join(text[a:b].split())
            units.append(
                _Unit("caption" if len(block) > 1 and is_caption(joined) else "text", a, b)
            )
            continue
        run: list[tuple[int, int]] = []
        for (a, b), kind in zip(block, kinds, strict=True):
            if kind == "text":
                run.append((a, b))
                continue
            if run:
                units.append(_Unit("text", run[0][0], run[-1][1]))
                run = []
            units.append(_Unit(kind, a, b))
        if run:
            units.append(_Unit("text", run[0][0], run[-1][1]))
    # A "tail" marker opens a link list: short text lines without sentence punctuation after it
    # are furniture too, until a real paragraph.
    out: list[_Unit] = []
    in_tail = False
    for u in units:
        if u.kind == "bp_tail":
            in_tail = True
            out.append(_Unit("boilerplate", u.start, u.end))
        elif u.kind == "bp_line":
            out.append(_Unit("boilerplate", u.start, u.end))
        elif u.kind == "text" and in_tail:
            lines = _lines(text, u.start, u.end)
            if all(b - a <= 120 and not _ends_sentence(text[a:b]) for a, b in lines):
                out.extend(_Unit("boilerplate", a, b) for a, b in lines)
            else:
                in_tail = False
                out.append(u)
        else:
            if u.kind == "text":
                in_tail = False
            out.append(u)
    return out


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _norm_key(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


#: Typographic quotation marks and apostrophes as ASCII, for :func:`article_key`.
_QUOTES_TO_ASCII = str.maketrans("‘’‚‛“”„‟«»", "''''" + '""""""')


def article_key(art: Article) -> str:
    r"""What makes two inputs the same article whatever their format: its words, not its layout.

    The headline, standfirst, dateline and body, joined, with case, spacing and quotation-mark
    style (“ ” ‘ ’ « » as " and ') ignored; captions and page furniture are left out. The same
    story saved as an HTML page and pasted into a .txt file gets one key although the page's
    caption credit reads "Photograph: …" where the text has "(…)", or a ``<br>`` split a
    paragraph; :func:`iter_scan` keeps the first and quarantines the other as a duplicate.

    Example:
        >>> a = parse_plain_text("Quay opens\n\nTARNBY — “Soon,” she said.\n", "a", "a.txt")
        >>> cap = "Boats at the new quay. (A. Roe/Reuters)"
        >>> b = parse_plain_text(f'Quay opens\n\n{cap}\n\nTARNBY — "Soon," she\n\nsaid.', "b", "b")
        >>> article_key(a) == article_key(b), article_key(a)
        (True, 'quay opens tarnby "soon," she said.')
    """
    spans = [art.headline, art.standfirst, art.dateline, *art.body]
    text = " ".join(s.text for s in spans if s is not None)
    return _norm_key(text.translate(_QUOTES_TO_ASCII))


def article_digest(art: Article) -> bytes:
    r"""SHA-256 of :func:`article_key`: the duplicate key of a parsed article.

    Example:
        >>> len(article_digest(parse_plain_text("T\n\nOne two.\n", "x", "x.txt")))
        32
    """
    return hashlib.sha256(article_key(art).encode("utf-8")).digest()


def same_article_detail(first: str) -> str:
    """The quarantine detail of the second copy of one article in another format or layout.

    Example:
        >>> same_article_detail("raw/a.html")[:52]
        'same headline, standfirst and body as raw/a.html (an'
    """
    return (
        f"same headline, standfirst and body as {first} (another format or layout: captions, "
        "line breaks and page furniture aside)"
    )


_REPEAT_WORD_RE = re.compile(r"\w+")
#: A paragraph repeating another's words is a pull quote only from this many words on, and
#: only up to this length (a pull quote is a sentence or two, not a paragraph of reporting).
MIN_REPEAT_WORDS = 6
MAX_REPEAT_CHARS = 300


def repeated_paragraphs(paragraphs: Sequence[str], standfirst: str = "") -> list[int]:
    """The indexes of body paragraphs that only repeat words of another paragraph.

    A pull quote (``<blockquote class="pullquote">``, or a teaser set between paragraphs)
    repeats, word for word, a quotation or sentence that the article prints in full elsewhere;
    kept as a paragraph it would be a second statement of the same words. A paragraph of at
    least :data:`MIN_REPEAT_WORDS` words and at most :data:`MAX_REPEAT_CHARS` characters whose
    words (case, punctuation and quotation marks aside) all occur, in order and together,
    inside a longer paragraph or the standfirst, or that an earlier paragraph already holds
    exactly, is such a repeat. Nothing else is judged: a paraphrase or a quotation with other
    words around it stays.

    Args:
        paragraphs: The body paragraphs, in order.
        standfirst: The standfirst's text ("" when there is none).

    Returns:
        The indexes of the repeats, in order.

    Example:
        >>> repeated_paragraphs([
        ...     "“The quay stays shut until spring,” said Oda Vinter, the mayor.",
        ...     "“The quay stays shut until spring”",
        ...     "Ferries will use the old pier.",
        ... ])
        [1]
    """

    def key(p: str) -> str:
        return " ".join(_REPEAT_WORD_RE.findall(unicodedata.normalize("NFKC", p).casefold()))

    keys = [key(p) for p in paragraphs]
    dek = key(standfirst)
    out = []
    for i, (p, k) in enumerate(zip(paragraphs, keys, strict=True)):
        if len(p) > MAX_REPEAT_CHARS or k.count(" ") + 1 < MIN_REPEAT_WORDS:
            continue
        inner = f" {k} "
        if (
            inner in f" {dek} "
            or any(len(o) > len(k) and inner in f" {o} " for o in keys)
            or k in keys[:i]
        ):
            out.append(i)
    return out


def parse_plain_text(
    text: str,
    article_id: str,
    source_path: str,
    metadata: Mapping[str, Any] | None = None,
    *,
    fmt: str = "txt",
    has_headline: bool = True,
    warnings: Sequence[str] = (),
    captions: Iterable[str] = (),
    headline_given: bool = False,
) -> Article:
    r"""Parse an article in the plain-text layout into an :class:`Article` with offsets.

    Layout rules (general, not tied to one outlet):

    * headline: the first line that is neither furniture nor a caption (when ``has_headline``);
      with ``headline_given``, the first line whatever it holds (a record's ``title`` or an
      HTML page's headline, which the input states: "Watch: …", "Updated: …" or "Analysis"
      are headlines there, not the labels they would be on a line of a .txt);
    * standfirst: the next paragraph, when more text follows and either it is a single line
      directly under the headline (no blank line between), or the paragraph after it opens with
      a dateline, or it does not end like a sentence (standfirsts usually have no final
      period); a paragraph that itself opens with a dateline is body;
    * captions: paragraphs or lines ending in a parenthesised photo credit
      (:func:`photo_credit`), and one-line paragraphs equal to one of ``captions`` (an HTML
      page's ``<figcaption>`` texts, credit or not), wherever they appear; repeats (same
      text, case and spacing ignored) are collapsed: the first is kept, later copies go to
      ``boilerplate``;
    * dateline: at the start of the first body paragraph (:func:`detect_dateline`); the
      paragraph's span starts after it;
    * boilerplate: lines from ``resources/boilerplate.txt``, bylines, and link lists after a
      "Most Popular"/"Related:" marker.

    Args:
        text: The whole article text; every span indexes into it.
        article_id: Id of the article.
        source_path: Where it came from (relative to the corpus folder).
        metadata: Metadata mapping (copied into the article).
        fmt: Source format recorded in the article.
        has_headline: False when the text has no headline line (records without a title).
        warnings: Ingest warnings to attach.
        captions: Texts known to be captions (compared with whitespace collapsed and case
            folded): a paragraph holding one of them is a caption.
        headline_given: The text's first line is its headline, as a JSONL/CSV record's
            ``title`` or an HTML page's headline is (ignored without ``has_headline``).

    Returns:
        The parsed article; ``text[s.start:s.end] == s.text`` for every span.

    Example:
        >>> t = "Headline\n\nA dek without period\n\nBERLIN (AP) — First.\n\nSecond."
        >>> a = parse_plain_text(t, "a", "a.txt")
        >>> a.standfirst.text, a.dateline.text, [p.text for p in a.body]
        ('A dek without period', 'BERLIN', ['First.', 'Second.'])
        >>> t = "Watch: the envoy lands\n\nROME — The envoy landed."
        >>> parse_plain_text(t, "b", "b.jsonl#1", headline_given=True).headline.text
        'Watch: the envoy lands'
    """
    units = _classify(text, frozenset(_norm_key(c) for c in captions))
    if has_headline and headline_given and (first_line := _lines(text, 0, len(text))):
        a, b = first_line[0]
        rest = []
        for u in units:
            if u.start < b < u.end:  # a unit running on past the headline's line keeps its rest
                tail = text[b : u.end]
                u = _Unit(u.kind, b + len(tail) - len(tail.lstrip()), u.end)
            if u.start >= b:
                rest.append(u)
        units = [_Unit("text", a, b), *rest]
    caption_spans: list[Span] = []
    boilerplate: list[Span] = []
    seen_captions: set[str] = set()
    texts: list[tuple[int, int]] = []
    for u in units:
        if u.kind == "caption":
            key = _norm_key(text[u.start : u.end])
            if key in seen_captions:
                boilerplate.append(_span(text, u.start, u.end))
            else:
                seen_captions.add(key)
                caption_spans.append(_span(text, u.start, u.end))
        elif u.kind == "boilerplate":
            boilerplate.append(_span(text, u.start, u.end))
        else:
            texts.append((u.start, u.end))

    headline = None
    dek_line = False  # a single line right under the headline, in the same block
    if has_headline and texts:
        a, b = texts[0]
        first = _lines(text, a, b)
        headline = _span(text, *first[0])
        rest = first[1:]
        dek_line = len(rest) == 1
        texts = ([(rest[0][0], rest[-1][1])] if rest else []) + texts[1:]

    standfirst = None
    if headline is not None and len(texts) >= 2:
        a, b = texts[0]
        cand = text[a:b]
        nxt = text[texts[1][0] : texts[1][1]]
        if (
            detect_dateline(cand) is None
            and len(cand) <= 600
            and (dek_line or detect_dateline(nxt) is not None or not _ends_sentence(cand))
        ):
            standfirst = _span(text, a, b)
            texts = texts[1:]

    dateline = None
    if texts:
        a, b = texts[0]
        found = detect_dateline(text[a:b])
        if found is not None:
            ps, pe, bs = found
            dateline = _span(text, a + ps, a + pe)
            texts[0] = (a + bs, b)

    texts = [(a, b) for a, b in texts if b > a]
    repeats = repeated_paragraphs(
        [text[a:b] for a, b in texts], text[standfirst.start : standfirst.end] if standfirst else ""
    )
    notes = list(warnings)
    if repeats:
        shown = "; ".join(repr(text[slice(*texts[i])][:60]) for i in repeats[:3])
        notes.append(
            f"{len(repeats)} paragraph(s) repeating words of another (a pull quote) left out of "
            f"the body: {shown}" + ("; …" if len(repeats) > 3 else "")
        )
        boilerplate.extend(_span(text, *texts[i]) for i in repeats)
        texts = [t for i, t in enumerate(texts) if i not in repeats]
    body = tuple(_span(text, a, b) for a, b in texts)
    warnings = notes
    return Article(
        article_id=article_id,
        source_path=source_path,
        fmt=fmt,
        text=text,
        headline=headline,
        standfirst=standfirst,
        dateline=dateline,
        body=body,
        captions=tuple(caption_spans),
        boilerplate=tuple(sorted(boilerplate, key=lambda s: s.start)),
        metadata=dict(metadata or {}),
        warnings=tuple(warnings),
    )


# ---------------------------------------------------------------------------------------------
# Language, ids, decoding
# ---------------------------------------------------------------------------------------------

# Short lists of very frequent function words, written for this project (no downloads).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is that for on with as was by at it from his he said be are has "
        "have not this which an but were its had their they will would who been or after".split()
    ),
    "fr": frozenset(
        "le la les de des du et à en un une est que qui pour dans sur au aux par pas il elle "
        "ne se ce avec son sa ses ont été plus a".split()
    ),
    "de": frozenset(
        "der die das und in den von zu mit ist nicht sich des auf für im dem ein eine auch "
        "es an als wie bei hat wurde sie er".split()
    ),
    "es": frozenset(
        "el la los las de del y en que un una por con para es se no su al lo como más pero "
        "sus fue ha".split()
    ),
    "it": frozenset(
        "il la di che e un una per con non del della in sono è si le da al dei gli anche "
        "come ha".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que para com não por se no na ao mais foi "
        "como é".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te met voor zijn niet aan er ook als door bij werd "
        "die".split()
    ),
    "ru": frozenset(
        "и в не на что с по как это он она к из за о от для то но его был так же же все".split()
    ),
    "uk": frozenset(
        "і в не на що з по як це він вона до із за про від для та але його був так також "
        "й є".split()
    ),
}
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """Stopword -> the languages whose list holds it."""
    index: dict[str, list[str]] = {}
    for lang in sorted(_STOPWORDS):
        for w in _STOPWORDS[lang]:
            index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


def detect_language(text: str, min_words: int = 20) -> tuple[str | None, float]:
    """Guess the language of a text from the share of its words that are common stopwords.

    A deliberately simple, offline and deterministic detector: for each of a few languages
    (en, fr, de, es, it, pt, nl, ru, uk) it counts the words found in a short stopword list and
    picks the language with the largest share, if that share is at least 0.15. Only the first
    20,000 characters are read. Good enough to flag
    a non-English article in an English corpus; not a general language identifier.

    Args:
        text: The text.
        min_words: Below this many words the answer is None (too short to tell).

    Returns:
        ``(language code or None, share of stopwords of that language)``.

    Example:
        >>> detect_language("The talks were held in Paris and the two leaders said that " * 3)[0]
        'en'
        >>> detect_language("Le président a dit que la guerre et les civils sont " * 3)[0]
        'fr'
    """
    words = [w.casefold() for w in _WORD_RE.findall(text, 0, 20_000)]
    if len(words) < min_words:
        return None, 0.0
    counts = dict.fromkeys(sorted(_STOPWORDS), 0)
    index = _stopword_index()
    for w in words:
        for lang in index.get(w, ()):
            counts[lang] += 1
    best, best_share = None, 0.0
    for lang, n in counts.items():
        share = n / len(words)
        if share > best_share:
            best, best_share = lang, share
    if best_share < 0.15:
        return None, round(best_share, 3)
    return best, round(best_share, 3)


_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED_NAMES = {"con", "prn", "aux", "nul"} | {
    f"{p}{i}" for p in ("com", "lpt") for i in range(10)
}
MAX_ID_LENGTH = 100


def safe_id(raw: str) -> str:
    r"""Turn a user-supplied id into a safe file name.

    Keeps ASCII letters, digits, ``.``, ``-``, ``_``; every other run of characters (path
    separators, NUL, spaces, accents) becomes ``_``; ``..`` is broken up, leading dots removed,
    Windows device names prefixed, length capped at 100. Never returns ``""``, ``.`` or ``..``.

    Args:
        raw: The id as written in the input.

    Returns:
        A safe id (collisions are resolved by the caller).

    Example:
        >>> safe_id("../etc/passwd"), safe_id("/abs/x"), safe_id("a\x00b"), safe_id("..")
        ('etc_passwd', 'abs_x', 'a_b', 'article')
    """
    s = unicodedata.normalize("NFKD", str(raw))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _UNSAFE_ID_CHARS.sub("_", s)
    while ".." in s:
        s = s.replace("..", "_")
    s = re.sub(r"_+", "_", s).strip("._-")
    s = s[:MAX_ID_LENGTH].strip("._-")
    if not s:
        return "article"
    if s.split(".")[0].casefold() in _RESERVED_NAMES:
        s = "_" + s
    return s


# C0 controls other than tab, newline, carriage return, form feed; and DEL / C1 controls.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A UTF-8 sequence that was decoded as cp1252 (or latin-1): "â€™" for "’", "Ã©" for "é".
_MOJIBAKE_RE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}"
)


#: "â€" and a replacement character: the closing quote ” (E2 80 9D) whose 0x9D byte, undefined
#: in cp1252, a tool replaced with U+FFFD. The other E2 80 xx whose xx is undefined in cp1252
#: (81, 8D, 8F, 90) are spaces, joiners and marks that news text hardly holds.
_LOST_QUOTE_RE = re.compile("\u00e2\u20ac\ufffd")
#: Mojibake left after repair: "â€" (the start of a three-byte sequence), or a lead character
#: followed by a replacement character ("Ã\ufffd" for Á, Í, Ï, Ð or Ý: the byte is lost).
_UNREPAIRED_RE = re.compile("\u00e2\u20ac|[\u00c2-\u00f4][\u0080-\u00bf\u20ac]?\ufffd")


def unrepaired_mojibake(text: str) -> int:
    """Count the mojibake sequences :func:`repair_mojibake` could not repair.

    Example:
        >>> unrepaired_mojibake("Ã\ufffdlvaro and â€ here"), unrepaired_mojibake("café")
        (2, 0)
    """
    return len(_UNREPAIRED_RE.findall(text))


def repair_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 text that was once decoded as cp1252 ("wonâ€™t" → "won’t").

    Each suspicious run is re-encoded as cp1252 and decoded as UTF-8; runs that do not round-trip
    are left alone, so correct text is never changed. "â€" followed by U+FFFD is the closing
    quote ” whose last byte was replaced (0x9D is undefined in cp1252, and many tools save it
    as U+FFFD): it is repaired too. What is left is counted by :func:`unrepaired_mojibake`.

    Args:
        text: The text.

    Returns:
        ``(repaired text, number of repaired sequences)``.

    Example:
        >>> repair_mojibake("wonâ€™t and cafÃ©")
        ('won’t and café', 2)
        >>> repair_mojibake("â€œYes,â€\ufffd he said.")
        ('“Yes,” he said.', 2)
    """
    text, count = _LOST_QUOTE_RE.subn("\u201d", text)

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        s = m.group(0)
        for n in range(len(s), 1, -1):
            try:
                raw = b"".join(
                    bytes([ord(c)]) if 0x80 <= ord(c) <= 0x9F else c.encode("cp1252") for c in s[:n]
                )
                fixed = raw.decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            count += 1
            return fixed + s[n:]
        return s

    return _MOJIBAKE_RE.sub(fix, text), count


def mojibake_warnings(repaired: int, text: str) -> list[str]:
    """The warnings of a mojibake repair: how many were repaired, how many are left.

    Example:
        >>> mojibake_warnings(2, "fine now")
        ['repaired 2 mojibake sequence(s) (UTF-8 read as cp1252)']
        >>> mojibake_warnings(0, "Ã\ufffd")
        ['1 mojibake sequence(s) could not be repaired (a byte was lost: U+FFFD); check the text']
    """
    out = []
    if repaired:
        out.append(f"repaired {repaired} mojibake sequence(s) (UTF-8 read as cp1252)")
    left = unrepaired_mojibake(text)
    if left:
        out.append(
            f"{left} mojibake sequence(s) could not be repaired"
            + (" (a byte was lost: U+FFFD)" if "\ufffd" in text else "")
            + "; check the text"
        )
    return out


def compose_nfc(text: str) -> tuple[str, list[str]]:
    """Put text in Unicode NFC form, so a decomposed "e" + U+0301 reads as one letter "é".

    Text copied from some systems (macOS file names, some scrapers) stores accents as separate
    combining marks, which split words for every tokenizer and pattern downstream. Offsets are
    into the composed text (``texts/<article_id>.txt``); a warning says the text was changed.

    Example:
        >>> compose_nfc("Jose\u0301 said")
        ('José said', ['Unicode composed to NFC: 1 combining mark(s) joined to their letters'])
        >>> compose_nfc("José said")
        ('José said', [])
    """
    if unicodedata.is_normalized("NFC", text):
        return text, []
    composed = unicodedata.normalize("NFC", text)
    joined = len(text) - len(composed)
    what = (
        f"{joined} combining mark(s) joined to their letters"
        if joined
        else "characters replaced by their canonical equivalents"
    )
    return composed, [f"Unicode composed to NFC: {what}"]


def normalize_newlines(text: str) -> str:
    r"""Windows (CRLF) and old Mac (CR) line endings as ``\n``.

    Offsets index ``texts/<article_id>.txt``; read in Python's default text mode (``open``,
    ``Path.read_text``, pandas), a CRLF there becomes one character and every offset after it
    would point one character further on. With ``\n`` only, the offsets hold however the file
    is read. The line breaks themselves are kept.

    Example:
        >>> normalize_newlines("One.\r\n\r\nTwo.\rThree.\n")
        'One.\n\nTwo.\nThree.\n'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Invisible characters that split a word without showing: soft hyphen, zero-width space, word
#: joiner, zero-width no-break space. Zero-width (non-)joiners are kept: some scripts need them.
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def strip_invisible(text: str) -> tuple[str, list[str]]:
    """Remove soft hyphens and zero-width spaces, which split names without showing.

    Text copied from a web page keeps the page's soft hyphens (``&shy;``, U+00AD, which sites
    set in long words for line breaking) and zero-width spaces (U+200B): "Vår\u00addøy" looks
    like "Vårdøy" but matches no actor, so every statement of that leader was narration. They
    are removed, with a warning counting them; offsets are into the text without them
    (``texts/<article_id>.txt``). Zero-width joiners (U+200C, U+200D) are kept.

    Example:
        >>> strip_invisible("Vår\u00addøy said \u200bno")
        ('Vårdøy said no', ['2 invisible character(s) removed (soft hyphens, zero-width spaces)'])
        >>> strip_invisible("Vårdøy said no")
        ('Vårdøy said no', [])
    """
    stripped, n = _INVISIBLE_RE.subn("", text)
    if not n:
        return text, []
    return stripped, [f"{n} invisible character(s) removed (soft hyphens, zero-width spaces)"]


class InputRejected(Exception):
    """An input that cannot be accepted; ``reason`` is one of the quarantine reasons."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def utf16_without_bom(data: bytes) -> str | None:
    """Tell UTF-16 text without a byte-order mark by its NUL bytes: ``"utf-16-le"``, ``-be``.

    Text in a Latin script saved as UTF-16 has a NUL in every other byte (the high byte of
    each character): at odd offsets in little-endian, at even offsets in big-endian. A binary
    file has NULs in both.

    Args:
        data: The file's bytes (no byte-order mark).

    Returns:
        The codec name, or None when the bytes do not look like UTF-16 text.

    Example:
        >>> utf16_without_bom("Plain words.".encode("utf-16-le"))
        'utf-16-le'
        >>> utf16_without_bom(bytes([0, 1, 2, 0, 0, 0])) is None
        True
    """
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * half and other.count(0) == 0:
            return enc
    return None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    r"""Decode raw bytes into text, or raise :class:`InputRejected`.

    Order of checks: empty; byte-order marks (UTF-8, UTF-16); NUL bytes (UTF-16 without a
    byte-order mark, :func:`utf16_without_bom`, else binary); strict UTF-8;
    strict cp1252 (accepted with a warning when the result looks like text); other control
    characters (binary); whitespace only (empty). UTF-8 text holding cp1252 mojibake is repaired
    with a warning (:func:`repair_mojibake`).

    Args:
        data: The file's bytes.

    Returns:
        ``(text, warnings)``.

    Raises:
        InputRejected: ``empty``, ``binary`` or ``undecodable``.

    Example:
        >>> decode_bytes("caf\u00e9".encode("cp1252"))
        ('café', ['not UTF-8: decoded as cp1252'])
    """
    warnings: list[str] = []
    if not data:
        raise InputRejected("empty", "file has 0 bytes")
    text: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        warnings.append("UTF-8 byte-order mark removed")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputRejected("undecodable", f"invalid UTF-16 at byte {e.start}") from None
        warnings.append("decoded as UTF-16 (byte-order mark)")
    if text is None and b"\x00" in data:
        enc = utf16_without_bom(data)
        if enc is None:
            raise InputRejected("binary", f"NUL byte at offset {data.index(0)}")
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            raise InputRejected(
                "undecodable",
                f"looks like UTF-16 text without a byte-order mark, but byte {e.start} is "
                "invalid; save it as UTF-8",
            ) from None
        warnings.append(f"decoded as {enc.upper()} (no byte-order mark; save it as UTF-8)")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            utf8_error = e
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputRejected(
                    "undecodable",
                    f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset "
                    f"{utf8_error.start}) and not cp1252",
                ) from None
            letters = sum(c.isalpha() or c.isspace() for c in text)
            if letters < 0.7 * len(text):
                raise InputRejected(
                    "undecodable",
                    f"not UTF-8 (invalid byte at offset {utf8_error.start}); as cp1252 it does "
                    "not look like text",
                ) from None
            warnings.append("not UTF-8: decoded as cp1252")
    text, n = repair_mojibake(text)
    bad = _CONTROL_RE.findall(text)
    if bad:
        raise InputRejected("binary", f"{len(bad)} control character(s), first U+{ord(bad[0]):04X}")
    if not text.strip():
        raise InputRejected("empty", "whitespace only")
    warnings.extend(mojibake_warnings(n, text))
    text, composed = compose_nfc(text)
    warnings.extend(composed)
    return text, warnings


# ---------------------------------------------------------------------------------------------
# Reading input files
# ---------------------------------------------------------------------------------------------

#: Largest accepted article (a .txt/.html file, or one JSONL/CSV record), in bytes.
DEFAULT_MAX_BYTES = 5_000_000
#: Largest HTML page read, in bytes: a saved page's markup (inline styles, scripts, fonts and
#: images) can be a thousand times its article; ``max_bytes`` applies to the article's text.
MAX_HTML_PAGE_BYTES = 50_000_000

#: Largest accepted JSONL/CSV file, in bytes.
DEFAULT_MAX_FILE_BYTES = 1_000_000_000

FORMATS = {
    ".txt": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".json": "jsonl",  # an API's export: JSON Lines, one array or objects over several lines
    ".csv": "csv",
}
REASONS = (
    "oversized",
    "empty",
    "binary",
    "undecodable",
    "duplicate",
    "malformed_record",
    "missing_field",
    "no_text",
    "unsupported_format",
    "outside_corpus",
    "unreadable",
)
METADATA_COLUMNS = ("outlet", "url", "date", "date_inferred", "language", "notes")
RECORD_FIELDS = ("id", "title", "text", "date", "outlet", "url")


@dataclass(frozen=True)
class Rejection:
    """One quarantined input (a file, or a record of a JSONL/CSV file).

    Attributes:
        source_path: Path relative to the corpus folder, ``#<n>`` for a record.
        reason: One of :data:`REASONS`.
        detail: What exactly was wrong.
    """

    source_path: str
    reason: str
    detail: str


def quarantine_order(r: Rejection) -> tuple[str, int, str, str]:
    """The sort key of quarantined inputs: file path, then line (as a number), then reason.

    A JSONL/CSV record's ``source_path`` is ``<file>#<line>`` (``#<line>.<k>`` for the k-th of
    records sharing a line, as in a one-line JSON array); sorted as text, line 12 came before
    line 5. The file's own rejection (no line) comes before its records'.

    Example:
        >>> paths = ["raw/a.jsonl#12", "raw/a.jsonl#5", "raw/a.jsonl", "raw/a#1.txt"]
        >>> rows = [Rejection(p, "empty", "") for p in paths]
        >>> [r.source_path for r in sorted(rows, key=quarantine_order)]
        ['raw/a#1.txt', 'raw/a.jsonl', 'raw/a.jsonl#5', 'raw/a.jsonl#12']
    """
    path, sep, line = r.source_path.rpartition("#")
    number, dot, kth = line.partition(".")
    if sep and number.isdigit() and (not dot or kth.isdigit()):
        return path, int(number), f"{int(kth or 0):09d}", r.reason
    return r.source_path, 0, "", r.reason


@dataclass(frozen=True)
class _Candidate:
    """An input that decoded well, before ids, duplicates and metadata are settled."""

    raw_id: str
    source_path: str
    fmt: str
    text: str
    has_headline: bool
    record_meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()  # texts known to be captions (an HTML page's figcaptions)


def _read_limited(path: Path, limit: int) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputRejected("oversized", f"{size} bytes > limit {limit}")
    with path.open("rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputRejected("oversized", f"more than {limit} bytes")
    return data


#: Fewer words than this in an HTML page's main text: no article (a "page not found", a list of
#: links, a paywall or cookie notice). A news brief has more.
MIN_HTML_WORDS = 40


def _html_to_text(html: str) -> tuple[str, bool, dict[str, Any], list[str], tuple[str, ...]]:
    """Extract headline, main text and captions from an HTML string (nothing fetched).

    Returns ``(text, has_headline, metadata, warnings, captions)``: see :func:`_html_parts`.
    """
    import lxml.html

    try:
        doc = _extract(html)
    except Exception as e:  # a third-party parser failing on data must not stop the ingest
        raise InputRejected(
            "no_text", f"HTML could not be parsed: {type(e).__name__}: {e}"
        ) from None
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = (getattr(doc, "title", None) or "") if doc is not None else ""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        title = article_heading(tree, title)
        body = ld_paragraphs(tree, body)
    if not title and tree is not None:
        h = tree.xpath("//h1") or tree.xpath("//title")
        title = h[0].text_content() if h else ""
    items = page_items(tree) if tree is not None else []
    return _html_parts(title, body, doc, items)


def ld_paragraphs(tree: Any, body: str) -> str:
    r"""The page's JSON-LD ``articleBody`` with its paragraphs, when it is the text extracted.

    A page whose text is drawn by scripts (saved "HTML only") still carries the article in
    its JSON-LD ``articleBody``; trafilatura falls back on it but joins its paragraphs into
    one. When the extracted text is that ``articleBody`` (spacing aside), the ``articleBody``
    is used as written, its line breaks kept as paragraph breaks.

    Args:
        tree: The page parsed by ``lxml.html``.
        body: The text the extractor found.

    Returns:
        ``articleBody`` when it is ``body`` with line breaks, else ``body``.

    Example:
        >>> import lxml.html
        >>> page = lxml.html.fromstring(
        ...     '<script type="application/ld+json">{"articleBody": "ROME — Rain.\\n\\nMore."}'
        ...     "</script><div>Loading…</div>"
        ... )
        >>> ld_paragraphs(page, "ROME — Rain. More.")
        'ROME — Rain.\n\nMore.'
        >>> ld_paragraphs(page, "Another text.")
        'Another text.'
    """
    key = _norm_key(body)
    if not key:
        return body

    def bodies(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "articleBody" and isinstance(v, str):
                    yield v
                else:
                    yield from bodies(v)
        elif isinstance(node, list):
            for v in node:
                yield from bodies(v)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for text in bodies(data):
            if "\n" in text.strip() and _norm_key(text) == key:
                return text
    return body


#: Page chrome: an ``<h1>`` inside these, and in no ``<article>`` or ``<main>``, is the site's.
_CHROME_TAGS = frozenset("header nav footer".split())


def article_heading(tree: Any, title: str) -> str:
    """The article's ``<h1>`` when the title found is the site's own ``<h1>`` (its logo).

    Without a ``<title>`` or ``og:title``, the extractor takes the page's first ``<h1>``, and
    many sites set their name as an ``<h1>`` in the page header: the site name became the
    headline and the real headline the standfirst. An ``<h1>`` inside ``<header>``, ``<nav>``
    or ``<footer>`` and outside any ``<article>`` or ``<main>`` is the site's; when ``title``
    is such a heading's text and the page has another ``<h1>``, that one is the headline.

    Args:
        tree: The page parsed by ``lxml.html``.
        title: The title the extractor found ("" for none).

    Returns:
        The headline: ``title``, or the article's ``<h1>`` instead of the site's.

    Example:
        >>> import lxml.html
        >>> page = lxml.html.fromstring(
        ...     "<header><h1>Tarnby Post</h1></header><article><h1>Quay opens</h1></article>"
        ... )
        >>> article_heading(page, "Tarnby Post"), article_heading(page, "Quay opens")
        ('Quay opens', 'Quay opens')
    """
    site, article = [], []
    for h in tree.iter("h1"):
        up = {a.tag.lower() for a in h.iterancestors() if isinstance(a.tag, str)}
        chrome = bool(up & _CHROME_TAGS) and not up & {"article", "main"}
        (site if chrome else article).append(" ".join(h.text_content().split()))
    key = _norm_key(title)
    if key and article and any(_norm_key(t) == key for t in site):
        return article[0]
    return title


#: Elements whose text is a block of the page (a paragraph, a heading, a list item …).
_BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre dd dt td th".split())
#: Captions inside these are not the article's (navigation, footers, asides, scripts).
_NOT_ARTICLE_TAGS = frozenset("nav footer aside script style noscript template".split())
#: Inline elements: no space between their text and the text around them.
_INLINE_TAGS = frozenset("a abbr b bdi bdo cite code em i kbd mark q s strong sub sup u".split())


def _element_text(el: Any) -> str:
    """An element's text, a space between block or ``span`` children, whitespace collapsed.

    ``<figcaption>Boats at Hallby.<span>(Per Lanning/Reuters)</span></figcaption>`` gives
    ``"Boats at Hallby. (Per Lanning/Reuters)"``; ``<em>Lusk</em>, harbour`` stays tight.
    """
    parts: list[str] = []

    def walk(node: Any) -> None:
        parts.append(node.text or "")
        for child in node:
            inline = isinstance(child.tag, str) and child.tag.lower() in _INLINE_TAGS
            if isinstance(child.tag, str):
                if not inline:
                    parts.append(" ")
                walk(child)
                if not inline:
                    parts.append(" ")
            parts.append(child.tail or "")

    walk(el)
    return " ".join("".join(parts).split())


def page_items(tree: Any) -> list[tuple[str, str]]:
    """The captions and text blocks of a parsed HTML page, in document order.

    Captions are the ``<figcaption>`` texts (with any credit they hold, such as "(Jane Roe/
    Reuters)" or "Photo: Jane Roe"), except those inside navigation, footers, asides and
    scripts; repeats are left out. Blocks are the paragraphs, headings, list items … outside
    captions, as :func:`_norm_key` keys: they tell where each caption stood among the
    paragraphs trafilatura kept (:func:`place_captions`). Live pages stamp each entry with a
    ``<time>`` holding only a clock time ("12:05", "9:10am"), alone in its block: each is a
    ``("time", text)`` item where it stands, and a heading (``h2``–``h6``) sharing its entry
    (the heading's parent or grandparent holds that one time) a ``("heading", text)`` item.

    Args:
        tree: The page parsed by ``lxml.html``.

    Returns:
        ``("caption", text)``, ``("block", key)``, ``("time", text)`` and ``("heading", text)``
        items.

    Example:
        >>> import lxml.html
        >>> page = ("<p>First.</p><figure><figcaption>Boats. <span>(A. Roe/Reuters)</span>"
        ...         "</figcaption></figure><p>Second.</p>")
        >>> page_items(lxml.html.fromstring(page))
        [('block', 'first.'), ('caption', 'Boats. (A. Roe/Reuters)'), ('block', 'second.')]
    """
    items: list[tuple[str, str]] = []
    seen: set[str] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        tag = el.tag.lower()
        if tag not in ("figcaption", "time") and tag not in _BLOCK_TAGS:
            continue
        ancestors = {a.tag.lower() for a in el.iterancestors() if isinstance(a.tag, str)}
        if ancestors & _NOT_ARTICLE_TAGS:
            continue
        if tag == "figcaption":
            text = _element_text(el)
            if text and _norm_key(text) not in seen:
                seen.add(_norm_key(text))
                items.append(("caption", text))
        elif tag == "time":
            if "figcaption" not in ancestors and _entry_time(el):
                items.append(("time", _element_text(el)))
        elif "figcaption" not in ancestors:
            key = _norm_key(el.text_content())
            if key:
                items.append(("block", key))
            if tag in _ENTRY_HEADINGS and _entry_heading(el):
                items.append(("heading", _element_text(el)))
            elif (name := byline_name(_element_text(el))) is not None:
                items.append(("byline", name))
    return items


def byline_name(line: str) -> str | None:
    """The author's name in a byline ("By Ana Roe in Kestrin" gives "Ana Roe"), or None.

    Several authors are joined by "; " as trafilatura joins them; a place ("in Kestrin") or an
    affiliation after a comma is left out.

    Example:
        >>> byline_name("By Mara Quillon in Kestrin"), byline_name("By A. Roe and Per Lund, Wire")
        ('Mara Quillon', 'A. Roe; Per Lund')
        >>> byline_name("The talks resumed.") is None
        True
    """
    s = " ".join(line.split())
    if len(s) > 80 or not _BYLINE_RE.match(s):
        return None
    rest = re.split(r"\s*,\s*|\s+in\s+", s[2:].strip(), maxsplit=1)[0]
    names = [n.strip() for n in re.split(r"\s+(?:and|&)\s+", rest) if n.strip()]
    return "; ".join(names) or None


_ENTRY_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())


def _entry_time(el: Any) -> bool:
    """True for a ``<time>`` holding only a clock time, alone in its block (a live entry's)."""
    text = _element_text(el)
    if not text or not _TIME_LINE_RE.match(text):
        return False
    block = next(
        (a for a in el.iterancestors() if isinstance(a.tag, str) and a.tag.lower() in _BLOCK_TAGS),
        None,
    )
    return block is None or _norm_key(block.text_content()) == _norm_key(text)


def _entry_heading(el: Any) -> bool:
    """True for a heading whose parent or grandparent holds exactly one entry time."""
    up = el.getparent()
    for _ in range(2):
        if up is None:
            return False
        times = [t for t in up.iter("time") if _entry_time(t)]
        if len(times) == 1:
            return True
        if times:
            return False  # a container of several entries: not this heading's entry
        up = up.getparent()
    return False


def place_captions(paras: Sequence[str], items: Sequence[tuple[str, str]]) -> list[str]:
    """Put each caption among the extracted paragraphs where it stood in the page.

    Each paragraph is matched to the first page block at or after the previous match with the
    same text (:func:`_norm_key`); a caption (or a live entry's time) goes before the first
    paragraph matched after it, at the end when none is. A paragraph that is itself a caption
    is not repeated.

    Args:
        paras: The main text's paragraphs, in order.
        items: :func:`page_items` of the page.

    Returns:
        The paragraphs with the captions inserted.

    Example:
        >>> items = [("block", "one."), ("caption", "A boat. Photo: X/Y"), ("block", "two.")]
        >>> place_captions(["One.", "Two."], items)
        ['One.', 'A boat. Photo: X/Y', 'Two.']
    """
    keys = {_norm_key(p) for p in paras}
    # spaces aside: a paragraph joined at a <br> (join_broken_lines) has a space its block lacks
    blocks = [_spaceless(t) if k == "block" else None for k, t in items]
    placed: list[tuple[int, int, str]] = []
    pos, start = -1, 0
    for n, para in enumerate(paras):
        key = _spaceless(para)
        for i in range(start, len(items)):
            if blocks[i] == key:
                pos, start = i, i + 1
                break
        placed.append((pos, n, para))
    for i, (kind, text) in enumerate(items):
        if kind in ("caption", "time") and _norm_key(text) not in keys:
            placed.append((i, -1, text))
    return [text for _, _, text in sorted(placed, key=lambda t: (t[0], t[1]))]


def _extract(html: str) -> Any:
    """Extract an HTML string's main text with trafilatura (offline: a string, no URL)."""
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _html_parts(
    title: str, body: str, doc: Any, items: Sequence[tuple[str, str]] = ()
) -> tuple[str, bool, dict[str, Any], list[str], tuple[str, ...]]:
    """Assemble ``Article.text`` (headline, blank line, paragraphs) and page metadata.

    The page's captions (``items``, :func:`page_items`) become paragraphs of the text where
    they stood (:func:`place_captions`), as captions stand in the plain-text layout; they are
    returned too, for :func:`parse_plain_text` to mark them as captions. Metadata: ``date``,
    ``url``, ``outlet`` (site name: og:site_name or the publisher's name; a bare host name such
    as ``example.invalid`` is no outlet: it goes to ``site_host``, with a warning) and
    ``author`` (byline or JSON-LD, as trafilatura reads them, several joined by "; "; else a
    ``By …`` block of the page, :func:`byline_name`).

    A live page (two or more entry ``<time>`` items) keeps each entry's time as a paragraph of
    its own before the entry (furniture in :func:`parse_plain_text`, so the text keeps it and
    the body does not); its entry headings are left out of the text, with a warning naming them.
    """
    title = " ".join(title.split())
    paras = [" ".join(line.split()) for line in body.splitlines()]
    paras = join_broken_lines([p for p in paras if p], items)
    if title:  # the headline repeated (the extractor may move it below the first entry)
        paras = [p for p in paras if _norm_key(p) != _norm_key(title)]
    if doc is not None and paras:
        paras = described_standfirst(paras, str(getattr(doc, "description", None) or ""), items)
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    if doc is not None:
        date = getattr(doc, "date", None)
        if date:
            meta["date"] = str(date)
            meta["date_inferred"] = False  # stated in the page's markup
        url = getattr(doc, "url", None)
        if url:
            meta["url"] = str(url)
        site = " ".join(str(getattr(doc, "sitename", None) or "").split())
        if _HOST_RE.match(site):
            meta["site_host"] = site
            warnings.append(
                f"{_NO_OUTLET}, only its host {site!r}: outlet left empty, the host kept in "
                "extra 'site_host'"
            )
        elif site:
            meta["outlet"] = site
        author = " ".join(str(getattr(doc, "author", None) or "").split())
        if author:
            meta["author"] = author
    byline = next((t for k, t in items if k == "byline"), None)
    if "author" not in meta and byline:
        meta["author"] = byline
    times = [t for k, t in items if k == "time"]
    live = len(times) >= 2
    if live:
        heads = list(dict.fromkeys(t for k, t in items if k == "heading"))
        head_keys = {_norm_key(h) for h in heads}
        paras = [p for p in paras if _norm_key(p) not in head_keys]
        if heads:
            shown = "; ".join(repr(h) for h in heads[:5]) + ("; …" if len(heads) > 5 else "")
            warnings.append(
                f"live page: {len(heads)} entry heading(s) left out of the text (the "
                f"extractor keeps them unreliably): {shown}"
            )
    if not paras:
        raise InputRejected("no_text", "trafilatura found no main text in the HTML")
    n_words = sum(len(_WORD_RE.findall(p)) for p in paras)
    if n_words < MIN_HTML_WORDS:
        raise InputRejected(
            "no_text",
            f"the page's main text is only {n_words} words ({' / '.join(paras)[:80]!r}): a "
            "navigation, error or paywall page, not an article?",
        )
    if not title:
        warnings.append("HTML has no title or h1: no headline")
    title_key = _norm_key(title)
    captions = tuple(t for k, t in items if k == "caption" and _norm_key(t) != title_key)
    keep = [
        (k, t)
        for k, t in items
        if k == "block" or (k == "caption" and t in captions) or (k == "time" and live)
    ]
    paras = place_captions(paras, keep)
    text = "\n\n".join(([title] if title else []) + paras) + "\n"
    return text, bool(title), meta, warnings, captions


def _spaceless(s: str) -> str:
    """:func:`_norm_key` without any space: "a.<br>B" gives "a.b" whether or not a space stood."""
    return "".join(_norm_key(s).split())


def join_broken_lines(paras: Sequence[str], items: Sequence[tuple[str, str]]) -> list[str]:
    r"""Join the lines the extractor split at a ``<br>`` back into their paragraph.

    trafilatura ends a line at every ``<br>``, so ``<p>… as planned.<br>He called …</p>`` came
    out as two paragraphs (the same article as a .txt had one). Consecutive lines that are no
    block of the page on their own but together are one (``<p>``, ``<li>``, ``<blockquote>`` …;
    spaces aside, :func:`page_items`) become one paragraph, its lines kept apart by a line
    break, as a record's ``<br>`` is (:func:`markup_to_text`). Text set with ``<br><br>`` in a
    ``<div>`` is no block and stays in paragraphs.

    Args:
        paras: The extracted lines, in order.
        items: :func:`page_items` of the page.

    Returns:
        The paragraphs.

    Example:
        >>> items = [("block", "it rained.he left."), ("block", "next.")]
        >>> join_broken_lines(["It rained.", "He left.", "Next."], items)
        ['It rained.\nHe left.', 'Next.']
    """
    blocks = {_spaceless(key) for kind, key in items if kind == "block"}
    out: list[str] = []
    i = 0
    while i < len(paras):
        end = i + 1
        if _spaceless(paras[i]) not in blocks:
            joined = _spaceless(paras[i])
            for j in range(i + 1, min(i + 20, len(paras))):
                joined += _spaceless(paras[j])
                if joined in blocks:
                    end = j + 1
                    break
        out.append("\n".join(paras[i:end]))
        i = end
    return out


def described_standfirst(
    paras: Sequence[str], description: str, items: Sequence[tuple[str, str]]
) -> list[str]:
    """Put back a standfirst the extractor left out, when the page states it as its description.

    Pages often set the standfirst above the article's text container (``<h1>``, then ``<p
    class="lede">``, then ``<div class="article-body">``); trafilatura keeps only the container,
    and the standfirst was lost without a trace. When the page's description (``<meta
    name="description">`` or ``og:description``) is the text of a block of the page that stands
    before the first extracted paragraph and was not extracted, that text becomes the first
    paragraph (where :func:`parse_plain_text` looks for the standfirst). A description that is
    no visible block, or a block after the text begins, changes nothing.

    Args:
        paras: The extracted paragraphs, in order.
        description: The page's description ("" when it has none).
        items: :func:`page_items` of the page.

    Returns:
        The paragraphs, the standfirst first when it was put back.

    Example:
        >>> items = [("block", "the mayor says no."), ("block", "rome — it rained.")]
        >>> described_standfirst(["ROME — It rained."], "The mayor says no.", items)
        ['The mayor says no.', 'ROME — It rained.']
        >>> described_standfirst(["ROME — It rained."], "A teaser not on the page", items)
        ['ROME — It rained.']
    """
    desc = " ".join(description.split())
    key = _norm_key(desc)
    if not key or key in {_norm_key(p) for p in paras}:
        return list(paras)
    first = ("block", _norm_key(paras[0]))
    where = next((i for i, it in enumerate(items) if it == ("block", key)), None)
    if where is None or first not in items[where + 1 :]:
        return list(paras)
    return [desc, *paras]


#: The start of the warning for a page that names no outlet (dropped when metadata.csv does).
_NO_OUTLET = "the page names no outlet (no og:site_name or publisher)"

#: A bare host name ("example.invalid", "www.example.com"): what trafilatura gives as the site
#: name when a page names none.
_HOST_RE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$", re.IGNORECASE)

#: Characters a repeated title's line may end with that the record's ``title`` lacks.
_TITLE_END_PUNCT = " .:;!?\u2014\u2013-"


def drop_repeated_title(title: str, body: str) -> tuple[str, bool]:
    r"""Remove a record's title from the start of its text, where the text repeats it.

    A JSONL or CSV record's ``title`` becomes the article's headline, written before its
    ``text``; a ``text`` whose first non-empty line is that title again (whitespace, case and a
    final ``.:;!?`` or dash aside) would give the headline twice, the repetition as standfirst
    and the real standfirst pushed into the body. That line and the blank lines after it are
    removed, unless nothing would remain. Only a whole line counts: a text that merely starts
    with the title's words ("Strike" / "Strike talks resumed.") is kept.

    Args:
        title: The record's title (whitespace already collapsed).
        body: The record's text.

    Returns:
        ``(text without the repeated title, True)`` or ``(body, False)`` unchanged.

    Example:
        >>> drop_repeated_title("Talks resume", "Talks resume\n\nThe mediator called.")
        ('The mediator called.', True)
        >>> drop_repeated_title("Talks", "Talks resume today.\n\nMore.")
        ('Talks resume today.\n\nMore.', False)
    """
    want = title.strip(_TITLE_END_PUNCT).casefold()
    if not want:
        return body, False
    lead = len(body) - len(body.lstrip())
    end = body.find("\n", lead)
    end = len(body) if end < 0 else end
    first = " ".join(body[lead:end].split()).strip(_TITLE_END_PUNCT).casefold()
    rest = body[end:].lstrip()
    if first != want or not rest:
        return body, False
    return rest, True


#: Markup in a record's text: a tag of the kinds scrapers leave ("<p>", "</div>", "<br/>", "<a …>").
_MARKUP_RE = re.compile(
    r"</?(?:p|br|div|span|h[1-6]|li|ul|ol|blockquote|em|strong|b|i|a|figure|figcaption|section"
    r"|article|table|tr|td|th|pre|hr|img|script|style)\b[^<>]*>",
    re.IGNORECASE,
)
_MARKUP_DROP_RE = re.compile(
    r"<(script|style|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_MARKUP_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_MARKUP_BLOCK_RE = re.compile(
    r"</?(?:p|div|h[1-6]|li|ul|ol|blockquote|figure|figcaption|section|article|table|tr|pre|hr)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_MARKUP_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*\b[^<>]*>|<!--.*?-->", re.DOTALL)


def markup_to_text(text: str) -> str | None:
    r"""The plain text of a record's ``text`` that holds HTML markup, or None when it holds none.

    Scrapers often store a page's paragraphs with their tags. Block elements (``<p>``,
    ``<div>``, headings, list items …) become paragraphs (blank lines), ``<br>`` a line break,
    other tags are removed, scripts and styles with their content, and entities (``&ldquo;``,
    ``&amp;``) decoded, so datelines and quotations are found as in any text. Nothing else is
    judged: the record's text is the article (no main-text extraction as for ``.html`` files).

    Args:
        text: The record's text.

    Returns:
        The text without markup, or None when no tag was found (the text is used as it is).

    Example:
        >>> markup_to_text("<p>ROME &mdash; It rained.</p><p>&ldquo;Wet,&rdquo; he said.</p>")
        'ROME — It rained.\n\n“Wet,” he said.'
        >>> markup_to_text("5% <br> more") is not None, markup_to_text("a < b") is None
        (True, True)
    """
    import html as html_lib

    if not _MARKUP_RE.search(text):
        return None
    s = _MARKUP_DROP_RE.sub(" ", text)
    s = _MARKUP_BREAK_RE.sub("\n", s)
    s = _MARKUP_BLOCK_RE.sub("\n\n", s)
    s = html_lib.unescape(_MARKUP_TAG_RE.sub("", s)).replace("\u00a0", " ")
    paras = []
    for para in re.split(r"\n\s*\n", s):
        lines = [" ".join(line.split()) for line in para.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paras.append("\n".join(lines))
    return "\n\n".join(paras)


#: An HTML character reference with its closing semicolon: "&amp;", "&#8217;", "&#x2014;".
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str | None:
    """The text with its HTML character references decoded, or None when it holds none.

    News APIs and scrapers often deliver a title or a text HTML-escaped but without tags
    (``&quot;Not yet,&quot; she said``), so :func:`markup_to_text` finds no markup. Only
    complete references (with their ``;``) that HTML defines are decoded; "AT&T" or "&foo;"
    stay as written. A no-break space becomes a space, as in :func:`markup_to_text`.

    Args:
        text: A record's title or text.

    Returns:
        The decoded text, or None when nothing was decoded.

    Example:
        >>> decode_entities("&quot;Not yet,&quot; she said &amp; left&#8230;")
        '"Not yet," she said & left…'
        >>> decode_entities("R&D at AT&T; &foo; stays") is None
        True
    """
    import html as html_lib

    changed = False

    def one(m: re.Match[str]) -> str:
        nonlocal changed
        out = html_lib.unescape(m.group())
        if out == m.group():
            return out
        changed = True
        return out.replace("\u00a0", " ")

    decoded = _ENTITY_RE.sub(one, text)
    return decoded if changed else None


#: Field names that usually hold what ``id`` / ``text`` hold, for the hint of a missing field.
FIELD_HINTS = {
    "id": ("article_id", "uid", "guid", "uuid", "key", "slug", "doc_id", "story_id"),
    "text": (
        "body",
        "content",
        "article",
        "article_text",
        "articlebody",
        "article_body",
        "full_text",
        "fulltext",
        "story",
        "body_text",
        "maintext",
    ),
}


def missing_fields_detail(missing: Sequence[str], found: Sequence[Any]) -> str:
    """Say which required fields a record lacks, which it has, and which to rename.

    Args:
        missing: The required fields (``id``, ``text``) absent or empty.
        found: The record's field names (or the CSV header), as written.

    Returns:
        The quarantine detail.

    Example:
        >>> missing_fields_detail(["text"], ["id", "Body"])
        "missing required field(s): text (fields found: id, Body; rename 'Body' to 'text'?)"
    """
    names = [str(k) for k in found if k is not None]
    hints = []
    for want in missing:
        alt = next((n for n in names if n.strip().casefold() in FIELD_HINTS.get(want, ())), None)
        if alt is not None:
            hints.append(f"rename {alt!r} to {want!r}")
    shown = ", ".join(names[:20]) + (", …" if len(names) > 20 else "") if names else "none"
    hint = "; " + ", ".join(hints) + "?" if hints else ""
    return f"missing required field(s): {', '.join(missing)} (fields found: {shown}{hint})"


#: Field names that usually hold what the optional ``title`` / ``date`` / ``outlet`` / ``url``
#: hold, for a warning when a record has one of them but not the field the ingest reads.
OPTIONAL_FIELD_HINTS = {
    "title": ("headline", "heading", "hed", "head", "article_title", "story_title"),
    "date": (
        "published",
        "published_at",
        "publishedat",
        "published_date",
        "publication_date",
        "pubdate",
        "pub_date",
        "date_published",
        "datepublished",
        "datetime",
    ),
    "outlet": ("source", "source_name", "publisher", "publication", "newspaper", "site_name"),
    "url": ("link", "href", "web_url", "canonical_url", "article_url"),
}


def optional_field_hints(rec: Mapping[Any, Any]) -> list[str]:
    """Warnings for a record whose ``title``/``date``/``outlet``/``url`` is under another name.

    An export may call the headline ``headline``, the date ``published_at``, the outlet
    ``source`` and the URL ``link``: the ingest reads only ``title, date, outlet, url`` and
    keeps the others in ``extra``, so the article had no headline or date, with a warning that
    did not say why. A field is named only when the record's own field is absent or empty and
    the other one holds a value.

    Args:
        rec: The record, field names as written (``id``/``title``/… already lower-cased).

    Returns:
        One warning per field found under another name.

    Example:
        >>> for w in optional_field_hints({"id": "a", "headline": "Quay", "published_at": "2026"}):
        ...     print(w)
        no 'title' field, but 'headline' looks like one: rename it 'title' (kept in extra)
        no 'date' field, but 'published_at' looks like one: rename it 'date' (kept in extra)
        >>> optional_field_hints({"id": "a", "title": "Quay opens", "headline": "Quay"})
        []
    """
    out = []
    for want, alts in OPTIONAL_FIELD_HINTS.items():
        if rec.get(want) not in (None, ""):
            continue
        alt = next(
            (
                k
                for k, v in rec.items()
                if isinstance(k, str)
                and k.strip().casefold() in alts
                and v is not None
                and str(v).strip() != ""
            ),
            None,
        )
        if alt is not None:
            out.append(
                f"no {want!r} field, but {alt!r} looks like one: rename it {want!r} (kept in extra)"
            )
    return out


def unescape_newlines(text: str) -> str | None:
    r"""A text whose line breaks were escaped twice, with real line breaks; None otherwise.

    An export that escapes a text already escaped leaves the two characters ``\n`` (a
    backslash and an "n") where a line break stood: the paragraphs ran together, "envoy.\n\n“Kari
    knows …" was one sentence with the escapes in it. A text with no line break at all and at
    least two ``\n`` escapes gets them (and ``\r\n``) back as line breaks; any other text is
    left alone.

    Example:
        >>> unescape_newlines("ROME — It rained.\\n\\n“Wet,” he said.")
        'ROME — It rained.\n\n“Wet,” he said.'
        >>> unescape_newlines("Use \\n in C.") is None, unescape_newlines("A.\n\nB.\\n") is None
        (True, True)
    """
    if "\n" in text or text.count("\\n") < 2:
        return None
    return text.replace("\\r\\n", "\n").replace("\\n", "\n")


def paragraphs_text(value: Any) -> str | None:
    r"""A JSON list of paragraph strings as one text, paragraphs separated by blank lines.

    Some news APIs and scrapers export the body as a list of paragraphs (``"text": ["ROME —
    It rained.", "“Wet,” he said."]``); it was quarantined as "field 'text' is list, not text".
    Anything else (a string, a list holding other than strings) gives None.

    Example:
        >>> paragraphs_text(["ROME — It rained.", " ", "“Wet,” he said."])
        'ROME — It rained.\n\n“Wet,” he said.'
        >>> paragraphs_text(["a", {"b": 1}]) is None, paragraphs_text("text") is None
        (True, True)
    """
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        return None
    return "\n\n".join(p.strip() for p in value if p.strip())


def _record_candidate(
    rec: Mapping[str, Any], source_path: str, fmt: str, max_bytes: int
) -> _Candidate:
    """Validate one JSONL/CSV record and build its candidate."""
    rec = {
        (k.strip().lower() if isinstance(k, str) and k.strip().lower() in RECORD_FIELDS else k): v
        for k, v in rec.items()
    }
    joined = paragraphs_text(rec.get("text"))
    if joined is not None:
        rec["text"] = joined
    missing = [k for k in ("id", "text") if rec.get(k) is None or str(rec.get(k)).strip() == ""]
    if "text" in missing and "text" in rec and "id" not in missing:
        what = "null" if rec["text"] is None else "empty or whitespace only"
        raise InputRejected("empty", f"field 'text' is {what}")
    if missing:
        raise InputRejected("missing_field", missing_fields_detail(missing, list(rec)))
    for k in ("id", "title", "text"):
        v = rec.get(k)
        if v is not None and not isinstance(v, str | int | float):
            raise InputRejected("malformed_record", f"field '{k}' is {type(v).__name__}, not text")
    body = str(rec["text"])
    title = " ".join(str(rec.get("title") or "").split())
    size = len(body.encode("utf-8")) + len(title.encode("utf-8"))
    if size > max_bytes:
        raise InputRejected("oversized", f"record text {size} bytes > limit {max_bytes}")
    warnings: list[str] = []
    if joined is not None:
        warnings.append("record text was a list of paragraphs: joined with blank lines")
    if (unescaped := unescape_newlines(body)) is not None:
        body = unescaped
        warnings.append(
            "record text held '\\n' escapes instead of line breaks: read as line breaks"
        )
    plain = markup_to_text(body)
    if plain is not None:
        body = plain
        warnings.append(
            "record text held HTML markup: tags removed and entities decoded (paragraphs kept)"
        )
    elif (decoded := decode_entities(body)) is not None:
        body = decoded
        warnings.append("record text held HTML entities (no tags): entities decoded")
    if title and (plain_title := markup_to_text(title) or decode_entities(title)) is not None:
        title = " ".join(plain_title.split())
    body, n = repair_mojibake(body)
    title, m = repair_mojibake(title)
    bad = _CONTROL_RE.findall(body + title)
    if bad:
        raise InputRejected("binary", f"{len(bad)} control character(s), first U+{ord(bad[0]):04X}")
    warnings.extend(mojibake_warnings(n + m, title + "\n" + body))
    body, invisible = strip_invisible(normalize_newlines(body))
    title, invisible_title = strip_invisible(title)
    warnings.extend(invisible + invisible_title)
    body, composed = compose_nfc(body)
    title, composed_title = compose_nfc(title)
    warnings.extend(composed or composed_title)
    warnings.extend(optional_field_hints(rec))
    if not title:
        warnings.append("record has no title: no headline")
    else:
        body, repeated = drop_repeated_title(title, body)
        if repeated:
            warnings.append(
                "record text starts with its title: the repeated title was dropped "
                "(the title is the headline)"
            )
    text = (title + "\n\n" + body) if title else body
    extra = {
        str(k): (None if v is None or (isinstance(v, str) and v.strip() == "") else v)
        for k, v in rec.items()
        if k not in ("id", "title", "text") and k is not None
    }
    if extra.get("date") is not None and extra.get("date_inferred") is None:
        extra["date_inferred"] = False  # stated in the record
    return _Candidate(
        raw_id=str(rec["id"]),
        source_path=source_path,
        fmt=fmt,
        text=text,
        has_headline=bool(title),
        record_meta=extra,
        warnings=tuple(warnings),
    )


def json_error_detail(lineno: int, line: str, error: json.JSONDecodeError) -> str:
    """The quarantine detail of a JSONL line that is not JSON.

    Says where the parser stopped and how the line starts; a line that ends before its record
    closes (an unterminated string, or the text ending where a value or a ``}`` is due) is
    said to be cut off, as an export or a copy interrupted mid-line leaves it.

    Example:
        >>> line = '{"id": "r5", "text": "TARNBY — The quay'
        >>> try:
        ...     json.loads(line)
        ... except json.JSONDecodeError as e:
        ...     detail = json_error_detail(5, line, e)
        >>> detail.split(":")[0]
        'line 5 is not JSON (Unterminated string starting at character 22'
        >>> "cut off?" in detail
        True
    """
    text = line.rstrip("\r\n")
    what = f"{error.msg.removesuffix(' at')} at character {error.pos + 1}"
    if error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip()):
        what += ": the line ends before the record does, cut off?"
    elif error.msg == "Extra data" and text[error.pos :].lstrip().startswith(("{", "[")):
        what += ": a second record on the same line (files joined without a final newline?)"
    return f"line {lineno} is not JSON ({what}; it starts with {text.strip()[:40]!r})"


def json_values(text: str) -> list[tuple[int, Any]] | None:
    r"""The records of a JSON document that is not JSON Lines, each with the line it starts on.

    An API's export is often one JSON array (``[{…}, {…}]``) or objects printed over several
    lines each; saved as ``.jsonl`` (or ``.json``), every line of it was a malformed record
    ("line 3 is not JSON …", one rejection per line). A document that is one array gives its
    elements; one that is a run of JSON values (pretty-printed objects one after another)
    gives those values. None when the text is no such document.

    Example:
        >>> json_values('[\n  {"id": "a"},\n  {"id": "b"}\n]\n')
        [(2, {'id': 'a'}), (3, {'id': 'b'})]
        >>> json_values('{\n "id": "a"\n}\n{\n "id": "b"\n}')
        [(1, {'id': 'a'}), (4, {'id': 'b'})]
        >>> json_values('{"id": "a"} oops') is None
        True
    """
    decoder = json.JSONDecoder()
    n = len(text)
    line, seen = 1, 0

    def skip(i: int) -> int:
        while i < n and text[i] in " \t\r\n\ufeff":
            i += 1
        return i

    def line_at(i: int) -> int:
        nonlocal line, seen
        line += text.count("\n", seen, i)
        seen = i
        return line

    out: list[tuple[int, Any]] = []
    i = skip(0)
    try:
        if i < n and text[i] == "[":
            i = skip(i + 1)
            while i < n and text[i] != "]":
                value, end = decoder.raw_decode(text, i)
                out.append((line_at(i), value))
                i = skip(end)
                if i < n and text[i] == ",":
                    i = skip(i + 1)
                elif i < n and text[i] != "]":
                    return None
            return out if i < n and skip(i + 1) == n else None
        while i < n:
            value, end = decoder.raw_decode(text, i)
            out.append((line_at(i), value))
            i = skip(end)
    except ValueError:
        return None
    return out


def _first_line_is_record(path: Path) -> bool:
    """True when the file's first non-blank line is a JSON object on its own (JSON Lines)."""
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip():
                try:
                    return isinstance(json.loads(raw.decode("utf-8-sig", "replace")), dict)
                except ValueError:
                    return False
    return True


def _json_document(path: Path, rel: str, max_bytes: int, max_file_bytes: int) -> list[Any] | None:
    """A .jsonl/.json file that is one JSON document, as candidates and rejections, else None."""
    if _first_line_is_record(path):
        return None
    try:
        text, warns = decode_bytes(_read_limited(path, max_file_bytes))
    except InputRejected:
        return None  # read line by line: each line says what is wrong
    values = json_values(text)
    if values is None:
        return None
    warns = [w for w in warns if "byte-order" not in w]
    note = (
        "the file is one JSON document (an array, or objects over several lines), not one "
        "record per line: read record by record"
    )
    out: list[Any] = []
    lines = [lineno for lineno, _ in values]
    shared = {n for n in lines if lines.count(n) > 1} if len(set(lines)) < len(lines) else set()
    kth: dict[int, int] = {}
    for lineno, rec in values:
        kth[lineno] = kth.get(lineno, 0) + 1
        # records sharing a line (a one-line array) are told apart: "#1.2" is line 1's second
        sp = f"{rel}#{lineno}.{kth[lineno]}" if lineno in shared else f"{rel}#{lineno}"
        if not isinstance(rec, dict):
            out.append(
                Rejection(sp, "malformed_record", f"JSON {type(rec).__name__}, expected an object")
            )
            continue
        try:
            cand = _record_candidate(rec, sp, "jsonl", max_bytes)
        except InputRejected as e:
            out.append(Rejection(sp, e.reason, e.detail))
            continue
        out.append(replace(cand, warnings=(*warns, note, *cand.warnings)))
    if not out:
        out.append(Rejection(rel, "empty", "a JSON document with no records"))
    return out


def _iter_jsonl(path: Path, rel: str, max_bytes: int, max_file_bytes: int):
    """Yield candidates or rejections for the lines of a JSONL file."""
    size = path.stat().st_size
    if size > max_file_bytes:
        yield Rejection(rel, "oversized", f"{size} bytes > file limit {max_file_bytes}")
        return
    if size == 0:
        yield Rejection(rel, "empty", "file has 0 bytes")
        return
    document = _json_document(path, rel, max_bytes, max_file_bytes)
    if document is not None:  # one JSON array, or pretty-printed objects: not JSON Lines
        yield from document
        return
    n_records = 0
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            n_records += 1
            sp = f"{rel}#{lineno}"
            try:
                line, warns = decode_bytes(raw)
                warns = [w for w in warns if "byte-order" not in w]
                try:
                    rec = json.loads(line.rstrip("\r\n"))
                except json.JSONDecodeError as e:
                    raise InputRejected(
                        "malformed_record", json_error_detail(lineno, line, e)
                    ) from None
                if not isinstance(rec, dict):
                    raise InputRejected(
                        "malformed_record", f"JSON {type(rec).__name__}, expected an object"
                    )
                cand = _record_candidate(rec, sp, "jsonl", max_bytes)
                yield replace(cand, warnings=tuple(warns) + cand.warnings)
            except InputRejected as e:
                yield Rejection(sp, e.reason, e.detail)
    if n_records == 0:
        yield Rejection(rel, "empty", "no records (whitespace only)")


_SEP_LINE_RE = re.compile(r"sep=(.)[ \t]*(?:\r\n|\r|\n)")


def excel_separator(text: str) -> str | None:
    r"""The separator an Excel ``sep=`` first line declares ("sep=;"), or None.

    Excel writes, and reads, a first line ``sep=;`` (or ``sep=,``) that names the separator of
    the rows below it; read as the header, it gave "missing required field(s): id, text
    (fields found: sep=, )". The line is skipped and its separator used.

    Example:
        >>> excel_separator("sep=;\r\nid;title;text\r\n"), excel_separator("id,text\n") is None
        (';', True)
    """
    m = _SEP_LINE_RE.match(text)
    return m.group(1) if m else None


def _iter_csv(path: Path, rel: str, max_bytes: int, max_file_bytes: int):
    """Yield candidates or rejections for the rows of a CSV file."""
    try:
        data = _read_limited(path, max_file_bytes)
        text, warns = decode_bytes(data)
    except InputRejected as e:
        yield Rejection(rel, e.reason, e.detail)
        return
    warns = [w for w in warns if "byte-order" not in w]
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes + 1))
    declared = excel_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=declared or ",")
    try:
        if declared is not None:
            next(reader)  # the "sep=;" line: line numbers go on counting it
        header = next(reader)
    except (csv.Error, StopIteration) as e:
        yield Rejection(rel, "malformed_record", f"unreadable CSV header: {e}")
        return
    header = [h.strip() for h in header]
    if len(header) == 1 and (sep := next((d for d in ";\t|" if d in header[0]), None)):
        yield Rejection(
            rel,
            "malformed_record",
            f"the header is one column ({header[0][:60]!r}): CSV is read comma-separated; "
            f"this file seems separated by {sep!r} (save it with commas)",
        )
        return
    if len(set(header)) != len(header):
        yield Rejection(rel, "malformed_record", f"duplicate column names in header {header}")
        return
    names = {h.casefold() for h in header}
    missing = [k for k in ("id", "text") if k not in names]
    if missing:  # every row would lack them: one message for the file, not one per row
        yield Rejection(rel, "missing_field", "header: " + missing_fields_detail(missing, header))
        return
    n_rows = 0
    while True:
        lineno = reader.line_num + 1  # the physical line where the next row starts
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield Rejection(
                f"{rel}#{lineno}", "malformed_record", f"CSV error: {e}; rest of file not read"
            )
            return
        if not row:
            continue  # a blank line is no row (as in JSONL)
        n_rows += 1
        sp = f"{rel}#{lineno}"
        if not any(c.strip() for c in row):
            yield Rejection(sp, "empty", f"row of {len(row)} empty cell(s) skipped")
            continue
        if len(row) != len(header):
            yield Rejection(sp, "malformed_record", f"{len(row)} fields, header has {len(header)}")
            continue
        try:
            cand = _record_candidate(dict(zip(header, row, strict=True)), sp, "csv", max_bytes)
            yield replace(cand, warnings=tuple(warns) + cand.warnings)
        except InputRejected as e:
            yield Rejection(sp, e.reason, e.detail)
    if n_rows == 0:
        yield Rejection(rel, "empty", "CSV has a header but no rows")


def _iter_file(path: Path, rel: str, max_bytes: int, max_file_bytes: int):
    """Yield :class:`_Candidate` or :class:`Rejection` objects for one input file."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        yield Rejection(
            rel,
            "unsupported_format",
            f"extension {path.suffix or '(none)'!r}; expected one of {sorted(FORMATS)}"
            " (archives are not accepted)",
        )
        return
    try:
        if fmt == "jsonl":
            yield from _iter_jsonl(path, rel, max_bytes, max_file_bytes)
            return
        if fmt == "csv":
            yield from _iter_csv(path, rel, max_bytes, max_file_bytes)
            return
        limit = max(max_bytes, MAX_HTML_PAGE_BYTES) if fmt == "html" else max_bytes
        text, warns = decode_bytes(_read_limited(path, limit))
        text, invisible = strip_invisible(normalize_newlines(text))
        warns = warns + invisible
        meta: dict[str, Any] = {}
        has_headline = True
        captions: tuple[str, ...] = ()
        if fmt == "html":
            text, has_headline, meta, more, captions = _html_to_text(text)
            warns = warns + more
            size = len(text.encode("utf-8"))
            if size > max_bytes:  # the limit is the article's, not the page markup's
                raise InputRejected(
                    "oversized", f"the page's article text is {size} bytes > limit {max_bytes}"
                )
        yield _Candidate(
            raw_id=path.stem,
            source_path=rel,
            fmt=fmt,
            text=text,
            has_headline=has_headline,
            record_meta=meta,
            warnings=tuple(warns),
            captions=captions,
        )
    except InputRejected as e:
        yield Rejection(rel, e.reason, e.detail)
    except OSError as e:
        yield Rejection(rel, "unreadable", f"{type(e).__name__}: {e.strerror or e}")


def read_article_file(
    path: Path,
    corpus_dir: Path | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    rejected: list[Rejection] | None = None,
) -> list[Article]:
    r"""Read one input file (.txt, .html, .jsonl, .csv) into parsed articles.

    Ids come from the file name (or the records' ``id``), sanitized by :func:`safe_id`.
    Metadata come from ``<corpus_dir>/metadata.csv`` when there is one (by default the corpus
    folder is the file's grandparent when the file sits in a ``raw/`` folder next to a
    ``metadata.csv``, else the file's folder). Duplicates across files are not checked here
    (use :func:`scan_corpus` for a whole folder).

    Args:
        path: The file.
        corpus_dir: The corpus folder: ``source_path`` is relative to it and its
            ``metadata.csv`` is used (default: see above).
        max_bytes: Size limit per article.
        rejected: When given, rejected inputs are appended to it; otherwise the first one
            raises.

    Returns:
        The articles, in input order.

    Raises:
        InputRejected: An input was rejected and ``rejected`` is None.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "a.txt"
        >>> _ = p.write_text("Title\n\nBody.\n", encoding="utf-8")
        >>> [a.article_id for a in read_article_file(p)]
        ['a']
    """
    path = Path(path)
    if corpus_dir is None:
        inside = path.parent.name == "raw" and path.parent.parent.joinpath("metadata.csv").is_file()
        corpus_dir = path.parent.parent if inside else path.parent
    base = Path(corpus_dir)
    meta_path = paths.corpus_metadata_file(base)
    table = _MetadataTable(*load_metadata(meta_path), meta_path.is_file())
    rel = _relative(path, base)
    out = []
    used: set[str] = set()
    for item in _iter_file(path, rel, max_bytes, DEFAULT_MAX_FILE_BYTES):
        if isinstance(item, Rejection):
            if rejected is None:
                raise InputRejected(item.reason, f"{item.source_path}: {item.detail}")
            rejected.append(item)
            continue
        art = _finish(item, used, table, set())
        if isinstance(art, Rejection):
            if rejected is None:
                raise InputRejected(art.reason, f"{art.source_path}: {art.detail}")
            rejected.append(art)
            continue
        used.add(art.article_id.casefold())
        out.append(art)
    return out


def _relative(path: Path, base: Path) -> str:
    try:
        return PurePosixPath(path.relative_to(base)).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: An ISO 8601 date and time ("2026-03-04T10:15:00Z", "2026-03-04 10:15+01:00"): the date is
#: kept as written, in the timestamp's own offset (no time-zone conversion).
_TIMESTAMP_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_TRUE = {"true", "yes", "1", "y", "t"}
_FALSE = {"false", "no", "0", "n", "f"}


def _clean_value(key: str, value: Any) -> tuple[Any, str | None]:
    """Validate one metadata value; returns ``(value or None, problem or None)``."""
    if value is None:
        return None, None
    if isinstance(value, float) and value != value:  # NaN
        return None, None
    if key == "date_inferred":
        if isinstance(value, bool):
            return value, None
        s = str(value).strip().casefold()
        if s == "":
            return None, None
        if s in _TRUE:
            return True, None
        if s in _FALSE:
            return False, None
        return None, f"date_inferred {value!r} is not true/false: ignored"
    if key not in METADATA_COLUMNS and isinstance(value, bool | int | float | list | dict):
        return value, None  # a record's other fields keep their JSON types in ``extra``
    s = str(value).strip()
    if s == "":
        return None, None
    if key == "date":
        stamp = _TIMESTAMP_RE.match(s)
        if stamp:
            try:
                dt.datetime.fromisoformat(s)
            except ValueError:
                return None, f"date {s!r} is not an ISO 8601 date and time: ignored"
            day = stamp.group(1)
            return day, f"date {s!r} has a time: kept its date as written, {day}"
        if not _DATE_RE.match(s):
            return None, f"date {s!r} is not YYYY-MM-DD: ignored"
        try:
            parts = [int(p) for p in s.split("-")] + [1, 1]
            dt.date(parts[0], parts[1], parts[2])
        except ValueError:
            return None, f"date {s!r} is not a calendar date: ignored"
    if key == "language":
        head, _, tail = s.partition("-")
        tag = head.lower() + ("-" + tail if tail else "")  # "EN", "En-GB": tags ignore case
        if not _LANG_RE.match(tag):
            return None, f"language {s!r} is not an ISO 639 code: ignored"
        s = tag
    if key == "url" and not re.match(r"^https?://\S+$", s):
        return None, f"url {s!r} is not an http(s) URL: ignored"
    return s, None


_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _csv_lines(text: str) -> Iterator[str]:
    r"""The lines of ``text`` with their ends, as ``io.StringIO(text, newline="")`` gives them.

    Example:
        >>> list(_csv_lines("a\r\nb\rc\nd"))
        ['a\r\n', 'b\r', 'c\n', 'd']
    """
    for m in _LINE_RE.finditer(text):
        yield m.group()


class MetadataRows(Mapping[str, Mapping[str, Any]]):
    """Cleaned metadata rows by article id, stored compactly.

    A row is a tuple of values (repeated values such as an outlet or a language shared, not
    copied) under a tuple of column names shared by the rows, and becomes a dict only when
    looked up: a 100,000-row ``metadata.csv`` takes a few MB instead of a dict per row. It
    also marks the rows used by articles (:meth:`mark`), a byte per row.

    Example:
        >>> rows = MetadataRows()
        >>> rows.add("a", ("outlet", "date"), ["Wire", None])
        >>> rows["a"], "a" in rows, list(rows)
        ({'outlet': 'Wire', 'date': None}, True, ['a'])
    """

    #: Distinct values shared per column; further new values are stored as they are.
    SHARED = 4096

    def __init__(self) -> None:
        self._index: dict[str, int] = {}
        self._values: list[tuple[Any, ...]] = []
        self._keys: list[tuple[str, ...]] = []
        self._shared: list[dict[Any, Any]] = []
        self._used = bytearray()

    def add(self, aid: str, keys: tuple[str, ...], values: Sequence[Any]) -> None:
        """Add the row of ``aid`` (``values`` in the order of ``keys``)."""
        if not self._keys or self._keys[-1] != keys:
            self._keys.append(keys)
        while len(self._shared) < len(values):
            self._shared.append({})
        shared = []
        for cache, v in zip(self._shared, values, strict=False):
            hit = cache.get(v, cache)
            if hit is not cache:
                v = hit
            elif len(cache) < self.SHARED:
                cache[v] = v
            shared.append(v)
        self._index[aid] = len(self._values)
        self._values.append((len(self._keys) - 1, *shared))
        self._used.append(0)

    def __getitem__(self, aid: str) -> dict[str, Any]:
        keys, *values = self._values[self._index[aid]]
        return dict(zip(self._keys[keys], values, strict=True))

    def __contains__(self, aid: object) -> bool:
        return aid in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def mark(self, aid: str) -> None:
        """Mark the row of ``aid`` as used by an article."""
        self._used[self._index[aid]] = 1

    def unused(self) -> list[str]:
        """Ids of the rows never marked, sorted."""
        return sorted(a for a, i in self._index.items() if not self._used[i])


class _Marks:
    """``used_rows`` of :func:`_finish` as marks on the metadata rows instead of a set of ids."""

    def __init__(self, rows: Mapping[str, Any]) -> None:
        self.rows = rows
        self.extra: set[str] = set()

    def add(self, key: str) -> None:
        if isinstance(self.rows, MetadataRows):
            self.rows.mark(key)
        else:
            self.extra.add(key)

    def unused(self) -> list[str]:
        if isinstance(self.rows, MetadataRows):
            return self.rows.unused()
        return sorted(set(self.rows) - self.extra)


class _DigestSet:
    """Strings (or bytes) kept as 16-byte BLAKE2b digests in sorted numpy runs, each with an int.

    About 20 bytes per member instead of a Python string and a hash-table slot (~100 bytes):
    :func:`iter_scan` keeps one member per article (texts seen, ids used). Two different
    members share a digest with probability about n²/2¹²⁹ (none for any real corpus).

    Example:
        >>> s = _DigestSet()
        >>> s.add("a", 7)
        >>> "a" in s, "b" in s, s.get("a")
        (True, False, 7)
    """

    BUFFER = 4096

    def __init__(self) -> None:
        self._buffer: dict[bytes, int] = {}
        self._runs: list[tuple[Any, Any]] = []

    @staticmethod
    def _key(item: str | bytes) -> bytes:
        data = item.encode("utf-8", "surrogatepass") if isinstance(item, str) else item
        return hashlib.blake2b(data, digest_size=16).digest()

    def get(self, item: str | bytes) -> int | None:
        """The value stored with ``item``; None when absent."""
        import numpy as np

        key = self._key(item)
        if key in self._buffer:
            return self._buffer[key]
        probe = np.array(key, dtype="S16")
        for keys, values in self._runs:
            i = int(np.searchsorted(keys, probe))
            if i < len(keys) and keys[i] == probe:
                return int(values[i])
        return None

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str | bytes) and self.get(item) is not None

    def add(self, item: str | bytes, value: int = 0) -> None:
        """Add ``item`` with ``value`` (an int32)."""
        import numpy as np

        self._buffer[self._key(item)] = value
        if len(self._buffer) < self.BUFFER:
            return
        keys = np.array(list(self._buffer), dtype="S16")
        values = np.fromiter(self._buffer.values(), dtype=np.int32, count=len(self._buffer))
        self._buffer = {}
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], values[order]))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            (k1, v1), (k2, v2) = self._runs.pop(), self._runs.pop()
            keys, values = np.concatenate([k2, k1]), np.concatenate([v2, v1])
            order = np.argsort(keys, kind="stable")
            self._runs.append((keys[order], values[order]))


class _StringStore:
    """Append-only strings, joined in blocks (a few bytes of overhead per string).

    Example:
        >>> s = _StringStore()
        >>> [s.append(x) for x in ("raw/a.txt", "b")], s[1]
        ([0, 1], 'b')
    """

    BLOCK = 1024

    def __init__(self) -> None:
        self._blocks: list[tuple[bytes, list[int]]] = []
        self._open: list[str] = []

    def append(self, value: str) -> int:
        """Store ``value``; returns its index."""
        self._open.append(value)
        index = len(self._blocks) * self.BLOCK + len(self._open) - 1
        if len(self._open) == self.BLOCK:
            parts = [v.encode("utf-8", "surrogatepass") for v in self._open]
            offsets = [0]
            for b in parts:
                offsets.append(offsets[-1] + len(b))
            self._blocks.append((b"".join(parts), offsets))
            self._open = []
        return index

    def __getitem__(self, index: int) -> str:
        block, i = divmod(index, self.BLOCK)
        if block == len(self._blocks):
            return self._open[i]
        data, offsets = self._blocks[block]
        return data[offsets[i] : offsets[i + 1]].decode("utf-8", "surrogatepass")


def load_metadata(path: Path) -> tuple[MetadataRows, dict[str, list[str]], list[str]]:
    r"""Read a corpus metadata table.

    Args:
        path: ``metadata.csv`` with an ``article_id`` column and any of ``outlet, url, date,
            date_inferred, language, notes`` (other columns kept as extra metadata).

    Returns:
        ``(rows, problems, notes)``: ``rows`` maps article id to its cleaned values (an empty
        cell or an invalid value is None); ``problems`` maps article id to messages about
        invalid values; ``notes`` are table-level messages (missing file, bad header,
        duplicate ids). Nothing raises: metadata problems never drop an article.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "metadata.csv"
        >>> _ = p.write_text("article_id,date,outlet\na,2022-02-30,\n", encoding="utf-8")
        >>> rows, problems, notes = load_metadata(p)
        >>> rows["a"]["date"], rows["a"]["outlet"], problems["a"]
        (None, None, ["metadata: date '2022-02-30' is not a calendar date: ignored"])
    """
    rows = MetadataRows()
    problems: dict[str, list[str]] = {}
    if not path.is_file():
        return rows, problems, [f"no metadata table ({path.name}): metadata are null"]
    try:
        text, _ = decode_bytes(_read_limited(path, DEFAULT_MAX_FILE_BYTES))
    except (InputRejected, OSError) as e:
        return rows, problems, [f"{path.name} unreadable ({e}): metadata are null"]
    # a spreadsheet may declare its separator ("sep=;") or save ";" in its locale: the header
    # line decides, as for coding files (mediaframes validate)
    declared = excel_separator(text)
    first = text.split("\n", 2)[1 if declared else 0]
    delimiter = declared or (";" if ";" in first and "," not in first else ",")
    reader = csv.reader(_csv_lines(text), delimiter=delimiter)
    try:
        if declared is not None:
            next(reader)
        header = [h.strip() for h in next(reader)]
    except (csv.Error, StopIteration) as e:
        return rows, problems, [f"{path.name}: unreadable header ({e}): metadata are null"]
    notes: list[str] = []
    if "article_id" not in header:
        return rows, problems, [f"{path.name} has no article_id column: metadata are null"]
    try:
        for row in reader:
            if not any(c.strip() for c in row):
                continue
            lineno = reader.line_num
            if len(row) != len(header):
                notes.append(
                    f"{path.name} line {lineno}: {len(row)} fields, header has {len(header)}:"
                    " row ignored"
                )
                continue
            values = dict(zip(header, row, strict=True))
            aid = values.pop("article_id").strip()
            if not aid:
                notes.append(f"{path.name} line {lineno}: empty article_id: row ignored")
                continue
            if aid in rows:
                notes.append(f"{path.name} line {lineno}: duplicate article_id {aid!r}: ignored")
                continue
            keys = (*METADATA_COLUMNS, *sorted(k for k in values if k not in METADATA_COLUMNS))
            clean: list[Any] = []
            for key in keys:
                value, problem = _clean_value(key, values.get(key))
                clean.append(value)
                if problem:
                    problems.setdefault(aid, []).append(f"metadata: {problem}")
            rows.add(aid, keys, clean)
    except csv.Error as e:
        notes.append(f"{path.name}: CSV error ({e}); later rows not read")
    return rows, problems, notes


# ---------------------------------------------------------------------------------------------
# Validation of a whole corpus folder (the one code path)
# ---------------------------------------------------------------------------------------------


#: The row order of every per-article table, whichever command writes it (``mediaframes
#: ingest``, ``analyze`` serially or on Dask, ``run`` and the notebooks): corpus input order, i.e.
#: file path order, then line/row order inside a JSONL/CSV file (``article_id`` order for a
#: folder of ``<id>.txt`` files); inside an article, each stage's text order. Not sorted by
#: ``article_id``: ``mediaframes analyze`` appends each chunk's rows to the tables as soon as the
#: chunk is next, so that memory stays bounded; a sort would have to hold or re-read every table.
#: The same corpus thus gives the same rows in the same order (a plain ``diff`` of ``ingest``,
#: ``analyze`` and ``run`` tables shows only real changes). ``quarantine`` is ordered by
#: ``source_path``, then reason.
ROW_ORDER = "corpus input order"


@dataclass(frozen=True)
class ScanResult:
    """Everything :func:`scan_corpus` found.

    Attributes:
        articles: Valid articles, in input order (:data:`ROW_ORDER`).
        quarantine: Rejected inputs, sorted by source path.
        n_inputs: Number of inputs (files, or records of JSONL/CSV files); always
            ``len(articles) + len(quarantine)``.
        notes: Corpus-level messages (metadata table problems).
    """

    articles: tuple[Article, ...]
    quarantine: tuple[Rejection, ...]
    n_inputs: int
    notes: tuple[str, ...] = ()


def _merge_metadata(
    cand: _Candidate, row: Mapping[str, Any] | None
) -> tuple[dict[str, Any], list[str]]:
    """Combine a record's own metadata with its metadata-table row (the table wins)."""
    warnings: list[str] = []
    merged: dict[str, Any] = {}
    for key, value in cand.record_meta.items():
        clean, problem = _clean_value(key, value)
        merged[key] = clean
        if problem:
            warnings.append(f"record: {problem}")
    for key, value in (row or {}).items():
        if value is None:
            merged.setdefault(key, None)
            continue
        old = merged.get(key)
        if old is not None and old != value:
            warnings.append(f"metadata.csv {key}={value!r} overrides the input's {old!r}")
        merged[key] = value
    ordered = {k: merged.get(k) for k in METADATA_COLUMNS}
    if ordered["date"] is None:  # "inferred" or not only means something with a date
        if ordered["date_inferred"] is not None and (row or {}).get("date_inferred") is not None:
            warnings.append(
                f"metadata.csv date_inferred={ordered['date_inferred']!r} but no date is known: "
                "left empty"
            )
        ordered["date_inferred"] = None
    ordered.update({k: merged[k] for k in sorted(merged) if k not in METADATA_COLUMNS})
    return ordered, warnings


def _build_article(
    cand: _Candidate,
    article_id: str,
    meta: Mapping[str, Any],
    warnings: Sequence[str],
) -> Article | Rejection:
    """Parse a candidate, settle its language and check that it has body text."""
    art = parse_plain_text(
        cand.text,
        article_id,
        cand.source_path,
        fmt=cand.fmt,
        has_headline=cand.has_headline,
        captions=cand.captions,
        headline_given=cand.fmt != "txt",
    )
    if not art.body:
        return Rejection(
            cand.source_path,
            "no_text",
            "no body paragraph left after headline, standfirst, captions and boilerplate",
        )
    meta = {k: meta.get(k) for k in METADATA_COLUMNS} | dict(meta)
    warns = list(cand.warnings) + list(warnings) + list(art.warnings)
    if meta.get("outlet") is not None:  # metadata.csv names the outlet the page does not
        warns = [w for w in warns if not w.startswith(_NO_OUTLET)]
    parts = [art.headline, art.standfirst, *art.body]
    lang_text = "\n".join(s.text for s in parts if s is not None)
    detected, share = detect_language(lang_text)
    declared = meta.get("language")
    if declared is None:
        meta["language"] = detected
        n_words = len(_WORD_RE.findall(lang_text)) if detected is None else 0
        if detected is None and n_words < 20:
            warns.append(f"language not detected: only {n_words} words; left empty")
        elif detected is None:
            warns.append(f"language not detected (stopword share {share}): left empty")
        elif detected != "en":
            warns.append(
                f"language detected as {detected!r}, not English: kept, but the lexicons are "
                "English"
            )
    elif detected is not None and str(declared).split("-")[0] != detected:
        warns.append(f"metadata language {declared!r} but the text looks {detected!r}")
    elif str(declared).split("-")[0] != "en":
        warns.append(f"language {declared!r} (from metadata) is not English")
    return replace(art, metadata=meta, warnings=tuple(warns))


@dataclass(frozen=True)
class _MetadataTable:
    rows: Mapping[str, Mapping[str, Any]]
    problems: Mapping[str, list[str]]
    notes: list[str]
    present: bool


def metadata_row_key(raw_id: str, base: str, source_path: str, fmt: str, rows: Any) -> str | None:
    """The ``article_id`` of an input's ``metadata.csv`` row, or None when it has none.

    The raw id, else the sanitized id; for a .txt or HTML file also its file name
    ("t01_vote.txt", as a user lists files) or its path under the corpus folder
    ("raw/t01_vote.txt"): such a row was reported as "without an article" while the file got
    "no row … in metadata.csv".

    Example:
        >>> rows = {"t01 vote.txt": {}}
        >>> metadata_row_key("t01 vote", "t01_vote", "raw/t01 vote.txt", "txt", rows)
        't01 vote.txt'
        >>> metadata_row_key("r1", "r1", "raw/recs.jsonl#2", "jsonl", {"recs.jsonl": {}}) is None
        True
    """
    if raw_id in rows:
        return raw_id
    if base in rows:
        return base
    if fmt in ("txt", "html"):
        for key in (PurePosixPath(source_path).name, source_path):
            if key in rows:
                return key
    return None


def _finish(
    cand: _Candidate, used: set[str], table: _MetadataTable, used_rows: set[str]
) -> Article | Rejection:
    """Give a candidate its safe unique id and its metadata, then parse it."""
    warns: list[str] = []
    base = safe_id(cand.raw_id)
    if base != cand.raw_id:
        warns.append(f"id {cand.raw_id!r} sanitized to {base!r}")
    aid, n = base, 1
    while aid.casefold() in used:
        n += 1
        aid = f"{base}-{n}"
    if aid != base:
        warns.append(f"id {base!r} already used: renamed {aid!r}")
    rows = table.rows
    key = metadata_row_key(cand.raw_id, base, cand.source_path, cand.fmt, rows)
    if key is not None:
        used_rows.add(key)
        warns.extend(table.problems.get(key, []))
    elif table.present and cand.fmt in ("txt", "html"):
        warns.append(
            f"no row for {cand.raw_id!r} in metadata.csv: "
            + ("using the page's own metadata" if cand.record_meta else "metadata are null")
        )
    meta, merge_warns = _merge_metadata(cand, rows.get(key) if key else None)
    return _build_article(cand, aid, meta, warns + merge_warns)


def _walk(root: Path, skip: Path | None, base: Path) -> tuple[list[Path], list[Rejection]]:
    """List input files under ``root`` (sorted; hidden files and ``skip`` left out)."""
    names, rejected = _walk_names(root, skip, base)
    return [root / name for name in _split_names(names)], rejected


def _split_names(names: str) -> Iterator[str]:
    """The names of a NUL-joined string (see :func:`_walk_names`), one at a time."""
    start = 0
    while start < len(names):
        end = names.find("\0", start)
        end = len(names) if end < 0 else end
        yield names[start:end]
        start = end + 1


def saved_page_folder(folder: Path) -> Path | None:
    """The page a folder belongs to, when it is a browser's "Save page (complete)" folder.

    Saving a web page whole writes ``Name.html`` and, beside it, ``Name_files/`` with the
    page's style sheets, scripts, images and embedded frames (a consent dialog, an embedded
    post, an advert), some of them ``.html`` files. Those are the page's parts, not articles:
    a consent frame of 40 words would be ingested as an article of its own.

    Args:
        folder: A folder inside the corpus.

    Returns:
        ``Name.html`` (or ``.htm``) when ``folder`` is ``Name_files`` and that page exists
        beside it, else None.

    Example:
        >>> import tempfile
        >>> d = Path(tempfile.mkdtemp())
        >>> (d / "Quay.html").write_text("<html></html>") and (d / "Quay_files").mkdir()
        >>> saved_page_folder(d / "Quay_files").name, saved_page_folder(d / "raw_files")
        ('Quay.html', None)
    """
    name = folder.name
    if not name.endswith("_files") or len(name) <= len("_files"):
        return None
    stem = name[: -len("_files")]
    for ext in (".html", ".htm", ".HTML", ".HTM"):
        page = folder.with_name(stem + ext)
        if page.is_file():
            return page
    return None


def _walk_names(
    root: Path, skip: Path | None, base: Path, notes: list[str] | None = None
) -> tuple[str, list[Rejection]]:
    """:func:`_walk` as one NUL-joined string of paths relative to ``root`` (compact).

    A browser's "Save page (complete)" folder beside its page (:func:`saved_page_folder`) is
    not walked; ``notes``, when given, gets one line for each.
    """
    import os

    files: list[str] = []
    rejected: list[Rejection] = []
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for d in list(dirnames):
            if d.startswith("."):
                dirnames.remove(d)
            elif (page := saved_page_folder(here / d)) is not None:
                dirnames.remove(d)
                if notes is not None:
                    n = sum(1 for p in (here / d).rglob("*") if p.is_file())
                    notes.append(
                        f"{_relative(here / d, base)}/: the {n} file(s) a browser saved with "
                        f"the page {page.name} (styles, scripts, images, frames): not inputs"
                    )
            elif (here / d).is_symlink():
                dirnames.remove(d)
                rejected.append(
                    Rejection(
                        _relative(here / d, base),
                        "outside_corpus",
                        "symbolic link to a folder: not followed",
                    )
                )
        dirnames.sort()
        for name in sorted(filenames):
            p = here / name
            if name.startswith(".") or (skip is not None and p == skip):
                continue
            if p.is_symlink():
                target = p.resolve()
                if not target.is_relative_to(real_root) or not target.is_file():
                    rejected.append(
                        Rejection(
                            _relative(p, base),
                            "outside_corpus",
                            "symbolic link pointing outside the corpus folder (or nowhere)",
                        )
                    )
                    continue
            files.append(_relative(p, root))
    files.sort()
    return "\0".join(files), rejected


def _input_names(
    corpus_dir: Path, notes: list[str] | None = None
) -> tuple[Path, str, list[Rejection]]:
    """The raw folder, the names ingest reads there (NUL-joined) and the entries it rejects.

    The one definition of a corpus's inputs: :func:`iter_scan` reads these files and
    :func:`input_files` lists them for the input hash of ``mediaframes run``. ``notes`` gets
    the folders left out (:func:`saved_page_folder`).
    """
    raw = paths.corpus_raw_dir(corpus_dir)
    meta_path = paths.corpus_metadata_file(corpus_dir)
    skip = meta_path if raw == corpus_dir else None
    names, rejected = _walk_names(raw, skip, corpus_dir, notes)
    return raw, names, rejected


def input_files(corpus_dir: Path) -> tuple[list[Path], list[Rejection]]:
    """Every file ingest reads from a corpus folder, and the entries its walk rejects.

    The files are ``metadata.csv`` (when present) and every file of ``raw/`` (or of the folder
    itself without ``raw/``), recursively, in path order, hidden files and folders left out,
    and the ``Name_files/`` folder a browser saves beside ``Name.html`` (:func:`saved_page_folder`);
    that includes ``processed/`` or ``__pycache__/`` subfolders and ``.pyc`` files: ingest
    reads them (or quarantines them, naming them), so their content counts. Symbolic links to
    folders, or pointing outside the corpus, are not read: they are rejections. The input hash
    of ``mediaframes run`` (``pipeline.corpus_hash``) is built from exactly this list.

    Example:
        >>> files, rejected = input_files(paths.corpus_dir())
        >>> files[0].name, rejected
        ('metadata.csv', [])
    """
    corpus_dir = Path(corpus_dir)
    raw, names, rejected = _input_names(corpus_dir)
    meta_path = paths.corpus_metadata_file(corpus_dir)
    files = [meta_path] if meta_path.is_file() else []
    return files + [raw / name for name in _split_names(names)], rejected


def scan_corpus(
    corpus_dir: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> ScanResult:
    """Read and validate every input of a corpus folder.

    Inputs are the files of ``corpus_dir/raw/`` (or of ``corpus_dir`` itself when it has no
    ``raw/``), recursively, in path order; hidden files are ignored. Each input becomes an
    article or a :class:`Rejection`; articles keep input order (:data:`ROW_ORDER`). Duplicate
    content (same text after Unicode normalization, case folding and whitespace collapsing)
    keeps the first input in path order. Ids are
    sanitized with :func:`safe_id`; a collision gets ``-2``, ``-3`` … in input order. Metadata
    come from ``corpus_dir/metadata.csv`` (:func:`load_metadata`), matched on the raw or the
    sanitized id.

    Args:
        corpus_dir: The corpus folder.
        max_bytes: Size limit per article (file or record).
        max_file_bytes: Size limit per JSONL/CSV file.

    Returns:
        The :class:`ScanResult`.

    Raises:
        NotADirectoryError: ``corpus_dir`` is not a folder.

    Example:
        >>> r = scan_corpus(paths.corpus_dir())
        >>> r.n_inputs == len(r.articles) + len(r.quarantine)
        True
    """
    notes: list[str] = []
    articles: list[Article] = []
    rejected: list[Rejection] = []
    for item in iter_scan(
        corpus_dir, max_bytes=max_bytes, max_file_bytes=max_file_bytes, notes=notes
    ):
        (rejected if isinstance(item, Rejection) else articles).append(item)
    return ScanResult(
        articles=tuple(articles),  # input order, as `mediaframes analyze` streams them
        quarantine=tuple(sorted(rejected, key=quarantine_order)),
        n_inputs=len(articles) + len(rejected),
        notes=tuple(notes),
    )


def _no_corpus_folder(corpus_dir: Path) -> str:
    """The message for a corpus path that is no folder (a file given instead, or nothing).

    Example:
        >>> _no_corpus_folder(Path("/no/such/place"))
        'corpus folder not found: /no/such/place'
    """
    if Path(corpus_dir).is_file():
        return (
            f"{corpus_dir} is a file, not a corpus folder: give the folder that holds raw/ "
            "(or a folder of the raw files themselves)"
        )
    return f"corpus folder not found: {corpus_dir}"


def iter_scan(
    corpus_dir: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    notes: list[str] | None = None,
) -> Iterator[Article | Rejection]:
    """Stream the validation of :func:`scan_corpus`: one article or rejection per input.

    Items come in input order (file path order, then line/row order inside JSONL/CSV files);
    only the duplicate hashes and used ids are kept in memory.

    Args:
        corpus_dir: The corpus folder.
        max_bytes: Size limit per article (file or record).
        max_file_bytes: Size limit per JSONL/CSV file.
        notes: When given, corpus-level messages are appended to it (complete once the
            iterator is exhausted).

    Yields:
        :class:`~mediaframes.records.Article` or :class:`Rejection` objects.

    Raises:
        NotADirectoryError: ``corpus_dir`` is not a folder.

    Example:
        >>> [type(x).__name__ for x in iter_scan(paths.corpus_dir())][:1]
        ['Article']
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise NotADirectoryError(_no_corpus_folder(corpus_dir))
    notes = notes if notes is not None else []
    meta_path = paths.corpus_metadata_file(corpus_dir)
    table = _MetadataTable(*load_metadata(meta_path), meta_path.is_file())
    notes.extend(table.notes)
    raw, files, walk_rejected = _input_names(corpus_dir, notes)
    yield from walk_rejected

    # one small entry per article (digests in numpy runs, paths joined in blocks), not strings
    seen = _DigestSet()
    seen_articles = _DigestSet()  # article_digest: the same article in another format
    sources = _StringStore()
    used = _DigestSet()
    used_rows = _Marks(table.rows)
    for name in _split_names(files):
        f = raw / name
        rel = _relative(f, corpus_dir)
        for cand in _iter_file(f, rel, max_bytes, max_file_bytes):
            if isinstance(cand, Rejection):
                yield cand
                continue
            digest = hashlib.sha256(_norm_key(cand.text).encode("utf-8")).digest()
            first = seen.get(digest)
            if first is not None:
                yield Rejection(cand.source_path, "duplicate", f"same content as {sources[first]}")
                continue
            art = _finish(cand, used, table, used_rows)  # type: ignore[arg-type]
            if isinstance(art, Article):
                same = article_digest(art)
                first = seen_articles.get(same)
                if first is not None:  # the same article in another format or layout
                    detail = same_article_detail(sources[first])
                    yield Rejection(cand.source_path, "duplicate", detail)
                    continue
                index = sources.append(cand.source_path)
                seen.add(digest, index)
                seen_articles.add(same, index)
                used.add(art.article_id.casefold())
            yield art

    orphans = used_rows.unused()
    if orphans:
        notes.append(f"metadata.csv rows without an article: {', '.join(orphans)}")


def iter_corpus(corpus_dir: Path | None = None, **limits: int) -> Iterator[Article]:
    """Stream the validated articles of a corpus folder without holding them all in memory.

    Same validation and order as :func:`load_corpus` (input order, :data:`ROW_ORDER`), without
    holding the articles; rejected inputs are logged as warnings.

    Args:
        corpus_dir: The corpus folder (default: the project's ``corpus/``).
        **limits: ``max_bytes`` / ``max_file_bytes``.

    Yields:
        Articles.

    Example:
        >>> next(iter_corpus()).fmt
        'txt'
    """
    folder = Path(corpus_dir) if corpus_dir else paths.corpus_dir()
    for item in iter_scan(folder, **limits):
        if isinstance(item, Rejection):
            log.warning("quarantined %s: %s (%s)", item.source_path, item.reason, item.detail)
        else:
            yield item


def load_corpus(corpus_dir: Path | None = None, **limits: int) -> list[Article]:
    """Return the validated articles of a corpus folder, in input order (:data:`ROW_ORDER`).

    The same validation as ``mediaframes ingest`` (:func:`scan_corpus`); rejected inputs are
    logged as warnings (run the ingest command to see the quarantine table).

    Args:
        corpus_dir: The corpus folder (default: the project's ``corpus/``).
        **limits: ``max_bytes`` / ``max_file_bytes`` for :func:`scan_corpus`.

    Returns:
        The articles.

    Example:
        >>> [a.article_id for a in load_corpus()][:1]
        ['000_413afbb7d4f14754']
    """
    result = scan_corpus(Path(corpus_dir) if corpus_dir else paths.corpus_dir(), **limits)
    for r in result.quarantine:
        log.warning("quarantined %s: %s (%s)", r.source_path, r.reason, r.detail)
    return list(result.articles)


# ---------------------------------------------------------------------------------------------
# Writing the normalized corpus (mediaframes ingest)
# ---------------------------------------------------------------------------------------------

ARTICLE_COLUMNS = (
    "article_id",
    "headline",
    "standfirst",
    "dateline",
    "date",
    "date_inferred",
    "outlet",
    "url",
    "language",
    "body",
    "captions",
    "n_words",
    "n_paragraphs",
    "source_path",
    "fmt",
    "notes",
    "warnings",
    "spans",
    "extra",
    "sha256",
)
QUARANTINE_COLUMNS = ("source_path", "reason", "detail")
_COUNT_WORDS_RE = re.compile(r"\w+(?:['’]\w+)*")


def _pair(s: Span | None) -> list[int] | None:
    return None if s is None else [s.start, s.end]


def article_row(a: Article) -> dict[str, Any]:
    r"""Flatten an article into one ``articles.csv`` row (see the module docstring).

    Args:
        a: The article.

    Returns:
        A dict with the :data:`ARTICLE_COLUMNS` keys; ``date_inferred`` stays a bool or None.

    Example:
        >>> a = parse_plain_text("T\n\nROME — One two three.\n", "x", "x.txt")
        >>> r = article_row(a)
        >>> r["dateline"], r["n_words"], json.loads(r["spans"])["body"]
        ('ROME', 3, [[10, 24]])
    """
    m = dict(a.metadata)
    body = "\n\n".join(s.text for s in a.body)
    spans = {
        "headline": _pair(a.headline),
        "standfirst": _pair(a.standfirst),
        "dateline": _pair(a.dateline),
        "body": [_pair(s) for s in a.body],
        "captions": [_pair(s) for s in a.captions],
        "boilerplate": [_pair(s) for s in a.boilerplate],
    }
    extra = {k: v for k, v in m.items() if k not in METADATA_COLUMNS}
    return {
        "article_id": a.article_id,
        "headline": a.headline.text if a.headline else None,
        "standfirst": a.standfirst.text if a.standfirst else None,
        "dateline": a.dateline.text if a.dateline else None,
        "date": m.get("date"),
        "date_inferred": m.get("date_inferred"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "language": m.get("language"),
        "body": body,
        "captions": json.dumps([c.text for c in a.captions], ensure_ascii=False),
        "n_words": len(_COUNT_WORDS_RE.findall(body)),
        "n_paragraphs": len(a.body),
        "source_path": a.source_path,
        "fmt": a.fmt,
        "notes": m.get("notes"),
        "warnings": json.dumps(list(a.warnings), ensure_ascii=False),
        "spans": json.dumps(spans, sort_keys=True),
        "extra": json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str),
        "sha256": hashlib.sha256(_norm_key(a.text).encode("utf-8")).hexdigest(),
    }


def articles_frame(articles: Sequence[Article]):
    """Build the ``articles`` table (a pandas DataFrame, columns :data:`ARTICLE_COLUMNS`).

    Example:
        >>> articles_frame([]).columns.tolist()[:3]
        ['article_id', 'headline', 'standfirst']
    """
    import pandas as pd

    df = pd.DataFrame([article_row(a) for a in articles], columns=list(ARTICLE_COLUMNS))
    df["date_inferred"] = df["date_inferred"].astype("boolean")
    df["n_words"] = df["n_words"].astype("int64")
    df["n_paragraphs"] = df["n_paragraphs"].astype("int64")
    return df


#: Integer columns of the ``articles`` table (every other column but ``date_inferred`` is text).
ARTICLE_INT_COLUMNS = ("n_words", "n_paragraphs")


def articles_schema():
    """Arrow schema of ``articles.parquet``, the same for ``ingest``, ``run`` and ``analyze``.

    ``date_inferred`` is ``bool``, ``n_words`` and ``n_paragraphs`` are ``int64``, and every
    other column is ``string``, also when it is empty for every article (never Arrow ``null``),
    so the tables of different runs can be read as one dataset.

    Example:
        >>> schema = articles_schema()
        >>> str(schema.field("outlet").type), str(schema.field("n_words").type)
        ('string', 'int64')
    """
    import pyarrow as pa

    types = {"date_inferred": pa.bool_()} | dict.fromkeys(ARTICLE_INT_COLUMNS, pa.int64())
    return pa.schema([(c, types.get(c, pa.string())) for c in ARTICLE_COLUMNS])


def _article_columns(df) -> list[str]:
    """The :data:`ARTICLE_COLUMNS` of ``df``; ValueError naming the missing or extra ones."""
    missing = [c for c in ARTICLE_COLUMNS if c not in df.columns]
    extra = [c for c in df.columns if c not in ARTICLE_COLUMNS]
    if missing or extra:
        raise ValueError(f"not an articles table: missing columns {missing}, extra {extra}")
    return list(ARTICLE_COLUMNS)


def articles_arrow(df):
    r"""The ``articles`` DataFrame as an Arrow table of :func:`articles_schema` (what is written).

    Missing values (``None``, NaN, ``pd.NA``) become nulls; no pandas metadata is kept, so the
    file reads back the same whichever command wrote it.

    Raises:
        ValueError: When the columns are not :data:`ARTICLE_COLUMNS`.

    Example:
        >>> df = articles_frame([parse_plain_text("T\n\nOne two.\n", "x", "x.txt")])
        >>> t = articles_arrow(df)
        >>> str(t.schema.field("url").type), t.column("url").to_pylist(), t.schema.metadata
        ('string', [None], None)
    """
    import pyarrow as pa

    table = pa.Table.from_pandas(
        df[_article_columns(df)], schema=articles_schema(), preserve_index=False
    )
    return table.replace_schema_metadata(None)


def articles_csv_frame(df):
    r"""The ``articles`` DataFrame as written to ``articles.csv``.

    ``date_inferred`` becomes ``true``/``false``/empty (not Python's ``True``/``False``).

    Raises:
        ValueError: When the columns are not :data:`ARTICLE_COLUMNS`.

    Example:
        >>> import pandas as pd
        >>> df = articles_frame([parse_plain_text("T\n\nOne two.\n", "x", "x.txt")] * 3)
        >>> df["date_inferred"] = pd.array([True, False, None], dtype="boolean")
        >>> articles_csv_frame(df)["date_inferred"].tolist()
        ['true', 'false', '']
    """
    import pandas as pd

    out = df[_article_columns(df)].copy()
    out["date_inferred"] = [
        "" if pd.isna(v) else ("true" if v else "false") for v in df["date_inferred"]
    ]
    return out


def summary_dict(result: ScanResult) -> dict[str, Any]:
    """The ``validation.json`` summary of a scan (counts, no clock, sorted keys).

    Example:
        >>> summary_dict(ScanResult((), (), 0))["inputs"]
        0
    """
    by_reason: dict[str, int] = {}
    for r in result.quarantine:
        by_reason[r.reason] = by_reason.get(r.reason, 0) + 1
    warned = [a for a in result.articles if a.warnings]
    return {
        "inputs": result.n_inputs,
        "accepted": len(result.articles),
        "quarantined": len(result.quarantine),
        "by_reason": dict(sorted(by_reason.items())),
        "warnings": len(warned),
        "warning_messages": sum(len(a.warnings) for a in warned),
        "languages": dict(
            sorted(
                _count(
                    str(a.metadata.get("language") or "unknown") for a in result.articles
                ).items()
            )
        ),
        "notes": list(result.notes),
    }


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in items:
        out[i] = out.get(i, 0) + 1
    return out


class UnsafeOutput(Exception):
    """The output folder cannot be used safely (it holds the corpus, or foreign files)."""


def _check_output(corpus_dir: Path, out_dir: Path) -> None:
    corpus_real = corpus_dir.resolve()
    out_real = out_dir.resolve()
    raw_real = paths.corpus_raw_dir(corpus_dir).resolve()
    if corpus_real.is_relative_to(out_real):
        raise UnsafeOutput(f"output folder {out_dir} contains the corpus folder {corpus_dir}")
    if out_real.is_relative_to(raw_real):
        raise UnsafeOutput(f"output folder {out_dir} is inside the raw inputs {raw_real}")
    if out_real.exists():
        if not out_real.is_dir():
            raise UnsafeOutput(f"output path {out_dir} exists and is not a folder")
        if any(out_real.iterdir()) and not (out_real / "validation.json").is_file():
            raise UnsafeOutput(
                f"output folder {out_dir} is not empty and holds no validation.json "
                "(not an earlier ingest output): refusing to replace it"
            )


def _write_tables(result: ScanResult, tmp: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    texts = paths.ingest_texts_dir(tmp)
    texts.mkdir()
    for a in result.articles:
        target = (texts / f"{a.article_id}.txt").resolve()
        if target.parent != texts.resolve() or safe_id(a.article_id) != a.article_id:
            raise UnsafeOutput(f"unsafe article id {a.article_id!r}")
        target.write_bytes(a.text.encode("utf-8"))
    df = articles_frame(result.articles)
    articles_csv_frame(df).to_csv(
        tmp / "articles.csv", index=False, lineterminator="\n", encoding="utf-8"
    )
    pq.write_table(articles_arrow(df), tmp / "articles.parquet")
    q = pd.DataFrame(
        [[r.source_path, r.reason, r.detail] for r in result.quarantine],
        columns=list(QUARANTINE_COLUMNS),
        dtype="string",
    )
    q.to_csv(tmp / "quarantine.csv", index=False, lineterminator="\n", encoding="utf-8")
    q.to_parquet(tmp / "quarantine.parquet", index=False, engine="pyarrow")
    summary = summary_dict(result)
    (tmp / "validation.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
    )


def ingest_corpus(
    corpus_dir: Path,
    out_dir: Path,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> dict[str, Any]:
    """Validate a corpus folder and write the normalized corpus to ``out_dir``.

    Writes ``articles.csv``/``.parquet``, ``quarantine.csv``/``.parquet``, ``validation.json``
    and ``texts/<article_id>.txt`` (see the module docstring). The output is built in a
    temporary folder next to ``out_dir`` and renamed into place, so ``out_dir`` is either the
    old complete output or the new one; nothing is written anywhere else. An existing
    ``out_dir`` is replaced only when it is an earlier ingest output (has ``validation.json``)
    or empty; it may never contain the corpus or lie inside the raw inputs.

    Args:
        corpus_dir: The corpus folder (see :func:`scan_corpus`).
        out_dir: Output folder.
        strict: Recorded in the summary; ``ok`` is then False when anything is quarantined.
        max_bytes: Size limit per article.
        max_file_bytes: Size limit per JSONL/CSV file.

    Returns:
        The ``validation.json`` summary plus ``ok`` (False when nothing valid remains, or when
        ``strict`` and something was quarantined), ``out_dir`` and the scan ``result``.

    Raises:
        NotADirectoryError: The corpus folder does not exist.
        UnsafeOutput: ``out_dir`` cannot be used safely.

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp()) / "ingested"
        >>> s = ingest_corpus(paths.corpus_dir(), out)
        >>> s["inputs"] == s["accepted"] + s["quarantined"], (out / "articles.csv").is_file()
        (True, True)
    """
    import shutil
    import tempfile

    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    result = scan_corpus(corpus_dir, max_bytes=max_bytes, max_file_bytes=max_file_bytes)
    _check_output(corpus_dir, out_dir)
    parent = out_dir.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the output is an ordinary folder
    old: Path | None = None
    try:
        _write_tables(result, tmp)
        final = out_dir.resolve()
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=parent))
            old.rmdir()
            final.rename(old)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and old.exists() and not out_dir.exists():
            old.rename(out_dir.resolve())
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    summary = summary_dict(result)
    summary["ok"] = summary["accepted"] > 0 and not (strict and summary["quarantined"] > 0)
    summary["strict"] = strict
    summary["out_dir"] = str(out_dir)
    summary["result"] = result
    return summary


class NoArticlesError(ValueError):
    """No input of the corpus was accepted: every later step would have nothing to read."""


def require_articles(summary: Mapping[str, Any], limit: int = 3) -> None:
    """Stop with a clear message when an ingest accepted no article.

    Args:
        summary: The summary :func:`ingest_corpus` returned.
        limit: How many quarantined inputs the message names (with their reasons).

    Raises:
        NoArticlesError: When ``summary["accepted"]`` is 0.

    Example:
        >>> require_articles({"accepted": 2, "quarantined": 1})
        >>> require_articles({"accepted": 0, "quarantined": 0})
        Traceback (most recent call last):
        ...
        mediaframes.corpus.NoArticlesError: no valid article in the corpus (no input found)
    """
    if summary.get("accepted", 0):
        return
    result: ScanResult | None = summary.get("result")
    rejected = list(result.quarantine) if result is not None else []
    named = "; ".join(f"{r.source_path}: {r.reason} ({r.detail})" for r in rejected[:limit])
    more = f"; … {len(rejected) - limit} more" if len(rejected) > limit else ""
    n = summary.get("quarantined", 0)
    why = f"{n} input(s) quarantined: {named}{more}" if named else f"{n} input(s) quarantined"
    raise NoArticlesError(f"no valid article in the corpus ({why if n else 'no input found'})")


def format_report(summary: Mapping[str, Any], limit: int = 50) -> str:
    """Human-readable account of an ingest run (what ``mediaframes ingest`` prints).

    Example:
        >>> print(format_report({"inputs": 1, "accepted": 1, "quarantined": 0, "by_reason": {},
        ...     "warnings": 0, "out_dir": "out", "notes": []}))
        ingest: 1 input(s): 1 accepted, 0 quarantined, 0 article(s) with warnings -> out
    """
    lines = [
        f"ingest: {summary['inputs']} input(s): {summary['accepted']} accepted, "
        f"{summary['quarantined']} quarantined, {summary['warnings']} article(s) with warnings"
        f" -> {summary['out_dir']}"
    ]
    if summary.get("by_reason"):
        lines.append(
            "  quarantined by reason: "
            + ", ".join(f"{k}={v}" for k, v in summary["by_reason"].items())
        )
    result: ScanResult | None = summary.get("result")
    if result is not None:
        for i, r in enumerate(result.quarantine):
            if i == limit:
                lines.append(f"  … {len(result.quarantine) - limit} more in quarantine.csv")
                break
            lines.append(f"  quarantined {r.source_path}: {r.reason} ({r.detail})")
        shown = 0
        for a in result.articles:
            for w in a.warnings:
                if shown == limit:
                    break
                lines.append(f"  warning {a.source_path} [{a.article_id}]: {w}")
                shown += 1
        if shown == limit:
            lines.append("  … more warnings in articles.csv (column warnings)")
    for n in summary.get("notes", []):
        lines.append(f"  note: {n}")
    return "\n".join(lines)


def print_report(text: str) -> None:
    """Print a command's report on stdout; a closed stdout (``| head``) only stops the printing.

    ``mediaframes ingest … | head -1`` closed the output after one line and the next write
    raised ``BrokenPipeError``: a traceback and exit status 1 after a complete, successful
    ingest. The rest of the output now goes to ``os.devnull`` and the command returns its own
    status (as ``mediaframes run`` does, ``pipeline.tolerant_echo``).

    Example:
        >>> print_report("ingest: 1 input(s)")
        ingest: 1 input(s)
    """
    import os
    import sys

    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        try:  # later writes, and the interpreter's last flush, go nowhere instead of failing
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass


def ingest_command(args: Any) -> int:
    """Run ``mediaframes ingest CORPUS_DIR --out DIR [--strict]``; returns the exit status.

    Exit 0 on success; 1 when nothing valid remains, when ``--strict`` and something was
    quarantined, or when the corpus or output folder cannot be used.

    Example:
        >>> import argparse, tempfile
        >>> out = Path(tempfile.mkdtemp()) / "o"
        >>> ns = argparse.Namespace(corpus_dir=paths.corpus_dir(), out=out, strict=False)
        >>> ingest_command(ns)  # doctest: +ELLIPSIS
        ingest: ...
        0
    """
    import sys

    try:
        summary = ingest_corpus(
            Path(args.corpus_dir),
            Path(args.out),
            strict=bool(getattr(args, "strict", False)),
            max_bytes=int(getattr(args, "max_bytes", None) or DEFAULT_MAX_BYTES),
        )
    except (NotADirectoryError, UnsafeOutput, OSError) as e:
        print(f"error: mediaframes ingest: {e}", file=sys.stderr)
        return 1
    print_report(format_report(summary))
    if summary["accepted"] == 0:
        print("error: no valid article in the corpus", file=sys.stderr)
        return 1
    if not summary["ok"]:
        print(
            f"error: --strict and {summary['quarantined']} input(s) quarantined "
            f"(see {Path(args.out) / 'quarantine.csv'})",
            file=sys.stderr,
        )
        return 1
    return 0
