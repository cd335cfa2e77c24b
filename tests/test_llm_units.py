"""Unit tests of the LLM stage that need no external tool: config, extraction, guard, models, session."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from rtlopt.config import load_settings, with_overrides
from rtlopt.errors import InputError, RtloptError
from rtlopt.llm import (
    ExtractionError,
    LlmConfigError,
    LlmSession,
    LlmTimeout,
    ModelSpec,
    ResponseCache,
    check_interface,
    check_safety,
    extract_code,
    parse_model,
    price_per_mtok,
)
from rtlopt.llm._models import invoke_with_limit, make_chat_model, scrub

SHA = """// header comment kept
`timescale 1ns/1ps
module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, output [16:0] y);
  assign y = s ? a + b : c + d;
endmodule
"""
NEW_BODY = """module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, output [16:0] y);
  assign y = (s ? a : c) + (s ? b : d);
endmodule"""

TWO = """module top(input clk, input [3:0] x, output [3:0] y);
  sub u(.a(x), .b(y));
endmodule

module sub(input [3:0] a, output [3:0] b);
  assign b = a + 4'd1;
endmodule
"""


# ----------------------------------------------------------------------------- config
def test_settings_precedence_file_env_flag(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.rtlopt]\nmodel = "openai:gpt-4o-mini"\nbudget = 30\n'
                                             'rule_paths = ["myrules"]\ngoal = "delay"\n')
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    s = load_settings(cwd=sub, env={"RTLOPT_BUDGET": "45", "RTLOPT_CACHE_DIR": str(tmp_path / "c")})
    assert s.model == "openai:gpt-4o-mini" and s.origin["model"].endswith("pyproject.toml")
    assert s.budget == 45.0 and s.origin["budget"] == "env RTLOPT_BUDGET"
    assert s.rule_paths == (str((tmp_path / "myrules").resolve()),)
    assert s.cache_dir == tmp_path / "c"
    s2 = load_settings(cwd=sub, env={"RTLOPT_BUDGET": "45"}, overrides={"budget": 10, "model": None})
    assert s2.budget == 10.0 and s2.origin["budget"] == "flag"
    assert s2.model == "openai:gpt-4o-mini"  # a None flag does not override
    assert s2.goal == "delay"


def test_settings_rtlopt_toml_top_level_wins_and_xdg_cache(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.rtlopt]\nmodel = "openai:a"\n')
    (tmp_path / ".rtlopt.toml").write_text('embedding = "minilm"\n')
    s = load_settings(cwd=tmp_path, env={"XDG_CACHE_HOME": str(tmp_path / "xdg")})
    assert s.embedding == "minilm" and s.model is None
    assert s.cache_dir == tmp_path / "xdg" / "rtlopt"
    assert s.config_file == tmp_path / ".rtlopt.toml"


@pytest.mark.parametrize("body, needle", [
    ('api_key = "sk-abc"', "credential"),
    ('openai_api_key = "x"', "credential"),
    ('modle = "openai:x"', "did you mean model"),
    ('budget = "soon"', "must be a number"),
    ('goal = "speed"', "must be one of"),
    ('base_url = "ftp://x"', "http"),
    ("budget = [", "cannot read configuration"),
])
def test_settings_refuses_bad_files(tmp_path: Path, body: str, needle: str) -> None:
    (tmp_path / ".rtlopt.toml").write_text(body + "\n")
    with pytest.raises(InputError, match=needle):
        load_settings(cwd=tmp_path, env={})


def test_settings_env_values_validated(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="RTLOPT_LLM_RETRIES"):
        load_settings(cwd=tmp_path, env={"RTLOPT_LLM_RETRIES": "many"})
    s = load_settings(cwd=tmp_path, env={"RTLOPT_RULE_PATH": "/x:/y", "RTLOPT_EMBEDDING": "MiniLM"})
    assert s.rule_paths == ("/x", "/y") and s.embedding == "minilm"
    assert with_overrides(s, llm_samples=3).llm_samples == 3


# ----------------------------------------------------------------------------- extraction
def test_extract_fenced_with_prose_keeps_file_header() -> None:
    resp = f"Sure! Sharing the adder:\n\n```verilog\n{NEW_BODY}\n```\nThis saves one adder.\nRULES: x\n"
    ex = extract_code(resp, SHA)
    assert ex.replaced == ("sha",) and ex.how == "fenced"
    assert ex.text.startswith("// header comment kept\n`timescale 1ns/1ps\n")
    assert "(s ? a : c) + (s ? b : d)" in ex.text and "s ? a + b" not in ex.text


def test_extract_bare_code_in_prose() -> None:
    resp = f"Here is the optimized design.\n{NEW_BODY}\nIt is equivalent."
    ex = extract_code(resp, SHA)
    assert ex.how == "bare" and "(s ? a : c)" in ex.text


def test_extract_several_blocks_last_definition_wins() -> None:
    resp = f"Original:\n```verilog\n{SHA}```\nOptimized:\n```systemverilog\n{NEW_BODY}\n```\n"
    ex = extract_code(resp, SHA)
    assert "(s ? a : c)" in ex.text and ex.text.count("module sha") == 1


def test_extract_one_module_of_many_splices_it() -> None:
    resp = "```sv\nmodule sub(input [3:0] a, output [3:0] b);\n  assign b = a + 1'b1;\nendmodule\n```"
    ex = extract_code(resp, TWO)
    assert ex.replaced == ("sub",)
    assert "sub u(.a(x), .b(y));" in ex.text and "a + 1'b1" in ex.text and "4'd1" not in ex.text


@pytest.mark.parametrize("resp, needle", [
    ("I cannot help with that.", "no Verilog module"),
    ("```verilog\nmodule sha(input s);\n  assign y = 1;\n", "cut off"),
])
def test_extract_errors(resp: str, needle: str) -> None:
    with pytest.raises(ExtractionError, match=needle):
        extract_code(resp, SHA)


# ----------------------------------------------------------------------------- guard
def _new(body: str) -> str:
    return SHA.replace("  assign y = s ? a + b : c + d;\n", body)


@pytest.mark.parametrize("body, needle", [
    ('  integer f; initial f = $fopen("/etc/passwd");\n  assign y = a + b;\n', "$fopen"),
    ('  initial $system("rm -rf /");\n  assign y = a + b;\n', "$system"),
    ('  initial $readmemh("../../secret.hex", m);\n  assign y = a;\n', "outside"),
    ('  import "DPI-C" function int f(int x);\n  assign y = a;\n', "DPI"),
    ('  `include "/etc/passwd"\n  assign y = a;\n', "outside"),
    ('  assign #3 y = a + b;\n', "delays"),
    ('  reg [16:0] r; initial begin #1 r = 0; end\n  assign y = r;\n', "timing"),
    ('  reg [16:0] r; always @* begin force r = a; end\n  assign y = r;\n', "force"),
    ('  reg [16:0] r; always @* begin (* full_case *) case (s) 1\'b0: r = a; endcase end\n  assign y = r;\n',
     "full_case"),
    ('  reg [16:0] r; always @(posedge s) r <= a;\n  assign y = r;\n', "clock/reset"),
    ('  assign y = a + b;\n  initial $display("hi");\n', "simulation-only"),
])
def test_guard_refuses_unsafe_and_unsynthesizable(body: str, needle: str) -> None:
    out = check_safety(SHA, _new(body))
    assert out, body
    assert any(needle in str(r) for r in out), [str(r) for r in out]


def test_guard_accepts_plain_rewrite_and_safe_system_functions() -> None:
    assert check_safety(SHA, _new("  assign y = $unsigned((s ? a : c) + (s ? b : d));\n")) == []


def test_guard_interface_changes() -> None:
    def diff(new: str, top: str = "sha") -> list[str]:
        return [str(r) for r in check_interface([("d.v", SHA)], [("d.v", new)], top)]

    assert diff(SHA) == []
    assert any("width 17 -> 18" in d for d in diff(SHA.replace("output [16:0] y", "output [17:0] y")))
    assert any("new port 'e'" in d for d in diff(SHA.replace("output [16:0] y", "output [16:0] y, input e")))
    assert any("missing or renamed" in d for d in diff(SHA.replace("module sha", "module sha_opt")))
    assert any("port 'd' (input, 16 bit) is missing" in d for d in diff(SHA.replace(", input [15:0] d", "")))
    p = SHA.replace("module sha(", "module sha #(parameter W = 4)(")
    assert any("default changed 4 -> 5" in d for d in
               [str(r) for r in check_interface([("d.v", p)], [("d.v", p.replace("W = 4", "W = 5"))], "sha")])
    # a submodule nothing instantiates any more may go; a used one must keep its ports
    flat = "module top(input clk, input [3:0] x, output [3:0] y);\n  assign y = x + 4'd1;\nendmodule\n"
    assert [str(r) for r in check_interface([("t.v", TWO)], [("t.v", flat)], "top")] == []
    bad = TWO.replace("module sub(input [3:0] a", "module sub(input [4:0] a")
    assert any("sub" in str(r) and "width" in str(r) for r in check_interface([("t.v", TWO)], [("t.v", bad)], "top"))


# ----------------------------------------------------------------------------- models
def test_parse_model_and_prices() -> None:
    assert parse_model("openai:gpt-4o-mini") == ModelSpec("openai", "gpt-4o-mini")
    assert parse_model("ollama:qwen2.5-coder:7b").model == "qwen2.5-coder:7b"
    spec = parse_model("my-model", "http://user:pw@127.0.0.1:8000/v1?key=1")
    assert spec.provider == "openai" and spec.endpoint == "http://127.0.0.1:8000"
    with pytest.raises(LlmConfigError, match="provider prefix"):
        parse_model("gpt-4o")
    assert price_per_mtok(parse_model("openai:gpt-4o-mini-2024-07-18")) == (0.15, 0.60)
    assert price_per_mtok(parse_model("anthropic:claude-3-5-haiku-latest")) == (0.80, 4.00)
    assert price_per_mtok(parse_model("ollama:llama3")) == (0.0, 0.0)
    assert price_per_mtok(spec) is None  # a custom endpoint: unknown
    assert price_per_mtok(parse_model("mistralai:mistral-large")) is None


def test_missing_key_is_a_clean_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(LlmConfigError, match="needs OPENAI_API_KEY in the environment") as ei:
        make_chat_model(parse_model("openai:gpt-4o-mini"))
    assert isinstance(ei.value, RtloptError) and "\n" not in str(ei.value)
    with pytest.raises(LlmConfigError, match="ANTHROPIC_API_KEY"):
        make_chat_model(parse_model("anthropic:claude-3-5-haiku-latest"))
    # local providers need no key and build offline
    m = make_chat_model(parse_model("ollama:llama3", "http://127.0.0.1:9"))
    assert type(m).__name__ == "ChatOllama"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-000000")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test-000000")
    o = make_chat_model(parse_model("openai:gpt-4o-mini"), timeout=7, max_tokens=100)
    a = make_chat_model(parse_model("anthropic:claude-3-5-haiku-latest"), timeout=7, max_tokens=100)
    assert (type(o).__name__, o.request_timeout, o.max_tokens, o.max_retries) == ("ChatOpenAI", 7.0, 100, 0)
    assert (type(a).__name__, a.default_request_timeout, a.max_tokens, a.max_retries) == ("ChatAnthropic", 7.0, 100, 0)


def test_scrub_masks_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-live-SECRETSECRET123")
    msg = "Error code: 401 - Incorrect API key provided: sk-live-SECRETSECRET123.\nauthorization: Bearer abcdef"
    out = scrub(msg)
    assert "SECRET" not in out and "abcdef" not in out and "\n" not in out


def test_invoke_with_limit_times_out_cleanly() -> None:
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    slow = FakeListChatModel(responses=["x"], sleep=5)
    t0 = time.monotonic()
    with pytest.raises(LlmTimeout, match="did not answer within 0.3 s"):
        invoke_with_limit(slow, "hi", timeout=0.3, spec_label="fake:slow", endpoint="fake")
    assert time.monotonic() - t0 < 2.0


# ----------------------------------------------------------------------------- session / cache
def test_session_cost_and_report_lines() -> None:
    s = LlmSession()
    assert "not used (no model configured" in s.format_text()
    spec = parse_model("openai:gpt-4o-mini")
    s.model = spec.label
    s.add_call(spec, {"input_tokens": 2000, "output_tokens": 1000}, 1.0, cached=False)
    s.add_call(spec, {"input_tokens": 2000, "output_tokens": 1000}, 0.0, cached=True)
    assert s.status == "used" and s.input_tokens == 2000
    assert s.cost_usd == pytest.approx((2000 * 0.15 + 1000 * 0.60) / 1e6)
    summ = s.summary()
    assert summ["calls"] == 1 and summ["cache_hits"] == 1 and summ["used"] is True
    assert "est. cost $0.0009" in s.format_text()
    u = LlmSession(model="x")
    u.add_call(parse_model("m", "http://127.0.0.1:1/v1"), {"input_tokens": 5, "output_tokens": 5}, 0.1, False)
    assert u.summary()["estimated_cost_usd"] == "unknown"


def test_response_cache_roundtrip_and_key(tmp_path: Path) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    c = ResponseCache(tmp_path)
    spec = parse_model("openai:gpt-4o-mini")
    msgs = [SystemMessage("s"), HumanMessage("h")]
    k = ResponseCache.key(spec, msgs, temperature=0.2, max_tokens=10, sample=0, library_hash="L1")
    assert k == ResponseCache.key(spec, msgs, temperature=0.2, max_tokens=10, sample=0, library_hash="L1")
    assert k != ResponseCache.key(spec, msgs, temperature=0.2, max_tokens=10, sample=0, library_hash="L2")
    assert k != ResponseCache.key(spec, msgs, temperature=0.2, max_tokens=10, sample=1, library_hash="L1")
    assert c.get(k) is None
    c.put(k, {"response": "r", "usage": None})
    assert c.get(k)["response"] == "r"
    assert all(tmp_path in p.parents for p in (tmp_path / "llm").rglob("*.json"))
