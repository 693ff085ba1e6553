"""Text that reaches a terminal: control characters from articles are shown, not obeyed.

An article may carry ``ESC [ 2 J`` (clear screen), ``ESC ] 0 ; ... BEL`` (set
the window title) or C1 controls; printed raw, a name or quote would drive the
user's terminal. The CLI writes its standard output through
:class:`TerminalSafe`, which replaces every control character except newline and
tab with a visible ``\\uNNNN`` escape, which is also a valid escape inside a JSON
string (JSON output already escapes C0 controls; C1 ones now too), so JSON
output decodes to the same text.
"""

from __future__ import annotations

import re
from typing import TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    r"""``text`` with control characters (but newline and tab) as ``\uNNNN`` escapes.

    >>> print(visible("Mary \x1b[31mJones"))
    Mary \u001b[31mJones
    """
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


class TerminalSafe:
    """A text stream wrapper that writes :func:`visible` text to ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, s: str) -> int:
        self._stream.write(visible(s))
        return len(s)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)
