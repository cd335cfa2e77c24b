"""One typed settings object for every rtlopt command.

Sources, lowest precedence first:

1. built-in defaults (:class:`Settings` field defaults);
2. the nearest configuration file found upward from the current directory: ``.rtlopt.toml`` (keys at
   the top level or under ``[tool.rtlopt]``) or ``pyproject.toml`` (``[tool.rtlopt]``). The first
   directory that has one of them with an rtlopt section decides; paths in it are relative to it;
3. environment variables ``RTLOPT_<KEY>`` (e.g. ``RTLOPT_MODEL``, ``RTLOPT_BUDGET``; ``rule_paths`` is
   ``RTLOPT_RULE_PATH``, ``os.pathsep``-separated);
4. command-line flags (``overrides``; ``None`` means "not given").

API keys are never settings: providers read them from the environment (``OPENAI_API_KEY``,
``ANTHROPIC_API_KEY``, ...). A configuration file holding something that looks like a key is refused,
so a key cannot end up committed or logged.

>>> s = load_settings(env={"RTLOPT_MODEL": "openai:gpt-4o-mini"}, cwd=Path("/"))
>>> s.model, s.origin["model"]
('openai:gpt-4o-mini', 'env RTLOPT_MODEL')
"""

from __future__ import annotations

import difflib
import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from rtlopt.errors import InputError

#: Goals understood by the optimizer.
GOALS = ("area", "delay", "power", "balanced")
#: Embedding functions of the RAG store.
EMBEDDINGS = ("local", "minilm")

_KEYLIKE = ("api_key", "apikey", "secret", "token", "password", "access_key")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with where each value came from (:attr:`origin`).

    Attributes:
        model: chat model as ``provider:model`` (``openai:gpt-4o-mini``, ``anthropic:claude-3-5-haiku-latest``,
            ``ollama:qwen2.5-coder``); with ``base_url`` and no provider, an OpenAI-compatible endpoint.
            None: the LLM path is off (templates and the FSM engine still run).
        base_url: endpoint of an OpenAI-compatible (or Ollama) server, e.g. ``http://127.0.0.1:8000/v1``.
        temperature: sampling temperature of the chat model.
        llm_timeout: seconds allowed for one model call (the call is abandoned after it).
        llm_retries: rewrite attempts after the first one, each fed the concrete failure of the previous.
        llm_samples: responses sampled per attempt (best-of-N; the best verified one wins).
        max_tokens: response token limit per call.
        embedding: RAG embedding: ``local`` (hashed TF-IDF, no model) or ``minilm`` (semantic, offline).
        rag_min_score: retrieval cutoff in [0, 1] (None: the embedding's measured default).
        liberty: liberty name or path (None: ``$RTLOPT_LIBERTY`` or nangate45, resolved by rtlopt.ppa).
        goal: optimization goal.
        budget: optimizer time budget in seconds.
        clock_period: clock period in ns for timing/power (None: the PPA default).
        max_delay_increase: for goals other than delay, the largest critical-path delay growth (percent of
            the input's delay) a rewrite may cost (None: only the clock period bounds it).
        verify_timeout: seconds per equivalence proof.
        ppa_timeout: seconds per PPA measurement (one synthesis + timing run); ``budget`` still bounds the run.
        jobs: candidates measured in parallel.
        keep_registered_outputs: reject rewrites that turn a top-level output driven directly by a
            flip-flop into logic (``--keep-registered-outputs``; see :mod:`rtlopt.engine.regkeep`).
        rule_paths: extra rule pack directories.
        cache_dir: where rtlopt keeps caches (RAG store, LLM responses); never inside the user's repo
            unless configured so.
        config_file: the configuration file that was read, if any.
        origin: field name -> ``"default"``, ``"<file>"``, ``"env RTLOPT_X"`` or ``"flag"``.
    """

    model: str | None = None
    base_url: str | None = None
    temperature: float = 0.2
    llm_timeout: float = 120.0
    llm_retries: int = 2
    llm_samples: int = 1
    max_tokens: int = 4096
    embedding: str = "local"
    rag_min_score: float | None = None
    liberty: str | None = None
    goal: str = "area"
    budget: float = 120.0
    clock_period: float | None = None
    max_delay_increase: float | None = None
    verify_timeout: float = 60.0
    ppa_timeout: float = 300.0
    jobs: int = field(default_factory=lambda: _default_jobs())
    keep_registered_outputs: bool = False
    rule_paths: tuple[str, ...] = ()
    cache_dir: Path = field(default_factory=lambda: default_cache_dir())
    config_file: Path | None = None
    origin: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def llm_enabled(self) -> bool:
        """Whether a chat model is configured."""
        return bool(self.model)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view (no secrets exist in settings)."""
        out: dict[str, Any] = {}
        for f in _SETTABLE:
            v = getattr(self, f.name)
            out[f.name] = str(v) if isinstance(v, Path) else (list(v) if isinstance(v, tuple) else v)
        out["config_file"] = str(self.config_file) if self.config_file else None
        return out


def _default_jobs() -> int:
    """One measurement per core, at most 2 (each runs a Yosys child)."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    return max(1, min(2, n))


def default_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$RTLOPT_CACHE_DIR``, else ``$XDG_CACHE_HOME/rtlopt``, else ``~/.cache/rtlopt``."""
    env = os.environ if env is None else env
    if env.get("RTLOPT_CACHE_DIR"):
        return Path(env["RTLOPT_CACHE_DIR"]).expanduser()
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]).expanduser() / "rtlopt"
    return Path.home() / ".cache" / "rtlopt"


#: Keys of ``[tool.rtlopt]`` that describe the design inputs (see :data:`rtlopt.hdl.project.CONFIG_KEYS`).
_PROJECT_KEYS = ("include_dirs", "defines", "file_lists", "params", "lib_dirs", "lib_files", "libext",
                 "sv_files", "verilog_files")
_SETTABLE = [f for f in fields(Settings) if f.name not in ("config_file", "origin")]
_NAMES = [f.name for f in _SETTABLE]
_ENV = {n: f"RTLOPT_{n.upper()}" for n in _NAMES}
_ENV["rule_paths"] = "RTLOPT_RULE_PATH"


def _convert(name: str, value: Any, where: str, base: Path | None) -> Any:
    """Check and convert one raw value (from TOML, env text or a flag) for field ``name``."""
    def bad(what: str) -> InputError:
        return InputError(f"setting '{name}' ({where}): {what}, got {value!r}"[:300])

    if name in ("model", "base_url", "liberty"):
        if value is None:
            return None
        if not isinstance(value, str):
            raise bad("must be a string")
        value = value.strip()
        if name == "base_url" and value and not value.startswith(("http://", "https://")):
            raise bad("must be an http:// or https:// URL")
        if name == "liberty" and value and base is not None and ("/" in value or value.endswith((".lib", ".gz"))):
            p = Path(value).expanduser()
            return str(p if p.is_absolute() else (base / p).resolve())
        return value or None
    if name == "max_delay_increase":
        if value is None:
            return None
        raw = value.strip().rstrip("%").strip() if isinstance(value, str) else value
        if isinstance(raw, bool):
            raise bad("must be a percentage such as 5 or '5%'")
        try:
            x = float(raw)
        except (TypeError, ValueError):
            raise bad("must be a percentage such as 5 or '5%'") from None
        if not math.isfinite(x) or x < 0:
            raise bad("must be a non-negative percentage")
        return x
    if name in ("temperature", "llm_timeout", "budget", "clock_period", "verify_timeout", "rag_min_score",
                "ppa_timeout"):
        if value is None and name in ("clock_period", "rag_min_score"):
            return None
        if isinstance(value, bool):
            raise bad("must be a number")
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise bad("must be a number") from None
        if not math.isfinite(x):
            raise bad("must be finite")
        if name == "temperature" and not 0.0 <= x <= 2.0:
            raise bad("must be between 0 and 2")
        if name == "rag_min_score" and not 0.0 <= x <= 1.0:
            raise bad("must be between 0 and 1")
        if name in ("llm_timeout", "budget", "clock_period", "verify_timeout", "ppa_timeout") and x <= 0:
            raise bad("must be positive")
        return x
    if name in ("llm_retries", "llm_samples", "max_tokens", "jobs"):
        if isinstance(value, bool):
            raise bad("must be a whole number")
        try:
            n = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise bad("must be a whole number") from None
        if n < (0 if name == "llm_retries" else 1):
            raise bad("is out of range")
        return n
    if name == "keep_registered_outputs":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("1", "true", "yes", "on", "0", "false", "no", "off"):
            return value.strip().lower() in ("1", "true", "yes", "on")
        raise bad("must be true or false")
    if name == "embedding":
        if not isinstance(value, str) or value.strip().lower() not in EMBEDDINGS:
            raise bad(f"must be one of {', '.join(EMBEDDINGS)}")
        return value.strip().lower()
    if name == "goal":
        if not isinstance(value, str) or value.strip() not in GOALS:
            raise bad(f"must be one of {', '.join(GOALS)}")
        return value.strip()
    if name == "rule_paths":
        if isinstance(value, str):
            value = [p for p in value.split(os.pathsep) if p.strip()] if where.startswith("env") else [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(p, str) for p in value):
            raise bad("must be a list of directory paths")
        out = []
        for p in value:
            q = Path(p).expanduser()
            out.append(str(q if q.is_absolute() or base is None else (base / q).resolve()))
        return tuple(out)
    if name == "cache_dir":
        if not isinstance(value, (str, Path)) or not str(value).strip():
            raise bad("must be a directory path")
        q = Path(value).expanduser()
        return q if q.is_absolute() or base is None else (base / q).resolve()
    raise bad("is not a known setting")  # pragma: no cover - guarded by the callers


def find_config_file(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file with an rtlopt section, and that section.

    Raises:
        InputError: the file is not valid TOML.
    """
    start = (start or Path.cwd()).resolve()
    for d in (start, *start.parents):
        for fname in (".rtlopt.toml", "pyproject.toml"):
            cfg = d / fname
            if not cfg.is_file():
                continue
            try:
                data = tomllib.loads(cfg.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise InputError(f"cannot read configuration: {exc}", file=cfg) from None
            section = data.get("tool", {}).get("rtlopt") if isinstance(data.get("tool"), dict) else None
            if fname == ".rtlopt.toml" and section is None:
                section = {k: v for k, v in data.items() if k != "tool"}
            if section is None:
                continue
            if not isinstance(section, dict):
                raise InputError("[tool.rtlopt] must be a table", file=cfg)
            return cfg, section
    return None


def _check_keys(section: dict[str, Any], cfg: Path) -> None:
    for key in section:
        low = key.lower()
        if any(k in low for k in _KEYLIKE):
            raise InputError(f"'{key}' looks like a credential: API keys are read from the environment only "
                             "(e.g. OPENAI_API_KEY, ANTHROPIC_API_KEY), never from configuration files", file=cfg)
        if key in _PROJECT_KEYS:
            continue  # design inputs: read by rtlopt.hdl.project (include_dirs, defines, file_lists, ...)
        if key not in _NAMES:
            close = difflib.get_close_matches(key, _NAMES, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else f" (known: {', '.join(_NAMES)})"
            raise InputError(f"unknown setting '{key}'{hint}", file=cfg)


def load_settings(cwd: Path | None = None, env: Mapping[str, str] | None = None,
                  overrides: Mapping[str, Any] | None = None) -> Settings:
    """Build :class:`Settings` from defaults, the nearest config file, ``RTLOPT_*`` and flags.

    Args:
        cwd: where to start looking for a configuration file (default: the current directory).
        env: environment to read (default: ``os.environ``).
        overrides: values from command-line flags, by field name; None values are ignored.

    Raises:
        InputError: a file, variable or flag holds an invalid value, an unknown key, or a credential.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    origin = {n: "default" for n in _NAMES}
    values["cache_dir"] = default_cache_dir(env)
    if env.get("RTLOPT_CACHE_DIR"):
        origin["cache_dir"] = "env RTLOPT_CACHE_DIR"
    found = find_config_file(cwd)
    cfg_path = None
    if found is not None:
        cfg_path, section = found
        _check_keys(section, cfg_path)
        for key, raw in section.items():
            if key in _PROJECT_KEYS:
                continue
            values[key] = _convert(key, raw, str(cfg_path), cfg_path.parent)
            origin[key] = str(cfg_path)
    for name in _NAMES:
        var = _ENV[name]
        raw = env.get(var)
        if raw is None or raw.strip() == "":
            continue
        values[name] = _convert(name, raw, f"env {var}", None)
        origin[name] = f"env {var}"
    for name, raw in (overrides or {}).items():
        if raw is None:
            continue
        if name not in _NAMES:
            raise InputError(f"unknown setting '{name}'")
        values[name] = _convert(name, raw, "flag", Path.cwd())
        origin[name] = "flag"
    return Settings(**values, config_file=cfg_path, origin=origin)


def with_overrides(settings: Settings, **overrides: Any) -> Settings:
    """A copy of ``settings`` with some fields replaced (validated like flags)."""
    vals = {k: _convert(k, v, "override", None) for k, v in overrides.items() if v is not None}
    origin = dict(settings.origin)
    origin.update({k: "flag" for k in vals})
    return replace(settings, **vals, origin=origin)
