"""A row no base concept matches becomes a concept of the filing's extension
(unless --no-extend); the filing's calculation linkbase holds the
summations its printed figures show, with the new row where it is printed."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from kcxbrl.cli import main
from kcxbrl.pipeline import convert_document
from kcxbrl.xbrl.extension import safe_stem
from kcxbrl.findings import Level
from kcxbrl.text.read import read_text
from kcxbrl.validation.validator import validate_file
from kcxbrl.xbrl import ns

from arelle_runner import arelle_check, needs_arelle
from converted import KC, sample

XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
NEGATED = ns.NEGATED_LABEL

# 003, three months ended Mar 31 2025, Dec 31 2025, Mar 31 2026 (RMB) and Mar 31 2026 (US$)
RND = "Research and development expenses\t(226,170)\t(190,201)\t(193,315)\t(28,025)"
# research and development less the new row: totals and the text's figures stay as printed
RND_LESS = "Research and development expenses\t(226,160)\t(190,181)\t(193,285)\t(28,021)"
PROVISION = "Provision for credit losses\t(10)\t(20)\t(30)\t(4)"


def _lines(prefix: str) -> list[str]:
    return sample(prefix).read_text(encoding="utf-8").split("\n")


def _insert(lines: list[str], after: str, row: str) -> int:
    """Insert ``row`` after the line starting with ``after``; its 1-based line number."""
    index = next(i for i, line in enumerate(lines) if line.startswith(after)) + 1
    lines.insert(index, row)
    return index + 1


def _with_provision(*, adjusted: bool) -> tuple[str, int]:
    lines = _lines("003")
    line = _insert(lines, RND, PROVISION)
    if adjusted:
        lines[line - 2] = RND_LESS
    return "\n".join(lines), line


def _write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ext_facts(instance: Path, name: str) -> dict[tuple[str, str], str]:
    """(context, unit) -> value of the extension concept ``name`` (the instance must declare kcx)."""
    root = etree.parse(str(instance)).getroot()
    namespace = root.nsmap["kcx"]
    return {(el.get("contextRef"), el.get("unitRef")): el.text for el in root.iter(f"{{{namespace}}}{name}")}


def _fact_namespaces(instance: Path) -> Counter[str]:
    """How many facts the instance holds in each namespace."""
    root = etree.parse(str(instance)).getroot()
    return Counter(etree.QName(el).namespace for el in root if el.get("contextRef") is not None)


def _schema_ref(instance: Path) -> str:
    return etree.parse(str(instance)).getroot().find(f"{LINK}schemaRef").get(f"{XLINK}href")


def _element(schema: Path, name: str) -> dict[str, str]:
    for el in etree.parse(str(schema)).getroot().iter(f"{XS}element"):
        if el.get("name") == name:
            return {"type": el.get("type"), "period": el.get(f"{XBRLI}periodType"), "balance": el.get(f"{XBRLI}balance")}
    raise AssertionError(f"no element {name} in {schema}")


def _arcs(linkbase: Path, arc: str) -> list[dict[str, str]]:
    """Arcs with their ends resolved to the locators' fragment (kc_X, kcx_Y)."""
    out = []
    for link in etree.parse(str(linkbase)).getroot():
        if not isinstance(link.tag, str) or link.get(f"{XLINK}type") != "extended":
            continue
        locs = {loc.get(f"{XLINK}label"): loc.get(f"{XLINK}href").split("#")[1] for loc in link.iter(f"{LINK}loc")}
        for el in link.iter(f"{LINK}{arc}"):
            out.append({
                "role": link.get(f"{XLINK}role").rsplit("/", 1)[1],
                "from": locs[el.get(f"{XLINK}from")], "to": locs[el.get(f"{XLINK}to")],
                "order": el.get("order"), "weight": el.get("weight"), "preferred": el.get("preferredLabel"),
            })
    return out


def _errors(instance: Path) -> list:
    return [f for f in validate_file(instance) if f.level is Level.ERROR]


# --------------------------------------------------------------------------
# (a) a new expense row among operating expenses
# --------------------------------------------------------------------------


def test_new_expense_row_is_a_positive_debit_placed_and_summed_where_printed(tmp_path) -> None:
    text, line = _with_provision(adjusted=True)
    path = _write(tmp_path, text, "003_provision.txt")
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out), "--quiet", "--report"]) == 0
    instance = out / "003_provision.xbrl"
    assert _schema_ref(instance) == "003_provision-ext.xsd"
    report = (out / "003_provision.report.txt").read_text(encoding="utf-8")
    assert (f"003_provision.txt:{line} table 3 cell 3 '(30)': fact kcx:ProvisionForCreditLosses "
            "context Q1-2026 unit CNY (extension concept)") in report

    # debit, duration, monetary: printed in parentheses on a credit statement, so printed negated
    assert _element(out / "003_provision-ext.xsd", "ProvisionForCreditLosses") == {
        "type": "xbrli:monetaryItemType", "period": "duration", "balance": "debit"}
    assert _ext_facts(instance, "ProvisionForCreditLosses") == {
        ("Q1-2025", "CNY"): "10000", ("Q4-2025", "CNY"): "20000", ("Q1-2026", "CNY"): "30000", ("Q1-2026", "USD"): "4000"}

    # placed after research and development (the third row under operating expenses), negated label
    [arc] = [a for a in _arcs(out / "003_provision-ext_pre.xml", "presentationArc") if a["to"] == "kcx_ProvisionForCreditLosses"]
    assert arc == {"role": "StatementOfComprehensiveLoss", "from": "kc_OperatingExpensesAbstract",
                   "to": "kcx_ProvisionForCreditLosses", "order": "3.01", "weight": None, "preferred": NEGATED}
    base = _arcs(out / "kc-2026_pre.xml", "presentationArc")
    assert [a["order"] for a in base if a["from"] == "kc_OperatingExpensesAbstract" and a["to"] == "kc_ResearchAndDevelopmentExpense"] == ["3"]
    label = (out / "003_provision-ext_lab.xml").read_text(encoding="utf-8")
    assert f'xlink:role="{NEGATED}"' in label and ">Provision for credit losses</link:label>" in label

    # joins OperatingExpenses in the filing's own calculation linkbase, weight +1 (both debit)
    calc = _arcs(out / "003_provision-ext_cal.xml", "calculationArc")
    opex = sorted((a["to"], a["weight"]) for a in calc if a["from"] == "kc_OperatingExpenses")
    assert opex == [("kc_GeneralAndAdministrativeExpense", "1.0"), ("kc_ResearchAndDevelopmentExpense", "1.0"),
                    ("kc_SellingAndMarketingExpense", "1.0"), ("kcx_ProvisionForCreditLosses", "1.0")]
    assert ("kc_OperatingIncomeLoss", "kc_OperatingExpenses", "-1.0") in {(a["from"], a["to"], a["weight"]) for a in calc}
    assert _errors(instance) == []

    conversion = convert_document(read_text(text, "003_provision.txt"))
    assert [f for f in conversion.findings if f.code in ("kcxbrl:unmappedRow", "kcxbrl:filingCalcInconsistency")] == []
    [note] = [f for f in conversion.findings if f.code == "kcxbrl:extensionConcept"]
    assert note.line == line and "kcx:ProvisionForCreditLosses" in note.message


def test_without_extension_the_row_is_a_warning_no_fact_and_its_total_no_calculation(tmp_path, capsys) -> None:
    text, line = _with_provision(adjusted=True)
    path = _write(tmp_path, text, "003_provision.txt")
    out = tmp_path / "plain"
    assert main(["convert", str(path), "--out", str(out), "--no-extend"]) == 0
    err = capsys.readouterr().err
    assert f"003_provision.txt:{line}: warning kcxbrl:unmappedRow row 'Provision for credit losses'" in err
    # the printed total includes the row left out: the summation is not the instance's
    assert f"row 'Provision for credit losses' ({path}:{line}) printed among its parts is left out" in err
    instance = out / "003_provision.xbrl"
    # no extension namespace and no fact of the row: the instance holds the facts of the
    # conversion with extension concepts less the row's four
    assert "kcx" not in etree.parse(str(instance)).getroot().nsmap
    extended = convert_document(read_text(text, "003_provision.txt")).instance.facts
    assert sum(1 for f in extended if f.concept == "kcx:ProvisionForCreditLosses") == 4
    assert _fact_namespaces(instance) == Counter({KC: len(extended) - 4})
    assert _schema_ref(instance) == "003_provision-ext.xsd"
    assert not (out / "003_provision-ext_pre.xml").exists()
    calc = _arcs(out / "003_provision-ext_cal.xml", "calculationArc")
    assert [a for a in calc if a["from"] == "kc_OperatingExpenses"] == []
    assert any(a["from"] == "kc_Revenues" for a in calc)
    assert _errors(instance) == []


@pytest.mark.parametrize("flag", [[], ["--no-extend"]])
@pytest.mark.parametrize("adjusted", [True, False])
@needs_arelle
def test_arelle_is_clean_with_the_new_row(tmp_path, flag: list[str], adjusted: bool) -> None:
    text, _ = _with_provision(adjusted=adjusted)
    path = _write(tmp_path, text, "003_provision.txt")
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out), "--quiet", *flag]) == 0
    checked = arelle_check(out / "003_provision.xbrl")
    assert checked.logged and checked.problems == []



def test_the_calculations_an_instance_is_checked_against_are_the_filings(tmp_path) -> None:
    out = tmp_path / "out"
    assert main(["convert", str(sample("003")), "--out", str(out), "--quiet"]) == 0
    assert "kc-2026_cal.xml" not in (out / "kc-2026.xsd").read_text(encoding="utf-8")
    stem = sample("003").stem
    assert f'href="{stem}-ext_cal.xml"' in (out / f"{stem}-ext.xsd").read_text(encoding="utf-8")
    instance = out / f"{stem}.xbrl"
    assert _errors(instance) == []
    # total revenues of Q1 2025, 1,969,977 thousand, raised by 10,000 thousand: no longer its parts' sum
    text = instance.read_text(encoding="utf-8")
    altered = text.replace('contextRef="Q1-2025" unitRef="CNY" decimals="-3">1969977000<',
                           'contextRef="Q1-2025" unitRef="CNY" decimals="-3">1979977000<')
    assert altered != text
    instance.write_text(altered, encoding="utf-8")
    found = [f.message.split(" in link role")[0] for f in _errors(instance)
             if f.code == "calc11e:inconsistentCalculationUsingRounding"]
    # the total itself, and gross profit that has it as a part
    assert sorted(found) == ["calculation inconsistent from GrossProfit", "calculation inconsistent from Revenues"]


# --------------------------------------------------------------------------
# (b) the balance follows the position (and the printed sign where it must)
# --------------------------------------------------------------------------


def _concepts(text: str) -> dict[str, tuple[str, str, str | None]]:
    conversion = convert_document(read_text(text, "rows.txt"))
    return {
        name.split(":", 1)[1]: (c.type, c.period, c.balance)
        for name, c in conversion.taxonomy.concepts.items() if name.startswith("kcx:")
    }


def _facts(text: str, name: str) -> dict[tuple[str, str], Decimal]:
    conversion = convert_document(read_text(text, "rows.txt"))
    return {(f.context.id, f.unit.id): f.value for f in conversion.instance.facts if f.concept == f"kcx:{name}"}


def test_rows_take_the_balance_of_their_place() -> None:
    lines = _lines("003")
    _insert(lines, RND, PROVISION)  # operating expenses
    _insert(lines, "Other (expense) income, net", "Subsidy income\t1,000\t2,000\t3,000\t435")
    _insert(lines, "Subsidy income", "Other expense\t(1,000)\t(2,000)\t(3,000)\t(435)")
    _insert(lines, "Restricted cash\t99,194", "Deposits\t1,000\t2,000\t290")  # current assets
    _insert(lines, "Accounts payable\t2,014,453", "Notes payable\t1,000\t2,000\t290")  # current liabilities
    _insert(lines, "Basic and diluted\t(0.08)", "Diluted\t(0.08)\t(0.04)\t(0.08)\t(0.01)")  # per share
    _insert(lines, "Basic and diluted\t3,728,092,123", "Diluted\t3,728,092,123\t4,544,291,397\t4,555,310,453\t4,555,310,453")
    text = "\n".join(lines)
    concepts = _concepts(text)
    assert concepts == {
        "ProvisionForCreditLosses": ("monetary", "duration", "debit"),
        "SubsidyIncome": ("monetary", "duration", "credit"),
        "OtherExpense": ("monetary", "duration", "debit"),
        "Deposits": ("monetary", "instant", "debit"),
        "NotesPayable": ("monetary", "instant", "credit"),
        "Diluted": ("perShare", "duration", None),
        "Diluted2": ("shares", "duration", None),
    }
    assert _facts(text, "OtherExpense")[("Q1-2026", "CNY")] == Decimal(3000000)  # printed (3,000): a positive expense
    assert _facts(text, "SubsidyIncome")[("Q1-2026", "CNY")] == Decimal(3000000)
    assert _facts(text, "Deposits")[("AsOf2026-03-31", "CNY")] == Decimal(2000000)
    assert _facts(text, "NotesPayable")[("AsOf2025-12-31", "CNY")] == Decimal(1000000)
    assert _facts(text, "Diluted")[("Q4-2025", "CNYPerShare")] == Decimal("-0.04")
    assert _facts(text, "Diluted2")[("Q1-2026", "shares")] == Decimal(4555310453)


def test_a_row_in_both_signs_keeps_the_balance_printed_as_positive() -> None:
    lines = _lines("003")
    _insert(lines, "Other (expense) income, net", "Other items, net\t1,000\t(2,000)\t3,000\t435")
    text = "\n".join(lines)
    assert _concepts(text) == {"OtherItemsNet": ("monetary", "duration", "credit")}
    assert _facts(text, "OtherItemsNet")[("Q4-2025", "CNY")] == Decimal(-2000000)


# --------------------------------------------------------------------------
# (c) a printed total that is not the sum of its printed parts
# --------------------------------------------------------------------------


def test_total_that_does_not_add_up_is_named_and_left_out_of_the_calculations(tmp_path) -> None:
    text, line = _with_provision(adjusted=False)
    conversion = convert_document(read_text(text, "003_unadjusted.txt"))
    misses = [f for f in conversion.findings if f.code == "kcxbrl:filingCalcInconsistency"]
    total_line = line + 1  # "Total operating expenses" is printed right below the new row
    assert {f.message.split(":")[0] for f in misses} == {
        "OperatingExpenses Q1-2025 CNY", "OperatingExpenses Q4-2025 CNY", "OperatingExpenses Q1-2026 CNY",
        "OperatingExpenses Q1-2026 USD"}
    for finding in misses:
        assert finding.level is Level.WARNING
        assert f"003_unadjusted.txt:{total_line}" in finding.message
        assert f"kcx:ProvisionForCreditLosses 003_unadjusted.txt:{line}" in finding.message
    q1 = next(f for f in misses if f.message.startswith("OperatingExpenses Q1-2026 CNY"))
    # printed (511,856) against (123,776) + (194,765) + (193,315) + (30)
    assert "prints 511856000" in q1.message and "add up to 511886000" in q1.message

    path = _write(tmp_path, text, "003_unadjusted.txt")
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out), "--quiet"]) == 0
    calc = _arcs(out / "003_unadjusted-ext_cal.xml", "calculationArc")
    assert [a for a in calc if a["from"] == "kc_OperatingExpenses" or a["to"] == "kcx_ProvisionForCreditLosses"] == []
    # the summations the filing does bear out stay
    assert ("kc_OperatingIncomeLoss", "kc_OperatingExpenses") in {(a["from"], a["to"]) for a in calc}
    assert _errors(out / "003_unadjusted.xbrl") == []


# --------------------------------------------------------------------------
# File names
# --------------------------------------------------------------------------


def test_safe_stem() -> None:
    assert safe_stem("samples/002_f9d89c61d7d6e4d6.txt") == "002_f9d89c61d7d6e4d6"
    awkward = safe_stem('tmp/Q4 résumé &<"--.txt')
    assert awkward.startswith("Q4-resume-") and "--" not in awkward
    assert set(awkward) <= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
    assert safe_stem("a b.txt") != safe_stem("a_b.txt") != safe_stem("a-b.txt")


AWKWARD = 'Q4 résumé &<"--.txt'


def _awkward(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    text, _ = _with_provision(adjusted=True)
    path = folder / AWKWARD
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["convert", str(path), "--out", str(out), "--quiet"]) == 0
    return out


def test_awkward_file_name_gives_valid_files(tmp_path) -> None:
    out = _awkward(tmp_path)
    instance = out / (Path(AWKWARD).stem + ".xbrl")
    stem = safe_stem(AWKWARD)
    assert _schema_ref(instance) == f"{stem}-ext.xsd"
    for path in out.glob("*.x*"):
        text = path.read_text(encoding="utf-8")
        assert "résumé" not in text and "&<" not in text, path.name
        etree.parse(str(path))  # well-formed XML, comments included
    schema = etree.parse(str(out / f"{stem}-ext.xsd")).getroot()
    assert schema.get("targetNamespace") == f"http://kcxbrl.org/taxonomy/2026/ext/{stem}"
    assert _ext_facts(instance, "ProvisionForCreditLosses")[("Q1-2026", "CNY")] == "30000"
    assert _errors(instance) == []


@needs_arelle
def test_awkward_file_name_is_clean_in_arelle(tmp_path) -> None:
    out = _awkward(tmp_path)
    checked = arelle_check(out / (Path(AWKWARD).stem + ".xbrl"))
    assert checked.logged and checked.problems == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_samples_have_no_row_the_taxonomy_lacks(prefix: str) -> None:
    from kcxbrl.text.read import read_filing

    document = read_filing(sample(prefix))
    extended = convert_document(document)
    plain = convert_document(document, extend=False)
    assert [c for c in extended.taxonomy.concepts if c.startswith("kcx:")] == []
    assert [f for f in plain.findings if f.code == "kcxbrl:unmappedRow"] == []
    assert plain.instance == extended.instance
    assert dict(plain.extension) == dict(extended.extension)


def test_a_row_opening_a_heading_is_placed_first_and_joins_that_headings_total(tmp_path) -> None:
    lines = _lines("003")
    line = _insert(lines, "<b>Operating expenses:</b>", PROVISION)
    index = lines.index(RND)
    lines[index] = RND_LESS
    text = "\n".join(lines)
    conversion = convert_document(read_text(text, "003_first.txt"))
    assert [f for f in conversion.findings if f.code == "kcxbrl:filingCalcInconsistency"] == []
    files = dict(conversion.extension)
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    [arc] = _arcs(tmp_path / "003_first-ext_pre.xml", "presentationArc")
    assert (arc["from"], arc["to"], arc["order"]) == ("kc_OperatingExpensesAbstract", "kcx_ProvisionForCreditLosses", "0.01")
    calc = _arcs(tmp_path / "003_first-ext_cal.xml", "calculationArc")
    assert ("kc_OperatingExpenses", "kcx_ProvisionForCreditLosses", "1.0") in {(a["from"], a["to"], a["weight"]) for a in calc}
    [note] = [f for f in conversion.findings if f.code == "kcxbrl:extensionConcept"]
    assert note.line == line


def test_an_expense_under_the_statement_root_joins_its_total_with_weight_minus_one(tmp_path) -> None:
    # 003 "Other (expense) income, net" (7,012) 74 (372) (54) split into itself and a new expense row
    lines = _lines("003")
    index = next(i for i, text in enumerate(lines) if text.startswith("Other (expense) income, net\t(7,012)"))
    lines[index] = "Other (expense) income, net\t(7,010)\t77\t(369)\t(54)"
    line = _insert(lines, "Other (expense) income, net", "Other expense\t(2)\t(3)\t(3)\t–")
    conversion = convert_document(read_text("\n".join(lines), "003_other.txt"))
    assert [f for f in conversion.findings if f.code == "kcxbrl:filingCalcInconsistency"] == []
    assert conversion.taxonomy.concepts["kcx:OtherExpense"].balance == "debit"
    values = {(f.context.id, f.unit.id): f.value for f in conversion.instance.facts if f.concept == "kcx:OtherExpense"}
    assert values[("Q1-2025", "CNY")] == Decimal(2000)
    files = dict(conversion.extension)
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    calc = {(a["from"], a["to"], a["weight"]) for a in _arcs(tmp_path / "003_other-ext_cal.xml", "calculationArc")}
    assert ("kc_IncomeLossBeforeIncomeTaxes", "kcx_OtherExpense", "-1.0") in calc
    assert ("kc_IncomeLossBeforeIncomeTaxes", "kc_OtherIncomeExpenseNet", "1.0") in calc
    [arc] = _arcs(tmp_path / "003_other-ext_pre.xml", "presentationArc")
    assert arc["from"] == "kc_ComprehensiveLossStatementAbstract" and arc["preferred"] == NEGATED
    assert arc["order"].endswith(".01")
    [note] = [f for f in conversion.findings if f.code == "kcxbrl:extensionConcept"]
    assert note.line == line
