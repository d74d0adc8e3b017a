"""Instance → XBRL 2.1 XML text, through templates/instance.xbrl.j2.

The template context is built here, from the model only; the output is
byte-for-byte the same for the same instance.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TypedDict

from kcxbrl import __version__
from kcxbrl.jinja import render, xml_decimal
from kcxbrl.model import Fact, Instance
from kcxbrl.taxonomy import Taxonomy


class _FactView(TypedDict):
    qname: str
    id: str
    context: str
    unit: str | None
    decimals: str | None
    value: str
    lang: str | None


# A file name goes into a comment: XML forbids '--' there and control characters anywhere.
_NOT_IN_COMMENT = re.compile(r"-(?=-)|[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def comment_text(text: str) -> str:
    return _NOT_IN_COMMENT.sub(lambda m: "- " if m.group(0) == "-" else "", text)


def fact_id(position: int) -> str:
    """The id of the fact at this 0-based position; exports use the same ids."""
    return f"f{position + 1}"


def _fact_view(fact: Fact, position: int, taxonomy: Taxonomy) -> _FactView:
    value = xml_decimal(fact.value) if isinstance(fact.value, Decimal) else str(fact.value)
    return {
        "qname": taxonomy.qname(fact.concept),
        "id": fact_id(position),
        "context": fact.context.id,
        "unit": fact.unit.id if fact.unit else None,
        "decimals": str(fact.decimals) if fact.unit is not None and fact.decimals is not None else None,
        "value": value,
        "lang": fact.lang,
    }


def context_views(instance: Instance, taxonomy: Taxonomy) -> list[dict[str, object]]:
    """The instance's contexts as the templates write them (instance and Inline XBRL alike)."""
    contexts: list[dict[str, object]] = []
    for c in instance.contexts:
        members = []
        for m in c.members:
            domain = None
            if m.typed:
                axis = taxonomy.concept(m.dimension.split(":", 1)[1])
                domain = f"{taxonomy.prefix}:{axis.typed_domain}"
            members.append({"dimension": m.dimension, "value": m.value, "typed": m.typed, "domain": domain})
        contexts.append({
            "id": c.id,
            "scheme": c.entity.scheme,
            "identifier": c.entity.identifier,
            "members": members,
            "instant": c.period.end.isoformat() if c.period.is_instant else None,
            "start": c.period.start.isoformat() if c.period.start else None,
            "end": c.period.end.isoformat(),
        })
    return contexts


def unit_views(instance: Instance) -> list[dict[str, object]]:
    return [{"id": u.id, "numerator": list(u.numerator), "denominator": list(u.denominator)} for u in instance.units]


def render_instance(instance: Instance, taxonomy: Taxonomy) -> str:
    facts = [_fact_view(f, i, taxonomy) for i, f in enumerate(instance.facts)]
    return render(
        "instance.xbrl.j2",
        version=__version__,
        source=comment_text(instance.source),
        prefix=taxonomy.prefix,
        namespace=taxonomy.namespace,
        schema_ref=instance.schema_ref,
        extra_namespaces=list(instance.extra_namespaces),
        contexts=context_views(instance, taxonomy),
        units=unit_views(instance),
        facts=facts,
    )
