"""Discover a DTS offline and gather what validation needs from it.

In: an instance (its ``link:schemaRef`` and other references), a taxonomy
schema or linkbase, or a list of entry schemas.  Out: an immutable
:class:`Dts`: concepts with their type derived to an xbrli base item type
(XBRL 2.1 section 5.1.1.3), role and arcrole types, and the relationships of
every base set after prohibition and overriding (XBRL 2.1 section 3.5.3.9.7).
Nothing is fetched from the network: official addresses resolve to bundled
files, and the base schemas kcxbrl knows by heart
(:data:`kcxbrl.xbrl.ns.BUILTIN_SCHEMAS`) count as resolved even when not
bundled.

The modules, in the order the work flows:

* :mod:`.documents` resolves addresses and parses each document once per content;
* :mod:`.discovery` follows references from document to document (XBRL 2.1 section 3.2);
* :mod:`.declarations` reads concepts and role and arcrole types from the schemas;
* :mod:`.links` reads locators and arcs into relationships and labels;
* :mod:`.loader` puts them together (``discover``, ``discover_taxonomy``, ``load``);
* :mod:`.model` holds the records the rules read.
"""

from __future__ import annotations

from kcxbrl.validation.dts.documents import element_base, url_to_path
from kcxbrl.validation.dts.loader import discover, discover_taxonomy, load
from kcxbrl.validation.dts.model import ArcroleType, Concept, DocumentInfo, Dts, Label, Relationship, RoleType

__all__ = [
    "ArcroleType", "Concept", "DocumentInfo", "Dts", "Label", "Relationship", "RoleType",
    "discover", "discover_taxonomy", "element_base", "load", "url_to_path",
]
