"""Command-line entry point: ``mediaframes <command>``.

Each command is a thin wrapper over one module's public function; the notebooks call the same
functions. Commands exit 0 on success, 1 when the run cannot go on, 2 on a usage error.

Example:
    $ mediaframes ingest corpus --out build/corpus
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one sub-command per pipeline entry point."""
    parser = argparse.ArgumentParser(
        prog="mediaframes",
        description="How leaders' statements are reported in the news: ingest, analyze, report.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    # --- ingest (mediaframes.corpus) -------------------------------------------------------
    p = sub.add_parser("ingest", help="validate a corpus folder and write the normalized corpus")
    p.add_argument("corpus_dir", type=Path, help="folder with raw/ (or the raw files themselves)")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--strict", action="store_true", help="exit non-zero if anything is quarantined")
    p.set_defaults(func=_cmd_ingest)

    return parser


def _cmd_ingest(args: argparse.Namespace) -> int:
    from mediaframes import corpus

    return corpus.ingest_command(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
