"""A configured actor's own name, title or office is no frame cue (acceptance defect 16).

Every sentence, actor, company, union and codebook here is INVENTED for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mediaframes import analysis, attribution, corpus, framing, steps
from mediaframes.records import Article, Mention, Span, Statement

#: An INVENTED codebook whose cues include words that configured actors' offices contain.
BOOK = framing.parse_codebook(
    {
        "id": "inv_labour",
        "version": "1",
        "name": "Invented labour codebook",
        "description": "INVENTED, for tests",
        "source": "INVENTED",
        "frames": [
            {"id": "economic", "name": "E", "definition": "d",
             "cues": ["company", "freight", "money", "cost", "rise"]},
            {"id": "labour", "name": "L", "definition": "d",
             "cues": ["union", "strike", "picket"]},
            {"id": "diplomacy", "name": "D", "definition": "d", "cues": ["mediator", "talks"]},
        ],
    }
)  # fmt: skip

#: INVENTED actors: a chief executive and her company, a union leader, a mediator "Rise".
ACTORS = attribution.actors_from_mapping(
    {
        "actors": {
            "vell": {
                "name": "Orla Vell",
                "aliases": ["Vell", "the chief executive"],
                "organizations": ["Tarnwick Freight", "the company"],
                "gender": "female",
            },
            "osk": {
                "name": "Pim Osk",
                "aliases": ["Osk", "the union leader"],
                "organizations": ["the union"],
            },
            "rise": {"name": "Bram Rise", "aliases": ["Rise", "the mediator"], "gender": "male"},
        }
    },
    "inv_actors.yml",
)

# (INVENTED text, expected (frame, cue) labels with the actors file's words skipped)
CASES = [
    # the office "the company" is the actor, not an economic cue; "money" still counts
    ("The company said the strike would cost money.",
     [("labour", "strike"), ("economic", "cost"), ("economic", "money")]),
    ("The Company said so.", []),  # any case: a lower-case office matches "Company"
    # "Freight" inside the name "Tarnwick Freight" is skipped, the word "freight" is not
    ("Tarnwick Freight said freight costs would rise.",
     [("economic", "freight"), ("economic", "costs"), ("economic", "rise")]),
    # an alias ("the union leader"), an office ("the union") and an alias ("the mediator")
    ("The union leader met the mediator for talks.", [("diplomacy", "talks")]),
    ("The union's members backed the union.", []),  # possessive: still the office
    # NEGATIVE rows: what is not a configured surface still counts
    ("Unions across the region backed the picket.",  # plural "unions" is not "the union"
     [("labour", "Unions"), ("labour", "picket")]),
    # one-word name written with a capital: only "Rise" with a capital is the mediator
    ("Prices will rise, Rise said.", [("economic", "rise")]),
    ("The mediators' forum met.", [("diplomacy", "mediators")]),  # plural: not the alias
    ("Companies and a mediator met.", [("economic", "Companies")]),  # "a mediator" = alias
]  # fmt: skip


def _labels(text: str, actors: object, mentions: tuple[Mention, ...] = ()) -> list:
    art = Article("t", "t.txt", "txt", text, None, None, None, (Span(0, len(text), text),))
    st = Statement("t", "t:000", "", "narration", "", "", "", "narration", "", "body", text, "",
                   0, len(text), 0, 0, "narration")  # fmt: skip
    skip = framing.actor_spans(text, actors, mentions)
    labels = framing.label_statements(art, [st], BOOK, "statement", skip)
    for lab in labels:  # evidence offsets stay raw article offsets
        assert text[lab.char_start : lab.char_end] == lab.cue
    # the lazy skip of the pipeline gives the same labels
    lazy = framing.ActorSkip(text, actors, mentions)
    assert framing.label_statements(art, [st], BOOK, "statement", lazy) == labels
    return labels


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actor_words_are_no_frame_cues(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(lab.frame, lab.cue) for lab in _labels(text, ACTORS)]
    assert sorted(got) == sorted(expected)


def test_without_actors_or_mentions_every_cue_counts() -> None:
    text = "The company said the union met the mediator."
    got = {lab.cue for lab in _labels(text, None)}
    assert got == {"company", "union", "mediator"}


def test_mentions_are_skipped_even_when_the_file_does_not_list_the_words() -> None:
    # the attribution matched "the Freight Board" (say, by a rule of its own): it is skipped
    text = "The Freight Board said freight would move."
    m = Mention("t", "vell", "organization", 0, 17, text[:17], 0, False)
    pron = Mention("t", "vell", "pronoun", 23, 30, text[23:30], 0, False)  # pronouns are not
    assert [lab.cue for lab in _labels(text, None, (m, pron))] == ["freight"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Orla Vell, the chief executive, spoke.", ["Orla Vell", "chief executive"]),
        ("Tarnwick  Freight and THE UNION", ["Tarnwick  Freight", "UNION"]),
        ("a rise; Rise", ["Rise"]),
        ("Osk\u2019s union", ["Osk\u2019s", "union"]),
    ],
)
def test_actor_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in framing.actor_spans(text, ACTORS)] == spans


def _write_inputs(tmp_path: Path) -> tuple[Path, Path]:
    actors = tmp_path / "actors.yml"
    actors.write_text(
        yaml.safe_dump(
            {
                "actors": {
                    "vell": {
                        "name": "Orla Vell",
                        "aliases": ["Vell"],
                        "organizations": ["Tarnwick Freight", "the company"],
                        "gender": "female",
                    },
                    "osk": {"name": "Pim Osk", "aliases": ["Osk"], "organizations": ["the union"]},
                }
            }
        ),
        encoding="utf-8",
    )
    book = tmp_path / "book.yml"
    book.write_text(
        yaml.safe_dump(
            {
                "id": "inv_labour",
                "version": "1",
                "name": "Invented",
                "description": "INVENTED",
                "source": "INVENTED",
                "frames": [
                    {"id": "economic", "name": "E", "definition": "d", "cues": ["company"]},
                    {"id": "labour", "name": "L", "definition": "d", "cues": ["union", "strike"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    return actors, book


def test_analyze_and_notebook_steps_skip_the_actors_words_alike(tmp_path: Path) -> None:
    actors_path, book = _write_inputs(tmp_path)
    text = (
        "Strike talks stall\n\n"
        "Orla Vell said the company would not give in to the strike.\n\n"
        "Osk said the union would stay out."
    )  # INVENTED
    art = corpus.parse_plain_text(text, "inv", "inv.txt")
    res = analysis.load_resources(actors_path, codebooks=[str(book)])
    found = analysis.analyze_article(art, res)
    by_speaker = {}
    st_speaker = {s.statement_id: s.speaker for s in found.statements}
    for lab in found.frames:
        by_speaker.setdefault(st_speaker[lab.statement_id], set()).add((lab.frame, lab.cue))
    # Vell's office "the company" and Osk's "the union" give no economic / labour label
    assert by_speaker.get("vell") == {("labour", "strike")}
    assert "osk" not in by_speaker
    tables = steps.statement_tables([art], res.actors)
    frames = steps.frame_labels([art], tables, [str(book)], "statement", res.actors)
    assert sorted(frames["cue"]) == sorted(lab.cue for lab in found.frames)


def _fixture_articles() -> list[Path]:
    return sorted(Path(__file__).parent.glob("fixtures/invented/blind*/*/raw/*.txt"))


@pytest.mark.parametrize("raw", _fixture_articles()[::6], ids=lambda p: p.parent.parent.name)
def test_lazy_skip_labels_as_actor_spans(raw: Path) -> None:
    """On INVENTED fixture articles with their actors: the same labels, lazily or not."""
    from mediaframes import attribution, corpus, segment

    actors = attribution.load_actors(raw.parent.parent / "actors.yml")
    art = corpus.parse_plain_text(raw.read_text(encoding="utf-8"), raw.stem, raw.name)
    statements, mentions = attribution.attribute(art, segment.segment_article(art), actors)
    full = framing.actor_spans(art.text, actors, mentions)
    lazy = framing.ActorSkip(art.text, actors, mentions)
    for book in (BOOK, framing.load_codebook("conflict_diplomacy")):
        want = framing.label_statements(art, statements, book, "statement", full)
        assert framing.label_statements(art, statements, book, "statement", lazy) == want


def test_actor_spans_with_many_first_words_as_with_few(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``_MANY_FIRST_WORDS`` first words the text's word runs stand for the searches.

    Same spans either way, on INVENTED fixture articles with 90 INVENTED actors more (each
    name, alias and office adds first words: "Minister", "Dorvan", "al-Qerim", "the", …).
    """
    extra = tuple(
        attribution.Actor(
            f"inv{k}",
            f"Dorvan{k} Quell{k}",
            (f"Quell{k}", f"Minister Quell{k}", f"al-Qerim{k}"),
            (f"the Vessik{k} ministry of trade", f"Tarn{k}'s office"),
        )
        for k in range(90)
    )
    for raw in _fixture_articles()[::9]:
        actors = attribution.load_actors(raw.parent.parent / "actors.yml")
        many = attribution.Actors((*actors.actors, *extra))
        text = raw.read_text(encoding="utf-8")
        text += " Minister Quell7 met al-Qerim12 at the Vessik3 ministry of trade; Tarn5's office"
        monkeypatch.setattr(framing, "_MANY_FIRST_WORDS", 10**9)
        searched = framing.actor_spans(text, many)
        monkeypatch.setattr(framing, "_MANY_FIRST_WORDS", -1)
        assert framing.actor_spans(text, many) == searched
        assert len(searched) >= 4
