"""Render a report as one self-contained HTML page for the client: figures, then each draft with
its findings highlighted in place, and the exceptions someone approved.

The page loads nothing (inline CSS, no script, a Content-Security-Policy that forbids fetching
anything), so it can be mailed or printed as it is. Every piece of a draft or a message is
escaped; a finding is marked at its exact offsets in the post's text, and findings that overlap
split the text into segments, each marked once with every note that covers it.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from voicelint import __version__
from voicelint.engine import Suppression
from voicelint.model import CATEGORIES, SEVERITIES, SEVERITY_RANK, Finding, Post
from voicelint.report import Report, writable, xml_text

# How a client reads a severity and a category; rule ids stay, small, for the agency.
SEVERITY_LABELS = {"error": "Must fix", "warning": "Review", "info": "Note"}
SEVERITY_HINTS = {
    "error": "must be changed before the post goes out",
    "warning": "should be looked at; it may be fine with a reason",
    "info": "for your information",
}
CATEGORY_LABELS = {
    "claims": ("Claims", "promises and claims that need proof or are not allowed"),
    "disclosure": ("Disclosure", "paid partnerships that must be labelled as such"),
    "tone": ("Tone of voice", "wording that does not sound like the brand"),
    "routing": ("Customer care", "replies that should move to a private channel"),
    "format": ("Format", "platform limits, and drafts that could not be read"),
    "process": ("Approvals and scheduling", "exceptions and the publishing calendar"),
}
FILES_SHOWN = 12  # files named in the header; the rest are counted


@dataclass(frozen=True)
class _Span:
    """A stretch of a draft to mark: a finding (numbered) or an approved exception (lettered)."""

    start: int
    end: int
    label: str
    kind: str  # a severity, or "approved"
    title: str


_RANK = {**SEVERITY_RANK, "approved": 0}


def render_html(report: Report, client: str | None = None, now: dt.datetime | None = None) -> str:
    """The whole page. ``client`` names whose drafts these are (default: the clients of the
    posts); ``now`` dates the report (default: today)."""
    findings = report.ordered()
    cards = _cards(report, findings)
    day = (now or dt.datetime.now(dt.UTC)).date()
    who = client or ", ".join(sorted({c.client for c in report.checked if c.client})) or "—"
    title = f"Content review: {who}, {_date(day)}"
    body = [
        _header(report, who, day),
        _overview(report, cards),
        '<div class="grid">',
        _by_category(findings),
        '<div class="people">',
        _by_person(report, findings, "author", "By author"),
        _by_person(report, findings, "campaign", "By campaign"),
        "</div></div>",
        _exceptions_table(report.suppressed),
        '<section class="posts"><h2>The drafts</h2>',
        _legend(),
        *(_card(number, card) for number, card in enumerate(cards, 1)),
        "</section>",
        _skipped(report.skipped),
        f"<footer>Checked with voicelint {_e(__version__)} against each client's brand policy."
        "</footer>",
    ]
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(part for part in body if part)
        + "\n</main>\n</body>\n</html>\n"
    )
    return xml_text(writable(page))


@dataclass
class _Card:
    """One post (or one file that could not be read) with what was found in it."""

    path: str
    post_id: str
    post: Post | None
    findings: list[Finding]
    allowed: list[Suppression]

    @property
    def worst(self) -> str | None:
        return max((f.severity for f in self.findings), key=SEVERITY_RANK.get, default=None)


def _cards(report: Report, findings: list[Finding]) -> list[_Card]:
    """A card per post in file order; findings of a file or post that was not read get a card
    of their own, so nothing found is left out of the page."""
    cards: list[_Card] = []
    by_key: dict[tuple[str, str], list[_Card]] = {}
    for post in report.kept or []:
        card = _Card(post.path, post.id, post, [], [])
        cards.append(card)
        by_key.setdefault((post.path, post.id), []).append(card)

    def card_for(path: str, post_id: str, line: int) -> _Card:
        same = by_key.get((path, post_id))
        if not same:
            card = _Card(path, post_id, None, [], [])
            cards.append(card)
            by_key[(path, post_id)] = same = [card]
        # two posts of a file with one id: the last that starts at or before the line
        starting = [c for c in same if c.post is None or c.post.line <= line]
        return (starting or same)[-1]

    for finding in findings:
        card_for(finding.path, finding.post, finding.line).findings.append(finding)
    for suppression in report.suppressed:
        line = suppression.finding.line if suppression.finding else suppression.line
        card_for(suppression.path, suppression.post, line).allowed.append(suppression)
    order = {path: index for index, path in enumerate(dict.fromkeys(c.path for c in cards))}
    cards.sort(key=lambda c: (order[c.path], c.post.line if c.post else 0))
    return cards


def _header(report: Report, who: str, day: dt.date) -> str:
    paths = list(dict.fromkeys(checked.path for checked in report.checked))
    shown = ", ".join(f"<code>{_e(p)}</code>" for p in paths[:FILES_SHOWN])
    if len(paths) > FILES_SHOWN:
        shown += f" and {len(paths) - FILES_SHOWN} more"
    return (
        '<header class="top"><p class="kicker">Content review</p>'
        f"<h1>{_e(who)}</h1>"
        '<dl class="facts">'
        f"<div><dt>Date</dt><dd>{_date(day)}</dd></div>"
        f"<div><dt>Posts checked</dt><dd>{report.posts}</dd></div>"
        f"<div><dt>{_plural_word(report.files, 'File')}</dt><dd>{report.files}</dd></div>"
        "</dl>"
        f'<p class="files">{shown}</p></header>'
    )


def _overview(report: Report, cards: list[_Card]) -> str:
    posts = [c for c in cards if c.post is not None]
    clean = sum(1 for c in posts if not c.findings)
    worst = Counter(c.worst for c in cards if c.worst)
    severities = Counter(f.severity for c in cards for f in c.findings)
    tiles = [
        ("tile-all", report.posts, "post checked", "posts checked"),
        ("tile-ok", clean, "post with no issues", "posts with no issues"),
        ("tile-error", worst["error"], "post needs changes", "posts need changes"),
        ("tile-error", severities["error"], "must-fix item", "must-fix items"),
        ("tile-warning", severities["warning"], "point to review", "points to review"),
        ("tile-approved", len(report.suppressed), "approved exception", "approved exceptions"),
    ]
    items = "".join(
        f'<div class="tile {cls}"><span class="n">{n}</span>'
        f"<span>{_e(one if n == 1 else many)}</span></div>"
        for cls, n, one, many in tiles
    )
    said = [
        f"{count} {one if count == 1 else many}"
        for count, one, many in (
            (clean, "can go out as written", "can go out as written"),
            (worst["error"], "needs changes before publishing", "need changes before publishing"),
            (worst["warning"], "has points to review", "have points to review"),
            (worst["info"], "has notes only", "have notes only"),
        )
        if count
    ]
    listed = ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)
    sentence = f"We checked {_plural(report.posts, 'draft')} against the brand policy" + (
        f": {listed}." if listed else "."
    )
    return (
        f'<section class="overview"><h2>At a glance</h2><div class="tiles">{items}</div>'
        f"<p>{_e(sentence)}</p></section>"
    )


def _by_category(findings: list[Finding]) -> str:
    counts = Counter((f.category, f.severity) for f in findings)
    present = {f.category for f in findings}
    categories = [c for c in (*CATEGORIES, "process") if c in CATEGORIES or c in present]
    categories += sorted(present - set(categories))
    head = "".join(f'<th class="num">{_e(SEVERITY_LABELS[s])}</th>' for s in SEVERITIES)
    rows = []
    for category in categories:
        label, what = CATEGORY_LABELS.get(category, (category.capitalize(), ""))
        cells = "".join(_num(counts[(category, s)], s) for s in SEVERITIES)
        total = sum(counts[(category, s)] for s in SEVERITIES)
        rows.append(
            f'<tr data-category="{_e(category)}"><th scope="row">{_e(label)}'
            f'<span class="what">{_e(what)}</span></th>{cells}<td class="num total">{total}</td></tr>'
        )
    totals = "".join(_num(sum(counts[(c, s)] for c in categories), s) for s in SEVERITIES)
    return (
        '<section class="figures"><h2>What we found</h2>'
        '<table class="counts by-category"><thead><tr><th>Area</th>'
        f'{head}<th class="num">Total</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        f'<tfoot><tr><th scope="row">All areas</th>{totals}'
        f'<td class="num total">{len(findings)}</td></tr></tfoot></table></section>'
    )


def _by_person(report: Report, findings: list[Finding], key: str, heading: str) -> str:
    """Posts and findings per author (or campaign), as the posts name them."""
    posts: Counter[str | None] = Counter()
    clean: Counter[str | None] = Counter()
    with_findings = {(f.path, f.post) for f in findings}
    for post in report.kept or []:
        name = getattr(post, key)
        posts[name] += 1
        clean[name] += (post.path, post.id) not in with_findings
    items = Counter((getattr(f, key), f.severity) for f in findings)
    names = set(posts) | {name for name, _ in items}
    if names <= {None}:
        return ""
    rows = []
    for name in sorted(names, key=lambda n: (n is None, (n or "").lower())):
        shown = _e(name) if name is not None else '<span class="none">not given</span>'
        cells = "".join(_num(items[(name, s)], s) for s in SEVERITIES)
        rows.append(
            f'<tr data-{key}="{_e(name or "")}"><th scope="row">{shown}</th>'
            f'<td class="num">{posts[name]}</td><td class="num">{clean[name]}</td>{cells}</tr>'
        )
    head = "".join(f'<th class="num">{_e(SEVERITY_LABELS[s])}</th>' for s in SEVERITIES)
    return (
        f'<section class="figures by-{key}"><h2>{_e(heading)}</h2>'
        f'<table class="counts"><thead><tr><th>{_e(key.capitalize())}</th>'
        '<th class="num">Posts</th><th class="num">No issues</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _exceptions_table(suppressed: list[Suppression]) -> str:
    if not suppressed:
        return ""
    rows = "".join(
        f"<tr><td><code>{_e(s.path)}</code> post <b>{_e(s.post)}</b></td>"
        f"<td>{_quote(s.finding.match) if s.finding and s.finding.match else ''}"
        f'<span class="rule">{_e(s.rule)}</span></td>'
        f"<td>{_e(s.reason) if s.reason else _missing('no reason given')}</td>"
        f"<td>{_e(s.approved_by) if s.approved_by else _missing('no approver given')}</td>"
        f"<td>{_date(s.expires) if s.expires else 'no end date'}</td></tr>"
        for s in suppressed
    )
    return (
        '<section class="exceptions"><h2>Approved exceptions</h2>'
        "<p>These points were raised by the checks but allowed on purpose, with the reason and "
        "the person who approved them.</p>"
        '<table class="counts"><thead><tr><th>Post</th><th>What was allowed</th><th>Reason</th>'
        f"<th>Approved by</th><th>Valid until</th></tr></thead><tbody>{rows}</tbody></table>"
        "</section>"
    )


def _legend() -> str:
    items = "".join(
        f'<li><mark class="m-{s}">{_e(SEVERITY_LABELS[s])}</mark> {_e(SEVERITY_HINTS[s])}</li>'
        for s in SEVERITIES
    )
    return (
        '<ul class="legend">'
        f'{items}<li><mark class="m-approved">Approved</mark> allowed by an exception</li></ul>'
    )


def _card(number: int, card: _Card) -> str:
    post = card.post
    anchor = f"post-{number}"
    status = card.worst
    badge = (
        f'<span class="badge b-{status}">{_e(SEVERITY_LABELS[status])}</span>'
        if status
        else '<span class="badge b-ok">No issues</span>'
    )
    meta = [f"<code>{_e(card.path)}</code>" + (f", line {post.line}" if post else "")]
    if post is not None:
        if post.kind == "reply":
            meta.append("<b>Reply</b>")
        for label, value in (
            ("Platform", post.platform),
            ("Author", post.author),
            ("Campaign", post.campaign),
            ("Publish", _when(post.publish_at) if post.publish_at else None),
            ("Sponsored", "yes" if post.sponsored else None),
        ):
            if value is not None:
                meta.append(f"{_e(label)}: <b>{_e(value)}</b>")
    spans, notes, general = _spans(card)
    parts = [
        f'<article class="post s-{status or "ok"}" id="{anchor}" '
        f'data-post="{_e(card.post_id)}" data-path="{_e(card.path)}">',
        f"<header><h3>Post {_e(card.post_id)}</h3>{badge}</header>",
        f'<p class="meta">{" · ".join(meta)}</p>',
    ]
    if post is not None and post.in_reply_to:
        parts.append(
            '<blockquote class="customer"><span class="who">The customer wrote</span>'
            f"{_e(post.in_reply_to)}</blockquote>"
        )
    if post is not None:
        parts.append(f'<div class="draft">{_marked(post.text, spans)}</div>')
    else:
        parts.append('<p class="unread">This draft could not be read, so it was not checked.</p>')
    if card.findings:
        parts.append(f'<ol class="notes">{"".join(notes)}</ol>')
    elif post is not None:
        why = (
            "what is marked is allowed by an approved exception"
            if card.allowed
            else ("this draft follows the policy")
        )
        parts.append(f'<p class="clean">Nothing to change: {why}.</p>')
    if card.allowed:
        parts.append(
            '<div class="allowed"><h4>Approved exceptions</h4><ul>'
            + "".join(_allowed_item(label, s) for label, s in general)
            + "</ul></div>"
        )
    parts.append("</article>")
    return "".join(parts)


def _spans(card: _Card) -> tuple[list[_Span], list[str], list[tuple[str, Suppression]]]:
    """The marks of a card's draft, its numbered notes, and its lettered exceptions."""
    text = card.post.text if card.post else ""
    spans: list[_Span] = []
    notes: list[str] = []
    for number, finding in enumerate(card.findings, 1):
        label = str(number)
        placed = card.post is not None and 0 <= finding.start < finding.end <= len(text)
        if placed:
            spans.append(
                _Span(finding.start, finding.end, label, finding.severity, finding.message)
            )
        notes.append(_note(label, finding, placed))
    allowed: list[tuple[str, Suppression]] = []
    for index, suppression in enumerate(card.allowed):
        label = _letter(index)
        allowed.append((label, suppression))
        found = suppression.finding
        if (
            card.post is not None
            and found is not None
            and 0 <= found.start < found.end <= len(text)
        ):
            title = f"Approved exception: {found.message}"
            spans.append(_Span(found.start, found.end, label, "approved", title))
    return spans, notes, allowed


def _note(label: str, finding: Finding, placed: bool) -> str:
    category, _ = CATEGORY_LABELS.get(finding.category, (finding.category.capitalize(), ""))
    where = (
        _quote(finding.match)
        if placed and finding.match
        else '<span class="whole">the whole post</span>'
    )
    fix = (
        f'<p class="fix">Suggested wording: write {_quote(finding.fix)} instead of '
        f"{_quote(finding.match)}.</p>"
        if finding.fix is not None
        else ""
    )
    rule = finding.entry or finding.rule
    return (
        f'<li class="note n-{finding.severity}" data-rule="{_e(finding.rule)}" '
        f'data-severity="{finding.severity}" data-start="{finding.start}" '
        f'data-end="{finding.end}">'
        f'<span class="num r-{finding.severity}">{label}</span><div>'
        f'<p class="what"><span class="badge b-{finding.severity}">'
        f"{_e(SEVERITY_LABELS[finding.severity])}</span> "
        f'<span class="area">{_e(category)}</span> · {where}</p>'
        f'<p class="msg">{_e(finding.message)}</p>{fix}'
        f'<p class="rule">Check <code>{_e(rule)}</code>, line {finding.line}</p></div></li>'
    )


def _allowed_item(label: str, s: Suppression) -> str:
    what = _quote(s.finding.match) if s.finding and s.finding.match else "the whole post"
    message = f'<p class="msg">{_e(s.finding.message)}</p>' if s.finding else ""
    until = f"valid until {_date(s.expires)}" if s.expires else "no end date"
    return (
        f'<li data-rule="{_e(s.rule)}"><span class="num r-approved">{label}</span><div>'
        f'<p class="what">{what} is allowed (<code>{_e(s.rule)}</code>)</p>{message}'
        f'<p class="approval">Reason: {_e(s.reason) if s.reason else _missing("none given")}; '
        f"approved by {_e(s.approved_by) if s.approved_by else _missing('nobody named')}; "
        f"{until}.</p></div></li>"
    )


def _marked(text: str, spans: list[_Span]) -> str:
    """``text`` escaped, with each span in ``<mark>`` and its label after its last character.

    Overlapping spans cut the text at every span boundary; each segment is marked once, in the
    colour of the most serious span covering it, and lists every covering label."""
    starts: dict[int, list[_Span]] = {}
    ends: dict[int, list[_Span]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span)
        ends.setdefault(span.end, []).append(span)
    cuts = sorted({0, len(text), *starts, *ends})
    active: list[_Span] = []
    out: list[str] = []
    for start, end in pairwise(cuts):
        active = [s for s in active if s.end > start] + starts.get(start, [])
        piece = _e(text[start:end])
        if active:
            worst = max(active, key=lambda s: _RANK[s.kind])
            classes = f"m-{worst.kind}" + (" overlap" if len(active) > 1 else "")
            labels = " ".join(s.label for s in active)
            title = "\n".join(f"{s.label}. {s.title}" for s in active)
            out.append(
                f'<mark class="{classes}" data-notes="{_e(labels)}" title="{_e(title)}">'
                f"{piece}</mark>"
            )
        else:
            out.append(piece)
        out.extend(f'<sup class="ref r-{s.kind}">{_e(s.label)}</sup>' for s in ends.get(end, []))
    return "".join(out)


def _skipped(skipped: list[tuple[str, str]]) -> str:
    if not skipped:
        return ""
    items = "".join(f"<li><code>{_e(p)}</code>: {_e(r)}</li>" for p, r in skipped)
    return (
        '<section class="skipped"><h2>Files not checked</h2>'
        f"<p>These files were found but hold no drafts, or were not opened.</p><ul>{items}</ul>"
        "</section>"
    )


def _num(count: int, severity: str) -> str:
    return f'<td class="num{" c-" + severity if count else " zero"}">{count or "–"}</td>'


def _quote(text: str) -> str:
    return f"<q>{_e(text)}</q>"


def _missing(text: str) -> str:
    return f'<span class="none">{_e(text)}</span>'


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else f"A{index + 1}"


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _when(text: str) -> str:
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    return f"{when:%a} {when.day} {when:%b %Y, %H:%M}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _plural_word(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


STYLE = """
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--paper:#fff;--bg:#f4f6f9;
--error:#c62828;--error-bg:#fde2e2;--warning:#a86400;--warning-bg:#ffefc2;
--info:#1f5fae;--info-bg:#dceaff;--ok:#2e7d32;--ok-bg:#e3f3e4;--approved:#2e7d32;--approved-bg:#e3f3e4}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:24px 20px 40px}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 16px;align-items:start}
h1{font-size:30px;margin:2px 0 12px}
h2{font-size:19px;margin:0 0 10px}
h3{font-size:16px;margin:0}
h4{font-size:14px;margin:0 0 6px}
code{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--muted)}
section,header.top{background:var(--paper);border:1px solid var(--line);border-radius:10px;
padding:18px 22px;margin:0 0 16px}
header.top{border-top:6px solid var(--ink)}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--muted)}
.facts{display:flex;gap:32px;margin:0 0 8px}
.facts div{display:flex;flex-direction:column-reverse}
.facts dt{font-size:12px;color:var(--muted)}
.facts dd{margin:0;font-size:18px;font-weight:600}
.files{margin:0;color:var(--muted);font-size:13px;overflow-wrap:anywhere}
.tiles{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:10px}
.tile{flex:1 1 120px;border-radius:8px;padding:10px 12px;background:var(--bg);display:flex;
flex-direction:column;font-size:13px;color:var(--muted)}
.tile .n{font-size:26px;font-weight:700;color:var(--ink)}
.tile-ok{background:var(--ok-bg)}.tile-error{background:var(--error-bg)}
.tile-warning{background:var(--warning-bg)}.tile-approved{background:#eef1f5}
.overview p{margin:0}
table.counts{width:100%;border-collapse:collapse;font-size:14px}
.counts th,.counts td{padding:6px 8px;border-bottom:1px solid var(--line);text-align:left;
vertical-align:top}
.counts thead th{font-size:12px;color:var(--muted);font-weight:600;white-space:nowrap}
.counts .num{text-align:right;width:64px}
.counts td.zero{color:#aab1bd}
.counts td.c-error{color:var(--error);font-weight:700}
.counts td.c-warning{color:var(--warning);font-weight:700}
.counts td.c-info{color:var(--info);font-weight:700}
.counts .total{font-weight:700}
.counts tfoot th,.counts tfoot td{border-bottom:0;border-top:2px solid var(--ink)}
.what{display:block;font-weight:400;font-size:12px;color:var(--muted)}
.none{color:var(--muted);font-style:italic}
.rule{display:block;font-size:12px;color:var(--muted)}
section.posts{background:none;border:0;padding:0}
.legend{list-style:none;padding:0;margin:0 0 12px;display:flex;flex-wrap:wrap;gap:6px 18px;
font-size:13px;color:var(--muted)}
article.post{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--ok);
border-radius:10px;padding:14px 18px;margin:0 0 14px;break-inside:avoid;page-break-inside:avoid}
article.s-error{border-left-color:var(--error)}
article.s-warning{border-left-color:var(--warning)}
article.s-info{border-left-color:var(--info)}
article.post>header{display:flex;align-items:center;justify-content:space-between;gap:12px}
.meta{margin:2px 0 10px;font-size:13px;color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:700}
.b-error{background:var(--error-bg);color:var(--error)}
.b-warning{background:var(--warning-bg);color:var(--warning)}
.b-info{background:var(--info-bg);color:var(--info)}
.b-ok{background:var(--ok-bg);color:var(--ok)}
blockquote.customer{margin:0 0 10px;padding:8px 12px;border-left:3px solid var(--line);
background:var(--bg);color:var(--muted);white-space:pre-wrap;overflow-wrap:anywhere}
.customer .who{display:block;font-size:12px;font-weight:600}
.draft{font-size:16px;line-height:1.7;white-space:pre-wrap;overflow-wrap:anywhere;padding:10px 14px;
border:1px solid var(--line);border-radius:8px;background:#fcfcfd}
mark{color:inherit;border-radius:3px;padding:1px 0}
mark.m-error{background:var(--error-bg);box-shadow:inset 0 -2px 0 var(--error)}
mark.m-warning{background:var(--warning-bg);box-shadow:inset 0 -2px 0 var(--warning)}
mark.m-info{background:var(--info-bg);box-shadow:inset 0 -2px 0 var(--info)}
mark.m-approved{background:var(--approved-bg);box-shadow:inset 0 -2px 0 var(--approved)}
mark.overlap{box-shadow:inset 0 -4px 0 var(--ink)}
sup.ref{font-size:10px;font-weight:700;color:#fff;border-radius:8px;padding:0 4px;margin:0 1px;
line-height:1}
.r-error{background:var(--error)}.r-warning{background:var(--warning)}
.r-info{background:var(--info)}.r-approved{background:var(--approved)}
ol.notes,.allowed ul{list-style:none;padding:0;margin:12px 0 0}
ol.notes li,.allowed li{display:flex;gap:10px;padding:8px 0;border-top:1px solid var(--line)}
.notes p,.allowed p{margin:0}
span.num{flex:0 0 auto;min-width:22px;height:22px;border-radius:11px;color:#fff;font-size:12px;
font-weight:700;display:inline-flex;align-items:center;justify-content:center;padding:0 5px}
p.what{display:block;font-size:13px;color:var(--ink)}
.area{font-weight:600}
.msg{font-size:14.5px}
.fix{font-size:14px;color:var(--ok)}
.whole{font-style:italic;color:var(--muted)}
.clean{margin:10px 0 0;color:var(--ok);font-size:14px}
.unread{color:var(--error)}
.allowed{margin-top:10px}
.allowed h4{color:var(--approved)}
.approval{font-size:13px;color:var(--muted)}
q{font-weight:600}
footer{color:var(--muted);font-size:12px;text-align:center}
@media (max-width:800px){.grid{display:block}}
@media print{
@page{margin:14mm}
.grid{display:block}
body{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
section,header.top,article.post{border-color:#bbb;box-shadow:none}
section,header.top{break-inside:avoid;page-break-inside:avoid}
section.posts{break-inside:auto;page-break-inside:auto}
article.post{break-inside:avoid;page-break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}
.draft{font-size:11pt}
}
"""
