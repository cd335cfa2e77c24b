"""Rule library: schema validation, rule packs, search, and the ``rtlopt rules`` command."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from rtlopt.cli import main
from rtlopt.design import open_design
from rtlopt.errors import ExitCode, InputError
from rtlopt.rules import (
    CATEGORIES,
    ENV_VAR,
    OBJECTIVES,
    builtin_rules_dir,
    default_packs,
    known_template_ids,
    load_rules,
    tokenize,
)

ROOT = Path(__file__).resolve().parent.parent

GOOD = {
    "name": "my_rule",
    "category": "logic",
    "title": "A test rule",
    "detects": "Something specific.\n",
    "rewrite": "Something better.\n",
    "objectives": ["area"],
    "preconditions": ["Always."],
    "template": None,
    "tags": ["test"],
    "examples": [{
        "top": "t",
        "before": "module t(input a, output y);\n  assign y = ~~a;\nendmodule\n",
        "after": "module t(input a, output y);\n  assign y = a;\nendmodule\n",
        "sequential": False,
    }],
}


def write_rule(pack: Path, data: dict, *, category: str | None = None, stem: str | None = None) -> Path:
    d = pack / (category or data.get("category", "logic"))
    d.mkdir(parents=True, exist_ok=True)
    p = d / f"{stem or data['name']}.yaml"
    p.write_text(yaml.safe_dump(data, sort_keys=False))
    return p


def rule(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    for k, v in changes.items():
        if v is ...:
            data.pop(k)
        else:
            data[k] = v
    return data


@pytest.fixture(scope="module")
def lib():
    return load_rules()


# --------------------------------------------------------------------------- the built-in library

def test_builtin_library_is_large_and_covers_every_family(lib):
    assert builtin_rules_dir() == ROOT / "rules"
    assert len(lib) >= 30
    cats = lib.by_category()
    assert set(cats) == set(CATEGORIES), f"categories without rules: {set(CATEGORIES) - set(cats)}"
    assert len(lib.get("fsm_state_minimization").examples) >= 1
    fsm = {r.name for r in cats["fsm"]}
    assert {"fsm_state_minimization", "fsm_reencode_binary", "fsm_reencode_gray", "fsm_reencode_onehot",
            "fsm_dont_care_merging"} <= fsm
    assert all(r.template is None for r in cats["fsm"])


def test_every_rule_file_is_in_its_category_directory_and_named_by_stem(lib):
    for r in lib:
        assert r.source is not None
        assert r.source.parent.name == r.category
        assert r.source.stem == r.name
        assert set(r.objectives) <= set(OBJECTIVES)
        assert len(r.detects) > 80 and len(r.rewrite) > 80, f"{r.name}: detects/rewrite too short to retrieve"


def test_template_fields_name_existing_templates(lib):
    known = known_template_ids()
    if known is None:
        pytest.skip("rtlopt.templates not present")
    named = {r.template for r in lib if r.template}
    assert named <= known
    # every template implements a rule of the same name
    assert known <= set(lib.names()), f"templates without a rule: {known - set(lib.names())}"
    for r in lib:
        if r.template:
            assert r.template == r.name
        if r.name in known:
            assert r.template == r.name, f"{r.name}: a template with this id exists; set 'template: {r.name}'"


def test_every_example_parses_with_pyslang(lib, tmp_path):
    n = 0
    for r in lib:
        for i, ex in enumerate(r.examples):
            for side in ("before", "after"):
                f = tmp_path / f"{r.name}_{i}_{side}.v"
                f.write_text(getattr(ex, side))
                ref = open_design(f, ex.top)
                assert ref.top == ex.top
                n += 1
    assert n >= 2 * len(lib)


def test_examples_keep_the_same_ports(lib, tmp_path):
    for r in lib:
        for i, ex in enumerate(r.examples):
            ports = []
            for side in ("before", "after"):
                f = tmp_path / f"{r.name}_{i}_{side}.v"
                f.write_text(getattr(ex, side))
                mod = open_design(f, ex.top).parsed.modules[ex.top]
                ports.append(sorted((p.name, p.direction) for p in mod.ports))
            assert ports[0] == ports[1], f"{r.name} example {i}: ports differ"


def test_content_hash_is_stable_and_tracks_content(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, rule())
    h1 = load_rules([pack], templates=None).content_hash()
    assert h1 == load_rules([pack], templates=None).content_hash()
    # moving the pack does not change the hash (paths are not content)
    moved = tmp_path / "elsewhere"
    pack.rename(moved)
    assert load_rules([moved], templates=None).content_hash() == h1
    write_rule(moved, rule(title="A changed title"))
    assert load_rules([moved], templates=None).content_hash() != h1


def test_builtin_hash_is_a_sha256(lib):
    h = lib.content_hash()
    assert len(h) == 64 and int(h, 16) >= 0
    assert h == load_rules().content_hash()


# --------------------------------------------------------------------------- schema validation

@pytest.mark.parametrize("changes,needle", [
    ({"title": ...}, "field 'title': missing"),
    ({"examples": ...}, "field 'examples': missing"),
    ({"template": ...}, "field 'template': missing"),
    ({"category": "muxes"}, "field 'category': 'muxes' is not one of"),
    ({"objectives": ["speed"]}, "field 'objectives': 'speed' is not one of"),
    ({"objectives": []}, "field 'objectives': must not be empty"),
    ({"preconditions": "always"}, "field 'preconditions': must be a list"),
    ({"tags": ["Has Space"]}, "field 'tags'"),
    ({"examples": []}, "field 'examples': must be a list with at least one example"),
    ({"colour": "red"}, "field 'colour': unknown field"),
    ({"template": 3}, "field 'template'"),
    ({"override": "yes"}, "field 'override'"),
    ({"title": "two\nlines"}, "field 'title': must be a single line"),
])
def test_schema_errors_name_file_and_field(tmp_path, changes, needle):
    pack = tmp_path / "pack"
    data = rule(**changes)
    p = write_rule(pack, data, category="logic")
    with pytest.raises(InputError) as exc:
        load_rules([pack], templates=None)
    assert needle in str(exc.value)
    assert exc.value.file == str(p.resolve())
    assert exc.value.exit_code == ExitCode.USAGE


@pytest.mark.parametrize("example_changes,needle", [
    ({"top": "not a name"}, "examples[0].top"),
    ({"top": "other"}, "examples[0].before': does not declare module 'other'"),
    ({"after": ""}, "examples[0].after'"),
    ({"sequential": "no"}, "examples[0].sequential'"),
    ({"clock": "clk"}, "examples[0].clock': unknown field"),
])
def test_example_errors(tmp_path, example_changes, needle):
    ex = dict(GOOD["examples"][0], **example_changes)
    pack = tmp_path / "pack"
    write_rule(pack, rule(examples=[ex]))
    with pytest.raises(InputError, match=needle.replace("[", r"\[").replace("]", r"\]")):
        load_rules([pack], templates=None)


def test_identical_before_and_after_is_refused(tmp_path):
    ex = dict(GOOD["examples"][0])
    ex["after"] = ex["before"]
    pack = tmp_path / "pack"
    write_rule(pack, rule(examples=[ex]))
    with pytest.raises(InputError, match="before and after are identical"):
        load_rules([pack], templates=None)


def test_name_must_match_file_stem_and_be_snake_case(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, rule(), stem="other_name")
    with pytest.raises(InputError, match="must equal the file name stem 'other_name'"):
        load_rules([pack], templates=None)
    pack2 = tmp_path / "pack2"
    write_rule(pack2, rule(name="BadName"), stem="BadName")
    with pytest.raises(InputError, match="field 'name': must be snake_case"):
        load_rules([pack2], templates=None)


def test_category_must_match_directory(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, rule(category="mux"), category="logic")
    with pytest.raises(InputError, match="'mux' but the file is in the 'logic' directory"):
        load_rules([pack], templates=None)


def test_duplicate_name_within_a_pack(tmp_path):
    pack = tmp_path / "pack"
    write_rule(pack, rule())
    (pack / "extra").mkdir()
    (pack / "extra" / "my_rule.yml").write_text(yaml.safe_dump(rule()))
    with pytest.raises(InputError, match="duplicate rule name 'my_rule'"):
        load_rules([pack], templates=None)


def test_unknown_template_id_is_an_error_with_a_suggestion(tmp_path):
    pack = tmp_path / "pack"
    p = write_rule(pack, rule(template="constant_foldin"))
    with pytest.raises(InputError) as exc:
        load_rules([pack], templates={"constant_folding", "dead_code_elimination"})
    msg = str(exc.value)
    assert "field 'template': no template with id 'constant_foldin'" in msg
    assert "did you mean constant_folding" in msg
    assert exc.value.file == str(p.resolve())
    # the same rule is fine when the template exists, or when the check is skipped
    assert load_rules([pack], templates={"constant_foldin"}).get("my_rule").template == "constant_foldin"
    assert len(load_rules([pack], templates=None)) == 1


def test_default_template_check_uses_the_template_registry(tmp_path):
    if known_template_ids() is None:
        pytest.skip("rtlopt.templates not present")
    pack = tmp_path / "pack"
    write_rule(pack, rule(template="no_such_template_anywhere"))
    with pytest.raises(InputError, match="no template with id 'no_such_template_anywhere'"):
        load_rules([pack])


def test_yaml_syntax_error_has_a_line(tmp_path):
    d = tmp_path / "pack" / "logic"
    d.mkdir(parents=True)
    p = d / "broken.yaml"
    p.write_text("name: broken\ncategory: logic\ntitle: [unclosed\n")
    with pytest.raises(InputError) as exc:
        load_rules([tmp_path / "pack"], templates=None)
    assert "YAML syntax error" in str(exc.value)
    assert exc.value.line is not None and exc.value.line >= 3


def test_empty_and_non_mapping_files(tmp_path):
    d = tmp_path / "pack" / "logic"
    d.mkdir(parents=True)
    (d / "empty.yaml").write_text("\n")
    with pytest.raises(InputError, match="empty rule file"):
        load_rules([tmp_path / "pack"], templates=None)
    (d / "empty.yaml").write_text("- a\n- b\n")
    with pytest.raises(InputError, match="must be a YAML mapping"):
        load_rules([tmp_path / "pack"], templates=None)


def test_missing_pack_directory(tmp_path):
    with pytest.raises(InputError, match="rule pack directory does not exist"):
        load_rules([tmp_path / "nope"], templates=None)


# --------------------------------------------------------------------------- rule packs

def test_user_pack_from_env_var(tmp_path, monkeypatch):
    pack = tmp_path / "userpack"
    write_rule(pack, rule(name="user_only_rule"), stem="user_only_rule")
    monkeypatch.setenv(ENV_VAR, str(pack))
    monkeypatch.chdir(tmp_path)
    lib = load_rules()
    assert "user_only_rule" in lib
    assert "constant_folding" in lib
    assert lib.get("user_only_rule").pack == f"${ENV_VAR}"
    assert [p.label for p in default_packs()][:2] == ["builtin", f"${ENV_VAR}"]


def test_env_var_with_several_directories(tmp_path, monkeypatch):
    import os
    a, b = tmp_path / "a", tmp_path / "b"
    write_rule(a, rule(name="rule_a"), stem="rule_a")
    write_rule(b, rule(name="rule_b"), stem="rule_b")
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(a), "", str(b)]))
    monkeypatch.chdir(tmp_path)
    lib = load_rules()
    assert {"rule_a", "rule_b"} <= set(lib.names())


def test_user_pack_cannot_silently_override_builtin(tmp_path, monkeypatch):
    pack = tmp_path / "userpack"
    builtin = load_rules().get("constant_folding")
    data = rule(name="constant_folding", category="dataflow", template=builtin.template)
    write_rule(pack, data)
    monkeypatch.setenv(ENV_VAR, str(pack))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="rule 'constant_folding' is already defined by .*override: true"):
        load_rules()
    data["override"] = True
    write_rule(pack, data)
    lib = load_rules()
    assert lib.get("constant_folding").title == "A test rule"
    assert lib.get("constant_folding").pack == f"${ENV_VAR}"


def test_user_pack_from_pyproject_and_rtlopt_toml(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    proj = tmp_path / "proj"
    sub = proj / "src" / "deep"
    sub.mkdir(parents=True)
    write_rule(proj / "myrules", rule(name="from_pyproject"), stem="from_pyproject")
    (proj / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.rtlopt]\nrule_paths = ["myrules"]\n')
    monkeypatch.chdir(sub)
    assert "from_pyproject" in load_rules()
    # a nearer .rtlopt.toml wins
    write_rule(proj / "src" / "other", rule(name="from_rtlopt_toml"), stem="from_rtlopt_toml")
    (proj / "src" / ".rtlopt.toml").write_text('rule_paths = ["other"]\n')
    lib = load_rules()
    assert "from_rtlopt_toml" in lib and "from_pyproject" not in lib


def test_bad_config_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    (tmp_path / ".rtlopt.toml").write_text("rule_paths = 3\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="'rule_paths' must be a list"):
        load_rules()
    (tmp_path / ".rtlopt.toml").write_text("rule_paths = [\n")
    with pytest.raises(InputError, match="cannot read configuration"):
        load_rules()


def test_entry_point_packs(tmp_path, monkeypatch):
    from importlib import metadata

    import rtlopt.rules._library as library

    pack = tmp_path / "eppack"
    write_rule(pack, rule(name="from_entry_point"), stem="from_entry_point")
    mod = tmp_path / "my_rtlopt_plugin.py"
    mod.write_text(f"def rules_dir():\n    return {str(pack)!r}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    ep = metadata.EntryPoint(name="myplugin", value="my_rtlopt_plugin:rules_dir", group="rtlopt.rules")
    monkeypatch.setattr(library.metadata, "entry_points",
                        lambda group=None: [ep] if group == "rtlopt.rules" else [])
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    lib = load_rules()
    assert lib.get("from_entry_point").pack == "entry point myplugin"
    broken = metadata.EntryPoint(name="broken", value="no_such_module_xyz:f", group="rtlopt.rules")
    monkeypatch.setattr(library.metadata, "entry_points",
                        lambda group=None: [broken] if group == "rtlopt.rules" else [])
    with pytest.raises(InputError, match="rule pack entry point 'broken'"):
        load_rules()


# --------------------------------------------------------------------------- library API

def test_get_unknown_rule_lists_close_matches(lib):
    with pytest.raises(InputError, match="unknown rule 'const_mult_to_shift'; did you mean const_mult_to_shift_add"):
        lib.get("const_mult_to_shift")
    with pytest.raises(InputError, match="see 'rtlopt rules list'"):
        lib.get("zzzzzz")


def test_filter_and_by_category(lib):
    fsm_power = lib.filter(category="fsm", objective="power")
    assert fsm_power and all(r.category == "fsm" and "power" in r.objectives for r in fsm_power)
    assert sum(len(v) for v in lib.by_category().values()) == len(lib)
    with pytest.raises(InputError, match="unknown category"):
        lib.filter(category="nope")
    with pytest.raises(InputError, match="unknown objective"):
        lib.filter(objective="speed")


@pytest.mark.parametrize("query,expected", [
    ("multiply by a constant coefficient with shifts and adds", "const_mult_to_shift_add"),
    ("same adder in both branches of an if else resource sharing", "operator_sharing_across_mux"),
    ("if else if chain comparing one signal with constants", "priority_to_parallel_case"),
    ("one-hot encoded state machine uses too many flip-flops", "fsm_reencode_binary"),
    ("two memories written with identical data", "duplicate_memory_merge"),
    ("ripple carry adder built from full_adder instances", "structural_adder_to_operator"),
    ("128-bit register holds a 9-bit sum", "bitwidth_reduction"),
    ("sum of four inputs balanced tree for delay", "adder_chain_to_tree"),
    ("equivalent states in a finite state machine", "fsm_state_minimization"),
])
def test_search_finds_the_right_rule_first(lib, query, expected):
    hits = lib.search(query)
    assert hits, query
    assert hits[0][0].name == expected, [(r.name, round(s, 3)) for r, s in hits[:5]]
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_search_cutoff_filters_and_empty_query(lib):
    assert lib.search("zebra giraffe") == []
    assert lib.search("") == []
    some = lib.search("mux", min_score=0.0)
    fewer = lib.search("mux", min_score=0.5)
    assert len(fewer) < len(some)
    assert all(s >= 0.5 for _, s in fewer)
    only_fsm = lib.search("state encoding", category="fsm", min_score=0.0)
    assert only_fsm and all(r.category == "fsm" for r, _ in only_fsm)
    only_delay = lib.search("adder", objective="delay", min_score=0.0)
    assert only_delay and all("delay" in r.objectives for r, _ in only_delay)


def test_tokenize_folds_forms():
    assert tokenize("Sharing shared share") == ["shar", "shar", "shar"]
    assert tokenize("multiplier multiplication mult") == ["multiply"] * 3
    assert "the" not in tokenize("the mux")
    assert tokenize("adder_chain_to_tree") == ["adder", "chain", "tree"]
    assert "onehot" in tokenize("one-hot encoding")


# --------------------------------------------------------------------------- CLI

def test_cli_list(capsys, lib):
    assert main(["rules", "list"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "CATEGORY", "OBJECTIVES", "TEMPLATE", "TITLE"]
    assert f"{len(lib)} of {len(lib)} rules" in out
    row = next(ln for ln in lines if ln.startswith("fsm_reencode_gray "))
    assert row.split()[1:4] == ["fsm", "power", "-"]
    row = next(ln for ln in lines if ln.startswith("const_mult_to_shift_add "))
    assert row.split()[1] == "datapath"


def test_cli_list_filters_and_json(capsys):
    assert main(["rules", "list", "--category", "mux", "--objective", "delay", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rules"] and all(r["category"] == "mux" and "delay" in r["objectives"] for r in data["rules"])
    assert len(data["content_hash"]) == 64
    assert set(data["rules"][0]) >= {"name", "category", "objectives", "template", "title"}


def test_cli_list_bad_category_is_usage_error(capsys):
    assert main(["rules", "list", "--category", "nope"]) == ExitCode.USAGE
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_cli_show_text_and_json(capsys, lib):
    assert main(["rules", "show", "const_mult_to_shift_add"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("const_mult_to_shift_add: ")
    for needle in ("Detects:", "Rewrite:", "Preconditions:", "Example 1 (top sr, combinational)", "before:",
                   "after:", "(c << 3) + c"):
        assert needle in out
    assert main(["rules", "show", "fsm_reencode_gray", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    r = lib.get("fsm_reencode_gray")
    assert data["name"] == r.name and data["template"] is None
    assert data["examples"][0]["sequential"] is True
    assert data["examples"][0]["before"] == r.examples[0].before


def test_cli_show_unknown_rule_exits_2_with_suggestions(capsys):
    assert main(["rules", "show", "fsm_state_minimisation"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "unknown rule 'fsm_state_minimisation'" in err
    assert "fsm_state_minimization" in err
    assert len(err.strip().splitlines()) == 1


def test_cli_search_text_and_json(capsys):
    assert main(["rules", "search", "constant multiplication shift add"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["SCORE", "NAME"]
    assert lines[1].split()[1] == "const_mult_to_shift_add"
    float(lines[1].split()[0])
    assert main(["rules", "search", "state encoding", "--category", "fsm", "--json", "--min-score", "0.1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"] and all(r["category"] == "fsm" for r in data["results"])
    assert all(r["score"] >= 0.1 for r in data["results"])


def test_cli_search_no_match_and_bad_cutoff(capsys):
    assert main(["rules", "search", "zebra giraffe"]) == 0
    assert "no rule scores at least" in capsys.readouterr().out
    assert main(["rules", "search", "mux", "--min-score", "2"]) == ExitCode.USAGE
    assert "--min-score must be between 0 and 1" in capsys.readouterr().err


def test_cli_rules_without_action_prints_help(capsys):
    assert main(["rules"]) == ExitCode.USAGE
    assert "list" in capsys.readouterr().out


def test_cli_reports_invalid_user_pack(tmp_path, monkeypatch, capsys):
    pack = tmp_path / "bad"
    write_rule(pack, rule(category="nonsense"), category="logic")
    monkeypatch.setenv(ENV_VAR, str(pack))
    monkeypatch.chdir(tmp_path)
    assert main(["rules", "list"]) == ExitCode.USAGE
    err = capsys.readouterr().err
    assert "my_rule.yaml: field 'category': 'nonsense' is not one of" in err


def test_rule_text_is_specific_enough_for_retrieval(lib):
    """Each rule's text mentions concrete Verilog constructs (operators, keywords), not just prose."""
    constructs = ("assign", "case", "always", "<=", "?", "*", "+", "[", "{", "module", "reg", "for", "==")
    for r in lib:
        text = r.detects + r.rewrite
        assert sum(c in text for c in constructs) >= 2, r.name
        assert textwrap.dedent(r.detects).strip()


def test_every_semantic_generator_reports_a_rule_of_the_library(lib):
    """A generator's RULE is what reports and `rtlopt rules show` name: it must exist in the library."""
    import re
    from pathlib import Path

    import rtlopt.semantic as sem

    names = {m.group(1) for p in Path(sem.__file__).parent.glob("*.py")
             for m in re.finditer(r'^RULE\s*=\s*"([a-z0-9_]+)"', p.read_text(), re.M)}
    assert len(names) > 20
    known = {r.name for r in lib}
    missing = sorted(names - known)
    assert not missing, f"generator rules missing from the library: {missing}"
