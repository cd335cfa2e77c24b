"""Design features from the syntax tree: what is in an RTL text, as counts and as retrieval words.

Pure pyslang syntax analysis (no elaboration, no tools), so it works on any parseable text, also on
a rule's example code. :meth:`Features.phrases` turns the counts into short English phrases (the
vocabulary the rules are written in); they are the retrieval query of a design and the dispatcher's
evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pyslang import syntax

_K = syntax.SyntaxKind
_WS = re.compile(r"//[^\n]*|/\*.*?\*/|\s+", re.S)
_BIN = {
    "AddExpression": "+", "SubtractExpression": "-", "MultiplyExpression": "*", "DivideExpression": "/",
    "ModExpression": "%", "BinaryAndExpression": "&", "BinaryOrExpression": "|", "BinaryXorExpression": "^",
    "LogicalShiftLeftExpression": "<<", "LogicalShiftRightExpression": ">>",
    "ArithmeticShiftLeftExpression": "<<<", "ArithmeticShiftRightExpression": ">>>",
    "EqualityExpression": "==", "InequalityExpression": "!=", "LessThanExpression": "<",
    "LessThanEqualExpression": "<=", "GreaterThanExpression": ">", "GreaterThanEqualExpression": ">=",
    "LogicalAndExpression": "&&", "LogicalOrExpression": "||",
}
_COMMUTATIVE = {"+", "*", "&", "|", "^", "==", "!="}
_GATES = {"and", "or", "xor", "nand", "nor", "xnor", "not", "buf"}


def _norm(text: str) -> str:
    return _WS.sub("", text)


def _kind(node) -> str:
    return str(node.kind).rsplit(".", 1)[-1]


def _items(lst) -> list:
    """The nodes of a (separated) syntax list, without the separator tokens."""
    return [x for x in (lst or ()) if isinstance(x, syntax.SyntaxNode)]


def _literal_value(node) -> int | None:
    """Value of an integer literal expression (plain or sized), else None."""
    k = _kind(node)
    text = _norm(str(node))
    if k == "ParenthesizedExpression":
        return _literal_value(node.expression)
    if k not in ("IntegerLiteralExpression", "IntegerVectorExpression"):
        return None
    m = re.fullmatch(r"(?:\d*)'[sS]?([bBoOdDhH])([0-9a-fA-F_]+)|(\d[\d_]*)", text)
    if not m:
        return None
    if m.group(3):
        return int(m.group(3).replace("_", ""))
    base = {"b": 2, "o": 8, "d": 10, "h": 16}[m.group(1).lower()]
    try:
        return int(m.group(2).replace("_", ""), base)
    except ValueError:
        return None


@dataclass
class Features:
    """Counts of the constructs in a text, and derived observations.

    Attributes:
        modules: module names in declaration order.
        lines: source lines.
        ops: binary operator -> count.
        const_mults: multiplications with a literal operand, as (other operand text, constant).
        facts: derived observations (phrase keys, see :data:`PHRASES`) -> count.
        max_width: largest declared packed width.
        max_port_width: largest port width.
    """

    modules: list[str] = field(default_factory=list)
    lines: int = 0
    ops: Counter = field(default_factory=Counter)
    const_mults: list[tuple[str, int]] = field(default_factory=list)
    facts: Counter = field(default_factory=Counter)
    max_width: int = 1
    max_port_width: int = 1
    instances: int = 0
    always_ff: int = 0
    always_comb: int = 0
    syntax_errors: int = 0

    def has(self, key: str) -> bool:
        return self.facts.get(key, 0) > 0

    @property
    def arithmetic(self) -> int:
        return sum(self.ops[o] for o in ("+", "-", "*", "/", "%"))

    @property
    def muxes(self) -> int:
        return self.facts["ternary"] + self.facts["case"] + self.facts["if_else"] + self.facts["mux_instance"]

    def phrases(self) -> list[str]:
        """English phrases for every observation, strongest first (the retrieval query)."""
        out = []
        for key, n in sorted(self.facts.items(), key=lambda kv: (-PRIORITY.get(kv[0], 0), kv[0])):
            if n > 0 and key in PHRASES:
                out.append(PHRASES[key])
        return out

    def query(self, goal: str | None = None) -> str:
        """The retrieval query: the phrases, plus the goal."""
        parts = self.phrases()
        if goal and goal != "balanced":
            parts.append(f"reduce {goal}")
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {"modules": self.modules, "lines": self.lines, "ops": dict(self.ops),
                "const_mults": [list(c) for c in self.const_mults], "facts": dict(self.facts),
                "max_width": self.max_width, "max_port_width": self.max_port_width,
                "instances": self.instances, "always_ff": self.always_ff, "always_comb": self.always_comb}


#: Observation key -> phrase (written in the words designers and the rules use).
PHRASES: dict[str, str] = {
    "const_mult": "multiplication of a signal by a constant, strength reduction to shifts and adds",
    "multi_const_mult": "the same signal multiplied by several different constants",
    "mult": "multiplier",
    "pow2_divmod": "division or modulo by a power of two",
    "adder_chain": "long chain of additions, linear adder chain of many operands",
    "add_sub_mux": "adder and subtractor results selected by a mode signal",
    "op_in_mux_arms": "the same arithmetic operator in both arms of a multiplexer or if/else",
    "repeated_subexpr": "repeated identical subexpression computed more than once",
    "commuted_subexpr": "the same operands combined in different order, commutative and associative reordering",
    "literal_expr": "arithmetic on constant literals, constant expression",
    "identity_op": "operation with a neutral constant such as adding zero or multiplying by one",
    "const_wire": "wire driven by a constant value used in other expressions",
    "unused_signal": "signal that is assigned but never read, dead logic that drives no output",
    "unused_reg": "register or memory written but never read",
    "wide_internal": "internal signal much wider than the ports, oversized bit width truncated later",
    "ternary": "ternary conditional multiplexer",
    "ternary_chain": "nested ternary chain comparing one selector with constants",
    "if_chain": "priority if / else-if chain comparing one signal with different constants",
    "case": "case statement selecting among values",
    "mux_instance": "tree of 2:1 multiplexer module instances",
    "same_select": "several multiplexers controlled by the same select signal",
    "shared_mux_data": "multiplexers over the same data inputs with different select signals",
    "select_is_data": "a signal used both as multiplexer select and as data input",
    "const_mux_arm": "multiplexer with a constant input arm",
    "redundant_condition": "nested condition testing the same signal again, branch that can never be taken",
    "gate_primitives": "gate-level structural netlist of and/xor primitives, ripple-carry full adder cells",
    "full_adder": "hand-built full adder or half adder modules, structural adder or array multiplier",
    "partial_products": "partial products of an array multiplier summed in a chain",
    "fsm": "finite state machine with a state register and case on the state",
    "fsm_onehot": "one-hot encoded state machine state codes",
    "fsm_many_states": "state machine with many states, some possibly equivalent or redundant",
    "loop": "for loop",
    "adjacent_loops": "adjacent for loops with the same iteration bounds",
    "loop_accumulate": "loop-carried accumulation inside a for loop",
    "memory": "memory array (register file / RAM)",
    "several_memories": "several memory arrays with the same shape",
    "memory_const_bits": "memory storing data with constant zero bits",
    "memory_dup_write": "two memories written with the same data at the same address",
    "pipeline_regs": "pipeline registers feeding an adder, register stages before combinational logic",
    "regs_copy_only": "registers that only copy other registers or inputs, staging registers",
    "bool_logic": "bitwise boolean logic expression of and, or, xor terms",
    "comparison": "comparison with a constant",
    "concat": "concatenation of bit slices",
    "data_enable": "register loaded every cycle regardless of whether the value is used",
}
#: Stronger observations come first in the query.
PRIORITY: dict[str, int] = {
    "const_mult": 9, "multi_const_mult": 9, "pow2_divmod": 8, "adder_chain": 8, "add_sub_mux": 8,
    "op_in_mux_arms": 8, "repeated_subexpr": 8, "commuted_subexpr": 7, "literal_expr": 8, "identity_op": 8,
    "const_wire": 7, "unused_signal": 7, "unused_reg": 7, "wide_internal": 8, "ternary_chain": 7,
    "if_chain": 8, "mux_instance": 7, "same_select": 7, "shared_mux_data": 8, "select_is_data": 7,
    "const_mux_arm": 7, "redundant_condition": 8, "gate_primitives": 8, "full_adder": 8, "partial_products": 7,
    "fsm": 8, "fsm_onehot": 8, "fsm_many_states": 6, "adjacent_loops": 8, "loop_accumulate": 6,
    "several_memories": 7, "memory_const_bits": 8, "memory_dup_write": 8, "pipeline_regs": 6,
    "regs_copy_only": 5, "memory": 4, "loop": 4, "case": 3, "ternary": 3, "mult": 3, "bool_logic": 2,
    "comparison": 1, "concat": 1, "data_enable": 1,
}


class _Walker:
    def __init__(self, text: str, tree) -> None:
        self.text = text
        self.tree = tree
        self.f = Features()
        self.reads: Counter = Counter()
        self.writes: dict[str, str] = {}  # name -> "assign" | "comb" | "ff"
        self.ports: set[str] = set()
        self.decl_width: dict[str, int] = {}
        self.memories: dict[str, str] = {}
        self.sub_keys: Counter = Counter()
        self.sub_sets: dict[frozenset, set[str]] = {}
        self.mux_conns: list[dict[str, str]] = []
        self.module_names: set[str] = set()
        self.state_params: list[int] = []
        self.ff_rhs: dict[str, str] = {}
        self.lhs: Counter = Counter()
        self.add_terms: dict[str, set[str]] = {}
        self.inst_types: list[str] = []
        self.sel_uses: list[tuple[str, tuple[str, ...]]] = []

    # -------------------------------------------------------------- helpers
    def _width(self, dims_node) -> int:
        m = re.search(r"\[\s*(\d+)\s*:\s*(\d+)\s*\]", str(dims_node))
        if m:
            return abs(int(m.group(1)) - int(m.group(2))) + 1
        m = re.search(r"\[\s*(\w+)\s*-\s*1\s*:\s*0\s*\]", str(dims_node))
        return 0 if m else 1

    def run(self) -> Features:
        root = self.tree.root
        mods = [root] if root.kind == _K.ModuleDeclaration else [
            m for m in getattr(root, "members", ()) if m.kind == _K.ModuleDeclaration]
        for m in mods:
            self.module_names.add(m.header.name.valueText)
            self.f.modules.append(m.header.name.valueText)
        self._visit(root, ctx=None)
        self._finish()
        return self.f

    def _visit(self, node, ctx: str | None) -> None:
        stack = [(node, ctx)]
        while stack:
            n, c = stack.pop()
            if not isinstance(n, syntax.SyntaxNode):
                continue
            c = self._node(n, c)
            kids = [k for k in n if isinstance(k, syntax.SyntaxNode)]
            stack.extend((k, c) for k in reversed(kids))

    def _node(self, n, ctx):  # noqa: C901 - one dispatch on node kinds
        k = _kind(n)
        f = self.f
        if k in _BIN:
            op = _BIN[k]
            f.ops[op] += 1
            left, right = n.left, n.right
            lv, rv = _literal_value(left), _literal_value(right)
            if lv is not None and rv is not None and op in "+-*/%":
                f.facts["literal_expr"] += 1
            if op == "*" and (lv is None) != (rv is None):
                const = lv if lv is not None else rv
                other = _norm(str(right if lv is not None else left))
                if const in (0, 1):
                    f.facts["identity_op"] += 1
                elif const & (const - 1) == 0:
                    f.facts["const_mult"] += 1
                    f.const_mults.append((other, const))
                else:
                    f.facts["const_mult"] += 1
                    f.const_mults.append((other, const))
            elif op == "*" and lv is None and rv is None:
                f.facts["mult"] += 1
            if op in ("/", "%") and rv is not None and rv > 0 and rv & (rv - 1) == 0:
                f.facts["pow2_divmod"] += 1
            if op in ("+", "-", "|", "^", "<<", ">>") and rv == 0 and lv is None:
                f.facts["identity_op"] += 1
            if op == "+" and _kind(left) == "AddExpression" and _kind(getattr(left, "left", left)) == "AddExpression":
                f.facts["adder_chain"] += 1
            if op in ("&", "|", "^"):
                f.facts["bool_logic"] += 1
            if op in ("==", "!=", "<", ">", "<=", ">=") and (lv is not None or rv is not None):
                f.facts["comparison"] += 1
            if op in ("+", "*", "-", "&", "^") and lv is None and rv is None:
                a, b = _norm(str(left)), _norm(str(right))
                key = op + "|" + "|".join(sorted((a, b)) if op in _COMMUTATIVE else (a, b))
                self.sub_keys[key] += 1
                if op in _COMMUTATIVE:
                    self.sub_sets.setdefault(frozenset((op, a, b)), set()).add(a + op + b)
        elif k == "ConditionalExpression":
            f.facts["ternary"] += 1
            arms = (n.left, n.right)
            if any(_literal_value(a) is not None for a in arms):
                f.facts["const_mux_arm"] += 1
            if _kind(n.right) in ("ConditionalExpression", "ParenthesizedExpression") and "?" in str(n.right):
                f.facts["ternary_chain"] += 1
            kinds = {_kind(a) for a in arms}
            if len(kinds) == 1 and kinds & {"AddExpression", "SubtractExpression", "MultiplyExpression"}:
                f.facts["op_in_mux_arms"] += 1
            if kinds == {"AddExpression", "SubtractExpression"}:
                f.facts["add_sub_mux"] += 1
            pred = _norm(str(n.predicate))
            self._note_select(pred, [_norm(str(a)) for a in arms])
        elif k == "CaseStatement":
            f.facts["case"] += 1
        elif k == "ConditionalStatement":
            self._if(n)
        elif k == "ForLoopStatement":
            f.facts["loop"] += 1
            body = _norm(str(n.statement))
            if re.search(r"(\w+)=\1\+", body) or re.search(r"(\w+)<=\1\+", body):
                f.facts["loop_accumulate"] += 1
        elif k in ("SequentialBlockStatement",):
            self._adjacent_loops(n)
        elif k == "AlwaysBlock" or k in ("AlwaysFFBlock", "AlwaysCombBlock"):
            body = str(n)
            if re.search(r"@\s*\(\s*(posedge|negedge)", body) or k == "AlwaysFFBlock":
                f.always_ff += 1
                ctx = "ff"
            else:
                f.always_comb += 1
                ctx = "comb"
        elif k == "ContinuousAssign":
            ctx = "assign"
        elif k in ("AssignmentExpression", "NonblockingAssignmentExpression"):
            lhs = _norm(str(n.left))
            name = re.match(r"[A-Za-z_]\w*", lhs)
            if name:
                self.lhs[name.group(0)] += 1
                self.writes.setdefault(name.group(0), ctx or "comb")
                if ctx == "ff":
                    self.ff_rhs[name.group(0)] = _norm(str(n.right))
                if ctx == "assign" and _literal_value(n.right) is not None:
                    f.facts["const_wire"] += 1
                if _kind(n.right) == "AddExpression":
                    self.add_terms[name.group(0)] = set(re.findall(r"[A-Za-z_]\w*", _norm(str(n.right))))
        elif k in ("ImplicitAnsiPort", "PortDeclaration"):
            w = self._width(n)
            f.max_port_width = max(f.max_port_width, w)
            for d in _items(getattr(n, "declarators", ())):
                self.ports.add(d.name.valueText)
            if k == "ImplicitAnsiPort":
                self.ports.add(n.declarator.name.valueText)
        elif k in ("DataDeclaration", "NetDeclaration"):
            w = self._width(getattr(n, "type", n))
            f.max_width = max(f.max_width, w)
            for d in _items(n.declarators):
                name = d.name.valueText
                self.decl_width[name] = w
                if len(d.dimensions) > 0:
                    self.memories[name] = _norm(str(getattr(n, "type", ""))) + _norm(str(d.dimensions))
        elif k == "ParameterDeclaration":
            for d in _items(getattr(n, "declarators", ())):
                v = _literal_value(d.initializer.expr) if d.initializer is not None else None
                if v is not None:
                    self.state_params.append(v)
        elif k == "HierarchyInstantiation":
            mod = n.type.valueText
            self.inst_types.append(mod)
            f.instances += 1
            if mod in _GATES:
                f.facts["gate_primitives"] += 1
            for inst in _items(n.instances):
                conns = {}
                for i, c in enumerate(_items(getattr(inst, "connections", ()))):
                    ck = _kind(c)
                    if ck == "NamedPortConnection":
                        conns[c.name.valueText] = _norm(str(c.expr)) if c.expr is not None else ""
                    elif ck == "OrderedPortConnection":
                        conns[str(i)] = _norm(str(c.expr))
                if "mux" in mod.lower():
                    f.facts["mux_instance"] += 1
                    self.mux_conns.append(conns)
                if re.search(r"full_?adder|half_?adder|\bfa\b|\bha\b", mod.lower()):
                    f.facts["full_adder"] += 1
            return ctx
        elif k in ("IdentifierName", "IdentifierSelectName"):
            self.reads[n.identifier.valueText] += 1
        elif k == "ConcatenationExpression":
            f.facts["concat"] += 1
        return ctx

    def _note_select(self, sel: str, data: list[str]) -> None:
        self.sel_uses.append((sel, tuple(data)))

    def _if(self, n) -> None:
        """Priority chains on one signal and nested re-tests of the same condition."""
        conds = []
        cur = n
        while cur is not None and _kind(cur) == "ConditionalStatement":
            conds.append(_norm(str(cur.predicate)))
            ec = cur.elseClause
            nxt = ec.clause if ec is not None else None
            if ec is not None:
                self.f.facts["if_else"] += 1
            cur = nxt if nxt is not None and _kind(nxt) == "ConditionalStatement" else None
        subjects = [re.match(r"\(?([A-Za-z_]\w*)==", c) for c in conds]
        if len(conds) >= 3 and all(subjects) and len({s.group(1) for s in subjects}) == 1:
            self.f.facts["if_chain"] += 1
        # a nested if that tests a signal the enclosing condition already decided
        pred = _norm(str(n.predicate)).strip("()")
        inner = str(n.statement) + (str(n.elseClause) if n.elseClause is not None else "")
        if re.fullmatch(r"[A-Za-z_]\w*", pred) and re.search(r"\bif\s*\(\s*[^)]*\b" + re.escape(pred) + r"\b", inner):
            self.f.facts["redundant_condition"] += 1
        thn = _norm(str(n.statement))
        els = _norm(str(n.elseClause.clause)) if n.elseClause is not None else ""
        pat = r"([A-Za-z_]\w*)(<?=)[A-Za-z_]\w*([+\-*])[A-Za-z_]\w*;"
        m1, m2 = re.search(pat, thn), re.search(pat, els)
        if m1 and m2 and m1.group(1) == m2.group(1):
            if m1.group(3) == m2.group(3):
                self.f.facts["op_in_mux_arms"] += 1
            elif {m1.group(3), m2.group(3)} == {"+", "-"}:
                self.f.facts["add_sub_mux"] += 1

    def _adjacent_loops(self, block) -> None:
        prev = None
        for item in _items(getattr(block, "items", ())):
            if _kind(item) == "ForLoopStatement":
                hdr = _norm(str(item.initializers)) + _norm(str(item.stopExpr))
                if prev is not None and hdr == prev:
                    self.f.facts["adjacent_loops"] += 1
                prev = hdr
            else:
                prev = None

    def _finish(self) -> None:
        f = self.f
        f.lines = self.text.count("\n") + 1
        if any(n > 1 for n in self.sub_keys.values()):
            f.facts["repeated_subexpr"] += sum(1 for n in self.sub_keys.values() if n > 1)
        if any(len(v) > 1 for v in self.sub_sets.values()):
            f.facts["commuted_subexpr"] += 1
        def depth(name: str, seen: frozenset = frozenset()) -> int:
            terms = self.add_terms.get(name)
            if not terms or name in seen:
                return 0
            return 1 + max((depth(t, seen | {name}) for t in terms), default=0)

        if any(depth(n) >= 3 for n in self.add_terms):
            f.facts["adder_chain"] += 1
        mods = " ".join(self.inst_types).lower()
        if "add" in mods and "sub" in mods and f.facts["ternary"]:
            f.facts["add_sub_mux"] += 1
        by_operand = Counter(o for o, _c in f.const_mults)
        if any(n > 1 for n in by_operand.values()):
            f.facts["multi_const_mult"] += 1
        # signals written but never read (not ports, not module names)
        for name, how in self.writes.items():
            if name in self.ports or self.reads.get(name, 0) - self.lhs.get(name, 0) > 0:
                continue
            f.facts["unused_reg" if how == "ff" or name in self.memories else "unused_signal"] += 1
        for name, w in self.decl_width.items():
            if name not in self.ports and w >= 2 * max(f.max_port_width, 8) and w >= 24:
                f.facts["wide_internal"] += 1
        if len(self.memories) >= 1:
            f.facts["memory"] += len(self.memories)
        shapes = Counter(self.memories.values())
        if any(n > 1 for n in shapes.values()):
            f.facts["several_memories"] += 1
            txt = _norm(self.text)
            for a in self.memories:
                for b in self.memories:
                    if a < b and re.search(rf"{a}\[(\w+)\]<=(\w+);{b}\[\1\]<=\2;", txt):
                        f.facts["memory_dup_write"] += 1
        if re.search(r"\{[^{}]*,\s*\d*'[bdh]0+\s*\}", self.text) and self.memories:
            f.facts["memory_const_bits"] += 1
        # registers that only copy a register/input (staging) and registers feeding arithmetic
        copies = [n for n, r in self.ff_rhs.items() if re.fullmatch(r"[A-Za-z_]\w*(\[\w+\])?", r)]
        if len(copies) >= 2:
            f.facts["regs_copy_only"] += 1
            if any(re.search(rf"\b{c}\b", r) and ("+" in r or "*" in r) for c in copies for r in self.ff_rhs.values()):
                f.facts["pipeline_regs"] += 1
        # state machines: a register compared in a case against several parameters
        txt = _norm(self.text)
        for m in re.finditer(r"case\((\w+)\)", txt):
            reg = m.group(1)
            looks_like_state = re.search(r"state", reg, re.I) or (re.search(rf"{reg}<=\w+;", txt)
                                                                   and self.state_params)
            if looks_like_state and (reg in self.ff_rhs or re.search(rf"{reg}<=", txt)):
                f.facts["fsm"] = 1
        if f.facts["fsm"]:
            vals = [v for v in self.state_params if v > 0]
            if len(vals) >= 3 and all(v & (v - 1) == 0 for v in vals):
                f.facts["fsm_onehot"] += 1
            if len(self.state_params) >= 5:
                f.facts["fsm_many_states"] += 1
        # multiplexer structure (ternaries and mux instances)
        sels = list(self.sel_uses)
        for c in self.mux_conns:
            sel = c.get("sel") or c.get("s") or c.get("2", "")
            data = tuple(v for k, v in sorted(c.items()) if k not in ("sel", "s", "out", "y", "2", "3"))
            sels.append((sel, data))
            if any(_literal_value_text(v) for v in data):
                f.facts["const_mux_arm"] += 1
        sel_count = Counter(s for s, _d in sels if s)
        if any(n > 1 for n in sel_count.values()):
            f.facts["same_select"] += 1
        data_count = Counter(frozenset(d) for _s, d in sels if len(d) >= 2)
        if any(n > 1 for n in data_count.values()):
            f.facts["shared_mux_data"] += 1
        if any(s in d for s, d in sels if s):
            f.facts["select_is_data"] += 1
        if f.facts["full_adder"] and re.search(r"\bp\[|partial", self.text):
            f.facts["partial_products"] += 1
        if re.search(r"partial_products?\[", self.text):
            f.facts["partial_products"] += 1
        if f.always_ff and len(self.ff_rhs) >= 3 and not f.facts["fsm"]:
            f.facts["data_enable"] += 1


def _literal_value_text(text: str) -> bool:
    return bool(re.fullmatch(r"\d+|\d*'[sS]?[bBoOdDhH][0-9a-fA-F_]+", text))


def extract_features(text: str, name: str = "design.v") -> Features:
    """Features of one HDL text (any number of modules). Unparseable text gives mostly empty counts."""
    tree = syntax.SyntaxTree.fromText(text, name)
    w = _Walker(text, tree)
    feats = w.run()
    feats.syntax_errors = sum(1 for d in tree.diagnostics if d.isError())
    return feats
