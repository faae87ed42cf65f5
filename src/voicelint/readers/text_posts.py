"""Read a plain-text file (or stdin) as one post whose text is the whole input."""

from __future__ import annotations

from voicelint.model import Post, SourceFile
from voicelint.readers.maps import normalized_text


def read_txt(source: SourceFile) -> list[Post]:
    src = source.text
    end = len(src.rstrip())
    text, text_map = normalized_text(src, 0, end)
    return [Post(source=source, index=1, id="1", text=text, text_map=text_map, line=1)]
