"""The RAG store (chromadb through langchain-chroma), design features and the dispatcher."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rtlopt import rag
from rtlopt.design import open_design
from rtlopt.errors import InputError
from rtlopt.llm import dispatch
from rtlopt.rag import _store
from rtlopt.rules import builtin_rules_dir, load_rules


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("ragcache")


@pytest.fixture(scope="module")
def lib():
    return load_rules()


def test_store_is_built_in_the_cache_and_reused(cache, lib) -> None:
    _store._STORES.clear()
    st = rag.open_store(lib, embedding="local", cache_dir=cache)
    assert st.path.parent == cache / "rag" and (st.path / "READY").is_file()
    n_examples = sum(len(r.examples) for r in lib)
    n_templates = sum(1 for r in lib if r.template)
    assert len(st) == len(lib) + n_templates + n_examples
    _store._STORES.clear()  # a new process: the persisted collection is reused, not rebuilt
    st2 = rag.open_store(lib, embedding="local", cache_dir=cache)
    assert st2.path == st.path and not st2.rebuilt
    assert st2.vs._collection.count() == len(st)


def test_store_rebuilt_when_the_library_changes(tmp_path, cache) -> None:
    pack = tmp_path / "pack"
    for name in ("datapath/const_mult_to_shift_add.yaml", "mux/operator_sharing_across_mux.yaml",
                 "fsm/fsm_state_minimization.yaml"):
        (pack / Path(name).parent).mkdir(parents=True, exist_ok=True)
        shutil.copy(builtin_rules_dir() / name, pack / name)
    c = tmp_path / "c"
    lib1 = load_rules([pack])
    st1 = rag.open_store(lib1, embedding="local", cache_dir=c)
    assert st1.rebuilt and len(lib1) == 3
    f = pack / "fsm/fsm_state_minimization.yaml"
    f.write_text(f.read_text().replace("title: ", "title: Renamed - ", 1))
    lib2 = load_rules([pack])
    assert lib2.content_hash() != lib1.content_hash()
    st2 = rag.open_store(lib2, embedding="local", cache_dir=c)
    assert st2.rebuilt and st2.path != st1.path
    assert not st1.path.exists()  # the stale store of the same embedding is removed
    assert [r.name for r, _s in st2.search("merge equivalent states", min_score=0.0)][0] == "fsm_state_minimization"


def test_search_same_shape_as_lexical_with_filters_and_cutoff(cache, lib) -> None:
    hits = rag.search("multiply a signal by a constant with shifts and adds", library=lib, embedding="local",
                      cache_dir=cache)
    assert hits and all(isinstance(s, float) for _r, s in hits)
    assert [s for _r, s in hits] == sorted((s for _r, s in hits), reverse=True)
    assert all(s >= rag.DEFAULT_MIN_SCORE["local"] for _r, s in hits)
    assert hits[0][0].name in ("const_mult_to_shift_add", "multiple_constant_multiplication")
    lex = lib.search("multiply a signal by a constant with shifts and adds")
    assert type(lex[0]) is type(hits[0]) and type(lex[0][0]) is type(hits[0][0])
    fsm = rag.search("state machine", category="fsm", library=lib, embedding="local", cache_dir=cache, min_score=0.0)
    assert fsm and {r.category for r, _s in fsm} == {"fsm"}
    dly = rag.search("adder", objective="delay", library=lib, embedding="local", cache_dir=cache, min_score=0.0)
    assert dly and all("delay" in r.objectives for r, _s in dly)
    assert rag.search("adder", min_score=0.999, library=lib, embedding="local", cache_dir=cache) == []
    with pytest.raises(InputError, match="unknown category"):
        rag.search("adder", category="nonsense", library=lib, embedding="local", cache_dir=cache)
    with pytest.raises(InputError, match="unknown objective"):
        rag.search("adder", objective="speed", library=lib, embedding="local", cache_dir=cache)


def test_retrieve_by_kind_finds_examples_and_templates(cache, lib) -> None:
    st = rag.open_store(lib, embedding="local", cache_dir=cache)
    ex = st.retrieve("multiplexer with a constant input arm", kinds=("example",), min_score=0.0)
    assert ex and {h.kind for h in ex} == {"example"} and ex[0].doc_id.startswith("example:")
    tp = st.retrieve("balance an adder chain", kinds=("template",), min_score=0.0)
    assert tp and tp[0].doc_id == "template:adder_chain_to_tree"


def test_default_cache_is_outside_the_working_tree(tmp_path, monkeypatch, lib) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "pyproject.toml").write_text("[tool.rtlopt]\n")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("RTLOPT_CACHE_DIR", raising=False)
    _store._STORES.clear()
    assert rag.search("adder chain", library=lib)
    assert sorted(p.name for p in repo.iterdir()) == ["pyproject.toml"]
    assert (tmp_path / "xdg" / "rtlopt" / "rag").is_dir()


def test_features_and_query() -> None:
    f = rag.extract_features("module m(input [7:0] x, output [15:0] y, output [15:0] z);\n"
                             "  assign y = x * 9;\n  assign z = 23 * x;\nendmodule\n")
    assert f.facts["const_mult"] == 2 and f.has("multi_const_mult")
    assert f.query("area").startswith("multiplication of a signal by a constant")
    assert f.query("area").endswith("reduce area")
    g = rag.extract_features("module m(input clk, input rst, input x, output reg z);\n"
                             "  localparam A = 0, B = 1, C = 2;\n  reg [1:0] state;\n"
                             "  always @(posedge clk) if (rst) state <= A; else case (state)\n"
                             "    A: state <= x ? B : A;\n    B: state <= C;\n    default: state <= A;\n  endcase\n"
                             "  always @* z = state == C;\nendmodule\n")
    assert g.has("fsm") and g.always_ff == 1


def test_dispatch_reasons_with_and_without_a_model(tmp_path) -> None:
    f = tmp_path / "m.v"
    f.write_text("module m(input s, input [7:0] a, b, c, d, output [8:0] y);\n"
                 "  assign y = s ? a + b : c + d;\nendmodule\n")
    d = open_design(f)
    plan = dispatch(d, goal="area", model=None)
    assert plan.runs("templates") and "operator_sharing_across_mux" in plan.reason("templates")
    assert not plan.runs("fsm") and not plan.runs("llm_dataflow")
    assert "no model configured" in plan.reason("llm_dataflow")
    plan2 = dispatch(d, goal="area", model="openai:gpt-4o-mini")
    assert plan2.runs("llm_dataflow") and "arithmetic" in plan2.reason("llm_dataflow")
    assert not plan2.runs("llm_control") and plan2.targets == [(str(d.files[0]), ("m",))]
    g = tmp_path / "f.v"
    g.write_text("module f(input clk, input rst, input x, output reg z);\n"
                 "  localparam A = 2'd0, B = 2'd1, C = 2'd2;\n  reg [1:0] state;\n"
                 "  always @(posedge clk) if (rst) state <= A; else case (state)\n"
                 "    A: state <= x ? B : A;\n    B: state <= x ? C : A;\n    C: state <= A;\n"
                 "    default: state <= A;\n  endcase\n  always @* z = (state == C);\nendmodule\n")
    p3 = dispatch(open_design(g), goal="area", model="openai:gpt-4o-mini")
    assert p3.runs("fsm") and p3.runs("llm_control") and "state" in p3.reason("llm_control")
    assert "skip" in p3.format_text() or "run" in p3.format_text()


@pytest.mark.slow
def test_minilm_store_offline(tmp_path, lib, monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    st = rag.open_store(lib, embedding="minilm", cache_dir=tmp_path)
    hits = st.search("state machine with equivalent redundant states", min_score=0.0)
    assert "fsm_state_minimization" in [r.name for r, _s in hits[:3]]
    assert all(0.0 <= s <= 1.0 for _r, s in hits)


def test_dispatch_splits_large_files_per_module(tmp_path) -> None:
    from rtlopt.llm._dispatch import SPLIT_CHARS

    pad = "// " + "x" * 100 + "\n"
    text = ("module top(input [7:0] a, output [7:0] y);\n  sub u(.a(a), .y(y));\nendmodule\n" + pad * (SPLIT_CHARS // 100)
            + "module sub(input [7:0] a, output [7:0] y);\n  assign y = a * 8'd3;\nendmodule\n")
    f = tmp_path / "big.v"
    f.write_text(text)
    plan = dispatch(open_design(f), goal="area", model="openai:gpt-4o-mini", run_fsm=False)
    assert plan.targets == [(str(open_design(f).files[0]), ("top",)), (str(open_design(f).files[0]), ("sub",))]
