"""The XBRL model, the taxonomy and rendering.

In: fact drafts (``kcxbrl.extract``).
Out: a frozen ``Instance`` of contexts, units and facts (``model``,
``assemble``), the filing's extension taxonomy (``extension``,
``taxonomy_writer``) and XBRL 2.1 XML text rendered through the Jinja
templates (``render``, ``jinja``).  ``taxonomy`` loads the local taxonomy.
"""
