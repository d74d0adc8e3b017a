"""``python -m kcxbrl``."""

from __future__ import annotations

import sys

from kcxbrl.cli import main

if __name__ == "__main__":  # not when a spawned worker process imports this module as its main
    sys.exit(main())
