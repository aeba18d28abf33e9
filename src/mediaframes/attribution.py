r"""Statements: who said what, through whom, to whom — and every actor mention.

The stage :func:`attribute` reads the sentences of one article (from
:func:`mediaframes.segment.segment_article`) and returns one
:class:`~mediaframes.records.Statement` per sentence (a direct quote that runs over
several sentences or paragraphs is one statement), plus a :class:`~mediaframes.records.Mention`
for every mention of a configured actor. The rules are the grammar of news reporting, not
phrases of one article:

* **direct quotes** in straight or curly quotes, over sentences and paragraphs, with the
  attribution before (``X said: "…"``), after (``"…," the statement said.``) or inside
  (``"…," he said, "…"``); a following quote with no attribution continues the previous speaker
  (of a quote or of reported speech, in the same or the previous paragraph);
* **mixed quotes**: quoted fragments inside reported speech (``X also "reiterated …," Y said``);
* **indirect speech** with the reporting verbs of ``resources/reporting_verbs.txt`` and their
  frames (``said that``, ``told Y that``, ``called on Y to``, ``demanded X``), nested attribution
  (``The Kremlin said Putin told Macron that …`` → speaker putin, source "The Kremlin",
  addressee macron), ``according to X`` and headline conventions (``France: …`` — the source
  before the colon);
* **speaker resolution** to actors of an actors file (:func:`load_actors`): names, titles and
  descriptions (``the French leader``), organizations that speak for an actor (``the Elysee``),
  possessive offices (``Macron's office``, ``her office``), pronouns (nearest compatible
  preceding person, subjects before objects), documents (``the statement``, ``the readout``:
  the source named last; "the readout" prefers the source that issued a readout). Matching
  ignores case, diacritics and typographic apostrophes, except that a one-word name must be
  capitalized in the text (the actor "May", not the verb "may").
* **other speakers** (a spokesman, an analyst, ``Dmitry Peskov, the Kremlin spokesman``) keep
  their names as written, ``speaker_type == "other"``. Decision: a person who speaks *for* an
  actor (spokesperson, aide, minister) is never the actor: ``speaker`` is the person (name, or
  role as written), ``source`` the affiliation as written (``the Kremlin spokesman``) and
  ``source_actor`` the actor it names. An organization (``the Kremlin``) or a document that
  names no person is the actor's own voice: ``speaker`` is the actor, ``source`` the
  organization as written.
* **joint statements**: a coordinated subject of actors (``Macron and Scholz said``,
  ``A of X and B of Y said``), a plural reference whose antecedent is a group of actors
  (``both leaders``, ``the two presidents``, ``the leaders``; ``they`` only within three
  sentences of the group) and an unattributed ``joint statement`` give ONE statement with a
  joint speaker: the actor ids, sorted, joined by ``+`` (``macron+scholz``, see
  :func:`joint_id`, :func:`speakers_of`) and ``speaker_type == "joint"``. Decision: one
  statement per sentence is kept (every sentence is accounted for once, nothing is counted
  twice); per-actor tables that want to credit each member split the id with
  :func:`speakers_of`. A group needs ``and``/``&`` between distinct actor mentions; a plural
  reference with no group of actors before it is left as written (``They``, ``other``).
* **UK style**: when single quotation marks outnumber double ones in the body, ``‘…’`` are the
  article's quotation marks (direct quotes, quotes over sentences); otherwise a single-quoted
  phrase in the body is a scare/mixed quote. Apostrophes (``don’t``, ``Putin’s``, ``the ’90s``)
  are never quotation marks (see :func:`find_quotes`).
* **split quotes** (``"A," she said, "B."``): ``quote_text`` is the quoted parts joined by
  :data:`SPLIT_QUOTE_JOINER` (``" … "``); ``quote_start``/``quote_end`` keep the extent from
  the first quoted word to the last. Elsewhere ``quote_text == text[quote_start:quote_end]``.
* headlines report in the present (``Lee vows …``, ``Omar pledges …``): present forms of the
  verbs marked ``past`` in the lexicon count there; a one-word ``Label:`` prefix that is never
  capitalized inside a sentence of the article (``Analysis:``, ``Live:``) is no source.
* US-style titles: a one-word description configured with its article (``the president``,
  ``the chancellor``) matches in lower case after "the" (a one-word name otherwise needs its
  capital); periphrases of "say" (``was quoted as saying``, ``went on to say``) report with
  the subject before the helper; ``agreed to`` + infinitive is an action (narration), ``agreed
  that`` speech; the object of an ``np`` verb (``rejects Sorvanian demands``) holds no nested
  report; ``X, who …, accused Y of …`` keeps X as subject (not an inverted ``"…," said Y``).
* wire and feature phrasing (blind round 4): an age is an apposition (``Tevik, 63, said``);
  ``<actor> of <country>`` is the actor (``President Fenn of Morvia, who …, said``); ``said
  only: "…"`` is direct; ``put it`` reports the quotation after its colon or comma (``X put it
  bluntly: "…"``, ``As X put it, "…"``; not ``put it to a vote``); a unit opening ``In X's
  words,`` is an "according to" frame naming the speaker, ``In comments carried by <outlet>,``
  one naming the source; a ``that`` clause after the verb is no inverted subject (``X, for his
  part, insists that …``); an unattributed quotation also continues a paraphrase just before
  it (``X said … .`` / ``"…"``).
* live pages, explainers, roundups and columns (blind round 5): a subject is the whole
  ``<role> of|for|to <Name>`` or ``<Name> of <Name>`` phrase (``A minister of Morvia``, ``The
  mayor of Kallo``, ``Jan Holt of the Ruritanian Party`` → Jan Holt, source the party), not
  the name after the preposition; a title or description followed by another person's name is
  that person's title (``Prime Minister Jan Holt``), not a mention of the actor it describes; a
  configured country as subject speaks for its actor as an office does (``Kavona says …`` →
  speaker the actor, source ``Kavona``); a habit or hedge before the verb reports
  (``X likes to say``, ``X is understood to have told Y``); ``In her own words,`` and a
  mid-sentence ``, in X's words,`` name the speaker; critics, allies, rivals (the lexicon's
  ``independent_roles``) speak about an actor, not for it; a plural reference that is no role
  (``both men``, ``the two sides``) is the group; no ``he``/``she`` refers to an institution
  (``institutions``); ``both readouts`` is a joint document; a negative subject (``Neither
  office replied``), ``agree on`` a thing and a verb with nothing after it (a subheading ``What
  Kavona says``, ``whether X agreed or not``) report nothing; a time or place after a generic
  audience (``told a party congress in March``) leaves it generic; in ``"…," X said, according
  to the readout``, X speaks and the document is the source.
* interviews, press releases, hearings and relayed reports (blind round 6): a role with a
  modifier before its verb is the whole phrase (``A person close to the talks``, ``Officials
  in both capitals``), before a relative clause the role alone (``A senior official who
  briefed reporters … said``); ``S quoted X as saying`` / ``X was quoted by S as saying``
  name S as source (``quoted in <document>`` is the occasion); ``X issued a statement saying``
  reports; a document with a participial parenthesis (``The statement, issued by X's office,``)
  is X's; a bare role is the non-actor introduced with it (``The presiding judge, Marit
  Holbeck,`` … ``The judge said``); an addressee is named only when a name ends it (``the
  BBC``, not ``the Stavian parliament``) and gives way to a subject pronoun (``told reporters
  he would``); an indefinite document (``according to a transcript``) is no earlier source's,
  one named by a side's country or demonym (``a Norvalian readout``) that actor's, as is
  ``the French side``; ``It was
  agreed that …`` right after a report continues it; ``A and her counterpart, B,`` is a pair.
* transcripts, debates, digests and profiles (blind round 7): a **Q&A transcript** (two or
  more body paragraphs opening with ``Q:``/``A:`` or a repeated label) gives one direct
  statement per turn, ``A:`` the person interviewed (the actor named most often outside the
  turns), ``Q:`` the outlet named after "talks to"/"interview with"/"told" (else "Q"), a name
  label that person (when the text outside the turns names an interview); a participle after a
  main clause reports its subject's words (``X hit
  back, warning that …``); ``X was unrepentant: "…"`` is X's; ``shouted "…"`` is direct;
  ``describe … as``, ``<outlet> showed X telling``, ``ran the headline``; an outlet named with
  its description is one speaker (``the Kovenish daily Morgenrad``); family members speak
  about an actor; ``X called her "…"`` addresses her; ``"…," X said, according to <outlet>``
  has X speak; resolved pronouns chain on. After a review: a participle reports only when
  reported words follow and its subject opens the clause ("Critics attacked Putin, saying …"
  is the critics'); a transcript needs an interview named outside the turns, and "Update:" or
  "Note:" is no turn; "shouted", "ran the headline" need a quotation or "that".
* social posts, election nights, leaks and disasters (blind round 9): a capitalized body with
  its article is one subject (``…, the National Emergency Agency said``) and ``the agency``
  later is that body; a lone surname is the full name written anywhere in the article (unless
  two people share it); a question after a declined or negated report reports nothing
  (``declined to say whether X would ask …``); ``, who wrote … that`` reports its antecedent's
  words, and a relative clause after an inverted subject is no source; ``quotes X as telling
  Y``; ``thanked``/``congratulated`` address their object, ``promised Y that`` too;
  ``chanted``, ``read`` and ``declared`` report only a quotation or ``that``; ``In a
  telegram|letter|call to Y, X said`` addresses Y; a short phrase before a colon that opens a
  quotation is no content (``wrote on Chirp late on Thursday: "…"``, ``adding a single word:
  "…"``); a document with a participle (``a memo seen by the Ledger says``) is the source.
* speeches, reaction roundups, studies and local stories (blind round 10): an age apposition
  is skipped (``X, 71, a retired officer, said``); ``Name, role, who …, said`` keeps the role;
  a verb coordinated with the main clause shares its subject (``… and called for``, ``,
  then replied``); ``found that`` and a trailing ``found`` report findings (studies, surveys,
  polls, audits are documents); ``dismissed X as``; ``the office of <actor>`` is the actor's
  office; ``told the Assembly of the Lake States`` is one addressee; ``He went on: "…"`` and
  ``"…," he continued`` report only a quotation; consuls, clergy and secretaries-general are
  roles. After a review: a parenthetical relative clause (``A soldier, who asked not to be
  named, said``) leaves the main verb its report; a third party's document (``the dossier``)
  speaks for itself; ``read``/``chanted`` need a quotation; ``declared three days of
  mourning`` is an act.
* protests, sport, communiqués and tours (blind round 11): a quotation's last word is never
  the passive before a trailing verb (``"It is what it is," said X``); ``role, Name,
  <parenthesis>, said`` keeps the role; ``added`` reports only reported words; ``"… —" she
  began``; ``, chanting "…"``; a person's own ``he``/``she`` heading their reported words
  tells their gender (not a spokesperson's), and a gendered pronoun passes over a person of
  unknown gender four or more sentences back for the only actor of that gender; names of
  bodies are never ``he``/``she``. After two reviews: coordinated verbs share the subject that
  opens the sentence (not one read from the middle, nor inside a restrictive relative clause);
  ``dismissed X as`` unless an act (a case, generals, "as part of").
* briefings, profiles, energy and detainee stories (blind round 12, still open): ``recalled``
  reports only ``that`` or a quotation; a later bare role (``The spokeswoman said``) names an
  actor's spokesperson introduced with it; ``"…," Name, role, told reporters`` keeps the named
  subject; ``The company said`` names the body introduced as ``X, the … company``;
  ``according to a poll by X`` has X speak, the poll as written being the source.
* question time, tributes, trade talks and live blogs (blind round 15): a person a narration
  sentence introduces (its one named subject, also after ``Its chief executive,``, a time stamp
  or ``Among … was``) is the ``he``/``she`` opening the next statement, unless an actor that
  pronoun fits is named there, a known gender differs, or someone died or was jailed;
  ``The chief executive said`` names the one person a narration sentence introduced with that
  role; a plural role is no ``he``/``she``; a family speaks as one body; ``a statement issued
  by X`` has X speak; ``after Tuesday's call`` (a possessive makes a noun); ``X, in a statement,
  said``; ``the campaign`` after ``The Castan campaign`` is that actor's; a lone surname is the
  one full name of it written before. After a review: the lead-in yields to an actor or person
  the pronoun fits in the sentence before, to an actor named in the newcomer's sentence by a
  pronoun, to the wounded and to people of long ago; ``the <role>`` to other holders and to
  actors' titles; ``'will hurt farmers', says X`` has no possessive.
* sentencing, press conferences, mergers, rights reports (blind round 16): ``…, calling the
  report "…"`` reports the quotation; ``Analysts at <Firm>``; ``His club, Saltmere United,
  said`` is the club, with no source; ``Presidential spokeswoman X`` speaks for the president;
  ``X, in a statement on Monday, said``.
* storms, ceasefires, resignations, profiles (blind round 17): ``director of the National
  Emergency Management Agency`` is a role at a body, not an outlet; ``The agency's latest
  bulletin`` is the agency's; ``"…," he said`` after ``Anton Ruud, who shared an office with
  Sollis, said she was …`` (that "she" tells nothing of Ruud); ``Ms Elswick's interim report``;
  ``Colonel X, a spokesman for the army,`` has the spokesman's role as source.
* summits, closures, outbreaks (blind round 18): a sentence-final ``…, it said`` is the body
  that spoke last; ``Varro Components will close its plant …, the company said`` makes the
  name "its" follows a body, which ``the company`` names; ``the declaration`` after ``A and B
  signed a joint declaration`` is both actors'; a relative clause in a person's description
  (``a teacher whose father …``) tells nothing of their gender; two capitalized names opening
  a unit (``Halvard Steel and Osterby Metals said``) are one joint other speaker ``A+B``
  (sorted; :func:`speakers_of` keeps it one value), whose ``a joint press release`` follows.
  After a review: ``the company``/``the bank``/``the airline`` (the lexicon's
  ``company_words``) is the one company name (ending in a ``company_suffixes`` word) written in
  its sentence or the two before, never a place or a person; ``the declaration`` is the
  actors' joint one only after a verb issuing it, not negated, with no other document of that
  word in between; a copular relative (``who is a mother of two``) still tells the gender.
* coups, interviews, expulsions, strikes (blind round 19): ``Calder House, the prime minister's
  office, said``; ``dismissed suggestions that``; ``answered by expelling`` is an act; ``…,
  which said`` after a body; a place after ``at the`` is no newcomer; a quoted fragment inside
  an outer report's content is that report's; ``accused by X of`` is a passive.
* readouts, assemblies, visits, recordings (blind round 20): ``X can be heard telling …``
  reports X's words; ``"Good," Kolvo replies.``; ``the 61-year-old`` is the person written
  ``Hadric, 61,``; ``The president's spokeswoman, Irena Solt, …, telling`` is the spokeswoman; a
  headline, standfirst or body sentence of two reports (``X says …, Y warns …``, ``…; Y …``,
  ``…, while Y said …``) is one statement per clause (:func:`_clause_units`); ``X opened the
  session by asking …``; ``in her view`` with a quotation; ``Both offices said`` (the actors,
  through their offices).
* a labour dispute (acceptance test 14): a bare office word in a headline after a verb or a
  preposition (``urges union to …``, ``Talks resume at ministry``) is the configured ``the
  union``; ``A union spokesman``, ``A Brantwell spokesman`` (company ``Brantwell Freight``)
  speak for the actor (``A union source`` stays anonymous); ``the union`` after the actor's
  union named in full is the actor's; ``"…": Name on the strike``; a plural noun of people
  takes a plural ``they`` from a they/them actor, and an object ``them``/``him`` is not its
  clause's subject; ``His wife, Lorna,`` and ``Tolley looked …`` before a ``she``; a one-word
  name the article also uses as a lower-case word (``Rise``) needs a verb, comma or adverbial
  after it at a sentence's start or in a title-case headline.
* everything else is **narration** (``speaker == ""``); captions, credits and boilerplate are
  never read (only headline, standfirst and body sentences are).

Columns of :func:`statements_frame` (one row per statement): ``article_id, statement_id,
speaker, source, addressee, quote_type, reporting_verb, text, quote_text, char_start, char_end,
rule, speaker_type, source_actor, section, quote_start, quote_end`` — see
:class:`~mediaframes.records.Statement`. ``speaker_type`` is ``actor``, ``joint`` (several
actors, ``a+b``), ``other``, ``narration`` or ``unknown`` (a quotation whose speaker the rules
could not find). ``source_actor`` may be joint too (``a joint statement`` of ``a+b``). Offsets index
``Article.text``. For narration ``quote_text`` is empty and ``quote_start == quote_end ==
char_start``.

Columns of :func:`mentions_frame`: ``article_id, actor, kind, start, end, text, sentence,
in_quote`` (see :class:`~mediaframes.records.Mention`).

Columns of :func:`evidence_view`: ``statement_id, speaker, quote_type, rule, paragraph_start,
paragraph_end, plain, html`` — the paragraph(s) holding the statement with the statement in
``[[…]]`` and the attributed content in ``{{…}}`` (``plain``), or ``<mark>`` tags (``html``).

Example:
    >>> from mediaframes import corpus, segment
    >>> art = corpus.parse_plain_text(
    ...     "Talks\n\nThe Kremlin said Putin told Macron that talks would go on.", "x1", "x1.txt")
    >>> st, mentions = attribute(art, segment.segment_article(art), load_actors())
    >>> [(s.speaker, s.source, s.addressee, s.quote_type) for s in st]
    [('', '', '', 'narration'), ('putin', 'The Kremlin', 'macron', 'indirect')]
"""

from __future__ import annotations

import codecs
import dataclasses
import html as html_lib
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate, compress, count
from operator import add, attrgetter, le
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from mediaframes import config, paths
from mediaframes.records import (
    Article,
    Mention,
    Sentence,
    Statement,
    fast_records,
    to_frame,
)
from mediaframes.segment import (
    fold,
    fold_normalized,
    name_re,
    normalize_quotes,
    strip_dateline,
    title_abbreviations,
)

CONTRACT_COLUMNS = [
    "article_id",
    "statement_id",
    "speaker",
    "source",
    "addressee",
    "quote_type",
    "reporting_verb",
    "text",
    "quote_text",
    "char_start",
    "char_end",
    "rule",
]

SPLIT_QUOTE_JOINER = " \u2026 "
"""Joins the parts of a quotation split by its attribution (``"A," she said, "B."``)."""
_OPEN_DOUBLE = "\u201c\u201e\u00ab\u201f"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018\u201b\u201a\u2039"  # ‘ ‛ ‚ ‹
_CLOSE_SINGLE = "\u2019\u203a"  # ’ ›
#: Marks that close a quotation only after their own opener: German „…“ and ‚…‘, and the
#: guillemets pointing inwards, »…« (German, Danish), beside the usual ” » " and ’ '.
_OWN_CLOSER = {"\u201e": "\u201c", "\u00bb": "\u00ab", "\u201a": "\u2018"}
_DOUBLE_MARK_RE = re.compile('["' + _OPEN_DOUBLE + _CLOSE_DOUBLE + "]")
_SINGLE_MARK_RE = re.compile("['" + _OPEN_SINGLE + "]")
_PRONOUNS_MALE = ("he", "him", "his", "himself")
_PRONOUNS_FEMALE = ("she", "her", "hers", "herself")
_DETERMINERS = ("the", "a", "an")
_DETERMINER_SET = frozenset(_DETERMINERS)
_FUNCTION_WORDS = frozenset(
    "the a an in on at after before during with from by for of to as while when since "
    "but and or so if then this that these those it its there here what which who".split()
)
_PREPOSITIONS = frozenset(
    "with to of for by from against about on at between than toward towards into upon over "
    "under onto among amid beside behind".split()
)
_BOUNDARY_WORDS = (
    "that|and|but|while|which|who|whom|what|when|as|because|if|whereas|where|although|"
    "though|so|or|whether"
)
#: Abbreviations whose period ends no clause ("Mr. Vantry said"; folded text).
_TITLE_ABBREVIATIONS = (
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt maj adm cmdr rev hon pres st jr sr".split()
)
#: A period that may end a clause: not one after a title's abbreviation or a single initial
#: ("Mr. Vantry", "John F. Kennedy", "U.S. officials"; folded text).
_CLAUSE_PERIOD = (
    r"\." + "".join(rf"(?<!\b{a}\.)" for a in _TITLE_ABBREVIATIONS) + r"(?<!\b[a-z]\.)"
)  # (the look-behinds follow the period: tried at periods only)
#: A time word, then a subordinator opening a clause ("on Wednesday after their union
#: rejected …"; not "a readout released after Tuesday's call said": no time word before it).
_TIME_SUBORDINATOR = (
    r"(?<![\w'-])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|morning|afternoon|evening|night|hours|days|weeks|months|years|shortly|soon|"
    r"moments|minutes)\s+(?:after|before|since|until)(?![\w'-])"
)
_BOUNDARY_RE = re.compile(
    _TIME_SUBORDINATOR
    + r"|[,;:()\[\]\"\u2014\u2013!?]|"
    + _CLAUSE_PERIOD
    + r"|\s-\s|(?<![\w'-])(?:"
    + _BOUNDARY_WORDS
    + r")(?![\w'-])"
)
#: A word of a name written with a lower-case prefix: "al-Sayer", "el-Sayed".
_PREFIXED_NAME = r"(?:al|el)-[A-Z][\w'.\-]*"
#: The lower-case particles of names (:data:`NAME_PARTICLES`), the longest first.
_PARTICLE_ALT = "della|bint|dos|del|den|der|van|von|ter|bin|ibn|ben|de|da|di|do|du|la|le|al|el|ap"
#: The last word of a name: capitalized, or with a lower-case prefix ("al-Sayer").
_NAME_END = r"(?:[A-Z][\w'.\-]*|" + _PREFIXED_NAME + ")"
_NAME_TOKEN = r"(?:[A-Z][\w'.\-]*|" + _PREFIXED_NAME + "|" + _PARTICLE_ALT + "|&)"
_NAME_AT_END_RE = name_re(r"(?<![\w'.\-])(?:" + _NAME_TOKEN + r"\s+)*" + _NAME_END + "$")
#: "the" (or a possessive: "the country's") and capitalized words ending in a capitalized word
#: (group 1): a body's name; group ``name`` is the name after the determiner.
_INSTITUTION_NAME_RE = name_re(
    r"(?<![\w'\-])(?:[Tt]he|[A-Za-z][a-z\-]*['\u2019]s)\s+"
    r"(?P<name>(?:[A-Z][\w'\-]*\s+)+([A-Z][a-z]+))(?![\w'\-])"
)
_INSTITUTION_NAME_GATE_RE = name_re(r"(?:[Tt]he|['\u2019]s)\s+[A-Z]")
#: Titles a monarch or prelate is named with before one given name (and a numeral): "Queen
#: Adela", "King Harald V" (the title is part of the name: a later "the queen" is "Queen Adela").
_REGNAL_TITLES = frozenset(
    "king queen emperor empress tsar tsarina sultan emir pope prince princess".split()
)
#: A body named by its kind word first, then "of" and a capitalized name: "the Federation of
#: Ardish Industry", "the Bank of Tarvel" (group 1 the kind word; group ``name`` after "the").
_INSTITUTION_OF_NAME_RE = name_re(
    r"(?<![\w'\-])[Tt]he\s+(?P<name>([A-Z][a-z]+)\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'\-]*\s+){0,3}[A-Z][a-z]+)(?![\w'\-])"
)
#: A place preposition right before a capitalized run ("from Eastern Marsh"). (Folded text.)
_PLACE_PREP_BEFORE_RE = re.compile(
    r"(?<![\w'\-])(?:in|of|from|at|near|across|outside)\s+(?:the\s+)?$"
)
#: Two or more capitalized words (with name particles) on one line: full-name candidates.
_FULL_NAME_RE = name_re(
    r"(?<![\w'.\-])[A-Z][\w'\u2019.\-]*(?:[ \t]+" + _NAME_TOKEN + r"(?![\w'\u2019.\-]))*"
    r"[ \t]+(?:[A-Z][\w'\u2019.\-]*|(?:al|el)-[A-Z][\w'\u2019.\-]*)"
)
#: An embedded question right after a verb ("did not say whether …", "declined to say why").
#: (Folded text.)
_EMBEDDED_QUESTION_RE = re.compile(
    r"(?:\s+(?:publicly|directly|immediately|exactly|yet|so))?\s+"
    r"(?:whether|if|why|how|when|where|what|who|which)(?![\w'\-])"
)
#: A short phrase (a place, a time, a channel: it opens with a preposition or a time word; or
#: "a single word"), then a colon that opens a quotation. Not "the choice was clear: "…"".
_COLON_QUOTE_AHEAD_RE = re.compile(
    r"\s*(?:(?:on|in|at|via|to|from|during|after|before|through|over|by|with|late|early|last|this"
    r"|next|later|earlier|only|simply|just)(?![\w'\-])|(?:a|an|one|two|three)\s+(?:single\s+|short"
    r"\s+|brief\s+)?(?:word|words|line|sentence|message|post|reply|note|comment)(?![\w'\-]))"
    r"[^\"\u201c\u201d\u2018\u2019:;.!?]{0,50}:\s*(?=[\"\u201c\u2018'])",
    re.IGNORECASE,
)
#: Up to three words, the last (group 1) before a preposition: "officials in", "the residents
#: of". (Folded text.)
_ROLE_THEN_PREP_RE = re.compile(r"(?:[\w'\-]+\s+){0,2}?([\w'\-]+)\s+(?:in|from|of|at|for)\s")
#: A unit opening "In a letter|telegram|message … to <addressee>," (group 1: the addressee).
#: (Folded text.)
_IN_LETTER_TO_RE = re.compile(
    r"\s*in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:letter|telegram|message|note|cable|e-?mail|call|phone\s+call)\s+to\s+([^,;:\"]{2,60}?)\s*,"
)
#: Where a new clause starts after an embedded question: ";", ", but", ", though" … (Folded.)
_NEW_CLAUSE_RE = re.compile(
    r";|\u2014|,\s+(?:but|though|although|while|whereas|and|yet|however)(?![\w'\-])"
)
_NO_SPEECH_BEFORE = frozenset(
    "not never n't declined refused was were been being be is are am to get got".split()
)
#: ", who gave only his first name, Ilian," after a description: group 1 the name given
#: (also without the comma: "One of them, a welder who gave his name only as Jens,").
_GAVE_NAME_RE = name_re(
    r",?\s+who\s+(?:gave|would\s+give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+|last\s+)?"
    r"name(?:\s+only)?(?:\s+as)?,?\s+([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)(?=\s*[,.]|\s*$)"
)
#: Words before which a past participle is an adjective, not a verb ("her written evidence").
_ADJECTIVE_PARTICIPLE_BEFORE = frozenset("the a an his her its their my our your".split())
#: "the suit", "this civil suit": a lawsuit named before (folded text).
_THE_SUIT_RE = re.compile(r"(?:the|this|that)\s+(?:civil\s+|class-action\s+)?suit")
_THE_SUIT_END_RE = re.compile(r"(?<![\w'\-])" + _THE_SUIT_RE.pattern + r"\s*$")  # (ending it)
#: Prepositions before which a past participle and its noun are an adjective and its noun
#: ("despite repeated warnings", "of stated aims"); a gerund does the same ("ignoring repeated
#: warnings"): :data:`_ADJECTIVE_PARTICIPLE_NOUN_RE` then checks the noun after it.
_ADJECTIVE_PARTICIPLE_PREPOSITIONS = frozenset(
    "of despite after amid over about against with without for from".split()
)
#: A lower-case noun right after an attributive participle ("repeated | warnings"; folded).
_ADJECTIVE_PARTICIPLE_NOUN_RE = re.compile(
    r"\s(?!(?:that|to|on|in|at|by|as|it|him|her|them|this|the|a|an)\b)[a-z][a-z\-]+(?![\w'\-])"
)
#: A possessive's endings ("Tuesday's", "the ministers'"); folded text has straight quotes.
_POSSESSIVE_ENDINGS = ("'s",)  # (not "s'": a closing quotation mark, "'will hurt farmers'")
#: Pronouns with "'s" that are "is" or "has", not possessives ("he's said"). (Folded.)
_PRONOUN_CONTRACTIONS = frozenset(
    "he's she's it's that's there's who's what's here's where's let's".split()
)
_COORD_END_RE = re.compile(r"(?:^|\s|,)(?:and|but|or|then)\s*$")
_WORD_RE = re.compile(r"[\w'.\-]+")
_NAME_AFTER_RE = name_re(r"\s+(?:(?:" + _NAME_TOKEN + r")\s+)*" + _NAME_END)
#: A name, then "of", opening a phrase ("Jan Holt of the Ruritanian Party"): group 1 is the
#: name, group 2 its first word.
#: Numbers and quantifiers that open a partitive ("One of the aides", "Two of the people"):
#: no name before "of".
_PARTITIVE_HEADS = frozenset(
    "one two three four five six seven eight nine ten some several many most each another "
    "neither none both all few either any half".split()
)
#: Last words of bodies' names that in lower case are no body ("the post", "the news").
_MASTHEAD_WORDS = frozenset(
    "review journal herald times post news gazette tribune courier lantern ledger front "
    "school church".split()
)
_NAME_OF_RE = name_re(r"(([A-Z][\w'.\-]*)(?:\s+" + _NAME_TOKEN + r")*)\s+of\s+")
#: ", which they" / ", that they" ending at a subject "they" (folded): a relative clause of the
#: main clause's object ("a video, which they said showed …").
_WHICH_THEY_RE = re.compile(r",\s+(?:which|that)\s+they$")
#: A plural subject opening a clause, then a past verb in "-ed" (group 1 the subject, group 2
#: its head): "Supporters of the governing party circulated", "Opposition activists shared".
_PLURAL_SUBJECT_RE = name_re(
    r"((?:[A-Z][\w'\u2019\-]*\s+)?(?:[a-z][\w\-]*\s+){0,2}?([A-Za-z][a-z\-]+s)"
    r"(?:\s+(?:of|from|in|at|for)\s+[^,;:\"\u201c\u201d]{1,50}?)?)\s+[a-z]+ed\s"
)
#: One capitalized word, a name alone ("Dravgaz"; :meth:`_Doc._lone_name_body`).
_LONE_NAME_RE = name_re(r"[A-Z][a-z][\w\-]*")
#: A person's name, then "of the", a kind word or two and the body's name: "Katrin Solvey of the
#: brokerage Amsel Energy", "Ines Paulo of the think tank Halden Forum" (group 1: the name).
_NAME_OF_KIND_NAME_RE = name_re(
    r"([A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){1,2})\s+of\s+the\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?"
    r"\s+[A-Z][\w'.&\-]*(?:\s+(?:[A-Z][\w'.&\-]*|&|of|and))*"
)
_NAME_COMMA_END_RE = re.compile(r"(" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r")*)\s*,\s*$")
_AUXILIARIES = frozenset(
    "was were is are am had has have would will could did does do can may might should must been "
    "be being not".split()
)
_LY_EXCEPTIONS = frozenset(
    "family assembly rally ally italy july anomaly monopoly supply reply apply fly".split()
)
_TAIL_RE = re.compile(r"[^\w.!?\n]*")
_WORD_OR_APOS_RE = re.compile(r"[\w']*")
_WORD_CHAR_RE = re.compile(r"\w")


def _last_word(text: str) -> str:
    r"""The last word of ``text`` before trailing punctuation (not ``. ! ?`` or a line break).

    Same result as ``re.search(r"([\w']+)[^\w.!?\n]*$", text).group(1)`` (or ``""`` when that
    finds nothing), without trying the pattern at every offset: the string is read backwards.

    Example:
        >>> _last_word("the talks, said"), _last_word("it ended. "), _last_word("Putin's (")
        ('said', '', "Putin's")
    """
    if text.endswith("\n"):
        text = text[:-1]  # ``$`` also matches before a final line break
    rev = text[::-1]
    n_tail = _TAIL_RE.match(rev).end()  # type: ignore[union-attr]
    cut = len(text) - n_tail
    tail = text[cut:]
    if n_tail < len(rev) and _WORD_CHAR_RE.match(rev, n_tail):
        n_word = _WORD_OR_APOS_RE.match(rev, n_tail).end()  # type: ignore[union-attr]
        return text[len(text) - n_word : cut] + tail[: len(tail) - len(tail.lstrip("'"))]
    quote = tail.find("'")  # no word right before the tail: a run of apostrophes in it
    if quote < 0:
        return ""
    rest = tail[quote:]
    return rest[: len(rest) - len(rest.lstrip("'"))]


_GAP_WORD, _GAP_NO_WORD, _GAP_OTHER = 0, 1, 2


@lru_cache(maxsize=4096)
def _gap_kind(gap: str) -> int:
    r"""What :func:`_last_word` finds when a word is followed by ``gap`` (no word characters).

    ``_GAP_NO_WORD``: ``""`` — a sentence mark or line break (not counting a final line break,
    like ``$``) with no apostrophe after it; ``_GAP_WORD``: the word itself — no such mark and
    no apostrophe right after the word (provided none comes right before it either);
    ``_GAP_OTHER``: anything else (read the text).

    Example:
        >>> [_gap_kind(g) for g in (" ", ", ", ". ", "\n", "\n\n", "' ", ". '")]
        [0, 0, 1, 0, 1, 2, 2]
    """
    g = gap[:-1] if gap.endswith("\n") else gap
    mark = max(g.rfind("."), g.rfind("!"), g.rfind("?"), g.rfind("\n"))
    if mark >= 0:
        return _GAP_OTHER if "'" in g[mark + 1 :] else _GAP_NO_WORD
    return _GAP_OTHER if g.startswith("'") else _GAP_WORD


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    """One configured actor.

    Attributes:
        id: Short id used in every table (``macron``).
        name: Full name.
        aliases: Names, titles and descriptions that refer to the person.
        organizations: Offices and outlets that speak for the actor.
        pronouns: Pronouns that may refer to the actor (from ``pronouns`` or ``gender``).
        country: The actor's country: a headline prefix ("France: …") names the actor's side
            as source, and as a subject ("France says …") it speaks for the actor.
        extra: Every other key of the actor's entry, kept as given.
        surname: The part of the name matched on its own and after titles (:func:`surname_of`);
            "" for none; None (built in code) for the name's last word.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    organizations: tuple[str, ...]
    pronouns: tuple[str, ...] = ()
    country: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    surname: str | None = None

    @property
    def bare_surname(self) -> str:
        """The surname matched on its own: :attr:`surname`, or the name's last word if None."""
        if self.surname is not None:
            return self.surname
        words = self.name.split()
        return words[-1] if words else ""


@dataclass(frozen=True)
class Actors:
    """The configured actors and the matcher built from them.

    Attributes:
        actors: The actors, in file order.
        path: The file they were read from ("" when built in code).
    """

    actors: tuple[Actor, ...]
    path: str = ""
    _table: dict[str, tuple[str, str]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )
    _pattern: re.Pattern[str] | None = field(default=None, compare=False, repr=False, hash=False)
    _pattern_words: frozenset[str] | None = field(
        default=None, compare=False, repr=False, hash=False
    )
    _pronoun_pattern: re.Pattern[str] | None = field(
        default=None, compare=False, repr=False, hash=False
    )
    _pronoun_words: frozenset[str] = field(
        default=frozenset(), compare=False, repr=False, hash=False
    )
    _countries: tuple[tuple[str, str], ...] = field(
        default=(), compare=False, repr=False, hash=False
    )
    _described: frozenset[str] = field(default=frozenset(), compare=False, repr=False, hash=False)
    _titles: frozenset[str] = field(default=frozenset(), compare=False, repr=False, hash=False)
    _sides: dict[str, str] = field(default_factory=dict, compare=False, repr=False, hash=False)
    _name_words: dict[str, frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )
    #: the words of each actor's name, aliases, organizations, country and demonym (folded)
    _own_words: dict[str, frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )
    _shared: dict[str, tuple[str, ...]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )
    #: the words of every actor's name and aliases (folded)
    _all_name_words: frozenset[str] = field(
        default=frozenset(), compare=False, repr=False, hash=False
    )
    #: surnames that open their actor's name ("Qiao" of "Qiao Minren"; folded)
    _surnames_first: frozenset[str] = field(
        default=frozenset(), compare=False, repr=False, hash=False
    )
    #: matcher keys that are an actor's bare surname and no configured surface (folded)
    _auto_surnames: frozenset[str] = field(
        default=frozenset(), compare=False, repr=False, hash=False
    )

    def __post_init__(self) -> None:
        table, pattern = _build_matcher(self.actors)
        object.__setattr__(self, "_table", table)
        object.__setattr__(self, "_shared", shared_surfaces(self.actors))
        object.__setattr__(self, "_pattern", pattern)
        object.__setattr__(self, "_pattern_words", _first_words(table))
        pron_words: set[str] = set(_PRONOUNS_MALE + _PRONOUNS_FEMALE)
        for a in self.actors:
            pron_words.update(a.pronouns)
        pron_re = re.compile(
            r"(?<![\w'])(" + _alt(sorted(pron_words, key=len, reverse=True)) + r")(?![\w'])"
        )
        object.__setattr__(self, "_pronoun_pattern", pron_re)
        object.__setattr__(self, "_pronoun_words", _first_words(pron_words))
        countries = tuple((fold(a.country), a.id) for a in self.actors if a.country)
        object.__setattr__(self, "_countries", countries)
        object.__setattr__(self, "_described", _described_keys(self.actors))
        object.__setattr__(self, "_titles", _title_keys(self.actors))
        object.__setattr__(self, "_sides", _side_words(self.actors))
        words = {a.id: frozenset(fold(" ".join((a.name, *a.aliases))).split()) for a in self.actors}
        object.__setattr__(self, "_name_words", words)
        own = {}
        for a in self.actors:
            extra = (*a.organizations, a.country or "", str(a.extra.get("demonym") or ""))
            more = {w.strip("'\u2019") for w in fold(" ".join(extra)).split()}
            own[a.id] = words[a.id] | more
        object.__setattr__(self, "_own_words", own)
        object.__setattr__(self, "_all_name_words", frozenset().union(*words.values()))
        auto = set()
        for a in self.actors:
            key = " ".join(fold(a.bare_surname).split())
            surfaces = {_strip_det(fold(x).strip()) for x in (a.name, *a.aliases)}
            if key and table.get(key) == (a.id, "name") and key not in surfaces:
                auto.add(key)
        object.__setattr__(self, "_auto_surnames", frozenset(auto))
        first = {
            fold(a.bare_surname)
            for a in self.actors
            if " " not in a.bare_surname.strip()
            and len(a.name.split()) > 1
            and fold(a.name.split()[0]) == fold(a.bare_surname)
        }
        object.__setattr__(self, "_surnames_first", frozenset(first))

    @property
    def ids(self) -> list[str]:
        """Actor ids in file order."""
        return [a.id for a in self.actors]

    def get(self, actor_id: str) -> Actor:
        """Return the actor with this id (KeyError if unknown)."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)


@lru_cache(maxsize=256)
def _whole_word_re(word: str, plural: bool = False) -> re.Pattern[str]:
    """A regex of ``word`` as a whole word (folded text), with its plural when asked.

    Example:
        >>> bool(_whole_word_re("officer", plural=True).search("two officers came"))
        True
    """
    return re.compile(
        r"(?<![\w'\-])" + re.escape(word) + (r"(?:s|es)?" if plural else "") + r"(?![\w'\-])"
    )


#: Titles written before a name: abbreviated ("Dr", "Prof", "Gen", "Sen"; not name suffixes or
#: "St", a name's part: "St Clair") and courtesy or noble ones. (Folded, without their period.)
_HONORIFICS = (title_abbreviations() - {"jr", "sr", "st"}) | frozenset(
    # courtesy and noble titles ("Sir Tobias Renn", "Count Aurel Massin")
    "sir dame lord lady count countess baron baroness duke duchess earl marquess marquis "
    "viscount sheikh".split()
)


def _office_with_name(office: str, name_words: frozenset[str]) -> bool:
    """Whether a configured office is written with a word of its actor's name before "'s".

    Example:
        >>> _office_with_name("mr tallak's office", frozenset({"tallak", "edvard"}))
        True
        >>> _office_with_name("the chancellery", frozenset({"brask"}))
        False
    """
    head, sep, _ = office.partition("'s ")
    return bool(sep) and bool(head.split()) and head.split()[-1] in name_words


def _strip_honorific(name: str) -> str:
    """A name without an abbreviated title before it ("Dr. Hanne Sollvik" → "Hanne Sollvik").

    Example:
        >>> [_strip_honorific(n) for n in ("Dr. Hanne Sollvik", "Prof Ana Lund", "Gen Tomari")]
        ['Hanne Sollvik', 'Ana Lund', 'Gen Tomari']
        >>> _strip_honorific("Lt. Gen. Odo Marr")
        'Odo Marr'
    """
    words = name.split()
    while (
        len(words) > 1
        and fold(words[0]).rstrip(".") in _HONORIFICS
        and words[1][:1].isupper()
        and (words[0].endswith(".") or len(words) > 2)  # ("Gen Tomari": a first name)
    ):
        words = words[1:]
    return " ".join(words) if words != name.split() else name


def _strip_agent_title(name: str) -> str:
    """A name without a capitalized agent-noun title before it ("Baker Gunnar Pell").

    "Baker Gunnar Pell" → "Gunnar Pell".

    Example:
        >>> [_strip_agent_title(n) for n in ("Referee Lucca Mori", "Anna Berg", "Ola Baker Lund")]
        ['Lucca Mori', 'Anna Berg', 'Ola Baker Lund']
    """
    words = name.split()
    if len(words) > 2 and _AGENT_TITLE_RE.fullmatch(words[0]):
        return " ".join(words[1:])
    return name


def _is_plural_role(folded: str, role: re.Pattern[str]) -> bool:
    """Whether a folded noun phrase ends in a plural role word ("opposition mps", "officials").

    Example:
        >>> pat = re.compile(r"(?:official|mp|man|men)(?:s|es)?")
        >>> [_is_plural_role(t, pat) for t in ("senior officials", "the mps", "the man", "men")]
        [True, True, False, True]
        >>> _is_plural_role("her allies", re.compile(r"ally|allies"))
        True
    """
    words = _LOWER_WORD_RE.findall(folded)
    if not words:
        return False
    head = words[-1]
    if head in ("men", "women", "people", "spokespeople"):
        return True
    return (
        head.endswith("s")
        and not head.endswith("ss")
        and role.fullmatch(head) is not None
        and (
            any(role.fullmatch(head[:-k]) for k in (1, 2) if len(head) > k + 1)
            # "allies", "deputies": the singular ends in "y"
            or (head.endswith("ies") and role.fullmatch(head[:-3] + "y") is not None)
        )
    )


def _strip_det(surface: str) -> str:
    words = surface.split()
    while len(words) > 1 and words[0] in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _described_keys(actors: Sequence[Actor]) -> frozenset[str]:
    """One-word matcher keys configured only as descriptions with "the" ("the chancellor").

    A one-word name must be capitalized in the text ("May" the actor, not the verb "may"); a
    description configured with its article ("the president", "the chancellor", as US-style
    reporting writes them) is lower-case in running text and matches after "the" instead.

    Example:
        >>> ferrel = Actor("f", "Nadia Ferrel", ("the president", "Ferrel"), ())
        >>> sorted(_described_keys([ferrel]))
        ['president']
    """
    bare: set[str] = set()
    described: set[str] = set()
    for a in actors:
        for surface, is_alias in [(a.name, False), *((x, True) for x in a.aliases)] + [
            # "the Palace": an office keeps its capital; "the ministry", configured in lower
            # case, is a description (see ``_Doc.rival_bodies``)
            (o, o.split()[-1][:1].islower())
            for o in a.organizations
        ]:
            words = fold(surface).split()
            key = _strip_det(" ".join(words))
            if " " in key or not key:
                continue
            if is_alias and len(words) == 2 and words[0] == "the":
                described.add(key)
            else:
                bare.add(key)
    return frozenset(described - bare)


def _title_keys(actors: Sequence[Actor]) -> frozenset[str]:
    """Matcher keys of aliases that are titles or descriptions, holding no word of the name.

    "Prime Minister" followed by another name ("Prime Minister Jan Holt") is that person's
    title, not a mention of the actor configured as "the prime minister".

    Example:
        >>> valko = Actor("v", "Irena Valko", ("the prime minister", "Prime Minister Valko"), ())
        >>> sorted(_title_keys([valko]))
        ['prime minister']
    """
    keys: set[str] = set()
    for a in actors:
        name_words = set(fold(a.name).split())
        for alias in a.aliases:
            key = _strip_det(fold(alias).strip())
            if key and not name_words & set(key.split()):
                keys.add(key)
    return frozenset(keys)


def _side_words(actors: Sequence[Actor]) -> dict[str, str]:
    """One-word countries and demonyms (folded) → the one actor whose side they name.

    A word two actors share names no side and is left out.

    Example:
        >>> a = Actor("a", "Ana Lee", (), (), country="Kestria", extra={"demonym": "Kestrian"})
        >>> _side_words([a])
        {'kestria': 'a', 'kestrian': 'a'}
    """
    owners: dict[str, set[str]] = {}
    for a in actors:
        for word in (a.country, str(a.extra.get("demonym") or "")):
            w = fold(word).strip()
            if w and " " not in w:
                owners.setdefault(w, set()).add(a.id)
    return {w: ids.pop() for w, ids in sorted(owners.items()) if len(ids) == 1}


#: Capitalised words that may follow a title without being a name ("the president Monday").
_NOT_A_NAME = _FUNCTION_WORDS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december i".split()
)
#: Words that may open a sentence before a possessive name and are no first name ("Unlike
#: Aldana's film", "Only Aldana's"; folded).
_NOT_A_NAME_OPENERS = _NOT_A_NAME | frozenset(
    "unlike like only ask even just but so yet also unless despite without within whether "
    "both neither either whatever whoever inside outside".split()
)
#: Function words that never open a name ("To Fight", "On Monday"); "The Meridian Institute"
#: and "A Ruritanian Minister" may open one.
_NO_NAME_START = _FUNCTION_WORDS - {"the", "a", "an"}
_TITLE_CASE_WORDS_RE = name_re(r"[A-Za-z][\w'\-]{3,}")


def _title_case(text: str) -> bool:
    """Whether a text is in title case ("Prime Minister Says Talks Will Resume").

    Every word of four letters or more is capitalised (and there are at least three).

    Example:
        >>> _title_case("Prime Minister Says Talks Will Resume")
        True
        >>> _title_case("Prime Minister Jan Holt said so")
        False
    """
    words = _TITLE_CASE_WORDS_RE.findall(text)
    return len(words) >= 3 and all(w[0].isupper() for w in words)


_CAPITAL_WORD_AFTER_RE = name_re(r"[ \t]+([A-Z][\w'\-]*)")


#: After a title: "of" and a capitalized place ("the king of Esselund"; group 1: the place).
_TITLE_OF_PLACE_RE = name_re(r"[ \t]+of[ \t]+(?:the[ \t]+)?([A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*)*)")
#: A preposition right before a title: the title is an object, and a name set off after it
#: belongs to the head before ("a spokesman for the king, Oskar Delm,"). (Not a possessive:
#: "Drammar's prime minister, Lena Ostby," names the holder of that title.)
_OBJECT_BEFORE_RE = re.compile(r"\b(?:for|of|to|with|by|from|at|on|under)[ \t]+$", re.I)
#: After a title: an "of" phrase up to a comma ("the governor of the Carvanian central bank").
_TITLE_OF_PHRASE_RE = re.compile(r"[ \t]+of[ \t]+[^,;:.!?\"\u201c\u201d\n]{1,60}?(?=,)")
#: After a title: a name of two or more capitalized words set off by commas ("the king, Oskar
#: Delm, said"; group 1: the name).
_TITLE_APPOSED_NAME_RE = name_re(
    r",[ \t]+([A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*)+),(?![ \t]*(?:and|or)\b)"
)  # (not a list: "The king, Prime Minister Tamsen, and President Orvane said")


def title_of_other(
    text: str,
    start: int,
    end: int,
    actor: str,
    name_words: frozenset[str],
    countries: Sequence[tuple[str, str]],
    bodies: frozenset[str] = frozenset(),
) -> bool:
    """Whether a configured title right before ``end`` is another person's.

    "The king of Esselund" is not the configured king when Esselund is another configured
    actor's country, and "the king, Oskar Delm," is not him when no word of "Oskar Delm" is
    one of his names. (A place no actor is configured with proves nothing: "the governor of
    Lenn" may be the configured governor.) "The president of the union" is not the configured
    president either: an "of" phrase that names a body (a word of ``bodies``) with a word that
    is none of the actor's own words makes the title that body's.

    Args:
        text: Raw article text.
        start: Offset of the title.
        end: Offset just after the title ("the king").
        actor: Id of the actor the title is configured for.
        name_words: Folded words of that actor's name and aliases.
        countries: ``(folded country, actor id)`` of the configured actors.
        bodies: Folded head words of bodies ("union", "council", "bank").

    Returns:
        True when the title names someone else.

    Example:
        >>> t = "The king of Esselund said"
        >>> title_of_other(t, 0, 8, "edmar", frozenset({"edmar"}), [("esselund", "rask")])
        True
        >>> title_of_other("The king, Edmar II, said", 0, 8, "edmar", frozenset({"edmar"}), [])
        False
        >>> title_of_other("Esselund's king, Ivo Tamm, said", 11, 15, "edmar", frozenset(), [])
        True
        >>> t = "the president of the union said"
        >>> title_of_other(t, 0, 13, "marsk", frozenset({"marsk"}), [], frozenset({"union"}))
        True
    """
    m = _TITLE_OF_PLACE_RE.match(text, end)
    if m is not None:
        place = fold(m.group(1))
        if any(
            other != actor and (place == c or place.startswith(c + " ")) for c, other in countries
        ):
            return True
    of = _OF_AFTER_TITLE_RE.match(text, end)
    if of is not None and bodies and _of_body_not_own(text, of.end(), name_words, bodies):
        return True
    if (om := _TITLE_OF_PHRASE_RE.match(text, end)) is not None:
        end = om.end()  # "the governor of the Carvanian central bank, Piet Horn,": his title
    elif m is not None:
        return False
    m = _TITLE_APPOSED_NAME_RE.match(text, end)
    if m is None or _OBJECT_BEFORE_RE.search(text, max(0, start - 8), start):
        return False  # ("a spokesman for the king, Oskar Delm,": the spokesman's name)
    words = [w for w in fold(m.group(1)).split() if w not in _NOT_A_NAME]
    return bool(words) and not any(w in name_words for w in words)


#: After a name: an apposition "the X's <noun>," (group 1: the possessor, "the prime minister").
_APPOSED_RELATION_RE = re.compile(
    r",[ \t]+((?:the[ \t]+)?[\w\-]+(?:[ \t]+[\w\-]+){0,3}?)['\u2019]s"
    r"[ \t]+[\w\-]+(?:[ \t]+[\w\-]+)?[ \t]*,"
)
#: A possessive and the noun it governs, ending a phrase ("the prime minister's mother-in-law").
_RELATION_TAIL_RE = re.compile(r"['\u2019]s\s+[\w\-]+(?:\s+[\w\-]+)?$")
#: After a subject: a verb, then "he" or "she" opening its clause ("said she was"; groups:
#: the verb, the pronoun).
_VERB_THEN_PRONOUN_RE = re.compile(r"\s+([a-z]+)\s+(?:that\s+)?(he|she)(?![\w'\-])")
#: After a role opening a phrase: a capitalized name, then "of" (group 1: the name, group 2:
#: its first word; "Economist Pia Varn of the Lundvik Institute").
_ROLE_NAME_OF_RE = name_re(r"\s+(([A-Z][\w'.\-]*)(?:\s+[A-Z][\w'.\-]*){1,3})\s+of\s+")
#: A noun phrase, then a determiner opening a reduced relative clause ("a project the
#: government says will …"; folded).
_REDUCED_RELATIVE_RE = re.compile(
    r"(?:the|an?)\s+[a-z][\w\-]*\s+(?=(?:the|its|their|his|her)\s+[a-z])"
)
#: After "wrote": "to" and the addressee (group 1), maybe a time, then the words, opening with
#: a participle or "that" ("to the provincial government on Monday demanding …"; folded).
_WROTE_TO_NP_RE = re.compile(
    r"\s+to\s+((?:[\w'.\-]+\s+){0,5}?[\w'.\-]+?)"
    r"(?:\s+(?:on|last|this|late|early)\s+[\w\-]+)?\s*,?\s+(?=that\s|[a-z]{3,}ing\s)"
)
_REDUCED_RELATIVE_HOW = "subject of a reduced relative clause"
#: "of" right after a title.
_OF_AFTER_TITLE_RE = re.compile(r"[ \t]+of[ \t]+")
#: The words of an "of" phrase after a title, up to a clause mark (group 1: "the union said").
_OF_PHRASE_WORDS_RE = re.compile(r"(?:the[ \t]+)?([^,;:.!?\"\u201c\u201d\n(]{1,80})")


def _of_body_not_own(text: str, pos: int, own: frozenset[str], bodies: frozenset[str]) -> bool:
    """Whether the "of" phrase at ``pos`` names a body that is not the actor's own.

    The phrase runs to its first body word ("union"; with "of" and the words after it:
    "chamber of commerce"); it is another's body when a word of it (not a function word) is
    none of the actor's own words ("the Carvanian chamber"), and the actor's own when every
    word is ("the central bank" for "the central bank governor").

    Example:
        >>> bodies = frozenset({"union", "bank"})
        >>> _of_body_not_own("the dockers' union said", 0, frozenset({"marsk"}), bodies)
        True
        >>> _of_body_not_own("the central bank said", 0, frozenset({"central", "bank"}), bodies)
        False
        >>> _of_body_not_own("Veltria said", 0, frozenset(), bodies)
        False
    """
    m = _OF_PHRASE_WORDS_RE.match(text, pos)
    if m is None:
        return False
    words = [w.strip("'\u2019") for w in fold(m.group(1)).split()]
    head = next((i for i, w in enumerate(words[:6]) if w in bodies), -1)
    if head < 0:
        return False
    phrase = [w for w in words[: head + 1] if w and w not in _FUNCTION_WORDS]
    return any(w not in own for w in phrase)


def shared_surfaces(actors: Sequence[Actor]) -> dict[str, tuple[str, ...]]:
    """Names, aliases and offices that more than one actor lists, with their owners.

    Each key is the matched (folded) surface with a leading "the"/"a"/"an" removed; its owners
    are in file order. In an article, such a surface is the actor among its owners whom the
    article names by an unshared surface (the last one named before it, else the first after
    it), and no actor when it names none of them (:meth:`_Doc._find_mentions`).

    Example:
        >>> a = Actor("a", "Ana Lee", ("the governor",), ())
        >>> b = Actor("b", "Rosa Quil", ("the governor",), ())
        >>> shared_surfaces([a, b])
        {'governor': ('a', 'b')}
    """
    owners: dict[str, list[str]] = {}
    for a in actors:
        for surface in (a.name, *a.aliases, *a.organizations):
            key = _strip_det(fold(surface).strip())
            if key and a.id not in owners.setdefault(key, []):
                owners[key].append(a.id)
    return {k: tuple(v) for k, v in owners.items() if len(v) > 1}


def _owner_named_near(named: Sequence[tuple[int, str]], owners: Sequence[str], pos: int) -> str:
    """The owner of a shared surface at ``pos``: the last ``named`` before it, else the next.

    Args:
        named: ``(offset, actor)`` of the article's unshared name matches, by offset.
        owners: The actors that list the surface.
        pos: Where the shared surface stands.

    Returns:
        An actor id, or "" when the article names none of the owners.

    Example:
        >>> _owner_named_near([(5, "b"), (40, "a")], ("a", "b"), 20)
        'b'
        >>> _owner_named_near([(40, "a")], ("a", "b"), 20), _owner_named_near([], ("a",), 3)
        ('a', '')
    """
    before = [a for p, a in named if p < pos and a in owners]
    if before:
        return before[-1]
    return next((a for p, a in named if p > pos and a in owners), "")


#: Honorifics that tell a gender ("Ms Qiao" is no male actor). Folded, without a period.
_GENDERED_HONORIFICS = {
    **dict.fromkeys(
        "ms mrs miss madam madame mme dame lady queen princess sheikha senora signora frau".split(),
        "female",
    ),
    **dict.fromkeys("mr monsieur sir lord king prince senor signor herr".split(), "male"),
}
#: One word of a name next to another, on the same line: a capitalized word, an "al-"/"el-"
#: word or a lower-case particle (offsets into the text).
_NAME_WORD_BEFORE_RE = name_re(r"(?<![\w'\u2019.\-])([\w'\u2019.\-]+)[ \t]$")
_NAME_WORD_AFTER_RE = name_re(r"[ \t]([\w'\u2019.\-]+)")
_PREFIXED_NAME_RE = name_re(_PREFIXED_NAME)


_NO_GIVEN_NAMES: dict[tuple[int, Actors], tuple[Any, frozenset[str]]] = {}


def _no_given_names_of(lex: Any, actors: Actors) -> frozenset[str]:
    """:attr:`_Doc._no_given_names` of a lexicon and actors, cached (a few of each per run)."""
    key = (id(lex), actors)
    hit = _NO_GIVEN_NAMES.get(key)
    if hit is not None and hit[0] is lex:
        return hit[1]
    words = set(_NOT_A_NAME | _HONORIFICS | _TIME_WORDS | _GENDERED_HONORIFICS.keys())
    words |= _common_english_words()  # ("Instead Qiao said", "Still, …")
    words |= lex.verbs.keys() | lex.headline_verbs.keys() | lex.adverbials
    words |= lex.institutions | lex.body_names | lex.female | lex.male
    for a in actors.actors:  # "Quenlian", "Costavera": the actors' sides
        words.update(fold(" ".join((a.country, str(a.extra.get("demonym") or "")))).split())
    if len(_NO_GIVEN_NAMES) > 32:
        _NO_GIVEN_NAMES.clear()
    _NO_GIVEN_NAMES[key] = (lex, frozenset(words))
    return _NO_GIVEN_NAMES[key][1]


def _may_be_name_word(text: str, pos: int, step: int) -> bool:
    """Whether a word that may belong to a name stands right beside ``pos``.

    ``step`` -1: the word ending one space before ``pos + 1`` (``pos`` is the character before
    a name); 1: the word starting one space after ``pos`` (the name's end). Such a word is
    capitalized, a lower-case particle ("de", "bin") or an "al-"/"el-" word; anything else (a
    comma, a lower-case word, the line's end) rules out :meth:`_Doc.other_persons_name`.

    Example:
        >>> _may_be_name_word("Ms Qiao said", 2, -1), _may_be_name_word("Qiao said", 4, 1)
        (True, False)
    """
    if not 0 <= pos < len(text) or text[pos] not in " \t":
        return False
    i = pos + step
    j = i
    while 0 <= j < len(text) and (text[j].isalnum() or text[j] in "'\u2019.-"):
        j += step
    word = text[j + 1 : i + 1] if step < 0 else text[i:j]
    if not word:
        return False
    return word[:1].isupper() or word in NAME_PARTICLES or word.startswith(("al-", "el-"))


@lru_cache(maxsize=1)
def _common_english_words() -> frozenset[str]:
    """The shipped English stopwords (``resources/compare/stopwords_en.txt``): no given names.

    Example:
        >>> {"instead", "still"} <= _common_english_words()
        True
    """
    text = paths.resource("compare", "stopwords_en.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def actor_gender(actor: Actor) -> str:
    """``male`` or ``female`` when the actors file tells it (``gender`` or pronouns), else "".

    Example:
        >>> actor_gender(Actor("a", "Ana Lee", (), (), ("she", "her")))
        'female'
    """
    gender = str(actor.extra.get("gender") or "")
    if gender in ("male", "female"):
        return gender
    he, she = "he" in actor.pronouns, "she" in actor.pronouns
    return "male" if he and not she else "female" if she and not he else ""


def _name_word_kind(word: str, stop: frozenset[str] | set[str]) -> str:
    """How a word next to a name counts: ``name``, ``particle``, ``initial`` or "" (none).

    ``stop`` holds folded words that are no names (titles, verbs, weekdays, …).

    Example:
        >>> [_name_word_kind(w, {"said"}) for w in ("Lifen", "de", "F.", "Said", "al-Sayer")]
        ['name', 'particle', 'initial', '', 'name']
    """
    core = word.removesuffix("'s").removesuffix("\u2019s")
    if _PREFIXED_NAME_RE.fullmatch(core):
        return "name"
    if core in NAME_PARTICLES:
        return "particle"
    if not core[:1].isupper():
        return ""
    if len(core.rstrip(".")) == 1:
        return "initial"  # "John F. Kennedy"
    folded = fold(core).rstrip(".")
    if folded in stop or (core.isupper() and len(core) > 1) or not core[-1:].isalpha():
        return ""  # a title, a verb, an acronym ("MP"), a number
    return "name"


def _build_matcher(actors: Sequence[Actor]) -> tuple[dict[str, tuple[str, str]], re.Pattern[str]]:
    table: dict[str, tuple[str, str]] = {}
    last_names: dict[str, set[str]] = {}
    for a in actors:
        for surface in (a.name, *a.aliases):
            table.setdefault(_strip_det(fold(surface).strip()), (a.id, "name"))
        for surface in a.organizations:
            table.setdefault(_strip_det(fold(surface).strip()), (a.id, "organization"))
        bare = " ".join(fold(a.bare_surname).split())
        if len(bare) >= 3:
            last_names.setdefault(bare, set()).add(a.id)
    for last, owners in last_names.items():
        if len(owners) == 1 and last not in table:
            table[last] = (next(iter(owners)), "name")
    table.pop("", None)
    alts = "|".join(
        re.escape(s).replace(r"\ ", r"\s+") for s in sorted(table, key=len, reverse=True)
    )
    pattern = re.compile(r"(?<![\w'])(?:(?:the|a|an)\s+)?(" + (alts or "(?!)") + r")(?![\w])")
    return table, pattern


_WORD_RUN_RE = re.compile(r"\w*")
_SPACES_RE = re.compile(r"\s+")
_WORDS_RE = re.compile(r"\w+")
_WORD_SPLIT_RE = re.compile(r"(\w+)")
_TWO_WORD_CHARS_RE = re.compile(r"\w\w")
#: ``bytes.translate`` table: every ASCII character that is not a word character (``\w``) → space
#: (the bytes from 128 on never occur in ASCII-encoded text)
_ASCII_NON_WORD_TO_SPACE = bytes(
    i if i < 128 and re.match(r"\w", chr(i)) else ord(" ") for i in range(256)
)
_SPACES_ERRORS = "mediaframes.non-word-spaces"


def _non_word_to_spaces(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler of :func:`_spaced_words`: a space for each non-ASCII non-word character.

    A non-ASCII word character re-raises the error (the caller then uses a regular expression).
    """
    if not isinstance(err, UnicodeEncodeError):
        raise err
    chunk = err.object[err.start : err.end]
    if _WORD_CHAR_RE.search(chunk):
        raise err
    return " " * len(chunk), err.end


codecs.register_error(_SPACES_ERRORS, _non_word_to_spaces)


def _spaced_words(text: str) -> str | None:
    r"""``text`` with each non-word character (not ``\w``) a space, or None if that is not cheap.

    The words of the result (``str.split``) are the runs of word characters of ``text``, at the
    same offsets. The text is encoded as ASCII with an error handler that turns non-ASCII
    non-word characters (dashes, ellipses) into spaces (one each, so the offsets stay), then
    translated byte by byte, all at C speed. A non-ASCII word character (``ø``, Cyrillic) gives
    None, and the callers read the text with regular expressions instead.

    Example:
        >>> _spaced_words("don't \u2014 go!"), _spaced_words("Støre")
        ('don t   go ', None)
    """
    try:
        encoded = text.encode("ascii", _SPACES_ERRORS)
    except UnicodeEncodeError:
        return None
    return encoded.translate(_ASCII_NON_WORD_TO_SPACE).decode("ascii")


def _first_words(alternatives: Iterable[str]) -> frozenset[str] | None:
    """The leading word characters of each literal alternative of a pattern (see :class:`_Words`).

    Returns None when an alternative does not start with a word character: such a pattern must
    be tried at every offset.

    Example:
        >>> sorted(_first_words(["call on", "u.s. envoy", "said"]))
        ['call', 'said', 'u']
    """
    words = {_WORD_RUN_RE.match(a).group() for a in alternatives}  # type: ignore[union-attr]
    return None if "" in words else frozenset(words)


class _Words:
    r"""The runs of word characters (``\w+``) of a text, to try a pattern only where it can match.

    Example:
        >>> t = "He said, she says."
        >>> rx = re.compile(r"(?<!\w)(?:said|says)(?!\w)")
        >>> [m.group() for m in _Words(t).scan(rx, frozenset({"said", "says"}), 0, len(t))]
        ['said', 'says']
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts_of: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
        spaced = _spaced_words(text)
        #: ``text`` with a space for each non-word character (None: not built, see above)
        self.spaced = spaced
        if spaced is None:
            # ``split`` with a group alternates separators and words: [sep, word, sep, …, sep];
            # the running sum of the lengths gives every word's offset without a Python loop.
            parts = _WORD_SPLIT_RE.split(text)
            self.words = parts[1::2]
            self.gaps = parts[0::2]
            self.starts = list(accumulate(map(len, parts)))[0::2][: len(self.words)]
            return
        # The same without a regular expression (several times faster): the pieces of the
        # spaced text between single spaces are its words and empty strings (two spaces in a
        # row); piece ``k`` starts after the ``k`` pieces before it and ``k`` spaces.
        pieces = spaced.split(" ")
        offsets = map(add, accumulate(map(len, pieces), initial=0), count())
        self.starts = list(compress(offsets, pieces))
        self.words = list(filter(None, pieces))

    @cached_property
    def gaps(self) -> list[str]:
        """``gaps[i]``: the characters before ``words[i]`` (after ``words[i - 1]``), then the tail.

        Built on first use (the analysis reads the text around a word instead).
        """
        return _WORD_SPLIT_RE.split(self.text)[0::2]

    def starts_of(self, first: frozenset[str], lead: frozenset[str] = frozenset()) -> list[int]:
        """Offsets of the words in ``first``, and of the words in ``lead`` right before them."""
        out = self._starts_of.get((first, lead))
        if out is None and not lead:  # select the offsets at C speed (no Python-level loop)
            out = list(compress(self.starts, map(first.__contains__, self.words)))
            self._starts_of[(first, lead)] = out
        elif out is None:
            words = self.words
            found = list(compress(range(len(words)), map(first.__contains__, words)))
            before = [i - 1 for i in found if i and words[i - 1] in lead]
            if before:  # the words of ``lead`` right before, once each, in order
                found = sorted(set(found).union(before))
            out = list(map(self.starts.__getitem__, found))
            self._starts_of[(first, lead)] = out
        return out

    def starts_in(
        self, first: frozenset[str], lead: frozenset[str], start: int, end: int
    ) -> list[int]:
        """``starts_of(first, lead)`` from ``start`` to ``end``, reading only the words there.

        Example:
            >>> w = _Words("the envoy and the two leaders met")
            >>> w.starts_in(frozenset({"the", "both"}), frozenset(), 4, 34)
            [14]
        """
        if (first, lead) in self._starts_of:
            cands = self._starts_of[(first, lead)]
            return cands[bisect_left(cands, start) : bisect_left(cands, end)]
        starts, words = self.starts, self.words
        # the words from ``start`` to ``end``, and the next one (a word of ``lead`` before it
        # starts inside)
        i, j = bisect_left(starts, start), bisect_left(starts, end) + 1
        found = list(compress(range(i, j), map(first.__contains__, words[i:j])))
        before = [k - 1 for k in found if k and words[k - 1] in lead]
        if before:
            found = sorted(set(found).union(before))
        return [starts[k] for k in found if start <= starts[k] < end]

    def scan_ranges(
        self,
        pattern: re.Pattern[str],
        first: frozenset[str] | None,
        ranges: Sequence[tuple[int, int]],
        lead: frozenset[str] = frozenset(),
        need: frozenset[str] | None = None,
    ) -> list[list[re.Match[str]]]:
        """``[self.scan(pattern, first, start, end, lead) for start, end in ranges]``, faster.

        One loop over the candidate words of all ranges (a range whose end cuts a word, where
        :meth:`scan` also tries the cut word, goes through :meth:`scan`). ``need``, when given,
        is a set of words such that every match holds one of them (as a whole run of word
        characters): a range with none of them has no match and is skipped.
        """
        if first is None:
            return [self.scan(pattern, first, a, b, lead) for a, b in ranges]
        cands = self.starts_of(first, lead)
        needed = self.starts_of(need) if need is not None else cands
        text, n, n_needed = self.text, len(cands), len(needed)
        out: list[list[re.Match[str]]] = []
        for a, b in ranges:
            if b > a and _TWO_WORD_CHARS_RE.match(text, b - 1):
                out.append(self.scan(pattern, first, a, b, lead))  # a word is cut by ``b``
                continue
            i = bisect_left(cands, a)
            j = bisect_left(needed, a)
            found: list[re.Match[str]] = []
            if i < n and cands[i] < b and j < n_needed and needed[j] < b:
                pos = a  # the loop of :meth:`scan`, over the candidates inside the range
                while i < n and cands[i] < b:
                    s = cands[i]
                    i += 1
                    if s >= pos:
                        m = pattern.match(text, s, b)
                        if m is not None:
                            found.append(m)
                            pos = m.end()
            out.append(found)
        return out

    def scan_by_word(self, patterns: Mapping[str, re.Pattern[str]]) -> list[re.Match[str]]:
        r"""``scan(pattern, frozenset(patterns), 0, len(text))`` for a pattern cut by first word.

        ``patterns[w]`` holds the alternatives of ``pattern`` that start with the whole word
        ``w``, in the same order (:func:`_verb_patterns_by_word`): at each word of ``patterns``
        only its own alternatives are tried.

        Example:
            >>> by_word = {"said": re.compile(r"(said)\b"), "says": re.compile(r"(says)\b")}
            >>> [m.start() for m in _Words("He said, she says.").scan_by_word(by_word)]
            [3, 13]
        """
        text, starts, words = self.text, self.starts, self.words
        out: list[re.Match[str]] = []
        pos = 0
        for i in compress(range(len(words)), map(patterns.__contains__, words)):
            if starts[i] >= pos:
                m = patterns[words[i]].match(text, starts[i])
                if m is not None:
                    out.append(m)
                    pos = m.end()
        return out

    def scan(
        self,
        pattern: re.Pattern[str],
        first: frozenset[str] | None,
        start: int,
        end: int,
        lead: frozenset[str] = frozenset(),
    ) -> list[re.Match[str]]:
        """``list(pattern.finditer(text, start, end))``, trying the pattern only at some words.

        ``pattern`` must open with a look-behind that rules out a word character before the
        match, and each of its matches must start with a word of ``first`` (the run of word
        characters at the start of the match, cut at ``end``), or with a word of ``lead``
        followed by other characters and a word of ``first`` (``the`` before a name). With
        ``first`` None every offset is tried.
        """
        if first is None:
            return list(pattern.finditer(self.text, start, end))
        whole = start <= 0 and end >= len(self.text)  # (the candidates of the text will do)
        if lead or whole or (first, lead) in self._starts_of:
            cands = self.starts_of(first, lead)
            positions = cands[bisect_left(cands, start) : bisect_left(cands, end)]
        else:  # a one-off search (a headline): test only the words starting in the range
            i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
            words = self.words[i:j]
            positions = list(compress(self.starts[i:j], map(first.__contains__, words)))
        last = bisect_left(self.starts, end) - 1  # a word cut by ``end`` may be another word
        s = self.starts[last] if last >= 0 else -1
        if s >= start and s + len(self.words[last]) > end:
            if self.words[last] not in first and self.text[s:end] in first:
                before = self.starts[last - 1] if last else -1
                if before >= start and self.words[last - 1] in lead:
                    if not positions or positions[-1] < before:
                        positions.append(before)
                positions.append(s)
        out: list[re.Match[str]] = []
        pos = start
        for s in positions:
            if s >= pos:
                m = pattern.match(self.text, s, end)
                if m is not None:
                    out.append(m)
                    pos = m.end()
        return out


def _as_list(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: expected a string or a list of strings, got {value!r}")


#: Lower-case particles inside names ("Ana de la Torre", "Ahmed bin Khalid al-Sayer"); "al-"
#: and "el-" also open a word ("al-Sayer"). Folded.
NAME_PARTICLES = frozenset(
    "de da del della di do dos du la le van von der den ter bin ibn bint al el ben ap".split()
)


def surname_of(name: str, aliases: Sequence[str], given: str | None = None) -> str:
    """The part of an actor's name that the article may write on its own ("Macron").

    ``given`` (the actors file's ``surname`` key) wins when set; "" turns the bare surname off.
    Otherwise an alias that is a proper part of the name, written on its own, gives it: one
    word of the name that is not its last ("Qiao" of "Qiao Minren": surname first), or a run
    of its words opening with a lower-case particle ("de la Fuente" of "Maria Elena de la
    Fuente Obregón"), unless an alias without that part holds the last word ("Grieve" and
    "Anton" both aliases of "Anton Grieve": Grieve). Else it is the name's last word.

    Args:
        name: Full name.
        aliases: The actor's aliases, as configured.
        given: The ``surname`` key, or None when the file has none.

    Returns:
        The surname as written ("" for none).

    Example:
        >>> surname_of("Qiao Minren", ["Qiao", "Premier Qiao"]), surname_of("Ana Lee", [])
        ('Qiao', 'Lee')
        >>> surname_of("Maria Elena de la Fuente Obregón", ["de la Fuente"])
        'de la Fuente'
        >>> surname_of("Olaf Scholz", ["Scholz"], given="")
        ''
    """
    if given is not None:
        return given.strip()
    words = name.split()
    if not words:
        return ""
    folded = [fold(w) for w in words]
    alias_words = [fold(a).split() for a in aliases]
    for alias, parts in zip(aliases, alias_words, strict=True):
        if not parts or len(parts) >= len(words):
            continue
        found = ""
        if len(parts) == 1 and parts[0] in folded[:-1]:
            found = words[folded.index(parts[0])]  # "Qiao" of "Qiao Minren"
        elif len(parts) > 1 and parts[0] in NAME_PARTICLES and alias.strip()[:1].islower():
            for i in range(len(folded) - len(parts) + 1):
                if folded[i : i + len(parts)] == parts:
                    found = " ".join(words[i : i + len(parts)])  # "de la Fuente"
                    break
        if found and not any(
            folded[-1] in other and not set(parts) <= set(other) for other in alias_words
        ):
            return found
    return words[-1]


def derived_aliases(
    name: str, titles: Sequence[str], demonym: str, country: str, surname: str | None = None
) -> tuple[str, ...]:
    """Aliases built from the optional ``titles``, ``demonym`` and ``country`` keys.

    Args:
        name: Full name.
        titles: Titles such as ``President`` or ``Chancellor``.
        demonym: Adjective of the country (``French``).
        country: Country name (``France``).
        surname: The part of the name written after a title (:func:`surname_of`); None for
            the name's last word, "" for none ("Title Surname" aliases are then left out).

    Returns:
        ``Title Name``, ``Title Surname``, ``Demonym Title Name``, ``the Demonym title``,
        ``Country's Title``, ``the Demonym leader`` — whatever the given keys allow.

    Example:
        >>> derived_aliases("Olaf Scholz", ["Chancellor"], "German", "")
        ('Chancellor Olaf Scholz', 'Chancellor Scholz', 'German Chancellor Olaf Scholz', 'German Chancellor Scholz', 'the German Chancellor', 'the German leader')
    """  # noqa: E501
    if surname is None:
        surname = name.split()[-1] if name.split() else name
    out: list[str] = []
    for title in titles:
        out += [f"{title} {name}"] + ([f"{title} {surname}"] if surname else [])
        if demonym:
            out.append(f"{demonym} {title} {name}")
            out += [f"{demonym} {title} {surname}"] if surname else []
            out.append(f"the {demonym} {title}")
        if country:
            out.append(f"{country}'s {title}")
    if demonym and titles:
        out.append(f"the {demonym} leader")
    return tuple(out)


def actors_from_mapping(data: Any, source: str = "<actors>") -> Actors:
    """Build :class:`Actors` from the parsed YAML of an actors file.

    Args:
        data: The parsed file: ``{"actors": {id: {"name": …, "aliases": […], …}}}``.
        source: Name of the file, used in error messages.

    Returns:
        The actors.

    Raises:
        ValueError: The data is not a valid actors file; the message names the file and entry.

    Example:
        >>> acts = actors_from_mapping({"actors": {"lee": {"name": "Ana Lee", "gender": "female"}}})
        >>> acts.get("lee").pronouns
        ('she', 'her', 'hers', 'herself')
    """
    if not isinstance(data, dict) or not isinstance(data.get("actors"), dict) or not data["actors"]:
        raise ValueError(f"{source}: expected a mapping 'actors:' of actor id -> entry")
    out = []
    # a title only one actor holds also names them as a description ("the prime minister")
    holders: dict[str, int] = {}
    for actor_id, entry in data["actors"].items():
        if isinstance(entry, dict):
            titles = _as_list(entry.get("titles"), f"{source}: actor {actor_id!r} titles")
            for t in {fold(t).strip() for t in titles}:
                holders[t] = holders.get(t, 0) + 1
    for actor_id, entry in data["actors"].items():
        where = f"{source}: actor {actor_id!r}"
        if not isinstance(actor_id, str) or not re.fullmatch(r"[a-z0-9_\-]+", actor_id):
            raise ValueError(f"{where}: ids must be lower-case letters, digits, '_' or '-'")
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError(f"{where}: needs a 'name' string")
        if not entry["name"].strip():
            raise ValueError(f"{where}: 'name' is empty (the actor would never be found)")
        gender = str(entry.get("gender") or "").lower()
        if gender not in ("", "male", "female", "other", "unknown"):
            raise ValueError(f"{where}: gender must be male, female, other or unknown")
        pronouns = tuple(p.lower() for p in _as_list(entry.get("pronouns"), where + " pronouns"))
        if not pronouns:
            pronouns = {"male": _PRONOUNS_MALE, "female": _PRONOUNS_FEMALE}.get(gender, ())
        known = {"name", "aliases", "organizations", "pronouns", "gender", "country"}
        known |= {"titles", "surname"}
        given = entry.get("surname")
        if given is not None and not isinstance(given, str):
            raise ValueError(
                f"{where}: 'surname' must be a string (\"\" matches no part of the name on "
                f"its own), got {given!r}"
            )
        aliases = _as_list(entry.get("aliases"), where + " aliases")
        surname = surname_of(entry["name"], aliases, given)
        out.append(
            Actor(
                id=actor_id,
                name=entry["name"],
                aliases=aliases
                + derived_aliases(
                    entry["name"],
                    _as_list(entry.get("titles"), where + " titles"),
                    str(entry.get("demonym") or ""),
                    str(entry.get("country") or ""),
                    surname,
                )
                + tuple(
                    f"the {fold(t).strip()}"
                    for t in _as_list(entry.get("titles"), where + " titles")
                    if holders.get(fold(t).strip()) == 1
                ),
                organizations=_as_list(entry.get("organizations"), where + " organizations"),
                pronouns=pronouns,
                country=str(entry.get("country") or ""),
                extra={k: v for k, v in entry.items() if k not in known} | {"gender": gender},
                surname=surname,
            )
        )
    return Actors(tuple(out), source)


def load_actors(path: str | Path | None = None) -> Actors:
    """Load an actors file (YAML); the default is the packaged ``resources/actors.yml``.

    Args:
        path: The actors file, or None for the default.

    Returns:
        The actors, with their matcher compiled.

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: The file is not valid YAML or not a valid actors file (message names it).

    Example:
        >>> load_actors().ids
        ['macron', 'putin']
    """
    data, p = read_actors_file(path)
    return actors_from_mapping(data, str(p))


def read_actors_file(path: str | Path | None = None) -> tuple[Any, Path]:
    """The parsed YAML of an actors file and its path (default: ``resources/actors.yml``).

    Args:
        path: The actors file, or None for the packaged one.

    Returns:
        ``(data, path)``: the YAML as read (not yet checked) and the file's path.

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: The file is not valid YAML (the message names it).

    Example:
        >>> sorted(read_actors_file()[0]["actors"])
        ['macron', 'putin']
    """
    p = Path(path) if path is not None else paths.resource("actors.yml")
    if not p.is_file():
        raise FileNotFoundError(f"actors file not found: {p}")
    try:
        # composed (NFC) as the corpus text is (corpus.compose_nfc): names typed with
        # decomposed accents still match
        text = unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))
        return config.load_yaml_text(text, str(p)), p
    except yaml.YAMLError as exc:
        raise ValueError(f"{p}: not valid YAML: {exc}") from exc


# ---------------------------------------------------------------------------------------------
# Lexicon
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs and the words the attribution rules use (from ``resources/``).

    Attributes:
        verbs: Folded verb form → (lemma, frame).
        offices: Nouns that make a possessive speak for an actor ("office").
        documents: Document nouns ("statement", "readout").
        roles: Person roles ("spokesman", "analyst").
        female: Words marking a female speaker. male: Words marking a male speaker.
        adverbials: Words skipped between subject and verb.
        adverbial_phrases: Regexes of phrases skipped there ("on Monday").
        plural_heads: Heads of plural references to a group of actors ("leaders").
        independent: Roles that speak about an actor, not for it ("critic", "ally"), with
            their plurals.
        institutions: Roles that are institutions ("ministry"), with their plurals: no "he"
            or "she" refers to them.
        outlets: Roles that name an outlet ("daily", "newspaper"): before a name the whole
            phrase is the outlet.
        body_names: Last words of names of bodies ("Federation", "Trust"): no "he" or "she"
            refers to a speaker named so.
        independent_documents: Documents usually written by a third party ("report",
            "dossier", "cable"): with no issuer named, they speak for themselves instead of
            taking the last source's.
        headline_verbs: Present forms of verbs listed as past-only ("vows", "pledges"), read
            as reporting verbs in headlines and standfirsts, which report in the present.
        company_suffixes: Last words of company names ("Components", "Foods", "Bank").
        company_words: Nouns that refer back to a company ("company", "firm", "bank") →
            the suffixes a name needs for it (all of ``company_suffixes``, or the bank's or
            airline's own).
    """

    verbs: Mapping[str, tuple[str, str]]
    offices: tuple[str, ...]
    documents: tuple[str, ...]
    roles: tuple[str, ...]
    female: frozenset[str]
    male: frozenset[str]
    adverbials: frozenset[str]
    adverbial_phrases: tuple[str, ...]
    plural_heads: tuple[str, ...] = ()
    headline_verbs: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    independent: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    outlets: frozenset[str] = frozenset()
    company_suffixes: frozenset[str] = frozenset()
    company_words: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def gerund_lemma(self, gerund: str) -> str:
        """The reporting verb's lemma a gerund is a form of ("denying" → "deny"), or "".

        Example:
            >>> load_lexicon().gerund_lemma("denying"), load_lexicon().gerund_lemma("eating")
            ('deny', '')
        """
        lemmas = self._lemmas
        return next((s for s in _gerund_stems(gerund) if s in lemmas), "")

    @cached_property
    def _lemmas(self) -> frozenset[str]:
        return frozenset(v[0] for v in self.verbs.values())

    independent_documents: frozenset[str] = frozenset()
    body_names: frozenset[str] = frozenset()


def _inflect(lemma: str, irregular: Sequence[str], past_only: bool) -> set[str]:
    first, _, rest = lemma.partition(" ")
    rest = " " + rest if rest else ""
    if first.endswith("e"):
        past = first + "d"
    elif re.search(r"[^aeiou]y$", first):
        past = first[:-1] + "ied"
    else:
        past = first + "ed"
    if re.search(r"(s|x|z|ch|sh|[^aeiou]o)$", first):
        third = first + "es"
    elif re.search(r"[^aeiou]y$", first):
        third = first[:-1] + "ies"
    else:
        third = first + "s"
    pasts = list(irregular) or [past]
    forms = set(pasts) if past_only else {first, third, *pasts}
    return {f + rest for f in forms}


def parse_verb_lexicon(text: str, source: str = "<reporting verbs>") -> dict[str, tuple[str, str]]:
    r"""Parse the reporting-verb file format into folded form → (lemma, frame).

    Args:
        text: Lines ``lemma[/past[/participle]] ; frame [; past]``; ``#`` starts a comment.
        source: File name for error messages.

    Returns:
        Every inflected form with its lemma and frame.

    Raises:
        ValueError: A line is malformed (message names the file and line).

    Example:
        >>> sorted(parse_verb_lexicon("call on ; obj_to\ntell/told ; obj"))[:3]
        ['call on', 'called on', 'calls on']
    """
    frames = {"that", "obj", "obj_to", "np", "name", "acc"}
    out: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cells = [c.strip() for c in line.split(";")]
        if len(cells) not in (2, 3) or cells[1] not in frames or cells[2:] not in ([], ["past"]):
            raise ValueError(f"{source}:{n}: expected 'lemma[/past] ; frame [; past]': {line!r}")
        lemma, *irregular = [fold(x.strip()) for x in cells[0].split("/")]
        if cells[1] == "acc":
            out[lemma] = (lemma, "acc")
            continue
        for form in _inflect(lemma, irregular, cells[2:] == ["past"]):
            out.setdefault(form, (lemma, cells[1]))
    return out


#: Periphrases that report speech through a helper verb, read as the verb "say": the subject
#: stands before the helper ("He was quoted as saying that …", "She went on to say that …"),
#: so the whole phrase is the verb (a bare "saying" or "to say" is never a reporting verb).
_SAY_PERIPHRASES = (
    "was quoted as saying",
    "were quoted as saying",
    "is quoted as saying",
    "are quoted as saying",
    "has been quoted as saying",
    "have been quoted as saying",
    "had been quoted as saying",
    "went on to say",
    "goes on to say",
    "go on to say",
)
#: An outlet "ran the headline "…"": the quotation is its words.
_HEADLINE_FORMS = (
    "ran the headline",
    "runs the headline",
    "carried the headline",
    "carries the headline",
    "printed the headline",
)
#: A habit or a hedge before a reporting verb's infinitive ("X likes to say that …", "as she
#: tends to argue", "X is understood to have told Y that …", "X was said to have warned"): the
#: phrase reports as the verb would. (Folded text, ending right before the verb.)
_HABIT_TO_RE = re.compile(
    r"(?<![\w'\-])(?:(?:likes?|liked|loves?|loved|tends?|tended|used|prefers?|preferred)\s+to"
    r"|(?:is|are|was|were)\s+(?:understood|believed|said|reported|thought|known|alleged"
    r"|rumou?red|claimed)\s+to\s+have"
    # "used his closing statement to accuse", "took the opportunity to warn": an occasion
    r"|(?:use[sd]?|using|took|takes|take|taking)\s+(?:his|her|their|its|the|a|an)\s+"
    r"(?:[\w\-'\u2019]+\s+){0,3}?(?:speech|address|statement|remarks|briefing|interview"
    r"|appearance|occasion|opportunity|platform|meeting|conference|visit|post|debate|session"
    r"|summit|rally|sermon|letter|column|op-ed|article|podcast|broadcast|stage|podium|moment"
    r"|chance|floor|hearing|testimony|toast|eulogy|message|video|tribute)s?\s+to)\s+$"
)
#: Lemmas whose ``to``-infinitive (or ``on`` + noun phrase) names an action or a position
#: consented to, not words: "agreed to reopen talks", "agree on almost everything" are
#: narration, "agreed that talks would reopen" is speech. (A spoken commitment —
#: "vowed to", "pledged to", "promised to", "threatened to" — stays a statement.)
_ACTION_TO_LEMMAS = frozenset({"agree"})
#: After "agreed on", a "that" clause before any comma or "to" ("agreed on the sidelines of
#: the summit that …").
_ON_THAT_RE = re.compile(r"[^,;:]*?(?<![\w'\-])that(?![\w'\-])(?![^,;:]*?\sto\s)")
_ACTION_PREP_RE = re.compile(r"\s+(?:to|on|upon)(?![\w'\-])")
#: "put it" reports the words after a colon or comma, and only when a quotation follows them
#: ("X put it bluntly at a rally: "…"", "As X put it in an interview, "…""), or, after "as",
#: the words around it ('"…," as X put it.'); not "put it to a vote". Read as a verb of frame
#: ``that`` whose content starts after that colon or comma.
_PUT_IT_FORMS = ("put it", "puts it")
_PUT_IT_CONTENT_RE = re.compile(r"[^,:;\"\u201c\u2018.!?]{0,80}[,:]\s*(?=[\"\u201c\u2018'])")
#: A prefix naming whom the sentence reports, read as an "according to" frame at the start of
#: a unit: "In Fenn's words, the bridge is …" (the speaker), "In comments carried by the state
#: news agency X, Y said …" (an outlet relaying the words: the source). (Folded text.)
_IN_PREFIX_RE = re.compile(
    r"in\s+(?:(?:([^,;:\"]{1,60}?)'s?|(his|her|their))\s+(?:own\s+)?words"
    r"|(?:comments|remarks|an?\s+interview|an?\s+statement|an?\s+article)\s+"
    r"(?:carried|published|broadcast|aired|reported|quoted)\s+by\s+([^,;:\"]{1,80}?))\s*,\s*"
)
#: "describe <object> as …" after the verb (folded text).
_DESCRIBE_AS_RE = re.compile(r"\s+(?!by\s)(?:[\w'\-]+\s+){0,4}?as\s+\w")
#: A relative or interrogative word before a verb ("what he described as", "whom critics
#: describe as"). (Folded text.)
_RELATIVE_WORD_RE = re.compile(r"(?<![\w'\-])(?:what|whom|which|who)(?![\w'\-])")
#: "and"/"or" opening a phrase ("…, 45, and his wife").
_COORDINATOR_START_RE = re.compile(r"(?:and|or|but)\s", re.IGNORECASE)
#: Punctuation that ends a phrase.
_CLAUSE_PUNCT_RE = re.compile(r"[,;:.!?\"\u201c\u201d]")
#: A relative word inside a phrase (" whose", " who", " which").
_RELATIVE_IN_RE = re.compile(r"\s(?:who|whose|whom|which)(?=[\s,])")
#: Marks that separate a verb from the word before it (a quotation's end, a comma).
_SEPARATING_MARKS = frozenset({",", '"', "'", ")", ":", ";"})
#: A possessor ("the woman's"): its words say nothing of the person named after it. (Folded.)
_POSSESSOR_RE = re.compile(r"[\w\-]+'s\b")
#: A relative clause and all after it, in a person's description: its words describe others
_RELATIVE_TAIL_RE = re.compile(
    r"\s(?:whose|whom|which|that|who(?!\s+(?:is|was|became|has\s+become|had\s+become)\s+"
    r"(?:(?:himself|herself)\s+)?(?:a|an|the)\s))\s.*",
    re.S,
)
#: "he"/"she" opening a reported clause (group 1). (Folded text.)
_SELF_PRONOUN_RE = re.compile(r"\s*(?:that\s+)?(he|she)\s")
#: A coordinator right before a verb, with only "then"/"also"/"later" after it: "… and
#: called for", ", then replied". (Folded text, from a few characters before the boundary.)
_COORD_VERB_RE = re.compile(
    r".*?((?:\b(?:and|but)\s*(?:(?:then|also|later|finally)\s+)?|,\s*(?:and\s+)?then\s+))"
)
#: A semicolon, dash or restrictive relative word (no comma before it) in the clause before a
#: coordinated verb. (Folded text.)
_CLAUSE_IN_FIRST_RE = re.compile(r"[;\u2014]|(?<!,)\s(?:who|which|that|whom)(?![\w'\-])")
#: What "dismissed" takes when it is an act: a legal object, people, or "as part of".
#: A text up to its last preposition (group 0 ends there). (Folded text.)
_LAST_PREP_RE = re.compile(r".*\s(?:by|from|with|to|against|for|at|of|on|in)\s+", re.S)
#: "by" and an agent right after a verb: a passive participle ("accused by Port Aldine",
#: "criticised by the opposition"). (Plain text.)
_BY_AGENT_RE = name_re(r"\s+by\s+(?![a-z]+ing\b)(?:(?:the|an?)\s+|[A-Za-z])")
#: A finite verb right after a reporting verb (no comma): the reporting verb closes a relative
#: clause of the subject ("the offers Sallas had described were …", "the plan Fenn announced
#: is dead"), and reports nothing. (Folded text.)
_RELATIVE_GAP_RE = re.compile(
    r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|remains?|remained|would\s+be"
    r"|will\s+be)(?![\w'\-])"
)
#: "by" and a time or a channel, which is no agent ("by the end of May", "by Friday"). (Folded.)
_BY_TIME_RE = re.compile(
    r"\s+by\s+(?:the\s+)?(?:end|time|close|middle|start|beginning|weekend|deadline|morning|"
    r"evening|afternoon|night|summer|winter|spring|autumn|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|next|then|now|phone|telephone|video|letter|email|e-mail|text|radio|satellite|way|one)"
    r"(?![\w'\-])|\s+by\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){0,2}?(?:post|message|letter|statement"
    r"|video|broadcast|e-?mail|text|phone|telephone|videolink|link)(?![\w'\-])"
)
#: Verbs of replying, which may report an act instead ("answered by expelling …")
_REPLY_LEMMAS = frozenset({"answer", "respond", "reply", "retort", "hit back", "react"})
#: A noun, "that" or "which", then a short subject (and "had"/"has") ending before a verb:
#: the verb's object is the noun ("a ceasefire that both governments had announced").
#: (Folded text, searched up to the verb.)
_RELATIVE_SUBJECT_BEFORE_RE = re.compile(
    r"[a-z\-]+,?\s+(?:that|which)\s+(?!(?:is|was|were|are|has|had|have|will|would)\s)"
    r"(?:[\w\-'\u2019]+\s+){1,6}?(?:(?:had|has|have|would|will|did)\s+)?(?:not\s+)?$"
)
#: The complement of an object-taking verb whose object is a relative pronoun: "(which Vedmark
#: blamed) for the floods", "(which she criticised) as too slow"; no quotation (folded text).
_GAP_COMPLEMENT_RE = re.compile(
    r"\s*(?:for|on|as|over)\s+[^,;:\"\u201c\u201d]{1,80}?(?=\s*(?:[,.;!?]|$))"
)
#: A noun and a determiner-led subject right before a verb: a relative clause with no "that"
#: ("payments the airline promised"); group 1 the noun (folded text).
_ZERO_RELATIVE_BEFORE_RE = re.compile(
    r"(?<![\w'\-])([a-z\-]{3,}s)\s+(?:the|his|her|its|their)\s+(?:[\w\-'\u2019]+\s+){1,3}?"
    r"(?:(?:had|has|have|would|will|did)\s+)?$"
)
#: A short phrase of time after a verb ("in May", "last spring", "on 4 June", "a month ago",
#: "in the first week"). (Folded.)
_SHORT_TIME_PHRASE_RE = re.compile(
    r"\s+(?:(?:in|during|over)\s+(?:the|that|this)\s+(?:[\w\-]+\s+)?(?:days?|weeks?|months?"
    r"|years?|spring|summer|autumn|winter|morning|evening|night|hours?)"
    r"|(?:in|on|at|during|last|this|earlier|later)\s+[\w\-]+(?:\s+\d{1,4})?"
    r"|(?:a|an|one|two|three|four|five|six|\d{1,3}|several|a\s+few)\s+[\w\-]+\s+ago)(?![\w\-])"
)
#: Adverbs of the lexicon that also begin names ("Last Tide", "Long Meadow Trust"): kept
#: before a capitalized word at the start of a subject.
_NAME_WORD_ADVERBS = frozenset({"last", "long", "still", "late", "early", "first", "even"})
#: A subordinate clause after an inverted subject ('"…," said Tor Lund as he left'): its
#: subordinator and the next word. (Folded text.)
_TRAILING_CLAUSE_CUT_RE = re.compile(
    r"\s+(?:as|while|when|before|after|because|since|though|although|until)\s+"
    r"(?=(?:he|she|they|it|we|i|you|the|a|an|his|her|their)\s)"
)
#: A capitalized plural noun opening a clause and a phrase of place up to its verb
#: ("Fishermen in the delta ", "Fans in the north stand "); group 1 the phrase. (Plain text.)
_PLURAL_WITH_PLACE_RE = re.compile(
    r"\s*([A-Z][a-z]{2,}(?:s|men)\s+(?:in|at|from|on|near|outside|across|along)\s+"
    r"(?:the\s+)?[\w\-'\u2019]+(?:\s+[\w\-'\u2019]+){0,4}?)\s*"
)
#: Verbs of writing whose object may be the document itself ("wrote a post").
_WRITE_LEMMAS = frozenset({"write", "post", "publish", "pen", "send"})
#: A determiner and up to three words after a verb: a possible document object; group 1 the
#: words. (Folded text.)
_DOC_OBJECT_RE = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|another|one|two|three)\s+((?:[\w\-]+\s+){0,2}[\w\-]+)"
)
#: ", a remark (that)" right before a subject: the clause comments on the words before it.
#: (Folded text, searched up to the subject.)
_COMMENT_NOUN_BEFORE_RE = re.compile(
    r",[\"'\u201d\u2019]?\s+(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:remark|comment|phrase|claim|charge|"
    r"accusation|description|word|term|line|characteri[sz]ation|assertion|allegation)"
    r"(?:\s+(?:that|which))?\s+$"
)
#: A participle and "by" its agent in an apposition of a document ("organised by the Harbour
#: Swimmers' Club"); group 1 the agent. (Plain text.)
_ISSUED_BY_AGENT_RE = re.compile(
    r"\s*(?:issued|released|published|sent|posted|circulated|written|signed|drafted|authored|"
    r"organi[sz]ed|launched|started|filed|tabled|submitted|put\s+out)"
    r"(?:\s+(?:on|in|at|last|this|earlier|late|early)\s+[\w\-]+){0,2}\s+by\s+"
    r"((?:the\s+)?[A-Z][^,;:]{1,80}?)\s*$"
)
#: Where an "issued by"-like participle starts (folded text): see ``_ISSUED_BY_AGENT_RE``.
_ISSUED_BY_START_RE = re.compile(
    r"\s(?:issued|released|published|sent|posted|circulated|written|signed|drafted|authored"
    r"|organi[sz]ed|launched|started|filed|tabled|submitted|put\s+out)"
    r"(?:\s+(?:on|in|at|last|this|earlier|late|early)\s+[\w\-]+){0,2}\s+by\s"
)
#: A fronted phrase naming the document a report comes in: "In a statement issued on
#: Wednesday," (folded text, at the unit's start).
_FRONTED_DOC_RE = re.compile(r"\s*(?:in|through)\s+(?:a|an|its|his|her|their)\s+[^,;:\"]{2,80},")
#: A subject that is part of a group by a pronoun ("one of them", "two of those present",
#: "another of us") right before the verb, or after a semicolon one more of a group just
#: counted ("Two aides said …; a third insisted …"); group 1 the phrase. (Folded text.)
_PARTITIVE_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[\s,\"'\u201d\u2019(;]))((?:one|two|three|four|some|several|many|most|each|"
    r"neither|none|another|a\s+few)\s+of\s+(?:them|us|those(?:\s+present|\s+there)?)"
    r"|(?<=;\s)(?:another|a\s+(?:second|third|fourth|fifth)|the\s+other|others)"
    # ('"…?" one viewer wrote. A third asked: …': the next of a group, opening a sentence)
    r"|(?:(?<=[.!?]\s)|(?<=[.!?][\"'\u201d\u2019]\s))a\s+(?:second|third|fourth|fifth))"
    r"\s*,?\s*$"
)
#: An inverted subject "one of the <plural noun>" (and a short place phrase) right after a
#: quotation: '"…," one of the most-liked comments under the clip said' (group 1; folded).
_PARTITIVE_AFTER_QUOTE_RE = re.compile(
    r"(?<=[,?!][\"\u201d\u2019]\s)((?:one|two|some|several|many|most|each|another)\s+of\s+"
    r"(?:the|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?[a-z\-]+s"
    r"(?:\s+(?:under|on|below|beneath|in|at|outside|from)\s+(?:the|his|her|their|its|a)\s+"
    r"[\w\-]+)?)\s*,?\s*$"
)
#: What may follow a reply verb that reports no words: phrases of time, place, channel or
#: manner up to the end of the sentence ("responded within the hour.", "answered on Sunday in
#: an interview with KTV."). Group 1: the words after the verb. (Folded text.)
_REPLY_NOTHING_AFTER_RE = re.compile(
    r"((?:\s+(?:within|in|on|at|with|to|by|during|after|before|from|over|through|via|later|"
    r"quickly|swiftly|promptly|immediately|angrily|publicly|the\s+same)(?![\w'\-])"
    r"[^,;:\"'\u201c\u2018.!?]*)*"
    # (and a past participle's phrase: "answered with a livestream, filmed at her desk.")
    r"(?:,\s+(?:[a-z]+ed|held|shot|given|made|taken|sent|shown|broadcast)\s"
    r"[^,;:\"'\u201c\u2018.!?]*)?)\s*[.!?]?\s*$"
)
#: "answered (within hours) by expelling …", "responded with sanctions", "answered with
#: photographs": an act, no words (not "by saying", "with a statement", "with a shrug: "…"").
#: (Folded text.)
_REPLIED_BY_ACT_RE = re.compile(
    r"(?:\s+(?!by\b|with\b)[\w\-]+){0,4}?\s+(?:by\s+(?!(?:saying|telling|writing|posting|"
    r"insisting|warning|accusing|calling|arguing|noting|stating|declaring|announcing|issuing|"
    r"publishing|pointing|asking|repeating|quoting)\b)([\w\-]+ing)\b|with\s+(?:(?:its|their|his|her|"
    r"an?|the)\s+)?(?:own\s+)?(?:sanctions|expulsions?|strikes?|tariffs|force|fire|missiles?|"
    r"troops|arrests?|raids?|a\s+ban|bans|photographs?|photos?|pictures?|images?|videos?|"
    r"memes?|emojis?|silence|a\s+shrug|a\s+smile|laughter|applause|a\s+wave)\b(?!\s*:))"
)
#: "answered in kind two hours later, summoning …": a reply whose only content is a participle
#: clause after a comma (group 1: the gerund; an act unless a verb of the lexicon). (Folded.)
_REPLIED_THEN_PARTICIPLE_RE = re.compile(
    r"(?:\s+(?!(?:that|by|with)\b)[\w\-]+){0,6}?\s*,\s+([a-z\-]+ing)(?![\w'\-])"
)
#: A passive participle with its agent opening a parenthesis: "accused by doctors of …",
#: "long criticised by rights groups" (plain text)
_PASSIVE_PARENTHESIS_RE = re.compile(r"(?:[a-z]+ly\s+|long\s+|often\s+)?[a-z]+(?:ed|en|wn)\s+by\s")
#: "'s (press) office" after a mention, to the end of an apposition (folded text)
_POSSESSIVE_OFFICE_RE = re.compile(r"'s\s+(?:[\w\-]+\s+)?[\w\-]+")
#: After a quotation: a capitalized name of one to three words, then a lower-case verb (group
#: 1), then the sentence's end: '"Good," Kolvo replies.' (plain text)
_QUOTE_NAME_VERB_RE = name_re(
    r"\s+(?:[A-Z][\w'\u2019\-]*\s+){1,3}([a-z]+)(?=\s*[.,;:!?]|\s+(?:on|in|at|to)\s)"
)
#: After a quotation: "the" or "its"/"his"/"her"/"their", at most a word and a document noun,
#: then "reads" (group 1), then the sentence's end: '"…," the letter reads.' (plain text)
_QUOTE_DOC_READS_RE = re.compile(
    r",?[\"\u201d']?\s+(?:the|its|his|her|their)\s+(?:[a-z\-]+\s+)?"
    r"(?:letter|statement|note|message|post|communiqu[eé]|sign|banner|placard|plaque|inscription"
    r"|card|text|draft|memo|motion|resolution|declaration|passage|line|caption)"
    r"\s+(reads)(?=\s*[.,;:!?])"
)
#: "the 61-year-old (premier)": an age standing for a person named with it (group 1 the age;
#: folded text)
_AGED_RE = re.compile(r"the\s+(\d{1,3})-year-old(?:\s+[a-z\-]+){0,2}")
#: "the 29-year-old (midfielder)" ending a subject, before its verb (folded text)
_AGED_TAIL_RE = re.compile(r"(?<![\w\-])the\s+\d{1,3}-year-old(?:\s+[a-z\-]+){0,2}\s*,?\s*$")
#: "in her view", "in his opinion" (group 1 the pronoun; folded text)
_IN_HER_VIEW_RE = re.compile(r"\bin\s+(his|her|their)\s+(?:view|opinion)\b,?")
#: "… by asking/urging/telling/saying/warning …": a report made by way of the main clause's
#: act ("opened the session by asking the delegations to "…""; folded text)
_BY_GERUND_REPORT_RE = re.compile(
    r"\s+by\s+(asking|urging|telling|saying|warning|insisting|declaring|promising|reminding"
    r"|accusing)\b"
)
#: "can be heard saying/telling/calling …": a recording's words (group 1 the gerund; folded)
_HEARD_GERUNDS = (
    r"(saying|telling|calling|suggesting|describing|asking|warning|urging|instructing|ordering"
    r"|complaining|joking|insisting|promising|threatening|admitting|claiming|arguing|boasting"
    r"|referring|agreeing|demanding|accusing|mocking|shouting)\b"
)
#: Infinitives after "was heard to": "was heard to say "…"" (each with its gerund).
_HEARD_INFINITIVES = {
    w: (w[:-1] if w.endswith("e") else w) + "ing"
    for w in "say tell call ask warn urge describe suggest shout insist promise complain "
    "joke demand".split()
}
_HEARD_SAYING_RE = re.compile(
    r"\b(?:can|could|is|was|were)\s+(?:also\s+|clearly\s+|then\s+)?(?:be\s+|been\s+)?heard\s+"
    r"(?:to\s+(" + "|".join(_HEARD_INFINITIVES) + r")\b|" + _HEARD_GERUNDS + ")"
)
#: "to" before an infinitive (folded text)
_TO_RE = re.compile(r"\s+to\s")
#: Heads of plural references that name the actors' bodies, the source of their words
_PLURAL_BODIES = frozenset({"offices", "presidencies", "ministries", "chancelleries", "spokesmen"})
#: A headline's "Kolvo heard calling Norwend's leader …" (no auxiliary; folded text)
_HEARD_BARE_RE = re.compile(r"(?<=\s)heard\s+" + _HEARD_GERUNDS)
#: "'s" and a role after a possessor: "The president's spokeswoman" (group 1 the role's last
#: word; plain text)
_POSSESSED_ROLE_RE = re.compile(r"['\u2019]s\s+(?:[\w\-]+\s+){0,2}?([\w\-]+)(?=[\s,])")
#: The first, second and third word after a possessive pronoun ("His | transport | minister";
#: group 1: that word, with no comma before it; plain text).
_PRONOUN_ROLE_RES = tuple(
    re.compile(r"\s+(?:[\w\-]+\s+){" + str(k) + r"}([\w\-]+)(?=[\s,])") for k in range(3)
)
#: Gerunds of no reporting verb that still answer in words after "replied by"
_SPEECH_GERUNDS = frozenset({"questioning", "refusing", "declining", "apologising", "apologizing"})
#: Gerunds of the verb lexicon that report an act after "replied by" ("recalling its envoy")
_ACT_GERUNDS = frozenset({"recalling", "expelling", "closing", "suspending", "withdrawing"})
#: "dismissed (the) suggestions/claims/fears that …": a reply to others' words. (Folded.)
_DISMISSED_CLAIMS_RE = re.compile(
    r"\s+(?:(?:the|these|those|such|any|all)\s+)?(?:(?!over\b|after\b|amid\b|following\b|for\b|"
    r"on\b|because\b|despite\b|in\b|with\b)[a-z\-]+\s+)?(?:suggestions?|claims?|reports?"
    r"|accusations?|allegations?|speculation|rumou?rs?|fears?|concerns?|criticism|talk|warnings?"
    r"|assertions?|predictions?)\s+(?:that|of)\s(?![\w\-]+(?:\s+[\w\-]+)?\s+against\b)"
)
_DISMISSED_ACT_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|all|three|two|several)\s+)?(?:[\w\-]+\s+)?(?:case|cases"
    r"|lawsuit|suit|appeal|charges?|complaint|petition|motion|claim\s+for|generals?|ministers?"
    r"|officials?|staff|officers?|employees?|workers?)(?![\w'\-])|.*?\bas\s+part\s+of\b"
)
#: A study-like document and its author: "a poll by the Orsolo Institute" (group 1: the
#: document, group 2: the author). (Folded text.)
_DOC_BY_AUTHOR_RE = re.compile(
    r"((?:a|an|the|one)\s+(?:[\w\-]+\s+){0,2}?(?:poll|survey|study|report|analysis|review|audit"
    r"|assessment|inquiry|investigation|census)"
    # "data from the energy exchange", "official figures from the statistics office"
    r"|(?:(?:the|new|official|latest|preliminary|provisional)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:data|figures|statistics|estimates|projections|forecasts?|calculations|records))"
    r"\s+(?:by|from|(?:compiled|published|released|collected|gathered|commissioned|conducted"
    r"|carried\s+out)\s+by)\s+"
    r"((?:the\s+)?[a-z].{1,60})"
)
#: A statement-like document with the body that issued it: "a statement issued by the ministry",
#: "a letter from the union", "a memo by the chief of staff" (group 1: the document; group 2: the
#: author). (Folded text.)
_DOC_ISSUED_BY_RE = re.compile(
    r"((?:a|an|the|one|its|their)\s+(?:[\w\-]+\s+){0,2}?(?:statement|readout|communique"
    r"|memo|memorandum|letter|release|notice|filing|post|message|transcript|note))"
    r"\s+(?:(?:(?:issued|released|published|put\s+out|sent|posted|circulated|distributed"
    r"|written|signed|drafted|authored)\s+)?by(?!\s+(?:hand|post|mail|email|fax|phone)(?![\w\-]))"
    r"|from(?!\s+(?:the\s+|a\s+|an\s+)?(?:call|meeting|talks|summit|session|conference"
    r"|visit|desk|office\s+of|trip|hearing)(?![\w\-])))"
    r"\s+((?:the\s+)?[a-z0-9].{1,60}?)"
    # (what follows the author is no part of it: "sent by the union to members")
    r"(?:\s+(?:to|on|in|at|after|before|during|following|late|early|last|through|via)\s.*)?"
)
#: ``_DOC_ISSUED_BY_RE`` ending a subject region (folded text).
_DOC_ISSUED_BY_END_RE = re.compile(r"(?<![\w'\-])" + _DOC_ISSUED_BY_RE.pattern + "$")
#: A short prepositional phrase, then "that" or a colon ("in court that", "on Kessel Radio:").
_PHRASE_THEN_THAT_RE = re.compile(
    r"\s+(?:in|on|at|to|during|after|before|later|earlier)\s[^,;:.!?\"]{0,40}?(?:\sthat(?![\w'\-])|:)"
)
#: "that" right after a verb (folded text).
_THAT_AFTER_RE = re.compile(r"\s+that(?![\w'\-])")
#: "that" after an addressee, maybe across its apposition: ", Saskia Ilmar, that". (Folded.)
_APPOSITION_THAT_RE = re.compile(r"(?:\s*,[^,;:\"]{1,40},)?\s*that(?![\w'\-])")
#: Bodies that may be named after a person without speaking for them ("the Brannick
#: Foundation", "the Vasko Institute").
_NAMED_FOR_BODIES = frozenset({"foundation", "institute", "foundations", "institutes"})
#: Spaces and capitalized words only (between a name and the body named after it).
_CAPITALIZED_RUN_RE = name_re(r"(?:\s+[A-Z][\w'\-]*)*\s+")
#: Words that are all capitalized, after an optional "The"/"the" ("The Lund Post").
_TITLE_WORDS_RE = name_re(r"(?:[Tt]he\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)+")
#: Reflexive pronouns: never an addressee ("congratulated himself").
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves"})
#: ``np`` verbs whose object is the person addressed ("thanked Dunholt", "congratulated X").
_ADDRESSING_NP_LEMMAS = frozenset({"thank", "congratulate"})
#: Lemmas that report only with a quotation, a "that" clause or a colon after them (or a
#: quotation before them): "shouted "Traitor!"", not "shouted at Macron"; "recalled that",
#: not "recalled its ambassador"; "accepted that patients wait too long", not "accepted the
#: offer"; "mentioned that", not "mentioned the harbour".
_QUOTE_OR_THAT_LEMMAS = frozenset(
    {
        "shout",
        "yell",
        "recall",
        "run the headline",
        "shoot back",
        "retort",
        "lament",
        "quip",
        "joke",
        "accept",
        "mention",
    }
)
#: "pressed on", "pressed ahead": went on, no words reported (folded text after "press").
_PRESS_ON_RE = re.compile(r"\s+(?:on|ahead)(?=\s*[.,;:!?]|\s+with\s|\s+regardless)")
#: What may follow "posted" before a colon and its quotation.
_POSTED_COLON_RE = re.compile(r"[^\"\u201c\u201d\u2018\u2019:;.!?]{0,60}:\s*(?=[\"'\u201c\u2018])")
#: What may follow "posted" after its quotation: a platform or a time, then the end.
_POSTED_CLOSES_RE = re.compile(
    r"(?:\s+(?:on|to|in|late|early|later)(?:\s+[\w\-]+){1,3})?\s*(?:[,.;!?\"]|$)"
)
#: "the" and one or two describing words right before a description ("the veteran ", an age:
#: "the 71-year-old ").
_MODIFIED_DESCRIPTION_RE = re.compile(
    r"(?<![\w'\-])the\s+((?:(?:[a-z][a-z\-]*|\d{1,3}-year-old)\s+){1,2})$"
)
#: A word of a modifier run before a body's description ("city" of "the city council").
_MODIFIER_WORD_RE = re.compile(r"(?<![\w'\-])[\w\-]+(?![\w'\-])")
#: A determiner right before a modifier run (group 1).
_DETERMINER_BEFORE_RUN_RE = re.compile(r"(?<![\w'\-])(the|a|an)\s+$")
#: Words before a description that make it another office or another holder ("the former
#: chancellor", "the deputy chancellor", "the finance minister", "the then president").
_OTHER_OFFICE_MODIFIERS = frozenset(
    "former ex late next new future previous incoming outgoing then acting interim other "
    "another rival opposition foreign finance defence defense interior economy economic trade "
    "health justice education prime junior assistant deputy vice regional local state "
    "provincial federal first second third last fellow same shadow caretaker university school "
    "college party lord ousted deposed defeated sacked toppled disgraced impeached would-be "
    "visiting exiled retired".split()
)
#: What follows "put the figure" when it gives an estimate: "at 40", "closer to 55" (a
#: number; not "at risk", "above safety").
_PUT_AT_RE = re.compile(
    r"\s+(?:at|closer\s+to|nearer|near|around|above|below|between|as\s+(?:high|low)\s+as)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|up\s+to|over|under"
    r"|at\s+least|just)\s+)?(?:[$\u20ac\u00a3]?\d|(?:one|two|three|four|five|six|seven|eight|nine"
    r"|ten|twenty|thirty|forty|fifty|a\s+hundred|hundreds|thousands|a\s+(?:third|quarter)|half)\b)"
)
#: Verbs that report only a quotation after them (or a quotation before a trailing "…," X
#: read): "the post read: "…"", "the crowd chanted "…"", "He went on: "…"", '"…," he
#: continued' — not "read that", "chanted slogans", "the talks continued".
_QUOTE_ONLY_LEMMAS = frozenset({"read", "chant", "continue", "go on", "begin", "interrupt", "post"})
#: (a short phrase may stand before the colon: 'interrupted his rival mid-sentence: "…"', not
#: a time or a place: 'interrupted the session for an hour: "…"')
_QUOTE_ONLY_RE = re.compile(
    r"\s*(?:(?![^:]*(?:\d|\sfor\s|\sduring\s|\suntil\s|\sat\s|\safter\s))"
    r"(?:[^,;:.!?\"\u201c\u2018\s]+\s*){1,4}:)?\s*:?\s*[\"'\u201c\u2018]"
)
#: What "declared" names when it is an act, not words (folded text after the verb).
_DECLARED_ACT_RE = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?:(?:\w+\s+)?days?\s+of\s+(?:national\s+)?mourning"
    r"|(?:national\s+)?(?:state\s+of\s+(?:emergency|siege|war|disaster)|martial\s+law|war"
    r"|curfew|(?:public\s+)?holiday|amnesty|lockdown|emergency))(?![\w'\-])"
)
#: What "agreed" names when it is a deal struck, not words (folded text after the verb):
#: "had agreed personal terms with the player", "agreed a fee", "agreed a ceasefire" (British
#: transitive use); not "agreed the fee was too high" (a clause: a verb follows the noun).
_AGREED_ACT_RE = re.compile(
    r"\s+(?:(?:a|an|the|new|personal|final|draft|joint|provisional)\s+){0,2}(?:terms|deal|fee"
    r"|price|contract|ceasefire|truce|settlement|compromise|budget|transfer|loan|swap|sale"
    r"|merger|takeover|timetable|framework|package|pay\s+rise|wage\s+deal)(?![\w'\-])"
    r"(?=\s*(?:[,.;]|$|with|for|on|of|in|at|to|before|after|and|but|worth)(?![\w'\-]))"
)
_QUOTE_OR_THAT_RE = re.compile(r"\s*(?:that(?![\w'\-])|:|[\"'\u201c\u2018])")
#: "<source> showed X telling|saying …" (group 1: the speaker), "X was shown saying …" (no
#: group 1). (Folded text.)
_SHOWN_SAYING_RE = re.compile(
    r"\s(?:(?:showed|shows|show|broadcast|broadcasts|aired|airs|filmed)\s+(?!(?:by|in)\s)"
    r"([^,;:\"]{1,60}?)|(?:is|was|were|are)\s+(?:shown|filmed|seen|heard))\s+"
    r"(saying|telling|warning|declaring|insisting)(?![\w'\-])"
)
#: "recalls the colonel telling him that …", "remembers telling her mother that …": a memory of
#: words (group 1: their speaker, none when it is the one who remembers; group 2: the
#: participle; folded text).
_RECALLS_SAYING_RE = re.compile(
    r"\s(?:remembers|remembered|recalls|recalled)\s+(?!(?:that|how|when|what)\s)"
    r"(?:([^,;:\"]{1,60}?)\s+)?(saying|telling|warning|declaring|insisting)(?![\w'\-])"
)
#: A main clause, then a participle that reports: "X rejected the plan, saying (that) …".
#: (Folded text; group 1: the participle.)
_PARTICIPLE_REPORT_RE = re.compile(
    r",\s+(saying|adding|arguing|warning|insisting|stressing|noting|claiming|declaring"
    r"|explaining|telling|chanting|shouting|calling|describing|branding|labelling|labeling"
    r"|writing|accusing|urging|ruling|finding)"
    r"(?![\w'\-])(?!\s+to\s)"
)
#: Participles that report only a "that" clause, after a few words ("…, ruling by seven votes to
#: two that …", "…, finding that …"; not "ruling party", "finding a way").
_THAT_PARTICIPLES = frozenset({"ruling", "finding"})
#: A few words, then "that": where such a participle's content starts (folded text).
_FEW_WORDS_THAT_RE = re.compile(r"(?:\s+(?!that\s)[\w\-]+){0,6}?(?=\s+that\s)")
#: Participles whose content is an object and then "of" or "to" ("…, accusing his government
#: of keeping …", "…, urging both leaders to share data"): no clause follows them.
_OBJECT_PARTICIPLES = frozenset({"accusing", "urging"})
#: The object of such a participle, then its "of" or "to" (folded text after the participle;
#: not a preposition's "to the exits" or "of the hall": "accusing eyes on him from all sides
#: of the hall").
_OBJECT_OF_TO_RE = re.compile(
    r"\s+(?:(?!(?:to|of)\s)[\w'\-]+\s+){1,6}?"
    r"(?:of(?!\s+(?:the|a|an|all|this|that|these|those)\s)"
    r"|to(?!\s+(?:the|a|an|his|her|its|their|this|that|these|those|my|our|your)\s))\s"
)
#: "at"/"from"/"with" and a capitalized name after a role, up to a verb: " at Hessel & Rook" of
#: "Analysts at Hessel & Rook were …" (plain text).
_ROLE_AT_NAME_RE = name_re(
    r"\s+(?:at|from|with)\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+(?:[A-Z][\w.\-]*|&|of))*"
    r"(?=\s+(?:were|was|is|are|had|have|has|said|says|told|wrote|warned|added|did|do|does"
    r"|would|will|could)(?![\w'\-]))"
)
#: A short description of a body's kind before or after its name: "the fan group", "his club"
#: (folded text).
_BODY_KIND_RE = re.compile(r"(?:the|a|an|its|his|her|their|[\w\-]+'s)\s+(?:[\w\-]+\s+){0,2}[\w\-]+")
#: A restrictive relative clause right after a noun phrase ("The nurse who found him"): a
#: description that picks someone out, not a back-reference (folded text).
_RELATIVE_AFTER_RE = re.compile(r"\s+(?:who|that|whose)\s")
#: "presidential" opening a role phrase, with at most an article (folded text).
_PRESIDENTIAL_AIDE_RE = re.compile(r"(?:(?:the|a|an)\s+)?presidential\s")
#: The word "president" (folded text).
_PRESIDENT_WORD_RE = re.compile(r"(?<![\w'\-])president(?![\w'\-])")
#: Roles that speak for the leader an adjective names ("presidential spokeswoman").
_AIDE_ROLES = frozenset("spokesman spokeswoman spokesperson aide adviser advisor secretary".split())
#: A prepositional phrase naming where words were said or written, then "that" (group 1 ends
#: before "that"): " in a note to clients that …", " on its website that …" (folded text).
_PREP_PHRASE_THAT_RE = re.compile(
    r"(\s+(?:in|on)\s+(?:a|an|the|its|their|his|her)\s+[^,;:\"]{1,50}?)(?=\s+that\s)"
)
#: Participles of naming: they report only a quotation after their object ("…, calling the
#: report "politically motivated"").
_NAMING_PARTICIPLES = frozenset({"calling", "describing", "branding", "labelling", "labeling"})
#: The object of a naming participle, then a quotation (plain text after the participle).
_NAMING_OBJECT_QUOTE_RE = re.compile(
    r"\s+(?:(?:as|for|on)\s+)?[^,;:\"\u201c\u2018]{1,60}?\s*[\"\u201c\u2018]"
)
#: Pronouns that may stand as subjects (and so continue a chain of reference).
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
#: Plural pronouns that an actor configured with they/them may also use (folded).
_PLURAL_THEY = frozenset({"they", "them", "their", "theirs"})
#: Object pronouns that never refer to the subject of their own clause: in "Ambrose told them",
#: "them" is not Ambrose (that would be "themselves").
_OBJECT_NOT_SUBJECT = frozenset({"him", "them"})
#: What stands between a clause's subject and its object pronoun ("told", "has since told",
#: "later thanked"): one to three lower-case words, none opening another clause (folded text).
_SAME_CLAUSE_GAP_RE = re.compile(
    r"\s+(?:(?!(?:that|to|who|which|whom|and|but|or|if|when|because|while|as|said|says|say)\s)"
    r"[a-z]+\s+){1,3}"
)
#: The lemma of each participle of ``_PARTICIPLE_REPORT_RE``.
_PARTICIPLE_LEMMAS = {
    "saying": "say",
    "adding": "add",
    "arguing": "argue",
    "warning": "warn",
    "insisting": "insist",
    "stressing": "stress",
    "noting": "note",
    "claiming": "claim",
    "declaring": "declare",
    "explaining": "explain",
    "telling": "tell",
    "chanting": "chant",
    "shouting": "shout",
    "calling": "call",
    "describing": "describe",
    "branding": "brand",
    "labelling": "label",
    "labeling": "label",
    "writing": "write",
    "accusing": "accuse",
    "urging": "urge",
    "ruling": "rule",
    "finding": "find",
}
#: A document, then "(signed|written|issued) by" (group 1: the document word) (folded text).
_DOC_BY_RE = re.compile(
    r"(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?([\w\-]+)\s+(?:(?:signed|written|issued|sent)\s+)?"
    r"(?:by|from)\s+"
)
#: Words that may open a reported clause after a participle ("saying the vote was rigged",
#: "adding it was late", "warning Moscow would pay"), not an object ("saying nothing", "adding
#: to concerns"). (Folded text.)
_REPORTED_CLAUSE_RE = re.compile(
    r"\s*(?:[\"'\u201c\u2018]|(?:he|she|it|they|we|i|you|there|this|these|those|the|his|her|its"
    r"|their|our|no|any|all|both)\s|[\w\-]+\s+(?:was|were|is|are|had|has|have|would|will|could"
    r"|should|must|might|may|can|did|does|do)\s)"
)
#: A relative clause set off before the participle: "…, who rejected the plan, saying".
_REL_CLAUSE_RE = re.compile(r",\s*who\s[^,]+$")
#: Capitalised words (a title) before a name: "President " in "President Putin rejected …".
_TITLE_RUN_RE = name_re(r"(?:[A-Z][\w'.\-]*\s+){1,3}")
#: Words that may stand before the head of a subject run ("the", "two senior").
#: A place or group phrase after a one-word plural subject, then the clause's past-tense verb
#: (group 2): "(Delegations) from fourteen island states walked out", "(Farmers) in the
#: flooded valley blocked"; group 1 the phrase, its last word no function word (plain text).
_POSTMOD_THEN_PAST_RE = name_re(
    r"(\s+(?:in|at|from|on|near|outside|across|along|within|inside)\s+(?:[\w\-'\u2019]+\s+){0,5}?"
    r"(?!(?:the|a|an|his|her|its|their|and|or|of|in|on|at|from)\s)[\w\-'\u2019]+)\s+"
    r"([a-z]{2,}ed|left|met|held|stood|went|came|gave|took|began|fled|ran|sat|kept|made|sent"
    r"|spent)(?=[\s,.])"
)
#: A description of someone who works for the person named next: "the notary acting for ",
#: "a mediator representing " (plain text, from the start of an apposition to the name).
_AGENT_OF_ACTOR_RE = re.compile(
    r"\s*(?:the|a|an)\s+(?:[A-Za-z][\w\-]*\s+){1,3}?(?:representing|acting\s+for|acting\s+on\s+behalf"
    r"\s+of|working\s+for|on\s+behalf\s+of|hired\s+by|retained\s+by)\s+"
)
#: Endings of common nouns' plurals that surnames rarely have ("delegations", "unionists",
#: "migrants", "committees", "fishermen"; not "Jones", "Peters"). (Folded text, at the end.)
_COMMON_PLURAL_END_RE = re.compile(r"(?:ions|ists|ants|ents|ors|ees|ies|men|ives|ates)$")
_RUN_MODIFIERS = frozenset(
    "the a an two three four several some many senior top former local western foreign".split()
)
#: Roles of people who issue statements for a body ("a spokesman for the port said …; the
#: statement added").
_ISSUING_ROLES = frozenset(
    "spokesman spokeswoman spokesperson spokespeople chief director official secretary "
    "minister commissioner".split()
)
#: Determiners before which a word ending in "s" is a noun ("their demands", "the replies").
_DETERMINERS_BEFORE_NOUN = frozenset(
    "the a an their his her its our my your these those this that whose some many few".split()
)
#: A present form ending in "s" (group 1), maybe an occasion, then "that" or a colon and a
#: quotation: 'replies: "…"', 'recalls in a later interview that' (folded text).
_PRESENT_REPORT_RE = re.compile(
    r"(?<![\w'\-])([a-z]{3,}s)(?:\s+(?:in|on|at|during|after|over)\s+[^,.;:\"]{1,40}?)?"
    r"(?:\s+that\s|:\s*[\"'\u201c\u2018])"
)
#: A plural subject word and the base form of a past-only verb before "that": "Pollsters caution
#: that …", "Analysts note that …", "they claim that" (group 1 the verb; not "a note that",
#: "this note that"). (Folded text.)
_PLURAL_PRESENT_REPORT_RE = re.compile(
    r"(?<![\w'\-])(?:(?!this\s|thus\s|plus\s|less\s|unless\s)[a-z]{3,}s|they|we)"
    r"\s+([a-z]{3,}[^s\W])\s+that\s"
)
#: Section and genre labels that open a headline ("Review: …"), never its source (folded).
_SECTION_LABELS = frozenset(
    "review analysis opinion comment explainer live exclusive update factbox obituary "
    "interview profile editorial letters watch breaking podcast preview recap correction "
    "feature briefing timeline video watch listen essay column insight".split()
    + ["fact check", "in pictures", "the big read", "q&a"]
)
#: A place set off after a subject: " in Lissen", " at Vesterholm Palace", " from Kellby"
#: (plain text).
_IN_PLACE_RE = name_re(r"\s*(?:in|at|from)\s+[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}\s*")
#: The audience's reaction set off after a subject: "Marwood, to laughter, said", "Orlan, to
#: loud applause from the hall, said" (plain text; the part between the commas).
_REACTION_RE = re.compile(
    r"\s*to\s+(?:[a-z]+\s+){0,2}(?:laughter|applause|cheers|cheering|jeers|boos|booing|groans"
    r"|gasps|murmurs|heckling|whistles|shouts|chuckles|silence|dismay|astonishment|delight)"
    r"(?:\s+(?:from|in|among)\s+[^,.;:!?\"]{1,40})?\s*"
)
#: What may follow a shouted "called" to the sentence's end: "out", a phrase of place
#: ("across the chamber", "over the noise"), an adverb, ", to laughter …" (folded text).
_CALLED_SHOUT_END_RE = re.compile(
    r"(?:\s+out)?(?:\s+(?:across|over|from|to|after|into|through)\s+[^,.;:!?\"]{1,40})?"
    r"(?:\s+[a-z]+ly)?(?:,\s+to\s+[^,.;:!?\"]{1,60})?\s*[.!]?\s*$"
)
#: A time or place adverbial opening a clause with no comma, before a determiner or possessive:
#: "On Monday ", "Later in the day ", "Late on Tuesday ", "Earlier this week " of "On Monday
#: the ministry said" (plain text; the lookahead is the subject's first word).
_FRONTED_ADVERBIAL_RE = name_re(
    r"(?:(?:[Oo]n|[Ii]n|[Aa]t|[Bb]y|[Ll]ate|[Ee]arly|[Ll]ater|[Ee]arlier)\s+"
    r"(?:(?:in|on|at|that|this|the|last|next|of)\s+){0,2}"
    r"(?:(?:[A-Z][\w'\-]*|day|week|month|year|morning|afternoon|evening|night|weekend)\s+)"
    # ("Later that day": the unit may start after "that")
    r"|(?:day|week|month|year|morning|afternoon|evening|night|weekend)\s+)"
    r"(?:(?:morning|afternoon|evening|night)\s+)?"
    r"(?=(?:the|his|her|its|their|a|an|one|two|three|several|some|many|[A-Z][\w\-]*['\u2019]s)\s)"
)
#: A place opening a clause with no comma, before an indefinite subject: "From the gallery " of
#: "From the gallery a protester shouted …", "Behind the minister " of "Behind the minister
#: one of her aides muttered …" (the subject's determiner follows; plain text).
_FRONTED_PLACE_RE = name_re(
    r"(?:[Ff]rom|[Bb]ehind|[Oo]utside|[Ii]nside|[Aa]cross|[Aa]mong|[Nn]ear|[Bb]eyond)\s+"
    r"(?:[\w'\-]+\s+){1,8}?(?=(?:a|an|one|another|several|some)\s)"
)
#: A time of day opening a clause with no comma: "In the evening ", "Later that night " of "In
#: the evening Ballesk posted again, saying …" (folded text).
_FRONTED_TIME_OF_DAY_RE = re.compile(
    r"(?:in|on|at|by|late|early|later|earlier)\s+(?:(?:in|on|at|that|this|the|last|next)\s+){0,2}"
    r"(?:morning|afternoon|evening|night|weekend)\s+"
)
#: A capitalized name, then "of"/"from"/"at" and its affiliation: "Lira Mendt | of the
#: independent Patients' Alliance" (group 1: the name; plain text).
_NAME_THEN_OF_RE = name_re(
    r"((?:[A-Z][\w'\-]*\s+){1,3}[A-Z][\w'\-]*)\s+"
    r"(?:of|from|at|on|in|outside|near|beside|after|before|as|while|by)\s"
)  # ('"…," said Tor Lund on the quay': the name before a phrase of place, time or manner)
#: "in"/"at" right before a place name ending a subject region ("The Palace of Lanterns | in |
#: Marrowgate"; plain text, searched up to the place).
_IN_PLACE_TAIL_RE = re.compile(r"\s(?:in|at)\s+$")
#: A first name and "from" a place: a reader or caller ("Anna from Leeds"; plain text).
_NAME_FROM_PLACE_RE = name_re(r"[A-Z][\w'\-]+\s+from\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?")
#: Conjunctions that open a headline's clause ("Crowds cheer as king tells …").
_CLAUSE_OPENING_CONJ = frozenset({"as", "and", "but", "while"})
#: Adverbs of place that stand between a subject and its verb only.
_PLACE_ADVERBS = frozenset({"there", "here"})
#: "there" or "here" right after a subject, before its verb ("Farmers there say"; folded).
_PLACE_AFTER_SUBJECT_RE = re.compile(r"\s+(there|here)(?![\w'\-])")
#: A verb of meeting between two actors' names: hosting (group "host": the first hosts the
#: second), visiting (group "visit": the first is the guest) or meeting (folded text).
_MEETING_VERB_RE = re.compile(
    r"(?<![\w'\-])(?:(?P<host>hosted|hosts|hosting|welcomed|welcomes|welcoming|received"
    r"|receives|invited|invites)|(?P<visit>visited|visits|visiting|flew\s+to|travelled\s+to"
    r"|traveled\s+to|went\s+to|called\s+on)|met|meets|meeting|talked|talks|spoke|phoned"
    r"|held\s+talks)(?![\w'\-])"
)
#: A comma and a capitalized name right after a noun phrase: ", Odo Marr," (plain text).
_NAME_APPOSITION_AFTER_RE = name_re(r",\s+[A-Z][\w'\-]+\s+[A-Z]")
#: Roles that name the other party of a meeting or talks ("her guest", "his counterpart").
_RELATIONAL_ROLES = frozenset({"counterpart", "guest", "host"})
#: Capitalized words only (a name or a title and name: "Foreign Minister Ruth Anker").
_CAPITALIZED_NAME_RE = name_re(r"[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,5}")
#: Days, months and other time words that open a sentence with a comma ("Monday, …").
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december meanwhile yesterday today".split()
)
#: An adverbial opening a unit and closed by a comma ("On Monday, ", "In a statement, ",
#: "In a bulletin issued at 4:05 a.m. on Thursday, "), and up to two more that open with a
#: preposition or a subordinator ("Speaking after the match, | before the ban was announced, ").
#: An opening prepositional phrase may be longer ("In a four-minute video posted on the
#: company's social media accounts, "); a relative clause may follow a place ("In Tarsk, whose
#: port reopened on Monday, ").
_LEADING_CLAUSE_RE = re.compile(
    r"(?:(?:in|at|on|during)\s(?:[^,;:\"]|(?<=\d):(?=\d\d)){1,96}"
    r"|(?:[^,;:\"]|(?<=\d):(?=\d\d)){1,60}),\s*"
    r"(?:(?:before|after|when|while|once|until|since|as|in|on|at|during|despite|following"
    r"|hours|minutes|days|weeks|whose|where|which)\s(?:[^,;:\"]|(?<=\d):(?=\d\d)){1,60},\s*)"
    r"{0,2}",
    re.IGNORECASE,
)
#: An apposition after an opening place ("In Sennet, | the Ormond Republic's capital, | X …"):
#: a determiner, words, a comma, then a capital.
_PLACE_APPOSITION_RE = name_re(r"(?:the|a|an)\s[^,;:\"]{1,60},\s+(?=[A-Z])")
#: A copula and a few words, then a colon and a quotation: "The prime minister was
#: unrepentant: "…"" (folded text).
_COPULA_COLON_RE = re.compile(
    r"\s(?:was|is|were|are|remained|remains|sounded|seemed|appeared|stayed)\s+"
    r"(?!(?:asked|told|quoted|shown|informed|reminded|warned|sent|given)\W)"
    r"(?:[\w'\-]+\s+){0,2}?[\w'\-]+\s*:\s*(?=[\"'\u201c\u2018])"
)
#: A clause's act ending "with" a noun of speech, then its words: "closed the meeting with a
#: reminder that …", "posted a clip with a single line: "…"", "signed off with the words "…""
#: (group 1 or 2: the noun; "that" only after nouns that take a clause, not "a message that
#: aides had drafted", unless a colon and the words follow; folded text).
_WITH_SPEECH_NOUN_RE = re.compile(
    r"\swith\s+(?:a|an|the|one|this|these|those|his|her|their|its)\s+"
    r"(?:(?:single|short|brief|blunt|stark|final|simple|pointed|terse|clear|grim|stern|direct"
    r"|defiant|parting|closing|last|new|fresh|two-word|one-word)\s+){0,2}"
    r"(?:(warning|warnings|plea|reminder|promise|vow|appeal|message|line|caption|note|threat"
    r"|demand|words|remark|comment|quip|pledge|assurance|retort|rebuke|admission)"
    r"(?:\s*:\s*(?=[\"'\u201c\u2018])|\s+(?=[\"\u201c])"
    # ("ended with a line that dozens had reposted by midnight: "…"": a relative clause on
    # the noun, then the colon and the words)
    r"|\s+(?:that|which)\s+[^\"\u201c\u201d:;.!?]{1,80}?:\s*(?=[\"'\u201c\u2018]))"
    r"|(warning|warnings|reminder|vow|threat|pledge|assurance|admission)\s+that(?![\w'\-]))"
)
#: "posted a row of flags and the words "…"": a posted thing, then the words themselves right
#: before their quotation (folded text).
_AND_THE_WORDS_RE = re.compile(r"\sand\s+the\s+(words|caption|line)\s*:?\s*(?=[\"\u201c])")
#: A participle phrase after the subject's comma, then a colon and a quotation: ", turning
#: halfway: "…"" (group 1: the participle; folded text).
_PARTICIPLE_COLON_RE = re.compile(
    r",\s+([a-z]+ing)(?:\s+[\w'\-]+){0,4}?\s*:\s*(?=[\"'\u201c\u2018])"
)
#: Verbs that issue a document, and the documents issued (shared by ``_ISSUED_COLON_RE`` and
#: ``_ISSUED_SAYING_RE``; folded text).
_ISSUING_VERBS = (
    r"(?:issued|issues|released|releases|published|publishes|put\s+out|puts\s+out|posted|posts"
    r"|sent|sends)"
)
_ISSUED_DOCS = r"(?:statement|letter|message|note|communiqu[eé]|post|video|tweet|readout|release"
#: A document issued, in narration: "Kostav later issued a statement." (folded text)
_ISSUED_DOC_RE = re.compile(
    r"\s"
    + _ISSUING_VERBS
    + r"\s+(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    + _ISSUED_DOCS
    + r")(?![\w\-])"
)
#: A document issued or sent, then a colon and its quotation: "sent pool a one-line statement:
#: "…"" (folded text).
_ISSUED_COLON_RE = re.compile(
    r"\s" + _ISSUING_VERBS + r"(?:\s+[\w\-]+)?\s+(?:a|an|the|its|his|her|their)\s+"
    r"(?:[\w\-]+\s+){0,2}?" + _ISSUED_DOCS + r"|reply)\s*:\s*(?=[\"'\u201c\u2018])"
)
#: "read out the figures: 8,214 votes for No …": what was read out follows the colon, with or
#: without quotation marks (not "read out a statement." alone; folded text).
_READ_OUT_COLON_RE = re.compile(
    r"\sread\s+(?:out|aloud)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s*:\s+"
    r"(?=\S)"
)
#: A body's figures closing a sentence of data: ", the office's figures show." (group 1: the
#: body; group 2 ends the figures; folded text).
_BODY_FIGURES_SHOW_RE = re.compile(
    r",\s+((?:the\s+)?(?:[\w\-]+\s+){0,3}?[\w\-]+)'s?\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:monthly\s+|annual\s+|quarterly\s+)?(figures|data|statistics)\s+(?:show|showed)\s*\.?\s*$"
)
#: A colon right after the verb of "What the papers say: …" (a rubric's label; folded text).
_WHAT_SAY_LABEL_RE = re.compile(r"\s*:")
#: A participle that the patterns of ``_Doc.saying_frames`` end with.
_SAYING_GATE_RE = re.compile(r"\s(?:saying|telling|warning|declaring|insisting|urging)(?![\w'\-])")
#: The words of ``_SAYING_GATE_RE``: each match is white space and then one of them, whole.
_SAYING_GATE_WORDS = frozenset({"saying", "telling", "warning", "declaring", "insisting", "urging"})
#: Opening quotation marks.
_OPEN_QUOTES = "\"'\u201c\u2018"
#: The lemma of an "in X's words" frame.
_IN_WORDS = "in words"
#: The same "in X's words" set off by commas inside a unit ("The bridge, in Fenn's words, is
#: …", "…, in her own words, …"): the sentence reports X's words. (Folded text.)
_IN_WORDS_MID_RE = re.compile(
    r",\s*in\s+(?:([^,;:\"]{1,60}?)'s?|(his|her|their))\s+(?:own\s+)?words\s*,\s*"
)
#: An age after a name ("Tevik, 63, said"): an apposition that leaves the subject as it is.
_AGE_RE = re.compile(r"\d{1,3}")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load the packaged reporting verbs and speech lexicon (cached).

    Returns:
        The lexicon.

    Example:
        >>> load_lexicon().verbs["told"]
        ('tell', 'obj')
    """
    verb_path = paths.resource("reporting_verbs.txt")
    verb_text = verb_path.read_text(encoding="utf-8")
    verbs = parse_verb_lexicon(verb_text, str(verb_path))
    all_forms = parse_verb_lexicon(re.sub(r";\s*past\s*$", "", verb_text, flags=re.M))
    headline_verbs = {k: v for k, v in all_forms.items() if k not in verbs}
    for form in _SAY_PERIPHRASES:
        verbs.setdefault(form, ("say", "that"))
    for form in _PUT_IT_FORMS:
        verbs.setdefault(form, ("put it", "that"))
    for form in _HEADLINE_FORMS:
        verbs.setdefault(form, ("run the headline", "that"))
    lex_path = paths.resource("speech_lexicon.yml")
    data = config.load_yaml_text(lex_path.read_text(encoding="utf-8"), str(lex_path))

    def words(key: str) -> tuple[str, ...]:
        return tuple(sorted({fold(w) for w in data[key]}, key=len, reverse=True))

    institutions = words("institutions") if "institutions" in data else ()
    roles = words("roles") + institutions
    # "ally" → "allies": the patterns add only "s" / "es" to a role
    roles = tuple(
        sorted({*roles, *(r[:-1] + "ies" for r in roles if r.endswith("y"))}, key=len, reverse=True)
    )
    independent = frozenset(words("independent_roles")) if "independent_roles" in data else set()
    suffixes = frozenset(words("company_suffixes")) if "company_suffixes" in data else frozenset()
    special = {
        **dict.fromkeys(("bank", "lender"), "bank_suffixes"),
        **dict.fromkeys(("airline", "carrier"), "airline_suffixes"),
        "group": "group_suffixes",
        "agency": "agency_suffixes",
    }
    company_words = {
        w: frozenset(words(special[w])) if special.get(w) in data else suffixes
        for w in (words("company_words") if "company_words" in data else ())
    }
    return Lexicon(
        verbs=verbs,
        offices=words("offices"),
        documents=words("documents"),
        roles=roles,
        female=frozenset(words("female_roles")),
        male=frozenset(words("male_roles")),
        adverbials=frozenset(words("adverbials")),
        adverbial_phrases=tuple(data["adverbial_phrases"]),
        plural_heads=words("plural_heads") if "plural_heads" in data else (),
        headline_verbs=headline_verbs,
        institutions=_with_plurals(institutions),
        outlets=frozenset(words("outlet_roles")) if "outlet_roles" in data else frozenset(),
        independent=_with_plurals(independent),
        independent_documents=frozenset(words("independent_documents"))
        if "independent_documents" in data
        else frozenset(),
        body_names=frozenset(words("body_names")) if "body_names" in data else frozenset(),
        company_suffixes=suffixes,
        company_words=company_words,
    )


def _gerund_stems(gerund: str) -> tuple[str, ...]:
    """Base forms a gerund may come from: "denying" → deny, "writing" → write, "stopping" → stop.

    Example:
        >>> _gerund_stems("writing")
        ('writ', 'write', 'wri')
    """
    stem = gerund[:-3]
    return (stem, stem + "e", stem[:-1]) if len(stem) > 2 else (stem,)


def _with_plurals(words: Iterable[str]) -> frozenset[str]:
    """The words, with "s", "es" and ("-y" words) "ies" plurals, as the role patterns read them.

    Example:
        >>> sorted(_with_plurals(["ally"]))
        ['allies', 'ally', 'allyes', 'allys']
    """
    ws = set(words)
    return frozenset(ws | {w + "s" for w in ws} | {w + "es" for w in ws}) | frozenset(
        w[:-1] + "ies" for w in ws if w.endswith("y")
    )


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


#: Words a match of the ``plural`` pattern of :func:`_patterns` starts with (see :class:`_Words`).
_PLURAL_FIRST_WORDS = frozenset({"both", "all", "the", "they", "their"})
#: Every match of that pattern holds a plural head (its first word) or one of these words.
_PLURAL_NEED_WORDS = frozenset({"they", "both", "two", "three", "four", "pair"})


#: A plural agent noun ("drivers", "pickets" is a role; "strikers", "organisers").
_PLURAL_AGENT_RE = re.compile(r"[a-z][a-z\-]*(?:[^aeiou]er|[st]or|[a-z]{3}ist|ian|eer)s")


@lru_cache(maxsize=1)
def _plural_people_words() -> frozenset[str]:
    """Plurals of the lexicon's person roles, and "people", "men", "women" (folded).

    Example:
        >>> "workers" in _plural_people_words() and "papers" not in _plural_people_words()
        True
    """
    lex = load_lexicon()
    roles = [w for w in lex.roles if " " not in w and w not in lex.outlets]
    plurals = {w + "s" for w in roles} | {w + "es" for w in roles if w.endswith(("s", "ch"))}
    return frozenset(plurals | {"people", "men", "women", "spokespeople"})


def is_plural_people(word: str) -> bool:
    """Whether a folded word names several people: a plural role or agent noun.

    Example:
        >>> [is_plural_people(w) for w in ("pickets", "drivers", "orders", "talks")]
        [True, True, False, False]
    """
    if word in _plural_people_words():
        return True
    return (
        _PLURAL_AGENT_RE.fullmatch(word) is not None
        and word not in _NOT_AGENT_HEADS
        and word[:-1] not in _NOT_AGENT_HEADS
    )


@lru_cache(maxsize=1)
def _pattern_words() -> dict[str, frozenset[str] | None]:
    """First words of the matches of the word-list patterns of :func:`_patterns`."""
    lex = load_lexicon()
    roles = [w + end for w in lex.roles for end in ("", "s", "es")]  # role(?:s|es)?
    heads = _first_words(lex.plural_heads)
    return {
        "verb": _first_words(lex.verbs),
        "headline_verb": _first_words(lex.headline_verbs),
        "plural": _PLURAL_FIRST_WORDS,
        "plural_need": _PLURAL_NEED_WORDS | heads if heads is not None else None,
        "role": _first_words(roles),
        "doc": _first_words([w + end for w in lex.documents for end in ("", "s")]),  # doc(?:s)?
    }


@lru_cache(maxsize=8)
def _bare_plural_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern of :meth:`_Doc._bare_plural_re` for a lexicon's plural heads.

    Example:
        >>> _bare_plural_pattern(("leaders",)).match("leaders hail treaty").group(0)
        'leaders'
    """
    return re.compile(r"(?:two\s+|rival\s+)?(?:" + _alt(heads) + r")(?![\w'\-])")


def _finditer_if(
    pattern: re.Pattern[str], first: frozenset[str] | None, text: str, words: Sequence[str]
) -> list[re.Match[str]]:
    r"""``list(pattern.finditer(text))``, or ``[]`` when no word of ``text`` is in ``first``.

    ``words`` are the runs of word characters of ``text``; ``first`` the words a match can start
    with, as for :meth:`_Words.scan` (None: always search).

    Example:
        >>> rx = re.compile(r"(?<!\w)aides?(?!\w)")
        >>> _finditer_if(rx, frozenset({"aide", "aides"}), "a minister", ["a", "minister"])
        []
    """
    if first is not None and first.isdisjoint(words):
        return []
    return list(pattern.finditer(text))


@lru_cache(maxsize=4096)
def _document_words(folded_text: str) -> tuple[str, ...]:
    """The document nouns ("statement", "readouts") in a folded phrase, in order (cached).

    Subjects and the words after a verb repeat within and across articles (the same name, the
    same "said in a statement"), so the search runs once per distinct phrase.

    Example:
        >>> _document_words("in a statement and two readouts")
        ('statement', 'readouts')
    """
    words = _WORDS_RE.findall(folded_text)
    found = _finditer_if(_patterns()["doc"], _pattern_words()["doc"], folded_text, words)
    return tuple(d.group(0) for d in found)


def _verb_re(verbs: Sequence[str]) -> re.Pattern[str]:
    r"""The reporting-verb pattern of ``verbs`` (tried in this order; group 1 the verb).

    Example:
        >>> _verb_re(["called on", "call"]).search("she called  on him").group(1)
        'called  on'
    """
    return re.compile(r"(?<![\w'\-])(" + _alt(verbs) + r")(?![\w\-])")


@lru_cache(maxsize=1)
def _verb_patterns_by_word() -> dict[str, re.Pattern[str]]:
    """The ``verb`` pattern of :func:`_patterns`, cut by first word: each with the verbs it starts.

    At a word where the whole pattern matches, the alternative matched starts with that whole
    word (the look-ahead ends a match at the end of a word, and a space or hyphen inside an
    alternative ends the word in the text too). So the pattern of that word, holding the same
    alternatives in the same order, finds the same match, without trying the few hundred
    others one by one (:meth:`_Words.scan_by_word`).

    Example:
        >>> _verb_patterns_by_word()["said"].match("they said so", 5).group(1)
        'said'
    """
    by_word: dict[str, list[str]] = {}
    for verb in _sorted_verbs():
        word = _WORD_RUN_RE.match(verb).group()  # type: ignore[union-attr]
        by_word.setdefault(word, []).append(verb)
    return {word: _verb_re(verbs) for word, verbs in by_word.items()}


def _sorted_verbs() -> list[str]:
    """The lexicon's reporting verbs, longest first (the order the verb pattern tries them)."""
    return sorted(load_lexicon().verbs, key=len, reverse=True)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = load_lexicon()
    adv_words = _alt(sorted(lex.adverbials, key=len, reverse=True))
    # "there"/"here" stand after a subject ("Farmers there say"), never after a verb ("said
    # there was …")
    adv_after = _alt(sorted(lex.adverbials - _PLACE_ADVERBS, key=len, reverse=True))
    adv_phr = "|".join(lex.adverbial_phrases)
    roles = _alt(lex.roles)
    docs = _alt(lex.documents)
    return {
        "verb": _verb_re(_sorted_verbs()),
        "headline_verb": re.compile(
            r"(?<![\w'\-])("
            + _alt(sorted(lex.headline_verbs, key=len, reverse=True))
            + r")(?![\w\-])"
        ),
        "office": re.compile(r"'s?\s+(?:(?:own|new|press)\s+)?(" + _alt(lex.offices) + r")(?!\w)"),
        "office_after": re.compile(
            r"\s+(?:(?:own|new|press)\s+)?(?:" + _alt(lex.offices) + r")(?!\w)"
        ),
        "trail_adv": re.compile(
            r"(?<![\w'\-])(?:" + adv_words + r"|" + adv_phr + r"|[a-z]{4,}ly)\s*,?\s*$"
        ),
        "lead_adv": re.compile(r"\s*,?\s*(?:" + adv_words + r"|" + adv_phr + r")(?![\w])"),
        "post_adv": re.compile(r"\s*(?:" + adv_after + r"|" + adv_phr + r")(?![\w])"),
        # the first adverbial phrase after the subject of an inverted "…," said X in a
        # statement on Monday: it starts with a preposition or time word, or is a weekday
        # (never a bare adverb, which may be a surname: Long, Still, Faraday)
        "trail_cut": re.compile(
            r"\s+(?=(?:(?:late|early)\s+)?(?:on|in|during|after|at|via|through|over|last|this"
            r"|next|earlier|later)\s|(?:mon|tues|wednes|thurs|fri|satur|sun)day(?![\w]))(?:"
            + adv_phr
            + r")(?![\w])"
        ),
        "role": re.compile(r"(?<![\w\-])(?:" + roles + r")(?:s|es)?(?![\w\-])"),
        "doc": re.compile(r"(?<![\w\-])(?:" + docs + r")s?(?![\w\-])"),
        "plural": re.compile(
            r"(?<![\w'\-])(?:(?:both|all)(?:\s+(?:the|of\s+the))?(?:\s+(?:two|three|four))?"
            r"|the(?:\s+(?:two|three|four))?)\s+(?:[a-z\-]+\s+)?(?:"
            + _alt(lex.plural_heads)
            + r")(?![\w\-])|(?<![\w'\-])(?:they|the\s+pair"
            # (not before another plural noun: "on both banks", "the two letters")
            r"|(?:both|the\s+(?:two|three|four))(?!\s+[a-z\-]*[a-z]s(?![\w'\-])))(?![\w'\-])"
            # "their offices said": the actors' bodies (not "their leaders": whose?)
            r"|(?<![\w'\-])their\s+(?:offices|governments|presidencies|ministries|chancelleries"
            r"|capitals)(?![\w\-])"
        ),
        "role_np_end": re.compile(
            r"(?<![\w'.\-])"  # (a whole word: "fishermen" is no "men")
            r"(?:(?:the|a|an|one|two|three|several|some|many|other|another|his|her|its|their"
            r"|[\w.\-]+'s?)\s+)?(?:[\w'.\-]+\s+){0,3}?(?:" + roles + r")(?:s|es)?"
            r"(?:\s+(?:for|of|at|to|with|from|in)\s+(?:the\s+)?[\w'.\-]+(?:\s+[\w'.\-]+){0,3})?$"
        ),
        "doc_np_end": re.compile(
            r"(?<![\w'.\-])"
            # ("the health ministry's own monthly report": a possessor of two words)
            r"(?:(?:the|a|an|its|his|her|their|this|that"
            r"|(?:the\s+[\w\-]+\s+)?[\w.\-]+'s?)\s+)?(?:[\w'.\-]+\s+){0,2}?"
            r"(?:" + docs + r")(?:\s+of\s+the\s+[\w\-]+)?$"
        ),
        "role_before": re.compile(
            r"(?:(?:the|a|an|[\w.\-]+'s?)\s+)?(?:(?!(?:" + _alt(_FUNCTION_WORDS) + r")\s)"
            r"[\w'.\-]+\s+){0,3}?(?:" + roles + r")\s*,?\s*$"
        ),
        "doc_prep_before": re.compile(
            r"(?:(?:the|a|an|its|his|her|their|this|that)\s+)?(?:[\w'.\-]+\s+){0,2}?(?:"
            + docs
            + r")s?\s+(?:(?:issued|released|published|sent|posted)\s+)?(?:from|by|of)\s+$"
        ),
        # the head of an "of" phrase before a capitalised name: "the mayor (of Kallo)", "a
        # senior minister (of Morvia)"; no function word among its modifiers
        "of_head": re.compile(
            r"(?<![\w'.\-])"  # (whole words: not "o council members" out of "to council …")
            r"(?:(?:the|a|an|one|[\w.\-]+'s?)\s+)?(?:(?!(?:" + _alt(_FUNCTION_WORDS) + r")\s)"
            r"[\w'.\-]+\s+){0,2}?(?:" + roles + r")(?:s|es)?\s*$"
        ),
        # a role noun phrase opening a text ("Officials", "Two senior officials")
        "role_np_start": re.compile(
            r"(?:(?:the|a|an|two|three|several|some|many|other)\s+)?(?:[\w'.\-]+\s+){0,2}?(?:"
            + roles
            + r")(?:s|es)?(?![\w\-])"
        ),
        "role_prep_before": re.compile(
            r"(?:(?:the|a|an|one|his|her|its|their)\s+)?(?:[\w'.\-]+\s+){0,2}?(?:" + roles + r")"
            r"(?:s|es)?\s+(?:to|for|of|at|with|from|close\s+to)\s+$"
        ),
    }


# ---------------------------------------------------------------------------------------------
# Quotes and mentions
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """A quotation: outer span (with the marks) and inner span (the quoted words).

    Attributes:
        start: Offset of the opening mark. end: Offset after the closing mark (or unit end).
        inner_start: First quoted character. inner_end: End of the quoted characters.
        double: True for double quotes, False for single quotes.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    double: bool


def _is_opener(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{\u2014\u2013-/:") and not nxt.isspace()


def _double_opens(text: str, at: int) -> bool:
    """True when the double mark at ``at`` opens a quotation (no quotation being open).

    “ „ « ‟ always open; a straight ``"`` opens after a space or bracket (:func:`_is_opener`);
    » opens only so placed and before a letter or digit (»Wir«), never as the closing » of
    « … » or in a breadcrumb (``Home » News``).

    Example:
        >>> [_double_opens(t, 0) for t in ("\u00bbWir", "\u00bb, sagte", '"Go', "\u201eWir")]
        [True, False, True, True]
    """
    ch = text[at]
    if ch in _OPEN_DOUBLE:
        return True
    if ch == "\u00bb":
        return _is_opener(text, at) and text[at + 1 : at + 2].isalnum()
    return ch == '"' and _is_opener(text, at)


def _double_closes(opener: str, ch: str) -> bool:
    """True when the double mark ``ch`` closes a quotation opened by the mark ``opener``.

    ” » and ``"`` close any quotation (» also »…», Swedish); the German “ closes „ and «
    closes », each after its own opener only (an English “ inside a quotation opens nothing).

    Example:
        >>> [_double_closes("\u201e", c) for c in "\u201c\u201d\u00ab"]
        [True, True, False]
        >>> [_double_closes("\u00bb", c) for c in "\u00ab\u00bb"]
        [True, True]
        >>> _double_closes("\u201c", "\u201c"), _double_closes("\u00ab", "\u00ab")
        (False, False)
    """
    return ch in '"\u201d\u00bb' or ch == _OWN_CLOSER.get(opener)


#: The characters of ``_DOUBLE_MARK_RE`` and of ``_SINGLE_MARK_RE``
_DOUBLE_MARKS = '"' + _OPEN_DOUBLE + _CLOSE_DOUBLE
_SINGLE_MARKS = "'" + _OPEN_SINGLE


def _char_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of the characters ``chars`` in ``text``.

    ``[m.start() for m in re.finditer("[" + chars + "]", text)]``, with ``str.find`` (several
    times faster: most marks are absent or rare).

    Example:
        >>> _char_positions('a "b" \u201cc\u201d', _DOUBLE_MARKS)
        [2, 4, 6, 8]
    """
    out: list[int] = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def find_quotes(text: str, units: Sequence[tuple[int, int]]) -> list[Quote]:
    """Find double and single quotations in text units (headline, standfirst, paragraphs).

    Curly marks give their direction; a straight mark opens after a space or bracket. A mark
    that closes in one convention and opens in another closes after its own opener: „…“ and
    ‚…‘ (German), »…« as well as «…» (:func:`_double_opens`, :func:`_double_closes`). A quote
    left open at the end of a paragraph continues when the next paragraph opens with a quote
    (the news convention for multi-paragraph quotes), else it ends with the paragraph. Single
    quotes are only read outside double quotes, opening before a letter and closing before a
    non-letter, with at least two characters inside (so apostrophes and elisions such as
    ``don't``, ``Putin's``, ``the '90s``, ``rock 'n' roll`` are not quotes).

    Args:
        text: The article text.
        units: ``(start, end)`` of each text unit in order; consecutive units may continue a quote.

    Returns:
        Quotes sorted by start.

    Example:
        >>> t = 'He said: "Go. Now," and left.'
        >>> [t[q.inner_start:q.inner_end] for q in find_quotes(t, [(0, len(t))])]
        ['Go. Now,']
    """
    out: list[Quote] = []
    open_at: int | None = None
    # The marks (one character each) of the whole text, found once: the marks of a unit are a
    # slice of them, and a unit without a mark changes nothing unless a quote is open.
    double_marks = _char_positions(text, _DOUBLE_MARKS)
    single_marks = _char_positions(text, _SINGLE_MARKS)
    for u, (ustart, uend) in enumerate(units):
        i = ustart
        if open_at is None and bisect_left(double_marks, i) == bisect_left(double_marks, uend):
            continue
        if open_at is not None:  # continuing quote: skip the paragraph's opening mark
            j = ustart
            while j < uend and text[j].isspace():
                j += 1
            i = j + 1
        for at in double_marks[bisect_left(double_marks, i) : bisect_left(double_marks, uend)]:
            if open_at is None:
                if _double_opens(text, at):
                    open_at = at
            elif _double_closes(text[open_at], text[at]):
                out.append(Quote(open_at, at + 1, open_at + 1, at, True))
                open_at = None
        if open_at is not None:
            nxt = units[u + 1] if u + 1 < len(units) else None
            lead = text[nxt[0] : nxt[1]].lstrip()[:1] if nxt else ""
            if not lead or lead not in _OPEN_DOUBLE + '"' + text[open_at]:
                out.append(Quote(open_at, uend, open_at + 1, uend, True))
                open_at = None
    doubles = list(out)
    for ustart, uend in units if single_marks else ():
        i = ustart
        k = bisect_left(single_marks, ustart)
        while i < uend:
            while k < len(single_marks) and single_marks[k] < i:
                k += 1  # the next mark at or after ``i``, as ``_SINGLE_MARK_RE.search``
            if k == len(single_marks) or single_marks[k] >= uend:
                break
            i = single_marks[k]
            inside = any(q.start <= i < q.end for q in doubles)
            if not inside and _is_opener(text, i):
                nxt = text[i + 1] if i + 1 < uend else " "
                one = text[i + 2 : i + 4]  # "rock 'n' roll": a one-letter elision
                elision = len(one) >= 1 and one[0] in _CLOSE_SINGLE + "'"
                elision = elision and not one[1:2].isalnum()
                closers = _CLOSE_SINGLE + "'" + _OWN_CLOSER.get(text[i], "")  # (‚…‘)
                if nxt.isalpha() and not elision:  # not "the '90s" (before a digit)
                    for j in range(i + 2, min(uend, i + 200)):
                        c = text[j]
                        after = text[j + 1] if j + 1 < uend else " "
                        if c in closers and not after.isalnum() and text[j - 1] != " ":
                            out.append(Quote(i, j + 1, i + 1, j, False))
                            i = j
                            break
            i += 1
    return sorted(out, key=lambda q: q.start)


#: The dash opening a line of dialogue (em dash or horizontal bar, then a space).
_DIALOGUE_DASH_RE = re.compile(r"[\u2014\u2015][ \t\u00a0]+(?=\w)")
#: A dateline before it ("TESSALY — — When …").
_DIALOGUE_DATELINE_RE = re.compile(r"[ \t]*[A-Z][A-Z .,'\-]*[ \t]*[\u2014\u2013][ \t]*")
#: The speech's last mark before the attribution: ``,`` ``?`` ``!`` (or ``…``) and a space.
_DIALOGUE_CUT_RE = re.compile(r"[,?!\u2026][ \t]+")
#: What may stand between that mark and the reporting verb: a few words, no punctuation.
_DIALOGUE_GAP_RE = re.compile(r"(?:[\w'\u2019.\-]+[ \t]+){0,4}")


def dialogue_quote(
    text: str, start: int, end: int, verbs: Sequence[tuple[int, int]]
) -> Quote | None:
    """The direct speech of a dialogue line: a paragraph that opens with a dash.

    In dialogue set with dashes (``— When will the wages go up? a docker asked.``) the words
    run from after the dash to the last ``,`` ``?`` ``!`` before an inverted attribution: a
    reporting verb (``verbs``, offsets into ``text``) with at most four words and no
    punctuation between that mark and it (``— Soon, she said.``, ``— No, said the docker.``).
    A dateline may come first. The quotation runs from the first word after the dash to the
    mark; it has no quotation marks (outer span = inner span). None when the paragraph opens
    with no dash or no attribution follows the words.

    Args:
        text: The article text (``plain``: quotes normalized).
        start: Start of the paragraph.
        end: End of the paragraph.
        verbs: ``(start, end)`` of the reporting verbs found in the paragraph, in order.

    Example:
        >>> t = "\u2014 When the port pays its debts, Ana Lee replied."
        >>> q = dialogue_quote(t, 0, len(t), [(t.index("replied"), len(t) - 1)])
        >>> t[q.inner_start : q.inner_end]
        'When the port pays its debts,'
        >>> dialogue_quote(t, 0, len(t), []) is None
        True
    """
    at = start
    dm = _DIALOGUE_DATELINE_RE.match(text, at, end)
    if dm is not None and _DIALOGUE_DASH_RE.match(text, dm.end(), end):
        at = dm.end()
    while at < end and text[at].isspace():
        at += 1
    dash = _DIALOGUE_DASH_RE.match(text, at, end)
    if dash is None:
        return None
    for v0, _ in reversed(verbs):
        if not dash.end() < v0 <= end:
            continue
        cuts = list(_DIALOGUE_CUT_RE.finditer(text, dash.end(), v0))
        if not cuts:
            continue
        cut = cuts[-1]
        gap = _DIALOGUE_GAP_RE.match(text, cut.end(), v0)
        if gap is not None and gap.end() == v0 and cut.start() > dash.end():
            return Quote(dash.end(), cut.start() + 1, dash.end(), cut.start() + 1, True)
    return None


@dataclass(slots=True)
class _Mention:
    actor: str  # actor id, or "" for a pronoun that resolved to no actor
    kind: str
    start: int
    end: int
    person: bool  # a person (name/possessive/pronoun) rather than an organization
    pronoun: str = ""
    other: str = ""  # for pronouns that resolve to another speaker
    sentence: int = -1  # index of the sentence holding ``start`` (as ``_Doc._sent_of``)


@dataclass(slots=True)
class _Person:
    start: int
    end: int
    key: str  # actor id or other speaker's name
    is_actor: bool
    gender: str  # "male", "female" or ""
    subject_like: bool
    sentence: int
    named: bool = True  # False for an other speaker known only by a role ("the host")


@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    sentence: int
    ids: tuple[str, ...]  # sorted actor ids, two or more


def joint_id(ids: Iterable[str]) -> str:
    """The speaker id of a joint statement: the actor ids, sorted, joined by ``+``.

    Example:
        >>> joint_id(["scholz", "macron", "scholz"])
        'macron+scholz'
    """
    return "+".join(sorted(set(ids)))


def speakers_of(speaker: str) -> list[str]:
    """Split a speaker (or ``source_actor``) into its members: ``a+b`` → ``["a", "b"]``.

    Actor ids never contain ``+``, so a joint speaker is unambiguous; any other value is one
    speaker (an empty string gives an empty list).

    Example:
        >>> speakers_of("macron+scholz"), speakers_of("putin"), speakers_of("")
        (['macron', 'scholz'], ['putin'], [])
    """
    if not speaker:
        return []
    parts = speaker.split("+")
    if len(parts) > 1 and all(re.fullmatch(r"[a-z0-9_\-]+", p) for p in parts):
        return parts
    return [speaker]


_COORD_GAP_RE = name_re(
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3})?"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"
    # "Varnholt and her Quessan counterpart, Foreign Minister Ilan Dubrec"
    r"(?:(?:his|her|their|the)\s+(?:[\w\-]+\s+){0,2}?(?:counterpart|colleague|host|guest)"
    r"\s*,\s*)?"
    r"(?:(?:the|both)\s+|[A-Z][\w\-]*'s\s+)?"  # ("… and Brann's environment minister")
)
_OF_BEFORE_RE = re.compile(r"\s+of\s+(?:the\s+)?$")
#: The preposition between a role and a capitalised name ("the mayor of Kallo", "a spokesman
#: for Morvia", "the envoy to Trelland"), at the end of a folded text.
_ROLE_PREP_BEFORE_RE = re.compile(r"\s+(of|for|to|at|from)\s+(?:the\s+)?$")
#: "of the invented republic" ending a region (folded): group 1 starts at "the".
_OF_THE_PHRASE_END_RE = re.compile(r"\s+of\s+(the\s+(?:[a-z][\w'\-]*\s+){0,2}[a-z][\w'\-]*)$")
_OF_PP_RE = name_re(r"\s+of\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}(?![\w'\-])")
_PERSONAL_PRONOUNS = frozenset("i we you they he she it us them".split())
_ACC_SOURCE_RE = re.compile(
    r"\s*((?:[^,;:.!?\"]|\.(?:"
    + "|".join(rf"(?<=\b{a}\.)" for a in _TITLE_ABBREVIATIONS)
    + r"|(?<=\b[a-z]\.))){1,100})",
    re.IGNORECASE,
)  # (a title's or an initial's period stays in: "according to Dr. Fox, …")
_ADDRESSEE_RE = re.compile(
    r"\s+((?:[\w'.\-]+\s+){0,7}?[\w'.\-]+?)(?=\s+(?:that|to|about|of|on|against|over|not|for)\b|\s*[,:\"])"
)
#: The same matches as ``_ADDRESSEE_RE``, found without backtracking inside words: a word can
#: only be followed by white space or ``, : "`` (none of them a word character here), so it is
#: always taken whole, and possessive runs (``++``) skip retrying shorter pieces of it.
_ADDRESSEE_FAST_RE = re.compile(
    r"\s+((?:[\w'.\-]++\s+){0,7}?[\w'.\-]++)(?=\s+(?:that|to|about|of|on|against|over|not|for)\b|\s*[,:\"])"
)
_AND_RE = re.compile(r"\band\b|&")
#: A short bracketed aside ending a text, after a word: a party and seat ("Tom Reed (D-Ohio)",
#: "Callum Ash (Unity, Fenwick), " up to a verb). (Plain text.)
_PAREN_END_RE = re.compile(r"(?<=\w)\s*\([^()\n]{1,40}\),?\s*$")
#: A determiner opening a noun phrase ("the minister", "a lawyer"). (Plain text.)
_DETERMINER_START_RE = re.compile(r"(?:the|a|an|his|her|its|their)\s", re.I)
_APPOSITION_RE = re.compile(r",\s*((?:[^,;:.!?\"]|\.(?=\w)){2,80})(?:[,;.!?]|$)")
_APPOSITIVE_RE = re.compile(
    r"(?:^|[,;:\"(\u2014])\s*([^,;:\"]{2,60}),\s*(?:\d{1,3},\s*)?([^,;:\"]{2,120})\s*$"
)
#: A second relative clause joined by "and" ("…, and who asked not to be named,").
_AND_RELATIVE_RE = re.compile(r"(?:and|but)\s+(?:who|whom|whose|which)(?![\w'\-])")
_BOTH_END_RE = re.compile(r"(?:^|\s)both\s+$")
_CLAUSE_START_RE = re.compile(r"(?:who|which|[a-z]+ing|[a-z]+ed)\b")
_CLOSES_OBJ_RE = re.compile(r"\s+[^,;:.!?\"]{1,60}(?:[,.;!?]|$)")
_CLOSES_RE = re.compile(r"\s*(?:[,.;!?\"]|$)")
_COLON_PREFIX_RE = re.compile(r"\s*([^:\"]{1,40}?)\s*:\s+\S")
#: A headline quotation, a colon, then who said it and "on" its topic ('"We stay out": Kit
#: Ambrose on the strike') or the kind of words ('"…": Tamsin's message to the valley');
#: group 1 the name (one to four capitalized words).
_QUOTE_COLON_NAME_ON_RE = re.compile(
    r"\s*[\"\u201c\u2018'][^\"\u201c\u201d]{2,200}?[\"\u201d\u2019']\s*:\s+"
    r"((?:[A-Z][\w'\-.]*\s+){0,3}[A-Z][\w\-]*)(?:\s+on\s+\S|['\u2019]s\s+(?:message|warning"
    r"|plea|appeal|reply|answer|letter|response|promise|vow|words|verdict|defen[cs]e|pitch"
    r"|challenge|ultimatum|rebuke|retort)(?![\w\-]))"
)
#: An article and one modifier before a role ("a union source", "a brantwell spokesman";
#: folded), group 1 the modifier.
_ARTICLE_MODIFIER_RE = re.compile(r"(?:a|an|one|the)\s+([\w\-]+)\s+")
_COMPLEMENTIZER_RE = re.compile(r"\s*(?:,|:)?\s*(?:that\b|to\b)?")
_CONJ_RE = re.compile(r"(?<![\w'])(?:as|while|because|whereas|although|though|but|and|or)(?![\w'])")
_JOINT_RE = re.compile(r"\b(?:joint|both)\b")  # "a joint statement", "both readouts"
_LOWER_RE = re.compile(r"[a-z]")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_NAME_QUOTE_RE = re.compile(
    r"\s*(?:as\s+)?(?:(?:[\w'.\-]+\s+){0,5}?|(?:(?:[A-Z][\w'.\-]*|of|the)\s+){1,8})"
    r"[\w'.\-]*\s*[\"']"
)  # (a long object is a name: "called Prime Minister Ana Sol of Vire "…"")
_PARTICIPLE_RE = re.compile(r"\s+[a-z]{3,}(?:ed|ing)\b")
#: After such a participle, a phrase that identifies the document ("filed with the tribunal",
#: "released by the ministry", "sent to parliament").
_AGENT_AFTER_RE = re.compile(r"\s+(?:by|with|to|before)\s")
#: "the (press) office of …" opening a noun phrase (folded text).
_OFFICE_OF_RE = re.compile(r"(?:the\s+)?(?:[\w\-]+\s+){0,2}?[\w\-]+\s+of\s+")
#: "of" and a capitalized name continuing a name ("… of the Lake States").
_OF_NAME_RE = name_re(r"\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}(?![\w'\u2019\-])")
#: A word and a determiner after it inside an addressee match (group 1: the word): a second
#: noun phrase opens there unless the word continues the first ("Prestan | the treaty", "the
#: prime minister | the treaty"; not "the president of the republic"). (Folded text.)
_SECOND_DETERMINER_RE = re.compile(
    r"(?<![\w'\-])([\w'.\-]+)\s(?=(?:the|a|an|his|her|its|their|this|these|those)\s)"
)
#: Words after which a determiner continues the same noun phrase ("the president of the …").
_NP_CONTINUING_WORDS = frozenset("of in at to for on from with by and or".split())
#: An "of" phrase of up to five words before "that" (group 1 ends at its last word; folded).
_OF_PHRASE_THAT_RE = re.compile(r"(\s+of\s+(?:[\w'\-]+\s+){0,4}?[\w'\-]+)\s+that\s")
_PROPER_ADDRESSEE_RE = name_re(
    r"\s+((?:the\s+)?[A-Z][\w'.\-]*(?:\s+(?:of\s+)?[A-Z][\w'.\-]*){0,4})(?=\s+[a-z])"
)
_COMMA_RELATIVE_RE = re.compile(r",\s*(?:who|whose|which|[a-z]+ing)(?![\w'\-])")
#: A preposition opening a unit ("In Vessk, which has …, the mayor said"): the relative clause
#: belongs to a place, not to the subject.
_OPENING_PREP_RE = re.compile(
    r"\s*(?:in|at|on|from|for|after|before|during|with|near|outside|inside|across|despite"
    r"|later|earlier|yesterday|today|tonight|meanwhile|then|now|however|still|again)\b",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r"(?:(?:of|in|for|to|with|by|from|on|at)\s+)?(?:who|whom|which|whose)\b")


def _verb_frame(lex: Lexicon, verb_text: str) -> str:
    """The lexicon frame (``that``, ``obj``, ``np`` …) of a reporting verb as written, or "".

    Example:
        >>> _verb_frame(load_lexicon(), "Demands"), _verb_frame(load_lexicon(), "told")
        ('np', 'obj')
    """
    form = _SPACES_RE.sub(" ", fold(verb_text))
    found = lex.verbs.get(form) or lex.headline_verbs.get(form)
    return found[1] if found else ""


def _relative_subject_head(head: str) -> bool:
    """True when ``head`` (the unit up to a verb) is ``Subject, who/which …,`` with no quote.

    Then the comma before the verb closes a relative clause on the subject, and the words
    after the verb are its object, not an inverted subject (``"…," said X``).

    Example:
        >>> _relative_subject_head("Ruth Calloway, who voted against the budget,")
        True
        >>> _relative_subject_head('"We will win,"'), _relative_subject_head("Ana Lee, 54,")
        (False, False)
    """
    if '"' in head or not head.endswith(","):
        return False
    m = _APPOSITIVE_RE.search(head[:-1])
    return bool(m and m.start(1) == len(head) - len(head.lstrip()) and _RELATIVE_RE.match(m[2]))


_THAT_RE = re.compile(r"\bthat\b")
#: "that" or "to" right after an addressee (the later ``_THAT_TO_RE`` searches anywhere).
_THAT_TO_AFTER_RE = re.compile(r"\s+(?:that|to)\b")
#: Two capitalized words ending a phrase: a person's full name ("… leader Rowan Pell").
_FULL_NAME_END_RE = name_re(r"(?<![\w'\-])[A-Z][\w'\-]+\s+[A-Z][\w'\-]+$")
#: A subject that says nobody spoke: "Neither office replied …", "No official said …".
#: "neither … nor" in a subject (folded text).
_NEITHER_NOR_RE = re.compile(r"(?<![\w'\-])neither\s.*?(?<![\w'\-])nor\s")
_NEGATIVE_SUBJECT_RE = re.compile(r"(?:neither|no|none|nobody|no\s+one)(?![\w'\-])", re.I)
#: Nothing reported after a leading verb: the unit ends ("What Kavona says") or only "or not"
#: follows ("… whether Westmark agreed or not."). A colon ("X said:") is no end.
#: Content that only points back at words said before: "(said) that before", "so again", "as
#: much" (folded text after the verb; a bare "said so" confirms and stays a report); a clause
#: of its own may follow after a comma and "and"/"but" ("He has insisted that before, and he
#: was right").
_REPEAT = (
    r"(?:\s+(?:before|again|too|often|repeatedly|publicly|many\s+times|in\s+the\s+past|for\s+years"
    r"|several\s+times|more\s+than\s+once|in\s+private|privately))"
)
_SAID_SO_RE = re.compile(
    rf"\s*(?:(?:that|so|this|it){_REPEAT}+|as\s+much{_REPEAT}*)"
    r"(?:\s+(?:in|on|at|last|this|earlier|later)\s+[\w\-]+)*(?:[\s,;.!?)\]]*$|,\s*(?:and|but)\s)"
)
#: "said nothing in public since …", "has said little about the dam": no words reported (not
#: "said nothing had changed", where "nothing" opens the reported clause), also before a clause
#: of its own ("…, as Quorle accuses …"). (Folded text.)
_SAID_NOTHING_RE = re.compile(
    r"\s*(?:very\s+)?(?:nothing|little)(?:\s+more)?(?:\s+(?:in|on|about|since|to|of|at|for|after"
    r"|before|during|publicly|yet|further|beyond)(?![\w'\-])"
    # (no finite verb after it: "said nothing in the plan was new" reports)
    r"(?:\s+(?!(?:was|were|is|are|had|has|have|would|will|could|should|must|did|does|do|can"
    r"|may|might|been|be|remained|remains|seemed|seems)(?![\w'\-]))[\w'\-]+)*)?"
    # (to the end, or to a clause of its own: "…, as Quorle accuses …", "…, but aides say …")
    r"(?:[\s,;.!?)\]]*$|,\s*(?:and|but|as|while|when|though|although|even\s+as)\s)"
)
#: A subject's question up to the subject asked about: "(Pinner) asked whether | the minister
#: agreed …" (not a fronted "Asked whether …,"; folded text, searched up to that subject).
_ASKED_WHETHER_RE = re.compile(
    r"(?<![\w'\-])(?:asked|asks|wondered|wonders|wanted\s+to\s+know)\s+(?:[\w'\-]+\s+){0,4}?"
    r"whether\s+$"
)
#: "said it with a smile", "said it with the calm of a man who knew": a manner, no words
#: (the "it" is words already given; folded text, after the verb).
_SAID_IT_WITH_RE = re.compile(r"\s+it\s+with\s+(?:a|an|the|his|her|their|some|no)\s[^;:]*$")
_NO_CONTENT_RE = re.compile(r"(?:\s*or\s+not|\s*nothing(?:\s+more)?)?[\s,;.!?)\]]*$")
#: A subject pronoun that opens the reported clause after an addressee ("told reporters | she
#: would …"). (Folded text.)
_PRONOUN_CLAUSE_RE = re.compile(r"\s+(?=(?:he|she|they|we|i|you)\s)")
#: "quoted by <source> as saying" / "quoted in <document> as saying" after "is|was …" (group 1:
#: the preposition, group 2: the source or document). (Folded text.)
_QUOTED_BY_AS_RE = re.compile(
    r"\s(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+quoted\s+(by|in)\s+"
    r"([^,;:\"]{1,60}?)\s+as\s+saying(?![\w'\-])"
)
#: "quoted <speaker> as saying", "quotes X as telling Y" (group 1: the speaker). (Folded text.)
_QUOTED_AS_RE = re.compile(
    r"\s(?:quoted|quotes|quote)\s+(?!(?:by|in|as)\s)([^,;:\"]{1,60}?)\s+as\s+(?:saying|telling)"
    r"(?![\w'\-])"
)
#: A document issued, then "saying": "issued a statement saying", "released a video saying",
#: "published a joint letter urging (both leaders to …)".
#: (Folded text.)
_ISSUED_SAYING_RE = re.compile(
    r"\s"
    + _ISSUING_VERBS
    + r"\s+(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    + _ISSUED_DOCS
    + r")(?:\s+(?:on|late\s+on|early\s+on|last|this|earlier|later)\s+[\w\-]+)?\s+"
    r"(?:saying|urging)(?![\w'\-])"
)
#: "the" and a role with at most one word before it ("the judge", "the presiding judge").
_DEFINITE_ROLE_RE = re.compile(r"the\s+(?:[\w\-]+\s+)?[\w\-]+")
#: An agentless passive report opening a unit: "It was agreed that …", "It was also noted
#: that …". (Folded text.)
_AGENTLESS_REPORT_RE = re.compile(
    r"it\s+(?:was|is|has\s+been|had\s+been)\s+(?:also\s+)?(?:agreed|announced|decided|stated"
    r"|noted|stressed|emphasi[sz]ed|confirmed|underlined)\s+that(?![\w'\-])"
)
#: A country's side: "the French side", "the Russian delegation" (group 1: the demonym or
#: country). (Folded text.)
_SIDE_RE = re.compile(r"(?:the\s+)?([\w\-]+)\s+(?:side|camp|delegation)")
_SIDE_END_RE = re.compile(_SIDE_RE.pattern + r"\s*$")  # (the same, ending a text)
#: A depictive adjective phrase in commas after a subject ("Sall, visibly upset, told",
#: "Orme, clearly angry at the ruling, said", "Brandt, close to tears, said"): how the speaker
#: was, no second noun phrase (plain text of the apposition).
_ADJECTIVE_PARENTHESIS_RE = re.compile(
    r"\s*(?:(?:[a-z]+ly\s+|still\s+|very\s+)?(?:upset|angry|furious|emotional|tearful|defiant|"
    r"calm|composed|unrepentant|unapologetic|unbowed|shaken|subdued|sombre|somber|bitter|hoarse|"
    r"animated|buoyant|jubilant|elated|relaxed|confident|unmoved|undaunted|downcast|dejected|"
    r"livid|incensed|distraught|grim|sober|cheerful|exasperated|frustrated|disappointed|"
    r"irritated|annoyed|delighted|pleased|[a-z]+-faced)|[a-z]+ly\s+[a-z]+(?:ed|en)|"
    r"(?:close\s+to|near|in|on\s+the\s+verge\s+of)\s+tears)"
    r"(?:\s+(?:at|about|with|over|by|after)\s+[^,]{1,50})?\s*"
)
#: A participle opening a parenthesis ("speaking on state television", "asked about …").
_PARTICIPLE_START_RE = re.compile(r"(?:[a-z]+ing|asked|pressed|interviewed|quoted)\b")
#: An apposition that says who the members of a plural subject are: "most of them
#: hydrologists", "all veterans", "among them two judges" (plain text, lower case).
_QUANTIFIER_APPOSITION_RE = re.compile(
    r"\s*(?:(?:most|all|many|some|several|both|half|nearly\s+all|almost\s+all)"
    r"(?:\s+of\s+them)?|among\s+them)\s"
)
#: Conjunctions that open a clause after a verb ("shouted as members rose"), never a subject.
_SUBORDINATORS = frozenset(
    "as while when whenever after before because since though although until unless if once "
    "adding saying".split()
)
#: A fronted clause in which someone questions another ("When a reporter pointed out that …,",
#: "After Holt asked Venn whether …,", "Asked about the row between X and Y,", with an "as"
#: aside: "Asked whether …, as two papers reported on Wednesday,"), ending at the
#: comma before the main clause's subject (group ``obj``: the words right after a question
#: verb, its addressee; none for a participle). (Folded text, from the sentence start.)
_OPENING_MARKS = r"[\s\"'\u201c\u2018(]*"  # (white space, quotes, a bracket opening a line)
_FRONTED_QUESTION_RE = re.compile(
    _OPENING_MARKS + r"(?:(?:when|after|once|as|before)\s+(?P<subj>[^,;:]{1,80}?)\s)?"
    r"(?:asked|pressed|questioned|challenged|interrupted|pointed\s+out|suggested|put\s+it\s+to)"
    r"(?![\w'\-])\s*(?P<obj>[^,;:]*?(?:,\s*as\s[^,;:]*?)?),\s*$"
)
#: An indefinite person asked in a fronted clause, up to its head ("one of the party | whips",
#: "a senior | aide", "another | official"; at most three modifiers; folded text).
_INDEFINITE_ROLE_RE = re.compile(
    r"(?:an?|another|one\s+of\s+(?:the|his|her|their|its))\s+(?:[a-z\-]+\s+){0,3}?"
    r"(?=[a-z\-]+(?:\s+(?:who|about|whether|if|why|how|what|when|where|afterwards|later|on|for)"
    r"(?![\w'\-])|\s*,))"
)
#: A passive auxiliary ending a fronted clause's subject ("When Kostav was | asked").
_PASSIVE_END_RE = re.compile(r"\s(?:was|were|is|are|being|been|had\s+been|has\s+been)$")
#: A subordinator opening a sentence, up to a clause's subject ("When ", "“After ").
_FRONTED_SUBORDINATOR_RE = re.compile(
    _OPENING_MARKS + r"(?:when|whenever|after|once|as|before|although|though|because|since"
    r"|while|if|until)\s+"
)
#: A participle of questioning opening a sentence, up to the question's words ("Asked whether
#: ", "Pressed on "; folded text).
_FRONTED_ASKED_RE = re.compile(
    _OPENING_MARKS + r"(?:asked|pressed|questioned|challenged|quizzed)\s+(?:[\w'\-]+\s+){0,3}?"
    r"(?:whether|if|about|on|why|how|what|when|who|whom|to|by)\s+"
)
#: A determiner opening a noun phrase ("The other guest", "Her old friend", "A colleague").
_DETERMINER_OPENING_RE = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ne|[Aa]nother)\s"
)
#: The word after a subject pronoun, past "also", "then", "later" (group 1; folded text).
_REPORTING_NEXT_RE = re.compile(
    r"\s+(?:(?:also|then|later|again|further|quickly|simply)\s+)?([a-z]+)(?![\w'\-])"
)
#: Past forms of replying: "He replied" right after "X asked Y whether …" is Y's answer.
_REPLY_VERB_FORMS = frozenset({"replied", "answered", "responded", "retorted"})
#: Past and present forms of asking: '"…?" she asked' after "X pressed her on …" is X's.
_ASK_AGAIN_FORMS = frozenset({"asked", "asks", "pressed", "presses", "demanded", "demands"})
#: A verb of asking and its object "her"/"him" (group 1), before the question or its topic:
#: "Blake asked her whether …", "pressed him on why …" (folded; not "asked her aides").
_ASKED_PRONOUN_RE = re.compile(
    r"(?<![\w'\-])(?:asks?|asked|asking|press(?:es|ed|ing)?|question(?:s|ed|ing)?|quizz(?:ed|ing)"
    r"|challeng(?:es|ed|ing))\s+(him|her)(?=\s*(?:,|\.|(?:whether|if|what|why|how|when|where"
    r"|who|which|about|on|over|again|repeatedly)(?![\w'\-])))"
)
#: Lemmas of asking: their subject is not the one who answers.
_QUESTION_LEMMAS = frozenset(
    {"ask", "press", "question", "inquire", "wonder", "query", "challenge", "want to know"}
)
#: Modal verbs: "will want to know whether …" puts no question yet.
_MODALS = frozenset("will would may might could should must can shall".split())
#: A question word after "wanted to know" ("… whether the freeze would …"; folded text).
_WH_AFTER_RE = re.compile(r"\s+(?:whether|if|why|how|what|when|who|whom|where|which)(?![\w'\-])")
#: A relative pronoun right before a subject region ("official | who | briefed …").
_RELATIVE_END_RE = re.compile(r"\s(?:who|that)\s*$")
#: What may follow a role and stand before its verb: a relative clause (group 1: "official who
#: briefed reporters …") or a prepositional modifier ("close to the talks", "familiar with the
#: matter", "in both capitals"). (Folded text.)
#: "of" and an optional determiner or number ending a text: what follows is an "of"
#: complement, not a subject (folded text).
_OF_BEFORE_RE = re.compile(r"(?<![\w'\-])of\s+(?:(?:the|a|an|two|three|some|its|their)\s+)?$")
#: A sentence opening with a question put to its subject: "Asked about her first year, ",
#: "When asked whether he would run, " (folded text; the subject follows the match).
_ASKED_OPENING_RE = re.compile(
    r"(?:when\s+)?asked\s+(?:about|whether|what|how|why|if|who|which|when|where|on|for)\s"
    r"[^.;:!?\"]{2,200}?,\s+"
)
#: A comma and the spaces after it (the match ends where the next clause starts).
_COMMA_SPACE_RE = re.compile(r",\s+")
_POSTMOD_RE = re.compile(
    r"\s+(?:(who|that)\s+\w+|(?:close\s+to|familiar\s+with|involved\s+in|with\s+knowledge\s+of"
    r"|in|at|from|for|with|within|among|around|across|near|outside|inside|behind"
    # "Officials on both sides said", "Members on the left of the party" (not a time or
    # "on condition of anonymity": those are no part of the subject)
    r"|on(?=\s+(?!condition\s|behalf\s|\w+day(?!\w)|the\s+(?:phone|eve|day|night|morning|evening)"
    r"(?!\w))))\s+\w+"
    # a participle: "Residents living near the plant", "Families evacuated from the valley",
    # "People told to leave their homes", "Officials speaking on condition of anonymity"
    r"|(?P<part>[a-z]{3,}ing\s+\w+|(?:[a-z]{3,}ed|told|held|kept|left|taken|driven|shown|seen"
    r"|caught)\s+(?:to|by|from|on|in|at|near|after|during|since|out\s+of|outside|inside)\s+\w+))"
)
#: A person described by a noun the lexicon has no role for, then "close to" someone, as a
#: whole subject: "A senior party figure close to Sarrow", "someone close to the family"
#: (folded text; group 1 the description before "close to").
_CLOSE_TO_SUBJECT_RE = re.compile(
    r"\s*((?:an?|one|two|three|several|some|many)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*"
    r"|someone|somebody)\s+close\s+to\s+[^,;:\"]{2,60}?\s*"
)
#: A document with a participle phrase that does not name its author, ending a subject: "a
#: memo seen by the Ledger", "a report obtained by Reuters" ("issued by X" names X: not here)
#: (group 1: the document with its determiner). (Folded text.)
_DOC_PARTICIPLE_RE = re.compile(
    r"(?<![\w'\-])((?:a|an|the|one|another)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:memo|memorandum|report|document|documents|letter|email|e-mail|emails|e-mails|cable"
    r"|draft|text|transcript|note|statement|readout|dossier|file|files|record|records|minutes|study"
    r"|survey|poll|audit|assessment)"
    # ("a draft of the agreement seen by Northline")
    r"(?:\s+of\s+(?:the\s+|a\s+|an\s+)?[\w\-]+(?:\s+[\w\-]+)?)?)"
    r"\s+(?:seen|obtained|reviewed|leaked|circulated|dated|shared|viewed|carried|aired|broadcast"
    r"|(?:published|released"
    r"|issued|presented|compiled|written|prepared)(?![^,;:\"]*\sby\s))(?:\s+[^,;:\"]{0,60})?$"
)
#: A draft or a text heading ``_DOC_PARTICIPLE_RE``'s document (folded text).
_DRAFT_HEAD_RE = re.compile(r"(?<![\w'\-])(?:draft|text)(?:\s+of\s.*)?$")
#: Where an addressee phrase gives way to a time or place: "told lawmakers | in March".
_AUDIENCE_CUT_RE = re.compile(
    r"\s+(?=(?:in|on|at|during|after|before|last|this|next|earlier|later|via|over|through)\s)"
)
_TRAILING_ADDRESSEE_RE = re.compile(r"\s+([^,;:.!?\"]{1,60})(?=[,;.!?]|$)")
#: A headline prefix before a colon that names an occasion, not a source, when no quotation
#: follows the colon: "Rudka at 100 days: a presidency adrift", "Lund after the vote: …" (a
#: number or a time word; "Dovren on the talks: …" stays a source).
_NO_SOURCE_PREFIX_RE = re.compile(
    r"\d|(?<![\w'\-])(?:at|after|before|since|until|turns|years?|months?|days?|vs|versus)"
    r"(?![\w'\-])"
)
#: A comparative "as" clause right before a reporting verb: "as she had told reporters", "as the
#: minister said" (folded text, ending at the verb).
_AS_CLAUSE_RE = re.compile(
    r"(?<![\w'\-])as\s+(?:[\w'\-]+\s+){1,3}?(?:(?:had|has|have|would|did)\s+)?$"
)
#: Bodies named by a common noun (the last alternatives of ``_AGENT_NP_RE``), singular.
_BODY_HEADS = frozenset(
    "bank fund federation association league alliance club university hospital firm board staff "
    "command delegation watchdog airline network corporation regulator school church charity "
    "consortium cartel syndicate tribunal secretariat mission cooperative co-operative "
    "service trust coastguard guard brigade crew squad patrol palace".split()
)
#: What a crowd holds up, speaking as its bearers ("One placard read "…"").
_SIGN_HEADS = ("placard", "banner", "poster", "sign")
#: A noun phrase headed by an agent noun or a body (group 1), with a determiner (or a
#: capitalized possessor) and at most three lower-case words before it: "a mediator", "the
#: ferry operators", "one senior negotiator", "the bank", "Ardovia's general staff" (as
#: written: proper names are read before).
#: The head of :data:`_AGENT_NP_RE` (group 1) and what may follow it.
_AGENT_HEAD = (
    r"([a-z][a-z\-]*(?:[^aeiou]er|[st]or|[a-z]{3}ist|ian|ant|eer|man|woman|person)(?:s|es)?"
    r"|[a-z]*(?:men|women|people)"
    # an unseen heckler: "a voice shouted", "a lone voice from the gallery cried"
    r"|voices?"
    # bodies named by a common noun ("the bank said", "Ardovia's general staff denied"), signs
    r"|(?:" + "|".join(map(re.escape, sorted(_BODY_HEADS | set(_SIGN_HEADS)))) + r")s?)"
    # a modifier after the head: "at the port of Vessk", "familiar with the talks", or a
    # participle phrase ("handing out flags")
    r"(?:\s+(?:at|with|from|in|of|for|on|near|inside|familiar\s+with|close\s+to)\s"
    r"[^,;:\"]{1,80}|\s+(?!according\s)[a-z]{2,}ing\s[^,;:\"]{1,60})?"
)
#: A modifier of :data:`_AGENT_NP_RE`'s head: no function word ("The plan the mediator", "the
#: talks failed the mediator").
_AGENT_MODIFIER = (
    r"(?!(?:the|a|an|this|that|these|those|and|or|but|of|to|in|on|at|by|for|with|who|which"
    r"|what|when|where|is|are|was|were|has|have|had)\s)[a-z][\w\-]*\s+"
)
_AGENT_NP_RE = name_re(
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Ii]ts|[Hh]is|[Hh]er"
    r"|[Tt]heir|[Oo]ur|[A-Z][\w\-]*['\u2019]s)\s+"
    # a place's name before the lower-case words: "The Kessel fire service", "the Orrin water
    # board" (one or two capitalized words, then at least one modifier or the head)
    r"(?:[A-Z][a-z][\w\-]*\s+){0,2}"
    r"(?:" + _AGENT_MODIFIER + r"){0,3}?" + _AGENT_HEAD
)
#: A headline's subject with no determiner, as headlines write them: "Central bank insists …",
#: "Weather service insists …" (a capitalized modifier, at most two more, the head).
_HEADLINE_AGENT_NP_RE = name_re(
    r"(?!(?:The|A|An|This|That|These|Those|In|On|At|As|After|Before|For|With)\s)[A-Z][a-z\-]+\s+"
    r"(?:" + _AGENT_MODIFIER + r"){0,2}?" + _AGENT_HEAD
)
_AGENT_HOW = "other speaker (agent noun)"
#: A body's description with a capitalized modifier or possessor: "The Dravenian embassy",
#: "Vastmoor's national flood agency" (not "the agency", "a ministry").
_CAPITALIZED_DESCRIPTION_RE = re.compile(r"(?:[Tt]he\s+[A-Z][a-z]|[A-Z][\w\-]*['\u2019]s\s)")
#: One lower-case plural word (group 1): "employers", "growers" (a headline's bare subject).
_BARE_PLURAL_RE = re.compile(r"([a-z][a-z\-]+s)")
#: One agent noun of :data:`_AGENT_HEAD`, singular: "defender", "goalkeeper", "translator".
_AGENT_WORD_RE = re.compile(r"[a-z][a-z\-]*(?:[^aeiou]er|[st]or|[a-z]{3}ist|ian|ant|eer)")


def _agent_word(word: str) -> bool:
    """Whether a folded word is an agent noun naming a person ("defender", not "border")."""
    return bool(_AGENT_WORD_RE.fullmatch(word)) and word not in _NOT_AGENT_HEADS


#: Words that make "<Words> of <Name>" one body's name ("Hollin Chamber of Commerce",
#: "National Bureau of Statistics"), besides the lexicon's ``body_names``.
_BODY_NAME_WORDS = frozenset(
    "chamber bureau house department ministry office board service agency institute council "
    "commission authority directorate union guild order college society".split()
)
#: A subordinate or participle clause opening a unit, up to its comma: "Asked whether …,",
#: "When his turn came,", "Speaking through an interpreter," (folded text).
_LEADING_SUBCLAUSE_RE = re.compile(
    r"(?:asked|pressed|questioned|speaking|when|after|before|although|though|while|once)\s"
    r"[^;:\",]{1,160},\s*"
)
#: Capitalized words (group 1), then "of" and a lower-case-ending phrase: "Bohdar Dolan of the
#: Halvetsk region", "Governor Ana Brel of the northern province".
_NAME_OF_PLACE_RE = name_re(
    r"((?:[A-Z][\w'.\-]*\s+){1,4}[A-Z][\w'.\-]*)\s+of\s+(?:the\s+)?(?:[\w'\-]+\s+){0,4}[a-z][\w\-]*"
)
#: Words right before a name, ending at it: "chief executive " of "… chief executive Conrad
#: Ilves", "Former chief executive " (group 1; plain text, in the 60 characters before it).
_ROLE_BEFORE_NAME_RE = name_re(r"(?<![\w'\-])((?:[A-Za-z][\w\-]*\s+){1,3})$")
#: "The <role>, " right before a name: "The moderator, " of "The moderator, Sigrun Ejdersen,",
#: "Veskaria's chief negotiator, " (group 1: the role words; plain text before the name).
_DEFINITE_ROLE_BEFORE_NAME_RE = name_re(
    r"(?:^|(?<=[\s(]))(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[A-Z][\w\-]*(?:'s|\u2019s))\s+"
    r"((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*),\s+$"
)
#: An apposition right after a name, up to its comma or the sentence's end: ", the company's
#: chief executive," (group 1: the role words; plain text after the name).
_ROLE_APPOSITION_RE = name_re(
    r",\s+(?:the|a|an|its|his|her|their|[A-Z][\w\-]*(?:'s|\u2019s))\s+"
    r"((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s*[,.;]"
)
#: Words that make a role another holder's ("the former chief executive"): a later "the chief
#: executive" is not that person unless it repeats them.
_OTHER_HOLDER_WORDS = frozenset(
    "former ex deputy vice assistant junior shadow acting previous late outgoing interim".split()
)
#: An opening phrase before a narration sentence's subject: a prepositional phrase up to its
#: comma ("In a video posted on Monday, "). (Plain text; a live page's time stamp, "23:48 —",
#: is cut from its sentence by ``segment.strip_update_label``.)
_LEAD_IN_OPENING_RE = re.compile(
    r"\s*(?:In|At|On|After|During|Before|Later|Earlier|From|Outside|Inside)\s[^,;:\"\u201c]{1,100},"
    r"\s*"
)
#: Words of a narration sentence about someone who cannot be the next "he" or "she" speaking:
#: the dead, the jailed (folded text).
_LEAD_IN_STOP_RE = re.compile(
    r"(?<![\w'\-])(?:died|dies|dead|death|killed|funeral|buried|survived\s+by|jailed|imprisoned"
    r"|detained|arrested|executed|murdered|sentenced|convicted|missing|kidnapped|abducted"
    r"|wounded|injured|hurt|coma|custody|deported|evacuated|hospitali[sz]ed|unconscious"
    r"|hostage|captive)(?![\w'\-])"
)
#: What may follow an adverbial phrase naming an occasion: " with the Velm Post", " to members"
#: (folded text).
_OCCASION_TAIL_RE = re.compile(r"\s+(?:with|to)\s+[^,;:\"]{1,40}\s*")
#: A capitalized word (a surname, a place, a body's first word).
_CAPITALIZED_WORD_RE = name_re(r"(?<![\w'\-])[A-Z][a-z][\w\-]*(?![\w'\-])")
#: A job as an apposition: a role then "at/in/for/with" ("a spokesman for the army",
#: "spokesman for the Vendrian army", "a surgeon at Velm hospital"; group 1: the role word),
#: or a spokesperson ("a police spokesman"; group 2). Folded text; not "a former …".
_JOB_APPOSITION_RE = re.compile(
    r"\s*(?!(?:(?:a|an|the)\s+)?(?:former|ex-))(?:(?:a|an|the)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:([\w\-]+)\s+(?:at|in|for|with)\s|(spokes(?:man|woman|person))\s*$)"
)
#: One capitalized title word before a name ("Colonel", "Judge", "Coach").
_ONE_TITLE_RE = name_re(r"[A-Z][a-z]+\.?")
#: An indefinite description ("a security think tank in Salverne"; folded text).
#: "told" with no object before an infinitive: a passive participle ("people told to leave";
#: folded text at the verb).
_TOLD_TO_RE = re.compile(r"told\s+to\s+(?!the\s|a\s|an\s|reporters\b|journalists\b)[a-z]")
#: A lower-case description opening with an article: "the country's largest union", "a
#: former nurse" (plain text after a comma).
_DESCRIPTION_TAIL_RE = re.compile(r"\s*(?:a|an|the)\s+[a-z\u2019'\-][^,;:\"]{2,120}")
_BODY_DESCRIPTION_RE = re.compile(r"\s*(?:a|an)\s+[a-z][^,;:\"]{2,80}")
#: "the agency's " opening a document phrase (group 1: the body's word; folded text).
_BODY_POSSESSIVE_RE = re.compile(r"the\s+(?:([a-z][\w\-]*)\s+)??([\w\-]+)'s\s")
#: "The Competition and " right before the rest of a body's name (plain text).
_NAME_AND_BEFORE_RE = name_re(r"(?<![\w'\-])[Tt]he\s+(?:[A-Z][\w'\-]*\s+){1,3}and\s+$")
#: A document as the subject right before its verb, as headlines write it: "Study | finds link
#: …", "Inspectors' report | finds cracks …" (folded text, searched up to the verb).
_DOC_SUBJECT_END_RE = re.compile(
    r"(?<![\w'\-])(?:report|study|survey|audit|inquiry|review|investigation|poll|inspection"
    r"|analysis|assessment|probe)s?['\u2019]?\s+$"
)
#: Words that let :attr:`_Doc.doc_authors` find anything (folded text).
#: "a written statement from the Harbour Police": the document word (group 1) and the
#: capitalized body it came from (group 2, its lower-case head included). (Plain text.)
_DOC_FROM_RE = name_re(
    r"(?<![\w'\-])(?:a|an)\s+(?:[a-z\-]+\s+){0,2}?([a-z\-]+)\s+from\s+"
    r"((?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,4}(?:\s+[a-z]+)?)"
    r"(?=\s*[.,;:]|\s+(?:on|in|at|to|that)\s)"
)
_DOC_AUTHOR_GATE_RE = re.compile(r"(?:report|study|survey|audit|assessment|analysis|poll)")
_AUTHOR_NAME = r"((?:[Tt]he\s+)?[A-Z][\w'\u2019&\-]*(?:\s+(?:[A-Z][\w'\u2019&\-]*|of|for|&))*)"
_DOC_WORDS = r"(report|study|survey|audit|assessment|analysis|poll)"
#: "a report by Lanterna Rights Group", "The audit, compiled by the accountancy Verle &
#: Sons for the council," (group 1: the document word; group 2: the author).
_DOC_BY_NAME_RE = re.compile(
    r"(?<![\w'\-])(?:a|an|the|[Tt]he(?=\s+[\w\-]+,)|its|their)[ \t]+(?:[\w\-]+[ \t]+){0,3}?"
    + _DOC_WORDS
    + r"(?:,?\s+(?:prepared|written|compiled|produced))?"
    + r"\s+(?:by|from)\s+(?:the\s+(?:[a-z\-]+\s+){1,2}(?=[A-Z]))?"
    + _AUTHOR_NAME
)
#: A function word the author's name pattern may end on ("Verle & Sons for | the council").
_AUTHOR_TAIL_RE = re.compile(r"\s+(?:of|for|&)$")
#: "the latest situation report of the Lisard Health Watch" (plain text, the whole phrase; group
#: 1: the document word, group 2: the author): a body's issued document "of" a capitalized name
#: (not "an audit of the Harbour Trust", "a study of Vastmoor": what they are about).
_DOC_OF_NAME_RE = re.compile(
    r"(?<![\w'\-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w\-]+\s+){0,3}?"
    r"(report|bulletin|update|statement|communiqu[e\u00e9]|minutes|figures|estimates)s?\s+of\s+"
    + _AUTHOR_NAME
)
#: "The Orsolo Institute published a study" (group 1: the author; group 2: the document word).
_NAME_PUBLISHED_RE = re.compile(
    _AUTHOR_NAME + r"\s+(?:published|released|issued|presented|unveiled)\s+"
    r"(?:a|an|its|their|his|her|(?:his|her|its|their)\s+own)\s+"
    r"(?:[\w\-]+\s+){0,3}?" + _DOC_WORDS + r"(?![\w'\-])"
)
#: "Ms Elswick's interim report" (group 1: the author; group 2: the document word).
_NAME_POSSESSIVE_DOC_RE = name_re(
    r"((?:(?:Mr|Ms|Mrs|Dr|Sir|Dame|Professor|Prof|Judge)\.?\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['\u2019]s\s+"
    r"(?:[\w\-]+\s+){0,2}?" + _DOC_WORDS + r"(?![\w'\-])"
)
#: A role's document: "the referee's report", "the coroner's final report" (folded text;
#: group 1 the description, group 2 its role word, group 3 the document word): the person
#: introduced with that role wrote it (``_Doc.doc_authors``).
_ROLE_POSSESSIVE_DOC_RE = re.compile(
    r"(?<![\w'\-])the\s+((?:[a-z\-]+\s+){0,2}?([a-z\-]+))['\u2019]s\s+(?:[\w\-]+\s+){0,2}?"
    + _DOC_WORDS
    + r"(?![\w'\-])"
)
#: A courtesy or professional title opening a name ("Ms Elswick" → "Elswick").
_TITLE_PREFIX_RE = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Sir|Dame|Professor|Prof|Judge)\.?\s+")
#: Days, months and feasts: "Monday's report" has no author (folded text).
_TIME_WORD_RE = re.compile(
    r"(?<![\w'\-])(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april"
    r"|may|june|july|august|september|october|november|december|christmas|easter|today|yesterday"
    r"|last|this|next)(?![\w'\-])"
)
#: A capitalized agent noun used as a title before a name ("Referee", "Conductor", "Explorer",
#: "Volunteer", "Baker").
_AGENT_TITLE_RE = name_re(r"[A-Z][a-z]+(?:er|or|ist|ee|ian|ant|man|woman|ect)")
#: A narration sentence about long ago ("opened the first mill in 1902", "in the 1780s", "a
#: century ago", a year before 1980): its people are not the next "he" or "she" speaking, nor
#: a later "the captain" (folded text).
_LONG_AGO_RE = re.compile(
    r"(?<![\w'\-])(?:1[0-8]\d\d|19[0-7]\d|\d{4}s|centur(?:y|ies)|decades\s+ago|last\s+year)"
    r"(?![\w'\-])"
)
#: What may stand before a lead-in sentence's named subject: a role phrase, with a determiner or
#: possessive ("its chief executive, ", "hollisford's chief executive "), or an inversion
#: ("among those watching from the public gallery was "). (Folded text.)
#: A role with a possessor, then one capitalized name set off by commas ("His wife, Lorna,"):
#: group 1 the role words, group 2 the name.
_ROLE_GIVEN_NAME_RE = re.compile(
    r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w\-]*['\u2019]s)\s+"
    r"((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*),\s+([A-Z][a-z][\w'\u2019\-]*),\s"
)
#: An opening phrase of a narration sentence, up to its comma ("As dawn broke, ").
#: A reflexive after a narration's subject: "Voronet himself seemed to agree."
_REFLEXIVE_TAIL_RE = re.compile(r"\s+(himself|herself)$")
#: A passive and its agent's "by" ("The walk-out was led by …"; folded).
_PASSIVE_BY_RE = re.compile(r"\b(?:was|were)\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|led|[a-z]+en)\s+by\s+")
#: A year before 1930 or a century: a person who acted then is not quoted now (folded).
_BEFORE_1930_RE = re.compile(
    r"(?<![\w'\-])(?:1[0-8]\d\d|19[0-2]\d|1[0-8]\d0s|centur(?:y|ies))(?![\w'\-])"
)
_NARRATED_OPENING_RE = re.compile(
    r"\s*(?:As|When|While|In|At|On|After|During|Before|Later|Earlier|Outside|Inside|By|From"
    r"|Then)\s[^,;:\"\u201c]{1,80},\s*"
)
#: A one-word (sur)name, then a lower-case word (its verb): "Tolley looked at the sky."
_NARRATED_SUBJECT_RE = re.compile(r"([A-Z][a-z][\w'\u2019\-]*)\s+(?:[a-z]+ly\s+)?[a-z]{2,}\b")
#: What may open a sentence before its subject: white space, quotation marks, a transcript
#: turn's label ("A: ", "Q: ").
_TURN_OPENING_RE = re.compile(r"[\s\"'\u201c\u2018]*(?:[A-Z]{1,2}:\s+)?[\"'\u201c\u2018]*")
#: A dateline before a sentence's first word ("KESWATER — ", "LONDON (Wire) - ").
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z .,'\-]*(?:\([^)]{1,40}\))?\s*[\u2014\u2013\-]+\s*")
_LEAD_IN_PREFIX_RE = re.compile(
    r"(?:(?:the|its|his|her|their|[\w\-]+'s)\s+)?((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*),?\s+"
    r"|among\s[^,;:]{1,80}\s(?:was|were)\s+"
)
#: A word before an actor's title that names another holder of it ("a former finance
#: minister", "the deputy prime minister", "ex-president"). (Folded text, before the title.)
_HOLDER_WORDS = r"(?:former|ex|deputy|vice|assistant|junior|shadow|acting|previous|late)[\s\-]+$"
_OTHER_HOLDER_RE = re.compile(r"(?<![\w'\-])" + _HOLDER_WORDS)
#: A subject "the new <title>": maybe a holder appointed in the article (folded text; group
#: 1 the phrase, group 2 the title; :meth:`_Doc.appointed_to`)
_NEW_HOLDER_RE = re.compile(r"\s*(the\s+new\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}))[\s,]*")
#: An appointment in narration: "named Lotte Brenner, 44, a deputy minister, as housing
#: minister" (group 1: the name; group 2: the title, to its end; plain text)
_APPOINTED_AS_RE = name_re(
    r"(?<![\w'\-])(?:named|appointed|nominated|picked|chose|chosen|installed)\s+"
    r"([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})(?:,[^.;:\"\u201c]{0,100}?,)?\s+as\s+"
    r"(?:(?:the|its|his|her|their|new)\s+)*([a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})(?![\w'\-])"
)
#: "Gideon Ashcombe of the Popular Alliance": between an actor's name and the actor's own body
#: (the person, not the body, is the phrase)
_OF_OWN_BODY_GAP_RE = re.compile(r"\s+of\s+(?:the\s+)?")
#: Capitalized words and "of" before a body's mention: "Tom Ruck of | the Popular Alliance"
#: (group 1: the words, perhaps a title and a name).
_NAME_OF_GAP_RE = name_re(r"([A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){1,3})\s+of\s+(?:the\s+)?")
#: Roles whose holder speaks for the actor in every later mention too: spokespeople, aides,
#: envoys, campaign managers (not lawyers: "a lawyer suing the palace"; folded text).
_SPEAKS_FOR_ROLE_RE = re.compile(
    r"(?<![\w\-])(?:spokes(?:man|woman|person|people|men|women)|press\s+secretary|aides?|"
    r"chief\s+of\s+staff|ambassador|envoy|campaign\s+(?:manager|chair\w*|director))(?![\w\-])"
)
#: Pronouns that are never a verb's subject on their own (folded).
_NON_SUBJECT_PRONOUNS = frozenset("her him them his its their me us my our".split())
#: An indefinite article opening a phrase ("a schoolteacher", "another official"; folded).
_INDEFINITE_RE = re.compile(r"(?:a|an|one|another)\s")
#: Where a role's postmodifier starts: "one official | at the ministry", "an aide | to the
#: prime minister" (folded text).
_POSTMOD_CUT_RE = re.compile(r"\s+(?:at|for|of|in|to|with|from|close\s+to)\s")
#: After a sentence-opening "that": one or two words, then a verb of speaking ("That person
#: said", "That senior official told"; folded text).
_DEMONSTRATIVE_NOUN_RE = re.compile(
    r"\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*\s+(?:said|says|told|tells|added|adds|insisted|"
    r"insists|warned|warns|claimed|claims|wrote|writes|recalled|recalls)\b"
)
#: "former" or "ex-" anywhere in a role: another time's holder (folded text).
_FORMER_RE = re.compile(r"(?<![\w\-])(?:former|ex(?=-)|onetime|one-time)(?![\w])")
#: Masculine role words also used for women ("Kaja Morn, chairman of the board"): they tell no
#: gender to remember.
_GENERIC_MALE_ROLES = frozenset(
    "chairman spokesman congressman businessman alderman ombudsman sportsman".split()
)
#: ``_OTHER_HOLDER_RE`` with its determiner, right before a title (folded text).
_HOLDER_BEFORE_RE = re.compile(r"(?<![\w'\-])(?:(?:a|an|the|one)\s+)?" + _HOLDER_WORDS)
#: A side (a configured one-word country or demonym) then a role: "vendria's ambassador", "the
#: duranthian mission" (folded; group 1: the side word, group 2: the role words).
_SIDE_ROLE_RE = re.compile(r"(?:the\s+)?([\w\-]+?)(?:'s)?\s+((?:[\w\-]+\s+){0,2}[\w\-]+)")
#: Titles of a head of state or government in an actor's alias (folded): "President Amara
#: Selu", "the Kettavian prime minister" (a "<side> leader" is that actor).
_HEAD_TITLE_RE = re.compile(
    r"(?<![\w'\-])(?<!vice\s)(?:president|prime\s+minister|premier|chancellor)(?![\w'\-])"
)
#: Roles (of the lexicon) that represent their country's leader abroad or speak for them: right
#: after a side word they speak for that side's actor ("Vendria's ambassador, Joost Alsing,
#: said", "Mardessan officials reject …").
_DIPLOMATIC_ROLES = frozenset(
    "ambassador ambassadors envoy envoys embassy representative spokesman spokeswoman "
    "spokesperson consul officials diplomats delegation".split()
)
#: What "tell" tells when it reports nothing: a story, the truth, a lie ("the gauges have told
#: the same story"; folded text, right after the verb).
_TOLD_A_THING_RE = re.compile(
    r"\s+(?:(?:a|an|the|the\s+same|this|that|no|such\s+a)\s+)?(?:[\w\-]+\s+)?"
    r"(?:story|stories|truth|lie|lies|joke|jokes|tale|tales|anecdote|anecdotes)"
    # (the noun ends its phrase: not "the truth commission", "a lie detector examiner")
    r"(?=\s*(?:[.,;!?)]|$)|\s+(?:about|of|again|all|for|in|on|at|to|when|while|before|after)\b)"
)
#: "to" right after "wrote" (folded text) and what, after it, tells the words written ("that",
#: a colon, a quotation mark; plain text).
_WROTE_TO_RE = re.compile(r"\s*to\s")
_WRITTEN_WORDS_RE = re.compile(
    r"\bthat\b|:|[\"\u201c\u2018]|\s'|\b(?:demanding|urging|asking|calling|saying|warning"
    r"|accusing|insisting|promising)\b"
)
#: What "put it to" needs to report words: an addressee of up to four words, then "that"
#: ("put it to her that …", "put it to the first minister that …"; folded text).
_PUT_IT_TO_RE = re.compile(
    r"\s+(?:[\w'\-]+\s+){1,4}?that\s(?!(?:morning|afternoon|evening|night|day|week|weekend"
    r"|month|year|spring|summer|autumn|fall|winter|time|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b)"
)
#: What "hail" needs to report words: a quotation after it ('hails "a first step"', 'hailed the
#: accord as "a deal"') or "as" with a description ("hailed the vote as a victory").
_HAIL_WORDS_RE = re.compile(
    r"[^.;:!?]{0,80}?(?:[\"'\u201c\u2018]\w|\sas\s+(?:a|an|the|[\"'\u201c\u2018]))"
)
#: Nouns of time or number after "a": "called the election a year early", "called the police a
#: second time" (no name given)
_TIME_NOUNS = (
    r"(?:year|day|week|month|time|second|third|fourth|hour|minute|decade|few|couple|number|lot"
    r"|bit|while|taxi|cab|car|ride|ambulance)\b"
)
#: A headline's "dismisses" that replies to words: "dismisses them", "dismisses claims", not
#: "dismisses army chief" (folded text)
_HEADLINE_DISMISSED_RE = re.compile(
    r"\s+(?:them|it|this|that|these|those|talk|calls|claims?|reports?|criticism|study|findings"
    r"|allegations?|accusations?|fears|concerns|warnings?|rumou?rs?|speculation|suggestions?"
    r"|charges?\s+of|doubts|poll|critics|protests)\b"
)
#: "hails from", "hailed a taxi": no praise, also in a headline (folded text)
_HAIL_NOT_SPEECH_RE = re.compile(r"\s+(?:from|(?:a\s+)?(?:taxi|cab|ride|car))(?![\w'\-])")
#: Adjectives of judgement after "called <object>" ("called the tariffs illegal").
_JUDGING_ADJECTIVES = (
    "illegal|unlawful|unacceptable|absurd|dangerous|reckless|irresponsible|baseless|groundless|"
    "false|premature|outrageous|unfair|unjust|unjustified|ridiculous|disgraceful|shameful|"
    "provocative|excessive|naive|cynical|hypocritical|wrong|unworkable|misguided|regrettable|"
    "deplorable|appalling|unconstitutional|historic|positive|constructive|productive|useful|"
    "encouraging|unhelpful|helpful|necessary|essential|vital|crucial|fair|welcome"
)
#: "calls it a trap", "called the meeting a success", "called Holt a liar": an object and
#: the name given to it (not "called a press conference", "called the police", "called an
#: election"). (Plain text.)
_CALL_SMALL_CLAUSE_RE = name_re(
    r"\s+(?:it|him|her|them|this|that|the\s+(?:[\w\-]+\s+){0,2}?[\w\-]+|his\s+[\w\-]+|her\s+"
    r"[\w\-]+|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+(?:(?:a|an)\s+(?!"
    + _TIME_NOUNS
    + r")(?:[\w\-]+\s+)?"
    r"(?!(?:halt|end|truce|ceasefire|vote|meeting|conference|election|referendum|strike|recess)\b)"
    r"[a-z][\w\-]*"
    # ... or an adjective that judges it, ending the clause ("called the tariffs illegal and",
    # "called the remark reckless at the time.")
    r"|(?:(?:utterly|totally|completely|deeply|highly|wholly|very)\s+)?(?:"
    + _JUDGING_ADJECTIVES
    + r")(?=\s*(?:[,.;:!?]|and\s|but\s|$|(?:at|in|on|last|this|earlier|later)\s+(?:the\s+)?"
    r"[\w\-]+\s*[,.;!?])))"
)
#: A headline's "calls visit a stunt", "calls troop move a threat": one or two bare nouns,
#: then the name given to it (not "calls off a vote": a particle). (Plain text.)
_CALL_BARE_NOUN_RE = re.compile(
    r"\s+(?!(?:off|up|out|in|back|on)\s)(?:[a-z][\w\-]*\s+){1,2}?(?:a|an)\s+(?!"
    + _TIME_NOUNS
    + r")(?:[\w\-]+\s+)?"
    r"(?!(?:halt|end|truce|ceasefire|vote|meeting|conference|election|referendum|strike|recess)\b)"
    r"[a-z][\w\-]*"
)
#: A focusing adverb after a participle: "saying only that …", "adding simply: "…"".
_ONLY_RE = re.compile(r"\s+(?:only|simply|merely|just|again|also)(?=[\s:,])")
#: Words ending like agent nouns that name no one who speaks ("the border", "the order").
_NOT_AGENT_HEADS = frozenset(
    """border borders number numbers letter letters order orders matter matters water winter
    summer quarter quarters corner chapter character power powers tower layer filter cover answer
    offer paper papers other others latter former together rather either neither whether ever
    never however register center centre monster member members sector sectors factor factors
    motor mirror error errors terror rumor rumour humor humour labor labour color colour honor
    honour favor favour behavior behaviour vapor floor door doors meter metre liter
    litre
    plant plants restaurant grant grants want warrant elephant giant variant variants constant
    instant pageant covenant
    human christian median meridian
    computer computers printer container containers timer helicopter helicopters scanner server
    router thunder weather disaster disasters folder cluster charter trailer freighter
    elevator escalator generator motor motors sensor sensors detector reactor indicator
    indicators calculator refrigerator radiator tractor processor simulator ventilator
    barometer thermometer odometer diameter perimeter parameter parameters""".split()
)
#: Reporting verbs whose subject is as often a thing as a speaker ("The weather suggested a
#: delay", "The figures show"): an agent noun (``_AGENT_NP_RE``) is no subject of theirs.
_THING_LEMMAS = frozenset(
    "suggest indicate show mean reveal signal underline underscore highlight reflect".split()
)
#: Words before a noun phrase that make it the subject of a subordinate clause ("as the mediator
#: had predicted", "what the mediator said", "the report that the mediator wrote").
_SUBORDINATE_BEFORE = frozenset(
    "as when after before than what that which who whom whose if because while since until "
    "where whether once though although unless".split()
)
#: Words for the head of a body after its name ("Harrowby chief", "Harrowby's boss") and the
#: titles of a head in an actor's aliases ("the chief executive", "President …").
_BODY_HEAD_WORDS = frozenset({"chief", "boss", "head"})
_BODY_HEAD_TITLE_RE = re.compile(
    r"(?<![\w'\-])(?:president|chancellor|chairman|chairwoman|chair|ceo|chief|director|governor"
    r"|head|leader|mayor|minister|premier|boss|commissioner)(?![\w'\-])"
)
#: Indefinite or counted heads of an unnamed speaker ("Two engineers who …", "an official who
#: …"), whose relative clause says who they are.
_INDEFINITE_HEADS = frozenset(
    "a an two three four five six seven eight nine ten several some many few".split()
)
#: A second relative clause of the subject ("…, and who asked not to be named").
_AND_WHO_RE = re.compile(r",?\s(?:and|but)\swho\s")
#: A relative clause on the terms of speaking, not on who the speaker is: "who asked not to
#: be named", "who briefed reporters", "who spoke on condition of anonymity" (folded text).
_TERMS_OF_SPEAKING_RE = re.compile(
    r"\b(?:asked|spoke|speaking|requested|declined|briefed|brief|authori[sz]ed|insisted"
    r"|named|identified|anonymity|condition|permitted|allowed|talked|told)\b"
)
#: A restrictive relative clause after a noun phrase ("an official who spoke on condition of
#: anonymity").
_RESTRICTIVE_WHO_RE = re.compile(r"(?<=\w)\s+(?:who|whose)\s")
#: A comma between digits that groups thousands ("200,000", "1,250,000"; not "in 2011, 40").
_THOUSANDS_RE = re.compile(r",(?<=\d,)(?=\d{3}(?:,\d{3})*(?!\d))")  # (the comma first: fast)
#: A company name: two to four capitalized words (group 1; its last word group 2), maybe
#: after "The" ("The Orvel Group")
#: A name and its apposition saying it is a company ("Veltrana, the state-owned power
#: utility,", "Osk, a shipping group that …"): group 1 the name, group 2 the kind of company.
_COMPANY_APPOSITION_RE = name_re(
    r"(?<![\w'\-])((?:[A-Z][\w&'\-]*\s+){0,3}[A-Z][\w&'\-]*),\s+(?:the|a|an)\s+"
    r"(?:[\w\-]+\s+){0,4}?(utility|operator|company|firm|conglomerate|carrier|airline|"
    r"lender|insurer|retailer|manufacturer|carmaker|automaker|producer|supplier|chain|developer)"
    r"(?=\s*[,.;:)]|\s+(?:that|which|whose|based|with)\s)"
)
#: A body introduced with its kind (``_Doc.narrated_bodies``): "A second group, Fair Deal Watch,"
#: (group 1: the kind, group 2: the name) and "Fair Deal Watch, a campaign group based in Oss"
#: (group 1: the name, group 2: the kind). (Plain text.)
_BODY_INTRO_GATE_RE = re.compile(r"[a-z],\s+[A-Z]|[A-Za-z],\s+an?\s")
#: An outlet written with its kind before its name: "the (Varnian) newspaper Dnevna Zora", "the
#: weekly Osterpost" (group 1 the kind, group 2 the name). (Plain text.)
_OUTLET_KIND_NAME_RE = name_re(
    r"(?<![\w'\-])(?:[Tt]he|[Aa])\s+(?:[A-Z][\w\-]*\s+)?"
    r"(newspaper|daily|weekly|tabloid|magazine|broadcaster|paper)\s+"
    r"((?:[A-Z][\w&'\u2019\-]*\s+){0,3}[A-Z][\w&'\u2019\-]*)"
)
_KIND_THEN_NAME_RE = name_re(
    r"(?<![\w'\-])(?:[Aa]n?|[Aa]nother|[Tt]he)\s+(?:[a-z][\w\-]*\s+){0,3}?([a-z]+),\s+"
    r"((?:[A-Z][\w&'\u2019\-]*\s+){0,4}[A-Z][\w&'\u2019\-]*),"
)
_NAME_THEN_KIND_RE = name_re(
    r"(?<![\w'\-])((?:[A-Z][\w&'\u2019\-]*\s+){0,4}[A-Z][\w&'\u2019\-]*),\s+(?:a|an)\s+"
    r"(?:[a-z][\w\-]*\s+){0,3}?([a-z]+)"
    r"(?=\s*[,.;:)]|\s+(?:of|that|which|whose|based|with|for|in|from)\s)"
)
#: Words for a company that refer back to any kind of company introduced by an apposition.
_GENERIC_COMPANY_WORDS = frozenset({"company", "firm", "business"})
_COMPANY_NAME_RE = name_re(
    r"(?<![\w'\-])(?:The\s+)?((?:[A-Z][\w&'\-]*\s+){1,3}([A-Z][\w&\-]*))(?![\w\-])"
)
#: A verb issuing a document, before "a joint <document>" in its sentence (folded text)
_JOINT_ISSUED_RE = re.compile(
    r"(?<![\w'\-])(?:signed|sign|signing|issued|issue|issuing|released|release|releasing"
    r"|published|publishing|adopted|adopting|agreed|"
    r"put\s+out|unveiled|approved|endorsed|read\s+out|set\s+out|presented)(?![\w'\-])"
)
#: A subject that refers back to a pair named in an earlier sentence: "They signed a joint
#: declaration", "The two leaders issued a joint statement" (folded text).
_JOINT_BACK_REF_RE = re.compile(
    r"(?<![\w'\-])(?:they|both|the\s+two|the\s+pair|the\s+leaders|together)(?![\w'\-])"
)
#: A negation or failure between the actors and "a joint <document>" (folded text)
_JOINT_NEGATED_RE = re.compile(
    r"(?<![\w'\-])(?:refused|refuse|failed|fail|declined|decline|not|never|no|without|"
    r"rejected|reject|expected|hoped|planned|would|will|could)(?![\w'\-])|n't"
)
#: Past forms that end in no "-ed"
_IRREGULAR_PAST = frozenset({"said", "told", "wrote", "spoke", "swore", "thought", "knew"})
#: What follows a verb that reports nothing: an object pronoun and an adverbial of time or
#: channel ("told him by phone", "demanded in May"). (Folded text.)
_NO_CONTENT_TAIL_RE = re.compile(
    r"\s*(?:(?:him|her|me|us|reporters)\s*)?(?:(?:by|on|in|at|over|last|this|earlier"
    r"|later|again)(?:\s+[\w\-]+){0,3}\s*)?[.,;:!?\s]*"
)
#: Words opening a phrase that is no subject ("In latest phone call, …")
_CLAUSE_OPENERS = frozenset(
    "in at on after before during amid with for from as despite ahead over under by to "
    "while when since until following inside outside near".split()
)
#: Where a body sentence may hold a second report: "; ", ", while ", ", and ", ", but "
_BODY_CLAUSE_CUT_RE = re.compile(
    r"\s*;\s+|,[\"\u201d\u2019']?\s+(?:while|and|but|whereas)\s+"
    r"|,[\"\u201d\u2019']?\s+(?=(?:a|an)\s+(?:claim|charge|accusation|allegation|assertion"
    r"|version|account|characteri[sz]ation|description|suggestion)\s)"
)
#: Verbs that make "as <plural people> <verb>" a headline's second report ("… as party
#: colleagues warn of a split", "… as critics say …"), not an act ("… as leaders agree …")
_AS_PLURAL_SPEECH_LEMMAS = frozenset(
    "say warn claim insist argue complain caution fear accuse urge question".split()
)
#: The verbs of ", a claim (that) <subject> called …" (folded forms): the rejoinder of another
#: speaker in an apposition to the words before.
_CLAIM_REJOINDER_VERBS = frozenset(
    "called calls dismissed dismisses described describes termed terms labelled labeled "
    "branded brands".split()
)
#: "for", "to" or "of" after a role, before whom it serves ("a spokesman for | Fenn"; folded).
_FOR_ACTOR_RE = re.compile(r"\s+(?:for|to|of)\s+")
#: A capitalized word ending a text (a name before ", and": a list of subjects, maybe).
_CAPITAL_WORD_END_RE = name_re(r"(?<![\w'\-])[A-Z][\w'\-]*$")
#: A participle's aside set off by commas after a subject (", speaking to President Fenn,").
_PARTICIPLE_ASIDE_RE = re.compile(
    r",\s+(?:speaking|talking|standing|sitting|writing|appearing|flanked|accompanied|addressing)"
    r"\b[^,;:\"]*,"
)
#: "as saying" or "as telling" after "quoted by X" ("X was quoted by the paper as saying").
_AS_SAYING_RE = re.compile(r"\bas\s+(?:saying|telling|describing|calling)\b")
#: "Leaders of <country> and " before a second country (group 1: the first; folded text).
_LEADERS_OF_RE = re.compile(
    r"(?<![\w'\-])(?:the\s+)?(?:leaders|heads\s+of\s+(?:state|government)|governments)\s+of\s+"
    r"(?:the\s+)?([\w\-]+(?:\s+[\w\-]+)?)\s+and\s+(?:the\s+)?$"
)
#: A relative clause set off by a comma and not closed yet ("a diplomat, who asked", at the end
#: of the text searched).
_OPEN_RELATIVE_RE = re.compile(r",\s+(?:who|which|whose)\s[^,;]*$")
#: A subject that is a relative clause's "whose" phrase right before its verb (folded):
#: "Selu, whose government | says …"
_WHOSE_SUBJECT_RE = re.compile(r"(?<![\w'\-])whose\s+[\w'\-]+(?:\s+[\w'\-]+){0,2}\s*$")
#: Auxiliaries and adverbs between a clause's subject and its verb ("… has | warned", "… has
#: also | said"; raw text, at its end).
_AUXILIARY_TAIL_RE = re.compile(
    r"\s(?:has|have|had|is|was|are|were|will|would|could|should|may|might|must|can|also|then"
    r"|later|again)(?:\s+(?:also|been|not|later|again))*\s*$"
)
#: A determiner opening a clause's subject ("a Varnholt trade official", "two diplomats").
#: Adverbs between a headline clause's subject and its verb ("X and Y each accuse", "X now
#: says"): not part of the subject (:meth:`_Context._clause_subject`).
_SUBJECT_ADVERB_TAIL_RE = re.compile(
    r"\s+(?:each|both|also|now|again|still|jointly|separately|too|later|then|themselves|"
    r"himself|herself)\s*$",
    re.IGNORECASE,
)
#: "of" and a capitalized name ending a subject ("the veteran prime minister of Sundria").
_SUBJECT_OF_PLACE_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*$")
#: A fronted phrase and its comma opening a clause ("on the factory floor, "): group 1 is its
#: first word, checked against :data:`_CLAUSE_OPENERS`.
_FRONTED_PHRASE_RE = re.compile(r"\s*(\w+)\b[^,;:\"“”]{0,40},\s+")
_CLAUSE_DETERMINER_RE = re.compile(
    r"(?:a|an|the|one|two|three|several|some|many|other|senior|his|her|its|their)\s", re.IGNORECASE
)
#: A clause that ends in its own trailing frame: "…, she added." (folded text).
_TRAILING_SAID_END_RE = re.compile(
    r",\s*(?:he|she|they|it|the\s+\w+|[a-z][\w'\-]+)\s+(?:said|added|says|adds|noted|insisted"
    r"|argued|stressed|warned|continued)(?:\s+\w+){0,3}\s*[.!?\"']*\s*$"
)
#: Where a headline may hold a second report: "; ", ", ", " as ", " and " or ", but " (plain
#: text; "Minister says X, but an economist warns Y")
_CLAUSE_CUT_RE = re.compile(r"\s*;\s+|,\s+(?:(?:as|and|but)\s+)?|\s+(?:as|and)\s+")
_CLAUSE_CUT_GATE_RE = re.compile(r"[;,]|\s(?:as|and)\s")
#: A unit opening with one capitalized name (group 1), then "and"
_NAME_AND_RE = name_re(r"\s*((?:[A-Z][\w&'\-]*\s+){0,3}[A-Z][\w&'\-]*)\s+and\s+")
#: First words of a capitalized run that is no name
_NOT_A_NAME_START = frozenset(
    "The A An It This That These Those Its His Her Their Our We He She They Some Many Most".split()
)
_TRAILING_SUBJECT_RE = re.compile(
    r"\s*((?:[^,;:.!?\"]|"
    + "|".join(rf"(?<=\b{t.capitalize()})\." for t in sorted(_HONORIFICS) if "." not in t)
    + r"){1,200})(?=[,;.!?]|$)"
)  # (a title's period is no end: '"…," said Dr. Hanne Sollvik')
#: What may follow a sentence-final "…, it said": adverbials of time, place or channel
#: ("on Monday", "in a statement"), no clause of its own
_TRAILING_TAIL_RE = re.compile(
    r"(?:\s+(?!(?:that|it|he|she|they|we|would|will|had|has|was|were|is|are)\b)[\w'\-]+){0,6}"
    r"\s*[.!?]?[\s\"'\u201d\u2019]*"
)


@dataclass(slots=True)
class _NP:  # never changed once built (a plain dataclass: frozen ones are 5x slower to build)
    start: int
    end: int
    text: str
    kind: str  # actor | org | pronoun | other | doc | country
    actor: str = ""  # resolved actor id ("" if none)
    name: str = ""  # other speaker's name as written
    affiliation: str = ""  # for other speakers: role phrase as written
    how: str = ""  # how it was resolved, for the rule column


#: "to" and a lower-case word that is no determiner or object pronoun: an infinitive
#: ("the minister to withdraw", not "the minister to reporters", "to the committee").
_INFINITIVE_RE = re.compile(
    r"\sto\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|him|them|us|me|you|reporters"
    r"|journalists|lawmakers|members|supporters|parliament|congress)\b)[a-z]+\b"
)


def _infinitive_after(words: str) -> bool:
    """Whether a phrase after a verb holds an infinitive (an object, then "to" + verb).

    Example:
        >>> _infinitive_after("the minister to withdraw the clause"), _infinitive_after(
        ...     "the minister to reporters")
        (True, False)
    """
    return _INFINITIVE_RE.search(words) is not None


#: A subordinate clause opening what follows a verb: no words reported ("Markets answered
#: | before any government did."). (Folded text.)
_THAT_TO_RE = re.compile(r"\b(?:that|to)\b")
_SUBORDINATE_AFTER_VERB_RE = re.compile(
    r"(?:before|after|until|once|because|when|while|whenever)\s(?!.*\bthat\s)"
)


def _no_report_after(before_subject: str, lemma: str, content: str, complementizer: bool) -> bool:
    """Whether a verb with its subject reports nothing, judged by what stands around them.

    ``before_subject`` is ``"^"`` when the subject opens the unit: only then can a subordinate
    clause after the verb show that nothing is reported (not "…, her office said before the
    trip": the words come first).

    - a subject after "whether" is in an embedded question ("a question about whether the
      mayor agreed"): the question reports no words;
    - a frame in a fronted subordinate clause ending at a comma ("When she answered, she did
      not give a number"): the verb has no content;
    - a subordinate clause right after the verb, with no "that" later ("Markets answered before
      any government did");
    - "agree with" someone or something: a stance, not words.

    Args:
        before_subject: The word before the subject (folded).
        lemma: The verb's lemma.
        content: The folded text where the content would start, to the end of the unit.
        complementizer: Whether "that" (or the like) opened the content.

    Example:
        >>> _no_report_after("^", "answer", "before any government did.", False)
        True
        >>> _no_report_after("^", "say", "before the vote that it was dead.", False)
        False
        >>> _no_report_after("office", "say", "before the trip.", False)
        False
        >>> _no_report_after("when", "answer", ", she did not give a number.", False)
        True
    """
    if before_subject == "whether":
        return True
    if complementizer:
        return False
    if content.startswith(",") and before_subject in _SUBORDINATORS:
        return True
    if lemma == "agree" and content.startswith("with "):
        return True
    return before_subject == "^" and _SUBORDINATE_AFTER_VERB_RE.match(content) is not None


#: Words that may stand before a diplomatic role that speaks for its side ("foreign ministry
#: spokesman", "deputy ambassador"; not "opposition spokesman", "former ambassador").
_SIDE_ROLE_MODIFIERS = frozenset(
    "foreign ministry government presidential chief deputy senior press official".split()
)


def _speaks_for_side(role: str) -> bool:
    """Whether a role after a country or demonym speaks for that side's actor (folded words).

    Example:
        >>> [_speaks_for_side(r) for r in ("spokesman", "foreign ministry spokeswoman",
        ...     "foreign minister", "opposition spokesman", "former ambassador", "economist")]
        [True, True, True, False, False, False]
    """
    words = role.split()
    if not words:
        return False
    if role in ("foreign minister", "foreign secretary"):
        return True
    return words[-1] in _DIPLOMATIC_ROLES and all(w in _SIDE_ROLE_MODIFIERS for w in words[:-1])


def _as_side(country: _NP) -> _NP:
    """A configured country as subject, read as its actor's side (like an office).

    Example:
        >>> side = _as_side(_NP(0, 6, "Russia", "country", "putin", "Russia"))
        >>> side.kind, side.actor, side.name
        ('org', 'putin', '')
    """
    return _NP(country.start, country.end, country.text, "org", country.actor, how=country.how)


@dataclass(slots=True)
class _Frame:
    kind: str  # leading | trailing | acc | colon | mixed
    np: _NP
    verb: str
    lemma: str
    start: int  # start of the whole frame (subject or verb, whichever first)
    end: int  # end of the frame (verb + addressee + complementizer)
    content_start: int
    addressee: _NP | None = None


# ---------------------------------------------------------------------------------------------
# The per-article analysis
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _mention_how(kind: str) -> str:
    """The ``how`` of a noun phrase that is one mention of this kind (cached).

    Example:
        >>> _mention_how("name")
        'name mention'
    """
    return f"{kind} mention"


#: Last words of the matches of the ``role_prep_before``/``doc_prep_before`` patterns.
_PREP_BEFORE_WORDS = frozenset("to for of at with from by".split())


def _may_end_with_preposition(before: str) -> bool:
    r"""False when ``before`` cannot match ``role_prep_before`` nor ``doc_prep_before``.

    Both end with a preposition standing alone before trailing white space (``…\s+$``).

    Example:
        >>> _may_end_with_preposition("an aide to "), _may_end_with_preposition("Lee ")
        (True, False)
    """
    if not before[-1:].isspace():
        return False
    last = before.rsplit(None, 1)
    return bool(last) and last[-1] in _PREP_BEFORE_WORDS


def _ends_with_comma(head: str) -> bool:
    """True when a right-stripped ``head`` ends with ``,`` or with ``,`` ``?`` ``!`` and a quote.

    A quotation nested in another may close with both marks: ``"… 'you were,'"``.

    Example:
        >>> _ends_with_comma('"Go home!"'), _ends_with_comma("said,"), _ends_with_comma("said")
        (True, True, False)
        >>> _ends_with_comma('"I told them, ' + "'you were,'" + '"')
        True
    """
    if head.endswith(","):
        return True
    if head[-1:] not in ('"', "'"):
        return False
    inner = head[:-1]
    if inner[-1:] == "'" and head[-1:] == '"':
        inner = inner[:-1]  # (a single quotation closing inside a double one)
    return inner[-1:] in (",", "?", "!")


def _held_by_spans(positions: Sequence[int], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each position, ``any(a <= pos < b for a, b in spans)``, with one bisection each.

    A span holds ``pos`` iff the furthest end among the spans starting at or before ``pos`` lies
    after it (spans in any order, overlapping or not).

    Example:
        >>> _held_by_spans([0, 3, 5, 9], [(6, 10), (2, 5)])
        [False, True, False, True]
    """
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    max_end = list(accumulate((b for _, b in ordered), max))
    out = []
    for pos in positions:
        k = bisect_right(starts, pos)
        out.append(k > 0 and max_end[k - 1] > pos)
    return out


class _Doc:
    """Working state for one article (internal)."""

    #: Take the shortcuts that give the same result as the general rules (tests turn them off
    #: to compare both).
    fast_paths = True

    def __init__(self, article: Article, sentences: Sequence[Sentence], actors: Actors) -> None:
        self.article = article
        self.text = article.text
        # A thousands separator is no clause boundary ("a group with 200,000 members, said"):
        # it becomes "_" (a word character) in the texts the rules read; offsets are kept.
        self.plain = _THOUSANDS_RE.sub("_", normalize_quotes(article.text))
        # = fold(text) but for thousands separators (``plain`` has its quotes normalized)
        self.folded = fold_normalized(self.plain)
        self.actors = actors
        self.lex = load_lexicon()
        self.pat = _patterns()
        self.pat_words = _pattern_words()
        self.sentences = sorted(sentences, key=attrgetter("start"))
        self.narrated: set[int] = set()  # indices of body sentences read as narration
        self.words = _Words(self.folded)
        self.sentence_starts = [s.start for s in self.sentences]
        self.sentence_ends = [s.end for s in self.sentences]
        # :meth:`_scan_sentences` walks the candidate words of the whole text once when the
        # sentences do not overlap and no sentence ends inside a word (as segmentation gives)
        ends, spaced = self.sentence_ends, self.words.spaced
        self._one_walk = (
            self.fast_paths
            and spaced is not None
            and self.sentence_starts[:1] >= [0]  # no negative offsets
            and all(map(le, self.sentence_starts, ends))
            and all(map(le, ends, self.sentence_starts[1:]))
            # (``_TWO_WORD_CHARS_RE.match(folded, b - 1)``: the end cuts a word)
            and not any(0 < b < len(spaced) and " " not in spaced[b - 1 : b + 1] for b in ends)
        )
        units: list[tuple[int, int]] = []
        for span in (article.headline, article.standfirst):
            if span is not None:
                units.append((span.start, span.end))
        units.extend((p.start, p.end) for p in article.body)
        self.units = units
        self.quotes = find_quotes(self.text, units)
        self.quotes = self._with_dialogue(self.quotes, [(p.start, p.end) for p in article.body])
        # ``quotes`` is sorted by start: with the starts and the running maximum of the ends,
        # :meth:`in_quote` and :meth:`quotes_in` need not walk every quote of a long article
        self.quote_starts = [q.start for q in self.quotes]
        self.quote_max_end = list(accumulate((q.end for q in self.quotes), max))
        self.quote_max_inner_end = list(accumulate((q.inner_end for q in self.quotes), max))
        body = [(p.start, p.end) for p in article.body]
        if self.fast_paths:
            held = _held_by_spans([q.start for q in self.quotes], body)
            in_body = list(compress(self.quotes, held))
        else:
            in_body = [q for q in self.quotes if any(a <= q.start < b for a, b in body)]
        n_single = sum(not q.double for q in in_body)
        # UK style: 'single' quotation marks are the article's quotation marks
        self.single_style = n_single > len(in_body) - n_single
        self._common_words: dict[str, bool] = {}  # (:meth:`is_common_word_name`)
        self.mentions = self._find_mentions()
        self.mention_starts = [m.start for m in self.mentions]
        self.doc_sources: dict[str, _NP] = {}
        # role word → the other speaker introduced with it ("The presiding judge, Marit Holbeck,"
        # makes a later "the judge" Marit Holbeck)
        # role word → (name, its words, the actor the person speaks for)
        self.role_names: dict[str, tuple[str, frozenset[str], str]] = {}
        #: role word → (offset, words, text, end) of the last unnamed speaker introduced with an
        #: indefinite article ("a senior Ostrevian official"), for a later "the official"
        self.role_texts: dict[str, tuple[int, set[str], str, int]] = {}
        #: role word → offset of the last other speaker introduced with it
        self.role_last: dict[str, int] = {}
        #: name of another person → (offset, actor) of the introduction that made the person
        #: speak for an actor ("Kremlin spokesman Dmitry Peskov")
        self.name_actors: dict[str, tuple[int, str]] = {}

        self._full_names: dict[str, tuple[str, ...]] | None = None
        #: institution word → (start, name) of a body introduced with it ("Orvagas, the
        #: state-owned company"), for a later "the company"
        self.body_roles: dict[str, tuple[int, str]] = {}
        #: (offset, "A+B") of two other speakers who reported together (:meth:`joint_names`)
        self.joint_others: list[tuple[int, str]] = []
        #: speakers that may be bodies, in text order: a later "it said" refers to the last
        #: body among them (:meth:`it_np`)
        self.speakers_seen: list[_NP] = []
        #: other speakers' genders learnt from their own words (``add_other_person``)
        self.person_genders: dict[str, str] = {}  # (``full_names``, lazily)
        if not self.fast_paths:
            self.persons  # noqa: B018 (built now rather than on first use)
        if self.fast_paths:  # (as ``self.scan("verb", 0, len(self.folded))``)
            hits = self.words.scan_by_word(_verb_patterns_by_word())
        else:
            hits = self.scan("verb", 0, len(self.folded))
        self.verb_hits = [m.span(1) for m in hits if not self._surname_verb(m.start(1), article)]
        for span in (article.headline, article.standfirst):
            if span is not None and self.lex.headline_verbs:
                hits = self.scan("headline_verb", span.start, span.end)
                self.verb_hits += [m.span(1) for m in hits]
        if self.lex.headline_verbs:
            # '"Good," Kolvo replies.': a present form of a past-only verb ("replies", not the
            # noun) right after a quotation and its speaker's name, in the body too; and
            # '"…," the letter reads.' ("reads" after a document)
            for q in self.quotes:
                tm = _QUOTE_NAME_VERB_RE.match(self.plain, q.end) or _QUOTE_DOC_READS_RE.match(
                    self.plain, q.end
                )
                if tm is not None and fold(tm.group(1)) in self.lex.headline_verbs:
                    span = tm.span(1)
                    if span not in self.verb_hits:
                        self.verb_hits.append(span)
            # 'the king replies: "…"', 'Varga recalls in a later interview that …': a present
            # form of a past-only verb before a colon and a quotation, or before "that"
            for pm in _PRESENT_REPORT_RE.finditer(self.folded):
                if (
                    pm.group(1) in self.lex.headline_verbs
                    and pm.span(1) not in self.verb_hits
                    and self._prev_word(pm.start(1)) not in _DETERMINERS_BEFORE_NOUN
                ):  # (not 'Their demands: "…"')
                    self.verb_hits.append(pm.span(1))
            # "Pollsters caution that …": a plural subject's present (base) form
            for pm in _PLURAL_PRESENT_REPORT_RE.finditer(self.folded):
                if pm.group(1) in self.lex.headline_verbs and pm.span(1) not in self.verb_hits:
                    self.verb_hits.append(pm.span(1))
        self.verb_hits.sort()
        self.groups: list[_Group] = []
        #: Start → reporting lemma of the noun phrases that spoke in the units read so far
        #: (``frames_in``)
        self.speaker_starts: dict[int, str] = {}
        #: starts of speakers whose words another speaker's leading frame relays ("She said
        #: Wilde had warned her …": Wilde's), no one a later "she said" goes on for
        self.relayed_starts: set[int] = set()
        self.plural_refs: dict[int, tuple[str, ...]] = {}
        self._find_groups()
        # coordinations of actors (not plural references) by end offset, in ``groups`` order
        self.coordinations_by_end: dict[int, list[_Group]] = {}
        # plural references ("both men", "the two sides") by end offset → their start
        self.plural_by_end: dict[int, int] = {}
        for g in self.groups:
            if g.start not in self.plural_refs:
                self.coordinations_by_end.setdefault(g.end, []).append(g)
            else:
                self.plural_by_end[g.end] = g.start

    # -- helpers ------------------------------------------------------------------------------
    def _surname_verb(self, v0: int, article: Article) -> bool:
        """Whether a verb form at ``v0`` is a capitalized name word ("Mara Tell said").

        A capitalized form right after another capitalized word in the body ("Ali Said told
        reporters", "Mara Tell recalled") is a surname, not the verb; title-case headlines and
        standfirsts ("Varga Says Talks Failed") keep their verbs.
        """
        plain = self.plain
        if not plain[v0].isupper() or v0 < 2 or plain[v0 - 1] != " ":
            return False
        for span in (article.headline, article.standfirst):
            if span is not None and span.start <= v0 < span.end:
                return False
        w0 = v0 - 1
        while w0 > 0 and (plain[w0 - 1].isalpha() or plain[w0 - 1] in ".-'’"):
            w0 -= 1
        prev = plain[w0 : v0 - 1]
        if prev.endswith(".") and len(prev) > 2 and fold(prev[:-1]) not in _TITLE_ABBREVIATIONS:
            return False  # "Verdict: Misleading. According to …": a new sentence (not "J.")
        return prev[:1].isupper() and prev.rstrip(".").isalpha()

    @cached_property
    def _document_words(self) -> frozenset[str]:
        """The lexicon's one-word document nouns ("letter", "post", "statement")."""
        return frozenset(d for d in self.lex.documents if " " not in d)

    def _document_object_end(self, dm: re.Match[str]) -> int:
        """End of the first document noun among a determiner's words (``_DOC_OBJECT_RE``), or 0.

        "wrote | a long post | on X": the end of "post".
        """
        pos = dm.start(1)
        for w in dm.group(1).split():
            pos = self.folded.index(w, pos) + len(w)
            if w in self._document_words:
                return pos
        return 0

    def _reports_nothing_after(self, pos: int, uend: int) -> bool:
        """Whether only phrases of time, place, channel or manner follow ``pos`` in the unit.

        "responded | within the hour.", "answered | on Sunday in an interview with KTV.": no
        words reported (not "| that …", "| by saying …").
        """
        rn = _REPLY_NOTHING_AFTER_RE.match(self.folded, pos, uend)
        return rn is not None and not any(
            w == "that" or w.endswith("ing") and self.lex.gerund_lemma(w)
            for w in rn.group(1).split()
        )

    def relative_object_gap(self, ustart: int, v0: int, v1: int, uend: int) -> bool:
        """Whether the verb at ``v0:v1`` is in a relative clause whose object is its noun.

        "a ceasefire that both governments had announced, a little too early, …", "The plan,
        which Brand announced in May, is dead": "that"/"which" after a noun, a short subject,
        the verb, then only adverbials up to a comma or the end: the thing announced, no words
        reported. Not after a reporting verb ("said that both sides had announced, …").
        """
        pos = p0 = self.skip_adverbials(v1, uend)
        if (tm := _SHORT_TIME_PHRASE_RE.match(self.folded, pos, uend)) is not None or (
            pos > v1 and (tm := _SHORT_TIME_PHRASE_RE.match(self.folded, v1, uend)) is not None
        ):
            pos = tm.end()  # "which Brand announced in May, …", "… condemned last year, …"
        if (
            _CLOSES_RE.match(self.folded, pos, uend) is None
            and (cm := _GAP_COMPLEMENT_RE.match(self.folded, p0, uend)) is not None
            and _verb_frame(self.lex, self.folded[v0:v1]) == "np"
        ):
            pos = cm.end()  # "a row, which Vedmark blamed for the floods, …": its object the row
        if _CLOSES_RE.match(self.folded, pos, uend) is None:
            return False
        rm = _RELATIVE_SUBJECT_BEFORE_RE.search(self.folded, max(ustart, v0 - 80), v0)
        if rm is None:
            zm = _ZERO_RELATIVE_BEFORE_RE.search(self.folded, max(ustart, v0 - 60), v0)
            # "the advance payments the airline promised in the first week": a noun, then
            # the relative clause's subject with no "that" (not "said the airline …")
            return (
                zm is not None
                and zm.group(1) not in self.lex.verbs
                and zm.group(1) not in _FUNCTION_WORDS
                and zm.group(1) not in _SUBORDINATORS
                and zm.group(1) not in _AUXILIARIES
                and not self._verb_between(zm.start(), v0)
            )
        k = bisect_left(self.verb_hits, (rm.start(),))
        if k < len(self.verb_hits) and self.verb_hits[k][0] == rm.start():
            return False  # ("said that …": a that-clause, not a relative one)
        return not self._has_hit(self.saying_hits, rm.start(), v0)

    def closes_report_after_content(self, ustart: int, v0: int, v1: int, uend: int) -> bool:
        """Whether the verb at ``v0:v1`` closes a report of the clause before its subject.

        "The deal was dead, aides recalled." / "…, his aides recalled, and kept …": a main
        clause, a comma, a short subject and the verb, then the end or a comma. Not a fronted
        subordinate clause ("As police moved in, protesters shouted.") nor a list of verbs
        ("Protesters marched, shouted.").
        """
        if not _CLOSES_RE.match(self.folded, self.skip_adverbials(v1, uend), uend):
            return False
        c = self.plain.rfind(",", ustart, v0)
        if c < 0:
            return False
        subject, content = self.folded[c + 1 : v0].split(), self.folded[ustart:c].split()
        return (
            1 <= len(subject) <= 6
            and len(content) >= 3
            and content[0] not in _SUBORDINATORS
            and not self._verb_between(c + 1, v0)
        )

    @cached_property
    def saying_hits(self) -> list[int]:
        """Starts of the participles ``saying_frames`` looks for, in the whole text."""
        # A match is a white-space character right before one of ``_SAYING_GATE_WORDS`` (a whole
        # run of word characters): the pattern is tried only there, not at every offset.
        fo = self.folded
        return [
            s - 1
            for s in self.words.starts_of(_SAYING_GATE_WORDS)
            if s and _SAYING_GATE_RE.match(fo, s - 1)
        ]

    @cached_property
    def participle_hits(self) -> list[int]:
        """Starts of the ", saying|adding …" participles ``frameless_reports`` looks for."""
        return [m.start() for m in _PARTICIPLE_REPORT_RE.finditer(self.folded)]

    def _verb_between(self, start: int, end: int) -> bool:
        """Whether a reporting verb (of ``verb_hits``) starts in ``start``…``end``."""
        k = bisect_left(self.verb_hits, (start,))
        return k < len(self.verb_hits) and self.verb_hits[k][0] < end

    @staticmethod
    def _has_hit(hits: list[int], start: int, end: int) -> bool:
        """Whether a start of ``hits`` (sorted) lies in ``start``…``end``."""
        k = bisect_left(hits, start)
        return k < len(hits) and hits[k] < end

    def _with_dialogue(
        self, quotes: list[Quote], paragraphs: Sequence[tuple[int, int]]
    ) -> list[Quote]:
        """``quotes`` and the speech of the body's dialogue lines (:func:`dialogue_quote`).

        A paragraph opening with a dash that holds no other quotation mark, whose attribution
        comes from the verb lexicon.
        """
        found: list[Quote] = []
        starts = [q.start for q in quotes]
        for a, b in paragraphs:
            head = self.plain[a : min(b, a + 60)]
            if "\u2014" not in head and "\u2015" not in head:
                continue
            if bisect_left(starts, a) < bisect_left(starts, b):
                continue  # quotation marks of its own: the marks say where the words are
            verbs = [m.span(1) for m in self.scan("verb", a, b)]
            q = dialogue_quote(self.plain, a, b, verbs)
            if q is not None:
                found.append(q)
        return sorted([*quotes, *found], key=attrgetter("start")) if found else quotes

    def scan(self, key: str, start: int, end: int) -> list[re.Match[str]]:
        """Matches of ``self.pat[key]`` in ``self.folded[start:end]`` (as ``finditer``)."""
        return self.words.scan(self.pat[key], self.pat_words[key], start, end)

    @cached_property
    def persons(self) -> list[_Person]:
        """The actors named as persons, then other speakers as they are found, by start.

        Built on first use: only pronouns and other speakers need them (the mentions they are
        built from do not change once found, except pronouns, which are not persons here).
        """
        verbs = self.lex.verbs
        out: list[_Person] = []
        names = self.actors._name_words
        for m in self.mentions:
            if (m.person and not m.pronoun) or (
                # "Mr Tallak's office released a video in which he insisted": an office
                # written with the actor's name holds the person a "he" may refer to
                m.kind == "organization"
                and m.actor
                and _office_with_name(self.folded[m.start : m.end], names[m.actor])
            ):
                prev = self._prev_word(m.start)
                subj = (prev not in _PREPOSITIONS and prev not in verbs) or (
                    # "…, Solvang smiled" after "Asked whether … her terms": a clause opens
                    prev in verbs
                    and self.plain[max(0, m.start - 8) : m.start].rstrip().endswith(",")
                )
                out.append(_Person(m.start, m.end, m.actor, True, "", subj, m.sentence))
        return out

    def _scan_sentences(
        self,
        pattern: re.Pattern[str],
        first: frozenset[str] | None,
        lead: frozenset[str] = frozenset(),
        need: frozenset[str] | None = None,
    ) -> list[tuple[int, re.Match[str]]]:
        """``(k, match)`` for the matches of ``pattern`` in each sentence ``k`` (``finditer``).

        The same as :meth:`_Words.scan_ranges` over the sentences (see there for ``first``,
        ``lead`` and ``need``), flattened. With :attr:`_one_walk` the candidate words of the
        whole text are walked once, each in the sentence that holds it, instead of searching
        the candidates of each sentence.
        """
        if first is None or not self._one_walk:
            spans = list(zip(self.sentence_starts, self.sentence_ends, strict=True))
            per_sentence = self.words.scan_ranges(pattern, first, spans, lead, need)
            return [(k, m) for k, found in enumerate(per_sentence) for m in found]
        starts, ends = self.sentence_starts, self.sentence_ends
        text = self.folded
        out: list[tuple[int, re.Match[str]]] = []
        if need is not None:  # only the (few) sentences holding a word of ``need``
            held = set()
            for p in self.words.starts_of(need):
                k = bisect_right(starts, p) - 1
                if k >= 0 and p < ends[k]:
                    held.add(k)
            for k in sorted(held):
                pos, b = starts[k], ends[k]
                for s in self.words.starts_in(first, lead, pos, b):
                    if s >= pos:
                        m = pattern.match(text, s, b)
                        if m is not None:
                            out.append((k, m))
                            pos = m.end()
            return out
        k = -1
        b = pos = 0  # end of sentence ``k``, and where its next match may start
        for s in self.words.starts_of(first, lead):
            if s >= b:  # past sentence ``k``: find the sentence of ``s``
                k = bisect_right(starts, s) - 1
                if k < 0 or s >= ends[k]:
                    continue  # between sentences
                b, pos = ends[k], starts[k]
            if s >= pos:
                m = pattern.match(text, s, b)
                if m is not None:
                    out.append((k, m))
                    pos = m.end()
        return out

    def section_at(self, pos: int) -> str:
        """Section of the sentence holding ``pos`` (``""`` outside every sentence)."""
        i = bisect_left(self.sentence_starts, pos + 1) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i].section
        return ""

    def _sent_of(self, pos: int) -> int:
        i = bisect_left(self.sentence_starts, pos + 1) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i].index
        return -1

    def in_quote(self, pos: int) -> Quote | None:
        """The first quote (in start order) whose outer span holds ``pos``, or None."""
        quotes = self.quotes
        if self.fast_paths:
            k = bisect_right(self.quote_starts, pos)  # quotes[:k] start at or before ``pos``
            if not k or self.quote_max_end[k - 1] <= pos:
                return None  # every quote starting before ``pos`` has ended
            quotes = quotes[:k]
        for q in quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        """The quotes starting in ``start``…``end``, in order (``quotes`` is sorted by start)."""
        if not self.fast_paths:
            return [q for q in self.quotes if start <= q.start < end]
        starts = self.quote_starts
        return self.quotes[bisect_left(starts, start) : bisect_left(starts, end)]

    def _prev_word(self, pos: int) -> str:
        """``_last_word(folded[pos - 40 : pos])``, read off the word index where ``pos`` starts one.

        Between the previous word and ``pos`` there are only non-word characters (the gap, see
        :func:`_gap_kind`). Unusual cases (apostrophes, a word cut by the 40-character window)
        take the slow path.
        """
        starts = self.words.starts
        i = bisect_left(starts, pos)
        if i and i < len(starts) and starts[i] == pos:
            # ``pos`` starts a word, and a word comes before it, at ``a``…``b``
            a = starts[i - 1]
            b = a + len(self.words.words[i - 1])
            kind = _gap_kind(self.folded[b:pos])
            if kind == _GAP_NO_WORD:
                return ""
            # (no apostrophe right before that word either, see :func:`_gap_kind`)
            if kind == _GAP_WORD and pos - a <= 40 and self.folded[a - 1 : a] != "'":
                return self.words.words[i - 1]
        return _last_word(self.folded[max(0, pos - 40) : pos])

    @cached_property
    def rival_bodies(self) -> frozenset[str]:
        """Lower-case office words ("ministry") that may not be read as the actor's office here.

        An office configured in lower case ("the ministry") matches "the ministry" in the text
        only when (1) the article names the actor's country (or a word of its stem, the
        demonym), when one is configured, and (2) every use of the word is that bare "the
        ministry" or inside one of the actor's own offices written in full ("Kestrania's
        foreign ministry"): any other body of that word ("Ombrevia's ministry", "the interior
        ministry", "a food bank", "the ministry of health", "the ministry in Quessel", "the
        rotating presidency") makes "the ministry" ambiguous.

        Example: with ``organizations: [Kestrania's foreign ministry, the ministry]`` and the
        country Kestrania, an article about Kestrania matches "the ministry"; one that also
        names "the Ombrevian ministry" does not.
        """
        out: set[str] = set()
        fo = self.folded
        for key in self.actors._described:
            found = self.actors._table.get(key)
            if found is None or found[1] == "name" or key not in fo:
                continue
            actor = self.actors.get(found[0])
            country = fold(actor.country or "").strip()
            if country and not re.search(
                rf"(?<![\w'\-]){re.escape(country[:-1] if len(country) > 4 else country)}", fo
            ):
                out.add(key)  # (a story that never names the actor's country)
                continue
            full = {_strip_det(fold(o).strip()) for o in actor.organizations}
            full = {f for f in full if " " in f and re.search(rf"(?<![\w'\-]){re.escape(key)}", f)}
            spans = [
                m.span()
                for f in full
                for m in re.finditer(rf"(?<![\w'\-]){re.escape(f)}(?![\w\-])", fo)
            ]
            for m in re.finditer(rf"(?<![\w'\-]){re.escape(key)}(?![\w\-])", fo):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                before = _WORDS_RE.findall(fo, max(0, m.start() - 12), m.start())
                after = fo[m.end() : m.end() + 5]
                nxt = _WORDS_RE.match(fo, m.end() + 1) if fo[m.end() : m.end() + 1] == " " else None
                if nxt is not None and self.pat["role"].fullmatch(nxt.group(0)):
                    continue  # "a government source", "ministry officials": a modifier
                if _CAPITAL_WORD_AFTER_RE.match(self.plain, m.end()) is not None:
                    continue  # "the Tarsenian Airline Pilots' Association": a word of a name
                k = bisect_right(self.sentence_starts, m.start()) - 1
                if k >= 0 and self._bare_headline_subject(self.sentences[k], m.start(), m.end()):
                    continue  # "…; palace calls it 'an invention'": the headline's article dropped
                if (
                    k >= 0
                    and not after.startswith((" of ", " in ", " at ", " for "))
                    and self._headline_bare_object(self.sentences[k], m.start())
                ):
                    continue  # "… urges union to return", "Talks resume at ministry": likewise
                if before[-1:] not in (["the"], ["this"], ["our"]) or after.startswith(
                    (" of ", " in ", " at ", " for ")
                ):  # ("this airline", "our ministry": the speaker's own, in its words)
                    out.add(key)  # "the interior ministry", "a food bank", "ministry of X"
                    break
        return frozenset(out)

    def is_common_word_name(self, key: str) -> bool:
        """Whether this article also uses the one-word name ``key`` (folded) as a lower-case word.

        Then its capital tells nothing at the start of a sentence or in a title-case headline
        (:meth:`_common_word_not_name`): "Rise" and "costs rise". Cached per article.
        """
        cache = self._common_words
        if key not in cache:
            cache[key] = key in self.plain and (
                re.search(rf"(?<![\w'\-]){re.escape(key)}(?![\w\-])", self.plain) is not None
            )
        return cache[key]

    def _common_word_not_name(self, sent: Sentence, start: int, end: int) -> bool:
        """Whether a capitalized one-word name that is also a common word is that word here.

        Only where its capital tells nothing: at the start of a sentence (past a dateline) or
        in a title-case headline or standfirst. There it is the name only before a reporting
        verb, an adverbial ("also", "has"), a comma or a possessive; in a title-case line also
        only at the start of a clause.

        Example: with "Rise" configured and "prices will rise" in the article, "Freight Prices
        Rise as …" and "Rise in the price of diesel …" are no mentions; "Rise said" and
        "Rise Says Talks Are Close" are.
        """
        before = self.plain[sent.start : start]
        title = sent.section in ("headline", "standfirst") and _title_case(sent.text)
        at_start = not before.strip(" \t\n\"'\u201c\u2018") or _DATELINE_RE.fullmatch(before)
        if not title and not at_start:
            return False
        if title and not at_start and before.rstrip()[-1:] not in (";", ":", ",", '"', "\u201d"):
            return True  # "Freight Prices Rise": not the start of a clause
        after = self.plain[end : end + 2]
        if after[:1] in (",", "'", "\u2019"):
            return False  # "Rise, the mediator, said", "Rise's office"
        nm = _WORDS_RE.match(self.folded, end + 1) if after[:1] == " " else None
        if nm is None:
            return True
        word = nm.group(0)
        lex = self.lex
        return not (word in lex.verbs or word in lex.headline_verbs or word in lex.adverbials)

    def _named_owners(self, names: list[tuple[int, re.Match[str]]]) -> list[tuple[int, str]]:
        """(offset, actor) of each match of a surface that only one actor lists, by offset."""
        table, shared = self.actors._table, self.actors._shared
        out = []
        for _k, m in names:
            surface = m.group(1)
            if surface not in table:
                surface = _SPACES_RE.sub(" ", surface)
            if surface not in shared and surface in table:
                out.append((m.start(1), table[surface][0]))
        return out

    @property
    def _no_given_names(self) -> frozenset[str]:
        """Folded words that are no given name next to an actor's surname (titles, verbs, …).

        Built once per lexicon and actors (:func:`_no_given_names_of`), not per article.
        """
        return _no_given_names_of(self.lex, self.actors)

    def other_persons_name(self, k: int, start: int, end: int, actor: str) -> bool:
        """Whether the actor's name at ``start``…``end`` (sentence ``k``) names someone else.

        Another given name next to it, before or after, on the same line and maybe past
        particles and initials, that is no word of the actor's name or aliases: "Qiao Lifen"
        and "Lifen Qiao" (actor Qiao Minren), "Senator Rodrigo Obregón", "Yaw Lefèvre-Mensah";
        unless the run of names holds every word of the actor's name ("Ana Maria Lee": a
        middle name). Or an honorific of the other gender right before it ("Ms Qiao" for a
        male actor). A word that is a title, a verb, a weekday, a side of an actor or a word
        the article also writes in lower case is no given name; nor is anything in a
        title-case headline or standfirst.

        Example: with the actor "Qiao Minren" (alias "Qiao", male), "Qiao Lifen said" and
        "Ms Qiao said" name another person; "Premier Qiao said" and "Minren Qiao said" do not.
        """
        plain = self.plain
        if not (_may_be_name_word(plain, start - 1, -1) or _may_be_name_word(plain, end, 1)):
            return False  # (no capitalized word, particle or "al-" word right beside it)
        sent = self.sentences[k]
        if sent.section in ("headline", "standfirst") and _title_case(sent.text):
            return False
        role, stop = self.pat["role"], self._no_given_names
        name = fold(self.actors.get(actor).name).split()
        run = fold(plain[start:end]).split()
        if not any(
            w in name and w not in stop and not role.fullmatch(w) and w not in _DETERMINER_SET
            for w in run
        ):
            return False  # a title or a description ("the opposition leader", "King")
        own = self.actors._name_words[actor]
        foreign = False

        def step(w: str, left: bool) -> str:
            nonlocal foreign
            fw = fold(w).removesuffix("'s").rstrip(".")
            kind = _name_word_kind(w, stop)
            if kind == "name" and (
                role.fullmatch(fw)
                or self.is_common_word_name(fw)
                or (fw not in own and fw in self.actors._all_name_words)  # ("Putin Zelensky")
                or (left and fold(w).endswith("'s"))  # ("Russia's Putin")
            ):
                kind = ""  # "Senator", "Later" (when "later" is in the text too)
            if kind:
                run.append(fw)
                foreign = foreign or (kind == "name" and fw not in own)
            return kind

        m = _NAME_WORD_BEFORE_RE.search(plain, max(sent.start, start - 40), start)
        if m is not None and m.group(1)[:1].isupper():
            gender = _GENDERED_HONORIFICS.get(fold(m.group(1)).rstrip("."))
            if gender and gender != actor_gender(self.actors.get(actor)) != "":
                return True  # "Ms Qiao", the actor a man
        if run[0].rstrip(".") in _HONORIFICS:
            m = None  # "Dear Mrs Orlik": no given name stands before an honorific
        while m is not None and step(m.group(1), True):
            pos = m.start(1)
            m = _NAME_WORD_BEFORE_RE.search(plain, max(sent.start, pos - 40), pos)
        pos = end
        while (m := _NAME_WORD_AFTER_RE.match(plain, pos, sent.end)) is not None and step(
            m.group(1), False
        ):
            pos = m.end()
        return foreign and not set(name) <= set(run)

    def title_of_body_before(self, pos: int, title: str) -> str:
        """The actor whose configured ``title`` (folded) "its" at ``pos`` refers to, or "".

        "Its" is the body last named before it in the sentence: when that is an actor's
        organization, and the title is one of that actor's aliases, the title is the actor.

        Example: with Selma Ruud configured with "the governor" and "the National Bank", "The
        National Bank kept rates on hold, and its governor warned" names her.
        """
        key = " ".join(title.split())
        found = self.actors._table.get(key)
        if found is None or found[1] != "name" or key not in self.actors._titles:
            return ""
        owners = self.actors._shared.get(key, (found[0],))
        k = bisect_right(self.sentence_starts, pos) - 1
        lo = self.sentence_starts[k] if k >= 0 else 0
        before = [m for m in self.mentions_in(lo, pos) if m.actor and not m.pronoun]
        if before and not before[-1].person and before[-1].actor in owners:
            return before[-1].actor
        return ""

    def title_of_other_actor(self, end: int, actor: str) -> bool:
        """Whether "of" and another actor's name or organization follow a title ending at ``end``.

        Example: with a union configured as an actor, "the president of the Guild of Harbour
        and Canal Workers" is the union's president, not the configured president.
        """
        om = _OF_AFTER_TITLE_RE.match(self.text, end)
        if om is None:
            return False
        assert self.actors._pattern is not None
        nm = self.actors._pattern.match(self.folded, om.end())
        if nm is None:
            return False
        found = self.actors._table.get(_SPACES_RE.sub(" ", nm.group(1)))
        return found is not None and found[0] != actor

    def titles_of_last_holder(
        self,
        found: Sequence[_Mention],
        bare: Mapping[int, str],
        held_by_other: Sequence[tuple[int, str]],
    ) -> set[int]:
        """Starts of bare titles in ``found`` that refer back to another holder of the title.

        "Drammar's prime minister, Lena Ostby, said …. The prime minister added …": the later
        title is hers, the holder named last, unless the actor is named by a name (no title)
        in between.

        Args:
            found: The mentions kept so far.
            bare: Start → matched key of each mention in ``found``.
            held_by_other: ``(start, title key)`` of titles given to someone else.

        Returns:
            The starts of the mentions to drop.
        """
        titles = self.actors._titles
        drop: set[int] = set()
        for m in found:
            key = bare.get(m.start, "")
            if key not in titles:
                continue
            other = max((p for p, t in held_by_other if t == key and p < m.start), default=-1)
            if other < 0:
                continue
            named = any(
                x.actor == m.actor and other < x.start < m.start and bare.get(x.start) not in titles
                for x in found
            )
            if not named:
                drop.add(m.start)
        return drop

    def relative_of_actor(self, end: int, actor: str) -> bool:
        """Whether the name ending at ``end`` is set off as a relation of that same actor.

        "Mrs Brask, the prime minister's mother-in-law, said": a person the apposition
        describes through the actor (an alias or name of the actor, then "'s" and a noun), so
        someone else of the actor's name.

        Example: with "the prime minister" an alias of Annelie Brask, "Brask, the prime
        minister's husband," is another Brask.
        """
        m = _APPOSED_RELATION_RE.match(self.folded, end)
        if m is None:
            return False
        found = self.actors._table.get(_strip_det(" ".join(m.group(1).split())))
        # (not the actor's body: "Greta Vanhoek, the union's general secretary,")
        return found is not None and found[0] == actor and found[1] == "name"

    def surnames_of_others(
        self, found: Sequence[_Mention], bare: Mapping[int, str], others: Sequence[tuple[int, str]]
    ) -> set[int]:
        """Starts of the lone surnames in ``found`` that belong to another person.

        ``others`` holds ``(start, actor)`` of other people's names sharing the actor's
        (:meth:`other_persons_name`), ``bare`` the matched key of each name kept. A lone
        surname matched only as the name's last word (no alias) belongs to whoever of that
        name was named last before it ("Obregón also said", after "Senator Rodrigo Obregón");
        an alias of one word ("Qiao") stays the actor's unless the article names the actor in
        no other way.

        Example: after "Sheikh Faisal bin Haroun al-Marri said …", a later "Al-Marri added"
        is not the actor Sheikh Haroun bin Saleh al-Marri.
        """
        drop: set[int] = set()
        by_actor: dict[str, list[int]] = {}
        for start, actor in others:
            by_actor.setdefault(actor, []).append(start)
        auto = self.actors._auto_surnames
        for actor, starts in by_actor.items():
            key = " ".join(fold(self.actors.get(actor).bare_surname).split())
            if not key:
                continue
            own = [m for m in found if m.actor == actor and m.kind in ("name", "possessive")]
            lone = [m for m in own if bare.get(m.start) == key]
            if key in auto:
                # (not a title's possessive, which names someone else: "Leif Brask, the prime
                # minister's husband, … Brask added" is still Leif Brask)
                fuller = [
                    m.start
                    for m in own
                    if bare.get(m.start) != key
                    and not (
                        bare.get(m.start) in self.actors._titles
                        and self.folded.startswith(("'s", "\u2019s"), m.end)
                    )
                ]
                for m in lone:
                    last_other = max((x for x in starts if x < m.start), default=-1)
                    if last_other > max((x for x in fuller if x < m.start), default=-1):
                        drop.add(m.start)
            elif len(lone) == len(own):
                drop.update(m.start for m in lone)  # the actor is named in no other way
        return drop

    def _find_mentions(self) -> list[_Mention]:
        out: list[_Mention] = []
        fo = self.folded
        assert self.actors._pattern is not None
        pron_re = self.actors._pronoun_pattern
        assert pron_re is not None
        office, office_after = self.pat["office"], self.pat["office_after"]
        table, text, ends = self.actors._table, self.text, self.sentence_ends
        described = self.actors._described
        titles, name_words = self.actors._titles, self.actors._name_words
        verbs, head_verbs = self.lex.verbs, self.lex.headline_verbs
        # the sentence (index) of a match in sentence ``k``: with one walk, sentences do not
        # overlap, so it is the one :meth:`_sent_of` finds
        one_walk, sentences = self._one_walk, self.sentences
        names = self._scan_sentences(
            self.actors._pattern, self.actors._pattern_words, _DETERMINER_SET
        )
        prons = self._scan_sentences(pron_re, self.actors._pronoun_words)
        tags: list[tuple[int, int]] = []  # (sentence, 0 for names, 1 for pronouns)
        shared = self.actors._shared
        named = self._named_owners(names) if shared else []
        others: list[tuple[int, str]] = []  # (start, actor) of other people's names
        bare: dict[int, str] = {}  # start → the matched key, of the names kept
        held_by_other: list[tuple[int, str]] = []  # (start, title) of titles of other people
        for k, m in names:
            surface = m.group(1)
            found = table.get(surface)
            if found is None:  # the keys have single spaces: "prime\nminister" is not one
                surface = _SPACES_RE.sub(" ", surface)
                found = table[surface]
            if surface in shared:
                owners = shared[surface]
                gm = _VERB_THEN_PRONOUN_RE.match(fo, m.end(1))
                if gm is not None and gm.group(1) in verbs:
                    # "The prime minister said she …": of the owners, those of that gender
                    gender = "female" if gm.group(2) == "she" else "male"
                    fits = tuple(
                        a for a in owners if actor_gender(self.actors.get(a)) in (gender, "")
                    )
                    owners = fits if _owner_named_near(named, fits, m.start(1)) else owners
                owner = _owner_named_near(named, owners, m.start(1))
                if not owner:
                    continue  # "the governor", an alias of several actors, none of them named
                found = (owner, found[1])
            s0 = -1
            if (
                surface in described
                and m.start(1) == m.start()
                and surface in self.lex.body_names
                and (s0 := self.body_with_modifier(m.start(1), name_words[found[0]])) == -2
            ):
                continue  # "the city council", "The Parish Council": another body
            if " " not in surface and not text[m.start(1)].isupper() and s0 < 0:
                if not (surface in described and m.start(1) > m.start() and fo[m.start()] == "t"):
                    # one-word names need their capital ("May" the actor, not "may"); a
                    # description configured as "the chancellor" needs its "the" instead
                    # (maybe with a describing word: "the veteran chancellor")
                    s0 = (
                        self.described_with_modifier(m.start(1), surface)
                        if surface in described
                        else -1
                    )
                    if s0 < 0 and not (
                        surface in described
                        and self._bare_headline_subject(sentences[k], m.start(1), m.end(1))
                    ):
                        continue
                if found[1] != "name" and surface in self.rival_bodies:
                    continue  # "the ministry", when another country's ministry is named
            elif (
                " " not in surface
                and surface in described
                and found[1] != "name"
                and _CAPITAL_WORD_AFTER_RE.match(text, m.end(1)) is not None
            ):
                continue  # "the Tarsenian Airline Pilots' Association": a word of another name
            elif (
                " " not in surface
                and found[1] == "name"
                and surface not in described
                and self.is_common_word_name(surface)
                and self._common_word_not_name(sentences[k], m.start(1), m.end(1))
            ):
                continue  # "Freight Prices Rise as …", "Rise in the price of diesel …"
            actor, kind = found
            s, e = m.span()
            s = s0 if s0 >= 0 else s
            if surface in titles:
                nm = _CAPITAL_WORD_AFTER_RE.match(text, e)
                if nm is not None:
                    word = fold(nm.group(1))
                    if (
                        word not in _NOT_A_NAME
                        and word not in name_words[actor]
                        and not (
                            # in a title-case headline, a verb may follow the title
                            # ("Prime Minister Says …", "… Meets Rivals")
                            _title_case(sentences[k].text)
                            and (word.endswith("s") or word in verbs or word in head_verbs)
                        )
                    ):
                        continue  # "Prime Minister Jan Holt": another person's title
                if title_of_other(
                    text,
                    s,
                    e,
                    actor,
                    self._own_words[actor],
                    self.actors._countries,
                    self.lex.body_names,
                ):
                    held_by_other.append((s, surface))
                    continue  # "the king of Esselund", "the king, Oskar Delm,", "the president
                    # of the union"
                if self.title_of_other_actor(e, actor):
                    held_by_other.append((s, surface))
                    continue  # "the president of the Guild of Harbour and Canal Workers"
            if kind == "name" and (
                self.other_persons_name(k, m.start(1), e, actor) or self.relative_of_actor(e, actor)
            ):
                # "Qiao Lifen", "Ms Qiao", "Rodrigo Obregón"; "Mrs Brask, the prime minister's
                # mother-in-law,"
                others.append((m.start(1), actor))
                continue
            bare[s] = surface
            end = ends[k]
            # (the pattern opens with an apostrophe: most names have none after them)
            om = office.match(fo, e, end) if fo.startswith("'", e) else None
            person = kind == "name"
            if om:
                e = om.end()
                kind = "possessive" if kind == "name" else kind
            sent = sentences[k].index if one_walk else self._sent_of(s)
            out.append(_Mention(actor, kind, s, e, person, "", "", sent))
            tags.append((k, 0))
        if held_by_other:
            drop_titles = self.titles_of_last_holder(out, bare, held_by_other)
            tags = [t for t, m in zip(tags, out, strict=True) if m.start not in drop_titles]
            out = [m for m in out if m.start not in drop_titles]
        if others:  # a lone surname another person shares may be theirs
            drop = self.surnames_of_others(out, bare, others)
            tags = [t for t, m in zip(tags, out, strict=True) if m.start not in drop]
            out = [m for m in out if m.start not in drop]
        for k, m in prons:
            word = m.group(1)
            s, e = m.span()
            kind = "pronoun"
            if word in ("his", "her", "their", "its"):
                om = office_after.match(fo, e, ends[k])
                if om:
                    e = om.end()
                    kind = "possessive"
            sent = sentences[k].index if one_walk else self._sent_of(s)
            out.append(_Mention("", kind, s, e, True, word, "", sent))
            tags.append((k, 1))
        if not one_walk:  # the order of old: by sentence, its names before its pronouns
            out = [m for _, m in sorted(zip(tags, out, strict=True), key=lambda t: t[0])]
        if prons or not one_walk:  # (one walk finds names in order, one match per start)
            out.sort(key=lambda m: (m.start, -m.end))
        dedup: list[_Mention] = []
        for m in out:
            if dedup and m.start < dedup[-1].end:
                continue
            last = dedup[-1] if dedup else None
            if (
                last is not None
                and last.actor == m.actor
                and m.actor
                and last.kind == "name"
                and not fo[last.end : m.start].strip()
                and last.sentence == m.sentence
            ):
                # "Norlandic Prime Minister" + "Ingrid Halvorsen": one mention
                last.end, last.kind = m.end, m.kind
                continue
            dedup.append(m)
        return dedup

    @cached_property
    def _mention_index(self) -> tuple[dict[int, _Mention], dict[int, _Mention]] | None:
        """Mentions by start and by end (built on first use), or None if two overlap.

        ``_find_mentions`` keeps mentions non-empty and non-overlapping, so each start and each
        end belongs to at most one mention; the check keeps the lookups exact should that change.
        """
        ms = self.mentions
        ok = all(m.start < m.end for m in ms)
        ok = ok and all(a.end <= b.start for a, b in zip(ms, ms[1:], strict=False))
        return ({m.start: m for m in ms}, {m.end: m for m in ms}) if ok else None

    @cached_property
    def _last_gendered_pronoun(self) -> int:
        """Start of the last "he", "she", "his", "her" … of the text (-1 when none)."""
        gendered = set(_PRONOUNS_MALE) | set(_PRONOUNS_FEMALE)
        return max((m.start for m in self.mentions if m.pronoun in gendered), default=-1)

    @cached_property
    def _pronoun_index(self) -> tuple[list[int], list[_Mention]]:
        """The pronoun mentions and their starts (built on first use)."""
        prons = [m for m in self.mentions if m.pronoun]
        return [m.start for m in prons], prons

    def mention_ending_at(self, end: int, lo: int) -> _Mention | None:
        """The mention ending at ``end`` that starts in ``lo``…``end`` (the last one), or None."""
        if self.fast_paths:
            index = self._mention_index
            if index is not None:
                m = index[1].get(end)
                return m if m is not None and lo <= m.start < end else None
        i = bisect_left(self.mention_starts, lo)
        best = None
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end == end:
                best = m
            i += 1
        return best

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        i = bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def shouted_after_quote(self, ustart: int, v0: int, v1: int, uend: int) -> bool:
        """Whether "called" (``v0``…``v1``) is a shout after its quotation.

        '"…," Vell called across the chamber.': a quotation closes right before a subject of
        at most six words and no verb, and the sentence ends after "called" with at most "out",
        a phrase of place and ", to laughter from …".
        """
        quotes = self.quotes_in(ustart, v0)
        if not quotes or not _CALLED_SHOUT_END_RE.match(self.folded, v1, uend):
            return False
        between = self.plain[quotes[-1].end : v0]
        # (a subject, maybe with its name set off: "the Speaker, Augustin Pell,")
        return len(between.split()) <= 6 and not any(
            h[0] for h in self.verb_hits if quotes[-1].end <= h[0] < v0
        )

    def is_title(self, q: Quote, ustart: int, uend: int) -> bool:
        """Whether a quotation is the title of a work, not words: '"The Long Table" is …'.

        One to six words, the first and every word of four letters or more capitalized, and
        the sentence goes on outside the quotation marks for at least three words.

        Example: in 'Critics call "The Long Table" the film of the year.' the quotation is a
        title; in '"We Will Fight," he said.' it is not (and a frame names the speaker there).
        """
        inner = self.plain[q.inner_start : q.inner_end].strip().rstrip(".,")
        if any(c in inner for c in "!?;:") or ", " in inner:
            return False  # ('"Order! Order!" the Speaker called': words)
        words = inner.split()
        if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
            return False
        if any(len(w) > 3 and not w[:1].isupper() for w in words):
            return False
        outside = self.plain[ustart : q.start] + " " + self.plain[q.end : uend]
        return len(_WORDS_RE.findall(outside)) >= 3

    def is_proper_word(self, start: int, end: int) -> bool:
        """True unless ``text[start:end]`` is one word never capitalized inside a sentence."""
        word = self.text[start:end].strip()
        if " " in word or not word:
            return True
        for m in re.finditer(r"(?<![\w'\-])" + re.escape(word) + r"(?![\w'\-])", self.text):
            if m.start() == start:
                continue
            before = self.plain[max(0, m.start() - 3) : m.start()].rstrip(" \"'(")
            if before and before[-1] not in ".!?:\n\u2014\u2013-":
                return True
        return False

    # -- groups of actors ---------------------------------------------------------------------
    def _find_groups(self) -> None:
        """Coordinations of actors ("A and B") and plural references ("both leaders", "they")."""
        names = [m for m in self.mentions if m.actor and not m.pronoun]
        plain = self.plain
        # whether the gap between two neighbouring names coordinates them ("A and B", "A, B")
        # (the pattern has no look-around: matching in place = matching the cut-out gap)
        links = [
            _COORD_GAP_RE.fullmatch(plain, a.end, b.start) is not None
            for a, b in zip(names, names[1:], strict=False)
        ]
        links.append(False)  # (the last name is linked to nothing)
        i = 0
        while i < len(names):
            if not links[i]:  # a run from here has one name: go to the next linked name
                i = links.index(True, i) if True in links[i:] else len(names)
                continue
            run = [names[i]]
            has_and = False
            j = i + 1
            while j < len(names):
                if not links[j - 1] or names[j].actor in {m.actor for m in run}:
                    break
                gap = plain[run[-1].end : names[j].start]
                has_and = has_and or bool(_AND_RE.search(gap))
                run.append(names[j])
                j += 1
            if len(run) >= 2 and has_and:
                pp = _OF_PP_RE.match(self.plain, run[-1].end)  # "… and Yusuf Omar of Dalmar"
                self.groups.append(
                    _Group(
                        run[0].start,
                        pp.end() if pp else run[-1].end,
                        run[0].sentence,
                        tuple(sorted({m.actor for m in run})),
                    )
                )
                i = j
            else:
                i += 1
        plural_ms = self._scan_sentences(
            self.pat["plural"], self.pat_words["plural"], need=self.pat_words["plural_need"]
        )
        for k, m in plural_ms:
            if self.in_quote(m.start()) is not None:
                continue
            sent = self.sentences[k].index
            ids = self._plural_antecedent(m.start(), sent, m.group(0) == "they")
            if ids:
                self.plural_refs[m.start()] = ids
                self.groups.append(_Group(m.start(), m.end(), sent, ids))
        for span in (self.article.headline, self.article.standfirst):
            # a headline's bare "Leaders hail treaty": the pair the article is about, as
            # "both leaders" would be
            if span is None or span.start in self.plural_refs:
                continue
            bm = self._bare_plural_re.match(self.folded, span.start, span.end)
            if bm is not None and self.plain[bm.end() : bm.end() + 2].startswith(" "):
                sent = self._sent_of(span.start)
                ids = self._plural_antecedent(span.start, sent, False)
                if ids:
                    self.plural_refs[span.start] = ids
                    self.groups.append(_Group(span.start, bm.end(), sent, ids))
        self.groups.sort(key=lambda g: g.end)

    @cached_property
    def _bare_plural_re(self) -> re.Pattern[str]:
        """A plural head opening a headline with no determiner ("leaders hail …"; folded)."""
        return _bare_plural_pattern(self.lex.plural_heads)

    def _plural_antecedent(self, pos: int, sent: int, pronoun: bool) -> tuple[str, ...]:
        """Actors a plural reference at ``pos`` stands for (empty when none).

        "they" takes the latest group within three sentences; a description ("both leaders")
        the latest group anywhere before it, else the latest sentence within three that names
        two or more actors; in a headline or standfirst with none of these, the first
        coordination of actors after it ("Both leaders hailed the treaty" above "Quorle and
        Hallavant signed …": the standfirst announces whom the body names).
        """
        before = [g for g in self.groups if g.end <= pos]
        near = [g for g in before if 0 <= sent - g.sentence <= 3]
        if near:
            return near[-1].ids
        if pronoun:
            return ()
        if before:
            return before[-1].ids
        if self.section_at(pos) in ("headline", "standfirst"):
            after = [g for g in self.groups if g.start > pos]
            if after:
                return min(after, key=lambda g: g.start).ids
        by_sentence: dict[int, set[str]] = {}
        for m in self.mentions:
            if m.actor and not m.pronoun and m.end <= pos:
                by_sentence.setdefault(m.sentence, set()).add(m.actor)
        for k in sorted(by_sentence, reverse=True):
            if 0 <= sent - k <= 3 and len(by_sentence[k]) >= 2:
                return tuple(sorted(by_sentence[k]))
        hl = self.article.headline
        if hl is not None and pos >= hl.end and by_sentence:
            # "Quorle takes the floor, and Hallavant walks out" over a body whose "Both leaders
            # said …" comes long after the last sentence naming two: the headline's pair
            k = self._sent_of(hl.start)
            if len(by_sentence.get(k, ())) >= 2:
                return tuple(sorted(by_sentence[k]))
        return ()

    def group_ending_at(self, end: int, lo: int) -> _Group | None:
        """A coordination of actors that ends at ``end`` and starts in its sentence, at/after lo."""
        for g in self.coordinations_by_end.get(end, ()):
            if g.start >= lo:
                return g
        return None

    def joint_np(self, start: int, end: int) -> _NP | None:
        """A noun phrase that stands for several actors ("A and B", "both leaders", "they")."""
        for g in self.coordinations_by_end.get(end, ()):
            if g.start >= start:
                lead = self.folded[start : g.start].strip()
                if lead in ("", "both"):
                    raw = self.text[start:end]
                    return _NP(start, end, raw, "joint", joint_id(g.ids), how="coordinated actors")
        ids = self.plural_refs.get(start, ())
        if ids and (
            self.pat["plural"].fullmatch(self.folded, start, end)
            or self._bare_plural_re.fullmatch(self.folded, start, end)
        ):
            raw = self.text[start:end]
            if raw.rsplit(None, 1)[-1].lower() in _PLURAL_BODIES:
                # "Both offices said": the actors, through their offices (as "the Elysee")
                how = "plural reference to the actors' bodies"
                return _NP(start, end, raw, "org", joint_id(ids), how=how)
            return _NP(start, end, raw, "joint", joint_id(ids), how="plural reference")
        return None

    def joint_document(self, end: int) -> tuple[str, ...]:
        """Actors of the latest group within three sentences before ``end``, for "a joint …"."""
        g = self._group_near(end)
        return g.ids if g is not None else ()

    def _group_near(self, end: int) -> _Group | None:
        """The latest group of actors ending by ``end``, within three sentences before it."""
        sent = self._sent_of(max(end - 1, 0))
        near = [g for g in self.groups if g.end <= end and 0 <= sent - g.sentence <= 3]
        return near[-1] if near else None

    def doc_sender_before(self, doc_word: str, pos: int) -> _NP | None:
        """Who sent, wrote or posted the "<doc_word>" a later "the <doc_word>" at ``pos`` is.

        In the body sentence of ``pos`` or the two before it: a subject, a verb of issuing
        ("sent", "wrote", "posted", "issued", "published", "released"), then within a few
        words "a"/"his"/"her"/"their" … ``doc_word``: "President Idris Maltane sent Varnay a
        handwritten letter." then '"…," the letter said' is Maltane's. The subject is an
        actor's or a named person's; None when there is no such sentence or several senders.

        A lawsuit is "filed" or "lodged", and "the suit" is the "lawsuit" filed before.

        Example (a sketch): after "Ana Sol wrote a letter to the board.", ``doc_sender_before(
        "letter", <offset of "the letter">)`` is Ana Sol's noun phrase.
        """
        k = bisect_left(self.sentence_starts, pos + 1) - 1
        pat = re.compile(
            r"(?<![\w'\-])(?:sent|wrote|posted|issued|published|released|penned|filed|lodged)"
            r"(?:\s+[\w\-']+){0,4}?\s+(?:a|an|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?"
            # ("filed a lawsuit …" then "The suit accuses …": one document)
            + ("(?:law)?suit" if doc_word in ("suit", "lawsuit") else re.escape(doc_word))
            + r"(?![\w\-])"
        )
        found: list[_NP] = []
        for sent in self.sentences[max(k - 2, 0) : k + 1]:
            if sent.section != "body":
                continue
            for m in pat.finditer(self.folded, sent.start, min(sent.end, pos)):
                if "joint" in m.group(0):
                    continue  # (a joint document: :meth:`joint_document_before`)
                lo = self.boundary_before(sent.start, m.start())
                if _AND_RE.search(self.folded, lo, m.start()):
                    continue  # "Ivo Sarn and Mila Dorn wrote a letter": not one sender
                np = self.subject_np(lo, m.start(), None)
                if np is not None and (np.actor or np.name) and np.kind in ("actor", "other"):
                    found.append(np)
            for m in _DOC_FROM_RE.finditer(self.plain, sent.start, min(sent.end, pos)):
                # "Inspector Ada Moss read out a written statement from the Harbour Police."
                # then '"…," the statement said': the body it came from, not its reader
                if fold(m.group(1)) != doc_word:
                    continue
                np = self.classify_np(m.start(2), m.end(2), None) or self.agent_np(
                    m.start(2), m.end(2)
                )
                if np is not None and np.kind in ("actor", "org") and np.actor:
                    found.append(dataclasses.replace(np, kind="actor"))
                elif np is not None and np.kind == "other" and not np.actor:
                    found.append(dataclasses.replace(np, name=np.name or np.text))
            if " on behalf of " in self.folded[sent.start : sent.end]:
                behalf = re.compile(
                    r"(?<![\w'\-])(?:a|an|his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?"
                    + re.escape(doc_word)
                    + r"\s+on\s+behalf\s+of\s+([^,;:.!?]+?)(?=\s*(?:[,;:.!?]|$|\s+who\s))"
                )
                for m in behalf.finditer(self.folded, sent.start, min(sent.end, pos)):
                    # "Stroud read out a statement on behalf of Velisk, who …": the one it speaks
                    # for sent it (not the one reading it out)
                    np = self.classify_np(m.start(1), m.end(1), None)
                    if np is not None and (np.actor or np.name) and np.kind in ("actor", "other"):
                        found.append(np)
        keys = {np.actor or np.name for np in found}
        return found[-1] if len(keys) == 1 else None

    def issuer_of(self, start: int, end: int) -> _NP | None:
        """The named body that issued the document phrase at ``start``…``end``, as the speaker.

        "the official programme issued by the State Protocol Office", "a leaflet published by
        the Harbour Trust": the issuer speaks, the document as written is the source (not a
        configured actor, whose document the phrase already is). None when no "issued by"
        (released, published, …) and a capitalized name end the phrase.

        Example (a sketch): for the span of "the programme issued by the Protocol Office" the
        noun phrase of the speaker "the Protocol Office" with the whole phrase as its
        affiliation.
        """
        k = _ISSUED_BY_START_RE.search(self.folded, start, end)
        if k is None or (bm := _ISSUED_BY_AGENT_RE.match(self.plain, k.start(), end)) is None:
            return None
        agent = self.classify_np(bm.start(1), bm.end(1), None)
        if agent is None or agent.kind != "other" or agent.actor or not (agent.name or agent.text):
            return None
        how = "other speaker (issuer of a document)"
        raw = self.text[start:end]
        return _NP(start, end, raw, "other", "", agent.name or agent.text, raw, how)

    def doc_owner_before(self, doc_word: str, pos: int) -> _Mention | None:
        """The actor whose "<doc_word>" the journalist named last, in narration, before ``pos``.

        In the body sentence of ``pos`` or the two before it: an actor's name or office with
        "'s" and, within two words, ``doc_word``: "The Brennish trade ministry's readout,
        issued two hours later, struck a more cautious tone." then "The readout said …" is
        that ministry's actor's readout. The last such mention counts; pronouns do not.

        Example (a sketch): with "the Ardish ministry" an office of ``kell``, after "The Ardish
        ministry's readout was shorter.", ``doc_owner_before("readout", <offset of "The
        readout">)`` is the mention of ``kell``'s ministry.
        """
        k = bisect_left(self.sentence_starts, pos + 1) - 1
        lo = self.sentences[max(k - 2, 0)].start if k >= 0 else 0
        tail = re.compile(r"'s\s+(?:[\w\-]+\s+){0,2}?" + re.escape(doc_word) + r"(?![\w\-])")
        found = None
        for i in range(bisect_left(self.mention_starts, lo), len(self.mentions)):
            m = self.mentions[i]
            if m.start >= pos:
                break
            if m.actor and not m.pronoun and self.section_at(m.start) == "body":
                if tail.match(self.folded, m.end, pos) is not None:
                    found = m
        return found

    def joint_document_before(self, doc_word: str, pos: int) -> tuple[int, tuple[str, ...]]:
        """The last "a joint <doc_word>" before ``pos`` that a group of actors issued.

        Returns ``(offset, actor ids)`` (:meth:`joint_document`), or ``()``.

        Example: "Velt and Reinholt signed a joint declaration …" makes a later "the
        declaration" theirs.
        """
        if "joint" not in self.folded:
            return ()
        last = None
        word = re.escape(doc_word)
        pat = re.compile(r"\bjoint\s+(?:[\w\-]+\s+){0,2}?" + word + r"\b")
        for last in pat.finditer(self.folded, 0, pos):  # noqa: B007 (the last one counts)
            pass
        if last is None:
            return ()
        k = bisect_left(self.sentence_starts, last.start() + 1) - 1
        lead = self.folded[self.sentences[k].start if k >= 0 else 0 : last.start()]
        if not _JOINT_ISSUED_RE.search(lead) or _JOINT_NEGATED_RE.search(lead):
            return ()  # "refused to sign a joint declaration", "a joint statement is expected"
        if re.search(
            r"(?<![\w'\-])(?:a|an|its|their|his|her|new|own|another|second)\s+(?:[\w\-]+\s+){0,2}?"
            + word
            + r"(?![\w\-])",
            self.folded[last.end() : pos],
        ) or name_re(r"[A-Z]\w*\s+" + re.escape(doc_word.title())).search(
            self.plain[last.end() : pos]
        ):
            return ()  # another document of that word after it ("issued a declaration of its
            # own", "the Brell Declaration")
        g = self._group_near(last.end())
        if g is None:
            return ()
        issued = _JOINT_ISSUED_RE.search(lead)
        subject = lead[: issued.start()] if issued is not None else lead
        if g.sentence != self._sent_of(last.start()) and not _JOINT_BACK_REF_RE.search(subject):
            return ()  # "40 scientists published a joint letter": theirs, not the pair's before
        return (last.start(), g.ids)

    # -- pronouns -----------------------------------------------------------------------------
    def resolve_pronoun(self, m: _Mention) -> None:
        """Resolve a pronoun mention in place (actor id, or another speaker's name)."""
        sent = self._sent_of(m.start)
        word = m.pronoun
        gender = "male" if word in _PRONOUNS_MALE else "female" if word in _PRONOUNS_FEMALE else ""

        objective = word in _OBJECT_NOT_SUBJECT
        plural = word in _PLURAL_THEY

        def compatible(p: _Person) -> bool:
            if (
                objective
                and p.sentence == sent
                and _SAME_CLAUSE_GAP_RE.fullmatch(self.folded, p.end, m.start)
            ):
                return False  # "Ambrose told them": not Ambrose ("themselves" would be)
            if p.is_actor:
                if word not in self.actors.get(p.key).pronouns:
                    return False
                # "The pickets said they …": the pickets, not a they/them actor
                return not (plural and self._plural_people_between(p.end, m.start))
            return not p.gender or not gender or p.gender == gender

        if plural and m.start in self.plural_refs:
            return  # "Quell and Penrose met. They said …": the pair, not the they/them actor
        named = self.named_subject_before(m, gender) if word in _SUBJECT_PRONOUNS else ""
        if named:
            # "Faisal is young. He speaks for himself": the person the sentence before is
            # about, named, not the actor named further back
            m.other = named
            chained = _Person(m.start, m.end, named, False, gender, True, sent, True)
            insort(self.persons, chained, key=lambda p: p.start)
            return
        cata = self.asked_clause_subject(m)
        if cata is not None:
            # "Asked whether she had ever doubted it, Solvang smiled": the main clause's subject
            if cata[0]:
                m.actor = cata[0]
            else:
                m.other = cata[1]
            return
        role = self.asked_role_before(m.start) if word in ("he", "she") else ""
        if role:
            # "When I asked one of the party whips who had leaked it, he said": the one asked,
            # known only by a role, answers (not the asker, nor anyone named before)
            m.other = role
            chained = _Person(m.start, m.end, role, False, gender, True, sent, False)
            insort(self.persons, chained, key=lambda p: p.start)
            return
        opens = sent  # the sentence that opens the pronoun's statement: '"…," he said' opens
        k = bisect_left(self.quote_starts, m.start)
        quoted_from = -1  # start of the quotation the pronoun tags, if it tags one
        if (
            k
            and word in _SUBJECT_PRONOUNS
            and self.quote_max_end[k - 1] <= m.start
            and not self.plain[self.quote_max_end[k - 1] : m.start].strip(" ,")
        ):
            j = k - 1  # at its quotation ("“Order! …,” he said"): the one that ends last
            while self.quotes[j].end != self.quote_max_end[k - 1]:
                j -= 1
            opens = self._sent_of(self.quotes[j].start)
            quoted_from = self.quotes[j].start
        if (
            word in _SUBJECT_PRONOUNS
            and opens - 1 in self.narrated
            and not self._person_between(opens, m.start)
        ):
            lead = self.lead_in_person(opens - 1, word, gender, tag=quoted_from >= 0)
            if lead:
                # '"I am sorry," he said' right after "… chief executive Conrad Ilves
                # apologised to customers.": the person that sentence introduced
                m.other = lead
                if gender and lead not in self.person_genders:
                    self.learn_gender(lead, gender)  # (a later "she" is not this "he")
                chained = _Person(m.start, m.end, lead, False, gender, True, sent, True)
                insort(self.persons, chained, key=lambda p: p.start)
                return
            subj = self.narrated_subject(opens - 1, gender)
            if subj:
                # 'Tolley looked at the sky. "…," she said': the person named before whose
                # surname is the subject of the narration just before, not the last speaker
                m.other = subj
                if gender and subj not in self.person_genders:
                    self.learn_gender(subj, gender)
                chained = _Person(m.start, m.end, subj, False, gender, True, sent, True)
                insort(self.persons, chained, key=lambda p: p.start)
                return
        cands = [
            p
            for p in self.persons
            if p.end <= m.start and compatible(p) and 0 <= sent - p.sentence <= 4
        ]
        if not cands and gender:
            # "She later told …" several paragraphs after the only person it fits was last
            # named (an actor, or someone of known gender), no one in between fitting
            far = [
                p
                for p in self.persons
                if p.end <= m.start and compatible(p) and (p.is_actor or p.gender)
            ]
            if len({p.key for p in far}) == 1:
                cands = far[-1:]
        if cands and word in _SUBJECT_PRONOUNS:
            fq = self.fronted_question(m.start)
            if fq is not None:
                # "When a reporter pointed out that the text quoted Hallvik, he said": not the
                # questioner nor anyone in the question; the one asked ("asked Venn …") answers
                lo, asked, s0, s1 = fq
                # (the clause's own subject when named or passive: "When Kostav was asked …,
                # he said", "When Kostav asked Vasskel …, he said" with Vasskel a woman)
                named = [p for p in cands if s0 <= p.start < s1 and (p.is_actor or p.named)]
                cands = (
                    [p for p in cands if p.start == asked]
                    or named
                    or [p for p in cands if p.start < lo]
                )
        if quoted_from >= 0:
            # '"… the chancellor was firm …," she said': the speaker is not someone her own
            # quotation names (unless no one else fits)
            cands = [p for p in cands if not quoted_from <= p.start < m.start] or cands
        if not cands:
            return
        same = [p for p in cands if p.sentence == sent and p.subject_like]
        if not same and word in ("his", "her"):
            # "A post from the prime minister's account …; his office said": the one named in
            # the sentence, before the subject of the sentence before
            same = [p for p in cands if p.sentence == sent and p.is_actor]
        before = [p for p in cands if p.sentence < sent and p.subject_like]
        if before and not same and word in _SUBJECT_PRONOUNS and self.speaker_starts:
            # "a bank spokesman, Emil Roskvist, said … the governor "…". | The prime minister,
            # he added, …": "he" who reports goes on for the last speaker, not for a person
            # named in that speaker's words
            last = max(p.sentence for p in before)
            spoke = [
                p
                for p in before
                if p.sentence >= last
                and self.speaker_starts.get(p.start, "ask") not in _QUESTION_LEMMAS
            ]  # (not the one who asked: '"So is the deal dead?" the host asked. | "…," she said')
            nx = _REPORTING_NEXT_RE.match(self.folded, m.end)
            askers = [
                p
                for p in before
                if p.sentence >= last and self.speaker_starts.get(p.start) in _QUESTION_LEMMAS
            ]
            if quoted_from >= 0 and nx is not None and nx.group(1) in _ASK_AGAIN_FORMS and askers:
                # "Lund pressed her on the plan. | "Is that not a tax?" she asked": the one
                # who asked asks on (not the one she asked)
                before = askers
            elif spoke and self._reports_after(m.end):
                before = spoke
                if quoted_from >= 0 or not self.plain[self.sentences[sent].start : m.start].strip(
                    " \"'\u201c"
                ):
                    # '"…," she said' after "She said Wilde had warned her …": not Wilde
                    before = [p for p in spoke if p.start not in self.relayed_starts] or spoke
            elif (
                not spoke
                and nx is not None
                and nx.group(1) in _REPLY_VERB_FORMS
                and (asked := [p for p in cands if p.sentence == last and not p.subject_like])
            ):
                # "The judge asked Stroud whether … | He replied that …": the one asked answers
                before = asked[-1:]
            elif (
                not spoke
                and gender
                and (
                    am := _ASKED_PRONOUN_RE.search(
                        self.folded, self.sentences[last].start, self.sentences[last].end
                    )
                )
                is not None
                and am.group(1) == ("him" if gender == "male" else "her")
            ):
                # "Blake asked her whether she had read it. | She said she had": the one asked
                # answers (a "her" of the sentence that is not its subject, who asked)
                asking = {p.key for p in before if p.sentence == last}
                before = [p for p in before if p.key not in asking] or before
        pick = same or before or cands
        if gender:
            # "she" after "the host asked …": a person known only by a role of no known
            # gender comes after one whose gender is known or who is named
            known = [p for p in pick if p.is_actor or p.gender or p.named]
            pick = known or pick
            # a named person of unknown gender four sentences back gives way to the only actor
            # whose gender fits ("She later told …" after a coach and a captain were quoted)
            fits = [p for p in pick if p.is_actor or p.gender or sent - p.sentence <= 3]
            if not fits:
                far = [p for p in self.persons if p.end <= m.start and p.is_actor and compatible(p)]
                fits = far[-1:] if len({p.key for p in far}) == 1 else []
            pick = fits or pick
        best = max(pick, key=lambda p: (p.start, p.end))  # ("Maresco's spokeswoman, X": X)
        if best.is_actor:
            m.actor = best.key
        else:
            m.other = best.key
            if (
                gender
                and word in _SUBJECT_PRONOUNS
                and best.named
                and not best.gender
                and (
                    quoted_from >= 0
                    or not self.plain[self.sentences[sent].start : m.start].strip(" \"'\u201c")
                )
            ):
                # "Moray … He urged the minister … She said she would consider it": the "he"
                # opening its sentence (or tagging a quotation) tells Moray's gender, so the
                # "she" is someone else (not a "she" in the words: the principal's, maybe)
                self.learn_gender(best.key, gender)
                best = dataclasses.replace(best, gender=gender)
        prev = self._prev_word(m.start)
        if word in _SUBJECT_PRONOUNS and prev not in _PREPOSITIONS and prev not in self.lex.verbs:
            # a chain: a later "she" may refer back through this one ("… she says." eight
            # sentences after the name)
            chained = _Person(
                m.start,
                m.end,
                best.key,
                best.is_actor,
                best.gender,
                True,
                sent,
                best.named,
            )
            insort(self.persons, chained, key=lambda p: p.start)

    def named_subject_before(self, m: _Mention, gender: str) -> str:
        """The named person (no actor) a "he"/"she" opening its sentence refers to, or "".

        The sentence before, in the same paragraph, opens with a one-word name (past a
        transcript label, "A: ") and a lower-case verb, and nobody else is named in it; the
        word is a person's name in the article (written elsewhere after an honorific or a role,
        "Sheikh Faisal", or a word of another speaker's name), no actor's name and no one whose
        gender contradicts the pronoun. Returns the name as written.

        Example: in 'A: Faisal is young. He speaks for himself.' (with "Sheikh Faisal"
        written before) "He" is Faisal, not the actor answering.
        """
        k = bisect_left(self.sentence_starts, m.start + 1) - 1
        if k < 1:
            return ""
        sent, before = self.sentences[k], self.sentences[k - 1]
        om = _TURN_OPENING_RE.match(self.plain, sent.start, m.start)
        if om is None or om.end() != m.start or "\n" in self.plain[before.end : sent.start]:
            return ""  # not the sentence's subject, or a new paragraph
        om = _TURN_OPENING_RE.match(self.plain, before.start, before.end)
        sm = _NARRATED_SUBJECT_RE.match(self.plain, om.end() if om else before.start, before.end)
        if sm is None:
            return ""
        word = sm.group(1)
        if (
            fold(word) in self._no_given_names
            or self.pat["role"].fullmatch(fold(word))
            or any(sm.start(1) <= p.start < before.end for p in self.persons)  # (a speaker:
            # the usual candidates decide)
            or self.mentions_in(before.start, before.end)  # (an actor named in it)
            or _CAPITALIZED_WORD_RE.search(self.plain, sm.end(1), before.end)
        ):
            return ""
        known = self.person_genders.get(word, "")
        if known and gender and known != gender:
            return ""
        if word in self._titled_name_words or any(
            not p.is_actor and word in p.key.split() for p in self.persons
        ):
            return word
        return ""

    @property
    def _own_words(self) -> dict[str, frozenset[str]]:
        """Actor id → folded words of its name, aliases, organizations, country and demonym.

        Example: for the Governor of the National Bank, {"selma", "ruud", "national", "bank", …}.
        Built once per actors file (``Actors._own_words``), not per article.
        """
        return self.actors._own_words

    @cached_property
    def _titled_name_words(self) -> frozenset[str]:
        """Words written after an honorific or a role in a run of names naming no actor.

        "Sheikh Faisal", "Senator Rodrigo Obregón": a person's names (not "Eastern Europe").
        """
        role = self.pat["role"]
        out: set[str] = set()
        for fm in _FULL_NAME_RE.finditer(self.plain):
            if self.mentions_in(fm.start(), fm.end()):
                continue
            words = fm.group(0).split()
            for i, w in enumerate(words[:-1]):
                fw = fold(w).rstrip(".")
                if fw in _HONORIFICS or fw in _GENDERED_HONORIFICS or role.fullmatch(fw):
                    out.update(words[i + 1 :])
                    break
        return frozenset(out)

    def _plural_people_between(self, start: int, end: int) -> bool:
        """Whether a plural noun naming people ("the pickets", "drivers") stands in the span.

        A plural "they", "them" or "their" after it refers to them rather than to an actor
        configured with they/them named before (:func:`is_plural_people`).
        """
        return any(
            is_plural_people(w.group(0)) and self.in_quote(w.start()) is None
            for w in _WORDS_RE.finditer(self.folded, start, end)
        )  # (not "people" in quoted words: '… "an insult to people …" "…," they said')

    def _headline_bare_object(self, sent: Sentence, start: int) -> bool:
        """Whether an office word stands bare after a verb or preposition of a headline.

        Headlines and standfirsts drop the article: the word at ``start`` right after a verb or
        a preposition there is the configured "the <word>".

        Example: with "the union" configured, "Chief urges union to return to talks" and
        "Talks resume at ministry" name no other union or ministry; "rival union" and "the
        interior ministry" do (a modifier before the word).
        """
        if sent.section not in ("headline", "standfirst") or start <= sent.start:
            return False
        prev = self._prev_word(start)
        if not prev or self.folded[start - len(prev) - 1 : start] != prev + " ":
            return False
        if start - len(prev) - 1 < sent.start:
            return False
        return (
            prev in _PREPOSITIONS
            or prev == "in"
            or prev in self.lex.verbs
            or prev in self.lex.headline_verbs
        )

    def office_modifier_actor(self, raw: str, fo: str, role_starts: Sequence[int]) -> str:
        """The actor whose office modifies a spokesperson's role right after an article, or "".

        ``fo`` is the folded ``raw`` noun phrase and ``role_starts`` where its role words start
        in it (an office word such as "union" is one too). The modifier is a configured
        office's word ("the union" → "A union spokesman says") that names no other body in the
        article (:attr:`rival_bodies`), or the first, capitalized word of a configured company's
        name whose other words are company suffixes ("Brantwell Freight" → "A Brantwell
        spokesman said").

        Only a role that speaks for a body (:data:`_SPEAKS_FOR_ROLE_RE`): "A union source" is
        anonymous, as "A government source" is in the blind rounds' gold.

        Example: with ``organizations: [Brantwell Freight, the union]``, "A union spokesman"
        and "A Brantwell spokesman" speak for the actor; "A rival union spokesman" and "A
        union source" do not.
        """
        om = _ARTICLE_MODIFIER_RE.match(fo)
        if om is None or om.end() not in role_starts:
            return ""
        if any(r not in (om.start(1), om.end()) for r in role_starts[:2]):
            return ""
        if _SPEAKS_FOR_ROLE_RE.match(fo, om.end()) is None:
            return ""  # "A government source", "a union official": anonymous (blind rounds 4, 7)
        word = om.group(1)
        found = self.actors._table.get(word)
        if found is not None and found[1] == "organization":
            if word in self.actors._described and word not in self.rival_bodies:
                return found[0]
            return ""
        if not raw[om.start(1) : om.start(1) + 1].isupper():
            return ""
        owners = {
            a.id
            for a in self.actors.actors
            for o in a.organizations
            if (ws := _strip_det(fold(o).strip()).split())[0] == word
            and len(ws) > 1
            and all(w in self.lex.company_suffixes for w in ws[1:])
        }
        return owners.pop() if len(owners) == 1 else ""

    def _bare_headline_subject(self, sent: Sentence, start: int, end: int) -> bool:
        """Whether a description configured with "the" stands bare as a headline's subject.

        Headlines and standfirsts drop the article: in "…; palace calls it 'an invention'"
        the configured "the palace" is the subject of the clause. Only at the start of the
        line or of a clause (after "; ", ", ", a closing quotation mark or "as"/"and"/"but")
        and before a reporting verb, or inverted after one at the end of the clause ("'A
        triumph', says king").

        Example: with "the palace" configured, "Chancellor hails talks; palace says …" names
        the palace's actor; "palace gardens reopen" and "Dutch king visits" do not.
        """
        if sent.section not in ("headline", "standfirst"):
            return False
        before = self.plain[sent.start : start].rstrip()
        last = _last_word(fold(before)) if before else ""
        if before and before[-1] not in ";,'\"" and last not in _CLAUSE_OPENING_CONJ:
            if not (
                (last in self.lex.verbs or last in self.lex.headline_verbs)
                and not self.plain[end : sent.end].split(";")[0].strip(" .,!?")
            ):
                return False
            return True  # "'A triumph', says king"
        nm = _WORDS_RE.match(self.folded, end + 1) if self.folded[end : end + 1] == " " else None
        if nm is None or not (
            nm.group(0) in self.lex.verbs or nm.group(0) in self.lex.headline_verbs
        ):
            return False
        # at least two words (or a quotation) after the verb: not "palace answers sought"
        rest = self.plain[nm.end() : sent.end].split(";")[0]
        return len(rest.split()) >= 2 or rest.lstrip()[:1] in _OPEN_QUOTES

    def meeting_pair_before(self, pos: int) -> tuple[str, ...]:
        """The article's two actors, when a sentence before ``pos`` tells them meeting.

        Exactly two configured actors named before ``pos``, and one sentence naming both with
        a verb of meeting or of issuing after the first ("X and Y met", "X welcomed Y", "X and
        Y signed"). Returns ``()`` otherwise.
        """
        names = [m for m in self.mentions_in(0, pos) if m.actor and not m.pronoun]
        actors = {m.actor for m in names}
        if len(actors) != 2 or any("+" in a for a in actors):
            return ()
        by_sent: dict[int, list[_Mention]] = {}
        for m in names:
            by_sent.setdefault(m.sentence, []).append(m)
        for ms in by_sent.values():
            if {m.actor for m in ms} == actors:
                lo = ms[0].start
                end = self.sentence_ends[bisect_right(self.sentence_starts, lo) - 1]
                if _MEETING_VERB_RE.search(self.folded, lo, end) or _JOINT_ISSUED_RE.search(
                    self.folded[lo:end]
                ):
                    return tuple(sorted(actors))
        return ()

    def party_of_meeting(self, role_word: str, actor: str, pos: int) -> str:
        """The actor a "guest", "host" or "counterpart" is, from a meeting told just before.

        The latest of the three sentences before ``pos`` that names two actors with a verb of
        meeting between them decides: "A hosted/welcomed/received B" (B is the guest, A the
        host), "A visited B"/"A flew to see B" (A is the guest, B the host), "A met B" (each
        is the other's counterpart; ``actor``, the possessive's, is not). Returns "" when no
        such sentence is found or the role does not follow from it.

        Example: after "Ostrup welcomed Gorev to the palace.", "her guest" is Gorev.
        """
        sent = self._sent_of(pos)
        names = [m for m in self.mentions_in(0, pos) if m.actor and not m.pronoun]
        for k in range(sent, max(sent - 4, -1), -1):
            ms = [m for m in names if m.sentence == k]
            pair = list(dict.fromkeys(m.actor for m in ms))
            if len(pair) != 2 or "+" in pair[0] or "+" in pair[1]:
                continue
            second = next(m for m in ms if m.actor == pair[1])
            vm = _MEETING_VERB_RE.search(self.folded, ms[0].end, second.start)
            if vm is None:
                continue
            hosting = vm.group("host") is not None
            visiting = vm.group("visit") is not None
            if self._prev_word(vm.start()) in ("was", "were", "is", "are", "been", "being"):
                # "Gorev was welcomed by Ostrup": the first named is the guest
                hosting, visiting = visiting, hosting
            if role_word == "guest" and (hosting or visiting):
                return pair[1] if hosting else pair[0]
            if role_word == "host" and (hosting or visiting):
                return pair[0] if hosting else pair[1]
            if role_word == "counterpart" and actor in pair:
                return pair[1] if actor == pair[0] else pair[0]
            return ""
        return ""

    def described_with_modifier(self, pos: int, word: str) -> int:
        """Where "the" opens "the <word(s)> <description>" before ``pos``, or -1.

        "The veteran chancellor", "the embattled prime minister": one or two lower-case
        describing words, none that makes it another office or holder ("the former chancellor",
        "the deputy chancellor", "the finance minister", "the ousted chancellor") and no role
        word; and no other holder of the description ``word`` introduced in the body ("the
        Velsian chancellor, Odo Marr": "the visiting chancellor" may be him).

        Example: with "the chancellor" configured, "The veteran chancellor said" names her.
        """
        if self.narrated_roles.get(word):
            return -1
        dm = _MODIFIED_DESCRIPTION_RE.search(self.folded, max(0, pos - 40), pos)
        if dm is None or not self.text[dm.start(1) : dm.end(1)].islower():
            return -1
        for w in dm.group(1).split():
            if w in _OTHER_OFFICE_MODIFIERS or w in _FUNCTION_WORDS:
                return -1
            if w != "veteran" and self.pat["role"].fullmatch(w):
                return -1  # "the chief minister" ("veteran" describes: "the veteran chancellor")
        return dm.start()

    def body_with_modifier(self, pos: int, own_words: frozenset[str]) -> int:
        """Where a body's description at ``pos`` ("council") opens with its modifiers, or -1/-2.

        A body configured as "the council" is another body when a modifier stands between the
        determiner and the head ("the city council", "The Parish Council", "City council
        backs …"), unless every modifier is a word of the actor's own name ("Monetary council
        urges …" for the Northern Monetary Council). A modifier run opens after "the" or at
        the start of a clause (no determiner, as in a headline).

        Args:
            pos: Offset of the head word.
            own_words: Folded words of the actor's name and aliases.

        Returns:
            The offset the mention then starts at ("the" or the first modifier), -1 when no
            modifier precedes the head, -2 when the modifiers make it another body.

        Example: with "the council" configured for the Northern Monetary Council, "The city
        council said" gives -2 and "The monetary council said" the offset of "The".
        """
        words = list(_MODIFIER_WORD_RE.finditer(self.folded, max(0, pos - 60), pos))
        run: list[re.Match[str]] = []
        cursor = pos
        for wm in reversed(words):
            if self.folded[wm.end() : cursor].strip():
                break  # (punctuation between: the run ends)
            if wm.group(0) in _DETERMINER_SET or wm.group(0) in _FUNCTION_WORDS:
                break
            run.append(wm)
            cursor = wm.start()
            if len(run) > 2:
                return -1  # (no short modifier run: "… told city council officials")
        if not run:
            return -1
        opening = run[-1].start()
        det = _DETERMINER_BEFORE_RUN_RE.search(self.folded, max(0, opening - 6), opening)
        if det is not None and det.group(1) != "the":
            return -2  # "a monetary council": some body of that kind
        prev = self.folded[max(0, opening - 3) : opening].rstrip()[-1:]
        if det is None and prev and (prev.isalnum() or prev in "'-"):
            return -1  # ("leaders of city council": no determiner nor clause start before)
        if all(w.group(0) in own_words for w in run):
            return det.start(1) if det is not None else opening
        return -2

    def posted_words(self, ustart: int, v0: int, v1: int, uend: int) -> bool:
        """Whether "posted" (``v0``…``v1``) reports words, not a loss or troops.

        A "that" clause, maybe after a platform ("posted on Telegram that …"), a colon and
        quotation within a few words ('posted a video on Plume late on Tuesday: "…"'), or a
        quotation before it and at most a platform after it ('"…," Korrin posted on Plume.').
        """
        return bool(
            _THAT_AFTER_RE.match(self.folded, v1, uend)
            or (pm := _PHRASE_THEN_THAT_RE.match(self.folded, v1, uend)) is not None
            and pm.group(0).endswith("that")
            or _POSTED_COLON_RE.match(self.plain, v1, uend)
            or self.quotes_in(ustart, v0)
            and _POSTED_CLOSES_RE.match(self.folded, v1, uend)
        )

    def in_fronted_clause(self, first: _Frame, then: _Frame) -> bool:
        """Whether ``first`` reports inside a fronted clause that ends before ``then``'s subject.

        "When a reporter pointed out that …, he said" (a subordinator opens the sentence right
        before ``first``'s subject, and a comma closes the clause right before ``then``'s), and
        "Asked whether Brannvoll had threatened …, she replied" (the question's own words).
        """
        k = bisect_left(self.sentence_starts, first.np.start + 1) - 1
        lo = self.sentences[k].start if k >= 0 else 0
        sm = _FRONTED_SUBORDINATOR_RE.match(self.folded, lo) or _FRONTED_ASKED_RE.match(
            self.folded, lo
        )
        if sm is None or first.np.start > sm.end():  # (the subject may hold "After the host")
            return False
        return self.plain[first.content_start : then.np.start].rstrip().endswith(",")

    def wrote_no_words(self, f: _Frame, end: int) -> bool:
        """Whether ``f`` is "wrote to X" with no words after it.

        "… that she had written to both leaders but …": nested in another's report, it tells
        of a letter, not of its words.
        """
        if f.lemma != "write" or not f.verb:
            return False
        v0 = self.plain.rfind(f.verb, f.np.end, f.content_start + 1)
        if v0 < 0:
            return False
        v1 = v0 + len(f.verb)
        return _WROTE_TO_RE.match(
            self.folded, self.skip_adverbials(v1, end), end
        ) is not None and not _WRITTEN_WORDS_RE.search(self.plain, v1, end)

    def leaders_of_pair(self, ustart: int, country: _NP) -> _NP | None:
        """The two actors of "Leaders of <country> and <country> said …", or None.

        ``country`` is the second country (a configured one, the verb's nearest noun); the first
        must be another actor's configured country.
        """
        lo = max(ustart, country.start - 90)
        m = _LEADERS_OF_RE.search(self.folded, lo, country.start)
        if m is None:
            return None
        first = next((a for c, a in self.actors._countries if c == m.group(1)), "")
        if not first or first == country.actor:
            return None
        ids = joint_id([first, country.actor])
        raw = self.text[m.start() : country.end]
        return _NP(m.start(), country.end, raw, "joint", ids, how=f"leaders of the sides of {ids}")

    def modal_before_verb(self, f: _Frame) -> bool:
        """Whether a modal stands right before ``f``'s verb ("Fenn would ask the court …").

        Such a report has not happened: nested in another's ("The minister said Fenn would
        ask …"), the words are the outer speaker's.
        """
        v0 = self.plain.rfind(f.verb, f.np.end, f.content_start) if f.verb else -1
        return v0 > 0 and self._prev_word(v0) in _MODALS

    def asked_clause_subject(self, m: _Mention) -> tuple[str, str] | None:
        """``(actor, name)`` a pronoun inside a fronted question refers to, or None.

        In "Asked last week whether she had ever doubted it, Solvang smiled" the "she" is the
        main clause's subject, named right after the clause's comma: an actor whose pronouns
        hold the word, or another person's full name (``("", name)``).
        """
        k = bisect_left(self.sentence_starts, m.start + 1) - 1
        if k < 0:
            return None
        lo, hi = self.sentences[k].start, self.sentences[k].end
        sm = _FRONTED_ASKED_RE.match(self.folded, lo, m.start)
        if sm is None:
            return None
        comma = self.plain.find(",", m.end, hi)
        if comma < 0 or self.in_quote(comma) is not None:
            return None
        after = (
            comma + 1 + len(self.plain[comma + 1 : hi]) - len(self.plain[comma + 1 : hi].lstrip())
        )
        for mm in self.mentions_in(after, hi):
            if mm.start == after and mm.actor and not mm.pronoun:
                ok = m.pronoun in self.actors.get(mm.actor).pronouns
                return (mm.actor, "") if ok else None
            break
        nm = _FULL_NAME_RE.match(self.plain, after, hi)
        if nm is not None and not self.mentions_in(nm.start(), nm.end()):
            words = nm.group(0).split()
            if not any(fold(w) in _NOT_A_NAME for w in words):
                return "", self.canonical_name(nm.group(0), nm.start())
        return None

    def in_asked_question(self, first: _Frame) -> bool:
        """Whether ``first`` reports inside a fronted question ("Asked whether X had …, …").

        Its subject follows the question word of a sentence-opening "Asked whether", "Pressed
        on", … with no comma in between.
        """
        k = bisect_left(self.sentence_starts, first.np.start + 1) - 1
        lo = self.sentences[k].start if k >= 0 else 0
        sm = _FRONTED_ASKED_RE.match(self.folded, lo)
        return (
            sm is not None
            and first.np.start >= sm.end()
            and (
                "," not in self.plain[sm.end() : first.np.start]
                # "Asked whether …, as the union has demanded, Lusk replied": the question's
                # own comparative "as" clause
                or self.folded[sm.end() : first.np.start].rstrip().endswith(", as")
            )
        )

    def _reports_after(self, pos: int) -> bool:
        """Whether a reporting verb follows ``pos`` (maybe after "also", "then", "later")."""
        wm = _REPORTING_NEXT_RE.match(self.folded, pos)
        return wm is not None and wm.group(1) in self.lex.verbs

    def fronted_question(self, pos: int) -> tuple[int, int, int, int] | None:
        """``(sentence start, addressee start, subject start, subject end)`` of a fronted clause.

        The clause runs from the sentence start to the comma right before ``pos`` ("When a
        reporter pointed out that …, he said"); the addressee is where the words after its
        question verb start ("After Holt asked Venn whether …," → "Venn"; -1 for a participle
        or a passive: "Asked about …,", "When Kostav was asked …,"); the subject is the clause's
        ("Holt", "Kostav"; -1, -1 for a participle). None when ``pos`` follows no such clause.

        Example: in "When a reporter asked Venn about the text, he said …" the clause starts the
        sentence and "Venn" is the one asked.
        """
        k = bisect_left(self.sentence_starts, pos + 1) - 1
        if k < 0:
            return None
        lo = self.sentences[k].start
        fm = _FRONTED_QUESTION_RE.match(self.folded, lo, pos)
        if fm is None:
            return None
        if fm.group("subj") is None:
            return lo, -1, -1, -1  # "Asked about the row between X and Y, he said": he is asked
        s0, s1 = fm.span("subj")
        if _PASSIVE_END_RE.search(self.folded, s0, s1):
            return lo, -1, s0, s1  # "When Kostav was asked …": Kostav is asked
        return lo, fm.start("obj"), s0, s1

    def asked_role_before(self, pos: int) -> str:
        """The indefinite role asked in a fronted clause ending right before ``pos`` ("").

        "When I asked one of the party whips who had leaked it, | he said" → "one of the party
        whips"; "After a reporter asked a senior aide about it, | she said" → "a senior aide".
        Not a name or a definite description ("asked Venn", "asked the minister"): those are
        mentions the pronoun resolves to as usual.
        """
        fq = self.fronted_question(pos)
        if fq is None or fq[1] < 0:
            return ""
        im = _INDEFINITE_ROLE_RE.match(self.folded, fq[1], pos)
        if im is None:
            return ""
        rm = self.pat["role"].match(self.folded, im.end())
        if rm is None or self.pat["role"].match(self.folded, rm.end() + 1):
            return ""  # (the head is the last role word: not "a senior official's aide")
        return self.plain[fq[1] : rm.end()]

    def job_apposition(self, text: str) -> bool:
        """Whether an apposition names a job at a place or body ("a surgeon at Velm hospital").

        Not a relation or an opinion ("a critic of the government", "a close ally of X"), a
        family word, or a former job.
        """
        m = _JOB_APPOSITION_RE.match(fold(text))
        if m is None:
            return False
        if m.group(2):
            return True  # "a police spokesman"
        word = m.group(1)
        return bool(self.pat["role"].fullmatch(word)) and word not in self.lex.independent

    def other_mention_between(self, word: str, start: int, end: int) -> bool:
        """Whether ``word`` names another body in ``start``…``end``.

        A bare "the <word>" refers back and does not count: "News agency Northwire" does, "the
        agency had underestimated" does not.
        """
        return any(
            not self.folded.endswith("the ", 0, m.start())
            or self.folded.startswith((" of ", " for "), m.end())  # "the office of the …"
            for m in _whole_word_re(word).finditer(self.folded, start, end)
        )

    def in_parenthetical_relative(self, ustart: int, v0: int, uend: int) -> bool:
        """Whether ``v0`` is inside ", who …," (not right after "who") before a reporting verb."""
        w = self.folded.rfind(", who ", ustart, v0)
        if w < 0 or w + 6 >= v0 - 1 or self.plain.find(",", w + 1, v0) >= 0:
            return False
        c = self.plain.find(",", v0, uend)
        if c < 0:
            return False
        after = self.skip_adverbials(c + 1, uend)
        vm = self.pat["verb"].match(self.folded, after + (self.folded[after] == " "), uend)
        return vm is not None

    def other_person_in(self, np: _NP, start: int, end: int) -> bool:
        """Whether ``start``…``end`` names a person other than ``np``.

        An actor, or a surname or name that is the full name of someone else written in the
        article.
        """
        if any(m.person and not m.pronoun for m in self.mentions_in(start, end)):
            return True
        for m in _CAPITALIZED_WORD_RE.finditer(self.plain, start, end):
            full = self.canonical_name(m.group(0), m.start())
            if full != m.group(0) and full != np.name:
                return True
        return False

    def _person_between(self, first_sentence: int, pos: int) -> bool:
        """Whether a person (actor or other) is named from sentence ``first_sentence`` to pos."""
        for p in reversed(self.persons):  # (sorted by start: the latest first)
            if p.sentence < first_sentence:
                return False
            if p.end <= pos:
                return True
        return False

    def resolve_pronouns_in(self, start: int, end: int) -> None:
        """Resolve the pronoun mentions of ``mentions_in(start, end)`` not resolved yet.

        The fast path walks only the pronoun mentions (indexed on first use): the same
        mentions, in the same order, as filtering ``mentions_in``.
        """
        if not self.fast_paths:
            for m in self.mentions_in(start, end):
                if m.pronoun and not m.actor and not m.other:
                    self.resolve_pronoun(m)
            return
        starts, prons = self._pronoun_index
        i = bisect_left(starts, start)
        while i < len(prons) and starts[i] < end:
            m = prons[i]
            i += 1
            if m.end <= end and not m.actor and not m.other:
                self.resolve_pronoun(m)

    def add_other_person(
        self, np: _NP, sent: int, subject_like: bool = True, gender_hint: str = ""
    ) -> None:
        low = fold(np.text)
        heads = self.pat["role"].findall(low)
        for h in heads:
            # the last speaker introduced with each role word ("Another official told …",
            # "Dag Hol, a finance ministry official,", "Valdish officials said")
            self.role_last[h.removesuffix("s")] = np.start
            self.role_last[h] = np.start
        if not np.name:
            pre = _POSTMOD_CUT_RE.split(low, 1)[0]  # ("One official at the ministry": official)
            head = next(reversed(self.pat["role"].findall(pre)), None) if pre != low else None
            if heads and (head or heads[-1]) in self.lex.institutions:
                kind = head or heads[-1]
                if (
                    kind not in self.body_roles
                    and _CAPITALIZED_DESCRIPTION_RE.match(np.text)
                    and len(low.split()) <= 7
                ):
                    # "The Dravenian embassy in Tarvel said", "Vastmoor's flood agency
                    # warned": a body described, not named, which a later "the embassy" is
                    self.body_roles[kind] = (np.start, np.text)
                return  # "the ministry said": no "he" or "she" refers to it
        elif (
            (last := fold(np.name.split()[-1])) in self.lex.institutions
            or (
                last in self.lex.body_names
                and (fold(np.name).startswith("the ") or len(np.name.split()) > 2)
            )
            or any(name == np.name for _, name in self.body_roles.values())
        ):
            return  # "the National Emergency Agency", "the Korlundic Football Federation"
        if not np.name and _is_plural_role(low, self.pat["role"]):
            return  # "Opposition MPs shouted …": no later "he" or "she" refers to them
        # (not "the woman's X", nor the "father" of "a teacher whose father was …")
        words = set(_LOWER_WORD_RE.findall(_POSSESSOR_RE.sub(" ", _RELATIVE_TAIL_RE.sub("", low))))
        gender = "female" if words & self.lex.female else "male" if words & self.lex.male else ""
        key = np.name or np.text
        if (
            gender
            and np.name
            and key not in self.person_genders
            and not words & _GENERIC_MALE_ROLES  # ("Kaja Morn, chairman of …": not a gender)
        ):
            # "Ingeborg Quarn, the ministry's spokeswoman": the role word tells her gender for
            # her later mentions too (a reported "he" then does not)
            self.learn_gender(key, gender)
        if not gender and np.name:
            gender = self.person_genders.get(key, "")
            if not gender and gender_hint:
                self.learn_gender(key, gender_hint)
                gender = gender_hint
        named = bool(np.name) or np.kind != "other" or not np.affiliation
        if (
            not np.name
            and (not np.actor or np.how.endswith(f"speaks for {np.actor}"))
            and np.kind == "other"
            and _INDEFINITE_RE.match(low)
        ):
            # "a senior Ostrevian official told …": a later "the official" is that speaker
            own = [h for h in self.pat["role"].findall(low) if h not in self.lex.institutions]
            if own:
                self.role_texts[own[0]] = (np.start, words, np.text, np.end)
                self.role_last[own[0]] = np.start
        if (
            np.name
            and np.actor
            and np.name not in self.name_actors
            and _SPEAKS_FOR_ROLE_RE.search(fold(np.affiliation))
            and not _FORMER_RE.search(fold(np.affiliation))
        ):
            # "Kremlin spokesman Dmitry Peskov": a later "Peskov said" still speaks for Putin
            # (a minister or a deputy speaks as themselves later, as annotators read them)
            self.name_actors[np.name] = (np.start, np.actor)
        if np.name and np.affiliation:
            heads = self.pat["role"].findall(fold(np.affiliation))
            own = [h for h in heads if h not in self.lex.institutions]
            if own:  # "a fellow at the Institute", "the ministry's spokeswoman": the person's
                words = frozenset(_WORDS_RE.findall(low))
                self.role_names[own[0]] = (np.name, words, np.actor)
            elif heads and not np.actor and all(h in self.lex.institutions for h in heads):
                # "Orvagas, the state-owned company that …": a body, which a later "the
                # company" names, and no "he" or "she" refers to
                self.body_roles[heads[0]] = (np.start, np.name)
                return
        person = _Person(np.start, np.end, key, False, gender, subject_like, sent, named)
        self.persons.append(person)
        self.persons.sort(key=lambda p: p.start)

    def learn_gender(self, key: str, gender: str) -> None:
        """Remember another speaker's gender, on every person entry of theirs made so far."""
        self.person_genders[key] = gender
        for i, p in enumerate(self.persons):
            if p.key == key and not p.is_actor and not p.gender:
                self.persons[i] = dataclasses.replace(p, gender=gender)

    def register_documents(self, folded_text: str, np: _NP) -> None:
        """Remember who issued "a statement"/"a readout" so "the readout" finds it later."""
        for d in _document_words(folded_text):
            self.doc_sources[d] = np

    def canonical_name(self, name: str, pos: int = -1) -> str:
        """A lone surname ("Mols") becomes the full name introduced earlier ("Pieter Mols").

        With two full names of that surname in the article, the one written before ``pos``
        (the lone surname's offset), if only one was.
        """
        words = name.split()
        if len(words) == 2 and fold(words[0]).rstrip(".") in _HONORIFICS:
            # "Ms Kallweit" after "Signe Kallweit": the full name, when there is one
            full = self.canonical_name(words[1], pos)
            return full if full != words[1] else name
        if " " in name.strip() or not (name[:1].isupper() or _PREFIXED_NAME_RE.fullmatch(name)):
            return name  # (a name may open in lower case: "al-Marri")
        for p in reversed(self.persons):
            if (
                not p.is_actor
                and p.key.split()[-1] == name
                and " " in p.key
                and all(w[:1].isupper() for w in p.key.split())  # a name, not "Officials in X"
            ):
                return p.key
        full = self.surnames.get(name, ())
        if len(full) > 1 and pos >= 0:
            # "Rook told supporters" before "Ilka Rook, a granddaughter," is first written: the
            # one full name of that surname written before
            full = tuple(f for f in full if 0 <= self.plain.find(f) < pos)
        if not full and fold(name) in self.actors._surnames_first:
            # "Ms Qiao" after "Qiao Lifen", where an actor's name puts that surname first
            # ("Qiao Minren"): the one other person named so before
            keys = {
                p.key
                for p in self.persons
                if not p.is_actor
                and p.key.split()[0] == name
                and len(p.key.split()) == 2
                and p.key.split()[1][:1].isupper()
                and (pos < 0 or p.start < pos)
            }
            full = tuple(keys)
        if not full and not any(p.key.split()[-1] == name for p in self.persons):
            # "Brennholt said", after "Brennholt Industries warned": the one body named before
            # whose name opens with that word (no person of that surname is named)
            bodies = {n for s, n in self.body_full_names.get(name, ()) if pos < 0 or s < pos}
            full = tuple(bodies)
        return full[0] if len(full) == 1 else name  # (two people of that surname: as written)

    @cached_property
    def body_full_names(self) -> dict[str, list[tuple[int, str]]]:
        """First word → (start, name) of bodies named in full in the body text.

        A name of two to four capitalized words ending in a company or body word of the
        lexicon ("Brennholt Industries", "Kessel Trust"), or introduced with a body description
        ("Osk Lines, a shipping group", :attr:`narrated_bodies`); no configured actor's. A later
        lone "Brennholt said" is then that body (:meth:`canonical_name`).
        """
        out: dict[str, list[tuple[int, str]]] = {}
        ends = self.lex.company_suffixes | self.lex.body_names
        start = self.body_start
        found = [
            (m.start(1), m.group(1))
            for m in _COMPANY_NAME_RE.finditer(self.plain, start)
            if fold(m.group(2)) in ends
        ]
        found += [(e[0], e[2]) for es in self.narrated_bodies.values() for e in es if " " in e[2]]
        for s, name in found:
            words = name.split()
            if words[0] in _NOT_A_NAME_START or _TIME_WORD_RE.fullmatch(fold(words[0])):
                continue
            if s < start or self.mentions_in(s, s + len(name)):
                continue
            out.setdefault(words[0], []).append((s, name))
        return out

    @cached_property
    def institution_names(self) -> list[tuple[int, str, str, int]]:
        """Bodies named in full: (start, institution word, "the" and the name, end), by start.

        "the Lusovian Emergency Management Agency" → ``(…, "agency", "the Lusovian …
        Agency")``; only capitalized names after "the" or a possessive ("the country's Digital
        Markets Authority" → "the Digital Markets Authority"), so that a later "the authority"
        can be that body.
        """
        if not _INSTITUTION_NAME_GATE_RE.search(self.plain):
            return []
        out = []
        for m in _INSTITUTION_NAME_RE.finditer(self.plain):
            head = fold(m.group(2))
            if head in self.lex.institutions or head in _BODY_HEADS:
                out.append((m.start(), head, "the " + m.group("name"), m.end()))
        if " of " in self.plain:
            # "the Federation of Ardish Industry" → a later "the federation" (kind word first)
            for m in _INSTITUTION_OF_NAME_RE.finditer(self.plain):
                head = fold(m.group(2))
                if head in self.lex.institutions or head in _BODY_HEADS:
                    out.append((m.start(), head, "the " + m.group("name"), m.end()))
            out.sort()
        return out

    def bodies_named_before(
        self, head: str, start: int, modifiers: Sequence[str] = ()
    ) -> dict[str, str]:
        """Bodies of one kind named in full before ``start``: folded name → name.

        ``modifiers`` (folded words) must all be words of the name: "the statistics office"
        is "the Kestrian Statistics Office", not "the Kestrian Audit Office". A headline or
        standfirst (before the body) sums up the body: there, a name anywhere in the body
        counts ("the fiscal council says" in a standfirst, "The Independent Fiscal Council"
        in the body).
        """
        if start < self.body_start:
            start = len(self.plain)
        out = {}
        for s0, h, n, _ in self.institution_names:
            if h == head and s0 < start:
                if modifiers and " of " in n:
                    continue  # ("the transport ministry" is not re-worded to "the Ministry of …")
                folded = fold(n[4:])
                if all(w in folded.split() for w in modifiers):
                    out[folded] = n
        return out

    def named_body_np(self, start: int, end: int, raw: str, name: str, how: str) -> _NP:
        """The speaker "the agency" stands for, when it is the body ``name`` named before.

        A configured actor's organization is that actor's body (kind org); an actor that is
        itself a body ("Meridian Reserve Bank", an institution configured as an actor) is that
        actor; any other body is a speaker of its own, by its name.
        """
        found = self.actors._table.get(_strip_det(fold(name)))
        if found is not None and found[1] == "organization":
            # "The union rejected it", after "the Allied Freight Workers' Union", an actor's
            # configured organization: that actor's body
            return _NP(start, end, raw, "org", found[0], how=f"org mention ({how})")
        if found is not None:
            # "The bank said", after "The Meridian Reserve Bank", a body configured as an actor
            return _NP(start, end, raw, "actor", found[0], how=f"actor ({how})")
        return _NP(start, end, raw, "other", "", name, "", f"other speaker ({how})")

    @cached_property
    def narrated_roles(self) -> dict[str, list[tuple[int, str, frozenset[str], int]]]:
        """Role word → people the body introduces with it, named.

        Each entry: (sentence index, name, role words, offset of the role word).

        The role word is one of the lexicon's roles or an agent noun (:func:`_agent_word`).
        Three forms, in any body sentence (narration too): a role before the name ("chief
        executive Conrad Ilves"), "The <role>, <Name>," and an apposition ("Conrad Ilves, the
        company's chief executive,"). A later "the chief executive" can then be that person
        (``classify_np``), when no speaker was introduced with that role.
        """
        out: dict[str, list[tuple[int, str, frozenset[str], int]]] = {}
        role = self.pat["role"]
        plain = self.plain
        for sent in self.sentences:
            if sent.section != "body":
                continue
            for m in _FULL_NAME_RE.finditer(plain, sent.start, sent.end):
                words = m.group(0).split()
                if any(fold(w).rstrip(".") in _NOT_A_NAME for w in words):
                    continue
                if any(role.fullmatch(fold(w)) for w in words):
                    # "District Judge Helen Marlowe": the capitalized title, then the full name
                    entry = self._titled_narrated_role(m, words)
                    if entry is not None:
                        out.setdefault(entry[0], []).append((sent.index, *entry[1:]))
                    continue  # (else ``full_names`` takes the run apart)
                found = []  # (role phrase, offset after it)
                b0 = max(sent.start, m.start() - 60)
                before = plain[b0 : m.start()]
                if b := _DEFINITE_ROLE_BEFORE_NAME_RE.search(before):
                    found.append((b.group(1), b0 + b.end(1)))
                elif b := _ROLE_BEFORE_NAME_RE.search(before):
                    found.append((b.group(1).rstrip(), b0 + b.start(1) + len(b.group(1).rstrip())))
                if a := _ROLE_APPOSITION_RE.match(plain, m.end(), min(sent.end + 1, len(plain))):
                    found.append((a.group(1), a.end(1)))
                name = m.group(0)[:-1] if m.group(0).endswith(".") else m.group(0)  # (its end)
                for phrase, phrase_end in found:
                    ws = fold(phrase).split()
                    # the role word ends the phrase: "chief executive", not "executive who";
                    # or an agent noun the lexicon lacks ("Ostervik defender Ruben Sall")
                    if (
                        ws
                        and (role.fullmatch(ws[-1]) or _agent_word(ws[-1]))
                        and ws[-1] not in self.lex.institutions
                    ):
                        entry = (sent.index, name, frozenset(ws), phrase_end - len(ws[-1]))
                        out.setdefault(ws[-1], []).append(entry)
        return out

    def _titled_narrated_role(
        self, m: re.Match[str], words: list[str]
    ) -> tuple[str, str, frozenset[str], int] | None:
        """(role word, name, title words, offset of the role word) of a titled full name.

        For :attr:`narrated_roles`: "District Judge Helen Marlowe" → ``("judge", "Helen
        Marlowe", {"district", "judge"}, <offset of "Judge">)``. None unless the title's last
        word is a role (no institution) and two capitalized words without role follow it,
        which are no configured actor's name (an actor is found by the usual rules); a monarch's
        title before one given name is the name with its title ("Queen Adela").
        """
        role = self.pat["role"]
        folded = [fold(w) for w in words]
        last = max(i for i, w in enumerate(folded) if role.fullmatch(w))
        name_words = words[last + 1 :]
        regnal = last == 0 and folded[0] in _REGNAL_TITLES and 1 <= len(name_words) <= 2
        if (len(name_words) < 2 and not regnal) or folded[last] in self.lex.institutions:
            return None
        offsets = [x.start() for x in re.finditer(r"\S+", m.group(0))]
        name = " ".join(words if regnal else name_words).removesuffix(".")
        table = self.actors._table
        if fold(name) in table or fold(name_words[-1]).removesuffix(".") in table:
            return None
        return folded[last], name, frozenset(folded[: last + 1]), m.start() + offsets[last]

    @cached_property
    def body_start(self) -> int:
        """Offset of the first body sentence (the end of the text when there is none)."""
        return next((x.start for x in self.sentences if x.section == "body"), len(self.plain))

    @cached_property
    def _actor_aliases(self) -> tuple[str, ...]:
        """Every alias of every configured actor (for role words that are an actor's title)."""
        return tuple(alias for a in self.actors.actors for alias in a.aliases)

    def narrated_role(self, role_word: str, described: str, before: int) -> str:
        """The one person named earlier with ``role_word`` whom ``described`` can refer to.

        ``described`` is the folded definite description ("the chief executive"). Its words must
        all be words of the introduction, and a "former", "deputy" … of the introduction must
        be repeated; two different people introduced with that role give "" (ambiguous). Only
        introductions in sentences before the one of ``before`` count, and none when the role
        word is in an actor's alias, appears elsewhere before ``before`` ("The board's
        chairman"), or the introduction is about long ago or the dead.

        Example (a sketch): after "… chief executive Conrad Ilves apologised.", ``narrated_role(
        "executive", "the chief executive", pos)`` is ``"Conrad Ilves"``.
        """
        ref = set(_WORDS_RE.findall(described)) - {"the"}
        sent = self._sent_of(before)
        earlier = [e for e in self.narrated_roles.get(role_word, ()) if e[0] < sent]
        if not earlier or any(
            role_word in words and ref <= set(words)
            for words in (fold(a).split() for a in self._actor_aliases)
        ):
            # ("Foreign Minister Rina Sapp" is an actor: "the minister" may be her; "the
            # foreign minister" is not "Prime Minister Kostandi")
            return ""
        by_index = {x.index: x for x in self.sentences if x.index in {e[0] for e in earlier}}
        spans = [(by_index[e[0]].start, by_index[e[0]].end) for e in earlier if e[0] in by_index]
        # (the words a person named before "that" tells do not describe that person: "He told
        # District Judge Ana Holt that two men had died in custody")
        told = [
            (by_index[e[0]].start, cut if (cut := self.folded.find(" that ", e[3], b)) > 0 else b)
            for e, (_, b) in zip((e for e in earlier if e[0] in by_index), spans, strict=True)
        ]
        if any(
            _LEAD_IN_STOP_RE.search(self.folded, a, b) or _LONG_AGO_RE.search(self.folded, a, b)
            for a, b in told
        ):
            return ""  # "built in 1958 for captain Lars Odd", "has been dead since 1990"
        word_re = _whole_word_re(role_word, plural=True)
        body_start = min(self.body_start, before)
        intro_at = {e[3] for e in earlier}
        first_intro = min(a for a, _ in spans) if spans else before
        for m in word_re.finditer(self.folded, body_start, before):  # (the headline sums up)
            if m.start() in intro_at:
                continue
            if m.group(0) == role_word:
                if not self.folded.endswith("the ", 0, m.start()) and not self.same_role_ref(
                    m.start(), role_word, ref
                ):
                    return ""  # another "chairman", "lawyer" named: ambiguous (a bare "the
                    # moderator" in between refers back, as this one does)
            elif m.start() >= first_intro and self.in_quote(m.start()) is None:
                return ""  # "Officers raided the home of police officer Birgit Haas" (not a
                # quotation's plural: "We respect referees," she said)
        holders = _OTHER_HOLDER_WORDS
        names = {e[1] for e in earlier if ref <= e[2] and e[2] & holders <= ref}
        if len(names) != 1 or len({e[1] for e in earlier}) != 1:
            return ""  # (none, or two people of that role: ambiguous)
        return names.pop()

    def same_role_ref(self, pos: int, role_word: str, ref: set[str]) -> bool:
        """Whether ``role_word`` at ``pos`` cannot be another holder of the role ``ref`` names.

        Inside an actor's mention ("Prime Minister Mirela Kostandi"), another compound role
        ("prime minister" when ``ref`` is "foreign minister"), or the same role after a
        determiner that refers back ("her foreign minister", "your own foreign minister").
        """
        if any(m.start <= pos < m.end for m in self.mentions_in(max(0, pos - 60), pos + 20)):
            return True
        words = self.folded[max(0, pos - 40) : pos].split()
        if not words:
            return False
        prev = words[-1]
        if prev not in ref:
            return bool(self.pat["role"].fullmatch(f"{prev} {role_word}"))
        det = words[-2] if len(words) > 1 else ""
        return det in ("the", "her", "his", "its", "their", "our", "your", "own")

    def note_narration(self, ustart: int, uend: int) -> None:
        """Remember the body sentences of a unit read as narration (for :meth:`lead_in_person`).

        A narration that tells who issued a document ("Kostav later issued a statement.")
        makes them its issuer for a later "the statement said" (:meth:`register_documents`).
        """
        im = _ISSUED_DOC_RE.search(self.folded, ustart, uend)
        if im is not None:
            np = self.main_subject(ustart, im.start(), None)
            if np is not None and np.kind in ("actor", "org", "other", "pronoun", "joint"):
                self.register_documents(self.folded[im.start() : im.end()], np)
        k = bisect_left(self.sentence_starts, ustart)
        while k < len(self.sentences) and self.sentences[k].start < uend:
            if self.sentences[k].section == "body":
                self.narrated.add(self.sentences[k].index)
            k += 1
        if self.section_at(ustart) == "body":
            self.note_narrated_person(ustart, uend)

    def note_narrated_person(self, ustart: int, uend: int) -> None:
        """Make the person a narration is about a candidate for a later "he" or "she".

        The narration's subject (:meth:`main_subject`) is a named person who is no actor: a
        name the article shows to be a person's (:meth:`is_person_name`), or its lone
        surname; "Voronet himself" also tells his gender. Only speakers were candidates, so
        a "he" after the life story of someone who never spoke went to the last man quoted.

        Example: in 'Kell said … | Born in 1942, Voronet trained as a teacher. He became
        leader in 1985. | In a famous address, he told the chamber: "…"' the "he" is Voronet.
        """
        if uend > self._last_gendered_pronoun:
            return  # (no "he" or "she" after it could refer to the person)
        np = self.main_subject(ustart, uend, None)
        gender = ""
        rm = _REFLEXIVE_TAIL_RE.search(np.text) if np is not None else None
        if np is not None and rm is not None:
            gender = "male" if rm.group(1).lower() == "himself" else "female"
            np = self.classify_np(np.start, np.start + rm.start(), None)
        # (an "other" with an actor speaks for it: "Ardel's deputy, Jonas Fiehl, struck …")
        if np is None or np.kind != "other" or not np.name:
            # "The walk-out was led by Ambassador Losa Ferreiro of …": the agent
            pm = _PASSIVE_BY_RE.search(self.folded, ustart, uend)
            fm = _CAPITALIZED_NAME_RE.match(self.plain, pm.end(), uend) if pm else None
            if fm is None or self.plain.startswith(" and ", fm.end()):
                return
            np = self.classify_np(fm.start(), fm.end(), None)
            if np is None or np.kind != "other" or not np.name:
                return
        if not np.name or not self.is_person_name(np.name):
            return
        if _LEAD_IN_STOP_RE.search(self.folded, ustart, uend) or _BEFORE_1930_RE.search(
            self.folded, ustart, uend
        ):
            return  # the dead, the jailed; "Its founder, Jorun Vale, opened it in 1902."
        if gender and np.name not in self.person_genders:
            self.learn_gender(np.name, gender)
        # (as another speaker, with the role it names, but not speaking for the actor it
        # works for: that is for their own statements to say)
        self.add_other_person(dataclasses.replace(np, actor=""), self._sent_of(np.start))

    def is_person_name(self, name: str) -> bool:
        """Whether the article shows a full name to be a person's (not a place's or a body's).

        The name spoke before, has a known gender, follows an honorific or a role ("District
        Judge Helen Marlowe", "Ardel's deputy, Jonas Fiehl"), or is followed by "who" or by an
        apposition with a role word ("Anselm Voronet, who led …", "Emil Haas, a former chief
        whip,").

        Example: "Anselm Voronet" in "Anselm Voronet, who led the party, has died." is a
        person's name; "Marrow Bay" in "… his home in Marrow Bay." is not.
        """
        words = name.split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words) or words[0] == "The":
            return False  # (not "The Green Forum")
        if name in self.person_genders or any(
            not p.is_actor and p.key == name for p in self.persons
        ):
            return True
        if words[-1] in self._titled_name_words:
            return True
        role = self.pat["role"]
        for bm in re.finditer(r"([a-z][\w\-]*),\s+" + re.escape(name) + r"\b", self.plain):
            # "Ardel's deputy, Jonas Fiehl,": a role set off before the name
            if role.fullmatch(bm.group(1)) and bm.group(1) not in self.lex.institutions:
                return True
        for fm in re.finditer(re.escape(name) + r",\s+([^,;:.\"\u201c]{1,80})", self.plain):
            tail = fold(fm.group(1))
            if tail.startswith(("who ", "whose ")):
                return True
            if any(
                role.fullmatch(w) and w not in self.lex.institutions
                for w in _LOWER_WORD_RE.findall(tail)
            ):
                return True
        return False

    def narrated_subject(self, k: int, gender: str) -> str:
        """A person named before whose surname is the subject of narration sentence ``k``.

        For a "he" or "she" that opens or tags the next sentence: "As dawn broke, Tolley
        looked at the sky." then '"…," she said' is Agnes Tolley, named before, not the last
        speaker. One person (not an actor) of that surname, named before the sentence, whose
        gender, when known, fits. Returns the name, or "".
        """
        if k not in self.narrated:
            return ""
        sent = next((x for x in self.sentences if x.index == k), None)
        if sent is None:
            return ""
        lo = sent.start
        om = _NARRATED_OPENING_RE.match(self.plain, lo, sent.end)
        if om is not None:
            lo = om.end()
        sm = _NARRATED_SUBJECT_RE.match(self.plain, lo, sent.end)
        if sm is None or self.mentions_in(sm.start(1), sm.end(1)):
            return ""
        word = sm.group(1)
        keys = {
            p.key
            for p in self.persons
            if not p.is_actor
            and p.named
            and p.end <= sent.start
            and " " in p.key
            and p.key.split()[-1] == word
        }
        if len(keys) != 1:
            return ""
        key = keys.pop()
        known = self.person_genders.get(key, "")
        return "" if known and gender and known != gender else key

    def lead_in_person(self, k: int, word: str, gender: str, tag: bool = True) -> str:
        """The person a narration sentence introduces, for a "he" or "she" opening the next one.

        "Its chief executive, Halvard Brisk, took over the company in 2019." then '"If the cap
        goes, …," he said': Brisk. The sentence (index ``k``) must be narration and name one
        person only, as its subject (after a role phrase, a time stamp or an opening phrase;
        or "Among … was <Name>"), for the first time unless their gender is known; no actor of
        that pronoun is named in it; their gender, when known, fits; nobody in it died or was
        jailed. A pronoun that tags a quotation (``tag``) passes over a newcomer whom someone
        in the sentence before would fit; one that opens a new paragraph's sentence ("Lena
        Varga came down the steps." then "She stopped …") does not, when the newcomer's
        sentence opens its own paragraph. Returns the name, or "".
        """
        if k not in self.narrated:
            return ""
        i = next((j for j, x in enumerate(self.sentences) if x.index == k), -1)
        sent = self.sentences[i] if i >= 0 else None
        if (
            sent is None
            or _LEAD_IN_STOP_RE.search(self.folded, sent.start, sent.end)
            or _LONG_AGO_RE.search(self.folded, sent.start, sent.end)
        ):
            return ""  # the dead, the jailed, the wounded; "mapped the coast in the 1780s"
        lo = sent.start
        om = _LEAD_IN_OPENING_RE.match(self.plain, lo, sent.end)
        if om is not None:
            lo = om.end()
        asides = [
            am.span() for am in _PARTICIPLE_ASIDE_RE.finditer(self.plain, sent.start, sent.end)
        ]
        for m in self.mentions_in(sent.start, sent.end):
            if any(a <= m.start < b for a, b in asides):
                continue  # "X, speaking to President Fenn, was blunter": Fenn is no candidate
            if m.pronoun in ("his", "her", "its", "their") and m.start > lo:
                continue  # "Coach Tom Reller … at his press conference": the subject's own
            if m.actor and word in self.actors.get(m.actor).pronouns:
                return ""  # "Putin met Ivan Petrov.", "Envoy X sat beside him." then "he"
        names: list[tuple[int, int, str]] = []
        role = self.pat["role"]
        for m in _FULL_NAME_RE.finditer(self.plain, lo, sent.end):
            if _PLACE_PREP_BEFORE_RE.search(self.folded, max(0, m.start() - 12), m.start()):
                continue  # "at Dunmore General": a place
            n0, text = m.start(), m.group(0)
            if text.endswith(("'s", "\u2019s")):
                continue  # "Anders Molle's driver": the driver, not Molle
            words = text.split()
            titled = [
                j for j, w in enumerate(words) if role.fullmatch(fold(w).rstrip(".,"))
            ]  # "Kestrian Foreign Minister Anders Molle": the name after the title
            if titled and len(words) - titled[-1] - 1 >= 2:
                cut = titled[-1] + 1
                n0 = self.plain.index(words[cut], n0 + len(" ".join(words[:cut])))
                text, words = self.plain[n0 : m.end()], words[cut:]
            if self.mentions_in(n0, m.end()) or any(
                fold(w).rstrip(".,") in _NOT_A_NAME or role.fullmatch(fold(w).rstrip(".,"))
                for w in words
            ):
                continue
            last = fold(words[-1]).rstrip(".,")
            if last in self.lex.institutions or last in self.lex.body_names:
                continue  # "Kessel Works"? no: "the Civic Union", a body
            names.append((n0, m.end(), text))
        if not names and (am := _ROLE_GIVEN_NAME_RE.match(self.plain, lo, sent.end)) is not None:
            # "His wife, Lorna, brought soup.": a person known by one name, set off after a
            # role that tells the gender
            if fold(am.group(1)).split()[-1] in self.lex.female | self.lex.male and not (
                self.mentions_in(am.start(2), am.end(2))
            ):
                names.append((am.start(2), am.end(2), am.group(2)))
        if len({t for _, _, t in names}) != 1:
            return ""
        n0, n1, text = names[0]
        prefix = self.folded[lo:n0]
        if prefix:
            pm = _LEAD_IN_PREFIX_RE.fullmatch(prefix)
            if pm is None or (pm.group(1) and not role.fullmatch(pm.group(1).split()[-1])):
                return ""  # "Officials met Tom Smith": not the subject
        name = text.rstrip(".,")
        known = self.person_genders.get(name, "")
        after = _ROLE_APPOSITION_RE.match(self.plain, n1, min(sent.end + 1, len(self.plain)))
        cue = set(_LOWER_WORD_RE.findall(prefix + " " + (fold(after.group(1)) if after else "")))
        if not known:
            known = "female" if cue & self.lex.female else "male" if cue & self.lex.male else ""
        if known and gender and known != gender:
            return ""
        body_start = min(self.body_start, sent.start)
        if not known and self.plain.find(name, body_start, sent.start) >= 0:
            return ""  # named before in the body, gender unknown: the usual candidates decide
        if (
            i > 0
            and not self._opens_paragraph_of(sent)
            and not (  # ("Lena Varga came down the steps." alone, then "She stopped …")
                not tag
                and sent.section == "body"
                and self.sentences[i - 1].paragraph != sent.paragraph
            )
        ):
            # someone the pronoun fits in the sentence before (an actor, or a person of that
            # gender, or of none known when the newcomer's is unknown too) keeps it: "President
            # Kestrel spoke for 40 minutes. Trade envoy X sat on the podium. "…," he said"
            before = self.sentences[i - 1]
            b0 = before.start
            if (bo := _LEAD_IN_OPENING_RE.match(self.plain, b0, before.end)) is not None:
                b0 = bo.end()
            for mm in self.mentions_in(before.start, before.end):
                if (
                    mm.actor
                    and word in self.actors.get(mm.actor).pronouns
                    # (a newcomer of known gender passes over an actor named inside a clause,
                    # "… the northern provinces, where Vasko is strongest"; not its subject)
                    and (not known or not self.plain[b0 : mm.start].strip())
                ):
                    return ""
            for p in self.persons:
                if (
                    p.sentence == before.index
                    and not p.is_actor
                    and p.key != name
                    and (p.gender == gender if known else p.gender in ("", gender))
                ):
                    return ""
        return _strip_agent_title(name)

    def _opens_paragraph_of(self, sent: Any) -> bool:
        """Whether ``sent`` opens the paragraph that also holds the next quotation's "he said".

        "The Speaker, Owen Pardoe, rose twice to restore order. "Order! …," he said": one
        paragraph, the newcomer first; nobody before it is in play.
        """
        if sent.paragraph is None or sent.section != "body":
            return False
        prev = bisect_left(self.sentence_starts, sent.start) - 1
        if prev >= 0 and self.sentences[prev].paragraph == sent.paragraph:
            return False  # (not the paragraph's first sentence)
        nxt = bisect_left(self.sentence_starts, sent.end)
        return nxt < len(self.sentences) and self.sentences[nxt].paragraph == sent.paragraph

    def other_president_before(self, pos: int) -> bool:
        """Whether the body names a "president" outside every actor mention before ``pos``.

        ("Tarnian President Eldar Voss will attend." then "Presidential spokeswoman X said":
        maybe his spokeswoman.)
        """
        body_start = min(self.body_start, pos)
        for m in _PRESIDENT_WORD_RE.finditer(self.folded, body_start, pos):
            inside = self.mentions_in(max(0, m.start() - 40), m.end() + 60)
            if not any(a.actor and a.start <= m.start() < a.end for a in inside):
                return True
        return False

    def titled_as(self, actor_id: str, title_re: re.Pattern[str]) -> bool:
        """Whether a configured alias of the actor holds a title (not a former or vice one).

        With :data:`_HEAD_TITLE_RE`: head of state or government ("President Amara Selu", "the
        Kettavian president", "Chancellor Hallavant"); with :data:`_BODY_HEAD_TITLE_RE`: head of
        a body ("the chief executive", "Director General Ines Varn").
        """
        return any(
            title_re.search(fold(a)) is not None and _OTHER_HOLDER_RE.search(fold(a)) is None
            for a in self.actors.get(actor_id).aliases
        )

    def actors_titled(self, title: str) -> str:
        """The one actor with an alias ending in ``title`` ("the president"), else "".

        Example (a sketch): with a president and a prime minister configured,
        ``actors_titled("president")`` is the president's id.
        """
        ids = {
            a.id
            for a in self.actors.actors
            for alias in a.aliases
            if fold(alias).split()[-1:] == [title] or fold(alias).split()[:1] == [title]
        }
        return ids.pop() if len(ids) == 1 else ""

    def adverbials_only(self, start: int, end: int) -> bool:
        """Whether ``start``…``end`` holds only adverbials (", in a statement on Monday,").

        One or more phrases of the lexicon's adverbials, the last one possibly followed by
        "with"/"to" and a name of the occasion (", in an interview with the Velm Post,").
        """
        pos, n = start, 0
        post = self.pat["post_adv"]
        while pos < end:
            m = post.match(self.folded, pos, end)
            if m is None or m.end() == pos:
                break
            pos, n = m.end(), n + 1
        if n and pos < end:
            tail = _OCCASION_TAIL_RE.fullmatch(self.folded, pos, end)
            return tail is not None
        return n > 0 and not self.folded[pos:end].strip()

    @cached_property
    def doc_authors(self) -> dict[str, list[tuple[int, str]]]:
        """Document word → (offset, author) of body phrases naming who wrote it.

        "a report by Lanterna Rights Group", "The Orsolo Institute published a study": a later
        "The report says" is that author's (:meth:`doc_author`). Only capitalized authors that
        are no configured actor.
        """
        out: dict[str, list[tuple[int, str]]] = {}
        if not _DOC_AUTHOR_GATE_RE.search(self.folded):
            return out
        pats = (
            (_DOC_BY_NAME_RE, 1, 2),
            (_NAME_PUBLISHED_RE, 2, 1),
            (_NAME_POSSESSIVE_DOC_RE, 2, 1),
            (_DOC_OF_NAME_RE, 1, 2),  # "the annual report of the Kestrow Housing Council"
        )
        for pat, doc_group, author_group in pats:
            for m in pat.finditer(self.plain):
                if self.section_at(m.start()) != "body":
                    continue
                a0, a1 = m.span(author_group)
                if self.mentions_in(a0, a1):
                    continue  # (an actor's document: the usual rules)
                written = _AUTHOR_TAIL_RE.sub("", m.group(author_group))
                author = _TITLE_PREFIX_RE.sub("", written)
                if pat is _NAME_POSSESSIVE_DOC_RE:
                    # a person's or a body's document: "Ms Elswick's interim report", "Dr
                    # Hanna Lund's study", "The Central Bank's report" (not "Monday's report",
                    # "Last Tuesday's report", "Velm's report card": a lone word is an author
                    # only with a title or as the surname of a full name written before)
                    if _TIME_WORD_RE.search(fold(written)):
                        continue
                    if " " not in author:
                        full = self.canonical_name(author, a0)
                        if full == author and author == written:
                            continue
                        author = full
                elif " " not in author:
                    author = self.canonical_name(author, a0)
                out.setdefault(fold(m.group(doc_group)), []).append((m.start(), author))
        for m in _ROLE_POSSESSIVE_DOC_RE.finditer(self.folded):
            # "the referee's report", after "referee Pia Lund": hers
            if self.section_at(m.start()) != "body":
                continue
            author = self.narrated_role(m.group(2), "the " + m.group(1), m.start())
            if author:
                out.setdefault(m.group(3), []).append((m.start(), author))
        return out

    def doc_author(self, doc_word: str, pos: int) -> str:
        """The one author named before ``pos`` for ``doc_word`` (:attr:`doc_authors`), or ""."""
        names = {name for p, name in self.doc_authors.get(doc_word, ()) if p <= pos}
        return names.pop() if len(names) == 1 else ""

    def subject_body_before(self, pos: int) -> str:
        """The actor whose body opens the sentence before ``pos``'s, for a later "Its …".

        "Eskeland's office offered a more cautious version. Its readout said …" → the actor
        of "Eskeland's office"; "" when that sentence opens otherwise.
        """
        k = bisect_left(self.sentence_starts, pos + 1) - 2
        if k < 0:
            return ""
        sent = self.sentences[k]
        for m in self.mentions_in(sent.start, sent.end):
            lead = self.folded[sent.start : m.start].strip()
            if (
                m.actor
                and not m.pronoun
                and lead in ("", "the")
                and (
                    not m.person
                    or self.folded[m.start : m.end].rsplit(None, 1)[-1] in self.lex.offices
                )
                and not self.mentions_in(m.end, sent.end)
                and not self._body_word_re.search(self.folded, m.end, sent.end)
                and not _FULL_NAME_RE.search(self.plain, m.end, sent.end)
            ):
                # "Eskeland's office", "President Fenn's office" (not when the sentence names
                # another body or actor after it: "… attacked the central bank. Its statement")
                return m.actor
            break
        return ""

    @cached_property
    def _body_word_re(self) -> re.Pattern[str]:
        """Any word of the lexicon's institutions or body names (folded text)."""
        words = sorted(set(self.lex.institutions) | set(self.lex.body_names), key=len, reverse=True)
        return re.compile(r"(?<![\w'\-])(?:" + "|".join(map(re.escape, words)) + r")s?(?![\w'\-])")

    def clause_cuts(
        self, start: int, end: int, semicolons_only: bool = False
    ) -> list[tuple[int, int]]:
        """Where a headline's or standfirst's text holds a second report: (end, next start).

        At "; ", ", ", " as " or " and " outside quotes, when a subject of at most four words
        (capitalized, or an actor's body) and a reporting verb open the rest (for all but "; ":
        a reporting verb in the clause before too, so that "Amid protests, X says" and "X, Y
        agree" stay whole).
        ``semicolons_only`` (body sentences): at "; " only.

        Example (a sketch): in "Dremin hails deal; Marrant calls it a trap" the cut is at the
        semicolon: ``[(<end of "deal">, <start of "Marrant">)]``.
        """
        plain = self.plain
        if semicolons_only:
            # (every match of the pattern holds a ";" or a ",": two string scans rule most
            # sentences out before the pattern runs; a match also passes the gate below)
            if plain.find(";", start, end) < 0 and plain.find(",", start, end) < 0:
                return []
            if not _BODY_CLAUSE_CUT_RE.search(plain, start, end):
                return []
        elif not _CLAUSE_CUT_GATE_RE.search(plain, start, end):
            return []
        cuts: list[tuple[int, int]] = []
        # the verbs starting in ``start``…``end`` (``verb_hits`` is sorted: two bisections, not
        # a walk over the article's verbs for each unit)
        verb_hits = self.verb_hits
        hits = verb_hits[bisect_left(verb_hits, (start,)) : bisect_left(verb_hits, (end,))]
        last = start
        pm = None if semicolons_only else _COLON_PREFIX_RE.match(self.plain, start, end)
        if (
            pm is not None
            and len(pm.group(1).split()) <= 5
            and not any(start <= h[0] < pm.end(1) for h in hits)
        ):
            last = pm.end() - 1  # "Morning Ledger: Bastow says … as Prenn warns …": a label
        cut_re = _BODY_CLAUSE_CUT_RE if semicolons_only else _CLAUSE_CUT_RE
        for m in cut_re.finditer(self.plain, start, end):
            nxt = m.end()
            semicolon = m.group(0).strip() == ";"
            if self.in_quote(nxt - 1):
                continue
            if (
                semicolons_only
                and self.plain[nxt : nxt + 1] in ("a", "A")
                and m.group(0).rstrip(" \u201d\u2019\"'").endswith(",")
            ):
                # "… accused Tressk of an "incursion," a claim the Chancery called "a fiction."":
                # the apposition holds another speaker's rejoinder, a report of its own
                v = next((h for h in hits if nxt <= h[0]), None)
                if (
                    v is not None
                    and self.folded[v[0] : v[1]] in _CLAIM_REJOINDER_VERBS
                    and len(self.plain[nxt : v[0]].split()) <= 7
                    and self.plain[v[1] : end].strip(" .,;:!?\"'\u201d\u2019")  # (its words)
                    and any(last <= h[0] < m.start() for h in hits)
                ):
                    first_end = m.start()
                    if self.plain[first_end + 1 : first_end + 2] in ('"', "\u201d", "\u2019", "'"):
                        first_end += 2
                    cuts.append((first_end, nxt))
                    last = nxt
                continue
            if not semicolon and semicolons_only:
                # a body sentence: ", while/and/but <subject> <verb>" after a report (not
                # "Aftershocks continued …, and …": a quotation's verb with no quotation; not
                # "Fenn did not say …, but aides said …": narration, then one report)
                sub = _LEADING_SUBCLAUSE_RE.match(self.folded, last, m.start())
                lo = sub.end() if sub is not None else last  # ("Asked whether …, X did not reply")
                if not any(
                    lo <= h[0] < m.start()
                    and (
                        self.lex.verbs.get(self.folded[h[0] : h[1]], ("",))[0]
                        not in _QUOTE_ONLY_LEMMAS
                        or self.quotes_in(h[1], m.start())
                    )
                    and self._prev_word(h[0]) not in _NO_SPEECH_BEFORE
                    for h in hits
                ):
                    continue
            elif not semicolon:
                # the clause before reports too: a subject, then a reporting verb
                first = next((h for h in hits if last <= h[0] < m.start()), None)
                if first is None or not self._clause_subject(last, first[0]):
                    continue
            verb = next(
                (
                    h
                    for h in hits
                    if h[0] >= nxt and not _OPEN_RELATIVE_RE.search(self.plain, nxt, h[0])
                ),
                None,
            )  # (not "asked" of ", while a diplomat, who asked not to be named, said")
            if (
                semicolons_only
                and verb is not None
                and self.plain.count(",", nxt, verb[0]) >= 2
                and _CAPITAL_WORD_END_RE.search(self.plain, last, m.start())
                # ("while" joins no names: "…'s plan on the Ilm, while the foreign minister,
                # Ana Vetch, told …" is a second report)
                and m.group(0).rstrip().rsplit(None, 1)[-1] != "while"
            ):
                continue  # "said the mayor of Movik, and Dag Hol, the engineer, had warned"
            as_clause = not (semicolon or semicolons_only) and m.group(0).strip(" ,") == "as"
            # ("… "contained", but an epidemiologist warns …": a determiner and a role)
            but_clause = not (semicolon or semicolons_only) and m.group(0).strip(" ,") == "but"
            loose = semicolon or semicolons_only or as_clause or but_clause
            if verb is None or not self._clause_subject(
                nxt,
                verb[0],
                loose=loose,
                # ("… as party colleagues warn of a split": people who speak, not an act)
                bare_plural=not as_clause
                or self.lex.verbs.get(self.folded[verb[0] : verb[1]], ("",))[0]
                in _AS_PLURAL_SPEECH_LEMMAS,
                role_name=semicolons_only or semicolon,
                name_words=1 if semicolons_only else 2,  # ("…; rival Skellmark says": a country)
            ):
                continue  # (no subject: "…, says X"; a clause of its own: "…, which says")
            nxt_cut = cut_re.search(self.plain, verb[1], end)
            tail = self.folded[verb[1] : nxt_cut.start() if nxt_cut else end]
            if not tail.strip(" .,;:!?") or _NO_CONTENT_TAIL_RE.fullmatch(tail):
                # "Kessnar will veto the deal, Courier reports": the whole line's source;
                # "…, Tessard told him by phone", "… as Oltan demanded in May"
                continue
            vw = self.folded[verb[0] : verb[1]]
            conj = m.group(0).strip() if semicolons_only else m.group(0).strip(" ,")
            if conj == "and" and not vw.split()[0].endswith("s"):
                continue  # "Kostav says Tervia and Velsia agree to talks": one report's content
            if _TRAILING_SAID_END_RE.search(
                self.folded, verb[1], nxt_cut.start() if nxt_cut else end
            ):
                continue  # "…; the judges said the law was clear, she added": one report
            past = vw.endswith("ed") or vw in _IRREGULAR_PAST
            if past and not semicolons_only and not semicolon:
                # "… as Oltan demanded …", "Tessard says Oltan, Brask ministers agreed to
                # talk": a headline's second report is not in the past
                continue
            w2 = fold(self.plain[nxt : verb[0]].split()[0]).strip(",")
            if (
                semicolons_only
                and w2 not in _FUNCTION_WORDS
                and w2 == fold(self.plain[start:end].split()[0]).strip(",")
            ):
                continue  # "Tessard said …, and Tessard, asked …, said …": one speaker
            first_end = m.start()
            if self.plain[first_end + 1 : first_end + 2] in ('"', "\u201d", "\u2019", "'"):
                first_end += 2  # ('…"edited to deceive," and …': the quotation stays whole)
            cuts.append((first_end, nxt))
            last = nxt
        return cuts

    def _clause_subject(
        self,
        start: int,
        end: int,
        loose: bool = False,
        bare_plural: bool = True,
        role_name: bool = False,
        name_words: int = 1,
    ) -> bool:
        """Whether ``start``…``end`` is the subject of a headline's clause (:meth:`clause_cuts`).

        An actor's mention ending there, a name of capitalized words, or up to four words
        ending in a role ("Tarkeshi premier", "Western embassies"); not an opening preposition
        ("In latest phone call"), nor a noun phrase whose last word is read as a verb.
        ``loose`` (after "; " or "as", and in body sentences): also a determiner and a role ("a
        trade official", "… as a source says …") or, with ``bare_plural`` (not after "as": "…
        as leaders agree customs timetable" tells an act), a plural role alone ("officials").
        ``role_name`` (body sentences, and after "; " in headlines): also lower-case role words
        and a name of at least ``name_words`` words ("…, while union leader Kofi Mensah said …",
        "…; national coach Ivo Pell says …").
        """
        text = self.plain[start:end]
        if loose and _PARTITIVE_SUBJECT_RE.search(self.folded, max(0, start - 2), end):
            return True  # "Two aides said …; a third insisted …", "…; one of them said …"
        if (am := _AUXILIARY_TAIL_RE.search(text)) is not None and am.start() > 0:
            text = text[: am.start() + 1]  # "the Liberal Centre, …, has warned": no "has"
            end = start + len(text)
        if loose:
            if (tm := _SUBJECT_ADVERB_TAIL_RE.search(text)) is not None and tm.start() > 0:
                # "…; Brenneke and Obradan each accuse …", "…; Obradan now says …"
                return self._clause_subject(start, start + tm.start(), loose, bare_plural)
            if (om := _SUBJECT_OF_PLACE_RE.search(text)) is not None and om.start() > 0:
                # "…; the veteran prime minister of Sundria calls …": the head before "of"
                return self._clause_subject(start, start + om.start(), loose, bare_plural)
            if (
                (fm := _FRONTED_PHRASE_RE.match(text)) is not None
                and fm.end() < len(text)
                and fold(fm.group(1)) in _CLAUSE_OPENERS
            ):
                # "…; on the factory floor, workers described …": the subject after the
                # fronted phrase
                return self._clause_subject(start + fm.end(), end, loose, bare_plural)
        if text.count(",") == 2 and text.rstrip().endswith(","):
            # "Sallas's spokesman, Emil Torvaine,": a role and the name after it
            name = text.split(",")[1].split()
            if name and len(name) <= 4 and all(w[:1].isupper() for w in name):
                return text[:1].isupper() or text.startswith("the ")
            # "the Liberal Centre, his junior coalition partner,": the subject before the
            # apposition
            head = text.split(",")[0]
            return bool(head.strip()) and self._clause_subject(
                start, start + len(head), loose, bare_plural
            )
        words = text.split()
        if words[:1] in (["the"], ["The"]):
            words = words[1:]  # ("the Kremlin says", "The bloc says")
        if (
            len(words) == 2
            and fold(words[0]) in ("her", "his", "its", "their")
            and (fold(words[1]) in self.lex.offices or self.pat["role"].fullmatch(fold(words[1])))
        ):
            return True  # "…; her office says tape was edited"
        if not words or len(words) > 4:
            return False
        stop = start + len(text.rstrip())
        if role_name and not words[0][:1].isupper():
            caps = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
            if (
                0 < caps <= len(words) - name_words
                and all(w[:1].isupper() for w in words[caps:])
                and self.pat["role"].fullmatch(fold(words[caps - 1]))
            ):
                return True  # "…, while union leader Kofi Mensah said …": a role and a name
        if not words[0][:1].isupper():
            # "…; the royal court calls …": an actor's body in lower case, as configured;
            # "…; a Varnholt trade official said …": a determiner and a role
            lo = start + len(text) - len(text.lstrip())
            if any(
                m.start == lo and m.end == stop and m.actor and not m.pronoun
                for m in self.mentions_in(start, stop)
            ):
                return True
            head = fold(words[-1]).rstrip(",")
            if (
                loose
                and (
                    (_CLAUSE_DETERMINER_RE.match(text.lstrip()) and len(text.split()) > 1)
                    # ("… as government says …": a singular body, its article dropped)
                    or (
                        len(words) == 1
                        and (
                            bare_plural
                            or (not head.endswith("s") and self.folded.startswith("says ", end))
                        )
                    )
                )
                and (head in self.lex.body_names or head in self.lex.institutions)
                and head not in _MASTHEAD_WORDS
            ):
                # "…; the main union federation says …", "…; union warns …": a body in lower
                # case
                return True
            if role_name and loose and bare_plural and len(words) == 1 and text == text.lower():
                if is_plural_people(head):
                    return True  # "…; employers warn of …", "…; growers say …": people, bare
            return bool(
                loose
                and (
                    _CLAUSE_DETERMINER_RE.match(text.lstrip())
                    or (bare_plural and len(words) == 1)
                    # "… as party colleagues warn …": a bare plural role with one modifier
                    or (
                        bare_plural
                        and len(words) == 2
                        and text.islower()
                        and _is_plural_role(fold(text), self.pat["role"])
                    )
                )
                and self.pat["role"].fullmatch(head)
                and (len(text.split()) > 1 or _is_plural_role(head, self.pat["role"]))
            )  # ("…; officials said …": a plural role alone; "…, and the opposition warned")
        if fold(words[0]) in _CLAUSE_OPENERS:
            return False
        if any(m.end == stop and not m.pronoun for m in self.mentions_in(start, stop)):
            return True
        if all(w[:1].isupper() for w in words):
            return True
        return bool(self.pat["role"].fullmatch(fold(words[-1]).rstrip(",")))

    def joint_names(self, np: _NP, lo: int) -> _NP:
        """Two names opening a unit that report together, as one joint speaker ``A+B``.

        "Halvard Steel and Osterby Metals said" (``np`` the second): the speaker is written
        ``A+B``, sorted as actor ids are.

        ``np`` unchanged unless the unit (from ``lo``, after a dateline) opens with one
        capitalized name of no actor, then "and", then ``np``. Lone surnames become the full
        names written before. The pair is remembered for "a joint statement" after it.

        Example (a sketch): in "Halvard Steel and Osterby Metals said they would merge.", the
        subject "Osterby Metals" becomes "Halvard Steel+Osterby Metals".
        """
        lo += strip_dateline(self.plain[lo : np.start])
        m = _NAME_AND_RE.match(self.plain, lo, np.start)
        if (
            m is None
            or m.end() != np.start
            or m.group(1).split()[0] in _NOT_A_NAME_START
            or _TIME_WORD_RE.search(fold(m.group(1)))
            or self.mentions_in(m.start(1), m.end(1))
        ):
            return np
        first = self.canonical_name(m.group(1), m.start(1))
        second = self.canonical_name(np.name, np.start)
        if first == second:
            return np
        name = "+".join(sorted((first, second)))
        self.joint_others.append((m.start(1), name))
        how = "other speakers (two names joined by 'and')"
        return _NP(m.start(1), np.end, self.text[m.start(1) : np.end], "other", "", name, "", how)

    def company_before(self, word: str, pos: int) -> str:
        """The one company name written near ``pos``, for a bare "the <word>" there.

        "Varro Components will close its plant …, the company announced", "Dolmar Bank raised
        its rates. … , the bank said": a run of capitalized words ending in a company suffix of
        the lexicon (``company_words[word]``), in ``pos``'s sentence or the two before (not a
        headline, nor an actor's name); "" unless exactly one such name is there.

        Example (a sketch): in "Orlen Freight cut its forecast, the company said.",
        ``company_before("company", <offset of "the company">)`` is ``"Orlen Freight"``.
        """
        suffixes = self.lex.company_words.get(word)
        if not suffixes:
            return ""
        k = bisect_left(self.sentence_starts, pos + 1) - 1
        names: set[str] = set()
        for sent in self.sentences[max(k - 2, 0) : k + 1]:
            if sent.section == "headline":
                continue
            for m in _COMPANY_NAME_RE.finditer(self.plain, sent.start, min(sent.end, pos)):
                if fold(m.group(2)) not in suffixes:
                    continue
                words = m.group(1).split()
                if words[0] in _NOT_A_NAME_START or _TIME_WORD_RE.fullmatch(fold(words[0])):
                    continue
                if self.mentions_in(m.start(1), m.end(1)):
                    continue  # (an actor's own body: the usual rules)
                names.add(m.group(1))
        if not names and word in _GENERIC_COMPANY_WORDS:
            names = self.companies_introduced(pos)
            k0 = self.sentences[k].start if k >= 0 else 0
            if not names and (
                not self.plain[k0:pos].strip() or self.plain[k0:pos].rstrip()[-1:] == ","
            ):
                # (opening its sentence, or "…, the company said": not "X said the company
                # should have warned …", a report's own words)
                names = self.company_names_before(pos, suffixes)
        return names.pop() if len(names) == 1 else ""

    def company_names_before(self, pos: int, suffixes: frozenset[str]) -> set[str]:
        """The company names (ending in one of ``suffixes``) the body text writes before ``pos``.

        The last resort of :meth:`company_before` for a bare "the company"/"the firm" far from
        any name: "Kessel Minerals, which runs the pit, said …. (ten paragraphs) … The company
        said drilling would start at dawn" is Kessel Minerals when it is the article's one
        company so far. Headlines and actors' names are left out, as there.

        Example (a sketch): in "Osk Shipping sold two ships. … The company said …" with no
        name between, ``company_names_before(<offset of "The company">, …)`` is
        ``{"Osk Shipping"}``.
        """
        names: set[str] = set()
        k = bisect_left(self.sentence_starts, pos + 1) - 1
        for sent in self.sentences[: max(k - 2, 0)]:
            if sent.section == "headline":
                continue
            for m in _COMPANY_NAME_RE.finditer(self.plain, sent.start, sent.end):
                if fold(m.group(2)) in suffixes and self._may_be_company_name(m):
                    names.add(m.group(1))
        return names

    def _may_be_company_name(self, m: re.Match[str]) -> bool:
        """Whether group 1 of ``m`` may be a company's name.

        Not when it opens with a sentence adverb ("Still") or a time word, nor an actor's name.
        """
        first = m.group(1).split()[0]
        if first in _NOT_A_NAME_START or _TIME_WORD_RE.fullmatch(fold(first)):
            return False
        return not self.mentions_in(m.start(1), m.end(1))

    def companies_introduced(self, pos: int) -> set[str]:
        """Names introduced before ``pos`` by an apposition saying they are companies.

        "Veltrana, the state-owned power utility, reported …. …, the company said": the
        company a bare "the company", "the firm" or "the group" refers to when no company name
        is written near it (:meth:`company_before`). Headlines, actors' names and names that
        begin like a sentence's adverb are left out.

        Example (a sketch): in "Osk, a shipping group, sold two ships. It is final, the company
        said.", ``companies_introduced(<offset of "the company">)`` is ``{"Osk"}``.
        """
        names: set[str] = set()
        head = self.article.headline
        for m in _COMPANY_APPOSITION_RE.finditer(self.plain, 0, pos):
            if head is not None and head.start <= m.start() < head.end:
                continue
            if self._may_be_company_name(m):
                names.add(m.group(1))
        return names

    @cached_property
    def narrated_bodies(self) -> dict[str, list[tuple[int, int, str]]]:
        """Institution word → (start, end, name) of bodies the body text names with it.

        Two forms, in narration too: "A second group, Fair Deal Watch, …" (the kind, then the
        name) and "Fair Deal Watch, a campaign group based in Oss, …" (the name, then the
        kind); capitalized names that are no configured actor (a lone capitalized word opening
        a sentence is no name: "Still, a group of …").
        """
        out: dict[str, list[tuple[int, int, str]]] = {}
        if not _BODY_INTRO_GATE_RE.search(self.plain):
            return out
        head = self.article.headline
        for pat, kind_group, name_group in ((_KIND_THEN_NAME_RE, 1, 2), (_NAME_THEN_KIND_RE, 2, 1)):
            for m in pat.finditer(self.plain):
                kind = m.group(kind_group)
                if kind not in self.lex.institutions:
                    continue
                if head is not None and head.start <= m.start() < head.end:
                    continue
                n0, n1 = m.span(name_group)
                words = m.group(name_group).split()
                if words[0] in _NOT_A_NAME_START or _TIME_WORD_RE.fullmatch(fold(words[0])):
                    continue
                if (
                    len(words) == 1
                    and self.sentence_starts[max(bisect_left(self.sentence_starts, n0 + 1) - 1, 0)]
                    >= n0 - 1
                ):
                    continue  # ("Still, a group of …")
                if self.mentions_in(n0, n1):
                    continue  # (an actor's body: the usual rules)
                out.setdefault(kind, []).append((m.start(), m.end(), m.group(name_group)))
        for entries in out.values():
            entries.sort()
        return out

    def outlet_named_before(self, word: str, pos: int) -> str:
        """The one outlet written "the <word> <Name>" before ``pos``, for a bare "the <word>".

        "… published by the Varnian newspaper Dnevna Zora. … The newspaper said …" is Dnevna
        Zora ("the paper" also after "the newspaper …"); "" when none or two such names are
        written (headlines left out), or the name is an actor's.

        Example (a sketch): after "a report by the weekly Osterpost", ``outlet_named_before(
        "weekly", <offset of a later "the weekly">)`` is ``"Osterpost"``.
        """
        names: set[str] = set()
        head = self.article.headline
        for m in _OUTLET_KIND_NAME_RE.finditer(self.plain, 0, pos):
            kind = m.group(1).lower()
            if kind != word and not (word == "paper" and kind == "newspaper"):
                continue
            if head is not None and head.start <= m.start() < head.end:
                continue
            if self.mentions_in(m.start(2), m.end(2)):
                continue
            names.add(m.group(2))
        return names.pop() if len(names) == 1 else ""

    def body_named(self, word: str, pos: int) -> str:
        """The body named last before ``pos`` with the institution word ``word``, or "".

        For a bare "the <word>" at ``pos`` (:attr:`narrated_bodies`); "" when another body of
        that word is named in between.

        Example (a sketch): after "A second group, Fair Deal Watch, disagreed.", ``body_named(
        "group", <offset of a later "the group">)`` is ``"Fair Deal Watch"``.
        """
        before = [e for e in self.narrated_bodies.get(word, ()) if e[1] <= pos]
        if not before or self.other_mention_between(word, before[-1][1], pos):
            return ""
        return before[-1][2]

    def actor_body_before(self, word: str, pos: int) -> str:
        """The actor whose body (an organization mention ending in ``word``) "the <word>" is.

        The latest such mention within the two sentences before ``pos`` (or in its own), when
        no other body of that word is named after it (nor another actor's in its sentence);
        "" otherwise.

        Example (a sketch): after "The Castan campaign hit back.", ``actor_body_before(
        "campaign", pos)`` is ``"castan"``.
        """
        sent = self._sent_of(pos)
        found = [
            m
            for m in self.mentions
            if m.end <= pos
            and m.actor
            and not m.person
            and not m.pronoun
            and self.folded[m.start : m.end].rsplit(None, 1)[-1] == word
        ]
        if not found or not 0 <= sent - found[-1].sentence <= 2:
            return ""
        last = found[-1]
        if any(m.actor != last.actor for m in found if m.sentence == last.sentence):
            return ""  # "The Garrovian government and the Vendrian government signed …"
        if self.other_mention_between(word, last.end, pos):
            return ""  # another "government", "office", "campaign" named in between
        return last.actor

    def full_names(self) -> dict[str, tuple[str, ...]]:
        """Surname → the full names written in the article ("Tobias Grend", in narration).

        A full name is a run of capitalized words (and name particles) in a body sentence, not
        right after "in", "of", "from", "at", "near" (a place), whose words before the surname
        are neither titles or roles ("Prime Minister Jan Holt" → "Jan Holt"), nor function
        words, weekdays or months, nor possessives (a possessive surname is the name:
        "Noor Aldana's documentary").
        """
        out: dict[str, list[str]] = {}
        later: list[tuple[str, str]] = []  # (surname, full name) first written as possessives
        role = self.pat["role"]
        matches = (
            m
            for sent in self.sentences
            if sent.section == "body"  # (a title-case headline is no list of names)
            for m in _FULL_NAME_RE.finditer(self.plain, sent.start, sent.end)
        )
        for m in matches:
            if _PLACE_PREP_BEFORE_RE.search(self.folded, max(0, m.start() - 12), m.start()):
                continue  # "a farmer from Eastern Marsh", "Residents of Port Lund": a place
            words = m.group(0).split()
            if len(words[-1]) > 2 and words[-1].endswith("."):
                words[-1] = words[-1][:-1]  # "… chief of staff, Hal Brisco.": the sentence's end
            surname = words[-1]
            possessive = surname.endswith(("'s", "\u2019s"))
            if possessive:
                surname = surname[:-2]  # "Noor Aldana's documentary": Noor Aldana
            if not surname[-1:].isalpha():
                continue
            keep: list[str] = []
            for w in words[:-1]:
                fw = fold(w).rstrip(".")
                if (
                    fw in _NOT_A_NAME
                    or fw in _HONORIFICS
                    or role.fullmatch(fw)
                    or fw in self.lex.female  # ("Mrs", "Ms", "Mr", "Sir": titles)
                    or fw in self.lex.male
                    or w.endswith(("'s", "\u2019s"))
                ):
                    keep = []  # a title, or a word before the name: the name starts after it
                else:
                    keep.append(w)
            if (
                keep
                and keep[0][:1].isupper()
                and not any(fold(w) in self.lex.adverbials for w in keep)
            ):
                full = " ".join([*keep, surname])
                if possessive:
                    # (only a name no other sentence gives: not "Unlike Aldana's", "Like Noor
                    # Aldana's" opening a sentence, nor a second "Aldana")
                    if fold(keep[0]) not in _NOT_A_NAME_OPENERS:
                        later.append((surname, full))
                    continue
                names = out.setdefault(surname, [])
                if full not in names:
                    names.append(full)
        for surname, full in later:
            if surname not in out:
                out[surname] = [full]
        return {k: tuple(v) for k, v in out.items()}

    # -- noun phrases -------------------------------------------------------------------------
    def appointed_to(self, title: str, pos: int) -> str:
        """The person the narration before ``pos`` appointed to ``title`` (folded), or "".

        "On Monday he named Lotte Brenner, 44, a deputy minister, as housing minister." makes
        "Lotte Brenner" the one a later "the new housing minister" is.
        """
        title = _strip_det(title)
        found = ""
        for am in _APPOINTED_AS_RE.finditer(self.plain, 0, pos):
            if fold(am.group(2)).startswith(title) and not self.mentions_in(am.start(1), am.end(1)):
                found = am.group(1)
        return found

    def _demonym_side(self, word: str) -> str:
        """The one actor whose country names a demonym not configured, or "".

        "kettavian" (folded) is of an actor's country "Kettavia".
        """
        found = {
            a.id
            for a in self.actors.actors
            if len(c := fold(a.country or "")) > 4 and " " not in c and word.startswith(c[:-1])
        }
        return found.pop() if len(found) == 1 else ""

    def _country_title_holder(self, word: str, title: str) -> str:
        """The one actor of the country ``word`` names with an alias "<demonym> <title>", or "".

        "pravenia's president" / "pravenian president" (folded): the actor of Pravenia
        configured as "the Pravenian president" (others of Pravenia hold other titles).
        """
        found = set()
        for a in self.actors.actors:
            c = fold(a.country or "")
            if len(c) <= 4 or " " in c or not word.startswith(c[:-1]):
                continue
            for alias in a.aliases:
                head, _, rest = _strip_det(fold(alias)).partition(" ")
                if rest == title and head.startswith(c[:-1]):
                    found.add(a.id)
        return found.pop() if len(found) == 1 else ""

    def classify_np(self, start: int, end: int, last_source: _NP | None) -> _NP | None:
        """Say who a noun phrase (a subject, an 'according to' source) stands for."""
        plain = self.plain
        while start < end and (
            plain[start] in " ,"
            # (a closing single quotation mark before the subject: "'She can wait,' minister
            # wrote")
            or (plain[start] == "'" and start > 0 and plain[start - 1] in ",.!?")
        ):
            start += 1
        while end > start and plain[end - 1] in " ,.":
            end -= 1
        if start >= end:
            return None
        # ``joint_np`` only finds a coordination ending at ``end`` or a plural reference at
        # ``start``
        if end in self.coordinations_by_end or start in self.plural_refs:
            joint = self.joint_np(start, end)
            if joint is not None:
                return joint
        raw = self.text[start:end]
        fo = self.folded[start:end]
        if (
            "-year-old" in fo
            and (am := _AGED_RE.fullmatch(fo)) is not None
            and fo.rsplit(None, 1)[-1] not in self.lex.institutions
            and fo.rsplit(None, 1)[-1] not in self.lex.body_names
            and not re.search(r"\ban?\s+" + am.group(1) + r"-year-old", self.folded[:start])
        ):
            aged = self.aged_person(am.group(1), start)
            if aged is not None:
                # "the 61-year-old replied" after "Hadric, 61,"
                return dataclasses.replace(aged, start=start, end=end, text=raw)
        index = self._mention_index if self.fast_paths else None
        if index is not None:
            m = index[0].get(start)
            if m is not None and m.end == end and not m.pronoun:
                # The common case, one name (or office) mention that is the whole phrase
                # (mentions do not overlap, so ``mentions_in`` is ``[m]``): every role or
                # document word is inside it (not ``outside``), so the rules below reduce to
                # "the phrase is that mention".
                kind = "actor" if m.kind == "name" else "org"
                np = _NP(start, end, raw, kind, m.actor, "", "", _mention_how(m.kind))
                for d in _document_words(fo):  # as ``register_documents(fo, np)``
                    self.doc_sources[d] = np
                return np
        if (" by " in fo or " from " in fo) and (
            (bm := _DOC_BY_AUTHOR_RE.fullmatch(fo)) or (bm := _DOC_ISSUED_BY_RE.fullmatch(fo))
        ):
            # "according to a poll by the Orsolo Institute": the institute speaks, the poll as
            # written is the source
            author = self.classify_np(start + bm.start(2), start + bm.end(2), last_source)
            if author is not None and author.kind == "other" and not author.actor:
                how = "other speaker (author of a document)"
                return _NP(start, end, raw, "other", "", author.name or author.text, raw, how)
        if (
            " of " in fo
            and (om := _DOC_OF_NAME_RE.fullmatch(raw)) is not None
            and (author := self.classify_np(start + om.start(2), end, last_source)) is not None
            and author.kind == "other"
            and not author.actor
        ):
            # "according to the latest situation report of the Lisard Health Watch": the body
            # speaks, the report as written is the source (as "a report by" it)
            how = "other speaker (author of a document)"
            return _NP(start, end, raw, "other", "", author.name or author.text, raw, how)
        if (rr := _REDUCED_RELATIVE_RE.match(fo)) is not None:
            # "a project the government says will …": the relative clause's subject
            inner = self.classify_np(start + rr.end(), end, last_source)
            if inner is not None:
                inner = dataclasses.replace(inner, how=inner.how + ", " + _REDUCED_RELATIVE_HOW)
            return inner
        if fo.startswith("its ") and (owner := self.title_of_body_before(start, fo[4:])):
            # "The National Bank kept rates on hold, and its governor warned": the actor who
            # holds that title at the body named before
            return _NP(
                start, end, raw, "actor", owner, how="title at the actor's body named before"
            )
        ms = self.mentions_in(start, end)
        if (
            self.fast_paths
            and index is None  # (else looked up above)
            and len(ms) == 1
            and ms[0].start == start
            and ms[0].end == end
            and not ms[0].pronoun
        ):
            # The common case, one name (or office) mention that is the whole phrase: every
            # role or document word is inside it (not ``outside``), so the rules below reduce
            # to "the phrase is that mention".
            m = ms[0]
            kind = "actor" if m.kind == "name" else "org"
            np = _NP(start, end, raw, kind, m.actor, how=f"{m.kind} mention")
            self.register_documents(fo, np)
            return np
        covered = [(m.start - start, m.end - start) for m in ms]

        def outside(mt: re.Match[str]) -> bool:
            return not any(a <= mt.start() < b for a, b in covered)

        if _THE_SUIT_RE.fullmatch(fo) and (sender := self.doc_sender_before("suit", start)):
            # "The town of Haldra filed a lawsuit against Caldor …. The suit accuses the
            # company of …": the filer speaks, the suit as written is the source ("suit" is no
            # document word of the lexicon: "in a grey suit", "followed suit")
            if sender.actor:
                how = f"suit filed by {sender.actor}"
                return _NP(start, end, raw, "doc", sender.actor, how=how)
            how = "other speaker (filer of a suit named before)"
            return _NP(start, end, raw, "other", "", sender.name, raw, how)
        fo_words = _WORDS_RE.findall(fo)
        role_ms = _finditer_if(self.pat["role"], self.pat_words["role"], fo, fo_words)
        doc_ms = _finditer_if(self.pat["doc"], self.pat_words["doc"], fo, fo_words)
        roles = [mt for mt in role_ms if outside(mt)]
        docs = [mt for mt in doc_ms if outside(mt)]
        if (
            docs
            and docs[-1].end() == len(fo.rstrip())
            and self.section_at(start) in ("headline", "standfirst")
            and len(names := {n for _, n in self.doc_authors.get(docs[-1].group(0), ())}) == 1
        ):
            # "Engineers' report finds cracks" over a body's "The report, prepared by the firm
            # Osterlin Hale, …": the author the body names speaks, the report is the source
            how = "other speaker (author of the document the body names)"
            return _NP(start, end, raw, "other", "", names.pop(), raw, how)
        actor_ms = [m for m in ms if m.kind != "pronoun"]
        pron_ms = [m for m in ms if m.kind in ("pronoun", "possessive") and m.pronoun]
        for pm in pron_ms:
            if not pm.actor and not pm.other:
                self.resolve_pronoun(pm)
        affil_actor = ""
        if actor_ms and not _OTHER_HOLDER_RE.search(
            self.folded, max(start, actor_ms[0].start - 12), actor_ms[0].start
        ):
            # (not "a former deputy finance minister": another holder of the actor's title)
            affil_actor = actor_ms[0].actor
        elif pron_ms and pron_ms[0].actor:
            affil_actor = pron_ms[0].actor
        if roles and not affil_actor and not actor_ms and not pron_ms:
            # "A union spokesman said", "A Brantwell spokesman said": the actor's office as
            # the spokesperson's modifier
            affil_actor = self.office_modifier_actor(raw, fo, [r.start() for r in roles])
        if (
            roles
            and not affil_actor
            and not actor_ms
            and (sm := _SIDE_ROLE_RE.fullmatch(fo.strip())) is not None
            and sm.group(1) not in self.actors._sides
            and (holder := self._country_title_holder(sm.group(1), sm.group(2)))
        ):
            # "Pravenia's president" when three actors share Pravenia (no side word): the one
            # configured as "the Pravenian president"
            return _NP(start, end, raw, "actor", holder, how=f"title of the country of {holder}")
        if roles and not affil_actor and not actor_ms and self.actors._sides:
            sm = _SIDE_ROLE_RE.fullmatch(fo.strip())
            side = self.actors._sides.get(sm.group(1), "") if sm is not None else ""
            if sm is not None and not side and sm.group(2) == "leader":
                side = self._demonym_side(sm.group(1))  # ("Kettavian" of Kettavia)
            if side and sm is not None:
                rest = sm.group(2)
                if rest == "leader" and self.titled_as(side, _HEAD_TITLE_RE):
                    # "Kettavian leader accuses …", "Garrovia's leader": the side's head of
                    # state or government (an actor titled president, prime minister …)
                    return _NP(start, end, raw, "actor", side, how=f"leader of the side of {side}")
                own = {_strip_det(fold(a)) for a in self.actors.get(side).aliases}
                country = fold(self.actors.get(side).country or "")
                if any(
                    a == rest
                    or (
                        a.endswith(" " + rest)
                        and (
                            self.actors._sides.get(a[: -len(rest)].strip()) == side
                            or (len(country) > 4 and a.startswith(country[:-1]))
                        )
                    )
                    for a in own
                ):
                    # "Garrovia's prime minister": the actor of Garrovia, by the title
                    # configured for them ("the Garrovian prime minister")
                    return _NP(start, end, raw, "actor", side, how=f"title of the side of {side}")
                if rest in _DIPLOMATIC_ROLES:
                    # "Vendria's ambassador", "the Duranthian embassy" (not "Vendria's
                    # opposition spokesman", "Vendria's former ambassador")
                    affil_actor = side
            after = raw[roles[-1].end() :].strip(" ,")
            if (
                not affil_actor
                and after
                and all(w[:1].isupper() for w in after.split())
                and (pre := fo[: roles[-1].end()].strip()) != fo.strip()
            ):
                # "Dravenian spokesman Aurel Tannow", "Vastmoor's foreign minister, Ada Lind":
                # the side's role right before a name (not "Kolmar's consul in Brinmoor")
                sm2 = _SIDE_ROLE_RE.fullmatch(pre)
                if sm2 is not None and _speaks_for_side(sm2.group(2)):
                    affil_actor = self.actors._sides.get(sm2.group(1), "")
        if (
            docs
            and (pm := _BODY_POSSESSIVE_RE.match(fo))
            and pm.group(2) in self.lex.institutions
            and not affil_actor
        ):
            named = {
                fold(n[4:]): n
                for s0, h, n, e0 in self.institution_names
                if h == pm.group(2)
                and s0 < start
                # (no other "agency" in between: "News agency Northwire said …")
                and not self.other_mention_between(h, e0, start)
            }
            if len(named) == 1 and pm.group(1) is None:
                # "The agency's latest bulletin said", after "the National Emergency
                # Management Agency": that body speaks, the bulletin is the source
                how = "other speaker (document of an institution named before)"
                return _NP(start, end, raw, "other", "", named.popitem()[1], raw, how)
            if (
                not named
                and docs[-1].end() == len(fo)
                and not actor_ms
                # (not when bodies of its kind were named: "News agency Northwire" after "the
                # National Flood Agency" leaves "the agency's report" open)
                and not any(
                    h == pm.group(2) and s0 < start for s0, h, _, _ in self.institution_names
                )
            ):
                # "The health ministry's own monthly report said": the body speaks (as
                # "the ministry said" would: as written, or the one named before), the
                # report is the source
                body = self.classify_np(start, start + pm.end() - 3, last_source)
                if body is not None and body.actor and body.kind in ("org", "actor"):
                    how = f"document of the body of {body.actor}"
                    return _NP(start, end, raw, "doc", body.actor, how=how)
                if body is not None and body.kind == "other" and not body.actor:
                    how = "other speaker (document of an institution)"
                    return _NP(start, end, raw, "other", "", body.name or body.text, raw, how)
        if roles:
            last_role = roles[-1]
            tail = raw[last_role.end() :]
            nm = _NAME_AFTER_RE.match(tail)
            if nm and any(
                a < last_role.end() + nm.end() and b > last_role.end() for a, b in covered
            ):
                nm = None
            head = raw[: roles[0].start()]
            hm = _NAME_COMMA_END_RE.search(head)
            role_word = fold(last_role.group(0))
            if (
                actor_ms
                and actor_ms[-1].end == end
                and role_word in self.lex.offices
                and _OFFICE_OF_RE.match(fo)
            ):
                # "the office of Kolmari President Sabine Ekdahl": her office, as "Ekdahl's
                # office" is
                m = actor_ms[-1]
                return _NP(start, end, raw, "org", m.actor, how="office of the actor")
            if not nm and not affil_actor and role_word in self.lex.institutions:
                words = fo.split()
                described = (
                    2 < len(words) <= 4
                    and words[0] == "the"
                    and words[-1] == role_word
                    and raw[4:].islower()
                    and roles[0].start() == len(raw) - len(role_word)
                )
                if described:
                    # "the statistics office said", after "the Kestrian Statistics Office":
                    # the one body of that kind whose name has the description's words
                    named = self.bodies_named_before(role_word, start, words[1:-1])
                    if len(named) == 1:
                        name = named.popitem()[1]
                        return self.named_body_np(start, end, raw, name, "institution named before")
                if words == ["the", role_word]:
                    # "the agency said", after "the Lusovian Emergency Management Agency": that
                    # body, by its name (when one body of that kind was named before)
                    named = self.bodies_named_before(role_word, start)
                    if len(named) == 1:
                        name = named.popitem()[1]
                        return self.named_body_np(start, end, raw, name, "institution named before")
                    body = self.body_roles.get(role_word)
                    if not named and body is not None and body[0] < start:
                        how = "other speaker (body introduced with its description)"
                        return _NP(start, end, raw, "other", "", body[1], "", how)
                    actor = "" if named else self.actor_body_before(role_word, start)
                    if actor:
                        # "the campaign said", after "The Castan campaign hit back": that
                        # actor's body, as "the Kremlin" is Putin's
                        how = "org mention (an actor's body named before)"
                        return _NP(start, end, raw, "org", actor, how=how)
                    owner = (
                        "" if named or body is not None else self.company_before(role_word, start)
                    )
                    if owner:
                        # "Varro Components will close its plant …, the company announced":
                        # the one company named just before
                        self.body_roles[role_word] = (start, owner)
                        how = "other speaker (the company named before)"
                        return _NP(start, end, raw, "other", "", owner, "", how)
                    introduced = (
                        "" if named or body is not None else self.body_named(role_word, start)
                    )
                    if introduced:
                        # "A second group, Fair Deal Watch, disagreed. … the group said": the
                        # body the narration introduced with that word
                        how = "other speaker (body introduced in narration)"
                        return _NP(start, end, raw, "other", "", introduced, "", how)
            if (
                role_word in self.lex.outlets
                and not affil_actor
                and (
                    (nm and nm.group(0).split()[0][:1].isupper())
                    or raw[last_role.start() : last_role.start() + 1].isupper()
                )
                # (not a person's role of a body: "director of the National Emergency
                # Management Agency")
                and all(
                    fold(r.group(0)) in self.lex.outlets
                    or fold(r.group(0)) in self.lex.institutions
                    for r in roles
                )
            ):
                # "the Kovenish daily Morgenrad", "Meridia TV": an outlet, named with its
                # description
                return _NP(start, end, raw, "other", "", raw, "", "other speaker (outlet)")
            bare = fo.split() == ["the", role_word]
            if bare and role_word in self.lex.outlets and not affil_actor:
                if outlet := self.outlet_named_before(role_word, start):
                    # "… published by the newspaper Dnevna Zora. The newspaper said …": the
                    # outlet named with that word before
                    how = "other speaker (outlet named before)"
                    return _NP(start, end, raw, "other", "", outlet, "", how)
            bodies = self.lex.outlets | self.lex.institutions
            if (
                nm
                and role_word in bodies
                and any(fold(r.group(0)) not in bodies for r in roles[:-1])
            ):
                nm = None  # "A reporter for the news agency Tordpress": the agency's name
            if nm and fold(nm.group(0).split()[-1]) in self.lex.body_names:
                nm = None  # "the board of St Calla General Hospital": a body's name, no person
            if nm and nm.group(0).split()[0][:1].isupper():
                name = nm.group(0).strip()
                affil = (raw[: last_role.end() + nm.start()]).strip(" ,")
            elif hm:
                name = hm.group(1).strip()
                affil = head[hm.end() :].strip(" ,") + raw[roles[0].start() :]
            elif (
                (om := _NAME_OF_RE.match(head))
                and fold(om.group(2)) not in _FUNCTION_WORDS
                and fold(om.group(1)) not in _PARTITIVE_HEADS  # ("One of the aides")
            ):
                # "Jan Holt of the Ruritanian Party": the name, then the body it speaks for
                # ("Glaciologist Mira Sand of …": her title joins the body, out of her name)
                name = _strip_agent_title(om.group(1))
                title = om.group(1)[: len(om.group(1)) - len(name)].strip()
                affil = (title + " of " if title else "") + raw[om.end() :]
            elif (
                not head.strip()
                and len(roles) > 1
                and (om := _ROLE_NAME_OF_RE.match(raw, roles[0].end()))
                and fold(om.group(2)) not in _NOT_A_NAME
                and not self.pat["role"].search(fold(om.group(1)))
            ):
                # "Economist Pia Varn of the Lundvik Institute": the role, the name, the body
                name, affil = om.group(1), raw[: roles[0].end()] + " of " + raw[om.end() :]
            else:
                name, affil = "", raw
            name = _strip_honorific(name)
            if (
                affil_actor
                and not name
                and role_word in _RELATIONAL_ROLES
                and len(roles) == 1
                and len(fo.split()) <= 3  # (not "his counterpart from Brask")
                and not _NAME_APPOSITION_AFTER_RE.match(self.plain, end)
                and (other := self.party_of_meeting(role_word, affil_actor, start))
            ):
                # "Ostrup welcomed Gorev … her guest insisted": the guest of the visit told
                # just before (not a named "his counterpart, Odo Marr,")
                how = f"actor (the {role_word} of a meeting told before)"
                return _NP(start, end, raw, "actor", other, how=how)
            if (
                fold(last_role.group(0)) in self.lex.independent
                or role_word in _RELATIONAL_ROLES
                or role_word.removesuffix("s") in _RELATIONAL_ROLES  # ("Vasskel's guests")
            ):
                affil_actor = ""  # "Castrel's critics" speak about Castrel, not for her
            elif (
                affil_actor
                and role_word in _NAMED_FOR_BODIES
                and raw[last_role.start() : last_role.start() + 1].isupper()
                and actor_ms
                and _CAPITALIZED_RUN_RE.fullmatch(raw[actor_ms[0].end - start : last_role.start()])
            ):
                affil_actor = ""  # "the Brannick Foundation": a body named after him
            if (
                not affil_actor
                and role_word in _AIDE_ROLES
                and _PRESIDENTIAL_AIDE_RE.match(fo)
                and (president := self.actors_titled("president"))
                and not self.other_president_before(start)
            ):
                # "Presidential spokeswoman Lina Marek said" (not "Former presidential …",
                # "Garrovian presidential …", nor after another country's president is named)
                affil_actor = president
            if (
                affil_actor
                and not name
                and role_word in _BODY_HEAD_WORDS
                and len(roles) == 1
                and last_role.end() == len(raw)
                and len(actor_ms) == 1
                and actor_ms[0].kind == "organization"
                and actor_ms[0].start - start <= 4  # (at most "the " before it)
                and self.plain[actor_ms[0].end : start + last_role.start()].strip()
                in ("", "'s", "\u2019s")
                and self.titled_as(affil_actor, _BODY_HEAD_TITLE_RE)
            ):
                # "Harrowby chief says sorry", "Harrowby's boss": the head of the actor's own
                # configured body, an actor titled as its head (chief executive, president, …)
                return _NP(start, end, raw, "actor", affil_actor, how="head of the actor's body")
            how = f"other speaker ({'named' if name else 'role'})"
            if affil_actor:
                how += f", speaks for {affil_actor}"
            name = self.canonical_name(name, start) if name else name
            if not name and self.role_names and _DEFINITE_ROLE_RE.fullmatch(fo):
                earlier = self.role_names.get(last_role.group(0))
                # "The judge said", after "The presiding judge, Marit Holbeck,": that person (by
                # name, as "Holbeck said" would be), when no word contradicts the introduction
                # ("The French official" is not "Ivan Petrov, a Russian official")
                if earlier is not None and set(_WORDS_RE.findall(fo)) <= earlier[1] | {
                    "the",
                    "same",
                }:
                    # (a spokesperson's role as written is the source, as at its introduction)
                    how = "other speaker (role of a person named before)"
                    if earlier[2]:
                        how += f", speaks for {earlier[2]}"
                    affil = raw if earlier[2] else ""
                    return _NP(start, end, raw, "other", earlier[2], earlier[0], affil, how)
            if (
                not name
                and not affil_actor
                and self.role_texts
                and _DEFINITE_ROLE_RE.fullmatch(fo)
                and (earlier_role := self.role_texts.get(last_role.group(0))) is not None
                and earlier_role[0] < start
                # (no other speaker of that role since: "Another official told …", nor any
                # other mention of the role word: "Valdish officials were gloomier.")
                and self.role_last.get(last_role.group(0), -1) <= earlier_role[0]
                and not _whole_word_re(last_role.group(0), plural=True).search(
                    self.folded, earlier_role[3], start
                )
                and set(_WORDS_RE.findall(fo)) <= earlier_role[1] | {"the", "same"}
            ):
                # "the official said", after "a senior Ostrevian official told …": that
                # speaker, as first written
                how = "other speaker (role of a speaker introduced before)"
                return _NP(start, end, raw, "other", "", earlier_role[2], "", how)
            if (
                not name
                and _DEFINITE_ROLE_RE.fullmatch(fo)
                and not affil_actor
                and not _RELATIVE_AFTER_RE.match(self.folded, end)
            ):
                role_word = last_role.group(0).rsplit(None, 1)[-1]  # ("foreign minister")
                if role_word not in self.role_names and (
                    narrated := self.narrated_role(role_word, fo, start)
                ):
                    # "The chief executive said", after "… chief executive Conrad Ilves
                    # apologised." (no speaker had that role): that person, by name
                    how = "other speaker (role of a person named in narration)"
                    return _NP(start, end, raw, "other", "", narrated, "", how)
            if (
                name
                and not affil_actor
                and role_word in self.lex.institutions
                and _BODY_KIND_RE.fullmatch(fold(affil.strip(" ,")))
                and raw.find(name) > raw.find(affil.strip(" ,")) >= 0  # (not "X of the Party")
                and fold(affil.strip(" ,")).rsplit(None, 1)[-1:] == [role_word]
            ):
                # "His club, Saltmere United, said", "The fan group Castrelia Ultras said": a
                # body named with its kind, which is no intermediary (a later "the club" is it)
                self.body_roles[role_word] = (start, name)
                return _NP(start, end, raw, "other", "", name, "", how + ", a body")
            return _NP(start, end, raw, "other", affil_actor, name, affil.strip(" ,"), how)
        if (
            docs
            and not affil_actor
            and _TITLE_WORDS_RE.fullmatch(raw)
            and raw[docs[-1].start()].isupper()
            and self.section_at(start) == "body"  # (not a title-case headline)
        ):
            # "The Lund Post", "The Daily Note": a capitalized name, not a document
            name = self.canonical_name(raw, start)
            return _NP(start, end, raw, "other", "", name, how="other speaker (name)")
        if docs:
            joint_ids = self.joint_document(end) if _JOINT_RE.search(fo) else ()
            if not joint_ids and fo.startswith("the joint "):
                # "The joint declaration, handed to reporters as the leaders spoke, states …":
                # no pair named just before, but the article's two actors, when a sentence
                # before told them meeting or signing (not "Critics of X and of Y …")
                joint_ids = self.meeting_pair_before(start)
            if not affil_actor and joint_ids:
                ids = joint_id(joint_ids)
                np = _NP(start, end, raw, "doc", ids, how=f"joint document of {ids}")
                return np
            if not affil_actor and _JOINT_RE.search(fo) and self.joint_others:
                at, names = self.joint_others[-1]
                if 0 <= self._sent_of(start) - self._sent_of(at) <= 3:
                    # "Halvard Steel and Osterby Metals said …" then "according to a joint
                    # press release": the two speakers', the release as written the source
                    how = "other speakers (a joint document of the two named before)"
                    return _NP(start, end, raw, "other", "", names, raw, how)
            if affil_actor:
                np = _NP(start, end, raw, "doc", affil_actor, how=f"document naming {affil_actor}")
                self.register_documents(fo, np)
                return np
            side = next((self.actors._sides[w] for w in fo_words if w in self.actors._sides), "")
            if side:  # "a Norvalian readout": the document of the actor of Norvale
                np = _NP(start, end, raw, "doc", side, how=f"document of the side of {side}")
                self.register_documents(fo, np)
                return np
            if fo.startswith("its ") and (owner := self.subject_body_before(start)):
                # "Eskeland's office offered a more cautious version. Its readout said …": the
                # document of the actor's body named last (within two sentences)
                np = _NP(start, end, raw, "doc", owner, how=f"document of the body of {owner}")
                self.register_documents(fo, np)
                return np
            if fo.startswith(("a ", "an ")):  # "a transcript filed with …": a new document
                return _NP(start, end, raw, "doc", "", raw, how="document, no issuer named")
            if all(d.group(0) in self.lex.independent_documents for d in docs):
                author = self.doc_author(docs[-1].group(0), start) if fo.startswith("the ") else ""
                if author:
                    # "The report says …" after "a report by Lanterna Rights Group": its author
                    # speaks, the report as written is the source
                    how = "other speaker (author of a document named before)"
                    return _NP(start, end, raw, "other", "", author, raw, how)
                issuer = self.doc_sources.get(docs[-1].group(0)) if fo.startswith("the ") else None
                if issuer is not None and issuer.start < start and (issuer.actor or issuer.name):
                    # "… the board said in its preliminary report." then "the report said": the
                    # issuer a report verb named ("said in its report"), the report the source
                    how = f"document -> the source that issued it, {issuer.text!r}"
                    return _NP(start, end, raw, "doc", issuer.actor, issuer.name, how=how)
                if issuer is not None and issuer.start < start and issuer.kind == "other":
                    # '"…," one engineer wrote in the email.' then "The email goes on: "…"":
                    # the writer, unnamed, by the words written of him
                    how = f"document -> the unnamed source that issued it, {issuer.text!r}"
                    return _NP(start, end, raw, "doc", "", issuer.text, how=how)
                # "The dossier said …": a third party's document, not the last speaker's
                return _NP(start, end, raw, "doc", "", raw, how="document, no issuer named")
            named = [self.doc_sources[d.group(0)] for d in docs if d.group(0) in self.doc_sources]
            joint_ids = (
                self.joint_document_before(docs[-1].group(0), start)
                if fo.startswith("the ")
                else ()
            )
            sender = (
                self.doc_sender_before(docs[-1].group(0), start)
                if fo.startswith(("the ", "that ", "this "))
                else None
            )
            if sender is not None and not (named and named[-1].start > sender.start):
                # "Maltane sent Varnay a handwritten letter." then '"…," the letter said': the
                # sender speaks, the document as written is the source
                if sender.actor:
                    how = f"document sent by {sender.actor}"
                    return _NP(start, end, raw, "doc", sender.actor, how=how)
                how = "other speaker (sender of a document named before)"
                return _NP(start, end, raw, "other", "", sender.name, raw, how)
            owner = (
                self.doc_owner_before(docs[-1].group(0), start) if fo.startswith("the ") else None
            )
            if (
                owner is not None
                and not (named and named[-1].start > owner.start)
                and not (last_source is not None and last_source.start > owner.start)
                and not (sender is not None and sender.start > owner.start)
            ):
                # "The Brennish ministry's readout … struck a more cautious tone." then "The
                # readout said": that ministry's actor's, not the last speaker's
                how = f"document of {owner.actor} named before"
                return _NP(start, end, raw, "doc", owner.actor, how=how)
            if joint_ids and not (named and named[-1].start > joint_ids[0]):
                # "Velt and Reinholt signed a joint declaration …" then "the declaration said":
                # the document of both
                ids = joint_id(joint_ids[1])
                return _NP(start, end, raw, "doc", ids, how=f"joint document of {ids} named before")
            if named:
                src = named[-1]
                return _NP(
                    start,
                    end,
                    raw,
                    "doc",
                    src.actor,
                    "" if src.actor else src.name or (src.text if src.kind == "other" else ""),
                    how=f"document -> the source that issued it, {src.text!r}",
                )
            if last_source is not None:
                np = _NP(
                    start,
                    end,
                    raw,
                    "doc",
                    last_source.actor,
                    ""
                    if last_source.actor
                    else last_source.name
                    # (a body's or a spokesperson's statement just before: "the Amber Coast
                    # Group said …; the statement added"; not a passer-by's, nor a headline's)
                    or (
                        last_source.text
                        if self._issues_statements(last_source)
                        and self.section_at(last_source.start) == "body"
                        and 0 <= self._sent_of(start) - self._sent_of(last_source.start) <= 2
                        else ""
                    ),
                    how=f"document -> last source {last_source.text!r}",
                )
                if fo.startswith("the ") and np.actor and "+" in np.actor:
                    # '"…," the communique said' after "Ostrand and Halvik …": a later "the
                    # communique" is that joint document still, whoever spoke in between
                    self.register_documents(fo, np)
                return np
            return _NP(start, end, raw, "doc", "", raw, how="document, no earlier source")
        if actor_ms:
            m = max(actor_ms, key=lambda x: x.end - x.start)
            if (
                m.kind != "name"
                and actor_ms[0].kind == "name"
                and actor_ms[0].start == start
                and actor_ms[0].actor == m.actor
                and _OF_OWN_BODY_GAP_RE.fullmatch(self.folded, actor_ms[0].end, m.start)
            ):
                m = actor_ms[0]  # "Gideon Ashcombe of the Popular Alliance": the person
            if (
                m.kind == "organization"
                and len(actor_ms) == 1
                and (gm := _NAME_OF_GAP_RE.fullmatch(self.plain, start, m.start)) is not None
                and (name := self._person_name_of(gm.group(1)))
            ):
                # "Tom Ruck of the Popular Alliance said": a member of the actor's body, named
                # (not the actor; as "Tom Ruck, a lawmaker of the Popular Alliance," is not)
                affiliation = self.text[m.start : m.end]
                how = f"other speaker (name of an actor's body), speaks for {m.actor}"
                return _NP(start, end, raw, "other", m.actor, name, affiliation, how)
            if (
                m.start > start
                and _OTHER_HOLDER_RE.search(self.folded, max(start, m.start - 12), m.start)
                and _strip_det(self.folded[m.start : m.end]) in self.actors._titles
            ):
                # "A former Ombrevian president said": another holder of the actor's title
                how = "other speaker (another holder of an actor's title)"
                return _NP(start, end, raw, "other", "", "", raw, how)
            kind = "actor" if m.kind == "name" else "org"
            np = _NP(start, end, raw, kind, m.actor, how=f"{m.kind} mention")
            self.register_documents(fo, np)
            return np
        if pron_ms:
            pm = pron_ms[-1]
            if pm.actor:
                kind = "org" if pm.kind == "possessive" else "pronoun"
                return _NP(start, end, raw, kind, pm.actor, how=f"pronoun -> {pm.actor}")
            if pm.other:
                return _NP(start, end, raw, "other", "", pm.other, how=f"pronoun -> {pm.other!r}")
            return _NP(start, end, raw, "other", "", raw, how="unresolved pronoun")
        for country, actor_id in self.actors._countries:
            if country == _strip_det(fo.strip()):
                return _NP(start, end, raw, "country", actor_id, raw, how=f"country of {actor_id}")
        sm = _SIDE_RE.fullmatch(fo.strip())
        if sm is not None and sm.group(1) in self.actors._sides:
            side = self.actors._sides[sm.group(1)]  # "the French side": the actor's side
            return _NP(start, end, raw, "org", side, how=f"side of {side}")
        words = raw.split()
        if len(words) > 8 or not words:
            return None
        if (
            len(words) > 2
            and _TIME_WORD_RE.fullmatch(fold(words[0]))
            and all(w[:1].isupper() for w in words[1:3])
        ):
            # "On Monday and Tuesday Ravi Delacourt said": the day is no part of the name
            start = self.text.index(words[1], start + len(words[0]))
            raw = self.text[start:end]
            words = words[1:]
        first = words[0]
        particles = NAME_PARTICLES | {"of", "the", "for"}
        # ("The Competition and Markets Board": "and" inside a body's name)
        and_ok = fold(words[-1]) in self.lex.body_names and words[0][:1].isupper()
        all_caps = all(
            w[:1].isupper()
            or w in particles
            or _PREFIXED_NAME_RE.fullmatch(w)  # ("Ahmed bin Khalid al-Sayer")
            or w == "&"
            or (and_ok and w == "and")
            for w in words
        ) and not (words[-1] in particles and len(words) > 1)
        if len(words) == 1 and fold(first) in _PERSONAL_PRONOUNS:
            return _NP(start, end, raw, "other", "", raw, how="unresolved pronoun")
        if (
            all_caps
            and (fold(first) not in _FUNCTION_WORDS or len(words) > 1)
            and fold(first) not in _NO_NAME_START
        ):  # ("To Fight" in a title-case headline is no name)
            if any(w[:1].isupper() for w in words[1:]) or fold(first) not in _FUNCTION_WORDS:
                if (
                    "of" in words[2:-1]
                    and fold(first) not in _FUNCTION_WORDS
                    and not any(
                        fold(w) in self.lex.body_names or fold(w) in _BODY_NAME_WORDS
                        for w in words[: words.index("of", 2)]
                    )
                ):
                    # "Dmitri Sollis of Ferrow & Lane": the person, then the firm; "Meteorologist
                    # Ines Paulo of …": her title is no part of her name
                    titled = " ".join(words[: words.index("of", 2)])
                    name = _strip_agent_title(titled)
                    title = titled[: len(titled) - len(name)].strip()
                    how = "other speaker (name of)"
                    return _NP(start, end, raw, "other", "", name, title, how=how)
                name = self.canonical_name(_strip_honorific(raw), start)
                return _NP(start, end, raw, "other", "", name, how="other speaker (name)")
        km = _NAME_OF_KIND_NAME_RE.fullmatch(raw)
        if (
            km is not None
            and fold(first) not in _FUNCTION_WORDS
            and not any(
                fold(w) in self.lex.body_names or fold(w) in _BODY_NAME_WORDS
                for w in km.group(1).split()
            )
        ):
            # "Katrin Solvey of the brokerage Amsel Energy": the person, then her firm named
            # with its kind (as "Dmitri Sollis of Ferrow & Lane" above)
            name = _strip_agent_title(km.group(1))
            title = km.group(1)[: len(km.group(1)) - len(name)].strip()
            return _NP(start, end, raw, "other", "", name, title, how="other speaker (name of)")
        return None

    def _person_name_of(self, words: str) -> str:
        """The person's name in capitalized words before "of <body>" ("" when none).

        A title before it is dropped ("Senator Tom Ruck" → "Tom Ruck"); at least two words
        must remain, none a role or body word, none an actor's name ("Deputy Leader" and
        "Finance Committee" are no names).
        """
        role = self.pat["role"]
        kept = words.split()
        while kept and role.fullmatch(fold(kept[0])):
            kept = kept[1:]
        name = _strip_agent_title(" ".join(kept))
        parts = name.split()
        if len(parts) < 2 or fold(parts[0]) in _FUNCTION_WORDS:
            return ""
        for w in parts:
            fw = fold(w)
            if role.fullmatch(fw) or fw in self.lex.body_names or fw in _BODY_NAME_WORDS:
                return ""
            if fw in self.actors._all_name_words:
                return ""
        return name

    def note_body(self, np: _NP) -> None:
        """Remember a speaker that may be a body, for a later "it said" (:meth:`it_np`)."""
        if np.kind in ("org", "country", "other") or (
            np.kind == "doc" and (np.actor or np.name not in ("", np.text))
        ):
            # (a document whose issuer is known: "The note, signed by Kelm, said … It warned")
            self.speakers_seen.append(np)

    @property
    def surnames(self) -> dict[str, tuple[str, ...]]:
        """:meth:`full_names`, computed once ("Ada Review" makes "Review" a surname)."""
        if self._full_names is None:
            self._full_names = self.full_names()
        return self._full_names

    def _issues_statements(self, np: _NP) -> bool:
        """Whether a speaker issues statements: a body, or a spokesperson or official."""
        if self._is_body(np):
            return True
        rm = list(self.pat["role"].finditer(fold(np.affiliation or np.text)))
        return bool(rm) and rm[-1].group(0).rstrip("s") in _ISSUING_ROLES

    def _is_body(self, np: _NP) -> bool:
        """Whether a speaker is a body (an office, a country, a ministry, a bank), no person."""
        if np.kind in ("org", "country"):
            return True
        words = (np.name or np.text).split()
        head = fold(words[-1]).rstrip(".,") if words else ""
        if (
            head in self.lex.institutions
            or head in self.lex.body_names
            or head.rstrip("s") in _BODY_HEADS
            or (
                np.name
                and not np.affiliation  # ("Ivo Steel, the site manager": a person)
                and head in self.lex.company_suffixes
                and len(words) > 1
            )
        ):
            return True
        # "Varro Components", written "the company": a body
        low = fold(np.text).split()
        return len(low) == 2 and low[0] == "the" and low[1] in self.lex.institutions

    def _lone_name_body(self, np: _NP) -> bool:
        """Whether a speaker written as one capitalized word is a body ("Dravgaz said …").

        People are introduced with a full name; a one-word name that is no full name's surname
        in the article, written without a description, is a company or body's name, which a
        later "it said" refers to (not "Pell said", after "Oskar Pell").
        """
        name = np.name or np.text
        return (
            np.kind == "other"
            and not np.affiliation
            and np.text == name
            and _LONE_NAME_RE.fullmatch(name) is not None
            and name not in self.surnames
            and fold(name) not in self._no_given_names
        )

    def it_np(self, pos: int) -> _NP | None:
        """The body a subject "it" at ``pos`` refers to, or None.

        The last body that spoke, two sentences back at most ("Ardovia's general staff denied
        … "…," it said"; "The bank said … It added that …").
        """
        sent = self._sent_of(pos)
        for body in reversed(self.speakers_seen):
            if sent - self._sent_of(body.start) > 2:
                return None
            if body.end <= pos and (
                body.kind == "doc" or self._is_body(body) or self._lone_name_body(body)
            ):
                break
        else:
            return None
        how = f"pronoun it -> {body.text!r}"
        if body.kind == "doc":
            # "The note, signed by the ambassador, said … It warned that …": the document
            # speaks on, for whoever issued it
            return dataclasses.replace(body, start=pos, end=pos + 2, how=how)
        if body.actor:  # an actor's office or country: the actor, no source as written
            return _NP(pos, pos + 2, self.text[pos : pos + 2], "actor", body.actor, how=how)
        name = body.name or body.text
        return _NP(pos, pos + 2, self.text[pos : pos + 2], "other", "", name, "", how)

    def agent_np(self, start: int, end: int) -> _NP | None:
        """A subject named by what it does, though no role of the lexicon, or None.

        "A mediator familiar with the talks", "the regulator", "two crane operators", "the
        bank" (:data:`_AGENT_NP_RE`): read only where a reporting verb has this subject.
        """
        while start < end and self.plain[start] in " ,":
            start += 1
        while end > start and self.plain[end - 1] in " ,.":
            end -= 1
        am = _AGENT_NP_RE.fullmatch(self.plain, start, end)
        if am is None and (self.section_at(start) == "headline" or self._opens_sentence(start)):
            # "Central bank insists" (a headline); "Other fishermen said", "Local traders say"
            # (a sentence's first words, written without a determiner)
            am = _HEADLINE_AGENT_NP_RE.fullmatch(self.plain, start, end)
        if (
            am is None
            and self.plain[start - 2 : start] == "; "
            and self.section_at(start) in ("headline", "standfirst")
            and (bm := _BARE_PLURAL_RE.fullmatch(self.plain, start, end)) is not None
            and is_plural_people(bm.group(1))
        ):
            # "…; employers warn of …": a headline's second clause, its plural bare
            am = bm
        if am is None or fold(am.group(1)) in _NOT_AGENT_HEADS:
            return None
        prev = self._prev_word(start)
        if prev in _SUBORDINATE_BEFORE and not (
            prev == "as" and self.plain[start - 3 : start - 1] == "As"
        ):
            return None  # "as the mediator had predicted", "what the mediator said"
        raw = self.text[start:end]
        words = fold(raw).split()
        if (
            2 <= len(words) <= 4
            and words[0] == "the"
            and words[-1] in _BODY_HEADS
            and (len(words) == 2 or raw[4:].islower())
        ):
            named = self.bodies_named_before(words[-1], start, words[1:-1])
            if len(named) == 1:
                # "the service said" (or "the weather service said"), after "the Sarvenian
                # Hydrometeorological Service": that body, by its name (when one body of that
                # kind, with the description's words, was named before)
                name = named.popitem()[1]
                return self.named_body_np(start, end, raw, name, "institution named before")
        if len(words) == 2 and words[0] == "the" and words[1] in self.lex.company_words:
            body = self.body_roles.get(words[1])
            owner = body[1] if body is not None and body[0] < start else ""
            owner = owner or self.company_before(words[1], start)
            if owner:
                # "Dolmar Bank raised its rates. …, the bank said": the company named before
                self.body_roles[words[1]] = (start, owner)
                how = "other speaker (the company named before)"
                return _NP(start, end, raw, "other", "", owner, "", how)
        if (
            words[0] == "the"
            and _agent_word(words[-1])
            and (named := self.narrated_role(words[-1], fold(raw), start))
        ):
            # '"…," the defender said', after "… Ostervik defender Ruben Sall had pulled his
            # shirt": the one person introduced with that noun, by name
            how = "other speaker (agent noun of a person named in narration)"
            return _NP(start, end, raw, "other", "", named, "", how)
        return _NP(start, end, raw, "other", "", "", raw, _AGENT_HOW)

    def body_source_np(self, start: int, end: int) -> _NP | None:
        """A body named by a common noun after "according to", as :meth:`agent_np` reads it.

        "According to the Tessvik coastguard, …", "according to the federation": the body
        speaks (a body head of :data:`_BODY_HEADS`; no device or document noun).
        """
        while end > start and self.plain[end - 1] in " ,.":
            end -= 1
        am = _AGENT_NP_RE.fullmatch(self.plain, start, end)
        if am is None or fold(am.group(1)).removesuffix("s") not in _BODY_HEADS:
            return None
        return self.agent_np(start, end)

    def _opens_sentence(self, pos: int) -> bool:
        """Whether ``pos`` is a sentence's first word (past quotation marks and white space)."""
        i = bisect_left(self.sentence_starts, pos + 1) - 1
        return i >= 0 and not self.plain[self.sentences[i].start : pos].strip(" \"'\u201c\u2018")

    def trim_adverbials(self, start: int, end: int) -> int:
        """Move ``end`` left over adverbials standing between a subject and its verb."""
        return self._trim(start, end)[0]

    def _trim(self, start: int, end: int) -> tuple[int, _Mention | None]:
        """:meth:`trim_adverbials`, and ``mention_ending_at(end, start)`` at the new end.

        The loop stops at a mention ending there, else that lookup is None (it was made at the
        final end before stopping) or the end reached ``start``.
        """
        plain = self.plain
        while end > start:
            while end > start and plain[end - 1] in " ,":
                end -= 1
            mention = self.mention_ending_at(end, start)
            if mention is not None:
                return end, mention
            m = self.pat["trail_adv"].search(self.folded, start, end)
            if not m or m.end() == m.start():
                break
            word = self.folded[m.start() : m.end()].strip(" ,")
            if word in _LY_EXCEPTIONS:
                break
            if self.plain[m.start()].isupper() and m.start() > start:
                break  # "Russia Today": a capital inside a name, not the adverb "today"
            end = m.start()
        return end, None

    def subject_np(
        self, lo: int, verb_start: int, last_source: _NP | None, agents: bool = True
    ) -> _NP | None:
        """Find the subject noun phrase that ends right before a verb (within ``lo``…verb).

        ``agents``: an agent noun or a body that no role names may be the subject
        (:meth:`agent_np`; not for verbs of :data:`_THING_LEMMAS`).
        """
        pm = _PARTITIVE_SUBJECT_RE.search(self.folded, lo, verb_start)
        if pm is None and "of" in self.folded[lo:verb_start]:
            pm = _PARTITIVE_AFTER_QUOTE_RE.search(self.folded, lo, verb_start)
        if pm is not None:
            # '"…," one of them recalled': one of a group named before, as written
            raw = self.text[pm.start(1) : pm.end(1)]
            how = "other speaker (one of a group)"
            return _NP(pm.start(1), pm.end(1), raw, "other", "", "", raw, how)
        if (
            self.folded.find("whose ", lo, verb_start) >= 0
            and _WHOSE_SUBJECT_RE.search(self.folded, lo, verb_start) is not None
        ):
            # "Selu, whose government says Kettavia has lost …, warned that …": a report in
            # the subject's relative clause, as "who says" is (the main verb's subject speaks)
            return None
        k = self.folded.rfind(" as ", lo, verb_start)
        if k >= lo and not self.folded.endswith(("such", "well", "just", " so"), lo, k):
            lo = k + 4  # "… defends his budget as his sister calls it …": a clause of its own
        if "-year-old" in self.folded[lo:verb_start]:
            am = _AGED_TAIL_RE.search(self.folded, lo, verb_start)
            if am is not None and (np := self.classify_np(am.start(), am.end(), last_source)):
                return np  # "the 29-year-old midfielder said", after "Ruben Maltby, 29,"
        index = self._mention_index if self.fast_paths else None
        m = None
        if index is not None:
            # the first round of ``_trim``: usually a mention ends right before the verb
            end = verb_start
            plain = self.plain
            while end > lo and plain[end - 1] in " ,":
                end -= 1
            m = index[1].get(end)
            if m is not None and not lo <= m.start < end:
                m = None
        if m is None:
            end, m = self._trim(lo, verb_start)  # m: ``mention_ending_at(end, lo)``
        if end <= lo:
            return None
        if (
            self.folded.find("the new ", lo, end) >= 0
            and (nm := _NEW_HOLDER_RE.fullmatch(self.folded, lo, end)) is not None
            and (name := self.appointed_to(nm.group(2), nm.start(1)))
        ):
            # "He named Lotte Brenner … as housing minister." then "The new housing minister
            # said": the person appointed (not an actor who held the title before)
            s0, e0 = nm.span(1)
            raw = self.text[s0:e0]
            how = "other speaker (appointed to the title before)"
            return _NP(s0, e0, raw, "other", "", name, raw, how)
        if (
            m is not None
            and self.folded.endswith("close to ", lo, m.start)
            and (cm := _CLOSE_TO_SUBJECT_RE.fullmatch(self.folded, lo, end)) is not None
            and self.pat["of_head"].search(self.folded, lo, m.start - 10) is None
        ):
            # "A senior party figure close to Sarrow said": someone near the actor, as written
            # (a role's "A person close to Sarrow" speaks for her, :meth:`classify_np`)
            s0 = cm.start(1)
            raw = self.text[s0:end].rstrip(" ,")
            how = "other speaker (someone close to another)"
            return _NP(s0, s0 + len(raw), raw, "other", "", "", raw, how)
        if m is None and fold(self.plain[lo:end].strip()) == "they":
            # "…, they said" with no group of actors before it: an unresolved "they" (the
            # statement may still continue a plural role's, ``_they_of_prev``)
            return self.classify_np(lo, end, last_source)
        if m is None:
            lead = lo
            while lead < end and self.plain[lead].isspace():
                lead += 1
            if (fa := _FRONTED_ADVERBIAL_RE.match(self.plain, lead, end)) is not None:
                lo = fa.end()  # "On Monday the ministry said": the ministry
            elif (fa := _FRONTED_PLACE_RE.match(self.plain, lead, end)) is not None:
                lo = fa.end()  # "From the gallery a protester shouted": a protester
            np = self.postmodified_subject(lo, end, last_source)
            if np is not None:
                return np
        if (
            m is not None
            and m.kind == "organization"
            and (gm := _NAME_OF_GAP_RE.search(self.plain, lo, m.start)) is not None
            and gm.end() == m.start
            and not self.plain[lo : gm.start()].strip()
        ):
            # "Tom Ruck of the Popular Alliance said": the member named, not the actor's body
            np0 = self.classify_np(gm.start(), end, last_source)
            if np0 is not None and np0.kind == "other" and np0.name:
                return np0
        coordinations = self.coordinations_by_end  # ``group_ending_at`` looks only there
        if m is None and end in coordinations:
            sent = self.sentences[max(bisect_left(self.sentence_starts, end) - 1, 0)]
            g = self.group_ending_at(end, sent.start)
            if g is not None:
                return self.classify_np(g.start, end, last_source)
        if m is not None:  # (it starts at or after ``lo``)
            s = m.start
            if (
                m.kind == "pronoun"
                and m.pronoun in _NON_SUBJECT_PRONOUNS
                and not self.plain[lo:s].strip(" ,")
            ):
                return None  # "calls her remarks 'reckless'": "her" is no subject of "remarks"
            if m.end in coordinations:
                sent = self.sentences[max(bisect_left(self.sentence_starts, s + 1) - 1, 0)]
                g = self.group_ending_at(m.end, sent.start)
                # (``trim_adverbials(lo, end) == end`` held here: trimming stops at a mention)
                if g is not None:
                    both = _BOTH_END_RE.search(self.folded[sent.start : g.start])
                    s = g.start - (len(both.group(0).lstrip()) if both else 0)
                    return self.classify_np(s, end, last_source)
            rp = dp = None
            if s > lo:  # (both patterns need a character)
                before = self.folded[lo:s]
                if not self.fast_paths or _may_end_with_preposition(before):
                    rp = self.pat["role_prep_before"].search(before)
                    dp = self.pat["doc_prep_before"].search(before)
            if rp:
                s = lo + rp.start()
            elif dp:
                s = lo + dp.start()
            elif (
                s > lo
                and (hm := _HOLDER_BEFORE_RE.search(self.folded, max(lo, m.start - 24), m.start))
                and _strip_det(self.folded[m.start : m.end]) in self.actors._titles
            ):
                if hm is not None:  # "A former Ombrevian president said": another holder
                    how = "other speaker (another holder of an actor's title)"
                    raw = self.text[lo + (hm.start() - lo) : end]
                    return _NP(hm.start(), end, raw, "other", "", "", raw, how)
            return self.classify_np(s, end, last_source)
        ps = self.plural_by_end.get(end, -1)
        if ps >= lo and ps in self.plural_refs and self.plain[ps : ps + 1].isupper():
            # a headline's bare "Leaders hail treaty": the plural reference, not a name
            return self.classify_np(ps, end, last_source)
        region = self.plain[lo:end]
        fm = _NAME_FROM_PLACE_RE.fullmatch(region.strip())
        if fm is not None and fold(region.split()[0]) not in _NOT_A_NAME_OPENERS:
            # "Anna from Leeds said": a reader or caller named by first name and town
            s0 = lo + len(region) - len(region.lstrip())
            text = region.strip()
            return _NP(s0, s0 + len(text), text, "other", "", text, "", "other speaker (name)")
        km = _NAME_OF_KIND_NAME_RE.fullmatch(region.strip()) if " of the " in region else None
        if km is not None:
            # "Katrin Solvey of the brokerage Amsel Energy said": the person, not the firm
            s0 = lo + len(region) - len(region.lstrip())
            np0 = self.classify_np(s0, s0 + len(region.strip()), last_source)
            if np0 is not None and np0.kind == "other" and np0.name:
                return np0
        nm = _NAME_AT_END_RE.search(region)
        if nm and (pp := _IN_PLACE_TAIL_RE.search(region, 0, nm.start())) is not None:
            words = region[: pp.start()].split()
            if words and words[-1][:1].isupper() and fold(words[-1]) not in _NOT_A_NAME:
                # "The Palace of Lanterns in Marrowgate said": the name before "in <Place>"
                np0 = self.subject_np(lo, lo + pp.start(), last_source, agents)
                if np0 is not None and np0.kind in ("actor", "org", "other"):
                    return np0
        if nm:
            s0 = lo + nm.start()
            if (
                fold(nm.group(0).split()[-1]) in self.lex.body_names
                and (am := _NAME_AND_BEFORE_RE.search(self.plain, max(0, s0 - 60), s0)) is not None
            ):
                s0 = am.start()  # "The Competition and Markets Board": one body's name
            s = self.of_phrase_start(lo, s0)
            words = self.plain[s:end].split()
            if (
                s - 4 >= lo
                and self.plain.startswith("the ", s - 4)
                and (
                    self.pat["role"].fullmatch(fold(words[-1]))
                    or (len(words) > 1 and all(w[:1].isupper() for w in words))
                )
            ):
                # "the Speaker", "the Chancellor": a title with its article; "the National
                # Emergency Agency", "the Valdrin Policy Forum": a name with its article
                s -= 4
                words = self.plain[s:end].split()
            body_end = fold(words[-1]) in self.lex.body_names  # ("The X and Y Board")
            keeps_the = len(words) > 1 and (
                (
                    fold(words[0]) == "the"
                    and (
                        bool(self.pat["role"].fullmatch(fold(words[-1])))
                        or (
                            len(words) > 2
                            and all(w[:1].isupper() or (w == "and" and body_end) for w in words[1:])
                        )
                    )
                )
                or (s < s0 and fold(words[0]) in _DETERMINER_SET)
            )  # "The Meridian Institute", "The Kallo Herald", "A minister of Morvia"
            adverbials = self.lex.adverbials  # "Meanwhile Morvia said": not a name's word
            while (
                words
                and not keeps_the
                and (fold(words[0]) in _FUNCTION_WORDS or fold(words[0]) in adverbials)
                and not (  # "Last Tide, a youth group, said": a name's first word
                    fold(words[0]) in _NAME_WORD_ADVERBS
                    and len(words) > 1
                    and words[0][:1].isupper()
                    and words[1][:1].isupper()
                )
            ):
                s = self.plain.index(words[1], s) if len(words) > 1 else end
                words = words[1:]
            if words:
                rb = self.pat["role_before"].search(self.folded[lo:s])
                if rb:
                    s = lo + rb.start()
                return self.classify_np(s, end, last_source)
        ps = self.plural_by_end.get(end, -1)
        if ps >= lo:  # "Both men told reporters …": a plural reference that is no role
            return self.classify_np(ps, end, last_source)
        fo = self.folded[lo:end]
        if " by " in fo or " from " in fo:
            dm = _DOC_ISSUED_BY_END_RE.search(fo)
            if dm is not None:  # "A statement issued by the ministry said": the document
                return self.classify_np(lo + dm.start(), end, last_source)
        if "suit" in fo and (sm := _THE_SUIT_END_RE.search(fo)) is not None:
            return self.classify_np(lo + sm.start(), end, last_source)  # "The suit accuses"
        for key in ("role_np_end", "doc_np_end"):
            rm = self.pat[key].search(fo)
            if rm:
                return self.classify_np(lo + rm.start(), end, last_source)
        if self.actors._sides:
            sm = _SIDE_END_RE.search(fo)
            if sm is not None and sm.group(1) in self.actors._sides:  # "The French side said"
                return self.classify_np(lo + sm.start(), end, last_source)
        om = _NAME_OF_PLACE_RE.fullmatch(self.plain, lo + len(fo) - len(fo.lstrip()), end)
        if om is not None and fold(om.group(1).split()[0]) not in _FUNCTION_WORDS:
            # "Bohdar Dolan of the Halvetsk region said": the person (the rest a modifier)
            np = self.classify_np(om.start(1), om.end(), last_source) or self.classify_np(
                om.start(1), om.end(1), last_source
            )
            if np is not None and np.kind == "other" and np.name:
                return np
        return self.agent_np(lo, end) if agents else None  # "The mediator said"

    def relative_antecedent(
        self, lo: int, verb_start: int, last_source: _NP | None, word: str = "who"
    ) -> _NP | None:
        """The person a ``, who <verb>`` clause is about, when that verb reports.

        Args:
            lo: Where the antecedent may start at the earliest.
            verb_start: Start of the reporting verb right after ``word``.
            last_source: The last source named (for documents).
            word: "who", or "which" for a body (", the union, which said …").

        Returns:
            The antecedent (an actor, a pronoun's referent or another person; for "which" an
            actor's body or another body), or None when no comma stands before ``word`` or
            the antecedent is of the wrong kind.
        """
        w = self.folded.rfind(word, lo, verb_start)
        comma = lo + len(self.plain[lo:w].rstrip()) - 1
        if w < 0 or comma <= lo or self.plain[comma] != ",":
            return None
        np = None
        by = self.folded.rfind(" by ", lo, comma)
        if word == "who" and by >= 0 and self.plain.count(",", by, comma) <= 1:
            # "… was carried to Lissen by its ambassador, Dorel Mannik, who told …": the agent
            # of the passive, not the clause before it
            a0 = by + 4
            np = (
                self.appositive_np(a0, comma, last_source)
                if "," in self.plain[a0:comma]
                else self.subject_np(a0, comma, last_source)
            )
            if np is not None and np.kind not in ("actor", "pronoun", "other"):
                np = None
        if (
            np is None
            and word == "who"
            and (pm := _LAST_PREP_RE.match(self.folded, lo, comma)) is not None
        ):
            before = self.folded[lo : pm.end()].split()
            head = before[-2] if len(before) > 1 else ""
            if head and not self.pat["role"].fullmatch(head) and head not in self.lex.institutions:
                # "The plan drew fire from opposition deputies, who said …": the people after
                # the preposition (not "the wife of Ondrey, who said": a role heads the phrase)
                np2 = self.subject_np(pm.end(), comma, last_source)
                if np2 is not None and np2.kind in ("actor", "other", "joint"):
                    np = np2
        np = (
            np
            or self.appositive_np(lo, comma, last_source)
            or self.subject_np(self.boundary_before(lo, comma), comma, last_source)
        )
        if word == "which":
            pm = _LAST_PREP_RE.match(self.folded, lo, comma)
            if pm is not None:  # "… were disputed by the union, which said": the union
                np = self.subject_np(pm.end(), comma, last_source) or np
            if np is None or not (np.kind in ("org", "doc") or self._is_body(np)):
                return None
        elif np is None or np.kind not in ("actor", "pronoun", "other", "joint"):
            return None
        if not self.plain[self.boundary_before(lo, np.start) : np.start].strip(" ,\u2014-"):
            # "A soldier, who asked not to be named, said …", "Police, who said …, made no
            # arrests", "…, where Brannick, who said …, was meeting advisers": the antecedent
            # opens a clause and the relative clause is a parenthesis before its main verb
            return None
        return np

    def postmodified_subject(self, lo: int, end: int, last_source: _NP | None) -> _NP | None:
        """A role followed by a modifier before its verb, as the subject.

        "A person close to the talks said", "Officials familiar with the matter said",
        "Officials in both capitals said": the whole phrase; "A senior official who briefed
        reporters … said": the role before the relative clause.

        Args:
            lo: Where the subject may start at the earliest.
            end: End of the subject region (right before the verb).
            last_source: The last source named (for documents).

        Returns:
            The noun phrase, or None when no role heads such a phrase.
        """
        if self.folded.find(" ", lo, end) < 0:
            return None  # one word: no modifier
        for pm in _POSTMOD_RE.finditer(self.folded, lo, end):
            rb = self.pat["of_head"].search(self.folded, lo, pm.start())
            if rb is None:
                if (cm := _CLOSE_TO_SUBJECT_RE.fullmatch(self.folded, lo, end)) is not None:
                    # "A senior party figure close to Sarrow said": someone near the person
                    # named, as written (not that person)
                    s0 = cm.start(1)
                    raw = self.text[s0:end].rstrip(" ,")
                    how = "other speaker (someone close to another)"
                    return _NP(s0, s0 + len(raw), raw, "other", "", "", raw, how)
                continue
            if pm.group(1) is not None:  # a relative clause: its subject is the role
                np = self.classify_np(rb.start(), pm.start(), last_source)
                return self.identifying_relative(np, pm.start(), end)
            if pm.group("part") is not None and _OF_BEFORE_RE.search(self.folded, lo, rb.start()):
                continue  # "the photograph of the two leaders laughing on the quay said"
            return self.classify_np(rb.start(), end, last_source)
        if (pp := _PLURAL_WITH_PLACE_RE.fullmatch(self.plain, lo, end)) is not None:
            # "Fishermen in the delta say", "Fans in the north stand chanted": a plural noun
            # (no role of the lexicon) and where they are, opening the clause
            s0, e0 = pp.span(1)
            raw = self.text[s0:e0]
            return _NP(s0, e0, raw, "other", "", "", raw, "other speaker (people of a place)")
        dp = _DOC_PARTICIPLE_RE.search(self.folded, lo, end)
        if dp is not None and dp.start(1) >= lo:
            # "…, a memo seen by the Ledger says": the document (its participle is no part
            # of the source, as in "according to a statement released in the evening")
            np = self.classify_np(dp.start(1), dp.end(1), last_source)
            if np is not None and np.kind == "doc":
                return np
            if _DRAFT_HEAD_RE.search(self.folded, dp.start(1), dp.end(1)):
                # "A draft of the agreement seen by Northline says": the draft (no document
                # word of the lexicon: "the draft" is as often what is talked about)
                s0, e0 = dp.start(1), dp.end(1)
                raw = self.text[s0:e0]
                return _NP(s0, e0, raw, "doc", "", raw, how="document seen by a third party")
        return None

    def of_phrase_start(self, lo: int, s: int) -> int:
        """Start of the noun phrase a capitalised ``of`` complement at ``s`` belongs to.

        "The mayor of Kallo", "A minister of Morvia", "Prime Minister Jan Holt of Ruritania",
        "The Bank of England": the subject is the whole phrase, not the name after "of". The
        head before "of" is a role ("minister", "ministry", …) or a capitalised name; other
        words ("the fall of Morvia") leave ``s`` as it is.

        Args:
            lo: Where the subject may start at the earliest.
            s: Start of the capitalised name that ends the subject.

        Returns:
            The new start (``s`` when no such head precedes).
        """
        for _ in range(3):  # "the Minister of State of Ruritania"
            pp = _ROLE_PREP_BEFORE_RE.search(self.folded, lo, s)
            if pp is None or pp.start() <= lo:
                break
            rb = self.pat["of_head"].search(self.folded, lo, pp.start())
            if rb is not None:  # "the mayor of", "a spokesman for"
                s = rb.start()
                continue
            nm = _NAME_AT_END_RE.search(self.plain, lo, pp.start())
            if nm is None and pp.group(1) == "of":
                # "President Ansel Tarn of the republic of Norvia": "the republic" is itself
                # the complement of an "of" after a name; look before it
                tm = _OF_THE_PHRASE_END_RE.search(self.folded, lo, pp.start())
                if tm is not None and _NAME_AT_END_RE.search(self.plain, lo, tm.start()):
                    s = tm.start(1)
                    continue
            if nm is None or pp.group(1) != "of":  # a name takes "of" only: "Holt of Ruritania"
                break
            s = nm.start()
        return s

    def of_country_subject(self, lo: int, country: _NP, last_source: _NP | None) -> _NP | None:
        """The actor before "of <country>" ("President Dario Fenn of Morvia"), else ``country``.

        Only a configured actor replaces the country (an other speaker keeps no partial name).
        """
        m = _OF_BEFORE_RE.search(self.plain, lo, country.start)
        if m is None or m.start() <= lo:
            return country
        np = self.subject_np(lo, m.start(), last_source)
        return np if np is not None and np.kind == "actor" else country

    def _author_apposition(self, np: _NP, uend: int, last_source: _NP | None) -> _NP:
        """A document's author followed by ``, a <body kind> …``: the author is that body.

        "according to the latest report of the Lisard Health Watch, an agency based in Oss,":
        the description joins the source as written, and a later "the agency" is the Watch.
        """
        am = _APPOSITION_RE.match(self.plain, np.end, uend)
        if am is None or not _BODY_DESCRIPTION_RE.fullmatch(self.plain, am.start(1), am.end(1)):
            return np
        r0, r1 = am.span(1)
        if self._verb_between(r0, r1) or _RELATIVE_RE.match(self.plain, r0):
            return np
        role = self.classify_np(r0, r1, last_source) or self.agent_np(r0, r1)
        if role is None or role.kind != "other" or role.name or role.actor:
            return np
        heads = self.pat["role"].findall(fold(role.text))
        if not heads or not all(h in self.lex.institutions for h in heads):
            return np  # ("…, a researcher at Oss University": no body's description)
        self.body_roles[heads[0]] = (np.start, np.name)
        return dataclasses.replace(
            np, end=r1, text=self.text[np.start : r1], affiliation=self.text[np.start : r1]
        )

    def with_apposition(self, np: _NP, uend: int, last_source: _NP | None) -> _NP:
        """Add a following ``, role NP`` ("Dmitry Peskov, the Kremlin spokesman") to a name.

        A role followed by a name ("according to the party whip, Mira Delk, …") gives the name,
        with the role as its affiliation, as a subject "The party whip, Mira Delk, said" does.
        """
        if np.kind == "other" and not np.name and np.how == "other speaker (role)":
            return self._role_then_name(np, uend, last_source)
        if np.how == "other speaker (author of a document)" and np.name:
            return self._author_apposition(np, uend, last_source)
        if np.kind != "other" or np.affiliation:
            return np
        tail = self.plain[np.end : uend]
        am = _APPOSITION_RE.match(tail)
        rw = _RELATIVE_IN_RE.search(tail, 0, am.end(1) + 1 if am is not None else 120)
        if rw is not None and not _CLAUSE_PUNCT_RE.search(tail, 1, rw.start()):
            am = _APPOSITION_RE.match(tail[: rw.start()])  # "Dalia, a student at X whose …"
        if am and _AGE_RE.fullmatch(am.group(1).strip()):
            # '"…," said Wanda, 34, a nurse at the hospital': the role after the age
            age_end = np.end + am.end(1)
            am2 = _APPOSITION_RE.match(self.plain[age_end:uend])
            if (
                am2 is not None
                and not _RELATIVE_RE.match(self.plain, age_end + am2.start(1))
                and not _COORDINATOR_START_RE.match(self.plain, age_end + am2.start(1))
            ):
                r0, r1 = age_end + am2.start(1), age_end + am2.end(1)
                role = self.classify_np(r0, r1, last_source) or self.agent_np(r0, r1)
                if role is not None and role.kind == "other" and role.affiliation and not role.name:
                    e = age_end + am2.end(1)
                    how = "other speaker (name, role)"
                    name = np.name or np.text
                    return _NP(
                        np.start,
                        e,
                        self.text[np.start : e],
                        "other",
                        role.actor,
                        name,
                        role.text,
                        how,
                    )
            return np
        if not am or _RELATIVE_RE.match(self.plain, np.end + am.start(1)):
            return np  # '"…," said Holm, who chairs the committee': a clause, not a role
        r0, r1 = np.end + am.start(1), np.end + am.end(1)
        if self._verb_between(r0, r1):
            return np  # "According to the daily Courier, Ondrey told leaders …": a clause
        role = self.classify_np(r0, r1, last_source) or self.agent_np(r0, r1)
        if role is None or role.kind != "other" or not role.affiliation or role.name:
            return np
        e = np.end + am.end(1)
        how = "other speaker (name, role)" + (f", speaks for {role.actor}" if role.actor else "")
        return _NP(
            np.start,
            e,
            self.text[np.start : e],
            "other",
            role.actor,
            np.name or np.text,
            role.text,
            how,
        )

    def _role_then_name(self, np: _NP, uend: int, last_source: _NP | None) -> _NP:
        """``role, Name,`` after "according to" (or "came the reply from"): the named person."""
        head = self.folded[np.start : np.end].rsplit(None, 1)[-1]
        if head in self.lex.institutions or head in self.lex.body_names:
            return np  # "according to the ministry, Lena Ostby …": her words are the content
        am = _APPOSITION_RE.match(self.plain, np.end, uend)
        if am is None or self.plain[am.end(1) : am.end(1) + 1] not in (",", ".", ""):
            return np
        r0, r1 = am.span(1)
        nxt = _APPOSITION_RE.match(self.plain, r1, uend)
        if (
            nxt is not None
            and self.plain[nxt.end(1) : nxt.end(1) + 1] == ","
            and _DETERMINER_START_RE.match(nxt.group(1))
        ):
            return np  # "according to a spokesman, Tom Reed, the minister, resigned"
        if self._verb_between(r0, r1) or not self.is_proper_word(r0, r1):
            return np
        person = self.classify_np(r0, r1, last_source)
        if person is None or person.kind != "other" or not person.name or person.affiliation:
            return np
        return _NP(
            np.start,
            r1,
            self.text[np.start : r1],
            "other",
            np.actor,
            person.name,
            np.text,
            "other speaker (role, name)",
        )

    def appositive_np(self, unit_start: int, comma: int, last_source: _NP | None) -> _NP | None:
        """Subject written as ``Name, role,`` or ``role, Name,`` before the verb."""
        seg = self.plain[unit_start:comma]
        if seg.endswith(")") and (pe := _PAREN_END_RE.search(seg)) is not None:
            seg = seg[: pe.start()]  # "Another rebel, Callum Ash (Unity, Fenwick), asked"
        gm = _GAVE_NAME_RE.search(seg)
        if gm is not None and (pre := seg[: gm.start()]).count(",") <= (gm.group(0)[0] != ",") + (
            _OPENING_PREP_RE.match(pre) is not None  # "Outside the hall, one fan, a nurse who …"
        ):
            # "Another resident, who gave only his first name, Ilian, for fear of reprisals,
            # said": the name given; "One of them, a welder who gave his name only as Jens,
            # said": the description before it, after the comma
            s0, e0 = unit_start + gm.start(1), unit_start + gm.end(1)
            head = self.plain[unit_start : unit_start + gm.start()].split(",")[-1].strip()
            how = "other speaker (name, role)"
            return _NP(s0, e0, self.text[s0:e0], "other", "", self.text[s0:e0], head, how)
        np = self._appositive_in(seg, unit_start, last_source)
        rel = _COMMA_RELATIVE_RE.search(seg)
        if (
            rel is not None
            and "," in seg[rel.end() :]
            and (
                np is None
                or _RELATIVE_RE.match(np.text)
                or (np.start > unit_start + rel.start() and not _OPENING_PREP_RE.match(seg))
            )
        ):
            # "Maja Orlev, whose husband, Tomasz, was jailed, said", "Rusk, who met Dovren,
            # Malk and Rask, said", "Thale, speaking in the capital, Morrendal, called": the
            # relative or participle clause's own commas hold no apposition of the subject
            # (blanked, offsets kept), when no subject was found before the clause
            blanked = seg[: rel.end()] + seg[rel.end() :].replace(",", " ")
            np = self._appositive_in(blanked, unit_start, last_source) or np
        if np is not None and not np.name and seg.count(",") >= 2:
            last = seg.rindex(",")
            if _BODY_DESCRIPTION_RE.fullmatch(fold(seg[last + 1 :])) and self._body_word_re.search(
                fold(seg[last + 1 :])
            ):
                # "Marek Soline, a senior fellow at the Harrowmere Institute, a security think
                # tank in Salverne, said": the last apposition describes the body, not him
                inner = self._appositive_in(seg[:last], unit_start, last_source)
                if inner is not None and inner.name:
                    np = inner
        if (np is None or not np.name) and seg.count(",") >= 2:
            last = seg.rindex(",")
            if _DESCRIPTION_TAIL_RE.fullmatch(seg, last + 1):
                # "Dagny Ferro, head of the dockers' union, the country's largest union, said":
                # "Ana Holt, head of the federation, a former nurse, said": a second
                # description after the named person's role describes one of the two
                inner = self._appositive_in(seg[:last], unit_start, last_source)
                if inner is not None and inner.kind == "other" and inner.name:
                    np = inner
        return np

    def _appositive_in(self, seg: str, unit_start: int, last_source: _NP | None) -> _NP | None:
        """:meth:`appositive_np` on ``seg`` (the text from ``unit_start``, commas maybe blanked)."""
        m = _APPOSITIVE_RE.search(seg)
        if not m:
            return None
        a0, a1 = unit_start + m.start(1), unit_start + m.end(1)
        b0, b1 = unit_start + m.start(2), unit_start + m.end(2)
        first = self.subject_np(a0, a1, last_source) or self.classify_np(a0, a1, last_source)
        if first is not None and first.kind == "country":
            first = self.of_country_subject(a0, first, last_source)  # "Fenn of Morvia, who …,"
        if first is None:
            if not _DETERMINER_OPENING_RE.match(self.plain, a0, a1):
                return None
            dp = _DOC_PARTICIPLE_RE.fullmatch(self.folded[a0:b1].replace(",", " "))
            if dp is not None and _DRAFT_HEAD_RE.search(dp.group(1)):
                # "The draft, seen by reporters, calls on …": the draft as in "A draft seen
                # by Northline says" (:meth:`postmodified_subject`), its participle in commas
                s0, e0 = a0 + dp.start(1), a0 + dp.end(1)
                raw = self.text[s0:e0]
                return _NP(s0, e0, raw, "doc", "", raw, how="document seen by a third party")
            # "The other guest on the panel, the economist Arvid Tamsen, said": a description
            # the lexicon lacks, then the person by role and name
            second = self.classify_np(b0, b1, last_source)
            return second if second is not None and second.kind == "other" and second.name else None
        second = self.classify_np(b0, b1, last_source)
        if second is None and first.kind == "other" and first.name:
            second = self.agent_np(b0, b1)  # "Jana Pruett, a customer in Kelderby, wrote"
        parenthesis = _RELATIVE_RE.match(self.plain[b0:b1]) or (
            _LOWER_RE.match(self.plain[b0:b1]) and _PARTICIPLE_START_RE.match(self.plain[b0:b1])
        )
        if parenthesis and first.kind == "other" and self.plain.rfind(",", unit_start, a0) >= 0:
            # "Casimir Renk, Kolmar's consul in Brinmoor, who attended, said", "Kareth's
            # president, Anja Rell, speaking beside him, said", "Korlund's captain, Ruben
            # Maltby, 31, whose penalty was saved, told": the name and its role before it
            named = self.appositive_np(unit_start, a1, last_source)
            if (
                named is not None
                and named.kind == "other"
                and not self.plain[unit_start : named.start].strip(" \u2014-\"'")
            ):
                return named  # (not "In Kessel, the mayor, who …": a place opens the unit)
        if _RELATIVE_RE.match(self.plain[b0:b1]) or _AND_RELATIVE_RE.match(self.plain, b0, b1):
            # "Zelensky, who was briefed by Macron, said"; "An aide who sat in on the talks,
            # and who asked not to be named, said": a second relative clause of the subject
            return first
        if _AGE_RE.fullmatch(self.plain[b0:b1].strip()):
            return first  # "Tevik, 63, said": an age, not a second noun phrase
        lower_second = bool(_LOWER_RE.match(self.plain[b0:b1]))
        if first.kind == "doc" and lower_second and _CLAUSE_START_RE.match(self.plain[b0:b1]):
            # "The statement, issued by Tarrade's office, said": the issuer names the actor
            actor = second.actor if second is not None and second.actor else first.actor
            if not actor and (bm := _ISSUED_BY_AGENT_RE.match(self.plain, b0, b1)) is not None:
                agent = self.classify_np(bm.start(1), bm.end(1), last_source)
                if agent is not None and agent.kind == "other" and (agent.name or agent.text):
                    # "The petition, organised by the Harbour Swimmers' Club, says": the club
                    # speaks, the document as written is the source
                    how = "other speaker (issuer of a document)"
                    name = agent.name or agent.text
                    return _NP(
                        first.start, first.end, first.text, "other", "", name, first.text, how
                    )
            how = f"document issued by {actor}" if actor != first.actor else first.how
            return _NP(first.start, first.end, first.text, "doc", actor, first.name, "", how)
        if second is None and lower_second and _INDEFINITE_RE.match(self.plain[b0:b1]):
            return first  # "Her late father, a schoolteacher, said": a description
        if (
            first.kind == "actor"
            and lower_second
            and _INDEFINITE_RE.match(self.plain[b0:b1])
            and all(m.actor == first.actor for m in self.mentions_in(b0, b1) if m.actor)
        ):
            # "Mira Sandoval, a teacher who founded Breathe Marrenburg, said": a description,
            # naming at most the actor's own organization
            return first
        if (
            second is None
            and first.kind == "other"
            and first.name
            and self.plain[b0:b1].lstrip().startswith("the ")
        ):
            return first  # "Kofi Arnesen-Bah, the 20-year-old midfielder, said": a description
        if lower_second and _QUANTIFIER_APPOSITION_RE.match(self.plain, b0, b1):
            return first  # "Forty scientists, most of them hydrologists, said": who they are
        if (
            lower_second
            and first.kind in ("actor", "org", "other", "pronoun")
            and not self.plain[unit_start:a0].strip(" \u2014-\"'")  # (it opens the unit)
            and (
                (
                    (am := self.pat["lead_adv"].match(self.folded, b0, b1)) is not None
                    and am.end() > b0 + 3
                    and _OPENING_PREP_RE.match(self.plain, b0, b1)
                )
                or _IN_PLACE_RE.fullmatch(self.plain, b0, b1)
                or _REACTION_RE.fullmatch(self.plain, b0, b1)
            )
        ):
            # "Kesmark's embassy, in a statement relayed to the media on Friday, said", "Olun,
            # in Lissen, said": the occasion or place, however it goes on, is no second noun
            # phrase (not "… when Tollander, in her closing statement, called him …")
            return first
        if lower_second and (
            _PARTICIPLE_START_RE.match(self.plain[b0:b1])
            or _PASSIVE_PARENTHESIS_RE.match(self.plain[b0:b1])
        ):
            # "A minister, speaking on state television, said": a participle; "The ministry,
            # accused by doctors of hiding figures, said": a passive one
            return first
        if (
            first.kind == "other"
            and first.name
            and first.affiliation
            and lower_second
            and self.folded.startswith("of ", b0)
        ):
            # "Representative Paul Ekholm, of the opposition Green Union, said": the titled
            # person, whatever body the "of" phrase names
            return first
        if second is not None and second.kind == "pronoun" and lower_second:
            second = None  # "Putin, for his part, said"
        # "<Name>, <a description naming an actor>,": a person described by an actor
        named_by_actor = (
            second is not None
            and second.kind == "actor"
            and first.kind == "other"
            and bool(first.name)
            and lower_second
        )
        if named_by_actor and _RELATION_TAIL_RE.search(fold(second.text)):
            # "Mrs Brask, the prime minister's mother-in-law, said": a person described by
            # her relation to the actor, who speaks about the actor, not for her
            how = "other speaker (name, relation of an actor)"
            text = self.text[first.start : b1]
            return _NP(first.start, b1, text, "other", "", first.name, second.text, how)
        if (
            named_by_actor
            and (rm := _AGENT_OF_ACTOR_RE.match(self.plain, b0, b1)) is not None
            and any(
                m.actor == second.actor and m.start == rm.end() for m in self.mentions_in(b0, b1)
            )
        ):
            # "Ivo Brandt, the notary acting for Vell, said": a person who works for the actor,
            # described by a noun the lexicon lacks (not the actor: "Vell, the president,")
            how = f"other speaker (name, role), speaks for {second.actor}"
            text = self.text[first.start : b1]
            role = self.text[b0:b1].strip()
            return _NP(first.start, b1, text, "other", second.actor, first.name, role, how)
        if second is None:
            # "Almeida, speaking after the meeting, said" / "X, who …, said" / "X, meanwhile, said"
            if lower_second and first.kind in ("actor", "pronoun", "org"):
                return first
            if first.kind == "other" and self.pat["lead_adv"].fullmatch(self.folded[b0:b1]):
                return first
            if first.kind == "other" and _CLAUSE_START_RE.match(self.plain[b0:b1]):
                return first
            if first.kind == "other" and _ADJECTIVE_PARENTHESIS_RE.fullmatch(self.plain, b0, b1):
                return first  # "Sall, visibly upset, told reporters": how he was
            return None
        if first.kind == "joint" and (
            (second.kind == "actor" and second.actor in first.actor.split("+"))
            or (second.kind in ("other", "country") and not second.name)
        ):
            # "Sol and the environment minister, Eskil Fiss, said", "Sol and Fiss, the
            # environment minister, said", "Sol and Fiss, Brann's minister, said": the last of
            # the pair, named or described again (not another person's name)
            return first
        if first.kind in ("actor", "pronoun") and second.kind in ("actor", "other"):
            if second.kind == "actor" and second.actor != first.actor:
                return None
            return first
        if first.kind == "actor" and second.kind == "org" and second.actor == first.actor:
            if lower_second:
                # "Ilse Varn, the chief executive of the Port Authority, said": her post in
                # her own configured body describes the actor, who speaks
                return first
        if first.kind == "other" and first.name and second.kind == "doc" and lower_second:
            # "Marit Olun, the letter's first signatory, said": a person described by a
            # document she wrote or signed, not the document
            return _NP(
                first.start,
                b1,
                self.text[first.start : b1],
                "other",
                "",
                first.name,
                self.text[b0:b1].strip(),
                "other speaker (name, role)",
            )
        a0s = b0 + len(self.plain[b0:b1]) - len(self.plain[b0:b1].lstrip())
        b1s = b0 + len(self.plain[b0:b1].rstrip(" ,"))
        whole = any(
            m.actor
            and (
                (
                    m.start == a0s
                    and m.end == b1s
                    and (
                        not m.person
                        or self.folded[m.start : m.end].rsplit(None, 1)[-1] in self.lex.offices
                    )
                )
                or (
                    m.start - a0s in (0, 4)
                    and _POSSESSIVE_OFFICE_RE.fullmatch(self.folded, m.end, b1s)
                    and self.folded[m.end : b1s].split()[-1] in self.lex.offices
                )
            )
            for m in self.mentions_in(a0s, b1s)
        )  # (the apposition is the office, not "a think-tank close to the president's office")
        if first.kind == "org" and second.kind == "org" and second.actor == first.actor and whole:
            return first  # "Calder House, the prime minister's office, said": one body
        if (
            second.kind == "org"
            and whole
            and first.kind == "other"
            and first.text[:1].isupper()
            and fold(second.text).rsplit(None, 1)[-1] in self.lex.offices
        ):
            # "The Veska Office, the prime minister's office, said": the actor's office,
            # by the name it is written with (the source, as "Calder House said" has it)
            how = "organization named by its apposition"
            return _NP(first.start, b1, first.text, "org", second.actor, how=how)
        if first.kind == "other" and not first.name and second.kind == "actor":
            return second  # "Her rival, Kasimir Oudt, has called her …": the named actor
        titled_then_role = bool(
            first.kind == "other"
            and first.name
            and first.affiliation
            and _ONE_TITLE_RE.fullmatch(first.affiliation)
            and second.kind == "other"
            and not second.name
            and lower_second
        )  # "Colonel Ruben Aldis, a spokesman …", "Senator Rodrigo Obregón, the … cousin,"
        if titled_then_role and self.job_apposition(self.plain[b0:b1]):
            # "Colonel Ruben Aldis, a spokesman for the Kestovian army, said": the role after
            # the name says more than the rank before it (a job at a place or body: not "a
            # former prosecutor", "a critic of the government", "a mother of three")
            first = dataclasses.replace(first, affiliation="")
        elif titled_then_role and not second.actor:
            # "Senator Rodrigo Obregón, the minister's cousin, said": the titled person, whom
            # the apposition describes (a relation, not a job: the title stays the source)
            return first
        if first.kind == "other" and not first.affiliation and second.kind in ("other", "org"):
            if second.kind == "org" or second.affiliation or second.name == "":
                return _NP(
                    first.start,
                    b1,
                    self.text[first.start : b1],
                    "other",
                    second.actor,
                    first.name or first.text,
                    self.text[b0:b1].strip(),
                    "other speaker (name, role)"
                    + (f", speaks for {second.actor}" if second.actor else ""),
                )
        if (
            first.kind == "other"
            and first.affiliation
            and not first.name
            and second.kind == "other"
            and second.name
            and second.affiliation
            and second.text.startswith(second.affiliation)
            and second.affiliation[:1].isupper()
        ):
            # "the ministry's spokesman, Lieutenant General Evgen Ostrin, said": the role
            # before the titled name is the source
            second = _NP(second.start, second.end, second.name, "other", "", second.name)
        if (
            first.kind == "other"
            and first.affiliation
            and second.kind == "other"
            and not second.affiliation
        ):
            kind_words = fold(first.text).split()
            if (
                not first.actor
                and kind_words[-1:]
                and kind_words[-1] in self.lex.institutions
                and _BODY_KIND_RE.fullmatch(fold(first.text))
                and second.text[:1].isupper()
            ):
                # "His club, Saltmere United, said": a body named after its kind, which is no
                # intermediary (a later "the club" is that body)
                self.body_roles[kind_words[-1]] = (first.start, second.text)
                how = "other speaker (kind, name), a body"
                return _NP(
                    first.start, b1, self.text[first.start : b1], "other", "", second.text, "", how
                )
            return _NP(
                first.start,
                b1,
                self.text[first.start : b1],
                "other",
                first.actor,
                second.name or second.text,  # ("Petra Lund of the Vellstad Courier": her name)
                first.text,
                "other speaker (role, name)"
                + (f", speaks for {first.actor}" if first.actor else ""),
            )
        if (
            first.kind == "other"
            and second.kind == "other"
            and lower_second
            and _INDEFINITE_RE.match(self.plain[b0:b1])
        ):
            return first  # "The Pelsoran Households Union, a consumer group, said": described
        if (
            first.kind == "other"
            and not first.name
            and second.kind == "other"
            and second.name
            and second.affiliation
            and not first.actor
        ):
            # "The senior adviser, the economist Arvid Tamsen, said": the person named with a
            # second role; the first description is the source (not a part he plays in the
            # scene: "The other guest, the economist …" has the economist)
            how = "other speaker (role, role and name)"
            situational = fold(first.text).rsplit(None, 1)[-1].rstrip("s") in _RELATIONAL_ROLES
            return _NP(
                first.start,
                b1,
                self.text[first.start : b1],
                "other",
                second.actor,
                second.name,
                second.affiliation if situational else first.text,
                how,
            )
        return None

    # -- frames -------------------------------------------------------------------------------
    def boundary_before(self, lo: int, pos: int) -> int:
        """Offset just after the last clause boundary in ``lo``…``pos``."""
        best = lo
        if self.fast_paths:
            k = bisect_left(self.quote_starts, pos)  # the quotes starting before ``pos``
            if not k or self.quote_max_end[k - 1] <= lo:
                # no quote holds an offset of lo…pos (``in_quote`` is None for every match):
                # every boundary counts, and the last one wins
                last = None
                for mt in _BOUNDARY_RE.finditer(self.folded, lo, pos):
                    if not self.inside_name(mt.start()):
                        last = mt  # (not the "and" of "the Federation of Dock and Rail Workers")
                if last is not None and self.demonstrative_opening(last):
                    return best  # "That person said": a determiner, no boundary
                return best if last is None else last.end()
        for m in _BOUNDARY_RE.finditer(self.folded, lo, pos):
            if self.demonstrative_opening(m) or self.inside_name(m.start()):
                continue  # "That person said": a determiner, no boundary
            q = self.in_quote(m.start())
            if m.group(0) == '"' or q is None or q.start == m.start() or q.end - 1 == m.start():
                best = m.end()
            elif q is not None and not q.double and not self.single_style:
                best = m.end()
            elif q is not None and m.start() == q.end - 2 and m.group(0) in ",?!":
                best = m.end()  # "'We will win,' said X": the quotation's last mark (UK style)
        return best

    def inside_name(self, pos: int) -> bool:
        """Whether ``pos`` is inside (not at the start of) an actor's name or office mention.

        Example: the "and" of "The Federation of Dock and Rail Workers", configured as an
        actor's name, is no clause boundary.
        """
        i = bisect_right(self.mention_starts, pos) - 1
        if i < 0:
            return False
        m = self.mentions[i]
        return m.start < pos < m.end and bool(m.actor) and not m.pronoun

    def demonstrative_opening(self, m: re.Match[str]) -> bool:
        """Whether a boundary match is "that" opening a sentence as a determiner.

        "That person said", "That official told …": a word or two follow it, then a verb of
        speaking, not a clause.
        """
        if m.group(0) != "that":
            return False
        k = bisect_left(self.sentence_starts, m.start() + 1) - 1
        if k < 0 or self.plain[self.sentences[k].start : m.start()].strip(" \"'(\u201c\u2018"):
            return False
        return _DEMONSTRATIVE_NOUN_RE.match(self.folded, m.end()) is not None

    def skip_adverbials(self, pos: int, end: int) -> int:
        """Move ``pos`` right over adverbials after a verb ("in a statement on Monday")."""
        while True:
            m = self.pat["post_adv"].match(self.folded, pos, end)
            if not m or m.end() == pos:
                return pos
            pos = m.end()

    def outside_quotes(self, pos: int) -> bool:
        return self.in_quote(pos) is None

    def saying_frames(
        self, ustart: int, uend: int, prev_end: int, last_source: _NP | None, frames: list[_Frame]
    ) -> int:
        """Frames of "S quoted X as saying", "X was quoted by S as saying", "X issued … saying".

        X is the speaker (a leading frame of "say" whose content follows "saying"), S the source
        (an "according to" frame); in "X was quoted in a release as saying" the document is the
        occasion, no source (as in "X said in a statement"), and so is the statement X issued.
        The passive without an agent ("X was quoted as saying") is a periphrasis of "say" in
        the verb lexicon instead.

        Args:
            ustart: Start of the unit.
            uend: End of the unit.
            prev_end: End of the frames found so far in the unit.
            last_source: The last source named (for documents).
            frames: The unit's frames; the new ones are appended.

        Returns:
            The end of the frames found (``prev_end`` when there are none).
        """
        lo = max(prev_end, ustart)
        src: _NP | None = None
        if (pm := _QUOTED_BY_AS_RE.search(self.folded, lo, uend)) is not None:
            # "X was quoted by the newspaper as saying" ("quoted in the ministry's release":
            # the occasion, as "said in a statement")
            spk = self.subject_np(self.boundary_before(lo, pm.start()), pm.start(), last_source)
            head = self.plain[lo : pm.start()].rstrip()
            if spk is None and head.endswith(","):
                # "Coach Viktor Aas, whose side lost the semi-final, was quoted by the Herald
                # as saying": the subject before its relative clause
                spk = self.appositive_np(ustart, lo + len(head) - 1, last_source)
            if pm.group(1) == "by":
                a0, a1 = pm.span(2)
                src = self.classify_np(a0, self.audience_end(a0, a1), last_source)
        elif (pm := _QUOTED_AS_RE.search(self.folded, lo, uend)) is not None:
            # "The newspaper quoted her as saying"; "Rigsposten, which is close to the
            # government, quoted …"
            src = self.subject_np(self.boundary_before(lo, pm.start()), pm.start(), last_source)
            if src is None and self.plain[lo : pm.start()].rstrip().endswith(","):
                comma = lo + len(self.plain[lo : pm.start()].rstrip()) - 1
                src = self.appositive_np(ustart, comma, last_source)
            a0, a1 = pm.span(1)
            spk = (
                self.classify_np(a0, self.audience_end(a0, a1), last_source)
                if src is not None
                else None
            )
        elif (pm := _ISSUED_SAYING_RE.search(self.folded, lo, uend)) is not None and (
            not self.folded.endswith("urging", pm.start(), pm.end())
            or _OBJECT_OF_TO_RE.match(self.folded, pm.end(), uend)
        ):
            # "X's office issued a statement saying …"; "… a letter urging both leaders to …"
            spk = self.subject_np(self.boundary_before(lo, pm.start()), pm.start(), last_source)
            head = self.plain[lo : pm.start()].rstrip()
            if spk is None and head.endswith(","):  # "40 scientists, most of them …, published"
                spk = self.appositive_np(ustart, lo + len(head) - 1, last_source)
            if spk is not None:  # ('"…," the letter reads.' later: theirs)
                self.register_documents(self.folded[pm.start() : pm.end()], spk)
        elif (
            (pm := _SHOWN_SAYING_RE.search(self.folded, lo, uend)) is not None
            or (pm := _RECALLS_SAYING_RE.search(self.folded, lo, uend)) is not None
        ) and (
            # "showed X saying (that) …", not "showed X saying goodbye"
            pm.group(2) == "telling"
            or _REPORTED_CLAUSE_RE.match(self.folded, pm.end(), uend)
            or self.folded.startswith(" that ", pm.end())
        ):
            # "State television showed X telling a cabinet meeting that …" / "X was shown saying";
            # "He recalls the colonel telling him that …" (the colonel speaks, in his memory)
            before = self.subject_np(self.boundary_before(lo, pm.start()), pm.start(), last_source)
            if pm.group(1) is None:
                spk = before
            else:
                src, (a0, a1) = before, pm.span(1)
                spk = self.classify_np(a0, self.audience_end(a0, a1), last_source)
        else:
            return prev_end
        if spk is None:
            return prev_end
        cstart = pm.end()
        addressee = None
        if self.folded.endswith("telling", pm.start(), pm.end()):
            # "The memo quotes X as telling Y: …" / "showed X telling a cabinet meeting that"
            addressee, cstart = self.addressee_after(cstart, uend, last_source)
            if addressee is not None and (
                not _named_audience(addressee) or addressee.actor == spk.actor
            ):
                addressee = None  # (a generic audience; not the speaker)
        cm = _COMPLEMENTIZER_RE.match(self.folded, cstart, uend)
        cstart = cm.end() if cm else cstart
        verb = self.text[pm.start() : pm.end()].strip()
        if src is not None:
            first = min(spk.start, src.start)
            frames.append(_Frame("acc", src, "", "according to", first, src.end, src.end))
        frames.append(_Frame("leading", spk, verb, "say", spk.start, cstart, cstart, addressee))
        for np in (src, spk):
            if np is not None and np.kind == "other":
                self.add_other_person(np, self._sent_of(np.start), np is spk)
        return pm.end()

    def audience_end(self, start: int, end: int) -> int:
        """End of an addressee phrase before a time or place ("a party congress | in March")."""
        cut = _AUDIENCE_CUT_RE.search(self.folded, start, end)
        return cut.start() if cut is not None and cut.start() > start else end

    def addressee_after(
        self, pos: int, end: int, last_source: _NP | None
    ) -> tuple[_NP | None, int]:
        """Addressee after a verb such as 'told', 'asked', 'called on': returns (np, new pos)."""
        seg = self.folded[pos:end]
        m = (_ADDRESSEE_FAST_RE if self.fast_paths else _ADDRESSEE_RE).match(seg)
        if not m or len(m.group(1).split()) > 5 or "'" in m.group(1):
            proper = _PROPER_ADDRESSEE_RE.match(self.plain[pos:end])
            if proper:
                m = proper  # "told the BBC the government had …": a name, then the clause
        if not m:
            return None, pos
        s, e = pos + m.start(1), pos + m.end(1)
        if self.folded[s:e].split()[0] in ("that", "to", "it"):
            return None, pos
        for cut in _SECOND_DETERMINER_RE.finditer(self.folded, s, e):
            if cut.group(1) not in _NP_CONTINUING_WORDS and cut.group(1) not in _DETERMINER_SET:
                e = cut.end(1)  # "told Prestan the treaty was …": the clause opens at "the"
                break
        if (
            self.plain[e - 1 : e].isalpha()
            and self.plain[self.plain.rfind(" ", s, e) + 1].isupper()
        ):
            om = _OF_NAME_RE.match(self.plain, e, end)
            if om is not None:
                e = om.end()  # "told the Assembly of the Lake States that": one name
        elif (om := _OF_PHRASE_THAT_RE.match(self.folded, e, end)) is not None:
            e = om.end(1)  # "told the president of the republic that": one noun phrase
        pc = _PRONOUN_CLAUSE_RE.search(self.folded, s, e)
        if pc is not None:
            e = pc.start()  # "told Meridia TV she will return …": the clause starts at "she"
        np = self.classify_np(s, self.audience_end(s, e), last_source)
        if np is None or np.kind in ("doc",):
            # "telling a packed hall that …": an audience the rules do not know, then the words
            return None, (e if _THAT_TO_AFTER_RE.match(self.folded, e, end) else pos)
        if not _named_audience(np):
            return None, e
        return np, e

    def frames_in(
        self, ustart: int, uend: int, last_source: _NP | None, section: str
    ) -> list[_Frame]:
        """Find every attribution frame in a unit (one or more sentences)."""
        frames: list[_Frame] = []
        prev_end = ustart
        if section in ("headline", "standfirst"):
            cm = _COLON_PREFIX_RE.match(self.plain[ustart:uend])
            occasion = (
                cm is not None
                and _NO_SOURCE_PREFIX_RE.search(cm[1]) is not None
                and self.plain[ustart + cm.end(0) - 1] not in _OPEN_QUOTES  # (the first \S)
            )  # "Rudka at 100 days: a presidency adrift" (not "Rusk at 100 days: "…"")
            if cm and len(cm.group(1).split()) <= 5 and not occasion:
                s, e = ustart + cm.start(1), ustart + cm.end(1)
                np = None if self._verb_between(s, e) else self.classify_np(s, e, last_source)
                cs = ustart + cm.end(0) - 1
                k2 = bisect_left(self.verb_hits, (cs,))
                if (
                    np is not None
                    and np.kind not in ("actor", "org", "country", "joint")
                    and any(w[:1].islower() for w in cm.group(1).split()[1:])
                    and k2 < len(self.verb_hits)
                    and self.verb_hits[k2][0] < uend
                    and self.plain[cs : self.verb_hits[k2][0]].strip()
                    and self._clause_subject(cs, self.verb_hits[k2][0])
                ):
                    # "Two readouts, one meeting: Varnek and Holloway tell different stories":
                    # the words after the colon have their own subject and verb, the prefix (no
                    # name: not "Kestria: Omar warned …", a source) is a label
                    np = None
                if (
                    np is not None
                    and np.kind == "other"
                    and (
                        not self.is_proper_word(s, e)
                        or (
                            fold(cm.group(1)) in _SECTION_LABELS
                            and cm.group(1).strip() not in self.surnames
                        )
                    )
                ):
                    np = None  # "Analysis: …", "Live: …": a section label, not a source
                if np is not None:
                    frames.append(_Frame("colon", np, ":", ":", s, cs, cs))
                    prev_end = cs
            qm = _QUOTE_COLON_NAME_ON_RE.match(self.plain, ustart, uend)
            if qm is not None:
                # '"We will stay out": Kit Ambrose on the strike': the name after the colon
                s, e = qm.span(1)
                np = self.classify_np(s, e, last_source)
                if np is not None and (np.kind == "actor" or self.is_proper_word(s, e)):
                    frames.append(_Frame("trailing", np, ":", ":", s, e, e))
        if self.folded.startswith("in ", ustart):
            # "In Fenn's words, …" / "In comments carried by <outlet>, X said …"
            pm = _IN_PREFIX_RE.match(self.folded, ustart, uend)
        elif self.folded.find(" words", ustart, uend) >= 0:
            # "The bridge, in Fenn's words, is "…"": reported when no verb comes before it
            pm = _IN_WORDS_MID_RE.search(self.folded, ustart, uend)
            if pm and self._verb_between(ustart, pm.start()):
                pm = None
        else:
            pm = None
        if pm:
            g = next(g for g in (1, 2, 3) if pm.group(g) is not None)
            s, e = pm.span(g)
            if g == 3:
                e = self.audience_end(s, e)  # "broadcast by KTV-1 | on Wednesday evening,"
            np = self.classify_np(s, e, last_source)
            if np is not None and np.kind != "country":
                start = ustart if pm.start() == ustart else pm.start() + 1
                lemma = "according to" if g == 3 else _IN_WORDS  # (the frame ends at ", ")
                frames.append(_Frame("acc", np, "", lemma, start, pm.end(), pm.end()))
                if np.kind == "other":  # (a source: a "he" or "she" prefers a subject)
                    self.add_other_person(np, self._sent_of(np.start), False)
                prev_end = pm.end()
        if self._has_hit(self.saying_hits, max(prev_end, ustart), uend):
            prev_end = self.saying_frames(ustart, uend, prev_end, last_source, frames)
        verb_hits, quote_starts = self.verb_hits, self.quote_starts
        quote_max_end = self.quote_max_end
        i = bisect_left(verb_hits, (ustart, 0))
        while i < len(verb_hits) and verb_hits[i][0] < uend:
            v0, v1 = verb_hits[i]
            i += 1
            if v0 < prev_end or v1 > uend:
                continue
            if self.in_parenthetical_relative(ustart, v0, uend):
                continue  # "A former deputy governor, who … because he still advises the bank,
                # said …": the main verb after the parenthesis reports
            k = bisect_right(quote_starts, v0)  # (no quote holds ``v0`` unless one is open)
            if k and quote_max_end[k - 1] > v0 and not self.outside_quotes(v0):
                continue
            form = self.folded[v0:v1]
            if not form.isalpha():  # "called  on" -> "called on" (one word: nothing to do)
                form = _SPACES_RE.sub(" ", form)
            lemma, frame = self.lex.verbs.get(form) or self.lex.headline_verbs[form]
            if (
                form == lemma
                and section in ("headline", "standfirst")
                and i < len(verb_hits)
                and verb_hits[i][0] - v1 == 1
                and self.folded[v1] == " "
                and self.folded[verb_hits[i][1] - 1] == "s"  # (the next verb agrees: "praises")
                and not self._prev_word(v0).endswith("s")  # (not "Dockers demand answers")
            ):
                continue  # "Ostranan press praises Keld": a bare noun before the verb
            if lemma == "want to know" and (
                not _WH_AFTER_RE.match(self.folded, v1, uend) or self._prev_word(v0) in _MODALS
            ):
                continue  # "Voters want to know the truth", "Investors will want to know …"
            verb_text = self.text[v0:v1]
            if (
                not frames
                and self.folded.find("as ", max(ustart, v0 - 40), v0) >= 0
                and self._has_hit(self.participle_hits, ustart, v0)
                and _AS_CLAUSE_RE.search(self.folded, max(ustart, v0 - 40), v0)
                and _PARTICIPLE_REPORT_RE.search(self.folded, ustart, v0)
            ):
                # "X corrected the record, saying …, not in May as she had told reporters":
                # the participle reports (``frameless_reports``); the "as" clause compares
                continue
            if frame == "acc":
                if lemma == "quoted by" and (
                    not self.plain[max(ustart, v0 - 3) : v0].rstrip().endswith(",")
                    or _AS_SAYING_RE.search(self.folded, v1, uend)
                ):
                    continue  # only '"…," he said, quoted by state media, …' (an aside)
                m = _ACC_SOURCE_RE.match(self.plain[v1:uend])
                if not m:
                    continue
                a0, a1 = v1 + m.start(1), v1 + m.end(1)
                whole_end = a1  # (before a participle is cut: "… published on Monday by X")
                pm = _PARTICIPLE_RE.search(self.plain[a0:a1])
                if pm is not None and self.pat["doc"].fullmatch(fold(pm.group(0).strip())):
                    pm = None  # "according to a recording": the document, no participle
                if (
                    pm
                    and pm.start() > 0
                    and not self.mentions_in(a0 + pm.start(), a1)
                    and not _AGENT_AFTER_RE.match(self.plain, a0 + pm.end(), a1)
                ):
                    # "a joint statement released in the evening" (not "a transcript filed
                    # with the tribunal", "a report seen by Meridian": they say which one)
                    a1 = a0 + pm.start()
                np = self.classify_np(a0, a1, last_source)
                if np is None or (
                    not np.actor
                    and np.kind in ("doc", "other")
                    and (not np.name or np.name == np.text)  # (no issuer named)
                ):
                    # "the official programme issued by the State Protocol Office"
                    np = self.issuer_of(a0, whole_end) or np
                if np is None and lemma == "according to":
                    np = self.body_source_np(a0, a1)
                if np is None:
                    continue
                np = self.with_apposition(np, uend, last_source)
                start = v0
                frames.append(_Frame("acc", np, verb_text, lemma, start, np.end, np.end))
                if np.kind == "other":  # (a source: a "he" or "she" prefers a subject)
                    self.add_other_person(np, self._sent_of(np.start), False)
                prev_end = np.end
                continue
            prev_word = self._prev_word(v0)
            if prev_word == "to" or prev_word == "have":
                hm = _HABIT_TO_RE.search(self.folded, max(ustart, v0 - 40), v0)
                if hm is not None:  # "X likes to say that …", "X is understood to have told"
                    v0, prev_word = hm.start(), self._prev_word(hm.start())
                    verb_text = self.text[v0:v1]
            if lemma == "press" and _PRESS_ON_RE.match(self.folded, v1, uend):
                continue  # "Amsel pressed on.", "pressed ahead with the vote"
            if (
                prev_word.endswith(_POSSESSIVE_ENDINGS)
                and prev_word not in _PRONOUN_CONTRACTIONS
                and fold(verb_text) in (lemma, lemma + "s", lemma + "es")
            ):
                continue  # "after Tuesday's call said …", "the minister's warning": a noun
            if prev_word in _ADJECTIVE_PARTICIPLE_BEFORE and fold(verb_text).endswith(("ed", "en")):
                continue  # "her written evidence", "a recorded statement": an adjective
            if (
                fold(verb_text).endswith("ed")
                and (
                    prev_word in _ADJECTIVE_PARTICIPLE_PREPOSITIONS
                    or prev_word.endswith("ing")
                    and self.plain[v0 - len(prev_word) - 1 : v0] == prev_word + " "  # (lower case)
                )
                and _ADJECTIVE_PARTICIPLE_NOUN_RE.match(self.folded, v1, uend)
            ):
                continue  # "accuses Caldor of ignoring repeated warnings": an adjective
            if prev_word in _NO_SPEECH_BEFORE and (
                self.plain[max(0, v0 - 3) : v0].rstrip()[-1:] not in _SEPARATING_MARKS
            ):  # passive, negated or infinitive: "was told", "did not say", "to say" (not
                # '"It is what it is," said X': the quotation's last word); and what follows
                # as a question reports nothing ("He declined to say whether …")
                if _EMBEDDED_QUESTION_RE.match(self.folded, v1, uend):
                    k = bisect_left(self.sentence_starts, v1 + 1) - 1
                    q_end = min(uend, self.sentences[k].end) if k >= 0 else uend
                    nc = _NEW_CLAUSE_RE.search(self.folded, v1, q_end)
                    if nc is not None:  # "…, but aides said …": a new clause reports again
                        q_end = nc.start()
                    while i < len(verb_hits) and verb_hits[i][0] < q_end:
                        i += 1
                continue
            am = (
                _ACTION_PREP_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                if lemma in _ACTION_TO_LEMMAS
                else None
            )
            if am is not None and not (
                # "agreed on the sidelines of the summit that …": speech after all
                am.group(0).strip() != "to" and _ON_THAT_RE.match(self.folded, am.end(), uend)
            ):
                continue  # "agreed on Wednesday to reopen talks", "agree on a plan": no words
            if lemma in _QUOTE_OR_THAT_LEMMAS and not (
                _QUOTE_OR_THAT_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                or self.quotes_in(ustart, v0)
                or self.closes_report_after_content(ustart, v0, v1, uend)
            ):
                continue  # "Protesters shouted at Macron", "ran the headline story on …"
            if lemma == "hail" and not (
                _HAIL_WORDS_RE.match(self.folded, v1, uend)
                or section in ("headline", "standfirst")
                and not _HAIL_NOT_SPEECH_RE.match(self.folded, v1, uend)
            ):
                continue  # "hailed a taxi", "hails from a village", "The crowd hailed him"
            if lemma in _QUOTE_ONLY_LEMMAS and not (
                _QUOTE_ONLY_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                or (self.quotes_in(ustart, v0) and _CLOSES_RE.match(self.folded, v1, uend))
                or lemma == "post"
                and self.posted_words(ustart, v0, v1, uend)
            ):
                continue  # "He read that the plant would close", "The crowd chanted slogans"
            if (
                lemma == "tell"
                and (tm := _TOLD_A_THING_RE.match(self.folded, v1, uend)) is not None
                and not self.plain[tm.end() - 1].isupper()  # (not "the Daily Truth")
                and not _WRITTEN_WORDS_RE.search(self.plain, tm.end(), uend)
            ):
                continue  # "told the same story all spring", "told a joke": nothing reported
            if lemma == "tell" and _TOLD_TO_RE.match(self.folded, v0, uend) is not None:
                continue  # "residents told to leave said …": a passive participle, no teller
            if lemma == "put it to" and not _PUT_IT_TO_RE.match(self.folded, v1, uend):
                continue  # "put it to a vote": no words ("put it to her that …" has)
            if lemma.startswith("put the ") and not _PUT_AT_RE.match(self.folded, v1, uend):
                continue  # "put the cost of the dam on the table": no estimate
            if lemma == "find" and not (
                _THAT_AFTER_RE.match(self.folded, v1, uend)
                or _CLOSES_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                or section in ("headline", "standfirst")
                and _DOC_SUBJECT_END_RE.search(self.folded, ustart, v0) is not None
            ):
                continue  # "found the body", "found it hard": no findings reported
            if (
                lemma in _WRITE_LEMMAS
                and (dm := _DOC_OBJECT_RE.match(self.folded, v1, uend)) is not None
                and (de := self._document_object_end(dm)) > 0
                and self._reports_nothing_after(de, uend)
                and not self.quotes_in(ustart, uend)
                and not self.closes_report_after_content(ustart, v0, v1, uend)
            ):
                continue  # "Orsk wrote a post on Monday morning.": the act; its words come next
            if lemma == "add" and not (
                _QUOTE_OR_THAT_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                or _PHRASE_THEN_THAT_RE.match(self.folded, v1, uend)  # "added in court that"
                or _COLON_QUOTE_AHEAD_RE.match(self.plain, v1, uend)  # 'added on Radio X: "…"'
                or _REPORTED_CLAUSE_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
                or _CLOSES_RE.match(self.folded, self.skip_adverbials(v1, uend), uend)
            ):
                continue  # "She added a photograph", "added two more stops": no words
            if (
                lemma not in ("say", "tell")
                and _BY_AGENT_RE.match(self.plain, v1, uend)
                and not _BY_TIME_RE.match(self.folded, v1, uend)
            ):
                continue  # "his government, long accused by Port Aldine of …": a passive
            if _RELATIVE_GAP_RE.match(self.folded, v1, uend):
                continue  # "the offers Sallas had described were …": a reduced relative clause
            if frame in ("np", "that", "obj") and self.relative_object_gap(ustart, v0, v1, uend):
                continue  # "a ceasefire that both governments had announced, …": a thing
            if (
                lemma in _REPLY_LEMMAS
                and (rb := _REPLIED_BY_ACT_RE.match(self.folded, v1, uend)) is not None
                and not (
                    rb.group(1)
                    and rb.group(1) not in _ACT_GERUNDS
                    and (self.lex.gerund_lemma(rb.group(1)) or rb.group(1) in _SPEECH_GERUNDS)
                )  # ("replied by denying that …", "by refusing to apologise": words)
            ):
                continue  # "Ketrovia answered within hours by expelling four diplomats": an act
            if (
                lemma in _REPLY_LEMMAS
                and (rp := _REPLIED_THEN_PARTICIPLE_RE.match(self.folded, v1, uend)) is not None
                and not self.quotes_in(ustart, uend)  # (not '"No," she replied, smiling.')
                and (
                    rp.group(1) in _ACT_GERUNDS
                    or not (self.lex.gerund_lemma(rp.group(1)) or rp.group(1) in _SPEECH_GERUNDS)
                )
            ):
                continue  # "Carrowland answered in kind, summoning the ambassador": an act
            if (
                lemma in _REPLY_LEMMAS
                and self._reports_nothing_after(v1, uend)
                and not self.quotes_in(ustart, uend)
                and not self.closes_report_after_content(ustart, v0, v1, uend)
            ):
                continue  # "Orsan responded within the hour.": no words (they come next)
            if lemma == "declare" and _DECLARED_ACT_RE.match(self.folded, v1, uend):
                continue  # "declared three days of mourning", "declared a state of emergency"
            if lemma == "agree" and _AGREED_ACT_RE.match(self.folded, v1, uend):
                continue  # "Harland had agreed personal terms with the player": a deal struck
            if frame == "name":
                nxt = self.plain[v1 : min(uend, v1 + 64)]
                named = ('"' in nxt or "'" in nxt) and _NAME_QUOTE_RE.match(nxt)
                if lemma == "call" and not named:
                    # "calls it a trap", "called the meeting a success": a name given (in a
                    # headline also to a bare noun: "Dunsk calls visit a stunt"); '"Order!"
                    # the Speaker called over the noise': a shout after its quotation
                    named = bool(
                        _CALL_SMALL_CLAUSE_RE.match(self.plain, v1, uend)
                        or section in ("headline", "standfirst")
                        and _CALL_BARE_NOUN_RE.match(self.plain, v1, uend)
                        or self.shouted_after_quote(ustart, v0, v1, uend)
                    )
                described = (
                    lemma in ("describe", "dismiss")
                    and _DESCRIBE_AS_RE.match(self.folded, v1, uend)
                    and not _RELATIVE_WORD_RE.search(self.folded, max(prev_end, ustart), v0)
                )  # ("describe her as stubborn"; not "what he described as", "described by")
                if lemma == "dismiss" and (
                    _DISMISSED_CLAIMS_RE.match(self.folded, v1, uend)
                    or section in ("headline", "standfirst")
                    and _HEADLINE_DISMISSED_RE.match(self.folded, v1, uend)
                ):
                    # "dismissed suggestions that he …": words against words; a headline's
                    # "Calvoria's prime minister dismisses them": rejects them
                    described = True
                if lemma == "dismiss" and _DISMISSED_ACT_RE.match(self.folded, v1, uend):
                    named = described = False  # "dismissed the case", "dismissed … as part of"
                if not named and not described:
                    continue  # (naming needs a quotation)
            kind = "leading"
            lo = self.boundary_before(max(prev_end, ustart), v0)
            subj_end = v0  # (before a parenthesis of adverbials: ", in a statement,")
            if self.plain[v0 - 2 : v0].strip() in (")", "),") and (
                pb := _PAREN_END_RE.search(self.plain, max(prev_end, ustart), v0)
            ):
                # "Tom Reed (D-Ohio) said", "Callum Ash (Unity, Fenwick), asked": a bracketed
                # party or seat after the subject is no boundary
                subj_end = pb.start()
                lo = self.boundary_before(max(prev_end, ustart), subj_end)
            if lo >= v0 - 1 and self.plain[max(ustart, v0 - 2) : v0].strip() == ",":
                c2 = self.plain.rindex(",", ustart, v0)
                c1 = self.plain.rfind(",", max(prev_end, ustart), c2)
                lo0 = max(prev_end, ustart)
                if (
                    c1 > ustart
                    and self.adverbials_only(c1 + 1, c2)
                    and self.boundary_before(lo0, c1) == lo0
                ):
                    # "The ministry, in a statement, said …": the parenthesis is no boundary
                    # (when the subject opens the unit: not "… when Tollander, in her closing
                    # statement, called him …")
                    lo, subj_end = lo0, c1
            np: _NP | None = None
            if prev_word in ("who", "which"):
                # "The requests came from Mirela Dask, Vasko's chief of staff, who wrote … that
                # …": the relative clause reports its antecedent's words ("… were disputed by
                # the union, which said …": a body's)
                np = self.relative_antecedent(max(prev_end, ustart), v0, last_source, prev_word)
            head = self.plain[max(prev_end, ustart) : v0].rstrip()
            after_comma = _ends_with_comma(head) and (
                lo >= v0 - 1 or self.plain[lo:v0].strip() in ("'", "\u2019")
            )  # ("'We will fight,' says X": a single quotation mark after the comma)
            if not after_comma and head[-1:] in ("?", "!") and lo >= v0 - 1:
                # "— When will the wages go up? asked X.": dialogue, no closing mark
                hq = self.in_quote(max(prev_end, ustart) + len(head) - 1)
                after_comma = hq is not None and hq.end == max(prev_end, ustart) + len(head)
            if after_comma or (lo >= v0 and head.endswith(",")):
                # inverted "…," said X.  /  "Name, role, said"
                m = _TRAILING_SUBJECT_RE.match(self.plain[v1:uend])
                if m and fold(m.group(1)) == "it" and (np := self.it_np(v1 + m.start(1))):
                    # '"…," it said.': the body that spoke last
                    frames.append(_Frame("trailing", np, verb_text, lemma, v0, np.end, np.end))
                    prev_end = np.end
                    continue
                t_end = m.end(1) if m else 0
                if m and m.group(1).endswith(")") and (pe := _PAREN_END_RE.search(m.group(1))):
                    t_end = m.start(1) + pe.start()  # '"…," said Tom Reed (D-Ohio).'
                if m and (rw := _RESTRICTIVE_WHO_RE.search(m.group(1))) is not None:
                    # '"…," said an official who spoke on condition of anonymity because …':
                    # the restrictive relative clause is no part of the subject
                    t_end = m.start(1) + rw.start()
                words = fold(m.string[m.start(1) : t_end]).split() if m else []
                if (
                    words[:1] == ["by"]
                    and after_comma
                    and _BY_AGENT_RE.match(self.plain, v1, uend)
                    and not _BY_TIME_RE.match(self.folded, v1, uend)
                ):
                    continue  # "his government, long accused by X of …": a passive participle
                if (
                    words[:1]
                    and words[0] in _PREPOSITIONS - {"by"}
                    and lemma in _QUESTION_LEMMAS
                    and not self.quotes_in(ustart, v0)
                ):
                    continue  # "The monarch, asked about the quarrel, said …": a participle
                clause = words[:1] in (["he"], ["she"], ["they"], ["we"], ["i"], ["it"], ["you"])
                # "…," the Speaker, Edda Rown, shouted as members rose: a clause, no subject
                clause = clause or bool(words[:1]) and words[0] in _SUBORDINATORS
                # "X, for his part, insists that …": a "that" clause, not an inverted subject
                # (two words are a noun phrase: '"…," said that official.')
                that_clause = words[:1] == ["that"] and len(words) > 2
                clause = clause or that_clause or bool(set(words) & _AUXILIARIES)
                # "The tunnel, announced with some fanfare by both governments, is late": an
                # inverted subject never opens with a preposition
                clause = clause or bool(words[:1]) and words[0] in _PREPOSITIONS - {"by"}
                # ", asked the minister to withdraw the clause": an object and its infinitive,
                # not an inverted subject ("said the minister to reporters" is one)
                clause = clause or _infinitive_after(m.group(1)[: t_end - m.start(1)] if m else "")
                if (
                    m
                    and after_comma
                    and len(words) <= 8
                    and not clause
                    and not (
                        # '"…," Arlo Penhall, an engineer, told reporters': the subject stands
                        # before the verb in an apposition, and "reporters" is its object
                        head.endswith(",")
                        and self.appositive_np(
                            ustart, max(prev_end, ustart) + len(head) - 1, last_source
                        )
                        is not None
                    )
                ):
                    a0, a1 = v1 + m.start(1), v1 + t_end
                    cut = self.pat["trail_cut"].search(self.folded, a0, a1)
                    if cut is not None and cut.start() > a0:
                        a1 = cut.start()  # "said X during a call with Y": X, not the rest
                    if (sc := _TRAILING_CLAUSE_CUT_RE.search(self.folded, a0, a1)) is not None:
                        a1 = sc.start()  # "said Tor Lund as he left": a clause of its own
                    np = self.classify_np(a0, a1, last_source)
                    if np is None and (nm := _NAME_THEN_OF_RE.match(self.plain, a0, a1)):
                        # '"…," said Lira Mendt of the independent Patients' Alliance': the
                        # name before its affiliation
                        np = self.classify_np(a0, nm.end(1), last_source)
                        if np is not None and not (np.actor or np.name):
                            np = None
                    if np is None and lemma not in _THING_LEMMAS:
                        np = self.agent_np(a0, a1)  # '"…," said a crane operator at the port
                    if np is not None and _relative_subject_head(head):
                        np = None  # "X, who …, accused Ferrel of …": X is the subject
                    if np is not None and np.kind not in ("country",):
                        np = self.with_apposition(np, uend, last_source)
                        frames.append(_Frame("trailing", np, verb_text, lemma, v0, np.end, np.end))
                        if np.kind == "other":
                            self.add_other_person(np, self._sent_of(np.start))
                        prev_end = np.end
                        continue
                comma = ustart + len(self.plain[ustart:v0].rstrip()) - 1
                np = self.appositive_np(ustart, comma, last_source)
                if np is not None:
                    lo = np.start
            if (
                np is None
                and lo > ustart
                and self.folded[max(ustart, lo - 6) : lo].rstrip().endswith(("who", "that"))
                and self.folded.find(" ", lo + 1, v0 - 1) > 0
            ):
                # "A senior official who briefed reporters … said": the role before "who"
                rel = _RELATIVE_END_RE.search(self.folded, max(ustart, lo - 6), lo)
                if rel is not None:
                    lo2 = self.boundary_before(max(prev_end, ustart), rel.start())
                    rb = self.pat["of_head"].search(self.folded, lo2, rel.start())
                    if rb is not None and self._prev_word(rb.start()) not in self.lex.verbs:
                        # (not a reporting verb's object: "reminded readers that Ilse Maran
                        # had said …" holds a that-clause, and Maran says it)
                        np = self.classify_np(rb.start(), rel.start(), last_source)
                        np = self.identifying_relative(np, rel.start(), subj_end)
            if np is None and v0 - lo < 8 and self.folded[lo:v0].strip() == "it":
                pos = lo + self.folded[lo:v0].index("it")
                opening = self.plain[ustart:pos].rstrip()
                if (
                    not opening
                    or opening.endswith(('"', "'"))
                    or opening.endswith(",")
                    and (
                        _TRAILING_TAIL_RE.fullmatch(self.folded, v1, uend)
                        or self.plain.startswith(",", v1)
                    )
                ):
                    # "It added that …", '"…," it said', "Production will move abroad, it said
                    # on Monday.", "From Monday, it said, flows will be cut" (a parenthesis;
                    # not "…, when it said …": a nearer noun may be meant)
                    np = self.it_np(pos)
            if np is None:
                np = self.subject_np(lo, subj_end, last_source, lemma not in _THING_LEMMAS)
                if (
                    np is not None
                    and frames
                    and (
                        np.how.endswith(_REDUCED_RELATIVE_HOW)
                        or _COMMENT_NOUN_BEFORE_RE.search(
                            self.folded, max(ustart, np.start - 40), np.start
                        )
                    )
                ):
                    # 'Lowe said …, a phrase the union said it found …', '… "no plan", a
                    # remark the mayor asked him to withdraw': a comment on the words reported
                    # before, which stay the unit's statement
                    np = None
                if (
                    lo - 4 > ustart
                    and self.folded.startswith(("and", " or"), lo - 3)
                    and (np is None or np.kind in ("other", "country"))
                ):
                    # "Officials in Valdrin and Kelmport said", "Residents of Vesk and nearby
                    # villages said": the role's modifier holds the coordination
                    lo2 = self.boundary_before(max(prev_end, ustart), lo - 4)
                    np2 = self.postmodified_subject(lo2, self.trim_adverbials(lo, v0), last_source)
                    pm2 = (
                        _ROLE_THEN_PREP_RE.match(self.folded, np2.start, lo)
                        if np2 is not None
                        else None
                    )
                    if pm2 is not None and self.pat["role"].fullmatch(pm2.group(1)):
                        np = np2
            if (
                np is None
                and lo > ustart
                and not frames
                and (cv := _COORD_VERB_RE.fullmatch(self.folded, max(ustart, lo - 5), v0))
                and not _CLAUSE_IN_FIRST_RE.search(self.folded, ustart, cv.start(1))
            ):
                # "Archbishop Tobias Renn led a vigil … and called for …", "Halloran paused,
                # then replied that …", "Orren listened, nodded, and said …": the verb shares
                # the subject that opens the sentence (not "The man who entered … and told …",
                # nor "The mayor visited the street, listened … and promised" read from the
                # middle)
                am = _LEADING_CLAUSE_RE.match(self.plain, ustart, cv.start(1))
                if am is None:
                    # "Asked by Lund whether … (over 60 characters) …, Orren laughed and said":
                    # a long participle or subordinate clause opens the sentence
                    am = _LEADING_SUBCLAUSE_RE.match(self.folded, ustart, cv.start(1))
                opening = am.end() if am is not None else ustart
                np = self.main_subject(ustart, lo, last_source)
                if np is not None and self.folded.startswith((" and ", " & "), np.end):
                    g = next(
                        (
                            g
                            for gs in self.coordinations_by_end.values()
                            for g in gs
                            if g.start == np.start
                        ),
                        None,
                    )  # "Vasku and Orren met … and said": the pair
                    np = self.classify_np(g.start, g.end, last_source) if g is not None else None
                if np is not None and (
                    np.kind == "country"
                    or fold(np.text.split()[0]) in _NOT_A_NAME - {"the", "a"}
                    or self.plain[self.skip_adverbials(opening, np.start) : np.start].strip(" ,")
                ):  # ("On Thursday he opened … and told …": an adverbial before the subject)
                    np = None  # ("March 5 — Galdovia's ministry summons … and calls …")
            if np is None and lo > ustart and self.plain[lo - 1] == ",":
                # "Ruiz, for her part, has called …": only auxiliaries after the parenthesis
                if self.trim_adverbials(lo, v0) <= lo + 1:
                    np = self.appositive_np(ustart, lo - 1, last_source)
            if np is None and frames and frames[-1].kind == "trailing":
                # "Putin, the readout said, also urged …": subject before the parenthesis
                par = frames[-1]
                if (
                    not self.plain[par.end : v0].strip(" ,")
                    or self.trim_adverbials(par.end, v0) <= par.end + 1
                ):
                    comma = self.plain.rfind(",", ustart, par.start)
                    if comma > ustart and not self.plain[comma + 1 : par.start].strip():
                        lo2 = self.boundary_before(ustart, comma)
                        np = self.subject_np(lo2, comma, last_source)
            if np is None and frames and frames[-1].kind == "leading":
                # "X calls the drills 'routine' and accuses Y of …": the subject is shared
                if _COORD_END_RE.search(self.folded, max(prev_end, ustart), v0):
                    np = frames[-1].np

            if np is not None and np.kind == "country":
                np = self.leaders_of_pair(ustart, np) or np
            if np is not None and np.kind == "country":
                np = self.of_country_subject(lo, np, last_source)  # "Fenn of Morvia said"
                if np is not None and np.kind == "country":
                    before_words = fold(self.plain[lo : np.start]).replace(",", " ").split()
                    if any(w not in self.lex.adverbials for w in before_words):
                        np = None  # "Voters in Morvia said": the country is not the subject
                    else:
                        # "Kavona says …": a configured country speaks for its actor, as an
                        # office does
                        np = _as_side(np)
            if np is None or (
                np.text[:1] in "Nn"
                and _NEGATIVE_SUBJECT_RE.match(np.text)
                # (not a name's or title's "No": "No campaign leader Rowan Pell calls …")
                and not ((np.kind == "actor" or np.name) and _FULL_NAME_END_RE.search(np.text))
            ):
                continue  # "Neither office replied to questions": nobody said anything
            if self.plain[ustart : np.start].strip() == "What" and _WHAT_SAY_LABEL_RE.match(
                self.folded, v1
            ):
                continue  # "What the papers say: …": a rubric's label, no words of theirs
            if np.kind == "other" and np.end < v0 and not np.actor:
                pm = _PLACE_AFTER_SUBJECT_RE.match(self.folded, np.end, v0)
                if pm is not None:  # "Farmers there say": the farmers of that place
                    np = dataclasses.replace(
                        np,
                        end=pm.end(1),
                        text=self.text[np.start : pm.end(1)],
                        name=np.name and self.text[np.start : pm.end(1)],
                    )
            if _NEITHER_NOR_RE.search(self.folded, max(lo, ustart), np.end) or (
                self.folded.endswith("not ", max(lo, ustart), np.start)
            ):
                continue  # "Neither the court nor the chancellery would say whether …", "Not
                # everyone on the board agreed"
            if (np.text[:1].isdigit() and self.plain[np.start - 1 : np.start] == ",") or fold(
                np.text.split()[0]
            ) == "of":
                continue  # "A survey of 2,000 farmers found": a subject cut inside a phrase
            before = self.plain[ustart : np.start].rstrip()
            adv_end = self.skip_adverbials(v1, uend)
            if adv_end > v1 and (np.actor or np.kind == "other"):  # (no words: no documents)
                self.register_documents(self.folded[v1:adv_end], np)
            if (np.actor or np.kind == "other") and (
                fd := _FRONTED_DOC_RE.match(self.folded, ustart, np.start)
            ) is not None:
                # "In a statement issued on Wednesday, the board said …": a later "the
                # statement" is the board's
                self.register_documents(fd.group(0), np)
            if before.endswith((",", '"')):
                # does the content end right after the verb? (``pos``/``endpos`` act as a
                # slice ``rest = folded[adv_end:uend]`` would for these patterns)
                closes = _CLOSES_RE.match(self.folded, adv_end, uend)
                if closes and self.folded[closes.end() - 1 : closes.end()] == '"':
                    k = bisect_left(self.quote_starts, closes.end() - 1)
                    if k < len(self.quote_starts) and self.quote_starts[k] == closes.end() - 1:
                        closes = None  # 'X shouted "Traitor!"': a quotation opens, not closes
                if not closes and frame in ("obj", "obj_to"):
                    closes = _CLOSES_OBJ_RE.match(self.folded, adv_end, uend)
                    if closes and _THAT_RE.search(closes.group()):
                        # "According to X, Y told ministers that …": a "that" clause is the
                        # content after the verb, not a trailing addressee
                        closes = None
                if closes:
                    kind = "trailing"
            if kind == "trailing":
                end = adv_end
                addressee = None
                if frame in ("obj", "obj_to"):
                    am = _TRAILING_ADDRESSEE_RE.match(self.plain[v1:uend])
                    if am:
                        a0, a1 = v1 + am.start(1), v1 + am.end(1)
                        addressee = self.classify_np(a0, self.audience_end(a0, a1), last_source)
                        end = max(end, v1 + am.end(1))
                        if addressee is not None and not _named_audience(addressee):
                            addressee = None  # "…," X told ministers: a generic audience
                frames.append(
                    _Frame("trailing", np, verb_text, lemma, np.start, end, end, addressee)
                )
                prev_end = v1
                if np.kind == "other":
                    self.add_other_person(np, self._sent_of(np.start))
                continue
            pos = v1
            addressee = None
            if frame in ("obj", "obj_to"):
                addressee, pos = self.addressee_after(v1, uend, last_source)
                if addressee is not None and addressee.actor and addressee.actor == np.actor:
                    addressee = None  # "She told her staff that …": not herself
                if (
                    lemma in _QUESTION_LEMMAS
                    and addressee is not None
                    and addressee.kind == "other"
                    and addressee.name
                    and not addressee.actor
                ):
                    # "The judge asked Stroud whether …": a later "He replied" may be Stroud
                    self.add_other_person(addressee, self._sent_of(addressee.start), False)
            elif lemma == "promise":
                # "promised Ilmar that …", "promised the prime minister, Saskia Ilmar, that …":
                # the person promised (not "promised voters a referendum": no "that")
                to, p2 = self.addressee_after(v1, uend, last_source)
                tm = _APPOSITION_THAT_RE.match(self.folded, p2, uend) if to is not None else None
                if tm is not None and to.actor != np.actor and _named_audience(to):
                    addressee, pos = to, tm.end()
            elif lemma == "write" and (wt := _WROTE_TO_NP_RE.match(self.folded, v1, uend)):
                # "wrote to the provincial government on Monday demanding repairs": the letter's
                # addressee, then the words (from the participle or "that")
                to = self.classify_np(wt.start(1), wt.end(1), last_source)
                if to is not None and to.kind != "doc":
                    pos = wt.end()
                    if _named_audience(to) and not (to.actor and to.actor == np.actor):
                        addressee = to
            elif lemma in _ADDRESSING_NP_LEMMAS:
                # "Kiro thanked Dunholt for …", "congratulated Varnholt on …": the person
                # thanked is the addressee, and the whole predicate is the content
                addressee = self.addressee_after(v1, uend, last_source)[0]
                if addressee is not None and (
                    addressee.actor == np.actor
                    or not _named_audience(addressee)
                    or fold(addressee.text) in _REFLEXIVES  # "congratulated himself"
                ):
                    addressee = None
            elif lemma == "call":
                # 'X has called her "a weathervane"': the person named is addressed
                w = v1 + len(self.plain[v1:uend]) - len(self.plain[v1:uend].lstrip())
                index = self._mention_index
                m = index[0].get(w) if index is not None else None
                if (
                    m is not None
                    and (m.kind == "name" or (m.pronoun and m.kind == "pronoun"))
                    and not self.folded.startswith("'", m.end)  # not "Putin's desire"
                    and m.pronoun not in ("his", "its", "their")
                    # ("her" is the person only when the quotation follows: not 'her plan "…"')
                    and (
                        m.pronoun != "her" or self.plain[m.end : uend].lstrip()[:1] in _OPEN_QUOTES
                    )
                ):
                    if m.pronoun and not m.actor and not m.other:
                        self.resolve_pronoun(m)
                    if m.actor and m.actor != np.actor:
                        addressee = _NP(
                            m.start, m.end, self.text[m.start : m.end], "actor", m.actor
                        )
            if addressee is None and np.start > ustart:
                # "In a telegram to Kiro on Saturday, Dunholt said …": the letter's addressee
                lm = _IN_LETTER_TO_RE.match(self.folded, ustart, np.start)
                if lm is not None:
                    a0, a1 = lm.span(1)
                    to = self.classify_np(a0, self.audience_end(a0, a1), last_source)
                    if to is not None and _named_audience(to) and to.actor != np.actor:
                        addressee = to
            # "said in a statement (that) …" (from the verb: ``adv_end`` found above)
            pos = adv_end if pos == v1 else self.skip_adverbials(pos, uend)
            cm = _COMPLEMENTIZER_RE.match(self.folded, pos, uend)  # (as on a slice; always)
            cstart = cm.end() if cm else pos
            if cstart < uend and self.plain[cstart] not in _OPEN_QUOTES:
                # 'X wrote on Chirp late on Thursday: "…"': the colon opens the quotation
                cq = _COLON_QUOTE_AHEAD_RE.match(self.plain, cstart, uend)
                if cq is None and lemma == "post":
                    cq = _POSTED_COLON_RE.match(self.plain, cstart, uend)  # "posted a clip …:"
                if cq is not None:
                    cstart = cq.end()
            if lemma in _ADDRESSING_NP_LEMMAS:
                cstart = v0  # "thanked the mediators": the thanks are the words reported
            if lemma == "put it":
                pi = _PUT_IT_CONTENT_RE.match(self.plain, pos, uend)
                if (
                    pi is None
                    and self._prev_word(np.start) == "as"
                    and _CLOSES_RE.match(self.folded, adv_end, uend)
                ):
                    # '"…," as X put it.' / 'The deal is, as X put it, …': a parenthesis
                    a0 = self.folded.rfind("as", ustart, np.start)
                    frames.append(_Frame("trailing", np, verb_text, lemma, a0, adv_end, adv_end))
                    prev_end = v1
                    continue
                if pi is None:
                    continue  # "put it to a vote": no quotation after a colon or comma
                cstart = pi.end()
            if (
                uend - cstart <= 12  # (at most "or not." and spaces)
                and _NO_CONTENT_RE.match(self.folded, cstart, uend)
                and not self.quotes_in(ustart, v0)
            ):
                continue  # "What Kavona says" (a subheading), "whether X agreed or not."
            if (
                _SAID_SO_RE.match(self.folded, pos, uend)
                or _SAID_NOTHING_RE.match(self.folded, pos, uend)
                or (lemma == "say" and _SAID_IT_WITH_RE.match(self.folded, pos, uend))
            ) and not self.quotes_in(ustart, uend):
                # "She has said that before", "He said as much", "He has said nothing in
                # public since", "He said it with a grin": no words of their own
                continue
            if (
                self._prev_word(np.start) == "whether"
                and (aw := _ASKED_WHETHER_RE.search(self.folded, ustart, np.start)) is not None
                and self.plain[ustart : aw.start()].strip(" \"'\u201c")
                and not self.quotes_in(ustart, v0)
            ):
                continue  # "X asked whether the minister agreed that the plan was "a mess"": asked
            if not self.quotes_in(ustart, uend) and _no_report_after(
                self._prev_word(np.start) if self.plain[ustart : np.start].strip() else "^",
                lemma,
                self.folded[v1:uend].lstrip(),
                _THAT_TO_RE.search(self.folded, v1, cstart) is not None,
            ):
                continue
            if np.kind == "other" and np.name and not np.affiliation:
                np = self.joint_names(np, max(prev_end, ustart))
            frames.append(
                _Frame("leading", np, verb_text, lemma, np.start, cstart, cstart, addressee)
            )
            if np.kind == "other" and "+" not in np.name:
                # "Ruben Maltby … told Velkanal that he would …": a named speaker's own "he" or
                # "she" at the head of the reported clause tells their gender
                gm = (
                    _SELF_PRONOUN_RE.match(self.folded, cstart, uend)
                    if np.name and not np.affiliation  # (a spokesperson's "he" is the principal)
                    else None
                )
                if gm is not None and self.other_person_in(np, np.end, cstart):
                    gm = None  # "X, who shared an office with Sollis, said she was …"
                hint = ("male" if gm.group(1) == "he" else "female") if gm else ""
                if fold(np.text) in _SUBJECT_PRONOUNS:
                    hint = ""  # "He told the court she had warned him": "she" is someone else
                self.add_other_person(np, self._sent_of(np.start), gender_hint=hint)
            prev_end = v1
        if not frames or all(f.kind == "acc" for f in frames):
            # (also after "according to": "X can be heard telling …, according to a recording")
            self.frameless_reports(ustart, uend, last_source, frames)
        self.speaker_starts.update((f.np.start, f.lemma) for f in frames)
        if len(frames) > 1:
            # "She said Wilde had warned her that …": Wilde's words are only relayed
            self.relayed_starts.update(
                f.np.start
                for f in frames
                if any(g.kind == "leading" and g.content_start <= f.np.start for g in frames)
            )
        return frames

    def frameless_reports(
        self, ustart: int, uend: int, last_source: _NP | None, frames: list[_Frame]
    ) -> None:
        """Reports without a reporting verb of the subject: a participle or a colon.

        "X rejected the plan, saying (that) …" / ", adding that …": the subject of the main
        clause speaks (the first subject-like mention, or a name opening the unit); "X was
        unrepentant: "…"": the subject of the copula speaks the quotation.

        Args:
            ustart: Start of the unit.
            uend: End of the unit.
            last_source: The last source named (for documents).
            frames: The unit's frames (none, or "according to" sources only); the new one is
                appended.
        """
        if " show" in self.folded[ustart:uend]:
            dm = _BODY_FIGURES_SHOW_RE.search(self.folded, ustart, uend)
            body = self.classify_np(dm.start(1), dm.end(1), last_source) if dm else None
            if dm is not None and body is not None and body.kind in ("other", "org", "actor"):
                # "Starts rose to 88,500, the office's figures show.": the body whose figures
                # they are speaks, its figures as written are the source
                src = self.text[dm.start(1) : dm.end(2)]
                how = "other speaker (figures of a body)"
                if body.actor:
                    np = _NP(dm.start(1), dm.end(2), src, "doc", body.actor, how=how)
                else:
                    np = _NP(
                        dm.start(1), dm.end(2), src, "other", "", body.name or body.text, src, how
                    )
                verb = self.text[dm.end(2) : dm.end()].strip(" .")
                frames.append(_Frame("trailing", np, verb, "show", dm.start(1), dm.end(), dm.end()))
                return
        colon = self.folded.find(":", ustart, uend) >= 0
        cm = _COPULA_COLON_RE.search(self.folded, ustart, uend) if colon else None
        if cm is None and colon:
            # 'Vorhagen, turning halfway: "Ask me tomorrow."': a participle, then the words
            cm = _PARTICIPLE_COLON_RE.search(self.folded, ustart, uend)
            if cm is not None:
                if (
                    len(self.plain[ustart : cm.start()].split()) > 4
                    or self._verb_between(ustart, cm.start())
                    or cm.group(1) in _PARTICIPLE_LEMMAS
                ):
                    cm = None  # (a clause before the comma, or "…, adding only: "…"": a report)
            cm = (
                cm
                or _ISSUED_COLON_RE.search(self.folded, ustart, uend)
                or _READ_OUT_COLON_RE.search(self.folded, ustart, uend)
            )
            # ('The office sent pool a one-line statement: "…"': the sender's words)
        if cm is not None:
            lo = self.boundary_before(ustart, cm.start())
            np = self.subject_np(lo, cm.start(), last_source)
            # the subject opens the clause ("The prime minister was unrepentant: "…""), not
            # "The question for Macron is simple: "…""
            if np is not None and np.kind != "country" and not self.plain[lo : np.start].strip():
                verb = self.text[cm.start() : cm.end()].strip(" ,:")
                frames.append(_Frame("leading", np, verb, "say", np.start, cm.end(), cm.end()))
                if np.kind == "other":
                    self.add_other_person(np, self._sent_of(np.start))
            return
        if " with " in self.folded[ustart:uend] or " and the " in self.folded[ustart:uend]:
            wm = _WITH_SPEECH_NOUN_RE.search(self.folded, ustart, uend) or _AND_THE_WORDS_RE.search(
                self.folded, ustart, uend
            )
            np = self.main_subject(ustart, wm.start(), last_source) if wm is not None else None
            if wm is not None and np is not None and np.kind != "country":
                # "Tamberlane closed the meeting with a reminder that …": the subject's words
                g = wm.lastindex or 1
                noun = self.text[wm.start(g) : wm.end(g)]
                frames.append(_Frame("leading", np, noun, "say", np.start, wm.end(), wm.end()))
                if np.kind == "other":
                    self.add_other_person(np, self._sent_of(np.start))
                return
        if "heard" in self.folded[ustart:uend]:
            hm = _HEARD_SAYING_RE.search(self.folded, ustart, uend)
            if hm is None and self.section_at(ustart) in ("headline", "standfirst"):
                hm = _HEARD_BARE_RE.search(self.folded, ustart, uend)  # "Kolvo heard calling …"
            if hm is not None and self.heard_report(hm, ustart, uend, last_source, frames):
                return
        if " view" in self.folded[ustart:uend] and self.quotes_in(ustart, uend):
            vm = _IN_HER_VIEW_RE.search(self.folded, ustart, uend)
            pron = [m for m in self.mentions_in(vm.start(1), vm.end(1)) if m.pronoun] if vm else []
            if pron:
                # 'The Assembly, in her view, had "a duty to …"': the pronoun's referent
                self.resolve_pronoun(pron[0])
                np = self.classify_np(pron[0].start, pron[0].end, last_source)
                if np is not None and np.how != "unresolved pronoun":
                    frames.append(_Frame("leading", np, "", "say", vm.start(), vm.end(), vm.end()))
                    return
        if " by " in self.folded[ustart:uend]:
            bm = _BY_GERUND_REPORT_RE.search(self.folded, ustart, uend)
            if bm is not None and self.by_gerund_report(bm, ustart, uend, last_source, frames):
                return
        if not self._has_hit(self.participle_hits, ustart, uend):
            return
        pm = _PARTICIPLE_REPORT_RE.search(self.folded, ustart, uend)
        if pm is None:
            return
        pos = pm.end()
        om = _ONLY_RE.match(self.folded, pos, uend)
        if om is not None:
            pos = om.end()  # "…, saying only that …"
        told: _NP | None = None
        if pm.group(1) == "telling":
            told, pos = self.addressee_after(pos, uend, last_source)
        if pm.group(1) in _THAT_PARTICIPLES:
            tm = _FEW_WORDS_THAT_RE.match(self.folded, pos, uend)
            if tm is None:
                return  # "…, ruling out talks", "…, finding a way": no "that" clause
            pos = tm.end()
        if (pp := _PREP_PHRASE_THAT_RE.match(self.folded, pos, uend)) is not None:
            pos = pp.end(1)  # "…, writing in a note to clients that …"
        if pm.group(1) in _NAMING_PARTICIPLES:
            if not _NAMING_OBJECT_QUOTE_RE.match(self.plain, pos, uend):
                return  # "…, calling for calm", "describing the scene": no quotation named
            cc = None
            cstart = pos
        elif pm.group(1) in _OBJECT_PARTICIPLES:
            if not _OBJECT_OF_TO_RE.match(self.folded, pos, uend):
                return  # "…, urging restraint": no content but a noun
            cc = None
            cstart = pos
        else:
            cc = _COMPLEMENTIZER_RE.match(self.folded, pos, uend)
            cstart = cc.end() if cc else pos
            cq = _COLON_QUOTE_AHEAD_RE.match(self.plain, pos, uend)
            if cq is not None:
                cstart = cq.end()  # ', adding a single word: "Exactly."': the quotation
            # reported words follow: "that", a quotation or a clause ("saying the vote was
            # rigged"); not "saying nothing", "adding to concerns", "telling a story"
            elif not (
                cc and cc.group().strip() or _REPORTED_CLAUSE_RE.match(self.folded, cstart, uend)
            ):
                return
        if pm.group(1) == "telling" and not (cc and "that" in cc.group()):
            tm = _APPOSITION_THAT_RE.match(self.folded, pos, uend)
            if tm is not None:  # "telling KRN, the public broadcaster, that …"
                cstart = tm.end()
            elif self.plain[cstart:uend].lstrip()[:1] not in _OPEN_QUOTES:
                return
        rel = _REL_CLAUSE_RE.search(self.folded, ustart, pm.start())
        if rel is not None:  # "Macron met Putin, who rejected the plan, saying …": Putin
            lo = self.boundary_before(ustart, rel.start())
            np = self.subject_np(lo, rel.start(), last_source)
        else:
            np = self.main_subject(ustart, pm.start(), last_source)
        if np is None:
            return
        verb = self.text[pm.start(1) : pm.end(1)]
        lemma = _PARTICIPLE_LEMMAS.get(pm.group(1), pm.group(1))
        if told is not None and told.actor and told.actor == np.actor:
            told = None  # (not the speaker)
        frames.append(_Frame("leading", np, verb, lemma, np.start, cstart, cstart, told))
        if np.kind == "other":
            self.add_other_person(np, self._sent_of(np.start))

    def aged_person(self, age: str, pos: int) -> _NP | None:
        """The one person written with ``age`` ("Hadric, 61,") before ``pos``, as a speaker.

        For "the 61-year-old (premier)": an actor's mention right before ", 61" is that actor;
        another capitalized name is that speaker (a lone surname as its full name). None when
        no one or two different people were given that age.

        Example (a sketch): after "Prime Minister Hadric, 61, toured the town.", "the
        61-year-old" is Hadric.
        """
        found: dict[str, _NP] = {}
        age_re = re.compile(r",\s+" + re.escape(age) + r"(?=[,)]|\s+(?:and|said|told))")
        for m in age_re.finditer(self.plain, 0, pos):
            near = self.mentions_in(max(0, m.start() - 60), m.start())
            ms = [x for x in near if x.end == m.start()]
            if ms and ms[-1].actor and not ms[-1].pronoun:
                x = ms[-1]
                found[x.actor] = _NP(pos, pos, "", "actor", x.actor, how="the person of that age")
                continue
            line = self.plain.rfind("\n", 0, m.start()) + 1
            nm = _NAME_AT_END_RE.search(self.plain, max(line, m.start() - 60), m.start())
            if nm is not None:
                name = self.canonical_name(nm.group(0).strip(), nm.start())
                if name.split()[0] not in _NOT_A_NAME_START:
                    found[name] = _NP(pos, pos, "", "other", "", name, how="the person of that age")
        if len(found) != 1:
            return None
        np = found.popitem()[1]
        return dataclasses.replace(np, start=pos)

    def by_gerund_report(
        self,
        bm: re.Match[str],
        ustart: int,
        uend: int,
        last_source: _NP | None,
        frames: list[_Frame],
    ) -> bool:
        """A report made by way of an act: "X opened the session by asking them to …".

        ``bm`` is a match of :data:`_BY_GERUND_REPORT_RE`; the main clause's subject speaks
        (:meth:`main_subject`) with the words after the gerund (:meth:`gerund_frame`).
        """
        if bm.group(1) == "accusing" and not _OBJECT_OF_TO_RE.match(self.folded, bm.end(), uend):
            return False  # ("by accusing the room": no charge named)
        np = self.main_subject(ustart, bm.start(), last_source)
        return self.gerund_frame(np, bm, uend, last_source, frames)

    def heard_report(
        self,
        hm: re.Match[str],
        ustart: int,
        uend: int,
        last_source: _NP | None,
        frames: list[_Frame],
    ) -> bool:
        """A recording's words: "Kolvo can be heard telling an aide to …".

        ``hm`` is a match of :data:`_HEARD_SAYING_RE`: the subject before "can" speaks the
        words after the gerund (:meth:`gerund_frame`).
        """
        lo = self.boundary_before(ustart, hm.start())
        np = self.subject_np(lo, hm.start(), last_source)
        if np is None and self.plain[ustart : hm.start()].rstrip().endswith(","):
            # "King Edmar, waiting at the top of the steps, was heard to say …"
            np = self.appositive_np(
                ustart, ustart + len(self.plain[ustart : hm.start()].rstrip()) - 1, last_source
            )
        return self.gerund_frame(np, hm, uend, last_source, frames)

    def gerund_frame(
        self,
        np: _NP | None,
        gm: re.Match[str],
        uend: int,
        last_source: _NP | None,
        frames: list[_Frame],
    ) -> bool:
        """Append ``np``'s frame for the words after a reporting gerund (``gm`` group 1).

        The content follows the gerund, after its addressee and "to" for asking, urging and
        telling. Returns False (nothing appended) when there is no subject (or only a country),
        or when nothing is quoted or reported after the gerund ("Protesters could be heard
        shouting outside the ministry").
        """
        if np is None or np.kind == "country":
            return False
        g = gm.lastindex or 1  # (the gerund's group, or the infinitive's: "was heard to say")
        gerund = _HEARD_INFINITIVES.get(gm.group(g), gm.group(g))
        pos = gm.end()
        told: _NP | None = None
        tm = None
        if gerund in ("asking", "urging", "telling"):
            told, pos = self.addressee_after(pos, uend, last_source)
            tm = _TO_RE.match(self.folded, pos, uend)
            if tm is not None:
                pos = tm.end()  # "telling an aide to stall the deal": the instruction
        cc = _COMPLEMENTIZER_RE.match(self.folded, pos, uend)
        cstart = cc.end() if cc else pos
        if gerund == "accusing":
            cstart = pos  # "by accusing the prime minister of lying": the charge, object included
        if not (
            self.quotes_in(cstart, uend)
            or (cc and cc.group().strip())
            or (gerund != "shouting" and _REPORTED_CLAUSE_RE.match(self.folded, cstart, uend))
            or told is not None
            or tm is not None
            or gerund == "accusing"  # (its "of" was checked by the caller)
        ):
            return False
        lemma = _PARTICIPLE_LEMMAS.get(gerund) or self.lex.gerund_lemma(gerund) or "say"
        verb = self.text[gm.start(g) : gm.end(g)]
        frames.append(_Frame("leading", np, verb, lemma, np.start, cstart, cstart, told))
        if np.kind == "other":
            self.add_other_person(np, self._sent_of(np.start))
        return True

    def identifying_relative(self, np: _NP | None, rel: int, end: int) -> _NP | None:
        """An unnamed role with the short relative clause that says who they are.

        "Two engineers who worked on the programme said": the clause identifies the people
        (the speaker as written is the whole phrase), unlike a clause on the terms of speaking
        ("A senior official who asked not to be named said", "… who briefed reporters"), which
        stays out. ``rel`` is the space before "who", ``end`` the subject's end.
        """
        if np is None or np.kind != "other" or np.actor or np.name or np.end > rel:
            return np
        if fold(np.text).split()[0] not in _INDEFINITE_HEADS:
            return np  # "The nurse who found him said": a person named before, as written

        if self.folded.startswith(" that", rel):
            return np  # (only "who": "that" may open the reported clause)
        comma = self.plain.find(",", rel, end)
        stop = comma if comma > 0 else end
        clause = self.folded[rel:stop].strip()
        if (
            not 3 <= len(clause.split()) <= 9
            or _TERMS_OF_SPEAKING_RE.search(clause)
            or _AND_WHO_RE.search(self.folded, rel, min(len(self.folded), rel + 160))
            or any(m.actor for m in self.mentions_in(rel, stop))
        ):
            return np
        stop = rel + len(self.plain[rel:stop].rstrip())
        return dataclasses.replace(np, end=stop, text=self.text[np.start : stop])

    def main_subject(self, ustart: int, end: int, last_source: _NP | None) -> _NP | None:
        """The subject that opens the unit's main clause (before ``end``), or None.

        The noun phrase right at the start, after an adverbial closed by a comma ("On Monday,
        Russia rejected …"): a mention there ("Putin rejected …", "He left …"), an author
        ("An article signed by Maruk appeared …"), or a run of names and role words
        ("Opposition leader Jan Holt attacked …", "Critics attacked …"). A mention later in the
        clause is an object ("Critics attacked Putin, saying …" is not Putin's).
        """
        lo = ustart
        am = _LEADING_CLAUSE_RE.match(self.plain, ustart, end)  # "On Monday, Russia rejected"
        if am is not None and not self.mentions_in(ustart, am.end() - 1):
            opening = self.plain[ustart : am.end()].rstrip(" ,")
            close = self.plain.find(",", am.end(), end)
            if (
                close > am.end()
                and _CAPITALIZED_NAME_RE.fullmatch(opening)
                and not _OPENING_PREP_RE.match(opening)
                and fold(opening) not in _TIME_WORDS
            ):
                # "Ruth Anker, speaking in Lissen, read out … and concluded …": a name and its
                # parenthesis, not an adverbial
                np = self.appositive_np(ustart, close, last_source)
                if np is not None:
                    return np
            lo = am.end()
            if _OPENING_PREP_RE.match(self.plain, ustart, am.end()) and (
                pa := _PLACE_APPOSITION_RE.match(self.plain, lo, end)
            ):
                lo = pa.end()  # "In Sennet, the Ormond Republic's capital, President X …"
        elif (sm := _LEADING_SUBCLAUSE_RE.match(self.folded, ustart, end)) is not None:
            lo = sm.end()  # "Asked whether … her job harder, Vasquell declined …, saying"
        else:
            adv = self.skip_adverbials(ustart, end)  # "On Thursday he opened …"
            if (tm := _FRONTED_TIME_OF_DAY_RE.match(self.folded, ustart, end)) is not None:
                lo = tm.end()  # "In the evening Ballesk posted again, saying …"
            elif adv > ustart and self.plain[adv : adv + 1] == " ":
                lo = adv + 1
        for m in self.mentions_in(lo, end):
            prev = self._prev_word(m.start)
            dm = _DOC_BY_RE.fullmatch(self.folded, lo, m.start) if prev in ("by", "from") else None
            if dm is not None and self.pat["doc"].fullmatch(dm.group(1)) and m.actor:
                # "An article signed by Maruk appeared …, arguing that": the author speaks in
                # it (no source, as "In her memoir, she wrote")
                text = self.text[lo : m.end]
                return _NP(lo, m.end, text, "actor", m.actor, how="author of a document")
            if (
                m.start == lo
                or not self.plain[lo : m.start].strip()
                or (_TITLE_RUN_RE.fullmatch(self.plain, lo, m.start))
            ):
                if m.pronoun and not m.actor and not m.other:
                    self.resolve_pronoun(m)
                stop = m.end
                pr = _POSSESSED_ROLE_RE.match(self.plain, m.end, end)
                if pr is None and fold(self.plain[m.start : m.end]) in ("his", "her", "their"):
                    # "His transport minister, Pavel Sundqvar, was blunter, telling": the
                    # minister, not the pronoun's referent (the role word among the next three)
                    for role_re in _PRONOUN_ROLE_RES:
                        pr = role_re.match(self.plain, m.end, end)
                        if pr is None or self.pat["role"].fullmatch(fold(pr.group(1))):
                            break
                if pr is not None and self.pat["role"].fullmatch(fold(pr.group(1))):
                    # "The president's spokeswoman, Irena Solt, struck …, telling": the
                    # spokeswoman (and the name after her role), not the president
                    stop = pr.end()
                    comma = self.plain.find(",", stop, end)
                    if self.plain[stop : stop + 1] == "," and comma == stop:
                        nxt = self.plain.find(",", stop + 1, end)
                        if nxt > 0:
                            np = self.appositive_np(lo, nxt, last_source)
                            if np is not None:
                                return np
                np = self.classify_np(lo if m.start > lo else m.start, stop, last_source)
                return self._named_after_role(np, lo, stop, end, last_source)
            break
        # a run of names, role words and determiners ("Opposition leader Jan Holt", "The prime
        # minister", "Critics", "Two senior officials")
        rm = self.pat["role_np_start"].match(self.folded, lo, end)  # "the prime minister"
        run_end, has_head = (rm.end(), True) if rm is not None else (lo, False)
        for wm in _WORD_RE.finditer(self.plain, run_end, end):
            w = wm.group(0)
            fw = fold(w)
            if self.pat["role"].fullmatch(fw) or (w[:1].isupper() and fw not in _FUNCTION_WORDS):
                has_head = True
            elif fw not in _RUN_MODIFIERS or has_head:
                break
            run_end = wm.end()
        if not has_head or self.folded.endswith("'s", lo, run_end):
            # (a possessor is no subject: "The Herald's verification desk checked …, and
            # asked": its common noun, not a name or role, heads the phrase)
            return None
        if (
            self.plain.find(" ", lo, run_end) < 0
            and (pv := _POSTMOD_THEN_PAST_RE.match(self.plain, run_end, end)) is not None
            and (
                _COMMON_PLURAL_END_RE.search(self.folded, lo, run_end)
                or self.pat["role"].fullmatch(self.folded, lo, run_end)
            )  # (a common noun's plural, not a surname: "Jones from the ministry walked out")
            and (np := self.postmodified_subject(lo, pv.end(1), last_source)) is not None
        ):
            return np  # "Delegations from four states walked out, accusing": the whole phrase
        last = self.folded[lo:run_end].rsplit(None, 1)[-1:]
        if (
            last
            and self.plain[self.plain.rfind(" ", lo, run_end) + 1].isupper()
            and (last[0] in self.lex.institutions or last[0] in _BODY_HEADS)
            and (om := _OF_NAME_RE.match(self.plain, run_end, end)) is not None
        ):
            run_end = om.end()  # "Kestria's Court of Appeal on Thursday overturned": one name
        elif (
            last
            and self.pat["role"].fullmatch(last[0])
            and (pp := _ROLE_AT_NAME_RE.match(self.plain, run_end, end)) is not None
        ):
            run_end = pp.end()  # "Analysts at Hessel & Rook were …": the role and its firm
        elif (
            last
            and self.pat["role"].fullmatch(last[0])
            and (fm := _FOR_ACTOR_RE.match(self.folded, run_end, end)) is not None
        ):
            # "A spokesman for Fenn declined … but said": the role and whom it speaks for
            run_end = next(
                (m.end for m in self.mentions_in(fm.end(), end) if m.start == fm.end()), run_end
            )
        np = self.classify_np(lo, run_end, last_source)
        if np is not None and np.kind == "country":
            np = _as_side(np)
        return self._named_after_role(np, lo, run_end, end, last_source)

    def _named_after_role(
        self, np: _NP | None, lo: int, stop: int, end: int, last_source: _NP | None
    ) -> _NP | None:
        """:meth:`main_subject`'s ``np`` (``lo``…``stop``), or the person named after it.

        A role with no name, then ", <Name>," before ``end``: "The head of the Nevaran Church,
        Archbishop Matthias Corvell, used his sermon …, telling" is the archbishop (an actor, or
        a named person: :meth:`appositive_np`).
        """
        if (
            np is not None
            and np.kind == "other"
            and not np.name
            and self.plain.startswith(",", stop)
            and (nxt := self.plain.find(",", stop + 1, end)) > 0
            and (named := self.appositive_np(lo, nxt, last_source)) is not None
            and (named.kind == "actor" or named.name)
        ):
            return named
        return np


# ---------------------------------------------------------------------------------------------
# Statements
# ---------------------------------------------------------------------------------------------


def _named_audience(np: _NP) -> bool:
    """Whether an addressee noun phrase names someone (not a generic lower-case audience).

    "told Macron", "told the BBC" name an addressee; "told ministers", "told reporters" and a
    document do not (the addressee column stays empty for them).

    Example:
        >>> _named_audience(_NP(0, 9, "ministers", "other"))
        False
        >>> _named_audience(_NP(0, 7, "the BBC", "other"))
        True
        >>> _named_audience(_NP(0, 21, "the Stavian parliament", "other"))
        False
        >>> _named_audience(_NP(0, 3, "MPs", "other", affiliation="MPs"))
        False
    """
    if np.kind == "doc":
        return False
    if np.kind != "other":
        return True
    # a name ends the phrase: "the BBC", "Meridia TV"; a capitalised adjective before a common
    # noun does not name anyone ("the Stavian parliament", "Lessish viewers"), nor does a role
    # written with a capital ("MPs", "Parliament")
    words = np.text.split()
    if not words:
        return False
    if not words[-1][:1].isupper():
        # "Tass news agency", "Le Monde newspaper": a name before an outlet noun names it
        outlet = fold(words[-1]) in load_lexicon().outlets or fold(words[-1]).rstrip("s") in (
            load_lexicon().outlets
        )
        return outlet and any(w[:1].isupper() for w in words[:-1])
    return bool(np.name) or not np.affiliation


def _group_units(doc: _Doc) -> list[list[Sentence]]:
    """Group sentences that share a quotation crossing a sentence boundary."""
    groups: list[list[Sentence]] = []
    quotes = doc.quotes
    crossed: set[int] | None = None
    if doc.fast_paths:
        # A sentence joins the previous one only if a quote opens before its start and is
        # still open there: the starts inside some quote, found from the (few) quotes.
        crossed = set()
        starts = doc.sentence_starts
        for q in quotes:
            i = bisect_right(starts, q.start)
            while i < len(starts) and starts[i] < q.inner_end:
                crossed.add(starts[i])
                i += 1
    for s in doc.sentences:
        if groups:
            if crossed is not None and s.start not in crossed:
                groups.append([s])
                continue
            prev = groups[-1][-1]
            if doc.fast_paths:
                # only quotes opening before both ``prev.end`` and ``s.start`` can join them, and
                # none does when none of those is still open at ``s.start``
                k = bisect_left(doc.quote_starts, min(prev.end, s.start))
                quotes = doc.quotes[:k] if k and doc.quote_max_inner_end[k - 1] > s.start else []
            joined = prev.section == s.section and any(
                (q.double or doc.single_style)
                and q.start < prev.end
                and q.inner_end > s.start
                and q.start < s.start
                for q in quotes
            )
            if joined:
                groups[-1].append(s)
                continue
        groups.append([s])
    return groups


#: A transcript's labels for the one who asks ("HOST:", "PRESENTER:"; folded).
_HOST_LABELS = frozenset({"host", "presenter", "interviewer", "anchor", "moderator"})
#: The host named in prose: "presenter Petra Ollander", "the host, Petra Ollander," (group 1:
#: the name; plain text).
_HOST_NAME_RE = name_re(
    r"(?<![\w'\-])(?:[Hh]ost|[Pp]resenter|[Ii]nterviewer|[Aa]nchor|[Mm]oderator),?\s+"
    r"([A-Z][\w'.\-]+(?:\s+[A-Z][\w'.\-]+){1,2})"
)
#: Who the one-letter labels of a transcript name (the ``rule`` column's words).
_TURN_WHO = {
    "A": "the person interviewed",
    "R": "the person interviewed",
    "Q": "the interviewer",
}
#: A transcript turn's label opening a body paragraph: "Q:", "A:", "RETZ:", "Ilona Retz:".
_TURN_LABEL_RE = name_re(r"(Q|A|R|[A-Z][\w'.\-]*(?:[ \t]+[A-Z][\w'.\-]*){0,2})[ \t]*:[ \t]+(?=\S)")
#: A printed interview's turn label with a full stop: "Q. ", "A. " (two "Q." turns needed).
_DOT_TURN_LABEL_RE = re.compile(r"([QA])\.[ \t]+(?=\S)")
_TALKS_TO = r"(?:talks?|talked|spoke|speaks|speaking)\s+to"
#: Who gave an interview to whom: "talks to the Calder Review", "in an interview with X",
#: "told X" (the interviewer or outlet follows).
_INTERVIEWER_RE = re.compile(
    _TALKS_TO + r"\s+|interview\s+with\s+|told\s+|tells\s+|(?:interviewed|questioned)\s+by\s+"
)
#: Words that say an article holds an interview (folded text).
_INTERVIEW_CUE_RE = re.compile(r"interview|(?<![\w'\-])" + _TALKS_TO + r"(?![\w'\-])|q\s*&\s*a")
#: "<person> talks to <outlet>" (folded text): the person interviewed comes before it.
_TALKS_TO_RE = re.compile(r"\s" + _TALKS_TO + r"\s")
#: The interviewer or outlet after ``_INTERVIEWER_RE``: capitalised words, maybe after "the".
_INTERVIEWER_NP_RE = name_re(r"((?:the\s+)?[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,4})")


def _transcript_turns(doc: _Doc, article: Article) -> dict[int, tuple[str, int, str, str]]:
    r"""The turns of a Q&A transcript: body paragraph start → (label, label end, speaker, type).

    An article is a transcript when the text outside the turns mentions an interview ("talks
    to", "in an interview") and the body has "Q:" and "A:" turns (or "Q." and "A.", at least
    two "Q." ones), or three or more turns of
    two or more persons (an actor, or a name in capitals: "RETZ:"); "Update:" or "Note:" is no
    turn. "A" (or "R") is the person interviewed: the subject of "talks to" outside the turns,
    else the actor named most often there; "Q" the interviewer: the outlet named after "talks
    to", "interview with" or "told" outside the turns (else "Q"); a name label is that person.

    Example:
        >>> from mediaframes import corpus, segment
        >>> text = "Lee talks to the Daily Post\n\nQ: Why?\n\nA: Because."
        >>> art = corpus.parse_plain_text(text, "t", "t.txt")
        >>> lee = Actors((Actor("lee", "Ana Lee", (), ()),))
        >>> doc = _Doc(art, segment.segment_article(art), lee)
        >>> sorted(v[2] for v in _transcript_turns(doc, art).values())
        ['lee', 'the Daily Post']
    """
    labels: dict[int, re.Match[str]] = {}
    plain = doc.plain
    dotted: list[int] = []
    for span in article.body:
        if plain.startswith(("Q. ", "A. "), span.start):
            m = _DOT_TURN_LABEL_RE.match(plain, span.start, span.end)
            if m is not None:  # "Q. Why not publish it?" (a printed interview's labels)
                labels[span.start] = m
                dotted.append(span.start)
            continue
        if plain.find(":", span.start, span.start + 40) < 0:
            continue  # (a label is short)
        m = _TURN_LABEL_RE.match(plain, span.start, span.end)
        if m is not None:
            labels[span.start] = m
    if sum(labels[s].group(1) == "Q" for s in dotted) < 2:
        for s in dotted:  # ("A. Holt, the mayor, …": an initial, unless two "Q." turns)
            del labels[s]
    if not labels:
        return {}
    exchange = _exchange_turns(doc, article, labels)
    # a label is "Q", "A", "R" or a person: an actor, or a name in capitals ("RETZ:")
    for start, m in list(labels.items()):
        label = m.group(1)
        if label in ("Q", "A", "R") or (label.isupper() and len(label) > 1):
            continue
        np = doc.classify_np(m.start(1), m.end(1), None)
        if np is None or np.kind != "actor":
            del labels[start]  # "Update:", "Note:", "Kyiv:": no turn
    names = [m.group(1) for m in labels.values()]
    qa = "Q" in names and ("A" in names or "R" in names)
    if len(labels) < 2 or not (qa or (len(set(names)) >= 2 and len(labels) >= 3)):
        return exchange
    inside = [(a, span.end) for span in article.body if (a := span.start) in labels]

    def outside(pos: int) -> bool:
        return not any(a <= pos < b for a, b in inside)

    intro = [
        span
        for span in (article.headline, article.standfirst, *article.body)
        if span is not None and outside(span.start)
    ]
    if not any(_INTERVIEW_CUE_RE.search(doc.folded, sp.start, sp.end) for sp in intro):
        return exchange  # labels without an interview: an explainer in Q&A form, read as prose

    actor_ids = set(doc.actors.ids)
    interviewee = ""
    for sp in intro:  # "Economist Jana Holt … talks to the Daily Courier": the person before
        tm = _TALKS_TO_RE.search(doc.folded, sp.start, sp.end)
        if tm is not None:
            np = doc.subject_np(doc.boundary_before(sp.start, tm.start()), tm.start(), None)
            head = doc.plain[sp.start : tm.start()].rstrip()
            if np is None and head.endswith(","):  # "Jana Holt, who advised Fenn, talks to"
                np = doc.appositive_np(sp.start, sp.start + len(head) - 1, None)
            if np is not None:
                interviewee = _speaker_fields(np, actor_ids)[0]
            break
    if not interviewee:
        counts: dict[str, int] = {}
        for m in doc.mentions:
            if m.actor and not m.pronoun and outside(m.start):
                counts[m.actor] = counts.get(m.actor, 0) + 1
        interviewee = max(counts, key=lambda a: counts[a]) if counts else ""  # (first on ties)
    interviewer = "Q"
    for span in intro:
        for im in _INTERVIEWER_RE.finditer(doc.plain, span.start, span.end):
            nm = _INTERVIEWER_NP_RE.match(doc.plain, im.end(), span.end)
            if nm is not None:
                interviewer = nm.group(1).rstrip(".")
                break
        if interviewer != "Q":
            break
    out: dict[int, tuple[str, int, str, str]] = {}
    for start, m in labels.items():
        label = m.group(1)
        if label in ("A", "R"):
            who = interviewee or label
            kind = "actor" if who in actor_ids else "other" if interviewee else "unknown"
        elif label == "Q":
            who, kind = interviewer, "other"
        else:
            np = doc.classify_np(m.start(1), m.end(1), None)
            who, kind = _speaker_fields(np, actor_ids) if np is not None else (label, "other")
            if kind != "actor" and fold(label) in _HOST_LABELS:
                # "HOST:" after "… with presenter Petra Ollander": the host named outside
                host = {
                    h.group(1)
                    for sp in intro
                    for h in _HOST_NAME_RE.finditer(doc.plain, sp.start, sp.end)
                }
                if len(host) == 1:
                    who, kind = host.pop(), "other"
        out[start] = (label, m.end(), who, kind)
    return out


def _exchange_turns(
    doc: _Doc, article: Article, labels: dict[int, re.Match[str]]
) -> dict[int, tuple[str, int, str, str]]:
    r"""Turns of an exchange quoted as a script, outside an interview: start → (label, …).

    Two or more body paragraphs in a row, each opening with a person's label ("Vey: Where are
    the generators?", "Brisco: Loading tonight."), of at least two people. A person is an
    actor, or a name written in full before ("Brisco" after "Hal Brisco"); "Update:",
    "Note:", "Kyiv:" are not. Each turn is that person's words, as a transcript's turn.

    Example:
        >>> from mediaframes import corpus, segment
        >>> text = "Row\n\nLee texted Hal Brisco.\n\nLee: Where?\n\nBrisco: Here."
        >>> art = corpus.parse_plain_text(text, "t", "t.txt")
        >>> lee = Actors((Actor("lee", "Ana Lee", (), ()),))
        >>> doc = _Doc(art, segment.segment_article(art), lee)
        >>> sorted(v[2] for v in _transcript_turns(doc, art).values())
        ['Hal Brisco', 'lee']
    """
    actor_ids = set(doc.actors.ids)
    people: dict[int, tuple[str, int, str, str]] = {}
    for start, m in labels.items():
        label = m.group(1)
        if label in ("Q", "A", "R"):
            continue
        np = doc.classify_np(m.start(1), m.end(1), None)
        if np is None:
            continue
        who, kind = _speaker_fields(np, actor_ids)
        said = doc.plain[m.end() : m.end() + 1]
        if not (said.isupper() or said in _OPEN_QUOTES):
            continue  # "Sarr: 54, a former judge", "Kostav: prime minister since 2019": a profile
        if kind == "actor" or (kind == "other" and " " in who and who != label):
            people[start] = (label, m.end(), who, kind)
    index = {span.start: k for k, span in enumerate(article.body)}
    out: dict[int, tuple[str, int, str, str]] = {}
    run: list[int] = []
    for start in sorted(people) + [-1]:
        if run and start >= 0 and index[start] == index[run[-1]] + 1:
            run.append(start)
            continue
        if len(run) >= 2 and len({people[r][2] for r in run}) >= 2:
            out.update({r: people[r] for r in run})
        run = [start]
    return out


def _clause_units(doc: _Doc, groups: list[list[Sentence]]) -> list[list[Sentence]]:
    """Split a headline or standfirst of two reports into one unit per report.

    "Marrant says talks are a disaster, Dremin praises progress", "Dremin hails deal; Marrant
    calls it a trap", "X says … as Y warns …": each clause after the first opens with a
    capitalized subject and a reporting verb (:meth:`_Doc.clause_cuts`). Units stay one
    sentence each; the sentences table is not changed.

    Example (a sketch): the headline "Dremin hails deal; Marrant calls it a trap" becomes the
    units "Dremin hails deal" and "Marrant calls it a trap".
    """
    out: list[list[Sentence]] = []
    for g in groups:
        s = g[0]
        cuts = (
            doc.clause_cuts(s.start, s.end, semicolons_only=s.section == "body")
            if len(g) == 1
            else []
        )
        if not cuts:
            out.append(g)
            continue
        start = s.start
        for first_end, next_start in cuts:
            out.append([dataclasses.replace(s, start=start, end=first_end)])
            start = next_start
        out.append([dataclasses.replace(s, start=start)])
    return out


def _joined_units(groups: list[list[Sentence]], ends: dict[int, int]) -> list[list[Sentence]]:
    """Join the body units that start before ``ends[start]`` into the unit at ``start``.

    A transcript turn's paragraph, or a signed post (maybe with its signature's paragraph),
    becomes one unit.
    """
    out: list[list[Sentence]] = []
    end = -1
    for g in groups:
        if out and g[0].start not in ends and g[0].section == "body" and g[0].start < end:
            out[-1] = out[-1] + g
            continue
        out.append(g)
        end = ends.get(g[0].start, -1) if g[0].section == "body" else -1
    return out


#: An embedded post's signature ending a body paragraph after a sentence's end: "— Lotte Skarv
#: (@SkarvTransport) 18:02", then at most a date (group ``name``: the signer; plain text).
_POST_SIGNATURE_RE = name_re(
    r"(?:^|(?<=[.!?\"'\u201d\u2019\u2026)]\s)|(?<=\n)|(?<=[.!?]))"
    r"[\u2014\u2013]\s*(?P<name>[A-Z][^()\n\u2014\u2013]{0,60}?)\s*\(@\w{1,30}\)"
    r"[ \t,]*(?:[\w.:]+[ \t,]*){0,5}$"
)


def _signed_posts(doc: _Doc, article: Article) -> dict[int, tuple[int, int, int, str, str, str]]:
    r"""Embedded posts: unit start → (text start, text end, unit end, speaker, type, signature).

    A body paragraph that ends with a signature "— Name (@handle) date" is the post of that
    name (an actor, or another person); a paragraph of the signature alone signs the paragraph
    before it.

    Example:
        >>> from mediaframes import corpus, segment
        >>> text = "Row\n\nBarges left at noon. \u2014 Ana Lee (@analee) 18:02"
        >>> art = corpus.parse_plain_text(text, "t", "t.txt")
        >>> lee = Actors((Actor("lee", "Ana Lee", (), ()),))
        >>> doc = _Doc(art, segment.segment_article(art), lee)
        >>> [(v[3], doc.text[v[0]:v[1]]) for v in _signed_posts(doc, art).values()]
        [('lee', 'Barges left at noon. ')]
    """
    if "(@" not in doc.plain:
        return {}
    actor_ids = set(doc.actors.ids)
    out: dict[int, tuple[int, int, int, str, str, str]] = {}
    body = article.body
    for k, span in enumerate(body):
        m = _POST_SIGNATURE_RE.search(doc.plain, span.start, span.end)
        if m is None:
            continue
        start = span.start
        if not doc.plain[span.start : m.start()].strip():
            if k == 0 or body[k - 1].start in out:
                continue
            start = body[k - 1].start  # the signature's own paragraph signs the one before
        if not doc.plain[start : m.start()].strip():
            continue
        np = doc.classify_np(m.start("name"), m.end("name"), None)
        if np is None:
            continue
        speaker, kind = _speaker_fields(np, actor_ids)
        out[start] = (start, m.start(), span.end, speaker, kind, m.group(0).strip())
    return out


#: The head of an apposition to a report's content, before another's reporting clause: "…
#: rents, a pledge Corvey called …", "…, a plan that Orlan described as …" (folded; ends
#: where the subject starts).
_APPOSED_REPORT_RE = re.compile(
    r",\s+(?:a|an|the|one|this)\s+(?:[a-z\-]+\s+){0,2}?(?:pledge|promise|plan|proposal|idea"
    r"|move|step|claim|figure|policy|measure|offer|demand|decision|change|reform|cut|rise|deal"
    r"|compromise|remark|comment|statement|charge|accusation|suggestion|approach|scheme"
    r"|number|forecast|estimate|target|stance|position|view|argument|line|prospect|threat"
    r"|warning|choice|gesture|tactic|strategy)\s+(?:that\s+|which\s+)?$"
)

#: A label line of a bulleted "who said what" recap: a name of two to four capitalised words,
#: maybe a role after a comma, no verb and no end punctuation ("Ilona Retz, transport
#: minister"; group ``name``; plain text).
_RECAP_LABEL_RE = name_re(
    r"(?P<name>[A-Z][\w'.\-]+(?:[ \t]+[A-Z][\w'.\-]+){1,3})"
    r"(?:,[ \t]+[^.!?:;\"\n\u201c\u201d]{2,80})?"
)
#: A bullet marker opening a body paragraph: "- ", "* ", "\u2022 ".
_BULLET_RE = re.compile(r"[ \t]*[-*\u2022\u2013][ \t]+")
#: A recap bullet opening with a past-tense reporting verb and no subject ("Said the plan …",
#: "Warned that …", "Accused Retz of …"; group 1: the verb).
_RECAP_VERB_RE = re.compile(
    r"(Said|Told|Warned|Accused|Argued|Claimed|Insisted|Stressed|Urged|Promised|Pledged|Vowed"
    r"|Defended|Critici[sz]ed|Rejected|Denied|Dismissed|Admitted|Acknowledged|Suggested"
    r"|Predicted|Noted|Called|Praised|Blamed|Questioned|Described|Conceded|Added|Announced"
    r"|Agreed|Disputed|Challenged|Asked|Explained|Repeated|Maintained)[ \t]+(?=[\w\"\u201c])"
)


def _recap_bullets(doc: _Doc, article: Article, rows: list[dict[str, Any]]) -> None:
    """Give the bullets under a recap's label line the labelled person (rows changed in place).

    A "who said what" recap names each person on a line of its own ("Ilona Retz, transport
    minister") and lists what they said as bullets below: "- Said the plan was late.",
    "- Warned that …", '- "We will not wait."'. A bullet with no subject that opens with a
    reporting verb, a bare quotation without attribution, and a speaker the rules took from
    such a verb ("Defended" of "Defended the cap, saying …") or a pronoun after it, are the
    labelled person's. Another short line without end punctuation ("From the audience")
    ends the block.
    """
    actor_ids = set(doc.actors.ids)
    plain = doc.plain
    label: tuple[str, str] | None = None
    bogus: set[str] = set()
    starts = [r["char_start"] for r in rows]  # (rows are in text order)
    for span in article.body:
        bullet = _BULLET_RE.match(doc.text, span.start, span.end)
        if bullet is None:
            label = None
            end = plain[span.start : span.end].rstrip()
            if end and end[-1] not in ".!?\"'\u201d\u2019:" and len(end) < 120:
                m = _RECAP_LABEL_RE.fullmatch(plain, span.start, span.start + len(end))
                np = None if m is None else doc.classify_np(m.start("name"), m.end("name"), None)
                if np is not None and np.kind in ("actor", "person", "other"):
                    who, kind = _speaker_fields(np, actor_ids)
                    if kind == "actor" or " " in who:  # (a full name, not "Kyiv")
                        label = (who, kind)
            bogus = set()
            continue
        if label is None:
            continue
        first = bullet.end()
        for r in rows[bisect_left(starts, span.start) : bisect_left(starts, span.end)]:
            vm = _RECAP_VERB_RE.match(plain, r["char_start"], r["char_end"])
            if vm is not None and r["char_start"] == first:
                bogus.add(vm.group(1))
            if r["quote_type"] == "narration":
                if vm is None or r["char_start"] != first:
                    continue
                quoted = any(r["char_start"] <= q.start < r["char_end"] for q in doc.quotes)
                r["quote_type"] = "mixed" if quoted else "indirect"
                r["reporting_verb"] = vm.group(1).lower()
                r["quote_start"], r["quote_end"] = vm.end(), r["char_end"]
                r["quote_text"] = doc.text[vm.end() : r["char_end"]]
                r["rule"] = f"{r['quote_type']}: recap bullet opening with {vm.group(1)!r}"
            elif not (r["speaker"] in bogus or (not r["speaker"] and r["quote_type"] == "direct")):
                continue
            r["speaker"], r["speaker_type"] = label
            r["rule"] += "; speaker: the recap's label line"


def _statement_row(
    article_id: str,
    n: int,
    section: str,
    span: tuple[int, int],
    text: str,
    *,
    speaker: str = "",
    speaker_type: str = "narration",
    source: str = "",
    source_actor: str = "",
    addressee: str = "",
    quote_type: str = "narration",
    verb: str = "",
    quote_text: str = "",
    quote: tuple[int, int] | None = None,
    rule: str = "",
) -> dict[str, Any]:
    """The fields of one :class:`Statement`, in field order (for ``records.fast_records``).

    Defaults describe narration: no speaker, no source, an empty quote at the span's start.

    Example:
        >>> row = _statement_row("a", 3, "body", (10, 20), "Talks ended", rule="narration")
        >>> row["statement_id"], row["quote_start"], row["quote_end"]
        ('a:003', 10, 10)
    """
    start, end = span
    qs, qe = quote if quote is not None else (start, start)
    return {
        "article_id": article_id,
        "statement_id": f"{article_id}:{n:03d}",
        "speaker": speaker,
        "speaker_type": speaker_type,
        "source": source,
        "source_actor": source_actor,
        "addressee": addressee,
        "quote_type": quote_type,
        "reporting_verb": verb,
        "section": section,
        "text": text,
        "quote_text": quote_text,
        "char_start": start,
        "char_end": end,
        "quote_start": qs,
        "quote_end": qe,
        "rule": rule,
    }


def _they_of_prev(
    doc: _Doc, np: _NP, prev: _Prev | None, section: str, paragraph: int
) -> _NP | None:
    """The speaker a subject "they" continues when the statement before is a plural role's.

    "Officials familiar with the talks said …. Maraveth wants …, they said": the officials, not
    the last group of actors (``np`` as that speaker, or None to keep ``np``'s reading). Only
    in that statement's section, in its paragraph or the next.
    """
    if (
        prev is None
        or (np.kind != "joint" and np.how != "unresolved pronoun")
        or fold(np.text) != "they"
        or prev.speaker_type != "other"
        or prev.section != section
        or not 0 <= paragraph - prev.paragraph <= 1
        or not _is_plural_role(_role_head(fold(prev.speaker)), doc.pat["role"])
    ):
        return None
    how = "'they' continues the plural role that spoke before"
    return _NP(np.start, np.end, np.text, "other", "", prev.speaker, how=how)


def _they_of_main_clause(doc: _Doc, np: _NP, ustart: int) -> _NP | None:
    """The main clause's plural subject a "they" in its relative clause stands for, or None.

    "Supporters of the party circulated a video, which they said showed …": the supporters,
    as written (a plural noun of people, maybe with an "of"/"from" phrase, then a past verb in
    "-ed"; an actor's "they" resolves before this).
    """
    if (
        np.how != "unresolved pronoun"
        or fold(np.text) != "they"
        or _WHICH_THEY_RE.search(doc.folded, max(ustart, np.start - 10), np.end) is None
    ):
        return None
    sm = _PLURAL_SUBJECT_RE.match(doc.plain, ustart, np.start)
    if sm is None or not is_plural_people(fold(sm.group(2))):
        return None
    how = "'they' in a relative clause is the main clause's subject"
    return _NP(np.start, np.end, np.text, "other", "", sm.group(1), how=how)


def _role_head(folded: str) -> str:
    """A role phrase without its modifier: "officials familiar with the talks" → "officials".

    Example:
        >>> _role_head("officials familiar with the talks"), _role_head("aides")
        ('officials', 'aides')
    """
    pm = _POSTMOD_RE.search(folded)
    return folded[: pm.start()] if pm is not None else folded


def _narration_before(doc: _Doc, ustart: int) -> tuple[Sentence, Sentence] | None:
    """The body's narration sentence right before the sentence at ``ustart``, and that one.

    ``(before, current)``, when the sentence before is narration of the body with no
    quotation; None otherwise (or at the first sentence).

    Example (a sketch): for 'Aldric cut in. "The truth?"' at the quotation, the sentence
    "Aldric cut in." and the quotation's sentence.
    """
    k = bisect_left(doc.sentence_starts, ustart + 1) - 1
    if k < 1:
        return None
    cur, before = doc.sentences[k], doc.sentences[k - 1]
    if (
        before.section != "body"
        or before.index not in doc.narrated
        or doc.quotes_in(before.start, before.end)
    ):
        return None
    return before, cur


def _narrated_speaker_before(doc: _Doc, ustart: int) -> _NP | None:
    """The person a narration sentence right before ``ustart`` (same paragraph) opens with.

    For a quotation with no attribution: 'Aldric cut in before she had finished. "The
    truth? …"', 'Later, Hallett turned to Selvik. "Governor, …"'. The sentence before must be
    narration of the body with no quotation, and open (after a phrase of time or place) with an
    actor's name (not a possessive "Aldric's") or the surname of a person named before
    (:meth:`_Doc.narrated_subject`); None otherwise.

    Example (a sketch): in 'Aldric cut in. "The truth?"' the quotation's unit gives Aldric's
    noun phrase.
    """
    pair = _narration_before(doc, ustart)
    if pair is None or pair[0].paragraph != pair[1].paragraph:
        return None
    before = pair[0]
    lo = before.start
    if (om := _NARRATED_OPENING_RE.match(doc.plain, lo, before.end)) is not None:
        lo = om.end()
    while lo < before.end and doc.plain[lo].isspace():
        lo += 1
    for m in doc.mentions_in(lo, before.end):
        if m.start == lo and m.actor and not m.pronoun and m.kind == "name":
            if doc.plain.startswith(("'s", "\u2019s"), m.end):
                return None  # "Aldric's plan was rejected": not about him speaking
            return _NP(m.start, m.end, doc.text[m.start : m.end], "actor", m.actor, how="name")
        break
    name = doc.narrated_subject(before.index, "")
    if name:
        return _NP(lo, lo + len(name), name, "other", "", name, "", "other speaker (name)")
    return None


def _asked_subject_before(doc: _Doc, ustart: int) -> _NP | None:
    """The person a question was put to in the narration sentence right before ``ustart``.

    For a quotation with no attribution that opens the next paragraph (or follows in the same
    one): "Asked about her first year, she is unusually blunt." then "“I made every
    mistake …”" is her answer. The sentence before must be narration of the body with no
    quotation, open with "Asked" (or "When asked") and a question word or preposition, and
    give its subject after the clause's comma: an actor's name or a pronoun that resolves to
    an actor. None otherwise.

    Example (a sketch): in 'Asked about the budget, Lund was blunt. "We failed."' the
    quotation's unit gives Lund's noun phrase (Lund an actor).
    """
    pair = _narration_before(doc, ustart)
    if pair is None or not 0 <= pair[1].paragraph - pair[0].paragraph <= 1:
        return None
    before = pair[0]
    if (am := _ASKED_OPENING_RE.match(doc.folded, before.start, before.end)) is None:
        return None
    doc.resolve_pronouns_in(am.end(), before.end)
    opens = {c.end() for c in _COMMA_SPACE_RE.finditer(doc.plain, am.end() - 2, before.end)}
    for m in doc.mentions_in(am.end(), before.end):
        if m.start in opens:  # the first clause after a comma that opens with a mention
            # (the question's clause may hold commas: "Asked about her first year, when the
            # budget failed twice, she is blunt.")
            if not m.actor or m.kind not in ("name", "pronoun") or m.pronoun in ("her", "his"):
                return None
            if doc.plain.startswith(("'s", "\u2019s"), m.end):
                return None  # "Asked about it, Lund's office said nothing"
            return _NP(m.start, m.end, doc.text[m.start : m.end], "actor", m.actor, how=m.kind)
    return None


def _speaker_fields(np: _NP, actor_ids: set[str]) -> tuple[str, str]:
    if "+" in np.actor and np.kind in ("joint", "doc", "org"):
        return np.actor, "joint"
    if np.kind in ("actor", "org", "pronoun") and np.actor:
        return np.actor, "actor"
    if np.kind == "doc" and np.actor:
        return np.actor, "actor"
    name = np.name or np.text
    return name, ("actor" if name in actor_ids else "other")


def _own_source(np: _NP) -> tuple[str, str, str]:
    """``(source, source_actor, how)`` of a speaker that no outer frame reports.

    The source is the speaker's own office or document, or the affiliation of another speaker,
    else none.

    Example:
        >>> _own_source(_NP(0, 10, "the Kremlin", "org", "putin"))
        ('the Kremlin', 'putin', "the speaker's own office/document")
    """
    if np.kind in ("org", "doc", "country"):
        return np.text, np.actor, "the speaker's own office/document"
    if np.kind == "other" and np.affiliation and (np.actor or np.name):
        return np.affiliation, np.actor, "affiliation of the speaker"
    return "", "", "none"


def _introduced_for(doc: _Doc, speaker: str, start: int, how: str) -> tuple[str, str]:
    """``(source_actor, how)`` of another person named before as speaking for an actor.

    "Peskov said", after "Kremlin spokesman Dmitry Peskov": he still speaks for Putin (the
    role as written is the source at the introduction only).

    Args:
        doc: The article's state, with the persons introduced so far.
        speaker: The speaker's name as the statement gives it.
        start: Offset of the statement.
        how: The source's explanation so far.

    Returns:
        The actor and the explanation, or ``("", how)`` when none was introduced before.
    """
    intro = doc.name_actors.get(speaker)
    if intro is None or intro[0] >= start:
        return "", how
    return intro[1], f"{how}; speaks for {intro[1]} as introduced before"


def _strip_span(plain: str, start: int, end: int) -> tuple[int, int]:
    while start < end and plain[start] in " \n\t,;:":
        start += 1
    while end > start and plain[end - 1] in " \n\t,;:.":
        end -= 1
    if end > start and plain[end - 1] == '"' and plain.count('"', start, end) % 2 == 1:
        return _strip_span(plain, start, end - 1)
    return start, end


_NARRATION_RULE = "narration: no reporting frame"

#: A lower-case gerund or participle right before a quoted fragment: 'accusing his government
#: of keeping "a hand on our throat"' has no subject there, only the participle's object.
_GERUND_END_RE = re.compile(r"(?<![\w'\-])[a-z]{2,}ing\s*$")


def _starts_with_verb(text: str, verbs: Mapping[str, tuple[str, str]]) -> bool:
    """Whether a phrase opens with a lower-case reporting verb ("says a future government")."""
    first = text.split(None, 1)[0] if text.strip() else ""
    return first[:1].islower() and fold(first) in verbs


#: Lexicon frames of verbs whose first complement is an object ("calling the plan …").
_OBJECT_FRAMES = frozenset({"name", "obj", "obj_to", "np"})


def _object_of_participle(doc: _Doc, lo: int, np: _NP) -> bool:
    """Whether ``np`` is the object of a participle that takes no clause.

    The participle stands right before the phrase or is its first word: 'a letter calling
    the draft "one-sided"' (not 'saying the chancellor had "confused …"', whose clause has
    its own subject).
    """
    gm = _GERUND_END_RE.search(doc.plain, lo, np.start)
    first = np.text.split(None, 1)[0]
    if gm is not None:
        word = gm.group(0).strip()
    elif _GERUND_END_RE.fullmatch(first):
        word = first
    else:
        return False
    lemma = doc.lex.gerund_lemma(word)
    return not lemma or doc.lex.verbs.get(lemma, ("", ""))[1] in _OBJECT_FRAMES


#: The ``rule`` wording of the frames that do not name their verb (others: "'said' before…").
_FRAME_PATTERNS = {
    "acc": "'according to' source",
    "colon": "headline 'Source: …' prefix",
    "mixed": "subject before quoted fragment",
}


@lru_cache(maxsize=1024)
def _verb_pattern(lemma: str, before: bool) -> str:
    """The ``rule`` wording of a frame that names its verb (cached: few lemmas recur).

    Example:
        >>> _verb_pattern("say", True), _verb_pattern("add", False)
        ("'say' before content", "'add' after content")
    """
    return f"{lemma!r} " + ("before" if before else "after") + " content"


@dataclass(slots=True)
class _Prev:
    speaker: str
    speaker_type: str
    source: str
    source_actor: str
    quote_type: str
    section: str
    paragraph: int


def attribute(
    article: Article, sentences: Sequence[Sentence], actors: Actors
) -> tuple[list[Statement], list[Mention]]:
    r"""Extract the statements of an article and the mentions of configured actors.

    Args:
        article: The article (offsets index ``article.text``).
        sentences: Its sentences from :func:`mediaframes.segment.segment_article`.
        actors: Configured actors from :func:`load_actors`.

    Returns:
        ``(statements, mentions)``: one statement per sentence, or per group of sentences
        holding one quotation, or per clause of a sentence that holds two reports ("Dremin
        hails deal; Marrant calls it a trap", :func:`_clause_units`), in text order, ids
        ``<article_id>:<n:03d>`` from 0; and every actor mention in headline, standfirst and
        body, in text order.

    Example:
        >>> from mediaframes import corpus, segment
        >>> art = corpus.parse_plain_text(
        ...     "Talks\n\n\u201cWe will talk,\u201d the Kremlin said.", "x2", "x2.txt")
        >>> st, _ = attribute(art, segment.segment_article(art), load_actors())
        >>> (st[1].speaker, st[1].source, st[1].quote_type, st[1].quote_text)
        ('putin', 'the Kremlin', 'direct', 'We will talk')
    """
    doc = _Doc(article, sentences, actors)
    actor_ids = set(actors.ids)
    statement_rows: list[dict[str, Any]] = []  # the fields of each statement, in order
    last_source: _NP | None = None
    prev: _Prev | None = None
    groups = _clause_units(doc, _group_units(doc))
    turns = _transcript_turns(doc, article)
    posts = _signed_posts(doc, article)
    if turns or posts:
        ends = {span.start: span.end for span in article.body if span.start in turns}
        ends.update({start: post[2] for start, post in posts.items()})
        groups = _joined_units(groups, ends)
    for n, group in enumerate(groups):
        ustart, uend = group[0].start, group[-1].end
        section, paragraph = group[0].section, group[0].paragraph
        turn = turns.get(ustart) if turns else None
        post = posts.get(ustart) if posts else None
        if turn is not None or post is not None:
            # a turn of a Q&A transcript or a signed post: the person's words, the whole
            # paragraph after the label (before the signature)
            if turn is not None:
                label, label_end, speaker, speaker_type = turn
                qs, qe = _strip_span(doc.plain, label_end, uend)
                rule = f"direct: transcript turn {label + ':'!r}; speaker: " + _TURN_WHO.get(
                    label, "the person the label names"
                )
            else:
                q0, q1, _, speaker, speaker_type, signature = post
                qs, qe = _strip_span(doc.plain, q0, q1)
                rule = f"direct: a post signed {signature!r}; speaker: the signer"
            statement_rows.append(
                _statement_row(
                    article.article_id,
                    n,
                    section,
                    (ustart, uend),
                    doc.text[ustart:uend],
                    speaker=speaker,
                    speaker_type=speaker_type,
                    quote_type="direct",
                    quote_text=doc.text[qs:qe],
                    quote=(qs, qe),
                    rule=rule,
                )
            )
            prev = _Prev(speaker, speaker_type, "", "", "direct", section, paragraph)
            doc.resolve_pronouns_in(ustart, uend)
            continue
        frames = doc.frames_in(ustart, uend, last_source, section)
        for f in frames:
            doc.note_body(f.np)
        unit_quotes = doc.quotes_in(ustart, uend)
        if unit_quotes and not frames and all(doc.is_title(q, ustart, uend) for q in unit_quotes):
            unit_quotes = []  # '"The Long Table" is the best film of the year': a title
        if (
            doc.fast_paths
            and not frames
            and not unit_quotes
            and (prev is None or not doc.folded.startswith("it ", ustart))
        ):
            # No reporting frame and no quotation: narration, as the rules below conclude
            # (but "It was agreed that …" may continue the report before it)
            # (no speaker, no source; the previous speaker is forgotten).
            statement_rows.append(
                _statement_row(
                    article.article_id,
                    n,
                    section,
                    (ustart, uend),
                    doc.text[ustart:uend],
                    rule=_NARRATION_RULE,
                )
            )
            prev = None
            doc.resolve_pronouns_in(ustart, uend)
            doc.note_narration(ustart, uend)
            continue
        if doc.fast_paths and not unit_quotes and len(frames) == 1 and frames[0].kind == "leading":
            # One leading frame and no quotation, the common indirect report: the rules below
            # with ``chain == ordered == [f]``, no source frame, no quote, content after ``f``.
            f = frames[0]
            np = f.np
            np = (
                _they_of_prev(doc, np, prev, section, paragraph)
                or _they_of_main_clause(doc, np, ustart)
                or np
            )
            speaker, speaker_type = _speaker_fields(np, actor_ids)
            source, source_actor, src_how = _own_source(np)
            if speaker_type == "other" and not source_actor:
                source_actor, src_how = _introduced_for(doc, speaker, ustart, src_how)
            addressee = "" if f.addressee is None else _speaker_fields(f.addressee, actor_ids)[0]
            qs, qe = _strip_span(doc.plain, f.content_start, uend)
            if qe <= qs:
                qs, qe = _strip_span(doc.plain, ustart, uend)
            statement_rows.append(
                _statement_row(
                    article.article_id,
                    n,
                    section,
                    (ustart, uend),
                    doc.text[ustart:uend],
                    speaker=speaker,
                    speaker_type=speaker_type,
                    source=source,
                    source_actor=source_actor,
                    addressee=addressee,
                    quote_type="indirect",
                    verb=f.verb,
                    quote_text=doc.text[qs:qe],
                    quote=(qs, qe),
                    rule=f"indirect: {_verb_pattern(f.lemma, True)}; speaker: {np.how}; "
                    f"source: {src_how}",
                )
            )
            if np.kind != "doc" or np.actor:
                last_source = np
            if speaker:
                prev = _Prev(
                    speaker, speaker_type, source, source_actor, "indirect", section, paragraph
                )
            doc.resolve_pronouns_in(ustart, uend)
            continue
        if len(frames) > 1 and any(f.lemma == _IN_WORDS for f in frames):
            # "The bridge, in his words, is a symbol, Macron said": the verb's frame says it
            frames = [f for f in frames if f.lemma != _IN_WORDS] or frames
        # ``frames_in`` makes colon, acc, trailing and leading frames; the only colon frame
        # comes first (a headline prefix), so ``outer`` lists it before the others.
        outer: list[_Frame] = []
        leading: list[_Frame] = []
        for f in frames:
            (leading if f.kind == "leading" else outer).append(f)
        if len(leading) > 1 and doc.in_asked_question(leading[0]):
            # "Asked whether Brannvoll had threatened …, as two papers reported, she replied:
            # …": the question's reports are no frames; the main clause opens after a comma
            main = [
                f
                for f in leading[1:]
                # (the question's content may start past its comma: "as X has proposed, Y")
                if doc.plain[leading[0].np.end : f.np.start].rstrip().endswith(",")
            ]
            if main:
                leading = leading[leading.index(main[0]) :]
        chain: list[_Frame] = []
        for f in leading:
            if not chain:
                chain.append(f)
                continue
            if len(chain) == 1 and doc.in_fronted_clause(chain[0], f):
                # "When a reporter pointed out that …, he said: …": the fronted clause's report
                # is no outer frame of the main clause's
                chain = [f]
                continue
            gap = len(_WORD_RE.findall(doc.plain[chain[-1].content_start : f.np.start]))
            named = f.np.kind != "other" or bool(f.np.name)
            conj = _CONJ_RE.search(
                doc.folded[chain[-1].content_start : f.np.start],
            )  # "PM says talks were 'frank' as Orlan warns …": two reports, not nested
            # the content of an ``np`` verb is a noun phrase, not a clause: "Haldane rejects
            # Sorvanian demands on …" holds the noun "demands", no nested report (a "that"
            # clause may still hold one)
            np_object = _verb_frame(doc.lex, chain[-1].verb) == "np" and not _THAT_RE.search(
                doc.folded[chain[-1].content_start : f.np.start]
            )
            # "Holt said her party would freeze rents, a pledge Corvey called "…"": a report in
            # an apposition to the content is no nested report of the main clause
            apposed = _APPOSED_REPORT_RE.search(doc.folded, chain[-1].content_start, f.np.start)
            if (
                gap <= 12
                and named
                and not conj
                and not np_object
                and apposed is None
                and f.start >= chain[-1].content_start
                and not doc.modal_before_verb(f)
                and not doc.wrote_no_words(f, uend)
            ):
                chain.append(f)
            else:
                break
        outer_spans = [(f.start, f.end) for f in outer if f.kind != "colon"]
        quotes = unit_quotes
        if outer_spans and unit_quotes:
            quotes = [q for q in quotes if not any(a <= q.start < b for a, b in outer_spans)]
        content_start = ustart
        for f in outer:
            if (
                f.kind == "colon"
                or f.end <= ustart + 1
                or doc.plain[ustart : f.start].strip() == ""
            ):
                content_start = max(content_start, f.end)
        inner: _Frame | None = None
        if not chain and quotes:
            q = quotes[0]
            lo = doc.boundary_before(content_start, q.start)
            lo = max(lo, content_start)
            np = doc.subject_np(lo, q.start, last_source)
            if np is not None and (
                doc._prev_word(np.start) in _PREPOSITIONS
                or fold(np.text.split()[0]) in _PREPOSITIONS
                or _object_of_participle(doc, max(lo, np.start - 20), np)
            ):
                # 'X offered to host talks between the two governments "at any level"': the
                # noun before the fragment is an object; the clause's subject says it
                np = doc.main_subject(ustart, np.start, last_source)
            if np is not None and _starts_with_verb(np.text, doc.lex.verbs):
                # 'the draft says a future government "would review" …': no subject starts
                # with the reporting verb of an unrecognised frame before it
                np = None
            inner_text = doc.plain[q.inner_start : q.inner_end].lstrip()
            if (
                np is not None
                and np.kind != "country"
                and inner_text[:1].islower()
                and np.how != _AGENT_HOW  # (a name or role: 'saying that the board "takes …"')
                and not _GERUND_END_RE.search(doc.plain, np.start, q.start)
            ):
                first = fold(inner_text.split()[0]) if inner_text.split() else ""
                verb = first if first in doc.lex.verbs else ""
                verb_text = doc.text[q.inner_start : q.inner_start + len(first)] if verb else ""
                lemma = doc.lex.verbs[first][0] if verb else ""
                reported = any(
                    f.kind in ("leading", "trailing") and f.content_start <= np.start for f in outer
                ) or (
                    # 'According to the monitor, 90,000 people on the coast face "severe"
                    # shortages': an unnamed group in the source's content is what it reports
                    np.kind == "other"
                    and not np.name
                    and any(f.kind == "acc" and f.content_start <= np.start for f in outer)
                )
                if verb or not reported:
                    # (not in an outer report's content: 'Soren told Halm that Brask had
                    # "irrefutable evidence"' quotes Soren's words, not Brask's)
                    inner = _Frame("mixed", np, verb_text, lemma, np.start, q.start, q.inner_start)
        speaker_frame = chain[-1] if chain else inner or (outer[-1] if outer else None)
        ordered = outer + chain if chain else outer  # colon frame, other outer frames, chain
        if (
            not chain
            and inner is None
            and len(outer) > 1
            and outer[-1].kind == "acc"
            and outer[-2].kind in ("leading", "trailing")
        ):
            # '"…," Marrow said, according to the readout.' / '…, according to Corvex News.':
            # the document or outlet relays the person
            speaker_frame = outer[-2]
            ordered = [*outer[:-2], outer[-1], outer[-2]]
        if inner:
            ordered = [*ordered, inner]
        # the first frame in that order that is not the speaker's (frames appear once)
        source_frame = None
        if ordered:
            source_frame = ordered[0] if ordered[0] is not speaker_frame else None
            if source_frame is None and len(ordered) > 1:
                source_frame = ordered[1]

        # quote type
        direct_quotes = quotes
        if quotes and section == "body" and not doc.single_style:
            direct_quotes = [q for q in quotes if q.double]
        direct = False
        if inner is None and direct_quotes:  # a mixed frame is never direct
            lead_pos = [content_start] + [f.content_start for f in chain]
            for q in direct_quotes:
                inner_text = doc.plain[q.inner_start : q.inner_end].lstrip()
                # (a dialogue line's dash before the words: :func:`dialogue_quote`)
                at_start = any(
                    doc.plain[p : q.start].strip(" ,:\n\u2014\u2015") == "" for p in lead_pos
                )
                if at_start and (inner_text[:1].isupper() or not inner_text[:1].isalpha()):
                    direct = True
                    break
        if direct and speaker_frame is None:
            # an unattributed quotation must look like speech, not a quoted title
            words = " ".join(doc.plain[q.inner_start : q.inner_end] for q in direct_quotes)
            direct = len(words.split()) >= 3 or words.rstrip()[-1:] in (".", "!", "?", ",")
        text = doc.text[ustart:uend]
        qs = qe = ustart
        quote_text: str | None = None
        speaker = source = source_actor = addressee = verb = ""
        speaker_type = "narration"
        rule = ""
        if speaker_frame is None:
            if (
                direct
                and prev
                and prev.speaker  # after a quote or a paraphrase ("X said … ." / "…")
                and (prev.section == section and 0 <= paragraph - prev.paragraph <= 1)
            ):
                quote_type = "direct"
                speaker, speaker_type = prev.speaker, prev.speaker_type
                source, source_actor = prev.source, prev.source_actor
                rule = "direct: quotation with no attribution continues the previous " + (
                    "quote" if prev.quote_type in ("direct", "mixed") else "paraphrase"
                )
            elif direct and (subj := _narrated_speaker_before(doc, ustart)) is not None:
                # 'Aldric cut in before she had finished. "The truth? …"': the person the
                # narration just before (same paragraph) is about speaks the quotation
                quote_type = "direct"
                speaker, speaker_type = _speaker_fields(subj, actor_ids)
                rule = "direct: quotation after a narration sentence about its speaker"
            elif direct and (subj := _asked_subject_before(doc, ustart)) is not None:
                # 'Asked about her first year, she is blunt. / "I made every mistake …"': the
                # answer of the person the question was put to
                quote_type = "direct"
                speaker, speaker_type = _speaker_fields(subj, actor_ids)
                rule = "direct: quotation after a question put to its speaker"
            elif direct:
                quote_type = "direct"
                speaker_type = "unknown"
                rule = "direct: quotation with no attribution and no quote before it"
            elif (
                prev
                and prev.speaker
                and prev.source
                and (prev.section == section and 0 <= paragraph - prev.paragraph <= 1)
                and _AGENTLESS_REPORT_RE.match(doc.folded, ustart, uend)
            ):
                # "The joint communiqué said … . It was agreed that …": the document goes on
                quote_type = "mixed" if quotes else "indirect"
                speaker, speaker_type = prev.speaker, prev.speaker_type
                source, source_actor = prev.source, prev.source_actor
                rule = f"{quote_type}: agentless passive report continues the previous report"
            else:
                quote_type = "narration"
                rule = _NARRATION_RULE
        else:
            if (
                source_frame is not None
                and source_frame.kind in ("leading", "trailing")
                and speaker_frame.kind == "leading"
                and source_frame.np.actor
                and source_frame.np.actor == speaker_frame.np.actor
                and speaker_frame.np.kind == "pronoun"
                and doc.lex.verbs.get(fold(speaker_frame.verb), ("", ""))[1] == "np"
            ):
                # "Orsk said she welcomed the committee's work": her own report of what she
                # did; the words are all that follows "said", its verb is "said"
                speaker_frame, source_frame = source_frame, None
                ordered = [f for f in ordered if f is speaker_frame]
            np = speaker_frame.np
            np = (
                _they_of_prev(doc, np, prev, section, paragraph)
                or _they_of_main_clause(doc, np, ustart)
                or np
            )
            speaker, speaker_type = _speaker_fields(np, actor_ids)
            if source_frame is not None:
                sn = source_frame.np
                source, source_actor = sn.text, sn.actor
                if sn.kind == "other" and sn.name and sn.how.startswith("pronoun -> "):
                    source = sn.name  # "She said Tom Reed had told …": she is Lia Morn
                src_how = f"{source_frame.kind} frame, {sn.how}"
            else:
                source, source_actor, src_how = _own_source(np)
            if (
                source_frame is not None
                and source_frame.np.kind in ("actor", "pronoun")
                and source_frame.np.actor == speaker
            ):
                # "Macron said that he had warned …": the speaker reports their own words
                source, source_actor = "", ""
                src_how = "same speaker as the outer frame"
            if speaker_type == "other" and not source_actor and source_frame is None:
                source_actor, src_how = _introduced_for(doc, speaker, ustart, src_how)
            if speaker_frame.addressee is not None:
                addressee = _speaker_fields(speaker_frame.addressee, actor_ids)[0]
            verb = speaker_frame.verb
            if speaker_frame.kind == "mixed" and not verb and source_frame is not None:
                verb = source_frame.verb
            quote_type = "direct" if direct else "mixed" if quotes else "indirect"
            pattern = _FRAME_PATTERNS.get(speaker_frame.kind) or _verb_pattern(
                speaker_frame.lemma, speaker_frame.kind == "leading"
            )
            nested = f"; nested in {len(ordered) - 1} outer frame(s)" if len(ordered) > 1 else ""
            rule = f"{quote_type}: {pattern}{nested}; speaker: {np.how}; source: {src_how}"
        # attributed content
        if quote_type == "direct":
            dq = [q for q in direct_quotes if ustart <= q.start < uend] or quotes
            parts = [_strip_span(doc.plain, dq[0].inner_start, dq[0].inner_end)]
            for prev_q, q in zip(dq, dq[1:], strict=False):
                gap = doc.folded[prev_q.end : q.start]
                if len(gap.split()) > 12 or _THAT_RE.search(gap):
                    break  # "…," he said, adding that … "…": not the same quotation
                parts.append(_strip_span(doc.plain, q.inner_start, q.inner_end))
            parts = [(a, b) for a, b in parts if b > a] or parts[:1]
            qs, qe = parts[0][0], parts[-1][1]
            if len(parts) > 1:
                # "A," she said, "B.": the quoted words only, the extent stays in qs…qe
                quote_text = SPLIT_QUOTE_JOINER.join(doc.text[a:b] for a, b in parts)
        elif quote_type in ("mixed", "indirect") and speaker_frame is None:
            # an agentless passive report ("It was agreed that …"): the clause after "that"
            agentless = _AGENTLESS_REPORT_RE.match(doc.folded, ustart, uend)
            qs, qe = _strip_span(doc.plain, agentless.end() if agentless else ustart, uend)
        elif quote_type in ("mixed", "indirect") and speaker_frame.lemma == _IN_WORDS:
            # "In his own words, the bridge is …" / "The bridge, in Fenn's words, is …": the
            # words around the phrase
            a = speaker_frame.end if speaker_frame.start <= ustart else ustart
            qs, qe = _strip_span(doc.plain, a, uend)
        elif quote_type in ("mixed", "indirect"):
            assert speaker_frame is not None
            if speaker_frame.kind in ("leading", "mixed"):
                cs = speaker_frame.content_start
                named = None
                if quotes and doc.lex.verbs.get(fold(speaker_frame.verb), ("", ""))[1] == "name":
                    named = next((q for q in quotes if q.start >= cs), None)
                    cs = named.inner_start if named is not None else cs
            else:
                cs, named = content_start, None
            ce = uend
            for f in outer:
                if f.kind != "colon" and f.start > cs:
                    ce = min(ce, f.start)
            qs, qe = _strip_span(doc.plain, cs, ce)
            if named is not None and qs == named.inner_start and qe == named.end:
                qe = named.inner_end  # "calls it 'a tax'": the name without either mark
            elif named is not None and qs == named.inner_start and qe > named.end:
                qs = named.start  # "calls it 'a tax' and a shame": both marks
            if qe <= qs:
                qs, qe = _strip_span(doc.plain, content_start, uend)
        if speaker_type in ("narration",):
            speaker = ""
        statement_rows.append(
            _statement_row(
                article.article_id,
                n,
                section,
                (ustart, uend),
                text,
                speaker=speaker,
                speaker_type=speaker_type,
                source=source,
                source_actor=source_actor,
                addressee=addressee,
                quote_type=quote_type,
                verb=verb,
                quote_text=quote_text if quote_text is not None else doc.text[qs:qe],
                quote=(qs, qe),
                rule=rule,
            )
        )
        if speaker_frame is not None:
            top = ordered[0].np if ordered else speaker_frame.np
            if top.kind != "doc" or top.actor:
                last_source = top
        if speaker:
            prev = _Prev(
                speaker, speaker_type, source, source_actor, quote_type, section, paragraph
            )
        elif quote_type == "narration":
            prev = None
        doc.resolve_pronouns_in(ustart, uend)
        if quote_type == "narration":
            doc.note_narration(ustart, uend)
    if doc.text.count("\n- ") >= 2:
        _recap_bullets(doc, article, statement_rows)
    # every row lists every field in order: built at once (``fast_records``), no constructor
    statements = fast_records(Statement, statement_rows)
    kept = [m for m in doc.mentions if m.actor]
    # ``doc.in_quote(m.start) is not None`` for all at once; ``m.sentence`` is ``_sent_of``
    quoted = _held_by_spans([m.start for m in kept], [(q.start, q.end) for q in doc.quotes])
    article_id, text = article.article_id, article.text
    mention_rows = [
        {  # (a dict display: quicker to build than ``dict(...)``; fields in order)
            "article_id": article_id,
            "actor": m.actor,
            "kind": m.kind,
            "start": m.start,
            "end": m.end,
            "text": text[m.start : m.end],
            "sentence": m.sentence,
            "in_quote": in_quote,
        }
        for m, in_quote in zip(kept, quoted, strict=True)
    ]
    return statements, fast_records(Mention, mention_rows)  # (built at once, as the statements)


# ---------------------------------------------------------------------------------------------
# Tables and evidence
# ---------------------------------------------------------------------------------------------


def statements_frame(statements: Iterable[Statement]) -> pd.DataFrame:
    """Statements as a DataFrame, contract columns first (see the module docstring).

    Args:
        statements: Statements of one or more articles.

    Returns:
        One row per statement.

    Example:
        >>> statements_frame([]).columns.tolist()[:4]
        ['article_id', 'statement_id', 'speaker', 'source']
    """
    df = to_frame(list(statements), Statement)
    rest = [c for c in df.columns if c not in CONTRACT_COLUMNS]
    return df[CONTRACT_COLUMNS + rest]


def mentions_frame(mentions: Iterable[Mention]) -> pd.DataFrame:
    """Mentions as a DataFrame (columns of :class:`~mediaframes.records.Mention`).

    Example:
        >>> mentions_frame([]).columns.tolist()[:3]
        ['article_id', 'actor', 'kind']
    """
    return to_frame(list(mentions), Mention)


def highlight(
    text: str, offset: int, spans: Sequence[tuple[int, int, str]], fmt: str = "plain"
) -> str:
    """Mark spans inside a piece of text (pure function).

    Args:
        text: The piece of text (a paragraph).
        offset: Offset of ``text`` in the article (spans are article offsets).
        spans: ``(start, end, kind)`` with kind ``statement`` or ``quote``; nested or disjoint.
        fmt: ``plain`` (``[[statement]]``, ``{{quote}}``) or ``html`` (``<mark>`` tags, escaped).

    Returns:
        The marked text.

    Example:
        >>> highlight("He said yes.", 0, [(0, 12, "statement"), (8, 11, "quote")])
        '[[He said {{yes}}.]]'
    """
    marks: dict[int, list[tuple[int, str]]] = {}
    for start, end, kind in spans:
        s, e = max(start - offset, 0), min(end - offset, len(text))
        if s >= e:
            continue
        if fmt == "html":
            cls = "mf-statement" if kind == "statement" else "mf-quote"
            opener, closer = f'<mark class="{cls}">', "</mark>"
        else:
            opener, closer = ("[[", "]]") if kind == "statement" else ("{{", "}}")
        marks.setdefault(s, []).append((0 - (e - s), opener))
        marks.setdefault(e, []).insert(0, (0, closer))
    out: list[str] = []
    for i in range(len(text) + 1):
        for _, tag in sorted(
            marks.get(i, []), key=lambda t: (t[1].startswith(("]", "}", "</")) is False, t[0])
        ):
            out.append(tag)
        if i < len(text):
            out.append(html_lib.escape(text[i]) if fmt == "html" else text[i])
    return "".join(out)


def evidence_view(article: Article, statements: Iterable[Statement]) -> pd.DataFrame:
    r"""Each statement in its paragraph(s), with statement and content highlighted.

    Args:
        article: The article.
        statements: Its statements.

    Returns:
        Columns ``statement_id, speaker, quote_type, rule, paragraph_start, paragraph_end,
        plain, html`` (``plain`` marks the statement ``[[…]]`` and the content ``{{…}}``).

    Example:
        >>> from mediaframes import corpus, segment
        >>> art = corpus.parse_plain_text("T\n\nMacron said he was ready.", "x3", "x3.txt")
        >>> st, _ = attribute(art, segment.segment_article(art), load_actors())
        >>> evidence_view(art, st).plain.tolist()[1]
        '[[Macron said {{he was ready}}.]]'
    """
    units = [s for s in (article.headline, article.standfirst) if s is not None]
    units += list(article.body)
    rows = []
    for st in statements:
        paras = [u for u in units if u.start < st.char_end and u.end > st.char_start]
        if not paras:
            paras = [u for u in units if u.start <= st.char_start <= u.end][:1]
        p0 = min(u.start for u in paras) if paras else st.char_start
        p1 = max(u.end for u in paras) if paras else st.char_end
        spans = [(st.char_start, st.char_end, "statement")]
        if st.quote_end > st.quote_start:
            spans.append((st.quote_start, st.quote_end, "quote"))
        piece = article.text[p0:p1]
        rows.append(
            {
                "statement_id": st.statement_id,
                "speaker": st.speaker,
                "quote_type": st.quote_type,
                "rule": st.rule,
                "paragraph_start": p0,
                "paragraph_end": p1,
                "plain": highlight(piece, p0, spans, "plain"),
                "html": highlight(piece, p0, spans, "html"),
            }
        )
    cols = ["statement_id", "speaker", "quote_type", "rule", "paragraph_start", "paragraph_end"]
    return pd.DataFrame(rows, columns=cols + ["plain", "html"])
