"""Chat models through langchain's ``init_chat_model``: configuration, keys, time limits, errors, cost.

Any provider langchain supports works as ``provider:model`` (``openai:gpt-4o-mini``,
``anthropic:claude-3-5-haiku-latest``, ``ollama:qwen2.5-coder:7b``, ``google_genai:...``); an
OpenAI-compatible server is ``base_url`` plus a model name (provider ``openai`` implied). API keys
come only from the environment (``OPENAI_API_KEY``, ``ANTHROPIC_API_KEY``, or ``RTLOPT_LLM_API_KEY``
for a custom endpoint); they are checked before the first call and scrubbed from every error message.
Every call has a wall-clock limit; failures become one-line :class:`LlmError` subclasses.
"""

from __future__ import annotations

import os
import queue
import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from rtlopt.errors import ExitCode, InputError, RtloptError, ToolNotFound


class LlmError(RtloptError):
    """A model call failed (endpoint down, refused, bad response)."""

    exit_code = ExitCode.TOOL_FAILED


class LlmUnavailable(LlmError):
    """The model endpoint cannot be reached."""


class LlmTimeout(LlmError):
    """A model call exceeded its time limit."""


class LlmAuthError(LlmError):
    """The provider rejected the credentials."""


class LlmConfigError(InputError):
    """The model configuration cannot work (unknown provider, missing key, missing package)."""


#: provider -> environment variable holding its key (None: no key needed).
KEY_VARS: dict[str, str | None] = {
    "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "ollama": None,
    "google_genai": "GOOGLE_API_KEY", "mistralai": "MISTRAL_API_KEY", "groq": "GROQ_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY", "fireworks": "FIREWORKS_API_KEY", "together": "TOGETHER_API_KEY",
    "xai": "XAI_API_KEY", "cohere": "COHERE_API_KEY",
}
#: Key for a custom OpenAI-compatible endpoint (falls back to OPENAI_API_KEY, then a placeholder).
CUSTOM_KEY_VAR = "RTLOPT_LLM_API_KEY"

#: USD per 1M tokens (input, output), list prices; an estimate for the report, matched by prefix.
PRICES: dict[str, tuple[float, float]] = {
    "openai:gpt-4o-mini": (0.15, 0.60), "openai:gpt-4o": (2.50, 10.00), "openai:gpt-4.1-nano": (0.10, 0.40),
    "openai:gpt-4.1-mini": (0.40, 1.60), "openai:gpt-4.1": (2.00, 8.00), "openai:o3-mini": (1.10, 4.40),
    "openai:o4-mini": (1.10, 4.40), "openai:o3": (2.00, 8.00), "openai:gpt-5-nano": (0.05, 0.40),
    "openai:gpt-5-mini": (0.25, 2.00), "openai:gpt-5": (1.25, 10.00),
    "anthropic:claude-3-5-haiku": (0.80, 4.00), "anthropic:claude-3-haiku": (0.25, 1.25),
    "anthropic:claude-3-5-sonnet": (3.00, 15.00), "anthropic:claude-3-7-sonnet": (3.00, 15.00),
    "anthropic:claude-sonnet-4": (3.00, 15.00), "anthropic:claude-opus-4": (15.00, 75.00),
    "anthropic:claude-haiku-4": (1.00, 5.00),
    "ollama:": (0.0, 0.0),  # local models
}


@dataclass(frozen=True)
class ModelSpec:
    """A parsed model setting."""

    provider: str
    model: str
    base_url: str | None = None

    @property
    def label(self) -> str:
        return f"{self.provider}:{self.model}"

    @property
    def endpoint(self) -> str:
        """The endpoint without credentials, path or query (safe to log and to hash)."""
        if not self.base_url:
            return self.provider
        u = urlsplit(self.base_url)
        return f"{u.scheme}://{u.hostname}{':' + str(u.port) if u.port else ''}"


def parse_model(model: str, base_url: str | None = None) -> ModelSpec:
    """``provider:model`` (or a bare model name with ``base_url``: an OpenAI-compatible endpoint)."""
    model = (model or "").strip()
    if not model:
        raise LlmConfigError("no model configured")
    if ":" in model:
        provider, name = model.split(":", 1)
        if provider in KEY_VARS or re.fullmatch(r"[a-z_]+", provider) and provider not in ("http", "https"):
            return ModelSpec(provider, name, base_url)
    if base_url:
        return ModelSpec("openai", model, base_url)
    raise LlmConfigError(f"model '{model}' needs a provider prefix (e.g. openai:{model}, anthropic:{model}, "
                         f"ollama:{model}) or a base_url for an OpenAI-compatible endpoint")


def price_per_mtok(spec: ModelSpec) -> tuple[float, float] | None:
    """(input, output) USD per 1M tokens, or None when unknown (custom endpoints are unknown)."""
    if spec.base_url and spec.provider != "ollama":
        return None
    label = spec.label
    best = None
    for prefix, price in PRICES.items():
        if label.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, price)
    return best[1] if best else None


def _secrets() -> list[str]:
    vals = [os.environ.get(v) for v in [*filter(None, KEY_VARS.values()), CUSTOM_KEY_VAR]]
    return [v for v in vals if v and len(v) >= 6]


def scrub(message: str) -> str:
    """``message`` on one line, with API keys (from the environment, or key-shaped) masked."""
    out = " ".join(str(message).split())
    for s in _secrets():
        out = out.replace(s, "***")
    out = re.sub(r"\b(sk|pk|rk)-[A-Za-z0-9_\-*]{6,}", r"\1-***", out)
    out = re.sub(r"(?i)\bbearer\s+[^\s'\",}]+", "Bearer ***", out)
    out = re.sub(r"(?i)(api[_-]?key|x-api-key)(['\"]?\s*[:=]\s*['\"]?)[^\s'\",}]+", r"\1\2***", out)
    return out[:300]


def make_chat_model(spec: ModelSpec, *, temperature: float = 0.2, timeout: float = 120.0,
                    max_tokens: int = 4096) -> Any:
    """A langchain chat model for ``spec`` (no network traffic yet).

    Raises:
        LlmConfigError: the provider's key is not in the environment, or the provider is unknown.
        ToolNotFound: the provider's langchain package is not installed.
    """
    try:
        from langchain.chat_models import init_chat_model
    except ImportError as exc:
        raise ToolNotFound(f"the LLM stage needs the llm extra (pip install 'rtlopt[llm]'): {exc}") from None
    kwargs: dict[str, Any] = {"temperature": temperature}
    p = spec.provider
    if p == "openai":
        kwargs.update(timeout=timeout, max_retries=0, max_tokens=max_tokens)
        if spec.base_url:
            kwargs["base_url"] = spec.base_url
            kwargs["api_key"] = os.environ.get(CUSTOM_KEY_VAR) or os.environ.get("OPENAI_API_KEY") or "not-needed"
        elif not os.environ.get("OPENAI_API_KEY"):
            raise LlmConfigError(f"model '{spec.label}' needs OPENAI_API_KEY in the environment")
    elif p == "anthropic":
        if not os.environ.get("ANTHROPIC_API_KEY"):
            raise LlmConfigError(f"model '{spec.label}' needs ANTHROPIC_API_KEY in the environment")
        kwargs.update(default_request_timeout=timeout, max_retries=0, max_tokens=max_tokens)
        if spec.base_url:
            kwargs["base_url"] = spec.base_url
    elif p == "ollama":
        kwargs.update(num_predict=max_tokens, client_kwargs={"timeout": timeout})
        if spec.base_url:
            kwargs["base_url"] = spec.base_url
    else:
        var = KEY_VARS.get(p)
        if var and not os.environ.get(var):
            raise LlmConfigError(f"model '{spec.label}' needs {var} in the environment")
        kwargs.update(timeout=timeout, max_retries=0, max_tokens=max_tokens)
        if spec.base_url:
            kwargs["base_url"] = spec.base_url
    try:
        return init_chat_model(spec.model, model_provider=p, **kwargs)
    except ImportError as exc:
        raise ToolNotFound(f"provider '{p}' needs its langchain package (e.g. pip install langchain-{p}): "
                           f"{scrub(str(exc))}") from None
    except ValueError as exc:
        raise LlmConfigError(f"cannot use model '{spec.label}': {scrub(str(exc))}") from None


def classify_error(exc: BaseException, spec_label: str, endpoint: str) -> LlmError:
    """A one-line :class:`LlmError` for any exception a provider client raised."""
    name = type(exc).__name__
    msg = scrub(str(exc)) or name
    status = getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)
    chain = [exc, exc.__cause__, exc.__context__]
    names = " ".join(type(e).__name__ for e in chain if e is not None)
    if "Timeout" in names or isinstance(exc, TimeoutError):
        return LlmTimeout(f"model {spec_label} at {endpoint} timed out: {msg}")
    if status in (401, 403) or "Authentication" in names or "PermissionDenied" in names:
        return LlmAuthError(f"model {spec_label} at {endpoint} rejected the credentials ({status or name}): {msg}")
    if "Connect" in names or isinstance(exc, ConnectionError) or "Connection refused" in msg:
        return LlmUnavailable(f"cannot reach model {spec_label} at {endpoint}: {msg}")
    if status == 404 or "NotFound" in names:
        return LlmError(f"model {spec_label} at {endpoint}: not found ({msg})")
    if status == 429 or "RateLimit" in names:
        return LlmError(f"model {spec_label} at {endpoint}: rate limited ({msg})")
    return LlmError(f"model {spec_label} at {endpoint} failed: {name}: {msg}")


def invoke_with_limit(model: Any, messages: list, *, timeout: float, spec_label: str, endpoint: str):
    """``model.invoke(messages)`` with a hard wall-clock limit; returns the AIMessage.

    The call runs in a daemon thread so a hung client cannot hold the process past the limit.

    Raises:
        LlmTimeout / LlmUnavailable / LlmAuthError / LlmError: one line each.
    """
    q: queue.Queue = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            q.put(("ok", model.invoke(messages)))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            q.put(("err", exc))

    t0 = time.monotonic()
    th = threading.Thread(target=run, name="rtlopt-llm-call", daemon=True)
    th.start()
    try:
        kind, val = q.get(timeout=timeout)
    except queue.Empty:
        raise LlmTimeout(f"model {spec_label} at {endpoint} did not answer within {timeout:g} s") from None
    if kind == "err":
        if isinstance(val, LlmError):
            raise val
        raise classify_error(val, spec_label, endpoint) from None
    _ = time.monotonic() - t0
    return val
