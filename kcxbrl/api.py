"""The Python API: convert a filing, read an instance, validate one.

    import kcxbrl
    conversion = kcxbrl.convert("samples/002_f9d89c61d7d6e4d6.txt")
    for fact in conversion.facts: ...
    conversion.to_records()      # list of dicts, JSON-ready
    conversion.write("out")      # staged, validated, as ``kcxbrl convert``

``kcxbrl.load(path)`` reads an XBRL instance or an xBRL-JSON file into the
same records; ``kcxbrl.validate(path)`` returns the findings of ``kcxbrl
validate``.  Paths may be ``str`` or ``pathlib.Path``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from kcxbrl.errors import InputError
from kcxbrl.findings import Finding, has_errors
from kcxbrl.exports.records import FactRecord, sort_key

if TYPE_CHECKING:  # the pipeline is imported when it is used
    from kcxbrl.pipeline import Conversion as PipelineConversion
    from kcxbrl.pipeline import ConversionResult

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Facts:
    """The facts of one document, as records (:class:`kcxbrl.exports.records.FactRecord`)."""

    source: str
    facts: tuple[FactRecord, ...]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per fact, JSON-serialisable, in a stable order (statement,
        concept, period, dimensions).  Keys: ``id, concept, label, us_gaap,
        dei, statement, value, decimals, unit, period_start, period_end,
        period_instant, entity, entity_scheme, dimensions, lang, sources``.
        ``value`` is a string: a plain decimal in full units for numbers
        (``"9558619000"``, ``"-0.54"``), the text of a text fact, None when
        nil; ``decimals`` an integer; dates ISO strings; ``dimensions`` maps
        axis QNames to member QNames (typed members: their text);
        ``sources`` lists ``{file, line, table, table_title, row, column}``."""
        return [f.as_dict() for f in sorted(self.facts, key=sort_key)]

    def to_dataframe(self) -> Any:
        """The records as a pandas DataFrame (``pip install "kcxbrl[pandas]"``);
        ``value`` holds Decimals for numeric facts, strings for text facts."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Conversion.to_dataframe needs pandas, which kcxbrl does not install by itself: "
                'pip install "kcxbrl[pandas]" (or pip install pandas)'
            ) from None
        records = self.to_records()
        ordered = sorted(self.facts, key=sort_key)
        for record, fact in zip(records, ordered):
            if fact.numeric and fact.value is not None:
                record["value"] = fact.number
        return pandas.DataFrame.from_records(records, columns=list(records[0]) if records else None)


@dataclass(frozen=True)
class Conversion(Facts):
    """One filing converted in memory: its facts, its findings, and the
    pipeline's result (``result``) that :meth:`write` puts on disk."""

    findings: tuple[Finding, ...] = ()
    result: PipelineConversion | None = None

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def write(self, out_dir: PathLike, *, report: bool = False, xbrl_csv: bool = False) -> ConversionResult:
        """Write the instance, its extension schema, X.json and X.csv (and with
        ``xbrl_csv`` the xBRL-CSV folder) into ``out_dir`` as ``kcxbrl convert``
        does: staged and validated, a file that fails is not put in place."""
        from kcxbrl.pipeline import write_conversion

        if self.result is None:
            raise InputError("this conversion holds no pipeline result to write")
        return write_conversion(self.result, Path(out_dir), report=report, xbrl_csv=xbrl_csv)


def convert(path: PathLike, *, extend: bool = True) -> Conversion:
    """Convert one filing (.txt/.md) without writing files.  With
    ``extend=False`` rows that match no concept are left out with a warning
    instead of becoming extension concepts."""
    from kcxbrl.pipeline import convert_document
    from kcxbrl.text.read import read_filing
    from kcxbrl.exports.records import from_conversion

    path = _existing(path)
    result = convert_document(read_filing(path), extend=extend)
    return Conversion(result.source, tuple(from_conversion(result)), tuple(result.findings), result)


def load(path: PathLike) -> Facts:
    """The facts of an XBRL instance (.xbrl/.xml) or an xBRL-JSON file
    (.json), kcxbrl's or anyone's, as the records a conversion gives."""
    from kcxbrl.exports.reading import read_records

    path = _existing(path)
    return Facts(str(path), tuple(read_records(path)))


def validate(path: PathLike, *, profile: str | None = None) -> list[Finding]:
    """The findings of ``kcxbrl validate`` for one instance (``profile="sec"``
    adds the EDGAR filing rules)."""
    from kcxbrl.validation.validator import validate_file

    return validate_file(_existing(path), profile=profile)


def _existing(path: PathLike) -> Path:
    found = Path(path)
    if not found.is_file():
        raise InputError(f"{found}: no such file")
    return found
