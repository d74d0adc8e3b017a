"""What one walk through a monthly return collects: drafts, findings, which section each item is in."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kcxbrl.extract.monthly.form import Form
from kcxbrl.findings import Finding, warning
from kcxbrl.text.values import parse_date
from kcxbrl.xbrl.model import Draft, Member, Number, Period, Provenance


@dataclass
class Reader:
    """Collects drafts and findings while one return is walked."""

    file: str
    month: Period
    form: Form
    drafts: list[Draft] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sections: dict[tuple[Member, ...], str] = field(default_factory=dict)  # item members → section

    def period(self, kind: str) -> Period:
        return {"open": self.month.opening(), "close": self.month.closing()}.get(kind, self.month)

    def number(self, concept: str, kind: str, number: Number, line: int, *, currency: str | None = None,
               members: tuple[Member, ...] = (), table: int | None = None, row: str | None = None,
               column: str | None = None) -> None:
        value = Decimal(0) if number.nil else number.value
        source = Provenance(self.file, line, table, row, column)
        self.drafts.append(Draft(concept, self.period(kind), value, number.decimals, source,
                                 currency=currency, members=members))

    def text(self, concept: str, value: str, line: int, *, members: tuple[Member, ...] = (),
             table: int | None = None) -> None:
        self.drafts.append(Draft(concept, self.month, value, None, Provenance(self.file, line, table),
                                 members=members, lang="en"))

    def day(self, concept: str, text: str, line: int, *, members: tuple[Member, ...] = (),
            table: int | None = None) -> None:
        day = parse_date(text)
        if day is None:
            self.warn("kcxbrl:monthlyDateUnread", f"cannot read the date '{text}'", line)
            return
        self.drafts.append(Draft(concept, self.month, day.isoformat(), None, Provenance(self.file, line, table),
                                 members=members))

    def warn(self, code: str, message: str, line: int) -> None:
        self.findings.append(warning(code, message, file=self.file, line=line))
