"""Read the facts of an XBRL or Inline XBRL document with Arelle, offline.

Arelle runs in a child process (as in :mod:`tests.arelle_runner`) and prints
each fact it read as a JSON record: concept, context id, its period and
dimensions, unit, decimals, the value as Arelle parsed it, and the language
of a string fact.  The same reader for both documents makes the two fact
sets comparable without trusting kcxbrl's own reading.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

_SCRIPT = r"""
import json, sys
from arelle import Cntlr, ModelDocument
controller = Cntlr.Cntlr(logFileName="logToBuffer")
controller.webCache.workOffline = True
documents = []
for path in sys.argv[1:]:
    model = controller.modelManager.load(path)
    records = []
    for fact in model.facts:
        context = fact.context
        string = fact.concept is not None and fact.concept.baseXsdType in ("string", "normalizedString", "token")
        records.append([
            str(fact.qname), fact.contextID,
            context.startDatetime.isoformat() if context.isStartEndPeriod else None,
            context.endDatetime.isoformat() if context.endDatetime else None,
            sorted([str(d), str(m.memberQname or m.typedMember.stringValue)] for d, m in context.qnameDims.items()),
            fact.unitID, fact.decimals, str(fact.xValue), fact.xmlLang if string else None,
        ])
    inline = model.modelDocument is not None and model.modelDocument.type == ModelDocument.Type.INLINEXBRL
    documents.append({"facts": records, "inline": inline})
    controller.modelManager.close()
json.dump(documents, sys.stdout)
"""


def arelle_facts(*paths: Path) -> list[tuple[Counter[str], bool]]:
    """For each file (read in one Arelle process): each fact as a JSON string (a multiset),
    and whether Arelle read the file as Inline XBRL."""
    done = subprocess.run([sys.executable, "-c", _SCRIPT, *map(str, paths)], capture_output=True, text=True,
                          timeout=300, check=True)
    return [(Counter(json.dumps(r) for r in document["facts"]), document["inline"])
            for document in json.loads(done.stdout)]
