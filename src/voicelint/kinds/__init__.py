"""The rule kinds: each is one module with NAME, PARAMS, MESSAGE_VARS and build(params, ctx) -> check.

A kind never decides a rule's id, category, severity or message: the engine stamps those on every
finding. A kind reports hits (a stretch of the post's text and, where it has one, a fix).
"""

from __future__ import annotations

from types import ModuleType

from voicelint.kinds import metric, pattern, phrase, substitution
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext

KINDS: dict[str, ModuleType] = {
    module.NAME: module for module in (phrase, pattern, metric, substitution)
}

__all__ = ["KINDS", "BuildContext", "Check", "Hit", "KindError", "Param", "PostContext"]
