"""Writing results to the user's files without losing anything.

* **Lost updates**: :func:`snapshot` records the sha256 of each input's bytes before rtlopt reads it;
  :func:`write_atomic` re-reads the file just before the replace and refuses (:class:`WriteFailed`, exit 7)
  when the bytes differ — the user's edits made while rtlopt ran are kept, nothing is written.
* **Atomic**: the text goes to a temp file in the same directory (flushed and fsync'ed), then
  ``os.replace``; a symlink is followed (its target is replaced, the link stays).
* **Mode and owner** of the replaced file are kept (owner when permitted).
* **Hard links**: an atomic replace gives the path a new inode, so the file's other links keep the old
  text. rtlopt writes anyway (atomicity first) and returns a warning naming the link count.
* **Failures** (read-only file system, disk full, permission ...) are one line, exit 7 (``WRITE_FAILED``):
  the temp file is removed and the file on disk is unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from pathlib import Path

from rtlopt.errors import WriteFailed


def file_sha256(path: Path) -> str | None:
    """sha256 of the file's bytes, None when it does not exist."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def snapshot(paths) -> dict[Path, str]:
    """``{resolved path: sha256}`` of the files as they are now (call before reading them)."""
    out: dict[Path, str] = {}
    for p in paths:
        with contextlib.suppress(OSError):
            h = file_sha256(Path(p))
            if h is not None:
                out[Path(p).resolve()] = h
    return out


def _why(exc: OSError) -> str:
    name = errno.errorcode.get(exc.errno or 0, "")
    text = exc.strerror or str(exc)
    return f"{text} ({name})" if name else text


#: Test hook: called after the temp file is written and before the hash check and the replace.
_before_replace = None


def write_atomic(path: Path, text: str, *, expect_sha256: str | None = None) -> list[str]:
    """Write ``text`` to ``path`` atomically; return warnings (hard link).

    Raises:
        WriteFailed: the write failed (the file is unchanged), or ``expect_sha256`` is given and the file's
            bytes on disk no longer have that hash (it changed since it was read).
    """
    path = Path(path)
    target = path.resolve() if path.is_symlink() else path
    warnings: list[str] = []
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise WriteFailed(f"cannot write: {_why(exc)}; nothing written", file=path) from None
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, st.st_mode & 0o7777)
            with contextlib.suppress(OSError):
                if (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
                    os.chown(tmp, st.st_uid, st.st_gid)
        if _before_replace is not None:
            _before_replace(target)
        if expect_sha256 is not None and file_sha256(target) != expect_sha256:
            raise WriteFailed("the file changed on disk while rtlopt was running; not overwritten (your edits are "
                              "kept); run rtlopt again on the new version", file=path)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise WriteFailed(f"cannot write: {_why(exc)}; the file on disk is unchanged", file=path) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if st is not None and st.st_nlink > 1:
        warnings.append(f"{path} had {st.st_nlink} hard links: it was replaced atomically (new inode), so the "
                        f"other {st.st_nlink - 1} link(s) keep the old text")
    return warnings


def _as_read(data: bytes) -> str:
    """The bytes decoded as the optimizer reads a file (``read_text``: UTF-8, universal newlines)."""
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


def expected_hashes(snap: dict[Path, str], originals: dict[Path, str]) -> dict[Path, str]:
    """The hash each input must still have when it is replaced; refuse (WriteFailed) at once when an input
    already differs from the text the optimizer started from (checked for all files before any write)."""
    out: dict[Path, str] = {}
    for p, text in originals.items():
        rp = Path(p).resolve()
        want = snap.get(rp)
        try:
            data = rp.read_bytes()
        except OSError as exc:
            raise WriteFailed(f"cannot read back before writing: {_why(exc)}; nothing written", file=p) from None
        if want is None or hashlib.sha256(data).hexdigest() != want or _as_read(data) != text:
            raise WriteFailed("the file changed on disk while rtlopt was running; not overwritten (your edits are "
                              "kept); run rtlopt again on the new version", file=p)
        out[rp] = want
    return out
