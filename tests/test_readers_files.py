"""Finding post files, reading them from disk and stdin, and refusing what is not a post file."""

from __future__ import annotations

import codecs
import pickle
from pathlib import Path

import pytest

from voicelint.errors import InputError, UsageError
from voicelint.model import TextMap
from voicelint.readers import (
    POST_FILE_EXTENSIONS,
    collect_files,
    decode,
    read_bytes,
    read_file,
    read_text,
)

FIXTURES = Path(__file__).parent / "fixtures" / "posts"


def read_error(path: Path, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as info:
        read_file(path, **kwargs)  # type: ignore[arg-type]
    return info.value


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def test_extensions() -> None:
    assert POST_FILE_EXTENSIONS == (".yaml", ".yml", ".json", ".csv", ".md", ".markdown", ".txt")


def test_collect_files_walks_sorted_and_skips_hidden_and_tool_directories(tmp_path: Path) -> None:
    for name in [
        "b/two.yml",
        "a/one.md",
        "a/zz.csv",
        "a/notes.docx",
        "top.json",
        "UPPER.YAML",
        ".hidden.yaml",
        ".git/config.yaml",
        "node_modules/pkg/x.json",
        "__pycache__/x.txt",
        ".venv/x.md",
        "venv/y.md",
        "a/.drafts/secret.txt",
    ]:
        write(tmp_path / name, "text: hi\n")
    explicit = write(tmp_path / "elsewhere" / "named.docx", "x")
    found = collect_files([str(tmp_path), str(explicit)])
    relative = [(path.relative_to(tmp_path).as_posix(), flag) for path, flag in found]
    assert relative == [
        ("UPPER.YAML", False),
        ("a/one.md", False),
        ("a/zz.csv", False),
        ("b/two.yml", False),
        ("top.json", False),
        ("elsewhere/named.docx", True),
    ]


def test_collect_files_lists_a_file_once_and_explicit_wins(tmp_path: Path) -> None:
    post = write(tmp_path / "posts.yaml", "text: hi\n")
    found = collect_files([str(tmp_path), str(post), str(post)])
    assert found == [(tmp_path / "posts.yaml", True)]


def test_collect_files_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        collect_files([str(tmp_path / "nope.yaml")])
    error = info.value
    assert (error.path, error.line, error.message, error.hint) == (
        str(tmp_path / "nope.yaml"),
        None,
        "no such file or directory",
        "check the path",
    )
    assert str(error) == f"{tmp_path / 'nope.yaml'}: no such file or directory (check the path)"


def test_read_file_display_path() -> None:
    (post,) = read_file(FIXTURES / "reply.txt", display_path="drafts/reply.txt")
    assert (post.path, post.source.path) == ("drafts/reply.txt", "drafts/reply.txt")
    (post,) = read_file(FIXTURES / "reply.txt")
    assert post.path == str(FIXTURES / "reply.txt")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    error = read_error(tmp_path / "missing.yaml")
    assert (error.line, error.message) == (None, "no such file or directory")
    error = read_error(tmp_path / "missing.docx")  # missing beats unsupported
    assert error.message == "no such file or directory"
    error = read_error(tmp_path)
    assert (error.line, error.message) == (None, "is a directory")


def test_unsupported_extension_named_explicitly(tmp_path: Path) -> None:
    path = write(tmp_path / "post.docx", "hello")
    error = read_error(path)
    assert (error.line, error.message) == (None, 'unsupported file type ".docx"')
    assert error.hint == "post files end in .yaml, .yml, .json, .csv, .md, .markdown or .txt"
    assert read_error(write(tmp_path / "README", "x")).message == "file has no extension"
    assert read_file(path, explicit=False) == []


def test_binary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = read_error(path)
    assert isinstance(error, InputError)  # or its kinds: Unreadable, NotPosts
    assert (error.line, error.message) == (None, "binary file, not a post file")
    assert (
        str(error)
        == f"{path}: binary file, not a post file (pass a .yaml, .json, .csv, .md or .txt file)"
    )


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "line one\nline two\ncaf\xe9 ol\xe9\n".encode("latin-1"))
    error = read_error(path)
    assert (error.line, error.message, error.hint) == (
        3,
        "not valid UTF-8 (byte 0xe9 at column 4)",
        "save the file as UTF-8",
    )


def test_utf16_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", "hello".encode("utf-16"))
    error = read_error(path)
    assert (error.line, error.message, error.hint) == (
        1,
        "file is encoded as UTF-16, not UTF-8",
        "save it as UTF-8",
    )


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.yaml", codecs.BOM_UTF8 + b"text: Hello bom\n")
    (post,) = read_file(path)
    assert post.text == "Hello bom"
    assert not post.source.text.startswith("\ufeff")
    assert post.place(6, 9)[:2] == (1, 13)
    (post,) = read_text("\ufeffplain", fmt="txt")
    assert (post.text, post.place(0, 5)) == ("plain", (1, 1, 1, 6))


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "big.txt", "x" * 2048)
    monkeypatch.setattr(decode, "MAX_BYTES", 1024)
    error = read_error(path)
    assert (error.line, error.message) == (None, "file too large (0 MiB)")
    assert error.hint == "post files are limited to 50 MiB; split it"
    with pytest.raises(InputError, match="file too large"):
        read_text("y" * 2048)


def test_real_limit_is_50_mib() -> None:
    assert decode.MAX_BYTES == 50 * 1024 * 1024


def test_non_post_files_found_by_walking_are_skipped(tmp_path: Path) -> None:
    policy = write(tmp_path / "policy.yaml", "client: acme\nrules:\n  - id: x\n")
    ci = write(tmp_path / "ci.yml", "jobs:\n  test:\n    steps: [!reference [a, b]]\n")
    cloud = write(tmp_path / "stack.yaml", "Resources:\n  B:\n    Name: !Ref Thing\n")
    package = write(tmp_path / "package.json", '{"name": "site", "version": "1.0.0"}')
    listing = write(tmp_path / "list.json", "[1, 2, 3]")
    empty = write(tmp_path / "empty.yaml", "")
    data = write(tmp_path / "data.csv", "name,value\na,1\n")
    for path in [policy, ci, cloud, package, listing, empty, data]:
        assert read_file(path, explicit=False) == []
        with pytest.raises(InputError):
            read_file(path, explicit=True)
    error = read_error(policy)
    assert (error.line, error.message) == (1, 'not a post file: no "posts:" list and no "text:"')
    assert read_error(data).message == 'no "text" column in the CSV header'


def test_syntax_errors_raise_even_when_walking(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken.yaml", "posts:\n  - text: [unclosed\n")
    assert read_error(broken, explicit=False).line == 2
    bad_json = write(tmp_path / "broken.json", '{"posts": [}')
    assert read_error(bad_json, explicit=False).message.startswith("invalid JSON")
    tagged_post = write(tmp_path / "tagged.yaml", "text: !!python/object:os.system hi\n")
    assert read_error(tagged_post, explicit=False).message == (
        'YAML tag "!!python/object:os.system" is not allowed'
    )


def test_read_text_formats() -> None:
    assert read_text("text: hi", fmt="yaml")[0].text == "hi"
    assert read_text("text: hi", fmt="yml")[0].text == "hi"
    assert read_text('{"text": "hi"}', fmt="json")[0].text == "hi"
    assert read_text("text\nhi\n", fmt="csv")[0].text == "hi"
    assert read_text("---\nid: a\n---\nhi", fmt="md")[0].id == "a"
    assert read_text("hi", fmt="markdown")[0].text == "hi"
    assert read_text("text: hi")[0].text == "text: hi"  # stdin defaults to plain text
    with pytest.raises(UsageError) as info:
        read_text("hi", fmt="docx")
    assert info.value.message == 'unknown input format "docx"'


def test_read_text_and_bytes_checks() -> None:
    with pytest.raises(InputError, match="binary file, not a post file"):
        read_text("a\0b")
    with pytest.raises(InputError) as info:
        read_bytes(b"ok\n\xff\n", display_path="-")
    assert (info.value.path, info.value.line) == ("-", 2)
    (post,) = read_bytes("text: café".encode(), fmt="yaml")
    assert post.text == "café"


def test_text_map_is_built_lazily_and_pickles_as_a_plain_map() -> None:
    (post,) = read_text('text: "a\\tb"', fmt="yaml")
    copy = pickle.loads(pickle.dumps(post.text_map))
    assert type(copy) is TextMap
    assert copy.runs == post.text_map.runs == ((0, 7), (2, 10))  # the \t maps to its \
    assert post.text_map == copy
    assert hash(post.text_map) == hash(copy)
