"""Child-process entry point: ``python -m rtlopt.bench._worker JOB.json RESULT.json``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rtlopt.bench._cases import BenchCase
from rtlopt.bench._run import BenchSettings, run_case_safely, write_json_atomic


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[0]).read_text())
    result = run_case_safely(BenchCase.from_dict(job["case"]), BenchSettings(**job["settings"]))
    write_json_atomic(Path(argv[1]), result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
