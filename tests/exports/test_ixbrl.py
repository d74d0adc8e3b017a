"""`kcxbrl convert --ixbrl`: the Inline XBRL page holds exactly the instance's facts."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from arelle_runner import arelle_check, needs_arelle
from case_runs import run_case, sample_run
from converted import sample
from kcxbrl.cli import main
from kcxbrl.pipeline import convert_document, filing_outputs, taxonomy_files
from kcxbrl.text.read import read_filing
from kcxbrl.write import NOT_WRITTEN, Stage
from kcxbrl.exports.ixbrl import displayed_digits
from kcxbrl.validation.ixbrl_check import INLINE_FACT_MISMATCH, check_inline, inline_facts, instance_facts
from kcxbrl.validation.safexml import XML_SYNTAX

IX = "http://www.xbrl.org/2013/inlineXBRL"
XHTML = "http://www.w3.org/1999/xhtml"
PREFIXES = ["000", "001", "002", "003", "004"]


def _file(prefix: str, suffix: str) -> Path:
    """A file the golden case of sample ``prefix`` wrote (converted with --ixbrl)."""
    return sample_run(prefix).file(suffix)


def _source(prefix: str) -> str:
    """The sample's path as the case run gave it, as the page names it."""
    return sample_run(prefix).case.input


def _page(prefix: str) -> etree._ElementTree:
    return etree.parse(str(_file(prefix, ".html")))


def _tag(prefix: str, concept: str, context: str, unit: str | None = None) -> etree._Element:
    found = [
        e for e in _page(prefix).iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")
        if e.get("name") == f"kc:{concept}" and e.get("contextRef") == context and e.get("unitRef") == unit
    ]
    assert len(found) == 1, f"{concept} {context} {unit} tagged {len(found)} times"
    return found[0]


def _printed_line(prefix: str, start: str) -> int:
    lines = sample(prefix).read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if text.startswith(start))


def test_displayed_digits_keep_every_digit_of_the_value() -> None:
    assert displayed_digits(Decimal("9558619000"), -3, 3) == "9,558,619"
    assert displayed_digits(Decimal("0.54"), 2, 0) == "0.54"
    assert displayed_digits(Decimal("0.058"), 3, -2) == "5.8"
    assert displayed_digits(Decimal("1234.5"), -3, 3) == "1.2345"  # more digits than decimals says: kept
    assert displayed_digits(Decimal("4531784801"), 0, 0) == "4,531,784,801"


def test_only_with_the_flag(tmp_path: Path) -> None:
    assert main(["convert", str(sample("000")), "--out", str(tmp_path), "--quiet"]) == 0
    assert not list(tmp_path.glob("*.html"))
    assert _file("000", ".html").is_file()


def test_revenues_are_tagged_as_printed_in_thousands() -> None:
    tag = _tag("002", "Revenues", "FY2025", "CNY")
    assert (tag.text, tag.get("scale"), tag.get("decimals"), tag.get("format")) == (
        "9,558,619", "3", "-3", "ixt:num-dot-decimal")
    assert tag.get("sign") is None
    cell = tag.getparent()
    assert cell.get("title").startswith(f"{_source('002')}:{_printed_line('002', 'Revenues')} ")


def test_a_negative_fact_is_shown_in_parentheses_with_sign() -> None:
    tag = _tag("002", "NetIncomeLoss", "FY2025", "CNY")
    assert (tag.text, tag.get("sign")) == ("936,251", "-")  # attributable to the company
    cell = tag.getparent()
    assert "".join(cell.itertext()).startswith("(936,251)")


def test_an_expense_printed_in_parentheses_stays_positive() -> None:
    tag = _tag("002", "CostOfRevenue", "FY2025", "CNY")
    assert (tag.text, tag.get("sign")) == ("8,055,211", None)
    assert "".join(tag.getparent().itertext()).startswith("(8,055,211)")


def test_a_dash_is_a_fixed_zero() -> None:
    tag = _tag("002", "ImpairmentOfLongLivedAssets", "FY2025", "CNY")
    assert (tag.text, tag.get("format")) == ("–", "ixt:fixed-zero")


def test_per_share_and_percent_scales() -> None:
    eps = _tag("002", "EarningsPerShareBasicAndDiluted", "FY2024", "CNYPerShare")
    assert (eps.text, eps.get("scale"), eps.get("decimals"), eps.get("sign")) == ("0.54", "0", "2", "-")
    margin = _tag("002", "AdjustedNetLossMargin", "FY2025", "pure")
    assert (margin.text, margin.get("scale"), margin.get("sign")) == ("5.8", "-2", "-")


def test_cover_text_is_non_numeric() -> None:
    tag = _tag("002", "DocumentType", "M2026-03")
    assert tag.tag == f"{{{IX}}}nonNumeric" and tag.text == "6-K"


def test_a_repeated_figure_links_to_its_tag() -> None:
    """Revenues are printed in the highlights (tagged) and again in the statement (a link)."""
    tag = _tag("002", "Revenues", "FY2025", "CNY")
    line = _printed_line("002", "Total revenues")
    cells = [td for td in _page("002").iter(f"{{{XHTML}}}td")
             if (td.get("title") or "").startswith(f"{_source('002')}:{line} · kc:Revenues · FY2025 · CNY")]
    assert len(cells) == 1
    link = cells[0].find(f"{{{XHTML}}}a")
    assert (link.get("href"), link.text) == (f"#{tag.get('id')}", "9,558,619")


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_fact_is_tagged_once(prefix: str) -> None:
    page, _ = inline_facts(_file(prefix, ".html"))
    xml, _ = instance_facts(_file(prefix, ".xbrl"))
    ids = [e.get("id") for e in _page(prefix).iter(f"{{{IX}}}*") if e.get("id")]
    assert len(ids) == len(set(ids)) == sum(xml.values()) == sum(page.values())
    assert check_inline(_file(prefix, ".html"), _file(prefix, ".xbrl")) == []


def test_a_page_that_disagrees_is_not_written(tmp_path: Path) -> None:
    stem = sample("002").stem
    for suffix in (".xbrl", "-ext.xsd"):
        shutil.copyfile(_file("002", suffix), tmp_path / f"{stem}{suffix}")
    text = _file("002", ".html").read_text(encoding="utf-8")
    changed = tmp_path / "changed.html"
    changed.write_text(text.replace(">9,558,619<", ">9,558,618<", 1), encoding="utf-8")
    codes = Counter(f.code for f in check_inline(changed, tmp_path / f"{stem}.xbrl"))
    assert codes == Counter({INLINE_FACT_MISMATCH: 2})
    broken = tmp_path / "broken.html"
    broken.write_text(text.replace("</body>", "", 1), encoding="utf-8")
    assert [f.code for f in check_inline(broken, tmp_path / f"{stem}.xbrl")] == [XML_SYNTAX]


def test_the_written_page_is_held_back_when_it_disagrees(tmp_path: Path) -> None:
    """The page goes through the staged writing: checked against the instance, not put in place."""
    path = sample("003")
    conversion = convert_document(read_filing(path))
    outputs = filing_outputs(conversion, conversion.taxonomy, path.stem, None, ixbrl=True)
    page = next(o for o in outputs.exports if o.name.endswith(".html"))
    tag = _tag("003", "Revenues", "Q1-2026", "CNY")
    assert f">{tag.text}<" in page.text
    tampered = replace(page, text=page.text.replace(f">{tag.text}<", ">1<", 1))
    outputs = replace(outputs, exports=tuple(tampered if o is page else o for o in outputs.exports))
    with Stage(tmp_path, taxonomy_files(conversion.taxonomy)) as stage:
        written = stage.write(outputs)
    assert written.holds(tmp_path / f"{path.stem}.xbrl")
    assert not (tmp_path / page.name).exists()
    codes = {f.code for f in written.findings}
    assert {INLINE_FACT_MISMATCH, NOT_WRITTEN} <= codes


@needs_arelle
@pytest.mark.parametrize("name", ["sample-000", "sample-001", "sample-002", "sample-003", "sample-004",
                                  "q4_2025_release", "damaged_003"])
def test_arelle_reads_the_instance_facts_from_the_page(name: str) -> None:
    """Every sample; a filing with extension concepts (q4) and a damaged one (rows left out with warnings)."""
    run = run_case(name)
    page, instance = arelle_check(run.file(".html")), arelle_check(run.file(".xbrl"))
    assert page.logged and page.problems == []
    assert page.inline and not instance.inline
    assert sum(instance.facts.values()) == len(run.conversion.instance.facts)
    assert page.facts == instance.facts


def test_the_page_is_the_same_for_the_same_filing(tmp_path: Path) -> None:
    for run in ("a", "b"):
        assert main(["convert", str(sample("004")), "--out", str(tmp_path / run), "--ixbrl", "--quiet"]) == 0
    name = sample("004").stem + ".html"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_figure_from_a_sentence_is_shown_in_millions_as_written() -> None:
    """'RMB1,496.8 million' of IDC costs in the text of sample 004."""
    text = sample("004").read_text(encoding="utf-8")
    assert "RMB1,496.8 million" in text
    tags = [e for e in _page("004").iter(f"{{{IX}}}nonFraction") if e.text == "1,496.8"]
    assert [(e.get("scale"), e.get("unitRef")) for e in tags] == [("6", "CNY")]
