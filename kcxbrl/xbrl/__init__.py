"""The XBRL model, the taxonomy and rendering.

In: fact drafts (``kcxbrl.extract``).
Out: a frozen ``Instance`` of contexts, units and facts (``model``,
``assemble``), the filing's extension taxonomy (``extension``,
``taxonomy_writer``) and XBRL 2.1 XML text rendered through the Jinja
templates (``render``, ``jinja``).  ``taxonomy`` loads the local taxonomy
(its records in ``taxonomy_model``, read from TOML by ``taxonomy_source``).
Shared by every subsystem: ``ns``, the one table of namespaces, roles and
arcroles; ``calc11``, Calculations 1.1 arithmetic; ``names``, XML names made
from printed text.
"""
