"""The rule kinds: each is one module with NAME, PARAMS, MESSAGE_VARS and build(params, ctx) -> check.

A kind never decides a rule's id, category, severity or message: the engine stamps those on every
finding. A kind reports hits (a stretch of the post's text and, where it has one, a fix).
"""

from __future__ import annotations

from types import ModuleType

from voicelint.kinds import (
    claim,
    competitor,
    data_request,
    disclosure,
    escalation,
    handoff,
    hostility,
    metric,
    near,
    pattern,
    phrase,
    pii,
    platform,
    profanity,
    register,
    sentence,
    settlement,
    substitution,
)
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext

KINDS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (
        *(phrase, pattern, near, metric, substitution, sentence),  # words, patterns, counts
        *(disclosure,),  # sponsorship disclosure
        *(claim,),  # the claim grammar: a certainty marker attached to an outcome
        *(register, profanity, hostility, competitor, platform),  # brand voice
        *(data_request, handoff, settlement, escalation, pii),  # customer care
    )
}

__all__ = ["KINDS", "BuildContext", "Check", "Hit", "KindError", "Param", "PostContext"]
