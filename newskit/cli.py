"""The ``newskit`` command: argument parsing and printing only; the work is library calls.

Exit codes: 0 everything was analysed; 1 some documents failed (listed in the errors table and
on stderr); 2 usage error (bad arguments, nothing to analyse, a missing optional package).
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

DESCRIPTION = """\
newskit: claims, quoted sources, quantities and dates in news articles.

Read articles (.txt, .html, .json, .jsonl, .csv; files, directories or glob patterns),
find what they claim, who they quote and which numbers and dates they mention, and
write tidy tables for pandas, R or a spreadsheet.
"""

EPILOG = """\
examples:
  newskit demo                              # the bundled sample articles, into ./demo_output
  newskit show article.txt                  # a readable summary of one article
  newskit show article.txt --html view.html # ... and the article with highlights
  newskit analyze news/ --out tables/       # every article under news/, as parquet tables
  newskit analyze "news/**/*.jsonl" --out tables/ --format csv --jobs 4

exit codes: 0 all documents analysed, 1 some documents failed (see the errors table),
            2 usage error
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits with 2 too; say where to look for help
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    from newskit import __version__
    from newskit.corpus import OUTPUT_FORMATS

    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog="newskit", description=DESCRIPTION, epilog=EPILOG, formatter_class=fmt)
    parser.add_argument("--version", action="version", version=f"newskit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "analyze", help="analyse many articles and write the tables", formatter_class=fmt,
        description="Analyse every article in PATH... and write one table per kind of result\n"
                    "(articles, quantities, dates, quotes, sources, claims, errors) into DIR,\n"
                    "as DIR/<table>/part-NNNNN.<format>, one part per chunk of articles.\n"
                    "Documents that cannot be read or analysed are rows of the errors table,\n"
                    "with the reason; every other document is analysed as usual.",
        epilog="example:\n  newskit analyze news/ more/*.jsonl --out tables/ --format csv --jobs 4\n\n"
               "exit codes: 0 all analysed, 1 some documents failed, 2 usage error")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or glob patterns (quote globs)")
    p.add_argument("--out", required=True, metavar="DIR", help="directory for the tables (created if needed)")
    p.add_argument("--format", default="parquet", choices=list(OUTPUT_FORMATS),
                   help="table file format (default: parquet; parquet needs pyarrow)")
    p.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    p.add_argument("--chunk-size", type=_positive, default=64, metavar="N",
                   help="articles per chunk and per part file (default: 64)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    p = sub.add_parser(
        "show", help="print a readable summary of the article(s) in one file", formatter_class=fmt,
        description="Analyse the article(s) in FILE and print, for each: title, date, dateline,\n"
                    "top claims, sources with their number of quotes, quantities and dates.",
        epilog="example:\n  newskit show article.txt --html article.html")
    p.add_argument("file", metavar="FILE", help="an article file (.txt, .html, .json, .jsonl, .csv)")
    p.add_argument("--html", metavar="OUT.html", help="also write the article(s) with highlights as HTML")

    p = sub.add_parser(
        "demo", help="analyse the bundled sample articles, save tables and plots", formatter_class=fmt,
        description="Analyse the fictional sample articles bundled with newskit, print a summary\n"
                    "of each, and save the tables and two plots (sources.png, claims.png).",
        epilog="example:\n  newskit demo --out demo_output")
    p.add_argument("--out", default="demo_output", metavar="DIR", help="output directory (default: ./demo_output)")
    p.add_argument("--format", default="csv", choices=list(OUTPUT_FORMATS), help="table format (default: csv)")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def _usage(message: str) -> int:
    print(f"newskit: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _exists(path: str) -> bool:
    return os.path.exists(path) or bool(glob.glob(path, recursive=True))


def cmd_analyze(args) -> int:
    from newskit.corpus import analyze_corpus
    from newskit.errors import MissingDependencyError

    if not any(_exists(p) for p in args.paths):
        return _usage(f"nothing to analyse: no file matches {' '.join(args.paths)}")
    try:
        result = analyze_corpus(args.paths, jobs=args.jobs, out=args.out, format=args.format,
                                chunk_size=args.chunk_size, progress=not args.quiet and sys.stderr.isatty())
    except MissingDependencyError as err:
        return _usage(str(err))
    if not args.quiet:
        print(result.summary())
        print(f"tables ({args.format}) written to {args.out}/")
    _report_errors(result)
    return EXIT_FAILED if result.n_errors else EXIT_OK


def _report_errors(result) -> None:
    if result.n_errors:
        print(f"newskit: {result.n_errors} document(s) failed; see the errors table", file=sys.stderr)


def cmd_show(args) -> int:
    from newskit import analyze, load, render_html
    from newskit.errors import NewskitError, SourceNotFoundError

    try:
        loaded = load(Path(args.file))
    except SourceNotFoundError as err:
        return _usage(str(err))
    except NewskitError as err:
        print(f"newskit: cannot read {args.file}: {err}", file=sys.stderr)
        return EXIT_FAILED
    articles = loaded if isinstance(loaded, list) else [loaded]
    analyses = [analyze(a) for a in articles]
    print("\n\n".join(a.summary() for a in analyses))
    if args.html:
        Path(args.html).write_text(render_html(analyses), encoding="utf-8")
        print(f"\nHTML view written to {args.html}")
    return EXIT_OK


def cmd_demo(args) -> int:
    from newskit import analyze, plot
    from newskit.corpus import CorpusResult
    from newskit.errors import MissingDependencyError
    from newskit.samples import SAMPLES_DIR, load_samples

    analyses = [analyze(a) for a in load_samples()]
    print(f"newskit demo: {len(analyses)} fictional sample articles from {SAMPLES_DIR}\n")
    for i, a in enumerate(analyses, 1):
        print(f"[{i}] {a.summary()}\n")
    result = CorpusResult.from_analyses(analyses)
    print(result.summary())
    out = Path(args.out)
    try:
        tables = result.save(out, format=args.format)
    except MissingDependencyError as err:
        return _usage(str(err))
    figures = plot.save_figures(result, out, kinds=("sources", "claims"))
    print(f"\nsaved to {out}/: " + ", ".join(p.name for p in [*tables, *figures]))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    commands = {"analyze": cmd_analyze, "show": cmd_show, "demo": cmd_demo}
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        print("newskit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
