"""The conversion pipeline: read → place tables → map → assemble → render.

Everything for one filing is gathered before anything is written; one
filing's errors never stop the others.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from kcxbrl.conversion import Conversion, Trace
from kcxbrl.extract.cells import CellResult
from kcxbrl.xbrl.assemble import assemble_traced
from kcxbrl.extract.cover import cover_facts
from kcxbrl.extract.coverage import Coverage, cover
from kcxbrl.extract.crosscheck import PrintedRow, cross_check, filing_calculations
from kcxbrl.extract.entities import identify
from kcxbrl.errors import InputError, KcxbrlError
from kcxbrl.exports.export import to_csv, to_xbrl_csv, to_xbrl_json
from kcxbrl.xbrl.extension import PREFIX as EXT_PREFIX
from kcxbrl.xbrl.extension import Extension, place_row, safe_stem
from kcxbrl.xbrl.extension import extend as make_extension
from kcxbrl.findings import Finding, Level, error, has_errors, info
from kcxbrl.exports.ixbrl import render_inline
from kcxbrl.extract.kinds import FilingKinds, Kind, detect
from kcxbrl.extract.mapping import TableResult, UnmatchedRow, map_table, unplaced_numbers
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
from kcxbrl.write import FilingOutputs, Output, Stage, check_outputs, shown_path

log = logging.getLogger(__name__)


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


@dataclass
class _Gathered:
    """What the stages of one conversion have read so far, in printed order."""

    findings: list[Finding]
    drafts: list[Draft] = field(default_factory=list)
    cells: list[CellResult] = field(default_factory=list)
    unmatched: list[UnmatchedRow] = field(default_factory=list)

    def take(self, drafts: Iterable[Draft] = (), cells: Iterable[CellResult] = (),
             findings: Iterable[Finding] = ()) -> None:
        self.drafts += drafts
        self.cells += cells
        self.findings += findings


def _loose_facts(document: Document, out: _Gathered) -> tuple[Entity, FilingKinds, frozenset[int]]:
    """The entity, the filing's kinds, and the cover facts of every filing; a
    monthly return's tables are read here (the tables it consumed), not mapped."""
    entity, registrant, entity_findings = identify(document)
    out.findings += entity_findings
    kinds = detect(document)
    cover_drafts, cover_findings = cover_facts(document, kinds, registrant)
    out.take(cover_drafts, findings=cover_findings)
    if not kinds.holds(Kind.MONTHLY_RETURN):
        return entity, kinds, frozenset()
    monthly = monthly_facts(document)
    out.take(monthly.drafts, findings=monthly.findings)
    return entity, kinds, monthly.consumed


def _map_tables(
    placed: list[PlacedTable], consumed: frozenset[int], taxonomy: Taxonomy, source: str, out: _Gathered
) -> tuple[tuple[PlacedTable, TableResult | None], ...]:
    """Map each table of a known role; the numbers of a table of none are reported."""
    traced: list[tuple[PlacedTable, TableResult | None]] = []
    for table in placed:
        result = None
        if table.role is not None and table.table.index not in consumed:
            result = map_table(table, taxonomy, source)
            out.take(result.drafts, result.cells, result.findings)
            out.unmatched += result.unmatched
        elif table.table.index not in consumed:
            cells, findings = unplaced_numbers(table, source)
            out.take(cells=cells, findings=findings)
        traced.append((table, result))
    return tuple(traced)


def _extension(out: _Gathered, extend: bool, taxonomy: Taxonomy, source: str) -> tuple[Extension, Taxonomy, list[PrintedRow]]:
    """The filing's extension (concepts, drafts and notes for the unmatched rows when ``extend``),
    the taxonomy that knows them, and where every unmatched row is printed (for the calculations)."""
    stem = safe_stem(source)
    if not (extend and out.unmatched):
        rows = []
        for row in out.unmatched:
            _, place = place_row(row, taxonomy.role(row.role), taxonomy, 0)
            rows.append(PrintedRow(row.label, row.line, row.table, row.role, place.parent, place.first))
        return Extension(stem), taxonomy, rows
    ext, merged, drafts = make_extension(out.unmatched, taxonomy, stem, source)
    out.drafts += drafts
    extended = {c.line for c in ext.concepts}
    out.findings = [f for f in out.findings if not (f.code == "kcxbrl:unmappedRow" and f.line in extended)]
    out.findings += _extension_notes(ext, source)
    rows = [PrintedRow(c.label, c.line, c.table, c.place.role, c.place.parent, c.place.first, c.qname, c.concept.balance)
            for c in ext.concepts]
    return ext, merged, rows


def _extension_notes(ext: Extension, source: str) -> list[Finding]:
    return [
        info("kcxbrl:extensionConcept",
             f"row '{c.label}' becomes {c.qname} ({c.concept.type}, {c.concept.period}"
             f"{', ' + c.concept.balance if c.concept.balance else ''}{', printed negated' if c.negated else ''}) "
             f"in {ext.schema_file}",
             file=source, line=c.line)
        for c in ext.concepts
    ]


Lap = Callable[[str], None]  # told the name of each stage of a conversion as it ends


def _untimed(stage: str) -> None:
    """Stages are not timed."""


def convert_document(
    document: Document, taxonomy: Taxonomy | None = None, *, extend: bool = True, lap: Lap = _untimed
) -> Conversion:
    """Convert one filing.  Rows that match no concept get extension concepts
    of the filing (``S-ext.xsd``), or with ``extend=False`` are left out with
    a warning; the extension schema also carries the filing's calculations.
    ``lap`` is told each stage's name as it ends (``bench/stages.py`` times them)."""
    base = taxonomy or default_taxonomy()
    source = document.path
    out = _Gathered(list(document.findings))
    entity, kinds, consumed = _loose_facts(document, out)
    loose = tuple(out.drafts)
    lap("cover/monthly")
    placed, layout_findings = place_tables(document, base)
    out.findings += layout_findings
    lap("place tables")
    traced = _map_tables(placed, consumed, base, source, out)
    lap("map")
    out.take(*prose_drafts(document, out.drafts))
    lap("prose")
    # every filing gets its own schema: its calculations, and concepts of rows the base taxonomy lacks
    ext, taxonomy, rows = _extension(out, extend, base, source)
    lap("extension+calculations")
    instance, assemble_findings, facts_of = assemble_traced(out.drafts, entity, taxonomy, source, ext.schema_file)
    instance = replace(instance, extra_namespaces=((EXT_PREFIX, ext.namespace),) if ext.concepts else ())
    out.findings += assemble_findings
    lap("assemble")
    out.findings += cross_check(instance, taxonomy)
    out.findings += plausibility(document, kinds, instance, placed)
    lap("cross-checks")
    calculations, calc_findings = filing_calculations(instance, taxonomy, rows)
    out.findings += calc_findings
    files = tuple(replace(ext, calculations=tuple(calculations)).files(base).items())
    lap("extension+calculations")
    trace = Trace(loose, consumed, traced, facts_of)
    return Conversion(source, instance, tuple(out.findings), tuple(out.cells), taxonomy, files, trace)


def taxonomy_files(taxonomy: Taxonomy) -> dict[str, Path]:
    """The schema and linkbases the instances reference, to be copied beside them."""
    return {name: taxonomy_dir() / name for name in file_names(taxonomy).values()}


def filing_outputs(
    conversion: Conversion, taxonomy: Taxonomy, stem: str, report: str | None, *,
    ixbrl: bool = False, xbrl_csv: bool = False,
) -> FilingOutputs:
    """The text of every file one filing writes, named as in the output folder."""
    return FilingOutputs(
        instance=Output(stem + ".xbrl", render_instance(conversion.instance, taxonomy)),
        extension=tuple(Output(name, text) for name, text in conversion.extension),
        exports=export_outputs(conversion, taxonomy, stem, ixbrl=ixbrl, xbrl_csv=xbrl_csv),
        report=None if report is None else Output(stem + ".report.txt", report),
    )


def export_outputs(
    conversion: Conversion, taxonomy: Taxonomy, stem: str, *, ixbrl: bool = False, xbrl_csv: bool = False
) -> tuple[Output, ...]:
    """xBRL-JSON ``stem.json`` and CSV ``stem.csv``; with ``ixbrl`` also the Inline
    XBRL page ``stem.html``, with ``xbrl_csv`` the xBRL-CSV report in the folder ``stem/``."""
    instance = conversion.instance
    records = from_conversion(conversion)
    exports = [Output(stem + ".json", to_xbrl_json(instance, taxonomy)), Output(stem + ".csv", to_csv(records))]
    if ixbrl:
        exports.append(Output(stem + ".html", render_inline(conversion, taxonomy)))
    if xbrl_csv:
        report_files = to_xbrl_csv(records, instance, taxonomy, "../" + instance.schema_ref)
        exports += [Output(f"{stem}/{name}", text) for name, text in report_files.items()]
    return tuple(exports)


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
