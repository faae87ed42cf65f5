"""Kind ``pii``: personal data of a customer or staff member in a post or reply.

Presidio-style recognizers (voicelint.recognizers): Luhn-checked card numbers, "ending in 1234",
phone numbers, email addresses, SSNs, routing numbers, IBANs, account, order, booking and tracking
numbers next to their context words, street addresses, and a person's full name next to an order
or a transaction, a complaint or a visit; in a post, a customer named with their business ("our
customer Ana Ruiz", "Kelsey from Elm Grove, who's taken 212 rides"); a staff member named in a
sentence that blames them, or identified as who did it ("that was Kevin") with what was done
about them ("he has been spoken to");
and, in a reply, the customer's own numbers and addresses repeated back (whatever their shape).
The client's own channels (support handle, phone, addresses, links) are an allow-list; prices,
dates, promo codes and "#1" are never identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from voicelint import care
from voicelint import lexicon as lexicon_file
from voicelint.analysis import (
    MONEY,
    NEGATIVE_WORD,
    split_sentences,
    valence_of_text,
    valence_of_word,
)
from voicelint.intents import detect
from voicelint.kinds.base import BuildContext, Check, Hit, PostContext
from voicelint.nlp import doc_text, is_dictionary_word, stop_words, tokens
from voicelint.recognizers import (
    Entity,
    Pattern,
    Recognizer,
    analyze,
    normal,
    not_a_year,
    not_toll_free,
    valid_aba,
    valid_card,
    valid_iban,
    valid_ssn,
)

NAME = "pii"
PARAMS: dict = {}
MESSAGE_VARS = frozenset({"match", "entity", "destination"})
ENTITY_WORDS = {
    "CREDIT_CARD": "a card number",
    "CARD_ENDING": "the last digits of a card or account",
    "PHONE": "a phone number",
    "EMAIL": "an email address",
    "SSN": "a Social Security number",
    "ROUTING_NUMBER": "a bank routing number",
    "IBAN": "an IBAN",
    "IDENTIFIER": "an account, order or booking number",
    "STREET_ADDRESS": "a street address",
    "PERSON": "a person's name tied to a transaction",
    "STAFF": "a staff member named and blamed",
    "CUSTOMER": "a customer named with their business",
    "ECHO": "the customer's own data repeated back",
}
# a run of digits (a number written with spaces, dots or dashes counts once) and an email address
NUMBER_RUN = re.compile(r"(?<![\w$€£.,])\d(?:[\d().-]|\s(?=\d))*\d(?![\d%])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
ECHO_CONTEXT = 5  # words before a customer's number that may make it theirs
ECHO_DIGITS = 4  # fewer digits than this are a quantity, a time or a size, not data
VOCATIVE_NEXT = frozenset({",", "!", ".", "?", ":", "—", "-"})
BLAME_WINDOW = 6
NAME_WINDOW = 6
# the brand saying where it is: "we're at 12 Elm Street", "we are located at..."
OWN_ADDRESS = re.compile(
    r"\b(?:we(?:'re|’re| are)(?: now)?(?: (?:located|based))?|located) (?:at|on)\s*$"
    # an organisation's place moving or opening there: "the clinic is moving two blocks, to 410
    # Alder St.", "our new store opens at 12 Mill Rd", "find the shop at ..."
    r"|\b(?:clinic|store|shop|branch|office|hospital|studio|showroom|depot|warehouse|cafe|"
    r"restaurant|salon|gym|site|campus|hq|headquarters|premises|practice|location)\b"
    r"(?:\s+\w+){0,2}?\s+(?:is\s+|are\s+|has\s+|will\s+)?"
    r"(?:moving|moved|relocating|relocated|opening|opens|reopens|reopening|located|based)\b"
    r"[^.!?]{0,25}\b(?:to|at|on)\s*$",
    re.I,
)
# what every match of a pattern contains, tested before the pattern (recognizers.Pattern.needs)
DIGIT, FOUR_DIGITS, AT = r"\d", r"\d{4}", "@"
POSSESSIVES = frozenset({"her", "his", "their", "whose", "'s", "your"})
NOT_NAMES = frozenset(
    {
        # weekdays and their short forms ("Storm update (Tue 4pm)")
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "black",
        "cyber",
        "i",
        "we",
        "you",
        "dm",
        "hi",
        "hello",
        "hey",
    }
)


@lru_cache(maxsize=1)
def recognizers() -> tuple[Recognizer, ...]:
    words = care.lexicon("pii")
    own = frozenset(words["own_place"])
    roles = frozenset(words["role_mailboxes"])
    suffixes = "|".join(
        form for suffix in words["street_suffixes"] for form in (suffix.title(), suffix.upper())
    )
    return (
        Recognizer(
            "CREDIT_CARD",
            (Pattern("card", r"(?<![\w.,$])(?:\d[ -]?){12,18}\d\b", 0.3, DIGIT),),
            frozenset(words["card"]),
            validate=valid_card,
        ),
        Recognizer(
            "CARD_ENDING",
            (
                Pattern(
                    "ending in",
                    r"\b(?:ending|ends)\s+(?:in|with)\s+[*x•.]*\s?\d{4}\b",
                    0.9,
                    FOUR_DIGITS,
                ),
                Pattern(
                    "last four",
                    r"\blast\s+(?:4|four)(?:\s+digits)?\s*(?:of\s+\w+\s+|are\s+|is\s+|:\s*)?\d{4}\b",
                    0.9,
                    FOUR_DIGITS,
                ),
                Pattern("masked", r"(?:[*x•]{2,}[\s-]?){1,3}\d{4}\b", 0.9, FOUR_DIGITS),
            ),
        ),
        Recognizer(
            "PHONE",
            (
                Pattern(
                    "us",
                    r"(?<![\w-])(?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}\b",
                    0.6,
                    FOUR_DIGITS,
                ),
                Pattern("plain", r"(?<![\w-])\+?\d{10,11}\b", 0.2, FOUR_DIGITS),
            ),
            frozenset(words["phone"]),
            anti_context=frozenset({"us", "our"}),
            anti_adjacent=frozenset({"call", "dial", "text", "phone", "tel", "telephone", "fax"}),
            validate=not_toll_free,
        ),
        Recognizer(
            "EMAIL",
            (Pattern("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", 0.9, AT),),
            anti_context=frozenset({"us", "our"}),
            validate=lambda address: False if is_role_address(address, roles) else None,
        ),
        Recognizer(
            "SSN",
            (Pattern("ssn", r"\b\d{3}-\d{2}-\d{4}\b", 0.5, FOUR_DIGITS),),
            frozenset(words["ssn"]),
            validate=valid_ssn,
        ),
        Recognizer(
            "ROUTING_NUMBER",
            (Pattern("aba", r"\b\d{9}\b", 0.2, FOUR_DIGITS),),
            frozenset(words["routing_number"]),
            anti_context=frozenset({"our", "us"}),  # a bank's own routing number is public
            validate=valid_aba,
        ),
        Recognizer(
            "IBAN",
            (
                Pattern(
                    "iban",
                    r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b",
                    0.3,
                    DIGIT,
                ),
            ),
            frozenset(words["iban"]),
            validate=valid_iban,
        ),
        Recognizer(
            "IDENTIFIER",
            (
                Pattern(
                    "id",
                    r"(?<![\w$€£.,/#-])#?(?=[A-Z-]{0,8}\d)[A-Z0-9]+(?:-[A-Z0-9]+)*\b(?![.,]\d)",
                    0.2,
                    DIGIT,
                ),
            ),
            frozenset(words["identifier"]),
            anti_context=frozenset(
                {"our", "code", "promo", "coupon", "use", "year", "since", "est"}
                # an organisation's own public registration: "EIN 84-1234567", "verification ID
                # 10482", "charity number 1012345", "FCA FRN 123456"
                | {"ein", "vat", "abn", "nmls", "fca", "frn", "charity", "nonprofit", "company"}
                | {"verification", "accreditation", "accredited", "registered", "regulated"}
                # a number the reader sends a report to: "forward it to 7726" (a short code)
                | {"forward", "forwarding", "shortcode"}
            ),
            validate=identifier,
        ),
        Recognizer(
            "STREET_ADDRESS",
            (
                Pattern(
                    "street",
                    # the street's name and suffix capitalised: "20 minutes is way too long" is no address
                    rf"\b\d{{1,6}}\s+(?-i:(?:[A-Z][\w'.-]*\s+){{1,3}}(?:{suffixes}))\b\.?"
                    r"(?:,?\s+(?:apt|unit|suite|#)\s*\w+)?",
                    0.7,
                    DIGIT,
                ),
            ),
            anti_context=own | {"us"},
        ),
    )


def _sentence_starts(doc: Any, text: str) -> list[int]:
    """Where the post's sentences start (the analysis's splitter), as offsets into ``text``."""
    # not expected: the Doc is the post's text; fall back to the whole text
    if doc_text(doc) != text:
        return [0]
    return [0, *(doc[first].idx for first, _ in split_sentences(doc))]


def is_role_address(address: str, roles: frozenset[str]) -> bool:
    """An organisation's mailbox (press@, support@, hello@), not a person's."""
    local = address.split("@", 1)[0].lower()
    return local in roles or any(local.startswith(role) for role in roles if len(role) > 4)


def identifier(text: str) -> bool | None:
    """At least four digits in all, not a year on its own, and not a toll-free number written as
    one ("1-800-555-0199" is a helpline, not an account)."""
    if len(re.sub(r"\D", "", text)) < 4 or not_toll_free(text) is False:
        return False
    return not_a_year(text)


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    channels = ctx.setting("channels") or {}
    routing = ctx.setting("routing") or {}
    allow = [str(v) for v in channels.values()]
    # the client's own name and its competitors' are businesses, never a person's
    own_names = {
        w.lower()
        for v in [*(ctx.setting("voice.competitors") or []), *(ctx.setting("brand") or [])]
        for w in str(v).split()
    }

    def check(post: PostContext) -> list[Hit]:
        text = post.post.text
        entities = analyze(
            text, recognizers(), allow, sentence_starts=lambda: _sentence_starts(post.doc, text)
        )
        entities = [
            e
            for e in entities
            if not (
                e.entity == "STREET_ADDRESS"
                and OWN_ADDRESS.search(text[max(0, e.start - 60) : e.start])
            )
        ]
        entities += names_in_transactions(post.doc, own_names)
        entities += staff_blamed(post.doc, own_names)
        if post.post.kind != "reply":
            entities += [
                e
                for e in customers_named(post.doc, own_names)
                if not any(e.start < o.end and o.start < e.end for o in entities)
            ]
        if post.post.kind == "reply" and post.post.in_reply_to:
            entities += [
                e
                for e in echoed(text, post.post.in_reply_to, allow)
                if not any(e.start < o.end and o.start < e.end for o in entities)
            ]
        if not entities:
            return []
        allowed = _channel_spans(text, allow)
        intents = detect(post.post.in_reply_to) if post.post.kind == "reply" else frozenset()
        destination = care.destination_text(care.reply_destination(intents, routing), channels)
        return [
            Hit(
                e.start,
                e.end,
                values={"entity": ENTITY_WORDS[e.entity], "destination": destination},
            )
            for e in sorted(entities, key=lambda e: e.start)
            if not any(a <= e.start < b or a < e.end <= b for a, b in allowed)
        ]

    return check


def names_in_transactions(doc: Any, own_names: set[str]) -> list[Entity]:
    """Two or three capitalised words, one not in the dictionary, near a transaction word."""
    transaction = care.phrases("pii", "transaction")
    visit = care.phrases("pii", "visit")
    found: list[Entity] = []
    if not transaction.any_in(doc) and not visit.any_in(doc):
        return found  # a transaction word near a name is a transaction word of the whole Doc
    words = tokens(doc)
    texts, lowers = words.texts, words.lowers
    names = _name_words(doc)
    i = 0
    while i < len(doc):
        # a full name starts with a capitalised word (_full_name): no other token is tried
        j = _full_name(texts, lowers, i, len(doc), own_names) if names[i] else None
        if j is not None and any(
            _specific_transaction(
                doc, max(0, i - NAME_WINDOW), min(len(doc), j + NAME_WINDOW), context, owned
            )
            for context, owned in ((transaction, False), (visit, True))
        ):
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
            found.append(Entity("PERSON", start, end, 0.6))
            i = j
        else:
            i += 1
    return found


def echoed(text: str, said: str, allow: list[str]) -> list[Entity]:
    """The customer's own numbers (four digits or more, not a year or a price) and email addresses,
    or a long number's last four, repeated in the reply: "Is 4417 the card you used?"."""
    allowed = {normal(a) for a in allow}
    context = _personal_context()
    theirs: set[str] = set()
    for match in NUMBER_RUN.finditer(said):
        digits = re.sub(r"\D", "", match.group())
        before = re.findall(r"[a-z']+", said[: match.start()].lower())[-ECHO_CONTEXT:]
        if not any(word in context for word in before):
            continue  # "are you open at 1420 Alder Street?" names the brand's place, not theirs
        if _data_digits(digits) and normal(match.group()) not in allowed:
            theirs.add(digits)
            if len(digits) >= 8:
                theirs.add(digits[-4:])
    emails = {m.group().lower() for m in EMAIL.finditer(said)} - allowed
    found = [
        Entity("ECHO", m.start(), m.end(), 0.9)
        for m in NUMBER_RUN.finditer(text)
        if re.sub(r"\D", "", m.group()) in theirs
    ]
    found += [
        Entity("ECHO", m.start(), m.end(), 0.9)
        for m in EMAIL.finditer(text)
        if m.group().lower() in emails
    ]
    return found


@lru_cache(maxsize=1)
def _personal_context() -> frozenset[str]:
    """Words before a number in the customer's message that make it theirs: "my", an identifier's
    name (order, card, account, phone...)."""
    words = care.lexicon("pii")
    return frozenset(
        {"my", "me", "i", "i'm", "mine", *words["identifier"], *words["card"], *words["phone"]}
    ) - {"number", "no", "id"}


def _data_digits(digits: str) -> bool:
    if len(digits) < ECHO_DIGITS:
        return False
    return not (len(digits) == 4 and 1900 <= int(digits) <= 2099)


PLACE_LINKS = frozenset({"from", "of", "on", "in"})
# what the brand's people do for it, in a "who" clause: "who has coached with us for 8 seasons"
STAFF_WORK = frozenset(
    {
        "coached",
        "coaches",
        "worked",
        "works",
        "taught",
        "teaches",
        "instructed",
        "cooked",
        "baked",
        "managed",
        "manages",
        "led",
        "leads",
        "guided",
        "guides",
        "trained",
        "trains",
        "joined",
        "designed",
        "built",
        "runs",
        "ran",
        "staffed",
        "volunteered",
        "volunteers",
    }
)
ROLE_REACH = 3  # words between a role ("our customer") and the name after it
CLAUSE_REACH = 12  # words of a "who"/"whose" clause read for the person's business
RELATIVES = frozenset({"who", "whose", "who's", "who’s"})


def customers_named(doc: Any, own_names: set[str]) -> list[Entity]:
    """A post that names a private customer with their business: a name (two or three capitalised
    words, one not in the dictionary; a first name "from", "of" or "on" a place; an @handle) with
    a customer role before it ("our customer Ana Ruiz", "his owner Jo Park") or a "who"/"whose"
    clause after it that tells their business (a count, money, or a business word: "who has
    cleared her arrears", "who's taken 212 rides"). A partner thanked ("thanks to Chef Ana Ruiz for
    the recipe") names no business of theirs with the brand, and one of the brand's people ("our
    driver of the month, Luis Ortega") is staff praised."""
    lexicon = care.lexicon("pii")
    roles, business = set(lexicon["customer_roles"]), set(lexicon["customer_business"])
    staff = set(care.lexicon("replies")["staff"]) - roles  # not "member", "rider": both
    words = tokens(doc)
    texts, lowers = words.texts, words.lowers
    found: list[Entity] = []
    present = set(lowers)
    if not (present & roles or present & RELATIVES):
        return found  # no role and no "who" clause: no customer can be named with their business
    names = _name_words(doc)
    for first, end in care.sentences(doc):
        i = first
        while i < end:
            # a name starts with a capitalised word or is an @handle (_name_end)
            j = (
                _name_end(texts, lowers, i, end, own_names)
                if names[i] or texts[i].startswith("@")
                else None
            )
            if j is None:
                i += 1
                continue
            # a role in running text ("our customer"), not a heading's "Customer Service"
            before = [lowers[k] for k in range(max(first, i - ROLE_REACH), i) if texts[k].islower()]
            if i == first and j - i == 2 and is_dictionary_word(lowers[i]):
                i += 1  # "Meet Leilani, ...": the sentence's first word is no part of a name
                continue
            clause = _relative_clause(lowers, texts, j, end)
            if any(lowers[k] in staff for k in range(first, i)):
                i = j  # "Driver of the month: Luis Ortega, who delivered 1,200 orders": staff
                continue
            if any(w in STAFF_WORK for w in clause):
                i = j  # "Leilani, who has coached with us for 8 seasons": one of the brand's people
                continue
            if any(w in roles for w in before) or (
                clause
                and any(
                    w in business or w.isdigit() or w.startswith(("$", "£", "€")) for w in clause
                )
            ):
                found.append(
                    Entity("CUSTOMER", doc[i].idx, doc[j - 1].idx + len(texts[j - 1]), 0.6)
                )
            i = j
    return found


def _full_name(texts: list[str], lowers: list[str], i: int, end: int, own: set[str]) -> int | None:
    """The end of a full name starting at token ``i``: two or three capitalised words, one not in
    the dictionary, none a street suffix, a calendar word or one of the brand's own, not a handle
    or a hashtag ("Gloria Mendes", not "Main Street" nor "Black Friday"); not a title that opens
    with "The" or runs on past three capitalised words ("The National Problem Gambling
    Helpline")."""
    suffixes = _street_suffixes()
    j = i
    while j < end and j - i < 3 and _name_word(texts[j]) and lowers[j] not in suffixes:
        j += 1
    if j < end and j - i == 3 and _name_word(texts[j]):
        return None  # "The National Problem Gambling Helpline": a title runs on, no person
    if (
        j - i >= 2
        and lowers[i] != "the"
        and lowers[i] not in POSSESSIVE_DETERMINERS  # "Our Charleston package": a place of ours
        and (i == 0 or not texts[i - 1].startswith(("@", "#")))
        and any(not is_dictionary_word(lower) for lower in lowers[i:j])
        and not any(lower in own or lower in NOT_NAMES for lower in lowers[i:j])
        and not _dated(lowers, i, j)
    ):
        return j
    return None


def _dated(lowers: list[str], i: int, j: int) -> bool:
    """A short month before a day among the words: "Through Dec 15" is a date, not a name."""
    return any(
        lowers[k] in MONTHS_SHORT and k + 1 < len(lowers) and lowers[k + 1][:1].isdigit()
        for k in range(i, j)
    )


@lru_cache(maxsize=1)
def _street_suffixes() -> frozenset[str]:
    return frozenset(care.lexicon("pii")["street_suffixes"])


def _name_end(texts: list[str], lowers: list[str], i: int, end: int, own: set[str]) -> int | None:
    """The end of a person's name starting at token ``i``, if one starts there: an @handle, a
    full name (``_full_name``), or a first name "from", "of" or "on" a place ("Kelsey from Elm
    Grove")."""
    if texts[i].startswith("@") and len(texts[i]) > 2:
        return i + 1
    full = _full_name(texts, lowers, i, end, own)
    if full is not None:
        return full
    if (
        _name_word(texts[i])
        and lowers[i] not in NOT_NAMES
        and lowers[i] not in own
        and not is_dictionary_word(lowers[i])
        and i + 2 < end
        and lowers[i + 1] in PLACE_LINKS
        and _name_word(texts[i + 2])
    ):
        return i + 1  # "Kelsey from Elm Grove"
    return None


def _relative_clause(lowers: list[str], texts: list[str], j: int, end: int) -> list[str]:
    """The words of a "who"/"whose" clause right after a name (past a place or a comma)."""
    k = j
    while k < end and k - j < 5 and lowers[k] not in RELATIVES:
        if not (lowers[k] == "," or lowers[k] in PLACE_LINKS or _name_word(texts[k])):
            return []  # "Gloria Mendes on Birch Lane who...", not "Foo Awards 2026. Thanks all who"
        k += 1
    if k >= end or lowers[k] not in RELATIVES:
        return []
    return [w for w in lowers[k + 1 : min(end, k + 1 + CLAUSE_REACH)] if w.strip()]


def staff_blamed(doc: Any, own_names: set[str]) -> list[Entity]:
    """A name near the brand's people ("our driver Kevin") or before a fault ("Jake forgot"), in a
    sentence that blames: a fault word or a word VADER rates negative. A name said to the reader
    ("Sorry, Jane!") is the reader's own handle, not a staff member's."""
    blame, discipline = _faults()
    staff = set(care.lexicon("replies")["staff"])
    words = tokens(doc)
    texts, lowers = words.texts, words.lowers
    found: list[Entity] = []
    # every name below starts with a capitalised word (``_person_word``, ``_staff_name`` and
    # ``_staff_full_name`` ask ``_name_word`` first): only those tokens are read
    named = [i for i, name in enumerate(_name_words(doc)) if name]
    # placed on the brand's side ("Tom from our Leeds store") or titled ("Dr Patel"): staff, even
    # when the name is also a word
    ours = {
        i
        for i in named
        if _person_word(texts, lowers, i, own_names)
        and (_from_our_side(texts, lowers, i) or _titled(lowers, i))
    }
    # a word the post also writes in lower case is a common noun, not a name ("Crypto is
    # volatile" after "any crypto")
    common = {t for t in texts if t.islower()}
    candidates = sorted(
        ours
        | {
            i
            for i in named
            if i >= 1
            and texts[i][:1].isupper()
            and lowers[i] not in common
            and _staff_name(texts, lowers, i, len(texts), own_names)
        }
    )
    # a full name ("Dave Kowalski", "Marco D.") right after a staff role word: "driver Dave
    # Kowalski", "the physiotherapist responsible, Jenna Lowe"
    roles = staff | set(care.lexicon("replies")["professions"])
    full_names = {
        i: stop
        for i in named
        # "Receptionist Tanya B.": a capitalised role word opening the sentence is no name
        if i >= 1
        and (not _name_word(texts[i - 1]) or lowers[i - 1] in roles)
        and (stop := _staff_full_name(texts, lowers, i, len(texts), own_names)) is not None
        and (
            any(lowers[k] in roles for k in range(max(0, i - STAFF_ROLE_REACH), i))
            # or what is done to staff said of them: "Tom Reyes has been let go"
            or discipline.any_in(doc, stop, min(len(texts), stop + STAFF_AFTER))
            # or at work after it: "Darren K. was on shift that night", "Ana P. from our team"
            or any(
                lowers[k] in roles | ON_DUTY
                for k in range(stop, min(len(texts), stop + STAFF_AFTER))
            )
        )
    }
    if not candidates and not full_names:
        return found  # no name to blame: no need to read the sentences
    for first, end in care.sentences(doc):
        for i, stop in full_names.items():
            if first <= i < end and (
                blame.any_in(doc, stop, end) or _discipline_next(doc, end, blame)
            ):
                found.append(
                    Entity("STAFF", doc[i].idx, doc[stop - 1].idx + len(texts[stop - 1]), 0.6)
                )
        # a name may open the sentence ("Kevin from our Riverton team has been written up"): it
        # is kept only near the brand's people or before a fault, as every other name
        names = [i for i in candidates if first <= i < end]
        if not names:
            continue
        # a fault word capitalised mid-sentence is part of a name ("our Niacinamide 10% Drops")
        faults = [
            s.first
            for s in blame.find(doc, first, end)
            if s.first == first or not texts[s.first][:1].isupper()
        ]
        # words VADER rates clearly negative ("rude", "careless"), as the analysis reads valence,
        # in a sentence that is not praise as a whole ("HIIT with Sam is brutal in the best way")
        negative = [i for i in range(first, end) if valence_of_word(lowers[i]) <= NEGATIVE_WORD]
        if negative and valence_of_text(doc[first:end].text) <= 0:
            faults += negative
        for i in names:
            near_staff = i in ours or any(
                lowers[k] in staff
                for k in range(max(first, i - 3), min(end, i + STAFF_AFTER))
                if k != i
            )
            blamed_after = any(i < f <= i + BLAME_WINDOW for f in faults)
            if not faults and lowers[i - 1] in IDENTIFYING:
                # "That was Kevin, who is new. He has been spoken to.": the culprit named, and
                # what was done about him in the next sentence
                following = next(((a, b) for a, b in care.sentences(doc) if a >= end), None)
                blamed_after = following is not None and blame.any_in(doc, *following)
                near_staff = blamed_after
                faults = faults or ([following[0]] if blamed_after else [])
            elif lowers[i - 1] in IDENTIFYING and any(f > i for f in faults):
                blamed_after = True  # "that was Kevin, who is new, and he has been spoken to"
            if faults and (near_staff or blamed_after):
                found.append(Entity("STAFF", doc[i].idx, doc[i].idx + len(texts[i]), 0.6))
    return found


# "Tom from our Leeds store", "Grace at our front desk": a first name, even a dictionary word,
# placed on the brand's side
OUR_SIDE = (("from", "our"), ("at", "our"), ("in", "our"), ("on", "our"))


# a title before a surname: "Dr Patel", "Nurse Okafor"
TITLES = frozenset({"dr", "doctor", "nurse", "mr", "mrs", "ms", "miss", "prof", "professor"})


def _person_word(texts: list[str], lowers: list[str], i: int, own: set[str]) -> bool:
    """A capitalised word that may name a person: not a known non-name, not the brand's own name,
    not a month's short form before a day ("Jan 8")."""
    if lowers[i] in MONTHS_SHORT and i + 1 < len(texts) and texts[i + 1][:1].isdigit():
        return False
    return _name_word(texts[i]) and lowers[i] not in NOT_NAMES and lowers[i] not in own


MONTHS_SHORT = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def _titled(lowers: list[str], i: int) -> bool:
    """A name right after a title ("Dr Patel", "Dr. Patel"): a person."""
    k = i - 1
    if k >= 0 and lowers[k] == ".":
        k -= 1
    return k >= 0 and lowers[k] in TITLES


def _from_our_side(texts: list[str], lowers: list[str], i: int) -> bool:
    """A first name followed by "from our", "at our"...: one of the brand's people, even when the
    name is also a word ("Tom", "Grace")."""
    if lowers[i] in stop_words() or lowers[i] in QUANTITIES:
        return False  # "Most in our team", "Lots at our stores": how many, not who
    if i > 0 and (_name_word(texts[i - 1]) or lowers[i - 1] in POSSESSIVE_DETERMINERS):
        return False
    return tuple(lowers[i + 1 : i + 3]) in OUR_SIDE


QUANTITIES = frozenset({"lots", "plenty", "loads", "tons", "dozens", "hundreds", "thousands"})


STAFF_ROLE_REACH = 4  # "the installer, Marco D.": the role word at most this many tokens before
STAFF_AFTER = 6  # "Kevin from our Riverton team": the brand's people this far after the name
ON_DUTY = frozenset({"shift", "duty", "rota", "desk", "counter", "reception"})


def _staff_full_name(
    texts: list[str], lowers: list[str], i: int, end: int, own: set[str]
) -> int | None:
    """The end of a full name at token ``i`` (``_full_name``), or of a first name and an initial
    ("Marco D.")."""
    full = _full_name(texts, lowers, i, end, own)
    if full is not None:
        return full
    if i + 1 >= end or not _person_word(texts, lowers, i, own):
        return None
    initial = texts[i + 1]
    if len(initial) == 2 and initial[0].isupper() and initial[1] == ".":
        return i + 2  # the initial kept with its dot as one token: "Tanya B."
    if i + 2 < end and len(initial) == 1 and initial.isupper() and texts[i + 2] == ".":
        return i + 3  # "Marco D ."
    return None


@cache
def _faults() -> tuple[care.Phrases, care.Phrases]:
    """What blames a named staff member (a fault, or what was done about it) and, of that, what
    is done only to staff (``lexicons/routing/pii.yaml``: ``blame``, ``discipline``)."""
    words = care.lexicon("pii")
    return (
        care.Phrases.of([*words["blame"], *words["discipline"]], name="pii:blame"),
        care.phrases("pii", "discipline"),
    )


def _discipline_next(doc: Any, end: int, blame: care.Phrases) -> bool:
    """Whether the sentence after the one ending at token ``end`` says what was done about a
    staff member ("He has been suspended.")."""
    following = next(((a, b) for a, b in care.sentences(doc) if a >= end), None)
    return following is not None and blame.any_in(doc, *following)


POSSESSIVE_DETERMINERS = frozenset({"our", "my", "your", "their", "its"})
# a verb that says who someone is ("that was Kevin", "that'll be Kayla"): no vocative after it
IDENTIFYING = frozenset({"was", "is", "be", "'s", "named", "called", "were"})


def _staff_name(texts: list[str], lowers: list[str], i: int, end: int, own: set[str]) -> bool:
    """A first name said of someone, not to the reader: one capitalised word that is not in the
    dictionary, not next to another (a place, a business), not followed by "," or "!" (a vocative:
    "Sorry, Jane!")."""
    if not _person_word(texts, lowers, i, own):
        return False
    if lowers[i] in stop_words():
        return False  # "💛 If she has trouble breathing": a sentence start the splitter missed
    if _name_word(texts[i - 1]) or (i + 1 < end and _name_word(texts[i + 1])):
        return False
    if lowers[i - 1] in POSSESSIVE_DETERMINERS or lowers[i - 1] in {"the", "a", "an"}:
        # "our Niacinamide", "the Leeds route", "a Florida shelter": a product or a place
        return False
    following = next((texts[k] for k in range(i + 1, end) if texts[k].strip()), "")
    if not following:
        return False
    if following in VOCATIVE_NEXT and lowers[i - 1] not in IDENTIFYING:
        return False  # "Sorry, Jane!" speaks to her; "that was Kevin, who..." names him
    return not is_dictionary_word(lowers[i]) and lowers[i] not in _vocabulary()


@cache
def _vocabulary() -> frozenset[str]:
    """Single words our own lexicons and the packs' word lists name as things
    (``lexicons/statements.yaml``, ``rules/lists/``: "crypto", "staking", "apy", "stablecoins"):
    words the dictionary does not know yet, never a person's name."""
    lists = [*lexicon_file.load("statements").values(), *lexicon_file.word_lists().values()]
    return frozenset(
        entry
        for entries in lists
        if isinstance(entries, list | tuple)
        for entry in entries
        if isinstance(entry, str) and entry.isalpha() and entry.islower()
    )


def _specific_transaction(
    doc: Any, first: int, end: int, transaction: care.Phrases, owned: bool = False
) -> bool:
    """A transaction word near an amount, a long number or a possessive ("her $250 order",
    "whose account"): one person's business, not a count of deliveries ("1,200 orders"). A visit
    needs the possessive ("your stay"): "rooms from $89" is a price."""
    spans = transaction.find(doc, first, end)
    if not spans:
        return False
    nearby = doc[first:end].text
    if not owned and (MONEY.search(nearby) or LONG_NUMBER.search(nearby)):
        return True
    return any(s.first > 0 and doc[s.first - 1].lower_ in POSSESSIVES for s in spans)


# a number of four digits or more, not a year ("the 2026 Webby Awards" is no one's order)
LONG_NUMBER = re.compile(r"(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{4,}")


def _name_word(text: str) -> bool:
    return len(text) > 1 and text.isalpha() and text[0].isupper() and text[1:].islower()


NAME_WORDS_KEY = "voicelint.pii.name_words"


def _name_words(doc: Any) -> list[bool]:
    """``_name_word`` of each token, read once per Doc for the three searches for names."""
    found = doc.user_data.get(NAME_WORDS_KEY)
    if found is None:
        found = doc.user_data[NAME_WORDS_KEY] = [_name_word(t) for t in tokens(doc).texts]
    return found


def _channel_spans(text: str, channels: list[str]) -> list[tuple[int, int]]:
    spans = []
    lower = text.lower()
    for value in channels:
        value = value.strip().lower()
        if not value:
            continue
        for match in re.finditer(re.escape(value), lower):
            spans.append(match.span())
    return spans
