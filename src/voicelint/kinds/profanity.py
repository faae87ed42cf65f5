"""Kind ``profanity``: swearing and crude words, also disguised (f*ck, sh1t, a$$, f u c k), never inside a word.

Each whitespace-separated chunk is undone the ways people disguise a word (look-alike digits and
symbols, masking stars, dots and dashes between letters, letters spelt out with spaces, stretched
letters) and compared, whole, with the shipped word list: "class", "assess", "Dickens" and
"Scunthorpe" contain a listed word but are not one, so they stay clean.

Undoing the disguises is slow, so each distinct chunk is read once per rule (cached), and a post
whose chunks cannot spell all the words of any listed word or phrase is passed without more work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from voicelint.kinds.base import (
    BuildContext,
    Check,
    Hit,
    KindError,
    Param,
    PostContext,
    string_list,
)
from voicelint.kinds.tone_context import (
    REGISTERS,
    allowed_terms,
    echoes_customer,
    lexicon,
    more_formal,
    register_for,
)
from voicelint.nlp import is_dictionary_word

NAME = "profanity"
PARAMS = {
    "groups": Param(
        (list,), "which groups of the shipped list to flag: strong, mild", required=True
    ),
    "allow_from": Param(
        (str,),
        "a policy setting with words the client's copy may use anyway, e.g. voice.allowed_terms",
    ),
}
MESSAGE_VARS = frozenset({"match", "label", "register"})

CHUNK = re.compile(r"\S+")
EDGE_OPEN = "\"'“‘([{#"
EDGE_CLOSE = "\"'”’)]}.,;:?!…"
LEET = str.maketrans(
    {
        "@": "a",
        "4": "a",
        "$": "s",
        "5": "s",
        "0": "o",
        "3": "e",
        "1": "i",
        "!": "i",
        "|": "i",
        "7": "t",
        "€": "e",
    }
)
MASKS = "*#%•"
SEPARATORS = re.compile(r"[.\-_—–]")  # not apostrophes: he'll is not hell
RUN = re.compile(r"(.)\1+")
MAX_PHRASE = 4
# three or more one-character chunks in a row (not "&" or dashes): letters spelt out, merged below;
# the last may carry the sentence's closing punctuation ("a pain in the a s s.")
SPELT = re.compile(r"(?<!\S)[^\s&\-–—](?:\s+[^\s&\-–—]){2,}[" + re.escape(EDGE_CLOSE) + r"]*(?!\S)")
CACHE_SIZE = 1 << 16


@dataclass(frozen=True)
class _Chunk:
    start: int
    end: int
    raw: str
    forms: frozenset[str]  # every reading of the chunk once its disguise is undone


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    wanted = string_list(params, "groups")
    data = {g["label"]: g for g in lexicon("profanity")["groups"]}
    unknown = [name for name in wanted if name not in data]
    if unknown:
        raise KindError("groups", f'no group "{unknown[0]}" (groups: {", ".join(data)})')
    allowed = allowed_terms(ctx, params.get("allow_from"))
    words: dict[str, tuple[str, str]] = {}  # form -> (label, allowed_on)
    names: set[str] = set()
    exceptions: set[str] = set()
    for name in wanted:
        group = data[name]
        if group["allowed_on"] not in (*REGISTERS, "never"):
            raise KindError("groups", f"group {name}: allowed_on must be a register or never")
        for word in group["words"]:
            words[" ".join(word.lower().split())] = (name, group["allowed_on"])
        names.update(group.get("name_words", []))
        exceptions.update(group.get("phrase_exceptions", []))
    squeezed = {RUN.sub(r"\1", w): w for w in words if " " not in w}
    masked = [w for w in words if " " not in w]
    firsts = frozenset(w.split(" ")[0] for w in words)
    vocabulary = frozenset(part for w in words for part in w.split(" "))
    singles = frozenset(w for w in words if " " not in w)
    phrases = {frozenset(w.split(" ")) for w in words if " " in w}

    @lru_cache(maxsize=CACHE_SIZE)
    def readings(core: str) -> frozenset[str]:
        return _readings(core, squeezed, masked)

    @lru_cache(maxsize=CACHE_SIZE)
    def listed_parts(raw: str) -> frozenset[str]:
        return _chunk(0, raw, readings).forms & vocabulary

    def may_hit(text: str) -> bool:
        if SPELT.search(text):
            return True
        # without letters spelt out, each chunk is one whitespace-separated piece of the text
        present = frozenset().union(*map(listed_parts, text.split()))
        return not present.isdisjoint(singles) or any(p <= present for p in phrases)

    def check(post: PostContext) -> list[Hit]:
        text = post.post.text
        if not may_hit(text):
            return []
        register = register_for(ctx, post.post.platform)
        chunks = _chunks(text, readings)
        lowered = text.lower()
        hits, i = [], 0
        while i < len(chunks):
            found = None if chunks[i].forms.isdisjoint(firsts) else _longest(chunks, i, words)
            if found is None:
                i += 1
                continue
            size, word = found
            first, last = chunks[i], chunks[i + size - 1]
            i += size
            label, allowed_on = words[word]
            if allowed_on != "never" and not more_formal(register, allowed_on):
                continue
            if word in allowed or any(e in lowered for e in exceptions if word in e.split()):
                continue
            if size == 1 and word in names and _reads_as_name(chunks, chunks.index(first)):
                continue
            if allowed_on != "never" and echoes_customer(post, first.start, last.end):
                continue
            hits.append(Hit(first.start, last.end, values={"label": label, "register": register}))
        return hits

    return check


def _longest(chunks: list[_Chunk], i: int, words: Mapping[str, Any]) -> tuple[int, str] | None:
    for size in range(min(MAX_PHRASE, len(chunks) - i), 0, -1):
        readings = [""]
        for chunk in chunks[i : i + size]:
            readings = [f"{r} {f}".strip() for r in readings for f in chunk.forms][:64]
        for reading in readings:
            if reading in words:
                return size, reading
    return None


def _chunks(text: str, readings: Callable[[str], frozenset[str]]) -> list[_Chunk]:
    raw = [(m.start(), m.end(), m.group()) for m in CHUNK.finditer(text)]
    merged: list[tuple[int, int, str]] = []
    i = 0
    while i < len(raw):
        j = i
        while j < len(raw) and _letter(raw[j][2]):
            j += 1
            if len(raw[j - 1][2]) > 1:
                break  # "s." ends the spelt word with the sentence
        if j - i >= 3:  # letters spelt out one by one: "f u c k"
            spelt = "".join(c[0] for _, _, c in raw[i:j])
            merged.append((raw[i][0], raw[j - 1][0] + 1, spelt))
            i = j
        else:
            merged.append(raw[i])
            i += 1
    result = []
    for start, end, chunk in merged:
        if end - start != len(chunk):  # spelt out: the span is the letters and the spaces between
            forms = readings(chunk)
            if len(chunk) > 3 and chunk[0] in "aAiI":
                forms |= readings(chunk[1:])  # "what a s h i t day": the article ran into it
            result.append(_Chunk(start, end, chunk, forms))
        else:
            result.append(_chunk(start, chunk, readings))
    return result


def _letter(chunk: str) -> bool:
    """One character standing alone, maybe with closing punctuation after it ("s.")."""
    core = chunk.rstrip(EDGE_CLOSE) if len(chunk) > 1 else chunk
    return len(core) == 1 and core not in "&-–—"


def _chunk(start: int, chunk: str, readings: Callable[[str], frozenset[str]]) -> _Chunk:
    """One whitespace-separated piece of text at ``start``, its edge punctuation taken off."""
    lead = len(chunk) - len(chunk.lstrip(EDGE_OPEN))
    core = chunk[lead:].rstrip(EDGE_CLOSE)
    if core.lower().endswith(("'s", "’s")):
        core = core[:-2]
    if not core or not any(c.isalpha() for c in core) or _not_words(chunk, core):
        return _Chunk(start, start + len(chunk), chunk, frozenset())
    return _Chunk(start + lead, start + lead + len(core), core, readings(core))


def _not_words(chunk: str, core: str) -> bool:
    return chunk.startswith("@") or "/" in core or core.lower().startswith("www.")


def _readings(core: str, squeezed: Mapping[str, str], masked: list[str]) -> frozenset[str]:
    lower = core.lower()
    forms = {lower}
    joined = SEPARATORS.sub("", lower)
    forms.add(joined)
    forms.update(part for part in re.split(r"[-_/]", lower) if part)
    code = re.fullmatch(r"[A-Za-z]{1,3}\d+", core) is not None  # A55, B12: model numbers
    for form in list(forms):
        if not code and any(c in form for c in "@4$50317!|€"):
            forms.add(form.translate(LEET))
            forms.add(form.replace("1", "l").translate(LEET))
    forms.update(f.replace("-", "*") for f in list(forms) if "-" in f)  # "sh-t" masks a letter
    for form in list(forms):
        if any(m in form for m in MASKS) and form[:1].isalpha():
            pattern = re.compile(
                "".join(
                    f"[a-z]{{1,{len(run) + 1}}}" if run[0] in MASKS else re.escape(run)
                    for run in re.findall(rf"[{re.escape(MASKS)}]+|[^{re.escape(MASKS)}]+", form)
                )
            )
            forms.update(w for w in masked if pattern.fullmatch(w))
        if RUN.search(form) and form.isalpha() and not is_dictionary_word(form):
            original = squeezed.get(RUN.sub(r"\1", form))
            if original:
                forms.add(original)
    return frozenset(forms)


def _reads_as_name(chunks: list[_Chunk], index: int) -> bool:
    """Dick Francis, Dick's Sporting Goods: a capitalised list word beside another capitalised word."""
    chunk = chunks[index]
    if not chunk.raw[:1].isupper() or chunk.raw.isupper():
        return False
    neighbours = [chunks[k].raw for k in (index - 1, index + 1) if 0 <= k < len(chunks)]
    mid_sentence = index > 0 and not chunks[index - 1].raw.endswith((".", "!", "?"))
    return mid_sentence or any(n[:1].isupper() for n in neighbours)
