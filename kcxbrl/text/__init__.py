"""Reading a filing's text.

In: the bytes of a filing (plain text, Markdown, text with leftover HTML).
Out: a ``Document`` of numbered prose lines and tables (``read``), with inline
markup taken out (``markup``), look-alike characters read as ASCII (``plain``),
printed numbers and dates as values (``values``), and row labels in a normal
form that another release's wording still matches (``labels``).  ``memo``
keeps the answers to questions asked of the same text by several stages;
``screen`` tells, from a pattern's own literals, which texts it cannot match.
"""
