"""One error root for everything kcxbrl raises on purpose."""

from __future__ import annotations


class KcxbrlError(Exception):
    """Base of kcxbrl's errors; the message says what, where and how to fix."""


class InputError(KcxbrlError):
    """A file cannot be read or is not what the command expects."""


class TaxonomyError(KcxbrlError):
    """The taxonomy definition is inconsistent."""


class OutputError(KcxbrlError):
    """The outputs asked for cannot be written as asked: they collide or would replace an input."""
