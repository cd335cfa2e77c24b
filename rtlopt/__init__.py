"""rtlopt: neuro-symbolic optimizer for Verilog/SystemVerilog RTL.

Rewrites are proven equivalent (Yosys + z3) and measured (Yosys synthesis, OpenSTA) before a user
ever sees them.
"""

import os as _os
import time as _time

#: when this process imported rtlopt (the CLI counts ``--budget`` from here: start-up is part of the run)
PROCESS_STARTED = _time.monotonic()

# numpy's BLAS (OpenBLAS) starts one thread per core and spins while they wait for each other: on a
# loaded machine one small least-squares fit (regfunc, 1024 x 129) then took seconds to minutes instead
# of 20 ms, inside one C call no time limit can interrupt. rtlopt's numpy work is small; its
# parallelism is its child processes. Set before numpy is first imported; a user's setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")
del _var

# every pyslang SyntaxTree / Compilation lives as long as the process: wrappers handed out by
# iteration and visit() do not keep them alive (a stale one aborts the process, see rtlopt._slanglife)
from rtlopt import _slanglife  # noqa: E402 - after the environment above

_slanglife.install_on_import()
del _slanglife

__version__ = "0.1.0"

__all__ = ["__version__"]
