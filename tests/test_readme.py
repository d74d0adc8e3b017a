"""The README's commands are the ones CI runs, and --help agrees with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kcxbrl.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_opens_with_the_two_commands() -> None:
    first, second = _commands()[:2]
    assert "pip install ." in first and "kcxbrl convert samples/*.txt --out" in first
    assert 'pip install -e ".[test]"' in second and "pytest" in second
    assert README.index(first) < README.index("## What it does")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _commands()[1] in ci


@pytest.mark.parametrize("command", ["convert", "validate", "facts"])
def test_every_option_of_help_is_in_the_readme(command: str) -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    for action in sub._actions:
        for option in action.option_strings:
            if option not in ("-h", "--help"):
                assert option in README, f"{command} {option} is not documented"


def test_help_and_usage_exit_codes(capsys) -> None:
    assert main(["--help"]) == 0
    assert main([]) == 2
    assert main(["convert"]) == 2
    assert main(["convert", "no-such-file.txt", "--out", "x"]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["facts"]) == 2
