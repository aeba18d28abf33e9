# Tests of mediaframes.figures. All tables here are INVENTED for the tests.
from __future__ import annotations

from pathlib import Path

import matplotlib.colors
import pandas as pd
import pytest

from mediaframes import figures as F


def invented_statements() -> pd.DataFrame:
    """INVENTED statements: two actors, one other speaker, narration, two articles."""
    rows = []
    spec = [
        ("a1", "alpha", "actor", "direct", "the Office", "alpha"),
        ("a1", "alpha", "actor", "indirect", "", ""),
        ("a1", "beta", "actor", "mixed", "a readout", "beta"),
        ("a1", "", "narration", "narration", "", ""),
        ("a2", "alpha", "actor", "mixed", "the Office", "alpha"),
        ("a2", "Jo Analyst", "other", "direct", "", ""),
    ]
    for i, (aid, sp, kind, qt, src, src_actor) in enumerate(spec):
        rows.append(
            {
                "article_id": aid,
                "statement_id": f"{aid}:{i:03d}",
                "speaker": sp,
                "speaker_type": kind,
                "source": src,
                "source_actor": src_actor,
                "addressee": "",
                "quote_type": qt,
                "section": "body",
            }
        )
    return pd.DataFrame(rows)


def invented_sentiment_by_actor() -> pd.DataFrame:
    rows = []
    for sp, n in (("alpha", 12), ("beta", 3)):
        for m, mu in (("vader", 0.2), ("afinn", -0.1)):
            rows.append(
                {
                    "speaker": sp,
                    "method": m,
                    "n": n,
                    "mean": mu,
                    "median": mu,
                    "ci_low": mu - 0.2,
                    "ci_high": mu + 0.2,
                    "note": "",
                }
            )
    return pd.DataFrame(rows)


def invented_frames_by_actor() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "speaker": ["alpha", "alpha", "beta"],
            "codebook": ["cb", "cb", "cb"],
            "frame": ["peace", "war", "war"],
            "n_statements": [2, 1, 1],
            "share": [2 / 3, 1 / 3, 1.0],
        }
    )


def invented_articles(n: int = 2) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i + 1}" for i in range(n)],
            "outlet": ["Invented Daily"] * n,
            "date": [f"2030-01-{i + 1:02d}" for i in range(n)],
            "n_words": [100 + 50 * i for i in range(n)],
        }
    )


def invented_divergence() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a1"] * 3,
            "side": ["alpha", "alpha", "beta"],
            "other_side": ["beta", "beta", "alpha"],
            "kind": ["frame", "topic", "frame"],
            "codebook": ["cb", "", "cb"],
            "item": ["peace", "harvest", "war"],
            "n_side": [2, 1, 1],
            "evidence": ["truce", "harvest", "battle"],
        }
    )


def invented_hvb() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a1"] * 3,
            "section": ["headline", "body", "body"],
            "kind": ["speaker", "speaker", "frame"],
            "rank": [1, 1, 1],
            "item": ["beta", "alpha", "peace"],
            "codebook": ["", "", "cb"],
            "count": [1, 2, 2],
            "first_char": [0, 50, 60],
            "elsewhere": [False, True, False],
        }
    )


def invented_word_choice() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "anchor": ["Isle", "Isle", "Isle"],
            "voice": ["alpha", "narration", "narration"],
            "term": ["homeland", "seizure", "island"],
            "count": [1, 2, 1],
            "distinctive": [True, True, False],
        }
    )


CASES = {
    "statements_per_actor": lambda out, thin: F.plot_statements_per_actor(
        invented_statements().query("article_id == 'a1'") if thin else invented_statements(), out
    ),
    "sentiment_by_actor": lambda out, thin: F.plot_sentiment_by_actor(
        invented_sentiment_by_actor(),
        out,
        tone_by_actor=invented_sentiment_by_actor().rename(columns={"speaker": "actor"}),
    ),
    "frame_shares_by_actor": lambda out, thin: F.plot_frame_shares(invented_frames_by_actor(), out),
    "corpus_overview": lambda out, thin: F.plot_corpus_overview(
        invented_articles(1 if thin else 2), out, statements=invented_statements()
    ),
    "readout_divergence": lambda out, thin: F.plot_readout_divergence(invented_divergence(), out),
    "headline_vs_body": lambda out, thin: F.plot_headline_vs_body(invented_hvb(), out),
    "word_choice": lambda out, thin: F.plot_word_choice(
        invented_word_choice(),
        out,
        loaded_terms=pd.DataFrame(
            {"voice": ["alpha"], "pair": ["p"], "variant": ["v"], "term": ["t"]}
        ),
        scare_quotes=pd.DataFrame({"voice": ["narration"], "text": ["liberation"]}),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_figure_written_and_deterministic(tmp_path: Path, name: str) -> None:
    first = CASES[name](tmp_path / "one", False)
    second = CASES[name](tmp_path / "two", False)
    assert [p.name for p in first] == [f"{name}.svg", f"{name}.png"]
    for a, b in zip(first, second, strict=True):
        assert a.stat().st_size > 1000
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two writes"
    svg = first[0].read_bytes()
    assert b"<dc:date>" not in svg and b"Matplotlib v" not in svg
    assert b"Software" not in first[1].read_bytes()[:200]


@pytest.mark.parametrize(
    "plot",
    [
        F.plot_statements_per_actor,
        F.plot_sentiment_by_actor,
        F.plot_frame_shares,
        F.plot_corpus_overview,
        F.plot_readout_divergence,
        F.plot_headline_vs_body,
        F.plot_word_choice,
    ],
)
def test_figure_on_empty_table_says_so(tmp_path: Path, plot) -> None:
    svg, png = plot(pd.DataFrame(), tmp_path)
    assert svg.is_file() and png.is_file()
    text = svg.read_text(encoding="utf-8")
    assert "No " in text  # matplotlib keeps each text as an SVG comment


def test_thin_data_is_annotated_in_the_figure(tmp_path: Path) -> None:
    svg, _ = CASES["statements_per_actor"](tmp_path, True)
    assert "Only 1 article" in svg.read_text(encoding="utf-8")
    svg, _ = CASES["corpus_overview"](tmp_path, True)
    text = svg.read_text(encoding="utf-8")
    assert "Only 1 article" in text and "no distribution to show" in text
    svg, _ = CASES["corpus_overview"](tmp_path / "two", False)
    assert "Only 1 article" not in svg.read_text(encoding="utf-8")


def test_small_n_is_flagged_by_name(tmp_path: Path) -> None:
    svg, _ = F.plot_sentiment_by_actor(invented_sentiment_by_actor(), tmp_path, min_n=10)
    text = svg.read_text(encoding="utf-8")
    assert "too few to conclude" in text and "beta (n=3)" in text
    assert "alpha (n=12)" in text


def test_statement_counts_and_sources(tmp_path: Path) -> None:
    svg, _ = F.plot_statements_per_actor(invented_statements(), tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "via alpha" in text and F.NO_SIDE in text
    assert "1 narration statement" in text


def test_only_configured_sides_are_via(tmp_path: Path) -> None:
    """A source that is no configured actor (a speaker's own role) is not an intermediary."""
    st = invented_statements()
    role = st["speaker"] == "Jo Analyst"
    st.loc[role, "source"] = "The opposition leader"  # INVENTED role, no source_actor
    svg, _ = F.plot_statements_per_actor(st, tmp_path, labels={"alpha": "Ana Alpha"})
    text = svg.read_text(encoding="utf-8")
    assert "opposition leader" not in text
    assert "via Ana Alpha" in text and "via alpha" not in text
    assert "via beta" in text  # not configured in labels: shown by its id


# (speaker, labels, shown)
@pytest.mark.parametrize(
    ("speaker", "labels", "shown"),
    [
        ("vorenko", {"vorenko": "Talia Vorenko"}, "Talia Vorenko"),
        ("brandvik+vorenko", {"vorenko": "T V", "brandvik": "O B"}, "O B and T V"),
        ("brandvik+vorenko", {"vorenko": "T V"}, "brandvik+vorenko"),  # one name unknown
        ("Ansel Duric", {"vorenko": "Talia Vorenko"}, "Ansel Duric"),
        ("", {"vorenko": "Talia Vorenko"}, F.NARRATION),
        ("vorenko", None, "vorenko"),
    ],
)
def test_speaker_label_names(speaker: str, labels: dict | None, shown: str) -> None:
    assert F.speaker_label(speaker, labels) == shown


# (mean per article, number of articles, label): one number format for every bar
@pytest.mark.parametrize(
    ("v", "n_articles", "label"),
    [(8 / 7, 7, "1.14"), (4 / 7, 7, "0.57"), (17 / 7, 7, "2.43"), (2.0, 7, "2.00"), (3.0, 1, "3")],
)
def test_bar_value_consistent_decimals(v: float, n_articles: int, label: str) -> None:
    assert F.bar_value(v, n_articles) == label


def test_headline_vs_body_leaves_out_items_leading_nothing(tmp_path: Path) -> None:
    rows = [  # INVENTED: two articles; "gamma" never speaks first in any section
        ("a1", "headline", "speaker", 1, "alpha"),
        ("a1", "body", "speaker", 1, "beta"),
        ("a1", "body", "speaker", 2, "gamma"),
        ("a2", "body", "speaker", 1, "alpha"),
        ("a2", "body", "speaker", 2, "gamma"),
    ]
    hvb = pd.DataFrame(rows, columns=["article_id", "section", "kind", "rank", "item"])
    svg, _ = F.plot_headline_vs_body(hvb.assign(count=1), tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "gamma" not in text.replace("Not shown: 1 speaker that leads", "")
    assert "Not shown: 1 speaker that leads" in text and "alpha" in text
    one, _ = F.plot_headline_vs_body(hvb[hvb["article_id"] == "a1"].assign(count=1), tmp_path)
    assert "gamma" in one.read_text(encoding="utf-8")  # one article: every rank is shown


def test_divergence_topic_not_repeated_as_cue(tmp_path: Path) -> None:
    rows = [  # INVENTED: "border" is both a frame cue and a topic word of side x
        ("a", "x", "y", "frame", "sovereignty", 1, "border"),
        ("a", "x", "y", "topic", "border", 1, "border"),
        ("a", "x", "y", "topic", "ferry", 1, "ferry"),
    ]
    cols = ["article_id", "side", "other_side", "kind", "item", "n_side", "evidence"]
    svg, _ = F.plot_readout_divergence(pd.DataFrame(rows, columns=cols), tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert text.count("border") == 1 and "ferry" in text


def test_write_all_figures_from_tables_folder(tmp_path: Path) -> None:
    tables = tmp_path / "tables"
    tables.mkdir()
    invented_statements().to_csv(tables / "statements.csv", index=False)
    invented_articles().to_csv(tables / "articles.csv", index=False)
    invented_frames_by_actor().to_csv(tables / "frames_by_actor.csv", index=False)
    out = F.write_all_figures(tables, tmp_path / "figures")
    assert list(out) == list(F.FIGURES)
    assert all(p.is_file() for ps in out.values() for p in ps)
    # only_missing keeps figures already drawn (e.g. by a notebook) and draws the rest
    kept = out["word_choice"][0]
    kept.write_bytes(b"<svg/>")
    out["headline_vs_body"][0].unlink()
    again = F.write_all_figures(tables, tmp_path / "figures", only_missing=True)
    assert kept.read_bytes() == b"<svg/>"
    assert again["headline_vs_body"][0].stat().st_size > 1000


def test_svg_ids_are_renumbered() -> None:
    svg = b'<clipPath id="pabcdef0123"/><path clip-path="url(#pabcdef0123)"/>'
    assert F._renumber_svg_ids(svg) == (
        b'<clipPath id="p0000000000"/><path clip-path="url(#p0000000000)"/>'
    )


def test_bytes_equal_across_processes(tmp_path: Path) -> None:
    """Two fresh interpreters (different hash seeds) write the same bytes."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, pandas as pd\n"
        "from mediaframes import figures as F\n"
        "arts = pd.DataFrame({'article_id': ['a1'], 'outlet': ['O'], 'date': ['2030-01-01'],"
        " 'n_words': [10]})\n"
        "st = pd.DataFrame({'article_id': ['a1'] * 2, 'speaker': ['x', ''],"
        " 'speaker_type': ['actor', 'narration'], 'quote_type': ['direct', 'narration'],"
        " 'source': ['', ''], 'source_actor': ['', '']})\n"
        "F.plot_corpus_overview(arts, sys.argv[1], statements=st)\n"
        "F.plot_statements_per_actor(st, sys.argv[1])\n"
    )
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
        outs.append(out)
    names = sorted(p.name for p in outs[0].iterdir())
    assert names == sorted(p.name for p in outs[1].iterdir()) and len(names) == 4
    for name in names:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_word_choice_with_no_voice_at_all(tmp_path: Path) -> None:
    """A corpus with no statement: empty word choice, contested terms and scare quotes."""
    empty_terms = pd.DataFrame(columns=["article_id", "voice", "term", "variant"])
    empty_quotes = pd.DataFrame(columns=["article_id", "voice", "words"])
    svg, png = F.plot_word_choice(
        pd.DataFrame(columns=["anchor", "voice", "term", "count"]),
        tmp_path,
        loaded_terms=empty_terms,
        scare_quotes=empty_quotes,
    )
    assert png.is_file() and "No contested terms found" in svg.read_text(encoding="utf-8")


def test_figures_get_the_umask_mode(tmp_path: Path) -> None:
    """Not mkstemp's 0600: whoever can read the tables can read the figures and the report."""
    import os

    svg, png = F.plot_word_choice(pd.DataFrame(), tmp_path)
    mask = os.umask(0)
    os.umask(mask)
    assert svg.stat().st_mode & 0o777 == 0o666 & ~mask
    assert png.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.parametrize(
    ("evidence", "limit", "width", "expected"),
    [
        # INVENTED cues; frequency = number of strings (articles) naming the cue, then text
        (["recognition; territory; sovereignty", "border", "border"], 5, None,
         "border; recognition; sovereignty; territory"),
        (["ports; sanctions", "banks", "banks"], 5, None, "banks; ports; sanctions"),
        (["a; b; c", "d; e; f", "g"], 5, None, "a; b; c; d; e; +2 more"),
        (["x; x", "x"], 5, None, "x"),
        (["", "  ", "k"], 5, None, "k"),
        (["long cue one; long cue two", "third"], 5, 12, "long cue one; +2 more"),
        (["accuses; sabotage", "accused; provocation"], 2, None, "accused; accuses; +2 more"),
    ],
)  # fmt: skip
def test_merge_evidence(evidence: list[str], limit: int, width: int | None, expected: str) -> None:
    assert F.merge_evidence(evidence, limit=limit, width=width) == expected
    assert F.merge_evidence(list(reversed(evidence)), limit=limit, width=width) == expected


def test_readout_divergence_figure_shows_every_articles_cues(tmp_path: Path) -> None:
    """INVENTED rows: the cue of the second and third article ('border') is shown too."""
    div = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a1"],
            "side": ["alpha", "alpha", "alpha", "beta"],
            "other_side": ["beta", "beta", "beta", "alpha"],
            "kind": ["frame"] * 4,
            "codebook": ["cb"] * 4,
            "item": ["sovereignty", "sovereignty", "sovereignty", "war"],
            "n_side": [3, 1, 2, 1],
            "evidence": ["recognition", "border", "border", "battle"],
        }
    )
    svg, _ = F.plot_readout_divergence(div, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "border; recognition" in text


def test_word_choice_keys_reported_speech_apart_from_narration(tmp_path: Path) -> None:
    """A contested term in paraphrased speech is not keyed as the journalist's (INVENTED)."""
    terms = pd.DataFrame(
        {
            "voice": ["narration", "narration", "alpha"],
            "mode": ["reported", "narration", "quoted"],
            "pair": ["p"] * 3,
            "variant": ["v"] * 3,
            "term": ["claimland", "claimland", "claimland"],
        }
    )
    svg, _ = F.plot_word_choice(invented_word_choice(), tmp_path, loaded_terms=terms)
    text = svg.read_text(encoding="utf-8")
    assert "reported speech (a speaker paraphrased)" in text
    assert "narration (journalist)" in text


def test_word_choice_panels_key_reported_speech_apart_from_narration(tmp_path: Path) -> None:
    """A word of paraphrased speech is not drawn as the journalist's own (INVENTED)."""
    words = invented_word_choice().assign(mode=["quoted", "reported", "narration"])
    svg, _ = F.plot_word_choice(words, tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "reported speech (a speaker paraphrased)" in text
    assert "kept apart from the journalist" in text
    # the only distinctive narration row is reported speech: no narration key is left
    assert "narration (journalist)" not in text


@pytest.mark.parametrize(
    ("pairs", "n_shown", "most", "expected"),
    [
        ([("a", "b")], 3, 6, ""),
        (
            [("a", "b"), ("c", "d")],
            1,
            6,
            "Not shown: 1 further pair of sides, Cy Tor – d (the pair with most rows is drawn).",
        ),
        (
            [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("b", "d")],
            3,
            6,
            "Not shown: 2 further pairs of sides, Cy Tor – d; b – d"
            " (the 3 pairs with most rows are drawn).",
        ),
        (
            [("a", "b"), ("a", "c"), ("b", "c"), ("c", "d"), ("b", "d")],
            2,
            1,
            "Not shown: 3 further pairs of sides, b – Cy Tor; 2 more"
            " (the 2 pairs with most rows are drawn).",
        ),
    ],
)
def test_pairs_left_out_note_names_the_pairs(pairs, n_shown, most, expected) -> None:
    """Acceptance test 20b: with four INVENTED actors the note counted "3 further pair(s)" and
    named none of them."""
    assert F.pairs_left_out_note(pairs, n_shown, {"c": "Cy Tor"}, most=most) == expected


def test_readout_divergence_draws_every_pair_of_three_sides(tmp_path: Path) -> None:
    """Defect 15 of accept14c: three sides, three pairs, each drawn (INVENTED rows)."""
    rows = [  # article, side, other side, kind, item, n, evidence
        ("a1", "alpha", "beta", "frame", "peace", 3, "truce"),
        ("a1", "beta", "alpha", "frame", "war", 2, "battle"),
        ("a1", "alpha", "gamma", "frame", "trade", 1, "grain"),
        ("a1", "gamma", "alpha", "topic", "harbour", 1, "harbour"),
        ("a2", "beta", "gamma", "frame", "law", 1, "court"),
        ("a2", "gamma", "beta", "frame", "faith", 1, "chapel"),
    ]
    cols = ["article_id", "side", "other_side", "kind", "item", "n_side", "evidence"]
    div = pd.DataFrame(rows, columns=cols)
    assert F.divergence_pairs(div) == [("alpha", "beta"), ("alpha", "gamma"), ("beta", "gamma")]
    svg, _ = F.plot_readout_divergence(div, tmp_path, labels={"alpha": "Ada Alpha"})
    text = svg.read_text(encoding="utf-8")
    for title in (
        "Ada Alpha, not beta", "beta, not Ada Alpha", "Ada Alpha, not gamma",
        "gamma, not Ada Alpha", "beta, not gamma", "gamma, not beta",
    ):  # fmt: skip
        assert title in text
    assert "further pair" not in text and "the other's" not in text
    one, _ = F.plot_readout_divergence(
        div, tmp_path / "one", max_pairs=1, labels={"alpha": "Ada Alpha"}
    )
    text = one.read_text(encoding="utf-8")
    assert "Not shown: 2 further pairs of sides" in text and "Ada Alpha – gamma" in text
    assert "beta, not gamma" not in text
    with pytest.raises(ValueError, match="max_pairs"):
        F.plot_readout_divergence(div, tmp_path, max_pairs=0)


def _drawn_figure(monkeypatch: pytest.MonkeyPatch, plot, *args, **kwargs):
    """The matplotlib figure a plot function saves (drawn, as written to its files)."""
    seen = []
    save = F.save_figure

    def keep(fig, out_dir, name):
        paths = save(fig, out_dir, name)
        seen.append(fig)
        return paths

    monkeypatch.setattr(F, "save_figure", keep)
    plot(*args, **kwargs)
    return seen[0]


def test_statements_figure_colours_quote_types_and_sides_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defect 22 of accept14c: no colour means a quote type on the left and a side on the
    right (INVENTED rows: three quote types, three sides)."""
    st = pd.DataFrame(
        {
            "article_id": ["a1"] * 6,
            "speaker": ["alpha", "alpha", "beta", "beta", "gamma", "Someone"],
            "speaker_type": ["actor"] * 5 + ["other"],
            "quote_type": ["direct", "mixed", "indirect", "direct", "mixed", "indirect"],
            "source": [""] * 6,
            "source_actor": ["alpha", "", "beta", "", "gamma", ""],
        }
    )
    fig = _drawn_figure(monkeypatch, F.plot_statements_per_actor, st, tmp_path)
    left, right = fig.axes[:2]

    def colours(ax) -> set[str]:
        return {matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches}

    assert colours(left) and colours(right)
    assert not colours(left) & colours(right)
    assert F.statement_colors([F.NO_SIDE, "via a", "other sources"], "source") == [
        F.NO_SIDE_COLOR, F.SIDE_PALETTE[0], F.OTHER_SOURCES_COLOR,
    ]  # fmt: skip


def test_divergence_legend_covers_no_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect 22 of accept14c: Figure 5's legend sits in no panel that has bars."""
    fig = _drawn_figure(monkeypatch, F.plot_readout_divergence, invented_divergence(), tmp_path)
    with_legend = [ax for ax in fig.axes if ax.get_legend() is not None]
    with_legend += [ax for ax in fig.axes if ax in {lg.axes for lg in fig.legends}]
    assert with_legend or fig.legends
    assert all(not ax.patches for ax in with_legend)


def test_frame_shares_draw_one_panel_per_codebook(tmp_path: Path) -> None:
    """A run with two codebooks shows both, in the run's order (acceptance test 14b)."""
    two = pd.concat(
        [
            invented_frames_by_actor().assign(codebook="zeta_book"),
            invented_frames_by_actor().assign(codebook="alpha_book", frame=["aid", "blame", "aid"]),
        ],
        ignore_index=True,
    )
    svg = F.plot_frame_shares(two, tmp_path)[0].read_text(encoding="utf-8")
    assert svg.index("codebook: zeta_book") < svg.index("codebook: alpha_book")
    assert "blame" in svg and "peace" in svg
    one = F.plot_frame_shares(two, tmp_path / "one", codebook="alpha_book")[0]
    text = one.read_text(encoding="utf-8")
    assert "codebook: alpha_book" in text and "peace" not in text


def test_frame_shares_order_speakers_by_statements_not_frame_labels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Acceptance test 20b: Figure 4 drew "Idris Kalloway (n=17)" above "Sela Marhoun (n=24)",
    ordering by frame labels added up (a statement counted once per frame). INVENTED rows:
    Orsk has 10 statements, each with two frames; Vell 16 statements with one frame each."""
    fba = pd.DataFrame(
        {
            "speaker": ["orsk", "orsk", "vell", "bank"],
            "codebook": ["cb"] * 4,
            "frame": ["war", "peace", "war", "trade"],
            "n_statements": [10, 10, 8, 3],
            "share": [1.0, 1.0, 0.5, 1.0],
        }
    )
    assert F.statements_per_speaker(fba).to_dict() == {"bank": 3.0, "orsk": 10.0, "vell": 16.0}
    drawn: list[list[str]] = []
    real = F._frame_share_panel

    def spy(fig, ax, part, totals, speakers, labels, *rest):
        drawn.append(list(speakers))
        return real(fig, ax, part, totals, speakers, labels, *rest)

    monkeypatch.setattr(F, "_frame_share_panel", spy)
    F.plot_frame_shares(fba, tmp_path, labels={"orsk": "Lida Orsk", "vell": "Ana Vell"})
    assert drawn == [["vell", "orsk", "bank"]]


# --- acceptance tests 16a-c: month axis, speaker cut, sides, actors' styles (INVENTED rows) ----


def _axis(fig, title: str):
    """The panel of ``fig`` with the given title."""
    return next(ax for ax in fig.axes if title in {ax.get_title(loc=k) for k in ("left", "center")})


def _legend_texts(fig) -> list[str]:
    """Every legend entry of ``fig``'s panels, in order."""
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return [t.get_text() for lg in legends + list(fig.legends) for t in lg.get_texts()]


def test_corpus_overview_draws_every_month_with_zeros(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16a defect 6: empty months are drawn (as zero), not left out of the axis."""
    arts = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a4"],
            "outlet": ["Invented Daily"] * 4,
            "date": ["2025-08-02", "2025-08-20", "2025-10-01", "2026-01-15"],
            "n_words": [100, 120, 140, 160],
        }
    )
    fig = _drawn_figure(monkeypatch, F.plot_corpus_overview, arts, tmp_path)
    ax = _axis(fig, "articles per month")
    assert [p.get_height() for p in ax.patches] == [2, 0, 1, 0, 0, 1]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
    ]  # fmt: skip


def test_corpus_overview_labels_years_over_a_long_range(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten years of months: at most eight labels, each a year, on a continuous axis."""
    dates = [f"{y}-{m:02d}-01" for y in range(2015, 2025) for m in (2, 9)]
    arts = pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(dates))],
            "outlet": ["Invented Daily"] * len(dates),
            "date": dates,
            "n_words": [100] * len(dates),
        }
    )
    fig = _drawn_figure(monkeypatch, F.plot_corpus_overview, arts, tmp_path)
    ax = _axis(fig, "articles per month")
    assert len(ax.patches) == 12 * 9 + 8  # 2015-02 .. 2024-09
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert 2 <= len(labels) <= 8 and all(len(t) == 4 and t.isdigit() for t in labels)


# (dates, expected counts): every month from the first to the last, unknown dates left out
@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (["2030-01-05", "2030-03-09"], {"2030-01": 1, "2030-02": 0, "2030-03": 1}),
        (["2030-12-31", "2031-01-01", None], {"2030-12": 1, "2031-01": 1}),
        (["2030-05-01", "2030-05-30"], {"2030-05": 2}),
        ([None], {}),
    ],
)
def test_month_counts(dates: list, expected: dict) -> None:
    got = F.month_counts(pd.to_datetime(pd.Series(dates, dtype=object)))
    assert got.to_dict() == expected


# (first month, number of months, expected labels)
@pytest.mark.parametrize(
    ("first", "n", "expected"),
    [
        ((2030, 11), 3, ["2030-11", "2030-12", "2031-01"]),
        ((2030, 1), 12, ["2030-01", "2030-03", "2030-05", "2030-07", "2030-09", "2030-11"]),
        ((2030, 2), 20, ["2030-04", "2030-07", "2030-10", "2031-01", "2031-04", "2031-07"]),
        ((2030, 1), 48, ["2030-01", "2030-07", "2031-01", "2031-07", "2032-01", "2032-07",
                         "2033-01", "2033-07"]),
        ((2030, 1), 72, ["2030", "2031", "2032", "2033", "2034", "2035"]),
        ((2030, 6), 240, ["2035", "2040", "2045", "2050"]),
    ],
)  # fmt: skip
def test_month_ticks(first: tuple[int, int], n: int, expected: list[str]) -> None:
    y, m = first
    months = [f"{y + (m - 1 + i) // 12}-{(m - 1 + i) % 12 + 1:02d}" for i in range(n)]
    ticks = F.month_ticks(months)
    assert [label for _, label in ticks] == expected
    assert all(months[i].startswith(label) for i, label in ticks)


def test_divergence_legend_lists_only_the_kinds_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16a defect 7: no "frame" key when no frame bar is drawn."""
    topics = invented_divergence().query("kind == 'topic'")
    fig = _drawn_figure(monkeypatch, F.plot_readout_divergence, topics, tmp_path)
    assert _legend_texts(fig) == ["topic word"]
    both = _drawn_figure(monkeypatch, F.plot_readout_divergence, invented_divergence(), tmp_path)
    assert _legend_texts(both) == ["frame (cues as written)", "topic word"]


def test_divergence_says_bars_add_up_articles(tmp_path: Path) -> None:
    """16a defect 7, 16b defect 4: the figure says its bars sum articles, each compared apart."""
    svg, _ = F.plot_readout_divergence(invented_divergence(), tmp_path)
    text = svg.read_text(encoding="utf-8")
    assert "statements, summed" in text
    assert "added up over the articles in which both sides speak" in text


def test_divergence_marks_a_negated_only_cue(tmp_path: Path) -> None:
    """16b defect 4: a cue found only negated is marked "(negated)", as in the report."""
    st = pd.DataFrame(
        {
            "statement_id": ["1", "2", "3"],
            "article_id": ["a1", "a1", "a1"],
            "speaker": ["alpha", "alpha", "beta"],
            "speaker_type": ["actor"] * 3,
            "source_actor": ["", "", ""],
        }
    )
    fr = pd.DataFrame(
        {
            "statement_id": ["1", "2"],
            "codebook": ["cb", "cb"],
            "frame": ["harm", "harm"],
            "cue": ["casualties", "shelling"],
            "rule": ["negated:cue:casualt", "cue:shell"],
        }
    )
    div = pd.DataFrame(
        {
            "article_id": ["a1", "a1"],
            "side": ["alpha", "alpha"],
            "other_side": ["beta", "beta"],
            "kind": ["frame", "topic"],
            "codebook": ["cb", ""],
            "item": ["harm", "harbour"],
            "n_side": [2, 9],  # (a long topic bar: room for the cues beside the short one)
            "evidence": ["casualties; shelling", "harbour"],
        }
    )
    svg, _ = F.plot_readout_divergence(div, tmp_path, statements=st, frames=fr)
    text = svg.read_text(encoding="utf-8")
    assert "casualties (negated); +1 more" in text and "occurs only negated" in text
    plain, _ = F.plot_readout_divergence(div, tmp_path / "plain")
    assert "(negated)" not in plain.read_text(encoding="utf-8")


def test_divergence_cue_keeps_its_negated_mark_when_cut() -> None:
    """A cue shortened to fit beside its bar keeps a mark: never shown as if affirmed."""
    versions = F._cue_versions(["casualty figures (negated); shelling; siege"])
    assert versions[0] == "casualty figures (negated); +2 more"
    assert all("(neg" in v for v in versions if "casualt" in v)
    assert "casualty… (neg.); +2 more" in versions and versions[-1] == "+3 cues"


def test_statements_figure_keys_an_actors_own_words_in_person(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16a defect 14: an actor's own statements are "in person", not "no actor's side"."""
    st = invented_statements()
    fig = _drawn_figure(
        monkeypatch, F.plot_statements_per_actor, st, tmp_path, labels={"alpha": "Ana Alpha"}
    )
    keys = _legend_texts(fig)
    assert F.IN_PERSON in keys and F.NO_SIDE in keys  # alpha in person; Jo Analyst no side
    alone = st[st["speaker"] != "Jo Analyst"]
    fig = _drawn_figure(monkeypatch, F.plot_statements_per_actor, alone, tmp_path / "alone")
    assert F.IN_PERSON in _legend_texts(fig) and F.NO_SIDE not in _legend_texts(fig)


# (source_actor, speaker_type, speaker, category)
@pytest.mark.parametrize(
    ("source_actor", "speaker_type", "speaker", "category"),
    [
        ("alpha", "actor", "alpha", "via Ana Alpha"),  # the actor's office or spokesperson
        ("alpha", "other", "Jo Aide", "via Ana Alpha"),
        ("", "actor", "alpha", F.IN_PERSON),
        ("", "joint", "alpha+beta", F.IN_PERSON),
        ("", "other", "Jo Analyst", F.NO_SIDE),
        ("beta", "actor", "alpha", "via beta"),  # not configured in labels: by its id
    ],
)
def test_reporting_side(source_actor: str, speaker_type: str, speaker: str, category: str) -> None:
    assert F.reporting_side(source_actor, speaker_type, speaker, {"alpha": "Ana Alpha"}) == category


def _tied_statements() -> tuple[pd.DataFrame, dict[str, str]]:
    """INVENTED: a configured actor with 5 statements, one with 1, and 16 other speakers with 1
    each, their names written with capitals (ASCII before the actor's lower-case id)."""
    others = [f"Zed Speaker {i:02d}" for i in range(8)] + [f"Bystander {i:02d}" for i in range(8)]
    speakers = ["brask"] * 5 + ["aske"] + others
    st = pd.DataFrame(
        {
            "article_id": ["a1", "a2"] * (len(speakers) // 2),
            "speaker": speakers,
            "speaker_type": ["actor"] * 6 + ["other"] * len(others),
            "quote_type": ["direct"] * len(speakers),
            "source": [""] * len(speakers),
            "source_actor": [""] * len(speakers),
        }
    )
    return st, {"aske": "Bertil Aske", "brask": "Annelie Brask"}


def test_speaker_cut_keeps_a_configured_actor_at_equal_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16c defect 9: at equal counts a configured actor is drawn first; the note is true."""
    st, names = _tied_statements()
    fig = _drawn_figure(monkeypatch, F.plot_statements_per_actor, st, tmp_path, labels=names)
    shown = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert shown[:3] == ["Annelie Brask", "Bertil Aske", "Bystander 00"]
    assert len(shown) == F.MAX_SPEAKERS
    svg = (tmp_path / "statements_per_actor.svg").read_text(encoding="utf-8")
    assert "fewer statements" not in svg
    assert "Not shown: 3 further speakers with 1 statement or fewer" in svg


def test_sentiment_cut_note_says_how_ties_are_broken(tmp_path: Path) -> None:
    """16c defect 9, Figure 3: the configured actor is drawn, the note names the tie rule."""
    st, names = _tied_statements()
    n = st["speaker"].value_counts()
    by = pd.DataFrame(
        {"speaker": n.index, "method": "vader", "n": n.to_numpy(), "mean": 0.1}
    ).assign(ci_low=float("nan"), ci_high=float("nan"))
    svg, _ = F.plot_sentiment_by_actor(by, tmp_path, labels=names)
    text = svg.read_text(encoding="utf-8")
    assert "Bertil Aske (n=1)" in text
    assert "at equal counts configured actors are shown first" in text


# (counts, labels, expected order)
@pytest.mark.parametrize(
    ("counts", "labels", "expected"),
    [
        ({"Wednesday": 1, "aske": 1, "brask": 4}, {"aske": "Bertil Aske"},
         ["brask", "aske", "Wednesday"]),
        ({"Provincial leader": 1, "frenk": 1, "kroll": 1},
         {"frenk": "Odile Frenk", "kroll": "Bastian Kroll"},
         ["kroll", "frenk", "Provincial leader"]),
        ({"city engineers": 1, "Engineers": 1, "Aran Dulsk": 1}, None,
         ["Aran Dulsk", "city engineers", "Engineers"]),
        ({"b+a": 2, "Zoe": 2, "a": 1}, {"a": "A", "b": "B"}, ["b+a", "Zoe", "a"]),
    ],
)  # fmt: skip
def test_speaker_order(counts: dict, labels: dict | None, expected: list[str]) -> None:
    assert F.speaker_order(pd.Series(counts), labels) == expected


# (speakers, actors, tied, note)
@pytest.mark.parametrize(
    ("speakers", "actors", "tied", "note"),
    [
        ((15, 16), None, False, "Not shown: 1 of 16 speakers, those with fewest statements."),
        ((15, 21), None, True, "Not shown: 6 of 21 speakers, those with fewest statements; at "
         "equal counts configured actors are shown first, then names in alphabetical order."),
        ((3, 3), (2, 2), True, ""),
    ],
)  # fmt: skip
def test_not_shown_note(speakers, actors, tied: bool, note: str) -> None:
    assert F.not_shown_note(speakers, actors, tied=tied) == note


def _bar_styles(ax) -> list[tuple[str, str]]:
    """(fill colour, hatch) of every bar of a panel."""
    return [(matplotlib.colors.to_hex(p.get_facecolor()), p.get_hatch() or "") for p in ax.patches]


def test_word_choice_gives_every_voice_its_own_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16c defect 11: ten actors, another speaker and narration: no two voices share a style."""
    names = {f"act{i}": f"Invented Actor {i}" for i in range(10)}
    voices = [*names, "Jo Other", "narration"]
    wc = pd.DataFrame(
        {
            "anchor": ["Isle"] * len(voices),
            "voice": voices,
            "term": [f"word{i}" for i in range(len(voices))],
            "count": [1] * len(voices),
            "distinctive": [True] * len(voices),
        }
    )
    fig = _drawn_figure(monkeypatch, F.plot_word_choice, wc, tmp_path, labels=names)
    styles = _bar_styles(_axis(fig, "near “Isle”"))
    assert len(styles) == len(voices) and len(set(styles)) == len(voices)
    legend = next(ax.get_legend() for ax in fig.axes if ax.get_legend() is not None)
    keyed = [
        (matplotlib.colors.to_hex(h.get_facecolor()), h.get_hatch() or "")
        for h in legend.legend_handles
    ]
    assert len(set(keyed)) == len(voices)


def test_an_actor_has_one_colour_in_every_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16c defect 11: Figure 2's side and Figure 7's voice of one actor share its colour."""
    names = {"alpha": "Ana Alpha", "beta": "Ben Beta", "gamma": "Gil Gamma"}
    st = pd.DataFrame(
        {
            "article_id": ["a1"] * 2,
            "speaker": ["Jo Aide", "gamma"],
            "speaker_type": ["other", "actor"],
            "quote_type": ["direct", "direct"],
            "source": ["", ""],
            "source_actor": ["gamma", ""],
        }
    )
    fig2 = _drawn_figure(monkeypatch, F.plot_statements_per_actor, st, tmp_path, labels=names)
    legend = fig2.axes[1].get_legend()
    via = next(
        h
        for h, t in zip(legend.legend_handles, legend.get_texts(), strict=True)
        if t.get_text() == "via Gil Gamma"
    )
    wc = pd.DataFrame(
        {"anchor": ["Isle"] * 2, "voice": ["beta", "gamma"], "term": ["u", "v"],
         "count": [1, 1], "distinctive": [True, True]}
    )  # fmt: skip
    fig7 = _drawn_figure(monkeypatch, F.plot_word_choice, wc, tmp_path / "7", labels=names)
    gamma = F.actor_styles(["gamma"], names)["gamma"].color.lower()
    assert matplotlib.colors.to_hex(via.get_facecolor()) == gamma
    assert (gamma, "") in _bar_styles(_axis(fig7, "near “Isle”"))
    assert gamma == F.ACTOR_COLORS[2].lower()  # the third actor of the file, whoever else is drawn


@pytest.mark.parametrize(
    ("texts", "voice", "limit", "expected"),
    [
        (
            ["a", "b"],
            "narration",
            2,
            "Scare quotes (short quoted words in the narration): ‘a’; ‘b’.",
        ),
        # acceptance test 18a: 14 partial quotations, 8 shown and the rest dropped silently
        (
            ["a", "b", "c", "d"],
            "narration",
            2,
            "Scare quotes (short quoted words in the narration): ‘a’; ‘b’; "
            "+2 more (tables/scare_quotes.csv).",
        ),
        (
            ["a", "b", "c"],
            "vell",
            1,
            "Partial quotations (a speaker’s own words quoted inside a statement): ‘a’ (Ana Vell); "
            "+2 more (tables/scare_quotes.csv).",
        ),
    ],
)
def test_quoted_words_notes_count_what_they_leave_out(
    texts: list[str], voice: str, limit: int, expected: str
) -> None:
    sq = pd.DataFrame({"text": texts, "voice": [voice] * len(texts)})
    notes = F.quoted_words_notes(sq, {"vell": "Ana Vell"}, limit=limit)
    assert expected in notes


def test_word_choice_keys_each_sides_reported_speech_apart(tmp_path: Path) -> None:
    """Acceptance test 18a: both governments' paraphrased readouts were one grey bar, while
    the report's table names whose reported speech each use is (INVENTED rows)."""
    terms = pd.DataFrame(
        {
            "voice": ["narration", "narration", "narration", "narration"],
            "mode": ["reported", "reported", "reported", "narration"],
            "side": ["vell", "orr", "", ""],
            "pair": ["p"] * 4,
            "variant": ["v"] * 4,
            "term": ["weirfill"] * 4,
        }
    )
    names = {"vell": "Ana Vell", "orr": "Ben Orr"}
    svg, _ = F.plot_word_choice(invented_word_choice(), tmp_path, loaded_terms=terms, labels=names)
    text = svg.read_text(encoding="utf-8")
    for key in ("reported speech of Ana Vell", "reported speech of Ben Orr",
                "reported speech (a speaker paraphrased)", "narration (journalist)"):  # fmt: skip
        assert key in text
    styles = F.voice_styles([F.reported_key("vell"), F.reported_key("orr"), "vell"], names)
    assert styles[F.reported_key("vell")].hatch_color == styles["vell"].color
    assert styles[F.reported_key("vell")] != styles[F.reported_key("orr")]
    assert F.voice_order([F.REPORTED, "narration", F.reported_key("orr"), "vell",
                          F.reported_key("vell")], names) == [
        "vell", F.reported_key("vell"), F.reported_key("orr"), F.REPORTED, "narration"
    ]  # fmt: skip
