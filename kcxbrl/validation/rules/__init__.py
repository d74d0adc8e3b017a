"""Validation rules, one module per specification area.

:mod:`~kcxbrl.validation.rules.report` reads the instance once (contexts and
units through :mod:`~kcxbrl.validation.rules.contexts`) into the records the
rules share; :mod:`~kcxbrl.validation.rules.numbers` and
:mod:`~kcxbrl.validation.rules.xstypes` read accuracies and typed values.
The instance rules offer ``check(report) -> Iterator[Finding]``; the
taxonomy rules (``taxonomy``, with ``linkbases`` and ``networks``) and the
XML Schema checks (``xsd``) take the DTS.  :mod:`kcxbrl.validation.validator`
runs them in turn.
"""
