"""Comparisons researchers ask for: actor vs actor, readout divergence, lead vs body, word choice.

Every function takes DataFrames built with :func:`mediaframes.records.to_frame` (statements,
frames, sentiment, mentions) and returns a new DataFrame, sorted deterministically.

Voices. Who chose the words? Text inside quotation marks in a statement attributed to a speaker,
and the whole quote of a direct statement that has no quotation marks (an embedded post signed
"— Name (@handle)"; see :func:`speaker_spans`), is that speaker's voice (``voice = speaker``,
``mode = "quoted"``); everything else is the journalist's (``voice = "narration"``), with
``mode = "reported"`` for the paraphrase of a speaker's words (indirect speech: the unquoted
words of the statement's reported part, ``quote_start:quote_end``, :func:`content_span`) and
``mode = "narration"`` for the journalist's own sentences and for the attribution frame of a
statement (its subject, the reporting verb, a clause about the speaker: "Chancellor X, whose
regime has jailed critics, said …" gives "regime" and "said" to the journalist). A statement
without a content span reads every unquoted word as ``reported``.
Sides. For readouts, a statement's side is its ``source_actor`` (whose office reports it), else
its speaker when the speaker is a configured actor. A joint statement (``a+b``: two actors
speaking together, or both offices reporting it) is no side of its own: it counts for each
member's side (:func:`sides_of`).

Tables (columns, in order):

:func:`actor_frame_differences`
    ``actor_a, actor_b, codebook, frame, n_with_frame_a, n_with_frame_b, share_a, share_b,
    difference, n_statements_a, n_statements_b``: for every pair of actors (``actor_a <
    actor_b``) and every frame either uses, the number of each actor's statements carrying the
    frame and their share of all the actor's statements (``n_statements_a``,
    ``n_statements_b``: a share of 0 over one statement says little); ``difference = share_a -
    share_b``.
:func:`actor_sentiment_differences`
    ``actor_a, actor_b, method, n_a, n_b, mean_a, mean_b, difference, ci_low, ci_high, note``:
    mean
    statement score per actor and method over all the actor's statements scored by the method
    (``n_a``, ``n_b``, as in ``sentiment.compare_actors``); ``difference = mean_a - mean_b``;
    ``ci_low``, ``ci_high``: its percentile-bootstrap 95% interval
    (``sentiment.bootstrap_diff_ci``: both actors' statements resampled independently, the same
    ``seed`` and resamples as the per-actor intervals, a stream per pair and method; NaN when
    either actor has fewer than 2 scored statements); ``note``: ``sentiment.NOTE_NO_CI`` when
    either actor has fewer than 2, else ``sentiment.NOTE_SMALL_N`` when fewer than
    ``sentiment.MIN_N_CONCLUDE``, as in ``sentiment.compare_actors``. No test:
    ``mediaframes run`` publishes permutation tests (``sentiment.compare_actors``).
:func:`readout_divergence`
    ``article_id, side, other_side, kind, codebook, item, n_side, evidence, negated_cues``:
    items (``kind`` ``frame`` or ``topic``) that the statements of ``side`` contain and those of
    ``other_side`` (same article) lack; ``n_side`` counts the side's statements holding the item;
    ``evidence`` lists the cues or word forms as written (``; ``-separated); ``negated_cues``
    those of a frame's cues that occur only negated there ("no escalation"; rule ``negated:…``),
    empty for topics: the frame is brought up, if only to deny it. Topics are content
    words (stopwords and, when actors are given, the words of the actors' names removed, see
    :func:`actor_words` and :func:`actor_phrases`; grouped by Snowball stem, shown as their
    most frequent form). The readouts are paired by article: an article about two events mixes
    them, and an article where one side alone has statements gives no row
    (:func:`readout_unpaired` lists it).
:func:`event_readout_divergence`
    ``event, side, other_side, kind, codebook, item, n_side, n_articles, article_ids,
    evidence, negated_cues``: as :func:`readout_divergence`, with the readouts paired by event
    (the articles' ``event`` metadata, :func:`article_events`) across articles; ``n_articles`` and
    ``article_ids`` are the articles where the side's statements hold the item.
:func:`readout_unpaired`
    ``by, unit, side, n_statements, article_ids``: the articles (``by = article``) and events
    (``by = event``) where only one side has statements, so nothing is compared there.
:func:`headline_vs_body`
    ``article_id, section, kind, rank, item, codebook, count, first_char, elsewhere``: per
    section (``headline``, ``standfirst``, ``body``), the speakers (``kind = speaker``, by first
    statement), actors mentioned (``mentioned``, by first mention) and frames (``frame``, by
    number of statements, ranked within each codebook; frames tied on that number share a rank
    and are listed by first cue) in order of ``rank`` (1 = leads); ``count`` is the item's
    statements in the section (a speaker's; a frame's, each statement once) or its mentions
    (``mentioned``), ``first_char`` the offset of the first of them (a frame's first cue);
    ``elsewhere`` is True when the item also occurs in another section of the article.
:func:`anchor_phrases`
    ``article_id, statement_id, voice, mode, anchor, anchor_text, phrase, terms, char_start,
    char_end``: every occurrence of an anchor (a proper noun or a name of several words, or a
    given word or words) with the phrase around it (``phrase == text[char_start:char_end]``)
    and its content terms (``; ``-joined; when actors are given, words of the actors' names are
    not terms, see :func:`actor_words` and :func:`actor_phrases`).
:func:`word_choice`
    ``anchor, voice, mode, term, count, distinctive, example, statement_id, char_start,
    char_end``: terms used near each anchor per voice and mode (as in :func:`anchor_phrases`:
    the journalist's paraphrase of a speaker, ``voice = narration, mode = reported``, is kept
    apart from the journalist's own sentences, ``mode = narration``); ``distinctive`` when no
    other voice and mode uses the term near that anchor; ``example`` is the first phrase holding
    it.
:func:`loaded_term_uses`
    ``article_id, statement_id, section, voice, mode, side, pair, variant, term, cue,
    char_start, char_end``: occurrences of the contested terms of
    ``resources/compare/loaded_terms.yml``. ``section`` is ``headline``, ``standfirst``,
    ``body`` or ``caption`` (a photo caption, :func:`caption_rows`: ``statement_id``
    ``<article_id>:caption<k>``, not in the statements table). A term in a speaker's
    paraphrased (indirect) speech has ``voice = narration, mode = reported``: the journalist's
    words for the speaker's claim, not the journalist's own sentence. ``side`` is the side
    whose account the term is in (:func:`side_of`: the actor a spokesperson, office or readout
    speaks for, else the speaking actor; ``a+b`` for a joint statement) when it is quoted or
    reported, empty for the journalist's own words and for speakers with no side.
:func:`scare_quotes`
    ``article_id, statement_id, section, voice, quote_type, text, n_words, char_start,
    char_end``: short quoted words (1 to ``max_words`` words) set in quotation marks inside a
    sentence, captions included (``section`` as in :func:`loaded_term_uses`); offsets are of
    the words without the quotation marks and without a comma or full stop set inside the
    closing mark (US style: an “incident,” a “fiction.”). Two kinds, told apart by ``voice``:
    in the
    journalist's own narration (``voice = narration``) they are scare quotes, the writer
    distancing herself from a word; inside a statement attributed to a speaker (``voice`` = the
    speaker, "X called the decision “unfair and untimely”") they are the speaker's own words,
    partially quoted (:func:`is_scare_quote`).
:func:`concordance`
    ``article_id, statement_id, voice, mode, left, match, right, char_start, char_end``:
    keyword-in-context lines for a term (nltk's ``ConcordanceIndex``, stem-insensitive).

Example:
    >>> st = pd.DataFrame({"statement_id": ["s1", "s2"], "speaker": ["a", "b"],
    ...                    "speaker_type": ["actor", "actor"]})
    >>> fr = pd.DataFrame({"statement_id": ["s1"], "codebook": ["c"], "frame": ["f"],
    ...                    "rule": ["cue:x"]})
    >>> actor_frame_differences(st, fr)[["actor_a", "actor_b", "difference"]].to_dict("records")
    [{'actor_a': 'a', 'actor_b': 'b', 'difference': 1.0}]
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml
from nltk.stem.snowball import SnowballStemmer
from nltk.text import ConcordanceIndex

from mediaframes import config, framing, paths
from mediaframes.config import BOOTSTRAP_N

SECTIONS: tuple[str, ...] = ("headline", "standfirst", "body")

#: Opening quotation marks and the marks that may close them (ASCII ' is left out: apostrophes).
_OPEN_TO_CLOSE = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’", "‚": "‘’", "»": "«»"}
_STEMMER = SnowballStemmer("english")
_END_PUNCT = ",.;:!?…"


def _empty(cols: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})


def _by_position(rows: list[list[Any]], cols: Sequence[str]) -> pd.DataFrame:
    """``rows`` as a table sorted by ``article_id, char_start`` (typed-empty when none)."""
    if not rows:
        return _empty(cols)
    df = pd.DataFrame(rows, columns=list(cols))
    return df.sort_values(["article_id", "char_start"]).reset_index(drop=True)


def _require(df: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} table lacks columns {missing}")


# --- resources ----------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _stopwords_cached(path: str) -> frozenset[str]:
    words = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)


def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Load a stopword list (one word a line, ``#`` comments); default the shipped English list.

    Example:
        >>> "the" in load_stopwords()
        True
    """
    p = Path(path) if path is not None else paths.resource("compare", "stopwords_en.txt")
    if not p.is_file():
        raise FileNotFoundError(f"{p}: stopword list not found")
    return _stopwords_cached(str(p))


def _fold_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def actor_words(actors: Any) -> frozenset[str]:
    """Words that name the configured actors: never counted as topic words or word-choice terms.

    Every word of each actor's ``name``, ``country`` and ``demonym``, and the capitalized words
    of its ``aliases`` and ``organizations`` (titles and office names: ``President``, ``Hollow``,
    ``Keep``); the lower-case words of descriptions (``the French leader``, ``the ministry``)
    stay content words. Words are lowercased as :func:`mediaframes.framing.normalize_token`
    does, each also without diacritics (``élysée`` and ``elysee``); words under three letters
    and stopwords are left out (they are never terms).

    Args:
        actors: ``attribution.Actors`` (or any iterable of ``attribution.Actor``); None for none.

    Returns:
        The words.

    Example:
        >>> from mediaframes.attribution import Actor
        >>> a = Actor("m", "Odile Marrant", ("President Marrant", "the Varnian leader"),
        ...           ("The Castle Office",), country="Varnia", extra={"demonym": "Varnian"})
        >>> sorted(actor_words([a]))
        ['castle', 'marrant', 'odile', 'office', 'president', 'varnia', 'varnian']
    """
    if actors is None:
        return frozenset()
    stop = load_stopwords()
    out: set[str] = set()
    for a in getattr(actors, "actors", actors):
        extra = getattr(a, "extra", None) or {}
        whole = [a.name, getattr(a, "country", ""), str(extra.get("demonym") or "")]
        capitalized = [*a.aliases, *a.organizations]
        for text, only_capitalized in [(t, False) for t in whole] + [
            (t, True) for t in capitalized
        ]:
            for _s0, _e0, tok in framing.tokenize(text or ""):
                if only_capitalized and not tok[0].isupper():
                    continue
                norm = framing.normalize_token(tok)
                if len(norm) >= 3 and norm not in stop:
                    out.update({norm, _fold_accents(norm)})
    return frozenset(out)


_ARTICLES = ("the", "a", "an")


def _fold_token(token: str) -> str:
    return _fold_accents(framing.normalize_token(token))


def actor_phrases(actors: Any) -> frozenset[tuple[str, ...]]:
    """The configured names, aliases and organizations of two words or more, as word tuples.

    Words are lowercased without diacritics or possessive ``'s``; a leading article is dropped.
    Where one of these phrases occurs in a text, none of its words is a topic word or a
    word-choice term (``the Tarkeshi government press office`` is a name, not the words
    ``government``, ``press`` and ``office``); elsewhere those words still count.

    Args:
        actors: ``attribution.Actors`` (or any iterable of ``attribution.Actor``); None for none.

    Returns:
        The phrases.

    Example:
        >>> from mediaframes.attribution import Actor
        >>> a = Actor("m", "Odile Marrant", ("the Varnian leader",), ("Marrant's office",))
        >>> sorted(actor_phrases([a]))
        [('marrant', 'office'), ('odile', 'marrant'), ('varnian', 'leader')]
    """
    if actors is None:
        return frozenset()
    out: set[tuple[str, ...]] = set()
    for a in getattr(actors, "actors", actors):
        for surface in (a.name, *a.aliases, *a.organizations):
            words = tuple(_fold_token(t) for _s0, _e0, t in framing.tokenize(surface or ""))
            while words and words[0] in _ARTICLES:
                words = words[1:]
            if len(words) >= 2:
                out.add(words)
    return frozenset(out)


def _in_phrases(
    tokens: Sequence[tuple[int, int, str]], phrases: frozenset[tuple[str, ...]]
) -> set[int]:
    """Indexes of the tokens inside an occurrence of one of ``phrases`` (longest first)."""
    if not phrases:
        return set()
    longest = max(len(p) for p in phrases)
    firsts = {p[0] for p in phrases}
    words = [_fold_token(t) for _s0, _e0, t in tokens]
    out: set[int] = set()
    for i, w in enumerate(words):
        if w not in firsts:
            continue
        for n in range(min(longest, len(words) - i), 1, -1):
            if tuple(words[i : i + n]) in phrases:
                out.update(range(i, i + n))
                break
    return out


@dataclass(frozen=True)
class LoadedTerm:
    """One contested term: its pair, variant and compiled cue.

    ``negation`` is the pair's setting: ``keep`` (default) counts a negated use ("not an
    invasion" still names the war), ``suppress`` drops it ("No casualties were reported" names
    no harm). Negation is the codebooks' rule (:func:`mediaframes.framing.find_cue`).
    """

    pair: str
    variant: str
    cue: framing.Cue
    negation: str = "keep"


#: Negation settings a loaded-terms pair may have.
LOADED_TERM_NEGATION: tuple[str, ...] = ("keep", "suppress")


#: Keys of a loaded-terms file, of one pair and of one variant.
_TERMS_FILE_KEYS: tuple[str, ...] = ("version", "pairs")
_PAIR_KEYS: tuple[str, ...] = ("id", "topic", "note", "negation", "variants")
_VARIANT_KEYS: tuple[str, ...] = ("label", "terms")


def _unknown_keys(data: dict[Any, Any], allowed: tuple[str, ...], where: str) -> None:
    """Raise ValueError naming ``where`` for a key not in ``allowed`` (usually a typo)."""
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        raise ValueError(f"{where}: unknown keys {unknown} (allowed: {list(allowed)})")


def _text_field(data: dict[Any, Any], key: str, where: str, required: bool) -> str:
    """The non-empty string ``data[key]`` ("" when absent and not ``required``).

    Example:
        >>> _text_field({"label": 2}, "label", "t.yml: pairs[0]", True)
        Traceback (most recent call last):
        ...
        ValueError: t.yml: pairs[0]: 'label' must be a string (quote it: label: "..."), got 2
    """
    if key not in data and not required:
        return ""
    value = data.get(key)
    if isinstance(value, int | float | bool):
        raise ValueError(
            f'{where}: {key!r} must be a string (quote it: {key}: "..."), got {value!r}'
        )
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _variant_terms(pair_id: str, variant: Any, where: str, negation: str) -> list[LoadedTerm]:
    """The compiled terms of one variant of a pair; ValueError naming ``where`` if malformed."""
    if not isinstance(variant, dict):
        raise ValueError(
            f"{where}: each variant must be a mapping with label and terms, got {variant!r}"
        )
    _unknown_keys(variant, _VARIANT_KEYS, where)
    label = _text_field(variant, "label", where, required=True)
    terms = variant.get("terms")
    if not isinstance(terms, list) or not terms:
        raise ValueError(
            f"{where} ({label}): 'terms' must be a non-empty list (write terms: [a, b], or one "
            f"term per line after '- '), got {terms!r}"
        )
    out = []
    for term in terms:
        if not isinstance(term, str):
            raise ValueError(
                f"{where} ({label}): each term must be a string (quote it), got {term!r}"
            )
        out.append(LoadedTerm(pair_id, label, framing.compile_cue(term, where), negation))
    return out


def load_loaded_terms(path: str | Path | None = None) -> tuple[LoadedTerm, ...]:
    """Load the contested-terms list (default ``resources/compare/loaded_terms.yml``).

    Every field is checked for its type: ``version`` (optional), ``id``, ``topic``, ``note``
    and ``label`` are strings, ``negation`` is ``keep`` or ``suppress``, ``pairs``,
    ``variants`` and ``terms`` are lists (a bare ``terms: gouging`` is an error, not the
    letters ``g``, ``o`` …), each term a cue in codebook syntax; unknown keys are errors.

    Raises:
        ValueError: Naming the file and the entry when the file is empty or malformed.

    Example:
        >>> terms = load_loaded_terms()
        >>> any(t.pair == "territorial_control" for t in terms)
        True
    """
    p = Path(path) if path is not None else paths.resource("compare", "loaded_terms.yml")
    try:
        data = config.load_yaml_text(p.read_text(encoding="utf-8"), str(p))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ValueError(f"{p}: cannot read loaded terms: {exc}") from exc
    if data is None:
        raise ValueError(f"{p}: the file is empty (or holds only comments): no loaded terms")
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        raise ValueError(f"{p}: expected a mapping with a 'pairs' list")
    if not data["pairs"]:
        raise ValueError(f"{p}: 'pairs' is empty: the file lists no contested terms")
    _unknown_keys(data, _TERMS_FILE_KEYS, str(p))
    _text_field(data, "version", str(p), required=False)
    out: list[LoadedTerm] = []
    seen: set[str] = set()
    for i, pair in enumerate(data["pairs"]):
        where = f"{p}: pairs[{i}]"
        if not isinstance(pair, dict) or "id" not in pair:
            raise ValueError(f"{where}: each pair needs an 'id'")
        pid = _text_field(pair, "id", where, required=True)
        if pid in seen:
            raise ValueError(f"{where}: duplicate pair id {pid!r}")
        seen.add(pid)
        where = f"{where} ({pid})"
        _unknown_keys(pair, _PAIR_KEYS, where)
        _text_field(pair, "topic", where, required=False)
        _text_field(pair, "note", where, required=False)
        negation = pair.get("negation", "keep")
        if negation not in LOADED_TERM_NEGATION:
            raise ValueError(
                f"{where}: negation must be one of {list(LOADED_TERM_NEGATION)}, got {negation!r}"
            )
        variants = pair.get("variants")
        if not isinstance(variants, list) or len(variants) < 2:
            raise ValueError(f"{where}: 'variants' must be a list of at least two variants")
        pair_terms: list[LoadedTerm] = []
        labels: set[str] = set()
        for k, v in enumerate(variants):
            vterms = _variant_terms(pid, v, f"{where} variants[{k}]", negation)
            if vterms[0].variant in labels:
                raise ValueError(
                    f"{where} variants[{k}]: two variants are labelled {vterms[0].variant!r}: "
                    "merge them"
                )
            labels.add(vterms[0].variant)
            pair_terms += vterms
        _check_pair_terms(pair_terms, where)
        out += pair_terms
    return tuple(out)


def _check_pair_terms(terms: Sequence[LoadedTerm], where: str) -> None:
    """Raise ValueError for a term listed twice in one pair (case and spacing ignored).

    A term in two variants would be counted for the first only (a match inside an equal or
    longer match of its pair is dropped).

    Example:
        >>> cue = framing.compile_cue
        >>> _check_pair_terms([LoadedTerm("p", "hostile", cue("siege")),
        ...                    LoadedTerm("p", "neutral", cue("Siege"))], "t.yml: pairs[0] (p)")
        Traceback (most recent call last):
        ...
        ValueError: t.yml: pairs[0] (p): the term 'Siege' is listed twice, in the variants \
'hostile' and 'neutral'; a use is counted for one variant only: list it once
    """
    first: dict[str, str] = {}
    for t in terms:
        key = " ".join(t.cue.text.lower().split())
        if key in first:
            places = (
                f"in the variant {t.variant!r}"
                if first[key] == t.variant
                else f"in the variants {first[key]!r} and {t.variant!r}; a use is counted for "
                "one variant only"
            )
            raise ValueError(
                f"{where}: the term {t.cue.text!r} is listed twice, {places}: list it once"
            )
        first[key] = t.variant


# --- voices -------------------------------------------------------------------------------


def _s(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _is_narration(row: Any) -> bool:
    return (
        _s(row.get("quote_type")) == "narration"
        or _s(row.get("speaker_type")) == "narration"
        or not _s(row.get("speaker"))
    )


def sides_of(row: Any) -> tuple[str, ...]:
    """Sides of a statement, sorted: whose account it is, for side comparisons.

    The side is the statement's ``source_actor`` (whose office, spokesperson or readout reports
    it), else its speaker when the speaker is a configured actor (``speaker_type`` ``actor``) or
    several acting together (``joint``); narration and other speakers have none. A joint id
    (``a+b``: a joint statement, or one that both offices report) is no side of its own: the
    statement counts for each member's side, since each of them put their name to it. So a
    frame in a joint statement is never "only one side's" when both members speak in the
    article.

    Example:
        >>> sides_of({"source_actor": "", "speaker": "x", "speaker_type": "actor"})
        ('x',)
        >>> sides_of({"source_actor": "y+x", "speaker": "y+x", "speaker_type": "joint"})
        ('x', 'y')
        >>> sides_of({"source_actor": "", "speaker": "Ana Vell", "speaker_type": "other"})
        ()
    """
    who = _s(row.get("source_actor"))
    if not who and _s(row.get("speaker_type")) in ("actor", "joint"):
        who = _s(row.get("speaker"))
    return tuple(sorted({p.strip() for p in who.split("+") if p.strip()}))


def side_of(row: Any) -> str:
    """The sides of :func:`sides_of` as one id (a joint statement's ids joined by ``+``).

    For display and grouping only: comparisons between sides use :func:`sides_of`, which counts
    a joint statement for each member's side rather than as a side of its own.

    Example:
        >>> side_of({"source_actor": "", "speaker": "x", "speaker_type": "actor"})
        'x'
    """
    return "+".join(sides_of(row))


def quoted_spans(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Spans of the text inside quotation marks (without the marks), shifted by ``base``.

    Handles “…”, „…“, „…”, «…», »…«, »…», "…", ‘…’ and ‚…‘ (a closing ’ must not be followed by a
    letter, so apostrophes inside the quote are kept; ASCII ``'`` is ignored: it is mostly an
    apostrophe; » opens only after a space and before a letter or digit). The spaces just
    inside the marks (« non ») are left out of a closed quote. An unclosed quote runs to the
    end of the text (a quote going on in the next sentence); a closing ” or » with no opener
    before it closes a quote opened in an earlier sentence, so the text before it is quoted.

    Example:
        >>> t = 'He said “we won’t go” and « no » then.'
        >>> [t[a:b] for a, b in quoted_spans(t)]
        ['we won’t go', 'no']
    """
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        opens_inward = ch == "»" and (i == 0 or text[i - 1] in " \t\n([") and text[i + 1 : i + 2]
        opens_inward = bool(opens_inward) and text[i + 1].isalnum()  # (»Wir«, not « non »)
        if ch in "”»" and not spans and not opens_inward:  # closes a quote opened earlier
            spans.append((base, base + i))
            i += 1
            continue
        close = _OPEN_TO_CLOSE.get(ch)
        if (
            close is None
            or (ch in "‘‚" and i > 0 and text[i - 1].isalnum())
            or (ch == "»" and not opens_inward)
        ):
            i += 1
            continue
        j = i + 1
        while j < n:
            if text[j] in close and not ("’" in close and j + 1 < n and text[j + 1].isalnum()):
                break
            j += 1
        a, b = i + 1, j
        while a < b and text[a].isspace():
            a += 1
        while j < n and b > a and text[b - 1].isspace():
            b -= 1  # (a closed quote only: an open one runs to the end of the text)
        spans.append((base + a, base + b))
        i = j + 1
    return spans


def speaker_spans(row: Any, text: str | None = None) -> list[tuple[int, int]]:
    """Spans of a statement's text (offsets into ``text``) that are the speaker's own words.

    The words inside quotation marks (:func:`quoted_spans`), and for a ``direct`` statement
    whose quote carries no quotation marks (an embedded post signed "— Name (@handle)", a
    quotation set off by a colon) the statement's quote span (``quote_start, quote_end``, offsets
    into the article, shifted by ``char_start``). In narration the quoted words are returned
    too (they bound phrase windows), but :func:`_voice_mode` reads all narration as the
    journalist's.

    Args:
        row: A statements-table row (``text, char_start, quote_type``; ``quote_start,
            quote_end`` optional).
        text: The row's text (default ``row["text"]``).

    Returns:
        Sorted, non-overlapping ``(start, end)`` pairs.

    Example:
        >>> row = {"text": "We will build it. — Ana Vell (@vell)", "char_start": 100,
        ...        "speaker": "vell", "speaker_type": "actor", "quote_type": "direct",
        ...        "quote_start": 100, "quote_end": 116}
        >>> speaker_spans(row)
        [(0, 16)]
    """
    text = _s(row.get("text")) if text is None else text
    spans = quoted_spans(text)
    q0, q1 = _num(row.get("quote_start")), _num(row.get("quote_end"))
    base = _num(row.get("char_start"))
    if (
        _s(row.get("quote_type")) == "direct"
        and q0 is not None
        and q1 is not None
        and base is not None
    ):
        a, b = max(0, int(q0 - base)), min(len(text), int(q1 - base))
        if a < b and not any(s < b and a < e for s, e in spans):
            spans.append((a, b))
    return sorted(spans)


def _num(value: Any) -> float | None:
    """``value`` as a number, or None when missing or not a number."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(v) else v


def content_span(row: Any) -> tuple[int, int] | None:
    """The reported part of a statement (``quote_start:quote_end``), as offsets into its text.

    None when the statement gives no content span (``quote_start == quote_end`` or a column is
    missing): then every word outside quotation marks is read as reported speech.

    Example:
        >>> content_span({"char_start": 10, "quote_start": 19, "quote_end": 30})
        (9, 20)
    """
    q0, q1 = _num(row.get("quote_start")), _num(row.get("quote_end"))
    base = _num(row.get("char_start"))
    if q0 is None or q1 is None or base is None or q0 >= q1:
        return None
    return int(q0 - base), int(q1 - base)


def _voice_mode(row: Any, start: int, end: int, qspans: list[tuple[int, int]]) -> tuple[str, str]:
    """Voice and mode of ``text[start:end]`` of a statement, given its :func:`speaker_spans`.

    Words in quotation marks are the speaker's (``quoted``); words of the reported part
    (:func:`content_span`) outside them are the journalist's paraphrase (``reported``); the
    other words (the attribution frame: the subject, the reporting verb, a clause about the
    speaker, the attribution inside a split quotation) are the journalist's own
    (``narration``). A statement without a content span reads every unquoted word as
    ``reported``.
    """
    if _is_narration(row):
        return "narration", "narration"
    if any(a <= start and end <= b for a, b in qspans):
        return _s(row["speaker"]), "quoted"
    content = content_span(row)
    if content is None:
        return "narration", "reported"
    if _s(row.get("quote_type")) != "direct" and content[0] <= start and end <= content[1]:
        return "narration", "reported"
    return "narration", "narration"


def _content_terms(
    text: str, stop: frozenset[str], phrases: frozenset[tuple[str, ...]] = frozenset()
) -> list[tuple[int, int, str]]:
    """Content words of ``text``: no stopword, number, short word or word of a name phrase."""
    out = []
    tokens = framing.tokenize(text)
    named = _in_phrases(tokens, phrases)
    for k, (s, e, tok) in enumerate(tokens):
        norm = framing.normalize_token(tok)
        if len(norm) < 3 or norm in stop or norm.isdigit() or "'" in norm or k in named:
            continue
        out.append((s, e, norm))
    return out


# --- actor vs actor -------------------------------------------------------------------------


def _actors(statements_df: pd.DataFrame, actors: Sequence[str] | None) -> list[str]:
    if actors is not None:
        return sorted(set(actors))
    sel = statements_df[statements_df["speaker_type"].astype(str) == "actor"]
    return sorted(set(sel["speaker"].astype(str)) - {""})


def actor_frame_differences(
    statements_df: pd.DataFrame,
    frames_df: pd.DataFrame,
    actors: Sequence[str] | None = None,
    include_negated: bool = True,
) -> pd.DataFrame:
    """Compare frame shares between every pair of actors.

    Args:
        statements_df: Statements (``statement_id, speaker, speaker_type``).
        frames_df: Frames (``statement_id, codebook, frame, rule``).
        actors: Speakers to compare; default every speaker with ``speaker_type == "actor"``.
        include_negated: Count negated labels.

    Returns:
        See the module docstring; sorted by actor pair, codebook, frame.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["1", "2", "3"], "speaker": ["a", "a", "b"],
        ...                    "speaker_type": ["actor"] * 3})
        >>> fr = pd.DataFrame({"statement_id": ["1", "3"], "codebook": ["c", "c"],
        ...                    "frame": ["f", "f"], "rule": ["cue:x", "cue:x"]})
        >>> actor_frame_differences(st, fr)["difference"].tolist()
        [-0.5]
    """
    _require(statements_df, ["statement_id", "speaker", "speaker_type"], "statements")
    by = framing.frames_by_actor(statements_df, frames_df, include_negated=include_negated)
    totals = statements_df["speaker"].astype(str).value_counts().to_dict()
    return frame_difference_table(by, _actors(statements_df, actors), totals)


def frame_difference_table(
    by: pd.DataFrame, names: Sequence[str], totals: Mapping[str, int] | None = None
) -> pd.DataFrame:
    """:func:`actor_frame_differences` from a :func:`~mediaframes.framing.frames_by_actor` table.

    Args:
        by: ``speaker, codebook, frame, n_statements, share``.
        names: Actors to compare, sorted.
        totals: Statements per speaker (default: read from ``by`` as ``n_statements /
            share``; 0 for an actor with no frame).

    Returns:
        See the module docstring.

    Example:
        >>> by = pd.DataFrame({"speaker": ["a"], "codebook": ["c"], "frame": ["f"],
        ...                    "n_statements": [1], "share": [0.5]})
        >>> frame_difference_table(by, ["a", "b"])["difference"].tolist()
        [0.5]
    """
    cols = ["actor_a", "actor_b", "codebook", "frame", "n_with_frame_a", "n_with_frame_b"]
    cols += ["share_a", "share_b", "difference", "n_statements_a", "n_statements_b"]
    if totals is None:
        share = pd.to_numeric(by["share"], errors="coerce")
        derived = pd.to_numeric(by["n_statements"], errors="coerce") / share.where(share > 0)
        totals = derived.round().groupby(by["speaker"].astype(str)).max().fillna(0).to_dict()
    rows = []
    for a, b in itertools.combinations(names, 2):
        sub = by[by["speaker"].isin([a, b])]
        for (cb, fr), grp in sub.groupby(["codebook", "frame"], sort=True):
            get = grp.set_index("speaker")
            n_a = int(get["n_statements"].get(a, 0))
            n_b = int(get["n_statements"].get(b, 0))
            sh_a = float(get["share"].get(a, 0.0))
            sh_b = float(get["share"].get(b, 0.0))
            tot_a, tot_b = int(totals.get(a, 0)), int(totals.get(b, 0))
            rows.append([a, b, cb, fr, n_a, n_b, sh_a, sh_b, sh_a - sh_b, tot_a, tot_b])
    return pd.DataFrame(rows, columns=cols) if rows else _empty(cols)


def actor_sentiment_differences(
    statements_df: pd.DataFrame,
    sentiment_df: pd.DataFrame,
    actors: Sequence[str] | None = None,
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
) -> pd.DataFrame:
    """Compare mean statement sentiment between every pair of actors, per method.

    Args:
        statements_df: Statements (``statement_id, speaker, speaker_type``).
        sentiment_df: Scores as :class:`~mediaframes.records.SentimentScore`
            (``statement_id, method, score``).
        actors: Speakers to compare; default every actor speaker.
        seed: Seed of the bootstrap intervals (as ``sentiment.aggregate_by_actor``).
        n_boot: Bootstrap resamples per interval.

    Returns:
        See the module docstring; sorted by pair and method.

    Example:
        >>> st = pd.DataFrame({"statement_id": ["1", "2", "3", "4"],
        ...                    "speaker": ["a", "a", "b", "b"], "speaker_type": ["actor"] * 4})
        >>> se = pd.DataFrame({"statement_id": ["1", "2", "3", "4"], "method": ["m"] * 4,
        ...                    "score": [0.5, 0.7, -0.5, -0.3]})
        >>> out = actor_sentiment_differences(st, se)
        >>> out["difference"].round(6).tolist(), bool(out["ci_low"][0] <= 1.0 <= out["ci_high"][0])
        ([1.0], True)
    """
    _require(statements_df, ["statement_id", "speaker", "speaker_type"], "statements")
    _require(sentiment_df, ["statement_id", "method", "score"], "sentiment")
    merged = sentiment_df.merge(statements_df[["statement_id", "speaker"]], on="statement_id")
    stats = merged.groupby(["speaker", "method"])["score"].agg(["count", "mean"])
    values = {
        (str(spk), str(meth)): g.to_numpy(dtype=float)
        for (spk, meth), g in merged.groupby(["speaker", "method"])["score"]
    }
    methods = sorted(merged["method"].astype(str).unique())
    return sentiment_difference_table(
        stats,
        _actors(statements_df, actors),
        methods,
        lambda spk, meth: values[(spk, meth)],
        seed=seed,
        n_boot=n_boot,
    )


def sentiment_difference_table(
    stats: pd.DataFrame,
    names: Sequence[str],
    methods: Sequence[str],
    values: Callable[[str, str], np.ndarray],
    seed: int = 0,
    n_boot: int = BOOTSTRAP_N,
) -> pd.DataFrame:
    """:func:`actor_sentiment_differences` from per (speaker, method) counts, means and scores.

    Args:
        stats: Indexed by ``(speaker, method)``, columns ``count`` and ``mean`` (as
            ``groupby([...])["score"].agg(["count", "mean"])`` gives them).
        names: Actors to compare, sorted.
        methods: Methods, sorted.
        values: The scores of a ``(speaker, method)`` group of ``stats``, in any order (the
            interval does not depend on it).
        seed: Seed of the bootstrap intervals.
        n_boot: Bootstrap resamples per interval.

    Returns:
        See the module docstring.

    Example:
        >>> idx = pd.MultiIndex.from_tuples([("a", "m"), ("b", "m")], names=["speaker", "method"])
        >>> stats = pd.DataFrame({"count": [1, 1], "mean": [0.5, -0.5]}, index=idx)
        >>> scores = {("a", "m"): np.array([0.5]), ("b", "m"): np.array([-0.5])}
        >>> t = sentiment_difference_table(stats, ["a", "b"], ["m"], lambda s, m: scores[(s, m)])
        >>> t[["difference", "ci_low"]].values.tolist()
        [[1.0, nan]]
    """
    from mediaframes.sentiment import (
        MIN_N_CONCLUDE,
        NOTE_NO_CI,
        NOTE_SMALL_N,
        bootstrap_diff_ci,
        difference_key,
    )

    cols = ["actor_a", "actor_b", "method", "n_a", "n_b", "mean_a", "mean_b", "difference"]
    cols += ["ci_low", "ci_high", "note"]
    rows = []
    for a, b in itertools.combinations(names, 2):
        for method in methods:
            if (a, method) not in stats.index or (b, method) not in stats.index:
                continue
            ra, rb = stats.loc[(a, method)], stats.loc[(b, method)]
            diff = float(ra["mean"]) - float(rb["mean"])
            lo, hi = bootstrap_diff_ci(
                values(a, method),
                values(b, method),
                seed=seed,
                n_boot=n_boot,
                key=difference_key(a, b, method),
            )
            rows.append(
                [
                    a,
                    b,
                    method,
                    int(ra["count"]),
                    int(rb["count"]),
                    ra["mean"],
                    rb["mean"],
                    diff,
                    lo,
                    hi,
                    NOTE_NO_CI
                    if min(int(ra["count"]), int(rb["count"])) < 2
                    else NOTE_SMALL_N
                    if min(int(ra["count"]), int(rb["count"])) < MIN_N_CONCLUDE
                    else "",
                ]
            )
    return pd.DataFrame(rows, columns=cols) if rows else _empty(cols)


# --- readout divergence ----------------------------------------------------------------------


def readout_divergence(
    statements_df: pd.DataFrame,
    frames_df: pd.DataFrame,
    stopwords: frozenset[str] | None = None,
    min_count: int = 1,
    include_negated: bool = True,
    actors: Any = None,
) -> pd.DataFrame:
    """Frames and topic words one side's statements contain and the other side's lack.

    Within each article, statements are grouped by side (:func:`sides_of`); narration and
    statements with no side are left out. A joint statement (``a+b``, by speaker or by the
    offices reporting it) is no third side: it counts for each member's side, so what both
    signed is no item only one of them holds. For every ordered pair of sides, an item is listed
    when at least ``min_count`` statements of ``side`` hold it and none of ``other_side`` do.
    Topic words come from ``quote_text`` (the attributed content) or, when empty, ``text``.

    Args:
        statements_df: Statements table.
        frames_df: Frames table.
        stopwords: Words to ignore as topics; default :func:`load_stopwords`.
        min_count: Minimum number of the side's statements holding the item.
        include_negated: Count negated frame labels.
        actors: Configured actors (``attribution.Actors``): the words of their names, titles,
            offices, countries and demonyms (:func:`actor_words`), and every word of an
            occurrence of a configured name, alias or office (:func:`actor_phrases`), are not
            topics.

    Returns:
        See the module docstring; sorted by article, side, other side, kind, codebook, item.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "a"], "statement_id": ["1", "2"],
        ...     "speaker": ["x", "y"], "speaker_type": ["actor", "actor"],
        ...     "source_actor": ["", ""], "quote_text": ["ceasefire now", "sanctions hurt"],
        ...     "text": ["", ""]})
        >>> fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue", "rule"])
        >>> readout_divergence(st, fr)[["side", "item"]].values.tolist()[:2]
        [['x', 'ceasefire'], ['y', 'hurt']]
    """
    cols = ["article_id", "side", "other_side", "kind", "codebook", "item", "n_side", "evidence"]
    cols += ["negated_cues"]
    _require(statements_df, ["article_id", "statement_id", "speaker", "text"], "statements")
    items_of = _readout_items(statements_df, frames_df, stopwords, include_negated, actors)
    rows = []
    for art, grp in statements_df.groupby("article_id", sort=True):
        items = _side_items(grp.to_dict("records"), items_of)
        for side, other, kind, cb, item, ids, _arts, forms, neg in _one_sided(items, min_count):
            rows.append(
                [art, side, other, kind, cb, item, len(ids), "; ".join(forms), "; ".join(neg)]
            )
    if not rows:
        return _empty(cols)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(cols[:6]).reset_index(drop=True)


#: An item of a side's readouts: ``(kind, codebook, key)`` (``key`` a frame or a word's stem).
_ItemKey = tuple[str, str, str]
#: Per side, per item: statement ids, articles and evidence forms of the side's statements,
#: each form with whether that occurrence is negated.
_SideItems = dict[str, dict[_ItemKey, tuple[set[str], set[str], list[tuple[str, bool]]]]]


def _readout_items(
    statements_df: pd.DataFrame,
    frames_df: pd.DataFrame,
    stopwords: frozenset[str] | None,
    include_negated: bool,
    actors: Any,
) -> Callable[[dict[str, Any]], list[tuple[_ItemKey, str, bool]]]:
    """A function giving a statement's items (frames and topic words) with their evidence.

    Each item comes with its form as written and whether it is negated (a frame label whose
    rule starts with ``negated:``; a topic word never is).
    """
    stop = (stopwords if stopwords is not None else load_stopwords()) | actor_words(actors)
    phrases = actor_phrases(actors)
    fr = frames_df
    if not include_negated and len(fr):
        fr = fr[~fr["rule"].astype(str).str.startswith("negated:")]
    frames_of: dict[str, list[tuple[str, str, str, bool]]] = defaultdict(list)
    rules = fr["rule"].astype(str) if "rule" in fr.columns else pd.Series("", index=fr.index)
    for r, rule in zip(fr.itertuples(index=False), rules, strict=True):
        frames_of[str(r.statement_id)].append(
            (str(r.codebook), str(r.frame), str(r.cue), rule.startswith("negated:"))
        )

    def items(row: dict[str, Any]) -> list[tuple[_ItemKey, str, bool]]:
        out = [
            (("frame", cb, fr), cue, neg)
            for cb, fr, cue, neg in frames_of.get(str(row["statement_id"]), [])
        ]
        content = _s(row.get("quote_text")) or _s(row.get("text"))
        for _, _, norm in _content_terms(content, stop, phrases):
            out.append((("topic", "", _STEMMER.stem(norm)), norm, False))
        return out

    return items


def _side_items(
    rows: Iterable[dict[str, Any]],
    items_of: Callable[[dict[str, Any]], list[tuple[_ItemKey, str, bool]]],
) -> _SideItems:
    """The items of each side's statements among ``rows`` (a joint statement: each member's)."""
    items: _SideItems = {}
    for row in rows:
        sid, art = str(row["statement_id"]), str(row["article_id"])
        found = items_of(row) if sides_of(row) else []
        for side in sides_of(row):
            bag = items.setdefault(side, {})
            for key, form, neg in found:
                ids, arts, ev = bag.setdefault(key, (set(), set(), []))
                ids.add(sid)
                arts.add(art)
                ev.append((form, neg))
    return items


def _one_sided(
    items: _SideItems, min_count: int
) -> list[tuple[str, str, str, str, str, set[str], set[str], list[str], list[str]]]:
    """Items one side holds and the other lacks.

    Each as ``(side, other, kind, codebook, item, ids, articles, forms, negated)``; a topic's
    item is its most frequent form; ``negated`` are the forms every occurrence of which is
    negated.
    """
    out = []
    for side, other in itertools.permutations(sorted(items), 2):
        theirs = items[other]
        for key, (ids, arts, ev) in items[side].items():
            if key in theirs or len(ids) < min_count:
                continue
            kind, cb, item = key
            forms = list(dict.fromkeys(f for f, _ in ev))
            if kind == "topic":
                counts = Counter(f for f, _ in ev)
                item = sorted(counts, key=lambda w: (-counts[w], w))[0]
            plain = {f for f, neg in ev if not neg}
            negated = [f for f in forms if f not in plain]
            out.append((side, other, kind, cb, item, ids, arts, forms, negated))
    return out


def event_readout_divergence(
    statements_df: pd.DataFrame,
    frames_df: pd.DataFrame,
    events: Mapping[str, Sequence[str]],
    stopwords: frozenset[str] | None = None,
    min_count: int = 1,
    include_negated: bool = True,
    actors: Any = None,
) -> pd.DataFrame:
    """:func:`readout_divergence` with the readouts paired by event, across articles.

    The statements of every article of an event (``events``: article id to its events, from
    the ``event`` metadata column, :func:`article_events`) are pooled, so one side's readout in
    one article is set against the other side's in another article about the same event. An
    article listing several events counts for each of them (no sentence is assigned to one
    event); articles without an event are left out.

    Args:
        statements_df: Statements table.
        frames_df: Frames table.
        events: Article id to its event ids.
        stopwords: As :func:`readout_divergence`.
        min_count: As :func:`readout_divergence`.
        include_negated: As :func:`readout_divergence`.
        actors: As :func:`readout_divergence`.

    Returns:
        ``event, side, other_side, kind, codebook, item, n_side, n_articles, article_ids,
        evidence``: as :func:`readout_divergence`, per event; ``n_articles`` and
        ``article_ids`` (``; ``-joined) are the articles where the side's statements hold the
        item. Sorted by event, side, other side, kind, codebook, item.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "b"], "statement_id": ["a:1", "b:1"],
        ...     "speaker": ["x", "y"], "speaker_type": ["actor", "actor"],
        ...     "source_actor": ["", ""], "quote_text": ["ceasefire troops", "ceasefire talks"],
        ...     "text": ["", ""]})
        >>> fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "cue", "rule"])
        >>> out = event_readout_divergence(st, fr, {"a": ("E1",), "b": ("E1",)})
        >>> out[["event", "side", "item", "article_ids"]].values.tolist()
        [['E1', 'x', 'troops', 'a'], ['E1', 'y', 'talks', 'b']]
    """
    cols = ["event", "side", "other_side", "kind", "codebook", "item", "n_side", "n_articles"]
    cols += ["article_ids", "evidence", "negated_cues"]
    _require(statements_df, ["article_id", "statement_id", "speaker", "text"], "statements")
    items_of = _readout_items(statements_df, frames_df, stopwords, include_negated, actors)
    by_event: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in statements_df.to_dict("records"):
        for ev in events.get(str(row["article_id"]), ()):
            by_event[ev].append(row)
    rows = []
    for ev in sorted(by_event):
        items = _side_items(by_event[ev], items_of)
        for side, other, kind, cb, item, ids, arts, forms, neg in _one_sided(items, min_count):
            rows.append(
                [ev, side, other, kind, cb, item, len(ids), len(arts), "; ".join(sorted(arts))]
                + ["; ".join(forms), "; ".join(neg)]
            )
    if not rows:
        return _empty(cols)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(cols[:6]).reset_index(drop=True)


def readout_unpaired(
    statements_df: pd.DataFrame, events: Mapping[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """Articles (and events) where only one side has a readout: nothing to compare it with.

    :func:`readout_divergence` compares the sides within an article, and
    :func:`event_readout_divergence` within an event; a unit where one side alone has
    statements gives no row there. This table lists those units, so that they are not dropped
    silently.

    Args:
        statements_df: Statements table.
        events: Article id to its event ids (:func:`article_events`); None: articles only.

    Returns:
        ``by, unit, side, n_statements, article_ids``: ``by`` is ``article`` or ``event``,
        ``unit`` the article or event id, ``side`` the only side with statements there,
        ``n_statements`` their number, ``article_ids`` (``; ``-joined) the articles holding
        them. Sorted by ``by`` (articles first), unit.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "b", "b"], "statement_id": ["1", "2", "3"],
        ...     "speaker": ["x", "x", "y"], "speaker_type": ["actor"] * 3})
        >>> readout_unpaired(st)[["unit", "side"]].values.tolist()
        [['a', 'x']]
    """
    cols = ["by", "unit", "side", "n_statements", "article_ids"]
    _require(statements_df, ["article_id", "statement_id", "speaker"], "statements")
    units: dict[tuple[int, str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in statements_df.to_dict("records"):
        art = str(row["article_id"])
        for side in sides_of(row):
            units[(0, "article", art)][side].append(art)
            for ev in (events or {}).get(art, ()):
                units[(1, "event", ev)][side].append(art)
    rows = []
    for (_o, by, unit), sides in sorted(units.items()):
        if len(sides) == 1:
            ((side, arts),) = sides.items()
            rows.append([by, unit, side, len(arts), "; ".join(sorted(set(arts)))])
    return pd.DataFrame(rows, columns=cols) if rows else _empty(cols)


# --- headline and standfirst vs body ---------------------------------------------------------


def headline_vs_body(
    statements_df: pd.DataFrame,
    frames_df: pd.DataFrame,
    mentions_df: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which speakers, mentioned actors and frames lead in headline, standfirst and body.

    A mention belongs to the section of the statement whose span holds it (mentions outside any
    statement, e.g. in captions, are ignored).

    Args:
        statements_df: Statements (``article_id, statement_id, speaker, speaker_type, section,
            char_start, char_end``).
        frames_df: Frames (``statement_id, codebook, frame, char_start``).
        mentions_df: Mentions (``article_id, actor, start``), optional.

    Returns:
        See the module docstring; sorted by article, section order, kind, codebook, rank.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a", "a"], "statement_id": ["1", "2"],
        ...     "speaker": ["x", "y"], "speaker_type": ["actor", "actor"],
        ...     "section": ["headline", "body"], "char_start": [0, 10], "char_end": [9, 20]})
        >>> fr = pd.DataFrame(columns=["statement_id", "codebook", "frame", "char_start"])
        >>> headline_vs_body(st, fr)[["section", "item"]].values.tolist()
        [['headline', 'x'], ['body', 'y']]
    """
    cols = ["article_id", "section", "kind", "rank", "item", "codebook", "count", "first_char"]
    cols.append("elsewhere")
    need = ["article_id", "statement_id", "speaker", "speaker_type", "section", "char_start"]
    _require(statements_df, need + ["char_end"], "statements")
    st = statements_df.copy()
    sec_of = dict(zip(st["statement_id"].astype(str), st["section"].astype(str), strict=True))
    art_of = dict(zip(st["statement_id"].astype(str), st["article_id"].astype(str), strict=True))
    # (article, section, kind, codebook, item) -> [count, first_char]
    agg: dict[tuple[str, str, str, str, str], list[int]] = {}

    def add(key: tuple[str, str, str, str, str], pos: int) -> None:
        cur = agg.setdefault(key, [0, pos])
        cur[0] += 1
        cur[1] = min(cur[1], pos)

    for row in st.to_dict("records"):
        if _is_narration(row):
            continue
        key = (str(row["article_id"]), str(row["section"]), "speaker", "", str(row["speaker"]))
        add(key, int(row["char_start"]))
    seen_frames: set[tuple[str, str, str]] = set()
    for r in frames_df.itertuples(index=False):
        sid = str(r.statement_id)
        if sid not in sec_of:
            raise ValueError(f"frames table names statement {sid!r} not in statements table")
        # count each statement once per frame; first_char is the first cue
        key = (art_of[sid], sec_of[sid], "frame", str(r.codebook), str(r.frame))
        if (sid, str(r.codebook), str(r.frame)) in seen_frames:
            agg[key][1] = min(agg[key][1], int(r.char_start))
            continue
        seen_frames.add((sid, str(r.codebook), str(r.frame)))
        add(key, int(r.char_start))
    if mentions_df is not None and len(mentions_df):
        _require(mentions_df, ["article_id", "actor", "start"], "mentions")
        spans = defaultdict(list)
        for row in st.to_dict("records"):
            spans[str(row["article_id"])].append(
                (int(row["char_start"]), int(row["char_end"]), str(row["section"]))
            )
        for m in mentions_df.itertuples(index=False):
            pos = int(m.start)
            sec = next((s for a, b, s in spans.get(str(m.article_id), []) if a <= pos < b), None)
            if sec is not None:
                add((str(m.article_id), sec, "mentioned", "", str(m.actor)), pos)
    if not agg:
        return _empty(cols)
    df = pd.DataFrame(
        [list(k) + v for k, v in agg.items()],
        columns=["article_id", "section", "kind", "codebook", "item", "count", "first_char"],
    )
    sections = df.groupby(["article_id", "kind", "codebook", "item"])["section"].nunique()
    df["elsewhere"] = [
        bool(sections[(a, k, c, i)] > 1)
        for a, k, c, i in zip(df["article_id"], df["kind"], df["codebook"], df["item"], strict=True)
    ]
    df["_sec"] = df["section"].map({s: i for i, s in enumerate(SECTIONS)}).fillna(len(SECTIONS))
    df["_k1"] = [-c if k == "frame" else 0 for k, c in zip(df["kind"], df["count"], strict=True)]
    df = df.sort_values(["article_id", "_sec", "kind", "codebook", "_k1", "first_char", "item"])
    df = df.reset_index(drop=True)
    df["rank"] = df.groupby(["article_id", "section", "kind", "codebook"]).cumcount() + 1
    # frames tied on their number of statements share the best rank of the tie (1, 1, 3):
    # which one "leads" a section is not decided by the first cue alone
    frames = df["kind"] == "frame"
    tied = (
        df[frames].groupby(["article_id", "section", "codebook", "count"])["rank"].transform("min")
    )
    df.loc[frames, "rank"] = tied
    return df[cols].reset_index(drop=True)


# --- word choice -----------------------------------------------------------------------------

_DEMONYM_SUFFIXES = ("ian", "ean", "ese", "ish", "an", "n", "i")
_VOWELS_Y = "aeiouy"


def _anchor_base(word: str) -> str:
    n = framing.normalize_token(word)
    return n.rstrip(_VOWELS_Y) or n


def anchor_forms(word: str) -> frozenset[str]:
    """Keys under which a word can name a referent: its base and its base minus a demonym suffix.

    The base is the lowercased word without possessive and final vowels; a demonym suffix
    (``-ian``, ``-ean``, ``-ese``, ``-ish``, ``-an``, ``-n``, ``-i``) may be removed when at
    least three letters remain.

    Example:
        >>> sorted(anchor_forms("Crimean"))
        ['crim', 'crimean']
    """
    n = framing.normalize_token(word)
    forms = {_anchor_base(word)}
    for suf in _DEMONYM_SUFFIXES:
        if n.endswith(suf) and len(n) - len(suf) >= 3:
            stem = n[: -len(suf)].rstrip(_VOWELS_Y)
            if len(stem) >= 3:
                forms.add(stem)
    return frozenset(forms)


def same_referent(a: str, b: str) -> bool:
    """True when two words name the same place or people (Crimea/Crimean, China/Chinese).

    Light morphology, no lexicon: irregular pairs (France/French) are not grouped.

    Example:
        >>> same_referent("Ukraine", "Ukrainian"), same_referent("Iran", "Iraq")
        (True, False)
    """
    return _anchor_base(a) in anchor_forms(b) or _anchor_base(b) in anchor_forms(a)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'«(—–-")
    return not before or before[-1] in ".!?\n:"


def _phrase_window(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    window: int,
    qspans: list,
    content: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """Token index range [lo, hi] around token i within one clause and one voice.

    The range crosses no quotation mark and, given the statement's :func:`content_span`, not
    the border between the attribution frame and the reported part (whose words are
    different voices).
    """

    def inq(k: int) -> tuple[int, bool]:
        q = next((n for n, (a, b) in enumerate(qspans) if a <= tokens[k][0] < b), -1)
        return q, content is not None and content[0] <= tokens[k][0] < content[1]

    q = inq(i)
    lo = i
    while lo > 0 and i - (lo - 1) <= window:
        gap = text[tokens[lo - 1][1] : tokens[lo][0]]
        if gap.strip(" -") or inq(lo - 1) != q:
            break
        lo -= 1
    hi = i
    while hi + 1 < len(tokens) and (hi + 1) - i <= window:
        gap = text[tokens[hi][1] : tokens[hi + 1][0]]
        if gap.strip(" -") or inq(hi + 1) != q:
            break
        hi += 1
    return lo, hi


def anchor_phrases(
    statements_df: pd.DataFrame,
    anchors: Sequence[str] | None = None,
    window: int = 3,
    stopwords: frozenset[str] | None = None,
    min_voices: int = 2,
    actors: Any = None,
) -> pd.DataFrame:
    """Occurrences of referents (anchors) with the words around them, per voice.

    Anchors are the given words (a one-word anchor also matches the words naming the same
    referent, :func:`same_referent`; an anchor of several words, ``"Kessel Pass"``, matches
    those words in a row, :func:`_match_anchors`), or by default every capitalized word that is
    not sentence-initial and not a stopword, and every name of several capitalized words that
    always occur together (``Kessel Pass``, ``Old Quarter``: :func:`_bound_pairs`), kept when
    it occurs in at least ``min_voices`` voices. A voice is a ``(voice, mode)`` pair, as in
    :func:`word_choice`: a referent named in the journalist's own sentences and in her
    paraphrase of a speaker (``narration``/``reported``) has two voices. The phrase around an
    anchor extends up to ``window`` tokens each side, never across punctuation, a quotation-mark
    boundary or the border between a statement's attribution frame and its reported part (so
    never across voices).

    Args:
        statements_df: Statements table (``article_id, statement_id, speaker, speaker_type,
            quote_type, text, char_start``).
        anchors: Words naming the referents, e.g. ``["Crimea", "Kessel Pass"]``; None detects
            proper nouns.
        window: Tokens taken on each side of the anchor.
        stopwords: Words not counted as terms; default :func:`load_stopwords`.
        min_voices: With detected anchors, the minimum number of voices (``voice, mode``
            pairs) using the anchor.
        actors: Configured actors (``attribution.Actors``): the words of their names, titles,
            offices, countries and demonyms (:func:`actor_words`), and every word of an
            occurrence of a configured name, alias or office (:func:`actor_phrases`), are not
            terms (an actor's name may still be an anchor).

    Returns:
        See the module docstring; sorted by anchor, article, offset.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a"], "statement_id": ["1"], "speaker": [""],
        ...     "speaker_type": ["narration"], "quote_type": ["narration"],
        ...     "text": ["They condemned the Crimea annexation."], "char_start": [0]})
        >>> anchor_phrases(st, ["Crimea"])[["phrase", "terms"]].values.tolist()
        [['condemned the Crimea annexation', 'condemned; annexation']]
    """
    cols = ["article_id", "statement_id", "voice", "mode", "anchor", "anchor_text", "phrase"]
    cols += ["terms", "char_start", "char_end"]
    _require(statements_df, ["article_id", "statement_id", "text", "char_start"], "statements")
    stop = stopwords if stopwords is not None else load_stopwords()
    names, phrases = actor_words(actors), actor_phrases(actors)
    parsed = []  # (row, text, tokens, quoted spans)
    for row in statements_df.to_dict("records"):
        text = _s(row["text"])
        parsed.append((row, text, framing.tokenize(text), speaker_spans(row, text)))
    # candidates: (row, text, tokens, quoted spans, first token, last token, referent)
    cands = []
    if anchors is not None:
        given = [_anchor_words(a) for a in anchors]
        for row, text, tokens, qspans in parsed:
            for i, j, k in _match_anchors(text, tokens, given):
                cands.append((row, text, tokens, qspans, i, j, anchors[k]))
    else:
        bound = _bound_pairs(parsed, stop)
        found = []
        for row, text, tokens, qspans in parsed:
            for i, j in _name_runs(text, tokens, bound):
                norm = framing.normalize_token(tokens[i][2])
                if i == j and (
                    len(norm) < 3 or norm in stop or _sentence_initial(text, tokens[i][0])
                ):
                    continue
                found.append((row, text, tokens, qspans, i, j))
        # group single words naming one referent (Crimea, Crimean); a run is its own referent
        singles = Counter(framing.normalize_token(c[2][c[4]][2]) for c in found if c[4] == c[5])
        rep: dict[str, str] = {}
        for w in sorted(singles, key=lambda w: (-singles[w], w)):
            rep[w] = next((r for r in dict.fromkeys(rep.values()) if same_referent(w, r)), w)
        for c in found:
            row, text, tokens, qspans, i, j = c
            if i == j:
                name = rep[framing.normalize_token(tokens[i][2])]
                name = name[:1].upper() + name[1:]
            else:
                name = " ".join(t[2] for t in tokens[i : j + 1])
            cands.append((row, text, tokens, qspans, i, j, name))
    rows = []
    named_of: dict[int, set[int]] = {}  # tokens of a statement (by id) -> inside a name phrase
    for row, text, tokens, qspans, i, j, name in cands:
        if id(tokens) not in named_of:
            named_of[id(tokens)] = _in_phrases(tokens, phrases)
        named = named_of[id(tokens)]
        base = int(row["char_start"])
        s, e = tokens[i][0], tokens[j][1]
        content = None if _is_narration(row) else content_span(row)
        lo = _phrase_window(text, tokens, i, window, qspans, content)[0]
        hi = _phrase_window(text, tokens, j, window, qspans, content)[1]
        while lo < i and framing.normalize_token(tokens[lo][2]) in stop:
            lo += 1
        while hi > j and framing.normalize_token(tokens[hi][2]) in stop:
            hi -= 1
        terms = []
        for k in range(lo, hi + 1):
            norm = framing.normalize_token(tokens[k][2])
            if i <= k <= j or norm in stop or norm in names or len(norm) < 3 or k in named:
                continue
            if any(same_referent(tokens[k][2], tokens[m][2]) for m in range(i, j + 1)):
                continue
            terms.append(norm)
        voice, mode = _voice_mode(row, s, e, qspans)
        p0, p1 = tokens[lo][0], tokens[hi][1]
        rows.append(
            [
                str(row["article_id"]),
                str(row["statement_id"]),
                voice,
                mode,
                name,
                text[s:e],
                text[p0:p1],
                "; ".join(dict.fromkeys(terms)),
                base + p0,
                base + p1,
            ]
        )
    if not rows:
        return _empty(cols)
    df = pd.DataFrame(rows, columns=cols)
    if anchors is None:
        # a voice is a (voice, mode) pair, as in word_choice: the journalist's paraphrase of a
        # speaker (narration, reported) is not the journalist's own sentence (narration,
        # narration), so a referent named in both is talked about by two voices
        nvoices = df.groupby("anchor")[["voice", "mode"]].apply(lambda g: len(g.drop_duplicates()))
        df = df[df["anchor"].map(nvoices) >= min_voices]
    if df.empty:
        return _empty(cols)
    return df.sort_values(["anchor", "article_id", "char_start"]).reset_index(drop=True)[cols]


def _anchor_words(anchor: str) -> tuple[str, ...]:
    """The words of a given anchor (``"Kessel Pass"``: two words); ValueError when it has none."""
    words = tuple(t for _s0, _e0, t in framing.tokenize(anchor))
    if not words:
        raise ValueError(f"anchor {anchor!r} has no word")
    return words


def _match_anchors(
    text: str, tokens: list[tuple[int, int, str]], given: Sequence[tuple[str, ...]]
) -> list[tuple[int, int, int]]:
    """``(first token, last token, anchor index)`` of each occurrence of the given anchors.

    A one-word anchor matches its word and the words naming the same referent
    (:func:`same_referent`: Crimea, Crimean); an anchor of several words matches those words in
    a row (any case, a possessive allowed; its last word also as :func:`same_referent`),
    separated by spaces or hyphens only. Where anchors overlap, the longest wins.
    """
    order = sorted(range(len(given)), key=lambda k: -len(given[k]))
    out = []
    i = 0
    while i < len(tokens):
        hit = None
        for k in order:
            words = given[k]
            j = i + len(words) - 1
            if j >= len(tokens):
                continue
            if any(text[tokens[m][1] : tokens[m + 1][0]].strip(" -") for m in range(i, j)):
                continue
            same = all(
                framing.normalize_token(tokens[i + m][2]) == framing.normalize_token(w)
                for m, w in enumerate(words[:-1])
            )
            if same and same_referent(tokens[j][2], words[-1]):
                hit = (i, j, k)
                break
        if hit is None:
            i += 1
            continue
        out.append(hit)
        i = hit[1] + 1
    return out


def _capitalized(tok: str, stop: frozenset[str]) -> bool:
    return tok[:1].isupper() and framing.normalize_token(tok) not in stop


def _bound_pairs(
    parsed: Sequence[tuple[Any, str, list[tuple[int, int, str]], Any]], stop: frozenset[str]
) -> frozenset[tuple[str, str]]:
    """Pairs of capitalized words that make one name (``Kessel Pass``, ``Old Quarter``).

    Two capitalized words written next to each other (a space between) are one name when
    they occur together at least twice and one of them never occurs without the other
    (every ``Pass`` follows ``Kessel``, or every ``Kessel`` precedes ``Pass``); a word that
    also stands alone (``Quorle`` in ``Tamsin Quorle``) keeps its own anchor.
    """
    occ: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for _row, text, tokens, _q in parsed:
        for k, (_s0, _e0, tok) in enumerate(tokens):
            if not _capitalized(tok, stop):
                continue
            occ[framing.normalize_token(tok)] += 1
            if k and _capitalized(tokens[k - 1][2], stop):
                if text[tokens[k - 1][1] : tokens[k][0]] == " ":
                    pair = (framing.normalize_token(tokens[k - 1][2]), framing.normalize_token(tok))
                    pairs[pair] += 1
    return frozenset(
        (x, y) for (x, y), n in pairs.items() if n >= 2 and (n == occ[x] or n == occ[y])
    )


def _name_runs(
    text: str, tokens: list[tuple[int, int, str]], bound: frozenset[tuple[str, str]]
) -> list[tuple[int, int]]:
    """``(first, last)`` token indexes of the names in ``tokens``: bound pairs joined into runs.

    Every capitalized token is in one run; see :func:`_bound_pairs`.
    """
    out: list[tuple[int, int]] = []
    for k, (_s0, _e0, tok) in enumerate(tokens):
        if not tok[:1].isupper():
            continue
        prev = framing.normalize_token(tokens[k - 1][2]) if k else ""
        joined = (
            out
            and out[-1][1] == k - 1
            and text[tokens[k - 1][1] : tokens[k][0]] == " "
            and (prev, framing.normalize_token(tok)) in bound
        )
        if joined:
            out[-1] = (out[-1][0], k)
        else:
            out.append((k, k))
    return out


def word_choice(phrases_df: pd.DataFrame) -> pd.DataFrame:
    """Terms each voice uses around each anchor, flagging those no other voice uses.

    A voice is a ``(voice, mode)`` pair of :func:`anchor_phrases`: the journalist's paraphrase of
    a speaker's claim (``narration``, ``reported``) is not the journalist's own sentence
    (``narration``, ``narration``), so the words of indirect speech are not counted as the
    journalist's choice.

    Args:
        phrases_df: Output of :func:`anchor_phrases` (a table without ``mode`` counts every row
            of voice ``narration`` as the journalist's own and every other as ``quoted``).

    Returns:
        See the module docstring; sorted by anchor, voice, mode, descending count, term. Terms
        are compared by Snowball stem (``annexation`` and ``annexed`` are one term).

    Example:
        >>> ph = pd.DataFrame({"anchor": ["C", "C", "C"],
        ...     "voice": ["narration", "narration", "x"],
        ...     "mode": ["narration", "reported", "quoted"],
        ...     "terms": ["annexation", "annexation", "sovereignty"],
        ...     "phrase": ["C annexation", "annexation of C", "sovereignty over C"],
        ...     "statement_id": ["1", "2", "3"], "char_start": [0, 20, 40],
        ...     "char_end": [12, 35, 58]})
        >>> for row in word_choice(ph)[["voice", "mode", "term", "distinctive"]].values:
        ...     print(*row)
        narration narration annexation False
        narration reported annexation False
        x quoted sovereignty True
    """
    cols = ["anchor", "voice", "mode", "term", "count", "distinctive", "example", "statement_id"]
    cols += ["char_start", "char_end"]
    if phrases_df.empty:
        return _empty(cols)
    uses: dict[tuple[str, str, str, str], list[Any]] = {}
    forms: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)
    has_mode = "mode" in phrases_df.columns
    for r in phrases_df.itertuples(index=False):
        voice = str(r.voice)
        if has_mode:
            mode = str(r.mode)
        else:
            mode = "narration" if voice == "narration" else "quoted"
        for term in [t for t in _s(r.terms).split("; ") if t]:
            key = (str(r.anchor), voice, mode, _STEMMER.stem(term))
            forms[key][term] += 1
            if key not in uses:
                uses[key] = [0, r.phrase, r.statement_id, int(r.char_start), int(r.char_end)]
            uses[key][0] += 1
    voices_of: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for anchor, voice, mode, stem in uses:
        voices_of[(anchor, stem)].add((voice, mode))
    rows = []
    for (anchor, voice, mode, stem), (count, example, sid, s, e) in uses.items():
        key = (anchor, voice, mode, stem)
        term = sorted(forms[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        distinct = voices_of[(anchor, stem)] == {(voice, mode)}
        rows.append([anchor, voice, mode, term, count, distinct, example, sid, s, e])
    df = pd.DataFrame(rows, columns=cols)
    df["_neg"] = -df["count"]
    order = ["anchor", "voice", "mode", "_neg", "term"]
    return df.sort_values(order).reset_index(drop=True)[cols]


def loaded_term_uses(
    statements_df: pd.DataFrame, terms: Sequence[LoadedTerm] | None = None
) -> pd.DataFrame:
    """Find the contested terms of a loaded-terms list in every statement, with their voice.

    Args:
        statements_df: Statements table.
        terms: From :func:`load_loaded_terms`; default the shipped list.

    Returns:
        See the module docstring; sorted by article, offset, pair. Within one pair, a match
        inside a longer match is dropped (``special military operation`` over ``operation``);
        a negated match of a pair with ``negation: suppress`` is dropped ("No casualties were
        reported").

    Example:
        >>> st = pd.DataFrame({"article_id": ["a"], "statement_id": ["1"], "speaker": [""],
        ...     "speaker_type": ["narration"], "quote_type": ["narration"],
        ...     "text": ["After the annexation of the peninsula."], "char_start": [0]})
        >>> loaded_term_uses(st)[["pair", "variant", "cue"]].values.tolist()
        [['territorial_control', 'illegitimate', 'annexation']]
    """
    cols = ["article_id", "statement_id", "section", "voice", "mode", "side", "pair", "variant"]
    cols += ["term", "cue", "char_start", "char_end"]
    terms = load_loaded_terms() if terms is None else terms
    rows = []
    for row in statements_df.to_dict("records"):
        text, base = _s(row["text"]), int(row["char_start"])
        qspans = speaker_spans(row, text)
        found = []
        for t in terms:
            for s, e, _cue, neg in framing.find_cue(t.cue, text):
                if not (neg and t.negation == "suppress"):
                    found.append((s, e, t))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        kept: list[tuple[int, int, LoadedTerm]] = []
        for s, e, t in found:
            if any(k[2].pair == t.pair and k[0] <= s and e <= k[1] for k in kept):
                continue
            kept.append((s, e, t))
        for s, e, t in kept:
            voice, mode = _voice_mode(row, s, e, qspans)
            rows.append(
                [
                    str(row["article_id"]),
                    str(row["statement_id"]),
                    _s(row.get("section")),
                    voice,
                    mode,
                    side_of(row) if mode != "narration" else "",
                    t.pair,
                    t.variant,
                    t.cue.text,
                    text[s:e],
                    base + s,
                    base + e,
                ]
            )
    if not rows:
        return _empty(cols)
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["article_id", "char_start", "pair", "term"]).reset_index(drop=True)


_WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


#: Punctuation a US-style text sets inside the closing quotation mark (“incident,” “exercise.”).
_INSIDE_PUNCT = ",."


def _inside_punct_end(text: str, a: int, b: int) -> int | None:
    """End of the quoted words ``text[a:b]`` without a comma or full stop set inside the mark.

    A quote ending with sentence punctuation is a quotation (``“We will win,” he said``), not a
    short quoted phrase, unless the opening mark follows a word ("an “incursion,” a claim",
    "called it “a fiction.”"): then the comma or full stop is the sentence's, set inside the
    closing mark in US style, and is left out. After a comma or colon, or at the start, the
    quote is a quotation (or the next part of one: ``he said, “then more.”``). Returns None
    for a quotation.

    Example:
        >>> t = "an “incursion,” a claim"
        >>> t[4:_inside_punct_end(t, 4, 14)]
        'incursion'
        >>> t = "“We will win,” she said."
        >>> _inside_punct_end(t, 1, 13) is None
        True
    """
    inner = text[a:b].rstrip()
    if not inner.endswith(tuple(_END_PUNCT)):
        return b
    if inner[-1] not in _INSIDE_PUNCT or inner[:-1].rstrip().endswith(tuple(_END_PUNCT)):
        return None
    mark = len(text[:a].rstrip()) - 1  # the opening mark (spaces inside it skipped)
    before = text[: max(0, mark)]
    if not before[-1:].isspace() or not before.rstrip()[-1:].isalnum():
        return None  # the mark does not follow a word and a space
    return a + len(inner[:-1].rstrip())


def scare_quotes(statements_df: pd.DataFrame, max_words: int = 4) -> pd.DataFrame:
    """Short phrases in quotation marks: scare quotes (narration) and partial quotations.

    A quoted segment counts when it has 1 to ``max_words`` words, does not end with sentence
    punctuation (``“We will win,” he said`` is a quotation, not a scare quote) unless it is a
    comma or full stop set inside the closing mark after a word (an “incident,” called it a
    “fiction.”: :func:`_inside_punct_end`, left out of the text and offsets), and is not the
    whole attributed quote of a direct statement. Its ``voice`` says whose word it is: in the
    journalist's narration (``narration``) it is a scare quote; inside a statement attributed to
    a speaker it is that speaker's partial quotation ("X called the decision “unfair”"), not the
    journalist's scare quote (:func:`is_scare_quote`).

    Args:
        statements_df: Statements table (``text, char_start``, ``quote_text`` optional).
        max_words: Longest phrase counted.

    Returns:
        See the module docstring; sorted by article and offset. Offsets are into
        ``Article.text`` and exclude the marks.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a"], "statement_id": ["1"], "speaker": [""],
        ...     "speaker_type": ["narration"], "quote_type": ["narration"],
        ...     "text": ["He demanded the ‘denazification’ of the country."], "char_start": [0]})
        >>> scare_quotes(st)[["text", "char_start", "char_end"]].values.tolist()
        [['denazification', 17, 31]]
    """
    cols = ["article_id", "statement_id", "section", "voice", "quote_type", "text", "n_words"]
    cols += ["char_start", "char_end"]
    rows = []
    seen: set[tuple[str, int]] = set()
    for row in statements_df.to_dict("records"):
        text, base = _s(row["text"]), int(row["char_start"])
        qt = _s(row.get("quote_type"))
        whole = _s(row.get("quote_text")).strip(" " + _END_PUNCT)
        for a, b in quoted_spans(text):
            if b >= len(text):  # unclosed quote
                continue
            b = _inside_punct_end(text, a, b)
            if b is None:
                continue
            inner = text[a:b]
            n = len(_WORD_RE.findall(inner))
            if not 1 <= n <= max_words or "\n" in inner:
                continue
            if qt == "direct" and inner.strip(" " + _END_PUNCT) == whole:
                continue
            key = (str(row["article_id"]), base + a)
            if key in seen:
                continue
            seen.add(key)
            voice = "narration" if _is_narration(row) else _s(row["speaker"])
            sec = _s(row.get("section"))
            rows.append([key[0], str(row["statement_id"]), sec, voice, qt, inner, n, base + a])
            rows[-1].append(base + b)
    return _by_position(rows, cols)


def is_scare_quote(voice: Any) -> bool:
    """True when a :func:`scare_quotes` row is a scare quote (the journalist's own narration).

    Any other voice is a speaker's partial quotation: the quoted words are the speaker's.

    Example:
        >>> is_scare_quote("narration"), is_scare_quote("vorenko")
        (True, False)
    """
    return _s(voice) in ("narration", "")


def concordance(
    statements_df: pd.DataFrame, term: str, width: int = 40, voices: Sequence[str] | None = None
) -> pd.DataFrame:
    """Keyword-in-context lines for a term across voices (nltk ``ConcordanceIndex``).

    Tokens are the word tokens of :func:`mediaframes.framing.tokenize` (nltk's Treebank
    tokenizer glues typographic quotes to words: ``“reiterated``), compared by Snowball stem, so
    ``sanction`` finds ``sanctions``. A multi-word term matches consecutive tokens.

    Args:
        statements_df: Statements table.
        term: Word or phrase.
        width: Characters of context on each side.
        voices: Keep only these voices (``narration`` or speaker ids).

    Returns:
        See the module docstring; sorted by article and offset.

    Example:
        >>> st = pd.DataFrame({"article_id": ["a"], "statement_id": ["1"], "speaker": [""],
        ...     "speaker_type": ["narration"], "quote_type": ["narration"],
        ...     "text": ["New sanctions were announced."], "char_start": [0]})
        >>> concordance(st, "sanction")[["left", "match", "right"]].values.tolist()
        [['New ', 'sanctions', ' were announced.']]
    """
    cols = ["article_id", "statement_id", "voice", "mode", "left", "match", "right"]
    cols += ["char_start", "char_end"]
    query = [framing.normalize_token(w) for w in framing.TOKEN_RE.findall(term)]
    if not query:
        raise ValueError(f"concordance: term {term!r} has no word")

    def key(w: str) -> str:
        return _STEMMER.stem(framing.normalize_token(w))

    rows = []
    for row in statements_df.to_dict("records"):
        text, base = _s(row["text"]), int(row["char_start"])
        toks = framing.tokenize(text)
        if not toks:
            continue
        index = ConcordanceIndex([t[2] for t in toks], key=key)
        first = index.offsets(query[0])
        qspans = speaker_spans(row, text)
        for off in first:
            if off + len(query) > len(toks):
                continue
            if any(key(toks[off + k][2]) != key(query[k]) for k in range(1, len(query))):
                continue
            s, e = toks[off][0], toks[off + len(query) - 1][1]
            voice, mode = _voice_mode(row, s, e, qspans)
            if voices is not None and voice not in voices:
                continue
            rows.append(
                [
                    str(row["article_id"]),
                    str(row["statement_id"]),
                    voice,
                    mode,
                    text[max(0, s - width) : s],
                    text[s:e],
                    text[e : e + width],
                    base + s,
                    base + e,
                ]
            )
    return _by_position(rows, cols)


# --- article metadata: events and captions --------------------------------------------------


def _json(value: Any, default: Any) -> Any:
    """``value`` decoded from JSON when it is a string; ``default`` when empty or not JSON."""
    if isinstance(value, str):
        if not value.strip():
            return default
        try:
            return json.loads(value)
        except ValueError:
            return default
    return default if value is None else value


def _article_parts(articles: Any) -> list[tuple[str, dict[str, Any], list[tuple[int, int, str]]]]:
    """``(article_id, metadata, captions as (start, end, text))`` of each article.

    ``articles``: the articles table (``article_id, captions, spans, extra``; captions and
    spans as JSON) or ``records.Article`` objects.
    """
    out = []
    if isinstance(articles, pd.DataFrame):
        for row in articles.to_dict("records"):
            meta = dict(_json(row.get("extra"), {}) or {})
            if _s(row.get("event")):
                meta["event"] = row["event"]
            texts = _json(row.get("captions"), []) or []
            spans = (_json(row.get("spans"), {}) or {}).get("captions") or []
            caps = [
                (int(a), int(b), str(t))
                for (a, b), t in zip(spans, texts, strict=False)
                if int(b) - int(a) == len(str(t))
            ]
            out.append((str(row["article_id"]), meta, caps))
        return out
    for a in articles:
        caps = [(c.start, c.end, c.text) for c in a.captions]
        out.append((str(a.article_id), dict(a.metadata or {}), caps))
    return out


def article_events(articles: Any) -> dict[str, tuple[str, ...]]:
    """The events of each article, from its ``event`` metadata (a metadata.csv column or a field).

    Several events in one cell are separated by ``;`` (a JSON record may give a list).
    Articles without an event are left out.

    Args:
        articles: The articles table (``article_id`` and ``extra``, or an ``event`` column) or
            ``records.Article`` objects.

    Returns:
        Article id to its event ids, in the order written.

    Example:
        >>> t = pd.DataFrame({"article_id": ["a", "b", "c"],
        ...     "extra": ['{"event": "E1"}', '{"event": "E1; E3"}', "{}"]})
        >>> article_events(t)
        {'a': ('E1',), 'b': ('E1', 'E3')}
    """
    out = {}
    for art, meta, _caps in _article_parts(articles):
        value = meta.get("event")
        parts = value if isinstance(value, list) else _s(value).split(";")
        events = tuple(dict.fromkeys(p for p in (_s(v).strip() for v in parts) if p))
        if events:
            out[art] = events
    return out


def caption_rows(articles: Any) -> pd.DataFrame:
    """Photo captions as rows of the statements table, for word choice in captions.

    Captions are no statements (attribution leaves them out), but their words are the
    outlet's choice: :func:`loaded_term_uses` and :func:`scare_quotes` search them when
    given these rows. Each is narration (``speaker`` empty, ``voice`` narration) of section
    ``caption``, with ``statement_id`` ``<article_id>:caption<k>`` (k from 1; no row of
    ``statements.csv``) and the caption's offsets into ``Article.text``.

    Args:
        articles: The articles table (``article_id, captions, spans``) or ``records.Article``
            objects.

    Returns:
        Columns ``article_id, statement_id, speaker, speaker_type, source, source_actor,
        quote_type, section, text, quote_text, char_start, char_end, quote_start, quote_end``.

    Example:
        >>> t = pd.DataFrame({"article_id": ["a"], "captions": ['["Guards at the pass."]'],
        ...     "spans": ['{"captions": [[40, 59]]}']})
        >>> caption_rows(t)[["statement_id", "section", "text", "char_start"]].values.tolist()
        [['a:caption1', 'caption', 'Guards at the pass.', 40]]
    """
    cols = ["article_id", "statement_id", "speaker", "speaker_type", "source", "source_actor"]
    cols += ["quote_type", "section", "text", "quote_text", "char_start", "char_end"]
    cols += ["quote_start", "quote_end"]
    rows = []
    for art, _meta, caps in _article_parts(articles):
        for k, (a, b, text) in enumerate(caps, start=1):
            rows.append([art, f"{art}:caption{k}", "", "narration", "", "", "narration"])
            rows[-1] += ["caption", text, "", a, b, a, a]
    return pd.DataFrame(rows, columns=cols) if rows else _empty(cols)


# --- files and command line ------------------------------------------------------------------

#: Files written by :func:`write_comparisons`, and the function computing each.
COMPARISON_FILES: tuple[str, ...] = (
    "readout_divergence.csv",
    "readout_divergence_by_event.csv",
    "readout_unpaired.csv",
    "headline_vs_body.csv",
    "anchor_phrases.csv",
    "word_choice.csv",
    "loaded_terms.csv",
    "scare_quotes.csv",
)


def _read_table(folder: Path, name: str, required: bool = True) -> pd.DataFrame | None:
    for suffix in (".parquet", ".csv"):
        p = folder / f"{name}{suffix}"
        if p.is_file():
            if suffix == ".parquet":
                return pd.read_parquet(p)
            return pd.read_csv(p, keep_default_na=False, dtype={"statement_id": str})
    if required:
        raise FileNotFoundError(f"{folder}: no {name}.parquet or {name}.csv (run analyze first)")
    return None


def write_comparisons(
    analysis_dir: str | Path,
    out_dir: str | Path | None = None,
    anchors: Sequence[str] | None = None,
    loaded_terms: str | Path | None = None,
    actors: Any = None,
) -> list[Path]:
    """Compute the per-article comparisons from an analysis folder and write them as CSV.

    Readouts are compared per article (``readout_divergence.csv``) and, when the articles'
    metadata has an ``event`` column, per event across articles
    (``readout_divergence_by_event.csv``; no rows without one); ``readout_unpaired.csv`` lists
    the articles and events where only one side has a readout. Photo captions (from the
    ``articles`` table) are searched for loaded terms and scare quotes (section ``caption``).

    Args:
        analysis_dir: Output folder of ``mediaframes analyze`` (``statements``, ``frames`` and,
            optionally, ``mentions`` and ``articles`` tables as Parquet or CSV).
        out_dir: Where to write; default ``<analysis_dir>/compare``.
        anchors: Referents for word choice; default detected proper nouns.
        loaded_terms: Contested-terms YAML; default the shipped list.
        actors: Configured actors (``attribution.Actors``), whose name words are no topic
            words and no word-choice terms (:func:`actor_words`); None: every word counts.

    Returns:
        The files written, in :data:`COMPARISON_FILES` order.

    Raises:
        FileNotFoundError: When a required table is missing (the message names the folder).

    Example:
        >>> write_comparisons("build/analysis")  # doctest: +SKIP
        [PosixPath('build/analysis/compare/readout_divergence.csv'), ...]
    """
    folder = Path(analysis_dir)
    out = Path(out_dir) if out_dir is not None else folder / "compare"
    statements = _read_table(folder, "statements")
    frames = _read_table(folder, "frames")
    mentions = _read_table(folder, "mentions", required=False)
    articles = _read_table(folder, "articles", required=False)
    if statements is None or frames is None:  # pragma: no cover - required=True raises
        raise FileNotFoundError(f"{folder}: statements or frames table missing")
    events = article_events(articles) if articles is not None else {}
    with_captions = (
        pd.concat([statements, caption_rows(articles)], ignore_index=True)
        if articles is not None
        else statements
    )
    phrases = anchor_phrases(statements, anchors=anchors, actors=actors)
    tables = {
        "readout_divergence.csv": readout_divergence(statements, frames, actors=actors),
        "readout_divergence_by_event.csv": event_readout_divergence(
            statements, frames, events, actors=actors
        ),
        "readout_unpaired.csv": readout_unpaired(statements, events),
        "headline_vs_body.csv": headline_vs_body(statements, frames, mentions),
        "anchor_phrases.csv": phrases,
        "word_choice.csv": word_choice(phrases),
        "loaded_terms.csv": loaded_term_uses(
            with_captions, load_loaded_terms(loaded_terms) if loaded_terms else None
        ),
        "scare_quotes.csv": scare_quotes(with_captions),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in COMPARISON_FILES:
        path = out / name
        tables[name].to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written


def compare_command(args: Any) -> int:
    """Run ``mediaframes compare DIR`` from parsed arguments; returns the exit status.

    Exit 0 on success, 1 when a table of the analysis folder is missing or malformed, or an
    output cannot be written (named in the message), 2 when an input file given to the
    command is missing or invalid: the actors file (``--actors``; default the one the analysis
    recorded, :func:`mediaframes.scale.compare_actors`) or the ``--loaded-terms`` file.

    Example:
        >>> from mediaframes.cli import build_parser
        >>> args = build_parser().parse_args(["compare", "build/a"])  # doctest: +SKIP
        >>> compare_command(args)  # doctest: +SKIP
        0
    """
    import sys

    from mediaframes import actors_io, scale

    try:
        path, note = scale.compare_actors(args.analysis_dir, getattr(args, "actors", None))
        actors = actors_io.load_actors(path)  # an invalid file: its error alone, no note first
        if note:
            print(f"mediaframes compare: {note}", file=sys.stderr)
        terms_file = getattr(args, "loaded_terms", None)
        if terms_file is not None:
            if not Path(terms_file).is_file():
                raise FileNotFoundError(f"loaded-terms file not found: {terms_file}")
            load_loaded_terms(terms_file)  # checked before any table is read or written
    except (OSError, ValueError) as exc:
        print(f"mediaframes compare: error: {exc}", file=sys.stderr)
        return 2
    try:
        files = write_comparisons(
            args.analysis_dir,
            args.out,
            anchors=args.anchors,
            loaded_terms=args.loaded_terms,
            actors=actors,
        )
    except (OSError, ValueError) as exc:
        print(f"mediaframes compare: error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} comparison tables -> {files[0].parent}")
    out = files[0].parent
    unpaired = pd.read_csv(out / "readout_unpaired.csv", keep_default_na=False, dtype=str)
    for line in unpaired_summary(unpaired):
        print(line)
    if args.anchors:
        found = pd.read_csv(out / "anchor_phrases.csv", keep_default_na=False, dtype=str)
        for anchor in unmatched_anchors(found, args.anchors):
            print(
                f"mediaframes compare: warning: --anchor {anchor!r} matches no word of any "
                "statement (no rows in anchor_phrases.csv and word_choice.csv)",
                file=sys.stderr,
            )
    return 0


def unmatched_anchors(phrases_df: pd.DataFrame, anchors: Sequence[str]) -> list[str]:
    """The given anchors with no occurrence in an :func:`anchor_phrases` table, in order given.

    Example:
        >>> unmatched_anchors(pd.DataFrame({"anchor": ["Kessel Pass"]}), ["Kessel Pass", "Lusk"])
        ['Lusk']
    """
    found = set(phrases_df["anchor"].astype(str)) if len(phrases_df) else set()
    return [a for a in dict.fromkeys(anchors) if a not in found]


def unpaired_summary(unpaired: pd.DataFrame) -> list[str]:
    """Lines naming the articles and events with one side's readout only (:func:`readout_unpaired`).

    Example:
        >>> t = pd.DataFrame({"by": ["article"], "unit": ["a03"], "side": ["x"],
        ...                   "n_statements": [2], "article_ids": ["a03"]})
        >>> unpaired_summary(t)
        ["1 article has one side's readout only (not compared, readout_unpaired.csv): a03 (x)"]
    """
    lines = []
    for by in ("article", "event"):
        sub = unpaired[unpaired["by"].astype(str) == by] if len(unpaired) else unpaired
        if not len(sub):
            continue
        n = len(sub)
        units = ", ".join(f"{u} ({s})" for u, s in zip(sub["unit"], sub["side"], strict=True))
        has = "has" if n == 1 else "have"
        lines.append(
            f"{n} {by}{'' if n == 1 else 's'} {has} one side's readout only "
            f"(not compared, readout_unpaired.csv): {units}"
        )
    return lines
