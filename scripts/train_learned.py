"""Train the learned draft classifier that ``voicelint.learned`` ships (issue 16, item 2).

Reads every labelled draft of the development corpora (``tests/corpus`` and
``tests/corpus-tuning``; never ``tests/blind``, whose sets stay blind) and the built-in rules'
fire and pass examples, and trains one bag-of-words
classifier (spaCy's TextCatBOW on the folded lower case of each word and word pair, see
``voicelint.nlp.text_classifier``), reading the draft's words and the customer's message it
answers (``voicelint.learned.features``), with one output per category: ``claims``, ``tone``,
``routing``. A draft teaches a category only if its corpus judges that category (its
``categories:``); it is a positive example when the category is in its ``expect``.

Deterministic: fixed seed, fixed order, fixed epochs. Run from the repository's root::

    python scripts/train_learned.py            # writes src/voicelint/models/drafts.bin.gz
    python scripts/train_learned.py --check    # retrains and says whether the shipped model is the same
    python scripts/train_learned.py --held-out tests/corpus-tuning/care-dev23
        # trains without that set, and scores it with that model: the classifier's first contact
        # with a set it has not seen (the shipped model is left alone)

Once a development set is trained on, its own figures are in-sample; ``--held-out`` is how to
measure what the classifier adds to a new set before it joins the training data.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from voicelint.learned import LABELS, MODEL_PATH, features  # noqa: E402
from voicelint.nlp import parse, text_classifier, tokens  # noqa: E402

CORPORA = ("tests/corpus", "tests/corpus-tuning")
EPOCHS = 8
BATCH = 32
SEED = 0


def drafts(without: Path | None = None) -> list[tuple[str, str | None, dict[str, float]]]:
    """(text, the customer's message or None, {category: 0 or 1}) for every labelled draft, in a
    fixed order; none from ``without`` (a set or a file held out)."""
    found = []
    for corpus in CORPORA:
        for path in sorted((ROOT / corpus).rglob("*.yaml")):
            if "policies" in path.parts:
                continue
            if without is not None and (path == without or without in path.parents):
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("drafts"), list):
                continue
            judged = [c for c in data.get("categories") or LABELS if c in LABELS]
            for draft in data["drafts"]:
                if not isinstance(draft, dict) or not isinstance(draft.get("text"), str):
                    continue
                expect = draft.get("expect") or []
                cats = {c: float(c in expect) for c in judged}
                said = draft.get("in_reply_to")
                if cats:
                    found.append((draft["text"], said if isinstance(said, str) else None, cats))
    return found


def rule_examples() -> list[tuple[str, str | None, dict[str, float]]]:
    """Every built-in rule's fire and pass examples, as drafts of its category: a fire example is
    one a reviewer flags, a pass example one they leave alone (the rules' hard negatives: "cured
    ham", "we can't guarantee approval"). The learned rules' own examples are left out: they test
    the model."""
    from voicelint.docs import all_builtin_rules

    found = []
    for rule in all_builtin_rules():
        if rule.category not in LABELS or rule.fallback:
            continue
        for examples, value in ((rule.fire, 1.0), (rule.passes, 0.0)):
            for example in examples:
                found.append((example.text, example.in_reply_to, {rule.category: value}))
    return found


def train(without: Path | None = None) -> bytes:
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(SEED)
    rng = random.Random(SEED)
    component = text_classifier(LABELS)
    examples = []
    for text, said, cats in drafts(without) + rule_examples():
        words = tokens(parse(text)).norms
        doc = features(words, tokens(parse(said)).norms if said and said.strip() else None)
        reference = doc.copy()
        reference.cats = cats
        examples.append(Example(doc, reference))
    component.initialize(lambda: examples)
    optimizer = component.create_optimizer()
    for _ in range(EPOCHS):
        rng.shuffle(examples)
        for start in range(0, len(examples), BATCH):
            component.update(examples[start : start + BATCH], sgd=optimizer)
    print(f"trained on {len(examples)} drafts", file=sys.stderr)
    return gzip.compress(component.to_bytes(exclude=["vocab"]), mtime=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model")
    parser.add_argument(
        "--held-out", type=Path, help="train without this set and score it with that model"
    )
    args = parser.parse_args()
    if args.held_out is not None:
        return held_out(args.held_out.resolve())
    data = train()
    if args.check:
        same = MODEL_PATH.exists() and MODEL_PATH.read_bytes() == data
        print("the shipped model is the same" if same else "the shipped model differs")
        return 0 if same else 1
    MODEL_PATH.write_bytes(data)
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} ({len(data) // 1024} KiB)")
    return 0


def held_out(corpus: Path) -> int:
    """Score ``corpus`` with a model trained without it (written to a temporary file)."""
    import tempfile

    from voicelint import learned
    from voicelint.evaluate import evaluate, render

    data = train(corpus)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "held-out.bin.gz"
        path.write_bytes(data)
        learned.MODEL_PATH = path
        learned.model.cache_clear()
        print(render(evaluate([corpus])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
