"""Offline validation of XBRL 2.1 instances, schemas and linkbases.

In: a path to an instance, schema or linkbase.
Out: findings.  ``dts`` discovers the DTS (official URLs resolved to bundled
files by ``locations``, parsed by ``safexml``); ``schemas`` and
``rules.xsd`` check XML Schema validity; the ``rules`` modules check what an
XSD cannot express; ``validator`` runs them (``kcxbrl validate``), ``ci``
formats results for CI, ``outcheck`` and ``ixbrl_check`` compare exports and
Inline XBRL pages with the instance beside them.
"""
