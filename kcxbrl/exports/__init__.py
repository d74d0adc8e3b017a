"""Facts for other tools and for people.

In: an ``Instance`` (or any XBRL instance / xBRL-JSON file, through ``reading``).
Out: xBRL-JSON, xBRL-CSV and flat CSV (``export``), an Inline XBRL page
(``ixbrl``), flat fact records (``records``) and the ``kcxbrl facts`` view
(``factsview``).
"""
