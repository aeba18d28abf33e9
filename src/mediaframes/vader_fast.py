"""VADER's compound score, computed exactly as ``vaderSentiment`` 3.3.2 does, only faster.

Derived from vaderSentiment 3.3.2 (``vaderSentiment/vaderSentiment.py``), Copyright (c) 2016
C.J. Hutto, MIT licence (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text", ICWSM-14). The permission notice of that licence
applies to this module: "Permission is hereby granted, free of charge, to any person obtaining a
copy of this software [...] The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software." The full text ships with the
installed package (``vaderSentiment-3.3.2.dist-info/LICENSE.txt``).

The reference ``SentimentIntensityAnalyzer.polarity_scores`` stays the reference: the lexicon,
the emoji descriptions and every constant (boosters, negations, idioms, scalars) are read from
the installed package, and ``tests/test_fast_lexicons.py`` checks float-for-float equality of
the compound score with the package on thousands of generated sentences that exercise every
rule. What changes is only where work is done, never the arithmetic:

* each distinct whitespace token is stripped of punctuation, lower-cased and looked up once
  (a bounded per-token cache) instead of once per rule;
* the reference rebuilds the lower-cased word list inside ``_negation_check`` and
  ``_special_idioms_check`` for every lexicon word (quadratic in the text length); here it is
  built once per text;
* the emoji pass runs only when the text holds an emoji character of the lexicon;
* a lexicon word that no rule can reach (no booster, negation or other word a rule names in
  the three words before it, no word pair of a multi-word idiom around it: ``_ruled``) gets its
  lexicon valence and the capitals increment directly, which is what ``sentiment_valence``
  computes for it (its other steps add ``0.0`` or leave the valence as it is);
* a caller that split the text already (``text.split()``) can hand the words in;
* only the compound score is computed (the ``pos``/``neu``/``neg`` proportions are not).

The rule code below follows the reference function by function, in the same order, with the
same floating-point operations, so it can be audited side by side.

Example:
    >>> vader = VaderCompound()
    >>> vader("It is not good.")
    -0.3412
"""

from __future__ import annotations

import string
from itertools import chain, compress, pairwise
from operator import itemgetter
from typing import Any

#: Distinct tokens kept in the per-token cache before it is emptied (bounds memory on large
#: corpora, about 8 MB when full; results do not depend on it).
TOKEN_CACHE_LIMIT = 30_000

_PUNCT = string.punctuation

# fields of a token's info tuple (see ``VaderCompound._token``)
_LOWER, _ISUPPER, _SCORED, _LOUD = itemgetter(1), itemgetter(2), itemgetter(4), itemgetter(6)

#: Words some rule of ``sentiment_valence`` looks for by name in the three words before a
#: lexicon word (or in the word itself: "no"); see :meth:`VaderCompound._token`.
_RULE_WORDS = frozenset({"no", "least", "so", "this", "never", "without", "doubt", "or", "nor"})

Info = tuple[str, str, bool, bool, bool, bool, bool]
"""``(word, lower, isupper, negated, scored, booster, loud)`` of a token (``_token``)."""


class TokenCache(dict):
    """A dict that computes a missing value with ``make`` and empties itself at ``limit`` keys.

    Example:
        >>> c = TokenCache(str.upper, limit=2)
        >>> c["a"], c["b"], c["c"], sorted(c)
        ('A', 'B', 'C', ['c'])
    """

    def __init__(self, make: Any, limit: int) -> None:
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key: str) -> Any:
        value = self.make(key)
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


class VaderCompound:
    """The compound score of the reference ``vaderSentiment`` 3.3.2, computed faster.

    Attributes:
        lexicon: ``{word: valence}`` of the installed package's ``vader_lexicon.txt``.
        emojis: ``{emoji: description}`` of the package's ``emoji_utf8_lexicon.txt``.

    Example:
        >>> VaderCompound()("VADER is VERY SMART, handsome, and FUNNY!!!")
        0.9342
    """

    def __init__(self) -> None:
        from vaderSentiment import vaderSentiment as ref

        analyzer = ref.SentimentIntensityAnalyzer()  # reads both lexicon files of the package
        self.lexicon: dict[str, float] = analyzer.lexicon
        self.emojis: dict[str, str] = analyzer.emojis
        # ``polarity_scores`` looks emojis up one character at a time
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._booster: dict[str, float] = ref.BOOSTER_DICT
        self._special: dict[str, float] = ref.SPECIAL_CASES
        self._negated = ref.negated
        self._scalar_inc_dec = ref.scalar_inc_dec
        self._normalize = ref.normalize
        self._n_scalar: float = ref.N_SCALAR
        self._c_incr: float = ref.C_INCR
        self._punctuation_emphasis = analyzer._punctuation_emphasis
        # consecutive word pairs of the multi-word idioms and boosters: a sequence
        # ``_special_idioms_check`` looks up (two or three consecutive words) can only equal
        # one of those keys if its first two words are such a pair
        self._idiom_pairs = frozenset(
            pair
            for key in (*self._special, *self._booster)
            if " " in key
            for pair in pairwise(key.split(" "))
        )
        self._ascii_emojis = any(k.isascii() for k in self._emoji_chars)
        self._tokens: dict[str, Info] = TokenCache(self._token, TOKEN_CACHE_LIMIT)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (VaderCompound, ())

    # --- text to words (``SentiText``) ---------------------------------------------------------

    def _replace_emojis(self, text: str) -> str:
        """``polarity_scores``' emoji pass: each emoji becomes its description (verbatim)."""
        text_no_emoji = ""
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                description = self.emojis[ch]
                if not prev_space:
                    text_no_emoji += " "
                text_no_emoji += description
                prev_space = False
            else:
                text_no_emoji += ch
                prev_space = ch == " "
        return text_no_emoji

    def _token(self, token: str) -> Info:
        """``(word, lower, isupper, negated, scored, booster, loud)`` of one token (cached).

        ``scored``: the lower-cased word is in the lexicon and is not a booster, so it can get
        a non-zero valence; ``booster``: the lower-cased word is a booster or dampener (else
        ``scalar_inc_dec`` of the word is 0.0); ``loud``: a booster, a negation, or a word
        of :data:`_RULE_WORDS` — the words that can change the valence of a lexicon word up
        to three words after them, or their own ("no") — or, to be safe, a word whose
        valence is -0.0 (the lexicon holds none; see :meth:`__call__`).
        """
        # SentiText._strip_punc_if_word
        stripped = token.strip(_PUNCT)
        word = token if len(stripped) <= 2 else stripped
        lower = word.lower()
        # ``_negation_check`` lowers the word, and ``negated`` lowers it again
        scored = lower in self.lexicon and lower not in self._booster
        booster = lower in self._booster
        negated = self._negated([lower])
        loud = (
            booster
            or negated
            or lower in _RULE_WORDS
            or (scored and repr(self.lexicon[lower]) == "-0.0")
        )
        return (word, lower, word.isupper(), negated, scored, booster, loud)

    # --- scoring (``polarity_scores``) ---------------------------------------------------------

    def __call__(self, text: str, words: list[str] | None = None) -> float:
        """Return ``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``.

        Args:
            text: The text.
            words: ``text.split()`` when the caller has it already (the reference's words are
                ``text.strip().split()``, the same list, unless emojis are replaced).

        Returns:
            The compound score on −1…1, rounded to 4 decimals as the reference does.

        Example:
            >>> VaderCompound()("The book was only kind of good.")
            0.3832
        """
        maybe_emoji = self._ascii_emojis or not text.isascii()
        if maybe_emoji and not self._emoji_chars.isdisjoint(text):
            text = self._replace_emojis(text)
            words = None
        # ``text.strip()`` of the reference changes neither the words nor the "!" and "?"
        # counted by ``_punctuation_emphasis``, the only other reader of the text
        infos = list(map(self._tokens.__getitem__, text.split() if words is None else words))
        # positions whose valence can be non-zero (in the lexicon, not a booster)
        # (the index lists below are built by C-level iterators: ``compress``/``itemgetter``
        # pick the same positions and fields as list comprehensions would)
        scored = list(compress(range(len(infos)), map(_SCORED, infos)))
        if not scored:
            # every sentiment is 0 (0.0 after the "but" rule): the compound is 0.0, and 0.0
            # when there are no words at all
            return 0.0
        lowers = list(map(_LOWER, infos))
        # allcap_differential
        n = len(infos)
        allcap_words = sum(map(_ISUPPER, infos))
        cap_differential = n - allcap_words
        is_cap_diff = 0 < cap_differential < n

        # the loop of ``polarity_scores``: boosters, "kind of" and words outside the lexicon
        # get a valence of 0 (an int, as in the reference)
        sentiments: list[float] = [0] * n
        ruled = self._ruled(infos, lowers)
        lexicon, c_incr = self.lexicon, self._c_incr
        for i in scored:
            if i < n - 1 and lowers[i] == "kind" and lowers[i + 1] == "of":
                continue
            if i in ruled:
                sentiments[i] = self._sentiment_valence(infos, lowers, i, is_cap_diff)
                continue
            # ``_sentiment_valence`` of a word no rule can reach (see :meth:`_ruled`): its
            # lexicon valence, the capitals increment, then ``+ 0.0`` once per word before it
            # outside the lexicon (``scalar_inc_dec`` of a non-booster), which leaves any
            # valence but -0.0 unchanged (a -0.0 valence makes its word loud)
            valence = lexicon[lowers[i]]
            if infos[i][2] and is_cap_diff:  # item.isupper()
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            sentiments[i] = valence

        if "but" in lowers:  # (``_but_check`` changes nothing otherwise)
            sentiments = self._but_check(lowers, sentiments)
        return self._compound(sentiments, text)

    def _ruled(self, infos: list[Info], lowers: list[str]) -> set[int]:
        """Positions where a rule of ``sentiment_valence`` other than the capitals may act.

        Every rule of ``sentiment_valence`` besides the lexicon valence and the capitals
        increment acts on word ``i`` only when

        * a loud word (:meth:`_token`: booster, negation, "no", "least", "so", "this",
          "never", "without" …) is word ``i - 3``, ``i - 2``, ``i - 1`` or ``i`` itself ("no"
          followed by a lexicon word, "no" before: ``N_SCALAR``; boosters:
          ``scalar_inc_dec``; ``_negation_check``'s negations, "never so/this", "so"/"this"
          one word before, "without doubt"; ``_least_check``'s "least"), or
        * ``_special_idioms_check`` finds a key: each sequence it looks up holds two or three
          consecutive words starting at ``i - 3``, ``i - 2``, ``i - 1`` or ``i``, so the pair
          starting there must be a consecutive pair of a key (``_idiom_pairs``).

        Either starts at some position ``p`` with ``p <= i <= p + 3``: those positions are
        returned (usually none); every other lexicon word keeps its lexicon valence.
        """
        n = len(lowers)
        starts = chain(
            compress(range(n), map(_LOUD, infos)),
            compress(range(n - 1), map(self._idiom_pairs.__contains__, pairwise(lowers))),
        )
        ruled: set[int] = set()
        for p in starts:
            ruled.update((p, p + 1, p + 2, p + 3))
        return ruled

    def _sentiment_valence(
        self,
        infos: list[Info],
        lowers: list[str],
        i: int,
        is_cap_diff: bool,
    ) -> float:
        """``sentiment_valence`` for a word known to be in the lexicon.

        ``infos[k]`` is ``(word, word.lower(), word.isupper(), negated, scored, booster)`` of
        word ``k`` (see :meth:`_token`), ``lowers[k]`` its lower-cased word.
        """
        lexicon = self.lexicon
        item_lowercase = lowers[i]
        valence = lexicon[item_lowercase]
        if item_lowercase == "no" and i != len(lowers) - 1 and lowers[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[item_lowercase] * self._n_scalar
        if infos[i][2] and is_cap_diff:  # item.isupper()
            if valence > 0:
                valence += self._c_incr
            else:
                valence -= self._c_incr
        for start_i in range(0, 3):
            if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
                before = infos[i - (start_i + 1)]
                # ``scalar_inc_dec`` returns its initial 0.0 for a word that is not a booster
                s = self._scalar_inc_dec(before[0], valence, is_cap_diff) if before[5] else 0.0
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, lowers, infos, start_i, i)
                if start_i == 2 and self._may_be_idiom(lowers, i):
                    valence = self._special_idioms_check(valence, lowers, i)
        return self._least_check(valence, lowers, i)

    def _least_check(self, valence: float, lowers: list[str], i: int) -> float:
        """``_least_check``: "least" before the word negates it, except "at/very least"."""
        lexicon = self.lexicon
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * self._n_scalar
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * self._n_scalar
        return valence

    @staticmethod
    def _but_check(lowers: list[str], sentiments: list[float]) -> list[float]:
        """``_but_check``, verbatim (including its ``list.index`` lookup of equal values)."""
        if "but" in lowers:
            bi = lowers.index("but")
            for sentiment in sentiments:
                si = sentiments.index(sentiment)
                if si < bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 0.5)
                elif si > bi:
                    sentiments.pop(si)
                    sentiments.insert(si, sentiment * 1.5)
        return sentiments

    def _may_be_idiom(self, lowers: list[str], i: int) -> bool:
        """False when no sequence of ``_special_idioms_check`` can match (``i > 2``).

        Every sequence it looks up is two or three consecutive words starting at word
        ``i - 3``, ``i - 2``, ``i - 1`` or ``i``, and matches only if its first two words are
        a consecutive pair of a multi-word key (``_idiom_pairs``).
        """
        pairs = self._idiom_pairs
        return (
            (lowers[i - 3], lowers[i - 2]) in pairs
            or (lowers[i - 2], lowers[i - 1]) in pairs
            or (lowers[i - 1], lowers[i]) in pairs
            or (i + 1 < len(lowers) and (lowers[i], lowers[i + 1]) in pairs)
        )

    def _special_idioms_check(self, valence: float, lowers: list[str], i: int) -> float:
        """``_special_idioms_check`` on the lower-cased words (called with ``i > 2``)."""
        onezero = f"{lowers[i - 1]} {lowers[i]}"
        twoonezero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
        twoone = f"{lowers[i - 2]} {lowers[i - 1]}"
        threetwoone = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
        threetwo = f"{lowers[i - 3]} {lowers[i - 2]}"
        special = self._special
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in special:
                valence = special[seq]
                break
        if len(lowers) - 1 > i:
            zeroone = f"{lowers[i]} {lowers[i + 1]}"
            if zeroone in special:
                valence = special[zeroone]
        if len(lowers) - 1 > i + 1:
            zeroonetwo = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
            if zeroonetwo in special:
                valence = special[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in self._booster:
                valence = valence + self._booster[n_gram]
        return valence

    def _negation_check(
        self,
        valence: float,
        lowers: list[str],
        infos: list[Info],
        start_i: int,
        i: int,
    ) -> float:
        """``_negation_check``; ``infos[k][3]`` is ``negated([lowers[k]])``."""
        if start_i == 0:
            if infos[i - (start_i + 1)][3]:
                valence = valence * self._n_scalar
        if start_i == 1:
            if lowers[i - 2] == "never" and (lowers[i - 1] == "so" or lowers[i - 1] == "this"):
                valence = valence * 1.25
            elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
                valence = valence
            elif infos[i - (start_i + 1)][3]:
                valence = valence * self._n_scalar
        if start_i == 2:
            if (
                lowers[i - 3] == "never"
                and (lowers[i - 2] == "so" or lowers[i - 2] == "this")
                or (lowers[i - 1] == "so" or lowers[i - 1] == "this")
            ):
                valence = valence * 1.25
            elif lowers[i - 3] == "without" and (
                lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"
            ):
                valence = valence
            elif infos[i - (start_i + 1)][3]:
                valence = valence * self._n_scalar
        return valence

    def _compound(self, sentiments: list[float], text: str) -> float:
        """The compound part of ``score_valence`` (``sentiments`` is never empty here)."""
        sum_s = float(sum(sentiments))
        # without "!" and "?" the emphasis is 0 * 0.292 + 0 == 0.0, and sum_s ± 0.0 == sum_s
        # for the non-zero sum_s it would be added to: the call is skipped
        if "!" not in text and "?" not in text:
            pass
        elif sum_s > 0:
            sum_s += self._punctuation_emphasis(text)
        elif sum_s < 0:
            sum_s -= self._punctuation_emphasis(text)
        compound = self._normalize(sum_s)
        return round(compound, 4)
