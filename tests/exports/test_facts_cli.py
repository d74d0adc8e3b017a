"""`kcxbrl facts`: the same facts from a filing, its instance and its xBRL-JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from converted import converted, sample
from kcxbrl.cli import main
from paths import ROOT


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    converted()  # the samples' output folder, made first: its summary lines are not ours
    capsys.readouterr()
    code = main(["facts", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _written(prefix: str, suffix: str) -> Path:
    out, _ = converted()
    return out / (sample(prefix).stem + suffix)


def _body(table: str) -> str:
    """The table without its title line (which names the file)."""
    return table.split("\n", 1)[1]


@pytest.mark.parametrize("prefix", ["002", "003"])
def test_filing_instance_and_json_print_the_same_table(capsys, prefix: str) -> None:
    code, from_filing, _ = _run(capsys, str(sample(prefix)))
    assert code == 0
    _, from_instance, _ = _run(capsys, str(_written(prefix, ".xbrl")))
    _, from_json, _ = _run(capsys, str(_written(prefix, ".json")))
    assert from_filing.startswith(f"{sample(prefix).name}: ")
    assert _body(from_filing) == _body(from_instance) == _body(from_json)


def test_the_table_groups_statements_and_writes_values_as_people_do(capsys) -> None:
    _, table, _ = _run(capsys, str(_written("002", ".xbrl")))
    lines = table.splitlines()
    # statements in the taxonomy's order, each a heading of its own
    headings = [line for line in lines if line and not line.startswith(" ")][1:]
    assert headings[:4] == ["Cover - Document and Entity Information", "Cover - Exhibit Index",
                            "Statements of comprehensive loss", "Balance sheets"]
    rows = [line.split() for line in lines if line.startswith("  ")]
    assert ["Revenues", "FY2025", "RMB", "9,558,619,000", "CNY"] in rows
    assert ["Gross", "margin", "FY2024", "17.2%", "pure"] in rows
    assert ["Cash", "and", "cash", "equivalents", "2025-12-31", "US$", "860,569,000", "USD"] in rows
    assert any(r[-4:] == ["FY2024", "-0.54", "RMB/share", "CNY/shares"] and r[0] == "Net" for r in rows)
    assert ["Document", "type", "2026-03", "6-K"] in rows


def test_json_is_the_records_of_the_api(capsys) -> None:
    import kcxbrl

    code, out, _ = _run(capsys, str(sample("000")), "--format", "json")
    assert code == 0
    assert json.loads(out) == kcxbrl.convert(sample("000")).to_records()
    _, from_instance, _ = _run(capsys, str(_written("000", ".xbrl")), "--format", "json")
    strip = lambda records: [{k: v for k, v in r.items() if k != "sources"} for r in records]  # noqa: E731
    assert strip(json.loads(from_instance)) == strip(json.loads(out))


def test_csv_has_the_columns_of_the_export(capsys) -> None:
    from kcxbrl.exports.export import CSV_COLUMNS

    _, out, _ = _run(capsys, str(_written("002", ".json")), "--format", "csv", "--concept", "us-gaap:Revenues")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(list(rows[0])[: len(CSV_COLUMNS)]) == CSV_COLUMNS
    assert {r["us_gaap"] for r in rows} == {"us-gaap:Revenues"}
    assert any(r["value"] == "9558619000" and r["period_end"] == "2025-12-31" and r["unit"] == "iso4217:CNY" for r in rows)


def test_filters(capsys) -> None:
    path = str(_written("002", ".xbrl"))
    _, out, _ = _run(capsys, path, "--format", "json", "--concept", "REVENUES", "--period", "2025", "--statement", "comprehensive")
    records = json.loads(out)
    assert records and all("revenues" in (r["concept"] + r["label"]).lower() for r in records)
    assert {r["period_end"][:4] for r in records} == {"2025"}
    assert {r["statement"] for r in records} == {"Statements of comprehensive loss"}
    _, out, _ = _run(capsys, path, "--format", "json", "--period", "2024-12-31", "--statement", "balance")
    records = json.loads(out)
    assert records and {r["period_instant"] for r in records} == {"2024-12-31"}


def test_usage_errors_exit_2(capsys, tmp_path) -> None:
    assert _run(capsys, str(_written("002", ".xbrl")), "--period", "2025/12")[0] == 2
    assert _run(capsys, str(tmp_path / "missing.xbrl"))[0] == 2
    other = tmp_path / "notes.toml"
    other.write_text("x = 1\n", encoding="utf-8")
    assert _run(capsys, str(other))[0] == 2
    assert main(["facts"]) == 2


def test_a_filing_with_error_findings_exits_1(capsys, tmp_path) -> None:
    """Total revenues printed as 9,558,618 in one statement and 9,558,619 elsewhere: an inconsistent duplicate."""
    text = sample("002").read_text(encoding="utf-8").splitlines(keepends=True)
    assert text[197] == "Total revenues\t7,785,180\t9,558,619\t1,366,864\n"
    text[197] = "Total revenues\t7,785,180\t9,558,618\t1,366,864\n"
    filing = tmp_path / "changed.txt"
    filing.write_text("".join(text), encoding="utf-8")
    code, out, err = _run(capsys, str(filing), "--concept", "kc:Revenues", "--period", "2025")
    assert code == 1
    assert "kcxbrl:inconsistentDuplicate" in err and "RMB 9,558,619,000" in out


def test_the_readme_shows_real_output(capsys) -> None:
    """Each `$ kcxbrl facts ...` example of the README prints what the README shows."""
    import re
    import shlex

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^\$ kcxbrl (facts .+)\n((?:(?!\$ |```).*\n)+)", readme, flags=re.M)
    assert len(examples) >= 2
    out_dir, _ = converted()
    root = ROOT
    for command, shown in examples:
        argv = [a.replace("out/", f"{out_dir}/") if a.startswith("out/") else str(root / a) if a.startswith("samples/") else a
                for a in shlex.split(command)]
        code, printed, _ = _run(capsys, *argv[1:])
        assert code == 0
        assert printed.strip() == shown.strip(), command


def test_several_paths_print_one_table_each(capsys) -> None:
    code, out, _ = _run(capsys, str(_written("000", ".xbrl")), str(_written("001", ".json")), "--statement", "cover")
    assert code == 0
    titles = [line for line in out.splitlines() if line.endswith(" facts") and ": " in line]
    assert [t.split(":")[0] for t in titles] == [_written("000", ".xbrl").name, _written("001", ".json").name]
