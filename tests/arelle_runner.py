"""Run the Arelle XBRL processor offline on a file and read its log.

Arelle is the independent check of what kcxbrl writes; it is in the test
extra.  Arelle knows the XBRL base schemas from its own resources, so
``--internetConnectivity offline`` needs nothing from the network.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

HAVE_ARELLE = importlib.util.find_spec("arelle") is not None

# Levels Arelle writes that mean the file is not clean.
BAD_LEVELS = frozenset({"error", "inconsistency", "critical", "fatal"})


@dataclass(frozen=True)
class ArelleMessage:
    level: str
    code: str
    text: str


def run_arelle(path: Path, log_dir: Path, *, calc: str = "c11r") -> list[ArelleMessage]:
    log_file = log_dir / (path.name + ".arelle-log.xml")
    log_file.unlink(missing_ok=True)
    command = [
        sys.executable, "-m", "arelle.CntlrCmdLine",
        "--file", str(path), "--validate", "--calc", calc,
        "--internetConnectivity", "offline", "--logFile", str(log_file),
    ]
    subprocess.run(command, check=False, capture_output=True, timeout=300)
    root = etree.parse(str(log_file)).getroot()
    messages = []
    for entry in root.iter("entry"):
        message = entry.find("message")
        messages.append(ArelleMessage(
            entry.get("level", ""), entry.get("code", ""),
            "".join(message.itertext()) if message is not None else "",
        ))
    return messages


def problems(messages: list[ArelleMessage]) -> list[ArelleMessage]:
    return [m for m in messages if m.level in BAD_LEVELS or m.level == "warning"]
