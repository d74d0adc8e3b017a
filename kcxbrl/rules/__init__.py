"""Validation rules, one module per specification area.

Each module offers ``check(report) -> Iterator[Finding]``; :mod:`kcxbrl.validation`
runs them in turn.  :mod:`kcxbrl.rules.report` reads the instance once into
the records they share.
"""
