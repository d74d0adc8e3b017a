"""Command line: ``kcxbrl convert`` and ``kcxbrl validate``.

Exit codes are fixed: 0 ok, 1 findings at error level (or warnings under
``--strict``), 2 usage errors or unreadable input.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Sequence

from kcxbrl import __version__
from kcxbrl.errors import KcxbrlError
from kcxbrl.ci import FORMATS, FileResult
from kcxbrl.findings import Level, ordered

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep that, print to stderr."""


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kcxbrl",
        description="Turn the text of Kingsoft Cloud 6-K filings into XBRL 2.1 "
        "instances, and validate XBRL instances offline.",
    )
    parser.add_argument("--version", action="version", version=f"kcxbrl {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    conv = sub.add_parser(
        "convert",
        help="convert filings (.txt/.md) into XBRL instances",
        description="Convert each FILING X.txt into DIR/X.xbrl (with X.json, xBRL-JSON, and "
        "X.csv, one row per fact) and copy the taxonomy files the instances reference into "
        "DIR. Prints one summary line per filing and the findings on stderr.",
    )
    conv.add_argument("filings", nargs="+", metavar="FILING", help="filing text files")
    conv.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    conv.add_argument("--quiet", action="store_true", help="print only the summary lines")
    conv.add_argument(
        "--extend",
        action="store_true",
        help="give rows that match no concept an extension concept of the filing "
        "(DIR/X-ext.xsd with its label and presentation linkbases) so their values reach the instance",
    )
    conv.add_argument("--report", action="store_true",
                      help="also write DIR/X.report.txt: every number of the tables and what became of it")

    val = sub.add_parser(
        "validate",
        help="validate XBRL 2.1 instances, taxonomy schemas and linkbases",
        description="Validate XBRL instances, taxonomy schemas or linkbases (any DTS entry point) "
        "against their schemas (offline) and the XBRL 2.1 rules an XSD cannot express. A folder "
        "stands for every XBRL instance in it. Prints one summary line per file on stderr and the "
        "findings on stdout. Exit codes: 0 no error, 1 errors (or warnings under --strict), "
        "2 usage error or a file that is not readable XBRL.",
    )
    val.add_argument("instances", nargs="+", metavar="PATH",
                     help="instance, schema or linkbase files, or folders of instances")
    val.add_argument("--format", choices=FORMATS, default="text",
                     help="findings as text lines, JSON (per-file status and counts), JUnit XML, "
                     "or GitHub Actions annotations")
    val.add_argument("--calc", choices=("c11r", "xbrl21", "none"), default="c11r",
                     help="calculation checks: Calculations 1.1 round-to-nearest (default), "
                     "XBRL 2.1 section 5.2.5.2, or none")
    val.add_argument("--no-utr", dest="utr", action="store_false",
                     help="do not check per-share and pure units against the Units Registry")
    val.add_argument("--profile", choices=("sec",), default=None, help="also apply a filing-rule profile")
    val.add_argument("--strict", action="store_true",
                     help="warnings count as failures (exit 1); inconsistent duplicate facts are errors")
    val.add_argument("--log-file", metavar="FILE", default=None,
                     help="also write the summary lines and every finding (info included) to FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors 2
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "convert":
            return _convert(args)
        return _validate(args)
    except KcxbrlError as exc:
        print(f"kcxbrl: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _convert(args: argparse.Namespace) -> int:
    from kcxbrl.convert import convert_files

    paths = [Path(p) for p in args.filings]
    missing = [p for p in paths if not p.is_file()]
    if missing:
        for p in missing:
            print(f"kcxbrl: {p}: no such file", file=sys.stderr)
        return EXIT_USAGE
    results = convert_files(paths, Path(args.out), report=args.report, extend=args.extend)
    failed = False
    for result in results:
        print(result.summary())
        if not args.quiet:
            for finding in ordered(result.findings):
                if finding.level is not Level.INFO:
                    print(f"  {finding}", file=sys.stderr)
        failed = failed or result.has_errors
    return EXIT_FINDINGS if failed else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from kcxbrl.ci import expand
    from kcxbrl.validate import INPUT_CODES, validate_file

    results: list[FileResult] = []
    for path in expand(args.instances):
        if not path.is_file():
            print(f"kcxbrl: {path}: no such file", file=sys.stderr)
            results.append(FileResult(str(path), (), unreadable=True))
            continue
        findings = validate_file(path, profile=args.profile, calc=args.calc, strict=args.strict, utr=args.utr)
        # input that cannot be read as XBRL at all is a usage error
        unreadable = any(f.code in INPUT_CODES for f in findings)
        results.append(FileResult(str(path), tuple(findings), unreadable=unreadable))
        print(results[-1].summary(), file=sys.stderr)
    _print_findings(results, args.format, strict=args.strict)
    if args.log_file:
        _write_log(Path(args.log_file), results)
    if not results:
        print("kcxbrl: no XBRL file to validate", file=sys.stderr)
        return EXIT_USAGE
    if any(r.unreadable for r in results):
        return EXIT_USAGE
    if any(r.failed(args.strict) for r in results):
        return EXIT_FINDINGS
    return EXIT_OK


def _print_findings(results: list[FileResult], fmt: str, *, strict: bool = False) -> None:
    from kcxbrl.ci import render

    sys.stdout.write(render(results, fmt, strict=strict))


def _write_log(path: Path, results: list[FileResult]) -> None:
    lines = []
    for result in results:
        lines.append(result.summary())
        lines.extend(f"  {finding}" for finding in ordered(result.findings))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
