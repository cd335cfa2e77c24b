"""The LLM stage over real HTTP: langchain-openai against an OpenAI-compatible server on loopback.

The server is stdlib ``http.server`` in a thread on 127.0.0.1 with an ephemeral port, answering
``POST /v1/chat/completions`` from a script and recording the requests it received.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from rtlopt.config import load_settings, with_overrides
from rtlopt.design import open_design
from rtlopt.errors import RtloptError
from rtlopt.llm import LlmRewriter, LlmTimeout, LlmUnavailable

ORIG = """module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, output [16:0] y);
  assign y = s ? a + b : c + d;
endmodule
"""
GOOD = ("I shared the adder.\n```verilog\nmodule sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, "
        "input [15:0] d, output [16:0] y);\n  assign y = (s ? a : c) + (s ? b : d);\nendmodule\n```\n"
        "RULES: operator_sharing_across_mux\n")


class _Server:
    def __init__(self, responses: list[str], delay: float = 0.0) -> None:
        self.responses = list(responses)
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.requests.append({"path": self.path, "body": body})
                owner.headers.append({k.lower(): v for k, v in self.headers.items()})
                if delay:
                    time.sleep(delay)
                text = owner.responses.pop(0) if owner.responses else "no more responses"
                out = json.dumps({
                    "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": body.get("model"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": text}}],
                    "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
                }).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(out)))
                    self.end_headers()
                    self.wfile.write(out)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


def _settings(tmp_path: Path, **kw):
    return with_overrides(load_settings(cwd=tmp_path, env={}), cache_dir=str(tmp_path / "cache"), **kw)


@pytest.fixture
def design(tmp_path: Path):
    f = tmp_path / "sha.v"
    f.write_text(ORIG)
    return open_design(f)


@pytest.mark.yosys
@pytest.mark.sta
def test_openai_compatible_endpoint_over_loopback(design, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("RTLOPT_LLM_API_KEY", "local-test-key-123456")
    with _Server([GOOD]) as srv:
        s = _settings(tmp_path, model="local-coder", base_url=srv.base_url, llm_retries=0, llm_timeout=30)
        rw = LlmRewriter(s)
        evs = rw.rewrite(design, goal="area")
    assert evs and evs[0].accepted and "(s ? a : c) + (s ? b : d)" in evs[0].text
    assert len(srv.requests) == 1 and srv.requests[0]["path"] == "/v1/chat/completions"
    body = srv.requests[0]["body"]
    assert body["model"] == "local-coder"
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user"]
    assert "assign y = s ? a + b : c + d;" in body["messages"][1]["content"]
    assert srv.headers[0].get("authorization") == "Bearer local-test-key-123456"
    summ = rw.session.summary()
    assert summ["input_tokens"] == 321 and summ["output_tokens"] == 45 and summ["calls"] == 1
    assert summ["estimated_cost_usd"] == "unknown" and summ["endpoint"] == f"http://127.0.0.1:{srv.port}"
    # the key never reaches the cache
    for f in (tmp_path / "cache").rglob("*.json"):
        assert "local-test-key" not in f.read_text()


def test_closed_port_fails_fast_with_one_line(design, tmp_path) -> None:
    with socket.socket() as sk:
        sk.bind(("127.0.0.1", 0))
        port = sk.getsockname()[1]  # closed again when the block ends
    s = _settings(tmp_path, model="m", base_url=f"http://127.0.0.1:{port}/v1", llm_timeout=10)
    rw = LlmRewriter(s)
    from langchain_core.messages import HumanMessage

    t0 = time.monotonic()
    with pytest.raises(LlmUnavailable) as ei:
        rw._call([HumanMessage("hi")], 0)
    assert time.monotonic() - t0 < 8
    msg = str(ei.value)
    assert isinstance(ei.value, RtloptError) and "\n" not in msg
    assert msg.startswith(f"cannot reach model openai:m at http://127.0.0.1:{port}")


def test_slow_endpoint_times_out(design, tmp_path) -> None:
    from langchain_core.messages import HumanMessage

    with _Server([GOOD], delay=3.0) as srv:
        s = _settings(tmp_path, model="m", base_url=srv.base_url, llm_timeout=0.5)
        rw = LlmRewriter(s)
        t0 = time.monotonic()
        with pytest.raises(LlmTimeout):
            rw._call([HumanMessage("hi")], 0)
        assert time.monotonic() - t0 < 2.5
