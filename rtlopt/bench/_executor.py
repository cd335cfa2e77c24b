"""Running many cases: locally in parallel child processes, or on a Dask cluster.

Each case runs in its own child process (``python -m rtlopt.bench._worker``) with a wall-clock
limit; a case over its limit is killed and recorded as ``timeout``. Results are written one JSON
file per case as they finish, so an interrupted batch resumes where it stopped.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import asdict
from pathlib import Path

from rtlopt.bench._cases import BenchCase
from rtlopt.bench._run import BenchSettings, write_json_atomic
from rtlopt.errors import InputError, ToolNotFound
from rtlopt.tools.base import forget_child, kill_group, popen_child


def run_in_child(case_dict: dict, settings_dict: dict, timeout_s: float) -> dict:
    """Run one case in a fresh Python process; kill it (and its process group) after ``timeout_s``.

    Takes and returns plain dicts so that it can be shipped to Dask workers.
    """
    with tempfile.TemporaryDirectory(prefix="rtlopt-bench-") as tmp:
        job, result = Path(tmp) / "job.json", Path(tmp) / "result.json"
        job.write_text(json.dumps({"case": case_dict, "settings": settings_dict}))
        t0 = time.monotonic()
        # own process group, dies with rtlopt, killed by rtlopt's SIGINT/SIGTERM handler
        proc = popen_child([sys.executable, "-m", "rtlopt.bench._worker", str(job), str(result)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _, err = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            proc.communicate()
            return {"case": f"{case_dict['suite']}/{case_dict['case']}", "suite": case_dict["suite"],
                    "name": case_dict["case"], "rows": [], "status": "timeout",
                    "error": f"case exceeded its limit of {timeout_s:g} s", "seconds": time.monotonic() - t0,
                    "settings": BenchSettings(**settings_dict).fingerprint()}
        except BaseException:
            kill_group(proc)
            raise
        finally:
            forget_child(proc)
        if result.exists():
            return json.loads(result.read_text())
        return {"case": f"{case_dict['suite']}/{case_dict['case']}", "suite": case_dict["suite"],
                "name": case_dict["case"], "rows": [], "status": "crash",
                "error": f"worker exited {proc.returncode}: {(err or '').strip().splitlines()[-1:] or ''}",
                "settings": BenchSettings(**settings_dict).fingerprint()}


def case_file(out_dir: Path, case: BenchCase) -> Path:
    return out_dir / "cases" / (re.sub(r"[^A-Za-z0-9_.-]+", "__", case.key) + ".json")


def finished(out_dir: Path, case: BenchCase, settings: BenchSettings) -> dict | None:
    """The stored result of ``case`` if it was run with the same settings and did not crash."""
    p = case_file(out_dir, case)
    if not p.exists():
        return None
    try:
        data = json.loads(p.read_text())
    except ValueError:
        return None
    if data.get("settings") != settings.fingerprint() or data.get("status") == "crash":
        return None
    return data


def run_cases(cases: Iterable[BenchCase], settings: BenchSettings, out_dir: Path, *, jobs: int = 2,
              executor: str = "local", scheduler: str | None = None, redo: bool = False,
              on_done: Callable[[dict, bool], None] | None = None) -> list[dict]:
    """Run every case not already finished; return all results in case order.

    ``on_done(result, resumed)`` is called as each case finishes (for progress output).
    """
    cases = list(cases)
    (out_dir / "cases").mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    todo = []
    for c in cases:
        old = None if redo else finished(out_dir, c, settings)
        if old is not None:
            results[c.key] = old
            if on_done:
                on_done(old, True)
        else:
            todo.append(c)

    def store(case: BenchCase, res: dict) -> None:
        write_json_atomic(case_file(out_dir, case), res)
        results[case.key] = res
        if on_done:
            on_done(res, False)

    sdict = asdict(settings)
    if executor == "local":
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futs = {pool.submit(run_in_child, c.to_dict(), sdict, settings.case_timeout_s): c for c in todo}
            pending = set(futs)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    store(futs[f], f.result())
    elif executor == "dask":
        _run_dask(todo, sdict, settings.case_timeout_s, jobs, scheduler, store)
    else:
        raise InputError(f"unknown executor '{executor}' (choose local or dask)")
    return [results[c.key] for c in cases if c.key in results]


def _run_dask(todo: list[BenchCase], sdict: dict, timeout_s: float, jobs: int, scheduler: str | None,
              store: Callable[[BenchCase, dict], None]) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ToolNotFound("the dask executor needs dask.distributed: pip install 'rtlopt[cluster]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        futs = {client.submit(run_in_child, c.to_dict(), sdict, timeout_s, pure=False, key=f"rtlopt-{c.key}"): c
                for c in todo}
        for fut in as_completed(list(futs)):
            store(futs[fut], fut.result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
