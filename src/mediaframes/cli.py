"""Command-line entry point: ``mediaframes <command>``.

Each command is a thin wrapper over one module's public function; the notebooks call the same
functions. Commands exit 0 on success, 1 when the run cannot go on (a missing corpus folder, no
valid article, a failed notebook, an unwritable output; for ``validate``, a coding file or run
table that is missing or cannot be used), 2 on a usage error (a bad argument, or a parameters,
actors or codebook file that is missing or invalid, or an unknown method).

Example:
    $ mediaframes ingest corpus --out build/corpus
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mediaframes import config

#: The design of the hand-coding samples (``validation.export_coding_sample``), for --help.
_SAMPLE_DESIGN = (
    "Design: the statements are grouped into strata, speaker x quote type (narration is one "
    "quote type); each stratum gets a share of --n proportional to its size, and at least one "
    "row when --n is at least the number of strata; within a stratum rows are drawn at random. "
    "Small strata (rare speakers) are over-represented, narration and frequent speakers "
    "under-represented, so the sample is not a simple random sample of the corpus. Each row "
    "records its stratum and stratum_size, from which the score commands weight their "
    "corpus estimates (accuracy_weighted, percent_agreement_weighted); the other metrics "
    "describe the sample."
)


def _positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1 (a usage error otherwise, exit 2).

    Example:
        >>> _positive_int("30")
        30
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


#: The command line being parsed, for :class:`_Parser` hints (set by :func:`main`).
_ARGV: list[str] = []


def swallowed_positional(
    argv: Sequence[str], parser: argparse.ArgumentParser
) -> tuple[str, str] | None:
    """The option of several values that took the folder meant as the positional argument.

    ``mediaframes analyze --codebook policy_frames corpus --out DIR`` reads ``corpus`` as a
    second codebook, and argparse then says only "the following arguments are required:
    corpus_dir", though the folder was given. When an option of ``parser`` that takes one or
    more values (``--codebook``, ``--methods``, ``--anchor``, ``--notebooks``, ``--coded``) was
    given two or more, the last of them was probably meant as the positional.

    Args:
        argv: The command line (without the program name).
        parser: The (sub)command's parser.

    Returns:
        ``(option, value)`` for the last such option, or None.

    Example:
        >>> p = argparse.ArgumentParser()
        >>> _ = p.add_argument("corpus_dir")
        >>> _ = p.add_argument("--codebook", nargs="+")
        >>> swallowed_positional(["--codebook", "policy_frames", "corpus"], p)
        ('--codebook', 'corpus')
        >>> swallowed_positional(["--codebook", "policy_frames"], p) is None
        True
    """
    multi = {
        option
        for action in parser._actions
        if action.option_strings and action.nargs in ("+", "*")
        for option in action.option_strings
    }
    found = None
    for i, token in enumerate(argv):
        if token not in multi:
            continue
        values = []
        for later in argv[i + 1 :]:
            if later.startswith("-"):
                break
            values.append(later)
        if len(values) >= 2:
            found = (token, values[-1])
    return found


def misspelt_options(argv: Sequence[str], parser: argparse.ArgumentParser) -> list[str]:
    """Hints for the options of a command line that its command does not have.

    The command is found by following the subcommand words of ``argv`` from ``parser``; an
    option that is neither one of its options (or their parents') nor a prefix of one (argparse
    takes ``--out`` for ``--output``) gets the closest option, if any. argparse itself reports a
    misspelt ``--otu DIR`` only as a missing ``--out``, and ``--metods`` as an unrecognized
    argument of ``mediaframes``.

    Args:
        argv: The command line (without the program name).
        parser: The top-level parser, or the (sub)command's.

    Returns:
        One hint per unknown option, such as ``"--otu is no option of mediaframes ingest: did
        you mean --out?"``.

    Example:
        >>> misspelt_options(["ingest", "corpus", "--otu", "o"], build_parser())
        ['--otu is no option of mediaframes ingest: did you mean --out?']
        >>> misspelt_options(["ingest", "corpus", "--out", "o", "--stric"], build_parser())
        []
    """
    import difflib

    chain = [parser]
    for token in argv:
        subs = [a for a in chain[-1]._actions if isinstance(a, argparse._SubParsersAction)]
        if subs and token in subs[0].choices:
            chain.append(subs[0].choices[token])
    known = {o for p in chain for a in p._actions for o in a.option_strings}
    hints = []
    for token in argv:
        option = token.split("=", 1)[0]
        if not option.startswith("--") or option == "--":
            continue
        if option in known or any(k.startswith(option) for k in known):
            continue
        close = difflib.get_close_matches(option, sorted(known), n=1, cutoff=0.6)
        guess = f": did you mean {close[0]}?" if close else ""
        hints.append(f"{option} is no option of {chain[-1].prog}{guess}")
    return hints


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors say which option took the folder, or was misspelt."""

    def error(self, message: str) -> NoReturn:
        required = "the following arguments are required:"
        positionals = [a.dest for a in self._actions if not a.option_strings]
        missing = message.split(required, 1)[1] if required in message else ""
        taken = swallowed_positional(_ARGV, self)
        if taken and any(name in missing for name in positionals):
            option, value = taken
            message += (
                f" ({option} took {value!r} as one of its values: give the folder before the "
                f"options, e.g. {self.prog} {value} {option} …)"
            )
        hints = misspelt_options(_ARGV, self)
        if hints:
            message += " (" + "; ".join(hints) + ")"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one sub-command per pipeline entry point."""
    parser = _Parser(
        prog="mediaframes",
        description="How leaders' statements are reported in the news: ingest, analyze, report.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    # --- ingest (mediaframes.corpus) -------------------------------------------------------
    p = sub.add_parser(
        "ingest",
        help="validate a corpus folder and write the normalized corpus",
        description="Validate every file of CORPUS_DIR/raw/ (or CORPUS_DIR) and write to --out: "
        "articles.csv (one row per accepted article), quarantine.csv (every rejected input with "
        "its reason), validation.json (counts), texts/<article_id>.txt (the text every offset "
        "indexes) and Parquet twins. Paths are relative to the current folder.",
    )
    p.add_argument(
        "corpus_dir", type=Path, help="folder with raw/ (or a folder of the raw files themselves)"
    )
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--strict", action="store_true", help="exit non-zero if anything is quarantined")
    p.add_argument(
        "--max-bytes",
        type=_positive_int,
        default=None,
        help=(
            "size limit per article in bytes (default 5000000; of an HTML page, its article "
            "text); larger inputs are quarantined"
        ),
    )
    p.set_defaults(func=_cmd_ingest)

    # --- analyze (mediaframes.scale) -------------------------------------------------------
    p = sub.add_parser(
        "analyze",
        help="analyse a corpus (streaming, optionally on Dask)",
        description="Ingest and analyse CORPUS_DIR (statements, sentiment, frames, mentions, "
        "tone) and write the per-article and per-speaker tables to --out (columns: "
        "reports/README.md), with a copy of the actors file for `mediaframes compare`. Paths are "
        "relative to the current folder.",
    )
    p.add_argument("corpus_dir", type=Path, help="corpus folder (with raw/)")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--actors", type=Path, default=None, help="actors YAML (default: packaged)")
    p.add_argument(
        "--codebook",
        dest="codebooks",
        nargs="+",
        action="extend",
        default=None,
        metavar="FILE_OR_ID",
        help="codebook ids or YAML files (default: conflict_diplomacy)",
    )
    p.add_argument(
        "--frame-words",
        choices=("statement", "reported"),
        default="statement",
        help="label frames from each statement's whole sentence(s), the journalist's words "
        "around the reported ones included (statement, default), or from the reported words "
        "only (reported)",
    )
    methods = ", ".join(config.SCHEMA["sentiment_methods"].default)
    p.add_argument(
        "--methods",
        nargs="+",
        default=None,
        help=f"sentiment methods, one or more of {methods} (default: all)",
    )
    p.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="running Dask scheduler tcp://host:port (default: $DASK_SCHEDULER_ADDRESS if set "
        "and --workers is not given); not with --workers N > 1",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="local Dask worker processes (default 1: no Dask, everything in this process); given, "
        "it wins over "
        "$DASK_SCHEDULER_ADDRESS",
    )
    p.add_argument(
        "--worker-io",
        action="store_true",
        help="with --scheduler: the workers read the corpus and write the parts themselves "
        "(they must see CORPUS_DIR and --out at the same paths; always on with --workers)",
    )
    p.add_argument(
        "--chunk-size",
        type=int,
        default=200,
        help="what one task holds (default %(default)s): serially and with --scheduler, that many "
        "articles; when the workers read the corpus (--workers N, --worker-io), at most that many "
        "whole input files (a JSONL/CSV file is never split), fewer so that each worker "
        "thread gets at least 2 tasks",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if any input was quarantined (the tables are still written); exit 2, "
        "before any work, if the actors file has a warning (a misspelt or unused key, a name "
        "written surname first)",
    )
    p.add_argument(
        "--seed",
        type=int,
        default=config.SCHEMA["seed"].default,
        help="random seed of the bootstrap intervals (default %(default)s, as `mediaframes run`)",
    )
    p.add_argument(
        "--bootstrap-n",
        type=int,
        default=config.BOOTSTRAP_N,
        help=f"bootstrap resamples per interval (default {config.BOOTSTRAP_N}, as "
        f"`mediaframes run`; at least {config.MIN_BOOTSTRAP_N})",
    )
    p.set_defaults(func=_cmd_analyze)

    # --- compare (mediaframes.compare) ----------------------------------------------------
    p = sub.add_parser(
        "compare",
        help="readout divergence, lead vs body, word choice tables",
        description="Compare the sides and sections of an `analyze` output folder: readout "
        "divergence, headline and standfirst vs body, word choice, contested terms and scare "
        "quotes, written to ANALYSIS_DIR/compare/ (or --out).",
    )
    p.add_argument("analysis_dir", type=Path, help="output folder of `mediaframes analyze`")
    p.add_argument("--out", type=Path, default=None, help="folder (default: ANALYSIS_DIR/compare)")
    p.add_argument(
        "--anchor",
        dest="anchors",
        nargs="+",
        action="extend",
        default=None,
        metavar="WORD",
        help="referents for word choice (default: proper nouns)",
    )
    p.add_argument(
        "--loaded-terms",
        type=Path,
        default=None,
        help="contested-terms YAML (default: the packaged resources/compare/loaded_terms.yml)",
    )
    p.add_argument(
        "--actors",
        type=Path,
        default=None,
        help="the actors YAML given to analyze; its names, titles, offices, countries and "
        "demonyms are no topic words or terms (default: the copy analyze wrote to "
        "ANALYSIS_DIR/actors.yml; the packaged actors.yml, with a warning, when there is none)",
    )
    p.set_defaults(func=_cmd_compare)

    # --- validate (mediaframes.validation) -------------------------------------------------
    p = sub.add_parser("validate", help="check sentiment methods and frames against hand coding")
    vsub = p.add_subparsers(dest="validate_command", required=True)
    v = vsub.add_parser(
        "export",
        help="write a stratified sample of statements to hand-code",
        description="Write a stratified random sample of statements to hand-code, scores "
        f"hidden. {_SAMPLE_DESIGN}",
    )
    v.add_argument("--statements", type=Path, required=True, help="statements table (CSV/Parquet)")
    v.add_argument("--out", type=Path, required=True, help="coding CSV to write")
    v.add_argument("--n", type=_positive_int, default=100, help="sample size (default 100)")
    v.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    v.set_defaults(func=_cmd_validate_export)
    v = vsub.add_parser(
        "score",
        help="compare a coded CSV with the methods' scores",
        description="Compare a coded CSV (comma- or semicolon-separated, as its header line "
        "shows) with the methods' scores. The metrics of validation.csv describe the coded "
        "sample; accuracy_weighted weights each stratum by its size in the run (the sample's "
        "stratum and stratum_size columns), an estimate for the corpus.",
    )
    v.add_argument("--coded", type=Path, required=True, help="the filled-in coding CSV")
    v.add_argument("--sentiment", type=Path, required=True, help="sentiment.csv of the run")
    v.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for validation.csv (default: none, the table is only printed)",
    )
    v.set_defaults(func=_cmd_validate_score)
    v = vsub.add_parser(
        "export-frames",
        help="write a stratified sample of statements to hand-code frames",
        description="Write a stratified random sample of statements to hand-code for frames, "
        f"the codebook's definitions as a header. {_SAMPLE_DESIGN} Statements that reject a "
        "claim, which sentiment does not score, are drawn too: their frames count.",
    )
    v.add_argument("--statements", type=Path, required=True, help="statements table (CSV/Parquet)")
    v.add_argument("--out", type=Path, required=True, help="coding CSV to write")
    v.add_argument(
        "--codebook",
        default="conflict_diplomacy",
        help="codebook id or YAML file the run used (its definitions head the sample; "
        "default %(default)s)",
    )
    v.add_argument(
        "--frames",
        type=Path,
        default=None,
        help="frames.csv of the run, to check the codebook (default: beside --statements)",
    )
    v.add_argument("--n", type=_positive_int, default=100, help="sample size (default 100)")
    v.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    v.add_argument(
        "--frame-words",
        choices=["statement", "reported"],
        default="statement",
        help="what the run's codebook labelled, its frame_words (default %(default)s); "
        "reported adds the column words_to_code, the words to judge",
    )
    v.set_defaults(func=_cmd_validate_export_frames)
    v = vsub.add_parser(
        "score-frames",
        help="compare coded frames with the codebook's labels",
        description="Compare one or more coders' frame coding with the codebook's labels and "
        "with each other. The metrics of frame_validation.csv describe the coded sample; "
        "percent_agreement_weighted weights each stratum by its size in the run.",
    )
    v.add_argument(
        "--coded", type=Path, nargs="+", required=True, help="filled-in frame coding CSV(s)"
    )
    v.add_argument("--frames", type=Path, required=True, help="frames.csv of the run")
    v.add_argument("--statements", type=Path, required=True, help="statements.csv of the run")
    v.add_argument(
        "--codebook",
        default="conflict_diplomacy",
        help="codebook id or YAML file of the run (default %(default)s)",
    )
    v.add_argument(
        "--ignore-negated", action="store_true", help="do not count negated cues as labels"
    )
    v.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for frame_validation.csv (default: none, the table is only printed)",
    )
    v.set_defaults(func=_cmd_validate_score_frames)

    # --- run (mediaframes.pipeline) --------------------------------------------------------
    p = sub.add_parser(
        "run",
        help="run the notebooks headlessly and publish reports/",
        description="Run notebooks 01-05 with papermill on the parameters of --params and "
        "publish the report PDF(s), figures/ and tables/ to --reports, only when every notebook "
        "succeeded (a rerun with nothing changed prints 'up to date'). --params, --reports and "
        "--notebooks are relative to the current folder; the paths INSIDE the parameter file "
        "(corpus_dir, actors_file, codebook files, loaded_terms_file) to the repository root.",
    )
    p.add_argument(
        "--params",
        type=Path,
        default=None,
        help="parameter YAML (default: the built-in defaults, the values of params/default.yaml)",
    )
    p.add_argument("--reports", type=Path, default=None, help="reports folder (default reports/)")
    p.add_argument(
        "--notebooks",
        type=Path,
        nargs="+",
        default=None,
        help="notebooks to run, in order (default: the five of notebooks/, 01 to 05)",
    )
    p.add_argument("--force", action="store_true", help="rerun even when the report is up to date")
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if the corpus had quarantined inputs (the report is still published); "
        "exit 2, before any notebook, if the actors file has a warning (a misspelt or unused "
        "key, a name written surname first)",
    )
    p.set_defaults(func=_cmd_run)

    return parser


def _cmd_run(args: argparse.Namespace) -> int:
    from mediaframes import pipeline

    return pipeline.run_command(args)


def _cmd_ingest(args: argparse.Namespace) -> int:
    from mediaframes import corpus

    return corpus.ingest_command(args)


def _cmd_analyze(args: argparse.Namespace) -> int:
    from mediaframes import scale

    return scale.analyze_command(args)


def _cmd_compare(args: argparse.Namespace) -> int:
    from mediaframes import compare

    if not args.analysis_dir.is_dir():  # before any warning about its actors file
        print(
            f"mediaframes compare: error: analysis folder not found: {args.analysis_dir} (give "
            "the --out folder of `mediaframes analyze`)",
            file=sys.stderr,
        )
        return 1
    return compare.compare_command(args)


def _cmd_validate_export(args: argparse.Namespace) -> int:
    from mediaframes import validation

    return validation.export_command(args)


def _cmd_validate_score(args: argparse.Namespace) -> int:
    from mediaframes import validation

    return validation.score_command(args)


def _cmd_validate_export_frames(args: argparse.Namespace) -> int:
    from mediaframes import validation

    return validation.export_frames_command(args)


def _cmd_validate_score_frames(args: argparse.Namespace) -> int:
    from mediaframes import validation

    return validation.score_frames_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = build_parser()
    _ARGV[:] = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
