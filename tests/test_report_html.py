"""The client report (``voicelint report``, ``check --format html``): one self-contained page with
the figures, each draft with its findings marked at their exact offsets, and the exceptions.

The page is read back with ``html.parser`` (always), and rendered by headless Chromium when it is
installed: the marks, counts and messages are asserted on the DOM the browser built. Set
VOICELINT_UPDATE_SCREENSHOT=1 to rewrite docs/report.png from the demo drafts.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import draft, run_cli, write
from voicelint.engine import Suppression
from voicelint.formats.html import render_html
from voicelint.model import Finding
from voicelint.report import Report

TESTS = Path(__file__).resolve().parent
DEMO = TESTS / "data" / "report" / "week49.yaml"
SCREENSHOT = TESTS.parent / "docs" / "report.png"
NOW = "2026-11-29T09:00Z"
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)


@dataclass
class Node:
    """An element of the page, as html.parser (or a browser's serialised DOM) gives it."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self, skip: tuple[str, ...] = ()) -> str:
        return "".join(
            child if isinstance(child, str) else child.text(skip)
            for child in self.children
            if isinstance(child, str) or child.tag not in skip
        )

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes()):
                    found.append(child)
                found.extend(child.all(tag, cls))
        return found

    def one(self, tag: str | None = None, cls: str | None = None) -> Node:
        (found,) = self.all(tag, cls)
        return found


VOID = {"meta", "br", "img", "link", "input", "hr", "source", "wbr", "col", "base"}


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.doctype: str | None = None
        self.start_tags: list[tuple[str, dict[str, str]]] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.start_tags.append((tag, node.attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(page: str) -> TreeBuilder:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    return builder


def marks_of(draft_node: Node) -> tuple[str, list[tuple[int, int, list[str], set[str]]]]:
    """The draft's text (without the note labels) and each mark's offsets, labels and classes."""
    text = ""
    marks = []
    for child in draft_node.children:
        if isinstance(child, str):
            text += child
        elif child.tag == "mark":
            piece = child.text()
            labels = child.attrs["data-notes"].split()
            marks.append((len(text), len(text) + len(piece), labels, child.classes()))
            text += piece
        else:
            assert child.tag == "sup" and "ref" in child.classes(), child
    return text, marks


def marked_ranges(marks, label: str) -> list[tuple[int, int]]:
    """The stretches of the draft marked with ``label``, adjacent segments joined."""
    ranges: list[tuple[int, int]] = []
    for start, end, labels, _ in marks:
        if label in labels:
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return ranges


def cards(tree: TreeBuilder) -> dict[str, Node]:
    return {node.attrs["data-post"]: node for node in tree.root.all("article", "post")}


@pytest.fixture
def demo(tmp: Path) -> Path:
    shutil.copy(DEMO, tmp / "week49.yaml")
    return tmp


def report_page(directory: Path, *extra: str) -> str:
    out = directory / "report.html"
    result = run_cli(
        ["report", "week49.yaml", "--client", "acme-bank", "--now", NOW, "-o", str(out), *extra],
        directory,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return out.read_text(encoding="utf-8")


def demo_json(directory: Path) -> dict:
    result = run_cli(
        ["check", "week49.yaml", "--client", "acme-bank", "--now", NOW, "--format", "json"],
        directory,
    )
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


# -- what the page is made of ------------------------------------------------------------------


EXTERNAL = re.compile(
    r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z]+:|//)""", re.I
)


def test_the_report_is_one_self_contained_page(demo):
    page = report_page(demo)
    tree = parse(page)
    assert tree.doctype is not None and tree.doctype.lower() == "doctype html"
    tags = {tag for tag, _ in tree.start_tags}
    assert {"html", "head", "style", "body", "main"} <= tags
    # nothing to fetch and nothing to run
    assert not tags & {"script", "link", "img", "iframe", "object", "embed", "video", "audio"}
    assert EXTERNAL.search(page) is None
    for _, attrs in tree.start_tags:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert all(not value.startswith(("http", "//")) for value in attrs.values()), attrs
    style = tree.root.one("style").text()
    assert "url(" not in style and "@import" not in style
    csp = [a for t, a in tree.start_tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert re.search(r"<title>Content review: acme-bank, 29 November 2026</title>", page)


def test_the_header_names_client_date_files_and_posts(demo):
    top = parse(report_page(demo)).root.one("header", "top")
    assert top.one("h1").text() == "acme-bank"
    facts = {node.one("dt").text(): node.one("dd").text() for node in top.one("dl").all("div")}
    assert facts == {"Date": "29 November 2026", "Posts checked": "4", "File": "1"}
    assert "week49.yaml" in top.one("p", "files").text()


def test_every_finding_is_marked_at_its_offsets_with_its_message(demo):
    tree = parse(report_page(demo))
    findings = demo_json(demo)["findings"]
    by_card = cards(tree)
    assert list(by_card) == ["ab-201", "ab-202", "ab-203", "ab-204"]
    posts = {p: [f for f in findings if f["post"] == p] for p in by_card}
    texts = {
        "ab-202": "Sign up today: guaranteed risk-free returns, the best rates in town. "
        "Total no-brainer!!",
    }
    for post_id, expected in posts.items():
        card = by_card[post_id]
        text, marks = marks_of(card.one("div", "draft"))
        if post_id in texts:
            assert text == texts[post_id]
        notes = card.all("li", "note")
        assert len(notes) == len(expected)
        for number, (finding, note) in enumerate(zip(expected, notes, strict=True), 1):
            assert marked_ranges(marks, str(number)) == [(finding["start"], finding["end"])]
            assert text[finding["start"] : finding["end"]] == finding["match"]
            assert note.attrs["data-rule"] == finding["rule"]
            assert note.one("p", "msg").text() == finding["message"]
            assert finding["rule"] in note.one("p", "rule").text()
    # the text outside any mark is the draft's own, in order
    assert by_card["ab-201"].all("mark") == []
    assert "Nothing to change" in by_card["ab-201"].one("p", "clean").text()


def test_a_fix_is_offered_in_plain_words(demo):
    card = cards(parse(report_page(demo)))["ab-202"]
    fix = card.one("p", "fix").text()
    assert fix == "Suggested wording: write Open an account instead of Sign up."


def test_overlapping_findings_mark_every_character_once_with_every_label():
    text = "abcdefghij"
    post = draft(text, author="dana")
    findings = [
        _finding(post, 2, 6, "error", "claims.a"),
        _finding(post, 4, 8, "warning", "tone.b"),
        _finding(post, 0, 10, "info", "format.c"),
        _finding(post, 0, 0, "warning", "format.whole"),  # the whole post: no mark
    ]
    report = Report(files=1, posts=1, findings=findings, kept=[post])
    tree = parse(render_html(report))
    card = tree.root.one("article", "post")
    shown, marks = marks_of(card.one("div", "draft"))
    assert shown == text
    assert [(s, e) for s, e, _, _ in marks] == [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10)]
    labels = {(s, e): labels for s, e, labels, _ in marks}
    classes = {(s, e): cls for s, e, _, cls in marks}
    order = [f.rule for f in report.ordered()]
    number = {rule: str(order.index(rule) + 1) for rule in order}
    assert sorted(labels[(4, 6)]) == sorted(number[r] for r in ("claims.a", "tone.b", "format.c"))
    assert classes[(4, 6)] == {"m-error", "overlap"}
    assert classes[(6, 8)] == {"m-warning", "overlap"}
    assert classes[(8, 10)] == {"m-info"}
    for position, rule in enumerate(order, 1):
        finding = next(f for f in findings if f.rule == rule)
        if finding.start < finding.end:
            assert marked_ranges(marks, str(position)) == [(finding.start, finding.end)]
    refs = [node.text() for node in card.one("div", "draft").all("sup", "ref")]
    assert sorted(refs) == sorted(number[r] for r in ("claims.a", "tone.b", "format.c"))
    whole = card.all("li", "note")[order.index("format.whole")]
    assert "the whole post" in whole.text()


def test_hostile_text_is_escaped_everywhere(tmp):
    hostile = (
        '<script>alert("x")</script> <img src=http://evil.example/a.png onerror=alert(1)> &amp; '
        "Please alert us & ping <b>me</b>."
    )
    write(
        tmp,
        "policies/acme.yaml",
        """
        client: acme
        voice:
          banned_terms: [alert]
          preferred_terms: {ping: contact}
        """,
    )
    write(
        tmp,
        "posts.yaml",
        f"""
        client: acme
        posts:
          - id: '<b>p1</b>'
            author: '</td><script>alert(2)</script>'
            campaign: '"><svg onload=alert(3)>'
            kind: reply
            in_reply_to: '<iframe src="https://evil.example"></iframe>'
            text: '{hostile}'
            voicelint: {{allow: [tone.preferred-term], reason: '<script>r</script>', approved_by: '<i>x</i>'}}
        """,
    )
    result = run_cli(["report", "posts.yaml", "--now", NOW], tmp)
    assert result.exit_code == 0, result.output
    page = result.stdout
    tree = parse(page)
    tags = {tag for tag, _ in tree.start_tags}
    assert not tags & {"script", "img", "iframe", "svg", "i"}
    assert "<b>p1</b>" not in page and "<i>x</i>" not in page
    # the words "src=http:" are in the draft, as text: no element has such an attribute
    for _, attrs in tree.start_tags:
        assert not set(attrs) & {"src", "href", "onerror", "onload"}, attrs
    card = tree.root.one("article", "post")
    text, marks = marks_of(card.one("div", "draft"))
    assert text == hostile
    assert [text[s:e] for s, e, _, classes in marks] == ["alert", "ping"]
    assert "m-approved" in marks[1][3]
    allowed = card.one("div", "allowed").text()
    assert "Reason: <script>r</script>; approved by <i>x</i>" in allowed
    assert card.attrs["data-post"] == "<b>p1</b>"
    assert "</td><script>alert(2)</script>" in tree.root.one("section", "by-author").text()
    assert card.one("blockquote").text().endswith('<iframe src="https://evil.example"></iframe>')


def test_approved_exceptions_show_reason_approver_and_expiry(demo):
    tree = parse(report_page(demo))
    section = tree.root.one("section", "exceptions")
    (row,) = section.one("tbody").all("tr")
    cells = [cell.text() for cell in row.all("td")]
    assert cells[0] == "week49.yaml post ab-203"
    assert "most trusted" in cells[1] and "claims.superlative" in cells[1]
    assert cells[2:] == ["J.D. Power 2026 study, cleared by legal", "M. Ortiz", "31 December 2026"]
    card = cards(tree)["ab-203"]
    _, marks = marks_of(card.one("div", "draft"))
    (approved,) = [m for m in marks if "m-approved" in m[3]]
    text, _ = marks_of(card.one("div", "draft"))
    assert text[approved[0] : approved[1]] == "most trusted"
    allowed = card.one("div", "allowed").text()
    assert "approved by M. Ortiz" in allowed and "valid until 31 December 2026" in allowed


def test_counts_by_category_severity_author_and_campaign(demo):
    tree = parse(report_page(demo))
    summary = demo_json(demo)["summary"]

    def row_cells(section: Node, attr: str) -> dict[str, list[str]]:
        return {
            row.attrs[attr]: [cell.text() for cell in row.all("td")]
            for row in section.one("tbody").all("tr")
        }

    table = tree.root.one("table", "by-category")
    rows = {
        row.attrs["data-category"]: [cell.text() for cell in row.all("td")]
        for row in table.one("tbody").all("tr")
    }
    for category, count in summary["by_category"].items():
        assert rows[category][-1] == str(count)
    assert rows["claims"] == ["2", "–", "–", "2"]
    assert rows["tone"] == ["–", "4", "–", "4"]
    assert rows["disclosure"] == ["–", "–", "–", "0"]
    totals = [cell.text() for cell in table.one("tfoot").all("td")]
    assert totals == ["3", "4", "–", "7"]
    authors = row_cells(tree.root.one("section", "by-author"), "data-author")
    # posts, posts with no issues, must fix, review, note
    assert authors == {
        "dana": ["1", "1", "–", "–", "–"],
        "kim": ["1", "0", "1", "–", "–"],
        "sam": ["2", "1", "2", "4", "–"],
    }
    campaigns = row_cells(tree.root.one("section", "by-campaign"), "data-campaign")
    assert campaigns == {
        "care": ["1", "0", "1", "–", "–"],
        "holiday-savings": ["3", "2", "2", "4", "–"],
    }
    tiles = [tile.text() for tile in tree.root.one("div", "tiles").all("div", "tile")]
    assert tiles == [
        "4posts checked",
        "2posts with no issues",
        "2posts need changes",
        "3must-fix items",
        "4points to review",
        "1approved exception",
    ]


def test_the_page_prints_a_post_card_whole():
    page = render_html(Report())
    style = parse(page).root.one("style").text()
    printed = style[style.index("@media print") :]
    assert re.search(r"article\.post\{[^}]*break-inside:avoid", printed)
    assert "page-break-inside:avoid" in printed


def test_check_format_html_renders_the_same_page(demo):
    args = ["week49.yaml", "--client", "acme-bank", "--now", NOW]
    checked = run_cli(["check", *args, "--format", "html"], demo)
    reported = run_cli(["report", *args], demo)
    assert checked.exit_code == 1 and reported.exit_code == 0
    assert checked.stdout == reported.stdout
    assert checked.stdout.startswith("<!DOCTYPE html>")


def test_the_report_never_writes_over_an_input(demo):
    before = (demo / "week49.yaml").read_bytes()
    result = run_cli(["report", "week49.yaml", "--now", NOW, "-o", "week49.yaml"], demo)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "would overwrite" in result.stderr
    assert (demo / "week49.yaml").read_bytes() == before


def test_a_bad_input_is_one_line_and_exit_2(demo):
    result = run_cli(["report", "missing.yaml", "-o", "out.html"], demo)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: ") and result.stderr.count("\n") == 1
    assert not (demo / "out.html").exists()


def test_a_file_that_could_not_be_read_still_gets_a_card(demo):
    (demo / "broken.yaml").write_text("posts: [\n", encoding="utf-8")
    result = run_cli(["report", "week49.yaml", "broken.yaml", "--now", NOW], demo)
    assert result.exit_code == 0, result.output
    by_card = cards(parse(result.stdout))
    broken = next(card for card in by_card.values() if card.attrs["data-path"] == "broken.yaml")
    assert "could not be read" in broken.one("p", "unread").text()
    assert broken.one("li", "note").attrs["data-rule"] == "format.unreadable-file"


# -- in a real browser -------------------------------------------------------------------------


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",  # root in a container has no user namespace for the sandbox
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={tmp / 'chromium-profile'}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


@needs_chromium
def test_chromium_renders_the_marks_counts_and_messages(demo):
    report_page(demo)
    dom = chromium(demo, "--dump-dom", (demo / "report.html").as_uri()).stdout
    tree = parse(dom)
    findings = demo_json(demo)["findings"]
    by_card = cards(tree)
    for post_id, card in by_card.items():
        expected = [f for f in findings if f["post"] == post_id]
        text, marks = marks_of(card.one("div", "draft"))
        messages = [note.one("p", "msg").text() for note in card.all("li", "note")]
        assert messages == [f["message"] for f in expected]
        for number, finding in enumerate(expected, 1):
            assert marked_ranges(marks, str(number)) == [(finding["start"], finding["end"])]
            assert text[finding["start"] : finding["end"]] == finding["match"]
    totals = [cell.text() for cell in tree.root.one("table", "by-category").one("tfoot").all("td")]
    assert totals == ["3", "4", "–", "7"]


@needs_chromium
def test_chromium_takes_a_screenshot_of_the_page(demo):
    report_page(demo)
    shot = demo / "report.png"
    chromium(
        demo, f"--screenshot={shot}", "--window-size=1200,1600", (demo / "report.html").as_uri()
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    if os.environ.get("VOICELINT_UPDATE_SCREENSHOT"):
        SCREENSHOT.write_bytes(data)


def _finding(post, start: int, end: int, severity: str, rule: str) -> Finding:
    line, column, end_line, end_column = post.place(start, end)
    return Finding(
        path=post.path,
        post=post.id,
        client=None,
        rule=rule,
        category=rule.split(".")[0],
        severity=severity,
        message=f"{rule} says so.",
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=start,
        end=end,
        match=post.text[start:end],
        author=post.author,
    )


def test_an_exception_without_its_finding_is_still_listed():
    post = draft("Plain words.")
    allowed = Suppression(post.path, post.id, "tone.x", 1, None, None)
    tree = parse(render_html(Report(files=1, posts=1, kept=[post], suppressed=[allowed])))
    item = tree.root.one("div", "allowed").text()
    assert "the whole post" in item and "none given" in item and "nobody named" in item
