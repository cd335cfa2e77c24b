"""LLM-guided rewriting: dispatcher, RAG-grounded prompts, and the guarded rewrite loop.

Public API::

    from rtlopt import llm
    plan = llm.dispatch(design, goal="area", model=None)   # Plan: paths run/skip with reasons
    session = llm.enable(settings)      # registers the "llm" generator with rtlopt.engine.search
    ...                                  # run the optimizer
    llm.disable(); session.summary()     # tokens, cost, outcomes; session.format_text() for the report
    rw = llm.LlmRewriter(settings)       # or LlmRewriter(settings, chat_model=<any langchain chat model>)
    rw.rewrite(design, goal="area")      # accepted (proven, measured, better) rewrites

With no model configured nothing calls a model: :func:`enable` returns a session whose status is
``not_configured`` (the report says the LLM path was not used) and registers nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rtlopt.config import Settings, load_settings
from rtlopt.engine.candidate import Candidate
from rtlopt.llm._dispatch import PathChoice, Plan, dispatch
from rtlopt.llm._extract import Extracted, ExtractionError, extract_code, extract_modules
from rtlopt.llm._guard import Refusal, check_interface, check_safety
from rtlopt.llm._models import (
    PRICES,
    LlmAuthError,
    LlmConfigError,
    LlmError,
    LlmTimeout,
    LlmUnavailable,
    ModelSpec,
    make_chat_model,
    parse_model,
    price_per_mtok,
)
from rtlopt.llm._rewrite import Evaluation, LlmRewriter
from rtlopt.llm._session import LlmSession, ResponseCache

GENERATOR_NAME = "llm"

__all__ = [
    "GENERATOR_NAME", "PRICES", "Evaluation", "ExtractionError", "Extracted", "LlmAuthError", "LlmConfigError",
    "LlmError", "LlmRewriter", "LlmSession", "LlmTimeout", "LlmUnavailable", "ModelSpec", "PathChoice", "Plan",
    "Refusal", "ResponseCache", "check_interface", "check_safety", "disable", "dispatch", "enable",
    "extract_code", "extract_modules", "make_chat_model", "make_generator", "parse_model", "price_per_mtok",
]


def make_generator(rewriter: LlmRewriter, *, max_rounds: int = 1):
    """An engine generator (``fn(State) -> list[Candidate]``) running ``rewriter`` on the current design.

    It runs at most ``max_rounds`` times per optimization, once per distinct current text. Endpoint
    failures are recorded in the session (status ``failed``) and end the LLM path for the run; the
    templates and the FSM engine go on.
    """
    seen: set[str] = set()
    session = rewriter.session

    def generate(state) -> list[Candidate]:
        if session.status == "failed" or len(seen) >= max_rounds:
            return []
        key = hashlib.sha256("\0".join(state.texts[p] for p in sorted(state.texts)).encode()).hexdigest()
        if key in seen:
            return []
        seen.add(key)
        try:
            evs = rewriter.rewrite(state.design, goal=state.goal, texts=dict(state.texts), liberty=state.liberty)
        except LlmError as exc:
            session.status = "failed"
            session.error = str(exc)
            return []
        out = []
        for ev in evs:
            out.append(Candidate(ev.text, "llm", ev.rules, f"LLM {ev.path.removeprefix('llm_')} rewrite "
                                                           f"({', '.join(ev.rules) or 'no rule named'}): {ev.detail}",
                                 {"file": ev.file, "llm": {"model": session.model, "verdict": ev.verdict,
                                                           "engine": ev.engine, "ppa": ev.ppa}}))
        return out

    generate.session = session  # type: ignore[attr-defined]
    generate.rewriter = rewriter  # type: ignore[attr-defined]
    return generate


def enable(settings: Settings | None = None, *, model: str | None = None, chat_model=None,
           max_rounds: int = 1) -> LlmSession:
    """Register the LLM generator with the optimizer when a model is configured.

    Args:
        settings: settings (default :func:`rtlopt.config.load_settings`); ``model`` overrides its model.
        model: ``provider:model`` (e.g. from ``--model``).
        chat_model: an already-built langchain chat model (tests).
        max_rounds: optimizer rounds in which the model is asked (each costs calls).

    Returns:
        The session the report reads (status ``not_configured`` when there is no model).

    Raises:
        LlmConfigError: a model is configured but cannot be used (missing key, malformed name).
        ToolNotFound: the llm extra is missing.
    """
    from rtlopt.engine.search import register_generator, unregister_generator

    settings = settings or load_settings()
    if model:
        from rtlopt.config import with_overrides

        settings = with_overrides(settings, model=model)
    unregister_generator(GENERATOR_NAME)
    _set_untrusted(False)
    if not settings.model and chat_model is None:
        return LlmSession(status="not_configured")
    rewriter = LlmRewriter(settings, chat_model=chat_model, model_label=settings.model)
    register_generator(GENERATOR_NAME, make_generator(rewriter, max_rounds=max_rounds))
    _set_untrusted(True)
    return rewriter.session


def disable() -> None:
    """Remove the LLM generator from the optimizer."""
    from rtlopt.engine.search import unregister_generator

    unregister_generator(GENERATOR_NAME)
    _set_untrusted(False)


_UNTRUSTED = [False]


def _set_untrusted(on: bool) -> None:
    """While the generator is registered, the current design may hold model-written text: every tool
    process is confined (:mod:`rtlopt.tools.sandbox`) and untrusted code is never simulated unconfined."""
    from rtlopt.tools import sandbox

    if on and not _UNTRUSTED[0]:
        sandbox.enter_untrusted()
    elif not on and _UNTRUSTED[0]:
        sandbox.leave_untrusted()
    _UNTRUSTED[0] = on


def _read(paths: list[Path]) -> dict[Path, str]:  # small helper for scripts
    return {p: p.read_text(encoding="utf-8", errors="replace") for p in paths}
