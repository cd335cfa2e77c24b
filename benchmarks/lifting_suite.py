"""Table for the ``lifting`` generalization family: ``benchmarks/family_suite.py lifting``.

    python3 benchmarks/lifting_suite.py [--liberty PATH] [--timeout S] [CASE ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from family_suite import main  # noqa: E402

if __name__ == "__main__":
    sys.argv[1:1] = ["lifting"]
    raise SystemExit(main())
