"""What GEXF and GraphML share: XML escaping and typed attribute columns.

Both writers stream text rather than build an element tree: a 100k-edge
graph is written in a fraction of the time ``networkx.write_gexf`` takes.
"""

from __future__ import annotations

import json
import re
from typing import Any

# U+0085 and U+2028 too: XML 1.1-minded parsers (xmldom, under graphology-gexf)
# turn them into spaces unless they come as character references
_SPECIAL = re.compile('[&<>"\n\r\t\u0085\u2028\u2029]')


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute; newlines survive parsing.

    >>> attr('a "b" <c> & d\\ne')
    'a &quot;b&quot; &lt;c&gt; &amp; d&#10;e'
    """
    if _SPECIAL.search(value) is None:  # most values: no copy at all
        return value
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;").replace("\u0085", "&#133;").replace("\u2028", "&#8232;")
            .replace("\u2029", "&#8233;"))


def text(value: str) -> str:
    """``value`` escaped for XML element content (carriage returns kept as references)."""
    return attr(value)


def scalar(value: Any) -> str:
    """A property value as the text an XML attribute or element holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        # lists travel as a JSON array in a string column: every consumer reads
        # the same text back, with no delimiter a name could contain
        return json.dumps(list(value), ensure_ascii=False)
    if isinstance(value, float):
        return repr(value)
    return str(value)


def columns(items, skip: set[str], types: dict[type, str]) -> dict[str, str]:
    """Attribute name -> declared type over all ``items`` (a mapping's values).

    A column whose values disagree in type becomes a string column.
    """
    out: dict[str, str] = {}
    for data in items:
        for k, v in data.items():
            if k in skip or v is None:
                continue
            t = types[bool] if isinstance(v, bool) else types.get(type(v), types[str])
            if isinstance(v, (list, tuple)):
                t = types[str]
            prev = out.get(k)
            if prev is None:
                out[k] = t
            elif prev != t:
                out[k] = types[float] if {prev, t} == {types[int], types[float]} else types[str]
    return dict(sorted(out.items()))
