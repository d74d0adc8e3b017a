"""Command line: ``kcxbrl convert``, ``kcxbrl validate`` and ``kcxbrl facts``.

Exit codes are fixed: 0 ok, 1 findings at error level (or warnings under
``--strict``), 2 usage errors or unreadable input.
"""

from __future__ import annotations

import argparse
import sys

from kcxbrl import __version__

TYPE_CHECKING = False  # typing is not imported for --help
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Iterable, Iterator, Sequence

    from kcxbrl.validation.ci import FileResult

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep that, print to stderr."""


class _Formats:
    """``kcxbrl validate --format``'s choices, read from :mod:`kcxbrl.validation.ci` only when
    an argument is checked or the help of ``validate`` is printed (it imports lxml)."""

    def _names(self) -> tuple[str, ...]:
        from kcxbrl.validation.ci import FORMATS

        return FORMATS

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()


def build_parser(commands: Iterable[str] | None = None) -> argparse.ArgumentParser:
    """The parser.  Only the ``commands`` given (all when None) get their
    arguments; the others keep their name and help line, all ``kcxbrl --help``
    needs."""
    parser = _Parser(
        prog="kcxbrl",
        description="Turn the text of Kingsoft Cloud 6-K filings into XBRL 2.1 "
        "instances, and validate XBRL instances offline.",
    )
    parser.add_argument("--version", action="version", version=f"kcxbrl {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (line, arguments) in _COMMANDS.items():
        command = sub.add_parser(name, help=line)
        if commands is None or name in commands:
            arguments(command)
    return parser


def _command(argv: Sequence[str]) -> str | None:
    """The command named on the command line (the first argument that is not an option)."""
    return next((argument for argument in argv if not argument.startswith("-")), None)


def _convert_arguments(conv: argparse.ArgumentParser) -> None:
    conv.description = (
        "Convert each FILING X.txt into DIR/X.xbrl (with X.json, xBRL-JSON, and "
        "X.csv, one row per fact) with the filing's own schema DIR/S-ext.xsd (its extension "
        "concepts and calculation linkbase) and copy the taxonomy files the instances reference into "
        "DIR. Every file is checked before it is put in place: the instance is validated as "
        "'kcxbrl validate' does and X.json is compared with it; a file that fails is not "
        "written (an older one is left as it was) and the exit code is 1. Prints one summary "
        "line per filing and the findings on stderr. A filing that cannot be read is reported "
        "and the others are converted. Two filings that would write the same file, or an output "
        "that would replace an input, stop the run before anything is written. Exit codes: 0 ok, "
        "1 findings at error level (or at warning level with --strict), 2 usage errors, output "
        "errors or a filing that could not be read (the worst outcome decides)."
    )
    conv.add_argument("filings", nargs="+", metavar="FILING",
                      help="filing text files, or folders: every *.txt and *.md below them (README files, "
                      "hidden files and the output folder left out), in sorted order; a path with a protocol "
                      "(s3://, memory:// ...) is read through fsspec (the extra kcxbrl[fsspec])")
    conv.add_argument("--out", required=True, metavar="DIR",
                      help="output folder (created if missing); a URL (s3://bucket/out ...) is written through "
                      "fsspec: each file is staged and validated locally, then uploaded")
    conv.add_argument("--quiet", action="store_true",
                      help="print only the summary lines and the files that could not be written "
                      "(no other findings, no progress, no summary table)")
    _add_run_options(conv)
    _add_output_options(conv)
    conv.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                      help="show the traceback of an internal error instead of a finding")


def _add_run_options(conv: argparse.ArgumentParser) -> None:
    conv.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                      help="convert N filings at a time in worker processes (default: one per core); "
                      "-j 1 converts them one after another in this process. The outputs are the same "
                      "whatever N, and the summary lines come in input order")
    conv.add_argument("--executor", choices=("process", "dask"), default="process",
                      help="where the filings are converted: worker processes of this machine (the default) or "
                      "a Dask distributed cluster (the extra kcxbrl[dask]; a local cluster of -j workers unless "
                      "--scheduler); its workers must see a local DIR at the same path")
    conv.add_argument("--scheduler", metavar="ADDRESS", default=None,
                      help="with --executor dask: the address of the cluster's scheduler, e.g. tcp://host:8786")
    conv.add_argument("--resume", action="store_true",
                      help="skip filings whose outputs in DIR are up to date: same input content (sha256), "
                      "kcxbrl version and output options as recorded in DIR/.kcxbrl-manifest.json")
    conv.add_argument("--summary-json", metavar="FILE", default=None,
                      help="also write FILE: per filing its path, status, outputs, facts and findings by level, "
                      "and the totals")


def _add_output_options(conv: argparse.ArgumentParser) -> None:
    extension = conv.add_mutually_exclusive_group()
    extension.add_argument(
        "--extend", dest="extend", action="store_true", default=True,
        help="the default: give rows that match no concept an extension concept of the filing "
        "(DIR/S-ext.xsd with label and presentation linkbases, S the file name reduced to safe "
        "characters) so their values reach the instance",
    )
    extension.add_argument(
        "--no-extend", dest="extend", action="store_false",
        help="leave rows that match no concept out of the instance, each with a warning "
        "(kcxbrl:unmappedRow); DIR/S-ext.xsd then only carries the filing's calculations",
    )
    conv.add_argument("--ixbrl", action="store_true",
                      help="also write DIR/X.html: an Inline XBRL 1.1 document with the instance's facts tagged "
                      "in the filing's tables, readable in a browser (checked against DIR/X.xbrl before it is written)")
    conv.add_argument("--xbrl-csv", action="store_true",
                      help="also write the xBRL-CSV report DIR/X/metadata.json with its table DIR/X/facts.csv")
    conv.add_argument("--report", action="store_true",
                      help="also write DIR/X.report.txt: every number of the tables and what became of it")
    conv.add_argument("--strict", action="store_true",
                      help="warnings count as failures (exit 1): unmapped tables or rows, numbers left out, "
                      "ambiguous rows, control characters taken out, any finding at warning level; for CI")
    conv.add_argument("--encoding", metavar="NAME", default=None,
                      help="read every filing in this encoding (e.g. gb18030, latin-1, utf-16-le); by default "
                      "UTF-8 (with or without BOM) or UTF-16 with a BOM, and any other file is refused")


def _validate_arguments(val: argparse.ArgumentParser) -> None:
    val.description = (
        "Validate XBRL instances, taxonomy schemas or linkbases (any DTS entry point) "
        "against their schemas (offline) and the XBRL 2.1 rules an XSD cannot express. A folder "
        "stands for every XBRL instance in it. Prints one summary line per file on stderr and the "
        "findings on stdout. Exit codes: 0 no error, 1 errors (or warnings under --strict), "
        "2 usage error or a file that is not readable XBRL."
    )
    val.add_argument("instances", nargs="+", metavar="PATH",
                     help="instance, schema or linkbase files, or folders of instances")
    val.add_argument("--format", choices=_Formats(), default="text", metavar="FORMAT",
                     help="findings as text lines, JSON (per-file status and counts), JUnit XML, "
                     "or GitHub Actions annotations: one of %(choices)s")
    val.add_argument("--calc", choices=("c11r", "xbrl21", "none"), default="c11r",
                     help="calculation checks: Calculations 1.1 round-to-nearest (default), "
                     "XBRL 2.1 section 5.2.5.2, or none")
    val.add_argument("--no-utr", dest="utr", action="store_false",
                     help="do not check per-share and pure units against the Units Registry")
    val.add_argument("--follow-outside-refs", dest="outside", action="store_true",
                     help="open local files an instance references outside its own folder "
                     "(by default such a reference is an error finding and is not followed)")
    val.add_argument("--profile", choices=("sec",), default=None, help="also apply a filing-rule profile")
    val.add_argument("--strict", action="store_true",
                     help="warnings count as failures (exit 1); inconsistent duplicate facts are errors")
    val.add_argument("--log-file", metavar="FILE", default=None,
                     help="also write the summary lines and every finding (info included) to FILE")


def _facts_arguments(facts: argparse.ArgumentParser) -> None:
    facts.description = (
        "Print the facts of each PATH: a filing (.txt/.md, converted in memory, nothing is "
        "written), an XBRL instance (.xbrl/.xml) or an xBRL-JSON file or xBRL-CSV metadata file (.json). "
        "The table groups the facts by statement and prints each value in its unit's usual form; "
        "csv and json print every field. Exit codes: 0 ok, 1 error findings in a filing's "
        "conversion, 2 usage errors or unreadable files."
    )
    facts.add_argument("paths", nargs="+", metavar="PATH", help="filings, instances or xBRL-JSON files")
    facts.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="table (the default), csv (the columns of X.csv) or json (the API's to_records())")
    facts.add_argument("--concept", metavar="SUBSTRING",
                       help="only facts whose concept, label or us-gaap / dei name contains SUBSTRING (any case)")
    facts.add_argument("--period", metavar="YYYY[-MM[-DD]]",
                       help="only facts whose period ends in that year or month, or on that day")
    facts.add_argument("--statement", metavar="NAME",
                       help="only facts of statements whose name contains NAME (any case), e.g. 'balance'")


_COMMANDS = {  # name: (help line, the function declaring its arguments)
    "convert": ("convert filings (.txt/.md) into XBRL instances", _convert_arguments),
    "validate": ("validate XBRL 2.1 instances, taxonomy schemas and linkbases", _validate_arguments),
    "facts": ("list the facts of filings, instances or xBRL-JSON files", _facts_arguments),
}


def main(argv: Sequence[str] | None = None) -> int:
    command = _command(sys.argv[1:] if argv is None else argv)
    parser = build_parser([command] if command is not None else [])
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors 2
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    import logging

    from kcxbrl.errors import KcxbrlError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _printable(sys.stdout)
    _printable(sys.stderr)
    try:
        if args.command == "convert":
            return _convert(args)
        if args.command == "facts":
            return _facts(args)
        return _validate(args)
    except KcxbrlError as exc:
        print(f"kcxbrl: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:
        if args.debug:
            raise
        print(f"kcxbrl: internal error ({type(exc).__name__}: {exc}); run with --debug for the traceback",
              file=sys.stderr)
        return EXIT_USAGE


def _printable(stream: object) -> None:
    """A name that is not valid in the stream's encoding prints escaped, not as an exception."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="backslashreplace")
        except (ValueError, OSError):  # a stream that cannot change its error handling keeps it
            pass


def _convert(args: argparse.Namespace) -> int:
    from kcxbrl.batch.command import convert

    return convert(args)


def _validate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kcxbrl.validation.ci import FileResult, expand
    from kcxbrl.validation.validator import INPUT_CODES, validate_file

    results: list[FileResult] = []
    for path in expand(args.instances):
        if not path.is_file():
            print(f"kcxbrl: {path}: no such file", file=sys.stderr)
            results.append(FileResult(str(path), (), unreadable=True))
            continue
        findings = validate_file(path, profile=args.profile, calc=args.calc, strict=args.strict, utr=args.utr,
                                 outside=args.outside)
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


def _facts(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from kcxbrl import api
    from kcxbrl.errors import InputError
    from kcxbrl.exports.export import to_csv
    from kcxbrl.exports.factsview import Filters, table
    from kcxbrl.exports.records import sort_key
    from kcxbrl.findings import Level, ordered

    filters = Filters(args.concept, args.period, args.statement)
    documents: list[tuple[str, list]] = []
    failed = False
    for name in args.paths:
        path = Path(name)
        if path.suffix.lower() in (".txt", ".md"):
            conversion = api.convert(path)
            for finding in ordered(conversion.findings):
                if finding.level is not Level.INFO:
                    print(f"  {finding}", file=sys.stderr)
            failed = failed or conversion.has_errors
            facts = conversion.facts
        elif path.suffix.lower() in (".xbrl", ".xml", ".json"):
            facts = api.load(path).facts
        else:
            raise InputError(f"{path}: give a filing (.txt, .md), an instance (.xbrl, .xml) or xBRL-JSON (.json)")
        documents.append((path.name, filters.apply(facts)))
    if args.format == "json":
        records = [r.as_dict() for _, facts in documents for r in sorted(facts, key=sort_key)]
        json.dump(records, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "csv":
        sys.stdout.write(to_csv([r for _, facts in documents for r in facts]))
    else:
        sys.stdout.write("\n".join(table(facts, name) for name, facts in documents))
    return EXIT_FINDINGS if failed else EXIT_OK


def _print_findings(results: list[FileResult], fmt: str, *, strict: bool = False) -> None:
    from kcxbrl.validation.ci import render

    sys.stdout.write(render(results, fmt, strict=strict))


def _write_log(path: Path, results: list[FileResult]) -> None:
    from kcxbrl.findings import ordered

    lines = []
    for result in results:
        lines.append(result.summary())
        lines.extend(f"  {finding}" for finding in ordered(result.findings))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
