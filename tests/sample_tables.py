"""What the samples' tables state, read off the filings: the scale of each
table with a statement or note role, and the line of the caption stating it."""

from __future__ import annotations

# table line -> (scale, line of the caption stating it); tables with a role
SAMPLE_SCALES = {
    "002": {71: (0, None), 93: (0, None), 101: (0, None), 111: (0, None), 137: (0, None), 191: (3, 189),
            287: (3, 189), 360: (3, 358), 388: (3, 358), 405: (3, 403), 435: (3, 403), 462: (3, 460),
            523: (3, 475), 537: (3, 475), 548: (3, 475), 560: (3, 475), 569: (3, 475), 597: (3, 475),
            606: (3, 475), 617: (3, 475), 636: (3, 475)},
    "003": {176: (3, 174), 228: (3, 226), 266: (3, 264), 281: (3, 279), 292: (3, 290), 314: (3, 312),
            331: (3, 329), 346: (3, 344)},
    "004": {72: (0, None), 93: (0, None), 101: (0, None), 110: (0, None), 127: (0, None), 138: (0, None),
            185: (3, 183), 280: (0, None), 347: (3, 345), 377: (3, 375), 395: (3, 393), 429: (3, 427),
            457: (3, 455), 522: (3, 472), 536: (3, 472), 546: (3, 472), 557: (3, 472), 566: (3, 472),
            594: (3, 472), 603: (3, 472), 614: (3, 472), 633: (3, 472)},
}


# The heading, caption and column header of a small income statement (FY2024, FY2025, FY2025 US$),
# for tests that add rows under it.
STATEMENT_HEAD = (
    "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS\n"
    "\n"
    "(All amounts in thousands, except for share and per share data)\n"
    "\n"
    "\tFor the year ended December 31,\t\t\n"
    "\t2024\t2025\t2025\n"
    "\tRMB\tRMB\tUS$\n"
)
