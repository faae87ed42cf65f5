"""Read a plain-text file (or stdin) as one post whose text is the whole input."""

from __future__ import annotations

from voicelint.model import Post, SourceFile
from voicelint.readers.maps import normalized_text
from voicelint.readers.problems import empty_file


def read_txt(source: SourceFile) -> list[Post]:
    """One post, the whole text; a file of nothing but blank space holds no post (a path that
    gives no posts is exit 2: an empty draft must not pass a gate as a clean one)."""
    src = source.text
    if not src.strip():
        raise empty_file(source.path)
    end = len(src.rstrip())
    text, text_map = normalized_text(src, 0, end)
    return [Post(source=source, index=1, id="1", text=text, text_map=text_map, line=1)]
