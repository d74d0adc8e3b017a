"""Extracting facts from a read filing.

In: a ``Document`` (``kcxbrl.text``) and the local taxonomy.
Out: fact drafts, each with its provenance (file, line, table, row, column),
and findings for every number that could not be placed.  ``kinds`` says what
the filing holds; ``tables``/``headers`` place tables and resolve columns;
``mapping`` turns rows into drafts; ``prose``, ``cover`` and ``monthly`` read
the text, the cover and HKEX monthly returns; ``coverage``, ``crosscheck``
and ``plausible`` check what was read against what was printed.
"""
