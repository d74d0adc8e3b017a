"""Validation rules, one module per specification area.

Each module offers ``check(report) -> Iterator[Finding]``; :mod:`kcxbrl.validation.validator`
runs them in turn.  :mod:`kcxbrl.validation.rules.report` reads the instance once into
the records they share.
"""
