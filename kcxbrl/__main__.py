"""``python -m kcxbrl``."""

from __future__ import annotations

import sys

from kcxbrl.cli import main

sys.exit(main())
