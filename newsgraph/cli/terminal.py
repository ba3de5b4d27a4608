"""Text from inputs made safe to print on a terminal."""
from __future__ import annotations

import re

# C0 and C1 control characters (ESC and CSI start terminal escape sequences) and the bidirectional
# overrides that make printed text read differently from what it is; tab and newline are kept.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), so a file name or title read from
    an input cannot move the cursor, recolour or retitle the user's terminal."""
    return UNPRINTABLE.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), text)
