"""The conversion pipeline: read → place tables → map → assemble → render.

Everything for one filing is gathered before anything is written; one
filing's errors never stop the others.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from kcxbrl.xbrl.assemble import assemble
from kcxbrl.extract.cover import cover_facts
from kcxbrl.extract.coverage import Coverage, cover
from kcxbrl.extract.crosscheck import PrintedRow, cross_check, filing_calculations
from kcxbrl.extract.entities import identify
from kcxbrl.errors import InputError, KcxbrlError, OutputError
from kcxbrl.exports.export import to_csv, to_xbrl_csv, to_xbrl_json
from kcxbrl.xbrl.extension import PREFIX as EXT_PREFIX
from kcxbrl.xbrl.extension import Extension, place_row, safe_stem
from kcxbrl.xbrl.extension import extend as make_extension
from kcxbrl.findings import Finding, Level, error, has_errors, info, warning
from kcxbrl.exports.ixbrl import render_inline
from kcxbrl.extract.kinds import Kind, detect
from kcxbrl.extract.mapping import CellResult, TableResult, Trace, UnmatchedRow, map_table
from kcxbrl.xbrl.model import Document, Draft, Entity, Instance
from kcxbrl.extract.monthly import monthly_facts
from kcxbrl.extract.plausible import plausibility
from kcxbrl.extract.prose import prose_drafts
from kcxbrl.text.read import read_filing
from kcxbrl.exports.records import from_conversion
from kcxbrl.xbrl.render import render_instance
from kcxbrl.resources import taxonomy_dir
from kcxbrl.extract.tables import PlacedTable, place_tables
from kcxbrl.xbrl.taxonomy import Taxonomy, default_taxonomy
from kcxbrl.xbrl.taxonomy_writer import file_names
from kcxbrl.text.values import parse_number
from kcxbrl.write import FilingOutputs, Output, Stage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Conversion:
    """What converting one filing gave."""

    source: str
    instance: Instance
    findings: tuple[Finding, ...]
    cells: tuple[CellResult, ...]
    taxonomy: Taxonomy | None = None  # the base taxonomy, plus extension concepts if any
    extension: tuple[tuple[str, str], ...] = ()  # extension files: (name, text)
    trace: Trace | None = None  # what was read, for the coverage report

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)


@dataclass(frozen=True)
class ConversionResult:
    conversion: Conversion
    output: Path  # the instance's place in the output folder
    coverage: Coverage | None = None
    report: Path | None = None
    write_findings: tuple[Finding, ...] = ()  # from validating and writing the outputs
    written: bool = True  # the instance passed validation and is in place
    unreadable: str | None = None  # why the filing could not be read at all
    paths: tuple[Path, ...] = ()  # every file put in place for this filing

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.conversion.findings + self.write_findings

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    @property
    def has_warnings(self) -> bool:
        return any(f.level is Level.WARNING for f in self.findings)

    def summary(self) -> str:
        inst = self.conversion.instance
        count = {level: sum(1 for f in self.findings if f.level is level) for level in Level}
        numbers = f"; {self.coverage.summary()}" if self.coverage else ""
        if self.unreadable is not None:
            return f"{self.conversion.source}: not converted: {self.unreadable}"
        shown = shown_path(self.output)
        where = shown if self.written else f"not written: {shown}"
        return (
            f"{self.conversion.source}: {len(inst.facts)} facts, {len(inst.contexts)} contexts, "
            f"{len(inst.units)} units; findings: {count[Level.ERROR]} errors, "
            f"{count[Level.WARNING]} warnings{numbers} -> {where}"
        )


def _unplaced_numbers(placed_table, source: str) -> tuple[list[CellResult], list[Finding]]:
    """Numbers of a table no role claims: each is reported, none is dropped silently."""
    table, layout = placed_table.table, placed_table.layout
    cells = []
    for row in table.rows[layout.header_rows :]:
        for index, text in enumerate(row.cells[1:], 1):
            if text.strip() and parse_number(text) is not None:
                cells.append(CellResult(row.line, index, text.strip(), "unmapped", "table of no known statement or note"))
    findings = []
    if cells:
        findings.append(warning(
            "kcxbrl:unmappedTable",
            f"table {table.index} ({len(cells)} numbers) belongs to no statement or note kcxbrl knows; "
            f"first row '{table.rows[min(layout.header_rows, len(table.rows) - 1)].label}'",
            file=source, line=table.line,
        ))
    return cells, findings


def _extension(
    unmatched: list[UnmatchedRow], extend: bool, taxonomy: Taxonomy, source: str
) -> tuple[Extension, Taxonomy, list[Draft], list[PrintedRow]]:
    """The filing's extension (with concepts for the unmatched rows when
    ``extend``), the taxonomy that knows them, their drafts, and where every
    unmatched row is printed (for the calculations)."""
    stem = safe_stem(source)
    if not (extend and unmatched):
        rows = []
        for row in unmatched:
            _, place = place_row(row, taxonomy.role(row.role), taxonomy, 0)
            rows.append(PrintedRow(row.label, row.line, row.table, row.role, place.parent, place.first))
        return Extension(stem), taxonomy, [], rows
    ext, merged, drafts = make_extension(unmatched, taxonomy, stem, source)
    rows = [PrintedRow(c.label, c.line, c.table, c.place.role, c.place.parent, c.place.first, c.qname, c.concept.balance)
            for c in ext.concepts]
    return ext, merged, drafts, rows


def _extension_notes(ext: Extension, source: str) -> list[Finding]:
    return [
        info("kcxbrl:extensionConcept",
             f"row '{c.label}' becomes {c.qname} ({c.concept.type}, {c.concept.period}"
             f"{', ' + c.concept.balance if c.concept.balance else ''}{', printed negated' if c.negated else ''}) "
             f"in {ext.schema_file}",
             file=source, line=c.line)
        for c in ext.concepts
    ]


def convert_document(document: Document, taxonomy: Taxonomy | None = None, *, extend: bool = True) -> Conversion:
    """Convert one filing.  Rows that match no concept get extension concepts
    of the filing (``S-ext.xsd``), or with ``extend=False`` are left out with
    a warning; the extension schema also carries the filing's calculations."""
    taxonomy = taxonomy or default_taxonomy()
    source = document.path
    findings: list[Finding] = list(document.findings)
    cells: list[CellResult] = []
    drafts: list[Draft] = []
    unmatched: list[UnmatchedRow] = []

    entity, _registrant, entity_findings = identify(document)
    findings.extend(entity_findings)

    # cover facts for every filing; a monthly return's tables are read here, not below
    kinds = detect(document)
    cover_drafts, cover_findings = cover_facts(document, kinds, _registrant)
    drafts += cover_drafts
    findings += cover_findings
    consumed: frozenset[int] = frozenset()
    if kinds.holds(Kind.MONTHLY_RETURN):
        monthly = monthly_facts(document)
        drafts += monthly.drafts
        findings += monthly.findings
        consumed = monthly.consumed

    loose = tuple(drafts)
    placed, layout_findings = place_tables(document, taxonomy)
    findings.extend(layout_findings)
    traced: list[tuple[PlacedTable, TableResult | None]] = []
    for table in placed:
        result = None
        if table.role is None and table.table.index not in consumed:
            more_cells, more_findings = _unplaced_numbers(table, source)
            cells.extend(more_cells)
            findings.extend(more_findings)
        elif table.role is not None and table.table.index not in consumed:
            result = map_table(table, taxonomy, source)
            drafts.extend(result.drafts)
            findings.extend(result.findings)
            cells.extend(result.cells)
            unmatched.extend(result.unmatched)
        traced.append((table, result))

    text_drafts, text_cells, text_findings = prose_drafts(document, drafts)
    drafts.extend(text_drafts)
    cells.extend(text_cells)
    findings.extend(text_findings)

    # every filing gets its own schema: its calculation linkbase, and the
    # concepts of rows the base taxonomy does not know
    base = taxonomy
    ext, taxonomy, ext_drafts, rows = _extension(unmatched, extend, base, source)
    drafts.extend(ext_drafts)
    extended = {c.line for c in ext.concepts}
    findings = [f for f in findings if not (f.code == "kcxbrl:unmappedRow" and f.line in extended)]
    findings.extend(_extension_notes(ext, source))
    namespaces = ((EXT_PREFIX, ext.namespace),) if ext.concepts else ()

    instance, assemble_findings = assemble(drafts, entity, taxonomy, source, ext.schema_file)
    instance = replace(instance, extra_namespaces=namespaces)
    findings.extend(assemble_findings)
    findings.extend(cross_check(instance, taxonomy))
    findings.extend(plausibility(document, kinds, instance, placed))
    calculations, calc_findings = filing_calculations(instance, taxonomy, rows)
    findings.extend(calc_findings)
    ext = replace(ext, calculations=tuple(calculations))
    files = tuple(ext.files(base).items())
    trace = Trace(loose, consumed, tuple(traced))
    return Conversion(source, instance, tuple(findings), tuple(cells), taxonomy, files, trace)


def taxonomy_files(taxonomy: Taxonomy) -> dict[str, Path]:
    """The schema and linkbases the instances reference, to be copied beside them."""
    return {name: taxonomy_dir() / name for name in file_names(taxonomy).values()}


def filing_outputs(
    conversion: Conversion, taxonomy: Taxonomy, stem: str, report: str | None, *,
    ixbrl: bool = False, xbrl_csv: bool = False,
) -> FilingOutputs:
    """The text of every file one filing writes, named as in the output folder;
    with ``ixbrl`` also the Inline XBRL page ``X.html``, with ``xbrl_csv`` the
    xBRL-CSV report in the folder ``stem/``."""
    instance = conversion.instance
    records = from_conversion(conversion)
    exports = [Output(stem + ".json", to_xbrl_json(instance, taxonomy)), Output(stem + ".csv", to_csv(records))]
    if ixbrl:
        exports.append(Output(stem + ".html", render_inline(conversion, taxonomy)))
    if xbrl_csv:
        report_files = to_xbrl_csv(records, instance, taxonomy, "../" + instance.schema_ref)
        exports += [Output(f"{stem}/{name}", text) for name, text in report_files.items()]
    return FilingOutputs(
        instance=Output(stem + ".xbrl", render_instance(instance, taxonomy)),
        extension=tuple(Output(name, text) for name, text in conversion.extension),
        exports=tuple(exports),
        report=None if report is None else Output(stem + ".report.txt", report),
    )


def _write_one(stage: Stage, conversion: Conversion, taxonomy: Taxonomy, stem: str, out_dir: Path,
               *, report: bool, ixbrl: bool = False, xbrl_csv: bool = False) -> ConversionResult:
    used = conversion.taxonomy or taxonomy
    coverage = cover(conversion, used)
    outputs = filing_outputs(conversion, used, stem, coverage.report() if report else None,
                             ixbrl=ixbrl, xbrl_csv=xbrl_csv)
    written = stage.write(outputs)
    output = out_dir / outputs.instance.name
    report_path = out_dir / outputs.report.name if outputs.report is not None else None
    return ConversionResult(
        conversion, output, coverage,
        report_path if report_path is not None and written.holds(report_path) else None,
        written.findings, written.holds(output), paths=written.paths,
    )


def write_conversion(conversion: Conversion, out_dir: Path, *, report: bool = False,
                     ixbrl: bool = False, xbrl_csv: bool = False) -> ConversionResult:
    """Write one conversion made in memory, staged and validated as :func:`convert_files` does."""
    taxonomy = default_taxonomy()
    with Stage(out_dir, taxonomy_files(taxonomy)) as stage:
        stage.publish_support()
        return _write_one(stage, conversion, taxonomy, Path(conversion.source).stem, out_dir,
                          report=report, ixbrl=ixbrl, xbrl_csv=xbrl_csv)


UNREADABLE = "kcxbrl:unreadableFiling"
INTERNAL_ERROR = "kcxbrl:internalError"
CONVERSION_FAILED = "kcxbrl:conversionFailed"


def shown_path(path: Path) -> str:
    """The path as given, printable: a byte that is not UTF-8 shows as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def output_names(path: Path) -> tuple[str, ...]:
    """Every file converting ``path`` may write into the output folder."""
    stem, ext = path.stem, safe_stem(shown_path(path))
    return (
        f"{stem}.xbrl", f"{stem}.json", f"{stem}.csv", f"{stem}.report.txt", f"{stem}.html",
        f"{stem}/metadata.json", f"{stem}/facts.csv",
        f"{ext}-ext.xsd", *(f"{ext}-ext_{kind}.xml" for kind in ("lab", "pre", "cal")),
    )


def check_outputs(paths: Sequence[Path], out_dir: Path, support: Sequence[str]) -> None:
    """Refuse a run in which two filings would write the same file, or an
    output would replace an input: an OutputError naming both paths."""
    owner: dict[str, Path | None] = {name.casefold(): None for name in support}
    names = list(support)
    for path in paths:
        for name in output_names(path):
            other = owner.setdefault(name.casefold(), path)
            if other is None:
                raise OutputError(f"{shown_path(path)} would write {out_dir / name}, the name of a taxonomy "
                                  "file copied there: rename the filing")
            if other != path:
                raise OutputError(
                    f"{shown_path(other)} and {shown_path(path)} would both write {out_dir / name}: "
                    "rename one of them or convert them into different --out folders")
            names.append(name)
    for name in names:
        target = out_dir / name
        if target.exists() and not target.is_file():
            raise OutputError(f"{shown_path(target)} is a folder or another non-file: an output cannot be "
                              "written there; move it away or choose another --out")
    for path in paths:
        for name in names:
            if _same_file(path, out_dir / name):
                raise OutputError(f"{shown_path(path)} is an input and would be overwritten by the output "
                                  f"{name}: move it out of {out_dir} or choose another --out")


def _same_file(path: Path, target: Path) -> bool:
    try:
        return target.exists() and os.path.samefile(path, target)
    except OSError:
        return False


def _unread(path: Path, shown: str, out_dir: Path, why: str) -> ConversionResult:
    """The result of a filing that could not be read: a finding and nothing written."""
    instance = Instance(shown, "", Entity("", ""), (), (), ())
    finding = error(UNREADABLE, why, file=shown)
    conversion = Conversion(shown, instance, (finding,), ())
    return ConversionResult(conversion, out_dir / f"{path.stem}.xbrl", written=False, unreadable=why)


def convert_files(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    taxonomy: Taxonomy | None = None,
    report: bool = False,
    extend: bool = True,
    ixbrl: bool = False,
    xbrl_csv: bool = False,
    encoding: str | None = None,
    debug: bool = False,
) -> list[ConversionResult]:
    """Convert each filing; with ``report``, also write ``X.report.txt`` (coverage of its numbers),
    with ``ixbrl`` the Inline XBRL page ``X.html``, with ``xbrl_csv`` the xBRL-CSV report ``X/metadata.json``;
    unmatched rows get extension concepts (``S-ext.xsd``) unless ``extend`` is False.

    Each filing's files are staged, validated and only then moved into place
    (:mod:`kcxbrl.write`); what fails validation is not written and the
    result's findings say so.  A filing that cannot be read, or whose
    conversion fails, is a result with a finding; the others go on.  Two
    filings that would write the same file, or an output that would replace
    an input, stop the run before anything is written (OutputError); with
    ``debug`` an unexpected exception is raised, not reported."""
    taxonomy = taxonomy or default_taxonomy()
    support = taxonomy_files(taxonomy)
    check_outputs(paths, out_dir, tuple(support))
    results = []
    with Stage(out_dir, support) as stage:
        stage.publish_support()
        for path in paths:
            results.append(convert_path(stage, path, taxonomy, out_dir, report=report, extend=extend,
                                        ixbrl=ixbrl, xbrl_csv=xbrl_csv, encoding=encoding, debug=debug))
    return results


def convert_path(
    stage: Stage, path: Path, taxonomy: Taxonomy, out_dir: Path, *, report: bool = False, extend: bool = True,
    ixbrl: bool = False, xbrl_csv: bool = False, encoding: str | None = None, debug: bool = False,
) -> ConversionResult:
    """Read, convert and write one filing through ``stage`` (whose taxonomy
    copies are already in place): a filing that cannot be read or converted
    is a result with a finding; with ``debug`` an unexpected exception is raised."""
    shown = shown_path(path)
    try:
        document = read_filing(path, shown, encoding)
    except InputError as exc:
        return _unread(path, shown, out_dir, str(exc).removeprefix(f"{shown}: "))
    try:
        conversion = convert_document(document, taxonomy, extend=extend)
        return _write_one(stage, conversion, taxonomy, path.stem, out_dir, report=report,
                          ixbrl=ixbrl, xbrl_csv=xbrl_csv)
    except Exception as exc:
        if debug:
            raise
        return _failed(document, path, out_dir, exc)


def _failed(document: Document, path: Path, out_dir: Path, exc: Exception) -> ConversionResult:
    """A conversion that stopped: an error finding for its filing, nothing of it written."""
    if isinstance(exc, KcxbrlError):
        finding = error(CONVERSION_FAILED, f"the filing could not be converted: {exc}", file=document.path)
    else:
        log.debug("conversion of %s failed", document.path, exc_info=exc)
        finding = error(INTERNAL_ERROR, f"conversion stopped on an internal error ({type(exc).__name__}: {exc}); "
                        "nothing of this filing was written; run with --debug for the traceback", file=document.path)
    instance = Instance(document.path, "", Entity("", ""), (), (), ())
    conversion = Conversion(document.path, instance, (*document.findings, finding), ())
    return ConversionResult(conversion, out_dir / f"{path.stem}.xbrl", written=False)
