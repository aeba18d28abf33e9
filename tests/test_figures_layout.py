# Layout tests of mediaframes.figures: long names and frame ids must neither leave the figure nor
# run into each other (acceptance tests 15a defect 8, 15b defects 8 and 9). All names, ids and
# tables here are INVENTED for the tests.
from __future__ import annotations

import itertools
from pathlib import Path

import matplotlib.text
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from test_figures import _drawn_figure  # the figure a plot function saves

from mediaframes import figures as F

#: INVENTED actors with long names (ids → names), three of them.
NAMES = {
    "fuente": "Maria Elena de la Fuente Obregón",
    "montvas": "Jean-Baptiste Alexandre Montgomery-Vasseur",
    "brandvik": "Oskar Brandvik",
}
IDS = list(NAMES)
#: INVENTED frame ids, 30+ characters, seven of them; two pairs share a long start.
FRAMES = [
    "affordability_and_patient_access_to_medicines",
    "profit_investment_and_return_on_innovation",
    "profit_investment_and_return_on_research",
    "legal_regulatory_framework_of_compulsory_licences",
    "legal_regulatory_framework_of_compulsory_tenders",
    "jobs_economy_and_industrial_employment_losses",
    "trust_misinformation_and_public_confidence",
]


def long_statements() -> pd.DataFrame:
    """INVENTED statements: 30 by the three actors, each side reporting some."""
    return pd.DataFrame(
        [
            {
                "article_id": f"a{i % 4}",
                "statement_id": f"s{i}",
                "speaker": IDS[i % 3],
                "speaker_type": "actor",
                "source": "",
                "source_actor": IDS[(i + 1) % 3] if i % 2 else IDS[i % 3],
                "quote_type": F.QUOTE_TYPES[i % 3],
                "section": "body",
            }
            for i in range(30)
        ]
    )


def long_sentiment(key: str = "speaker") -> pd.DataFrame:
    """INVENTED means per actor and method (three methods, one with a long name)."""
    return pd.DataFrame(
        [
            {key: s, "method": m, "n": 10 + k, "mean": 0.1, "ci_low": -0.2, "ci_high": 0.3}
            for k, s in enumerate(IDS)
            for m in ("vader", "afinn", "invented_lexicon_method")
        ]
    )


def long_frames_by_actor() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "speaker": s,
                "codebook": "invented_pricing_codebook",
                "frame": f,
                "n_statements": 1 + j,
                "share": 0.1 * (j + 1),
            }
            for s in IDS
            for j, f in enumerate(FRAMES)
        ]
    )


def long_divergence() -> pd.DataFrame:
    rows = []
    for a, b in itertools.permutations(IDS, 2):
        for j, f in enumerate(FRAMES[:5]):
            rows.append(
                {
                    "article_id": "a1",
                    "side": a,
                    "other_side": b,
                    "kind": "frame",
                    "codebook": "c",
                    "item": f,
                    "n_side": j + 1,
                    "evidence": "compulsory licence; price gouging; profiteering; lifesaving",
                }
            )
        for t in ("affordability", "pharmaceutical", "manufacturers"):
            rows.append(
                {
                    "article_id": "a2",
                    "side": a,
                    "other_side": b,
                    "kind": "topic",
                    "codebook": "",
                    "item": t,
                    "n_side": 2,
                    "evidence": t,
                }
            )
    return pd.DataFrame(rows)


def long_hvb(n_articles: int) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "article_id": f"a{a}",
                "section": sec,
                "kind": kind,
                "rank": 1 if n_articles > 1 else k + 1,
                "item": item,
                "count": 1,
            }
            for a in range(n_articles)
            for sec in ("headline", "standfirst", "body")
            for kind, items in (("speaker", IDS), ("frame", FRAMES))
            for k, item in enumerate(items)
        ]
    )


def long_word_choice() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"anchor": anchor, "voice": v, "term": f"{t}_{v}", "count": 2, "distinctive": True}
            for anchor in ("the compulsory licensing of patented medicines", "Veloria")
            for v in [*IDS, "narration"]
            for t in ("extraordinarily_long_compound-term", "profiteering", "price gouging")
        ]
    )


def long_articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a0", "a1", "a2", "a3"],
            "outlet": ["The Invented Extraordinarily Long Daily Chronicle", "B", "C", "D"],
            "date": ["2030-01-01", "2030-02-01", "2030-03-01", "2030-04-01"],
            "n_words": [100, 200, 300, 400],
        }
    )


LONG_CASES = {
    "corpus_overview": lambda out: F.plot_corpus_overview(
        long_articles(), out, statements=long_statements()
    ),
    "statements_per_actor": lambda out: F.plot_statements_per_actor(
        long_statements(), out, labels=NAMES
    ),
    "sentiment_by_actor": lambda out: F.plot_sentiment_by_actor(
        long_sentiment(), out, tone_by_actor=long_sentiment("actor"), labels=NAMES
    ),
    "frame_shares_by_actor": lambda out: F.plot_frame_shares(
        long_frames_by_actor(), out, labels=NAMES
    ),
    "readout_divergence": lambda out: F.plot_readout_divergence(
        long_divergence(), out, labels=NAMES
    ),
    "headline_vs_body_one_article": lambda out: F.plot_headline_vs_body(
        long_hvb(1), out, labels=NAMES
    ),
    "headline_vs_body": lambda out: F.plot_headline_vs_body(long_hvb(2), out, labels=NAMES),
    "word_choice": lambda out: F.plot_word_choice(
        long_word_choice(),
        out,
        loaded_terms=pd.DataFrame(
            {
                "voice": IDS,
                "mode": ["quoted"] * 3,
                "pair": ["invented_price_naming"] * 3,
                "variant": ["accusing_variant"] * 3,
                "term": ["price gouging by the manufacturers", "profiteering", "monopoly"],
            }
        ),
        scare_quotes=pd.DataFrame({"voice": ["narration"], "text": ["liberation"]}),
        labels=NAMES,
    ),
}


def _drawn(monkeypatch: pytest.MonkeyPatch, plot, out: Path):
    """The figure ``plot`` saves, laid out as saved, and a renderer to measure it."""
    fig = _drawn_figure(monkeypatch, plot, out)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    return fig, renderer


def _tick_labels(fig) -> tuple[list, set]:
    """The tick labels drawn (axis by axis) and every tick label artist."""
    drawn, every = [], set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            ticks = axis.get_major_ticks() + axis.get_minor_ticks()
            every.update(t for tick in ticks for t in (tick.label1, tick.label2))
            if not ax.axison or not axis.get_visible():
                continue
            labels = [
                t
                for tick in axis._update_ticks()  # the ticks inside the view, as drawn
                for t in (tick.label1, tick.label2)
                if t.get_visible() and t.get_text().strip()
            ]
            drawn.append(labels)
    return drawn, every


def _overlap(a, b, renderer) -> bool:
    """Whether two tick labels overlap; slanted labels as slanted strips, not their boxes."""
    angle = a.get_rotation() % 180
    if angle == 0 or angle != b.get_rotation() % 180:
        return a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer))
    heights = []
    for t in (a, b):
        t.set_rotation(0)
        heights.append(t.get_window_extent(renderer).height)
        t.set_rotation(angle)
    pa = a.get_transform().transform(a.get_position())
    pb = b.get_transform().transform(b.get_position())
    th = np.radians(angle)
    across = abs((pb[0] - pa[0]) * np.sin(th) - (pb[1] - pa[1]) * np.cos(th))
    return across < sum(heights) / 2


def layout_problems(fig, renderer) -> list[str]:
    """Texts outside the figure, overlapping tick labels, texts running into other texts."""
    problems = []
    drawn, every = _tick_labels(fig)
    for labels in drawn:
        for a, b in itertools.combinations(labels, 2):
            if _overlap(a, b, renderer):
                problems.append(f"tick labels overlap: {a.get_text()!r} / {b.get_text()!r}")
    ticks = [t for labels in drawn for t in labels]
    others = [
        t
        for t in fig.findobj(matplotlib.text.Text)
        if t not in every and t.get_visible() and t.get_text().strip()
    ]
    box = fig.bbox
    for t in others + ticks:
        b = t.get_window_extent(renderer)
        if b.x0 < box.x0 - 1 or b.x1 > box.x1 + 1 or b.y0 < box.y0 - 1 or b.y1 > box.y1 + 1:
            problems.append(f"outside the figure: {t.get_text()!r}")
    for a, b in itertools.combinations(others + ticks, 2):
        if a in ticks and b in ticks:
            continue  # (tick labels: above, slanted ones as strips)
        if a.get_window_extent(renderer).overlaps(b.get_window_extent(renderer)):
            problems.append(f"texts overlap: {a.get_text()!r} / {b.get_text()!r}")
    return problems


@pytest.mark.parametrize("name", sorted(LONG_CASES))
def test_long_names_and_frame_ids_stay_inside_and_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """Every figure with long actor names, seven 30+ character frame ids and three actors:
    no text leaves the figure, no tick labels overlap, no text runs into another."""
    fig, renderer = _drawn(monkeypatch, LONG_CASES[name], tmp_path)
    assert layout_problems(fig, renderer) == []
    labels = [t.get_text() for group in _tick_labels(fig)[0] for t in group]
    assert not any("[...]" in lab for lab in labels)


@pytest.mark.filterwarnings("ignore:constrained_layout not applied")  # (the bad layout)
def test_layout_check_finds_clipped_and_overlapping_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: a title past the edge and labels on one spot are found."""

    def bad(out: Path):
        with F._style():
            fig = F.Figure(figsize=(3, 2))
            ax = fig.add_subplot()
            ax.set_xticks([0, 0.01], ["headline", "standfirst"])
            ax.text(0.9, 0.5, "a text that runs far past the right edge of the figure")
            return F.save_figure(fig, out, "bad")

    fig, renderer = _drawn(monkeypatch, bad, tmp_path)
    problems = layout_problems(fig, renderer)
    assert "tick labels overlap: 'headline' / 'standfirst'" in problems
    assert any(p.startswith("outside the figure: 'a text that runs") for p in problems)


def test_divergence_labels_long_frame_ids_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """15b defect 8: Figure 5 showed long frame ids as "[…]"; now each keeps its start and
    ids sharing a long start keep enough of their end to tell them apart."""
    fig, _ = _drawn(monkeypatch, LONG_CASES["readout_divergence"], tmp_path)
    ax = [a for a in fig.axes if a.patches][0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(set(labels)) == len(labels) == 8
    assert "legal_regulatory_framework_of_compulsory_licences" not in labels  # shortened
    for frame in FRAMES[:5]:
        shown = [lab for lab in labels if frame.startswith(lab.split("…")[0])]
        assert shown, f"{frame} has no label keeping its start"
    # the panel titles with long names are wrapped, not cut off
    titles = [a.get_title(loc="center") or a.get_title(loc="left") for a in fig.axes if a.patches]
    assert any("Montgomery-Vasseur" in t and "\n" in t for t in titles)


def test_sentiment_note_counts_each_panel_apart(tmp_path: Path) -> None:
    """15a defect 8: the note added the two panels' cuts (136 + 20 = 156 of 151 speakers).
    INVENTED: 20 speakers on the left, 18 actors (10 of them also speakers) on the right."""
    speakers = [f"sp{i:02d}" for i in range(20)]
    actors = [f"sp{i:02d}" for i in range(10)] + [f"ac{i:02d}" for i in range(8)]

    def rows(key: str, names: list[str]) -> pd.DataFrame:
        return pd.DataFrame(
            {
                key: names,
                "method": "vader",
                "n": range(40, 40 - len(names), -1),
                "mean": 0.1,
                "ci_low": 0.0,
                "ci_high": 0.2,
            }
        )

    svg = F.plot_sentiment_by_actor(
        rows("speaker", speakers), tmp_path, tone_by_actor=rows("actor", actors)
    )[0].read_text(encoding="utf-8")
    assert "Not shown: 5 of 20 speakers (left) and 3 of 18 actors (right)" in svg
    assert "8 further" not in svg
    one = F.plot_sentiment_by_actor(rows("speaker", speakers), tmp_path / "one")[0]
    assert "Not shown: 5 of 20 speakers, those with fewest statements." in one.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("text", "width", "tail", "expected"),
    [
        ("Ana Vell", 24, 0, "Ana Vell"),
        ("Maria Elena de la Fuente Obregón", 24, 0, "Maria Elena de la…"),
        ("Maria Elena de la Fuente Obregón", 32, 0, "Maria Elena de la Fuente Obregón"),
        ("affordability_and_patient_access_to_medicines", 24, 0, "affordability_and_…"),
        ("profit_investment_and_return_on_innovation", 24, 10, "profit_invest…innovation"),
        ("abcdefghijklmnopqrstuvwxyz", 10, 0, "abcdefghi…"),  # one long word: cut in it
        ("a b", 2, 0, "a…"),
    ],
)
def test_short_label(text: str, width: int, tail: int, expected: str) -> None:
    assert F.short_label(text, width, tail) == expected
    assert len(F.short_label(text, width, tail)) <= max(width, 2)


@pytest.mark.parametrize(
    ("texts", "width", "expected"),
    [
        (["peace", "war"], 24, ["peace", "war"]),
        (
            ["legal_regulatory_framework_one", "legal_regulatory_framework_two", "jobs"],
            20,
            ["legal_regulat…rk_one", "legal_regulat…rk_two", "jobs"],
        ),
        (["abcdefgh1", "abcdefgh2"], 4, ["ab…1", "ab…2"]),
        (["abcdefgh1jklm", "abcdefgh2jklm"], 4, ["abcdefgh1jklm", "abcdefgh2jklm"]),  # no cut
        # tells them apart: shown whole
        (["same_long_identifier_here", "same_long_identifier_here"], 10, ["same_long…"] * 2),
    ],
)
def test_short_labels_keep_distinct_texts_apart(
    texts: list[str], width: int, expected: list[str]
) -> None:
    assert F.short_labels(texts, width) == expected


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("jobs_economy", 24, "jobs_economy"),
        ("affordability_and_patient_access", 20, "affordability_and_\npatient_access"),
        ("Maria Elena de la Fuente Obregón", 24, "Maria Elena de la Fuente\nObregón"),
        ("abcdefghijkl", 5, "abcde\nfghij\nkl"),
    ],
)
def test_wrap_label(text: str, width: int, expected: str) -> None:
    assert F.wrap_label(text, width) == expected


@pytest.mark.parametrize(
    ("texts", "width", "lines", "expected"),
    [
        (["jobs"], 24, 2, ["jobs"]),
        (
            ["profit_investment_and_return_on_innovation"],
            24,
            2,
            ["profit_investment_and_\nreturn_on_innovation"],
        ),
        (
            ["affordability_and_patient_access_to_medicines"],
            24,
            2,
            ["affordability_and_\npatient_access_to_…"],
        ),
        (  # the second's last line would be cut like the first's: both split every 12
            ["legal_regulatory_framework_of_compulsory_licences_a", "legal_regulatory_fr_b"],
            12,
            2,
            ["legal_regula\ntory_…", "legal_regula\ntory_fr_b"],
        ),
    ],
)
def test_fit_labels(texts: list[str], width: int, lines: int, expected: list[str]) -> None:
    got = F.fit_labels(texts, width, lines)
    assert got == expected
    assert all(len(row) <= width for lab in got for row in lab.split("\n"))
