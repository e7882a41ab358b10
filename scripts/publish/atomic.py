"""Replacing an output folder (dist/, releases/x.y.z/) safely.

- One build at a time: `locked(dist)` holds an exclusive lock on `<dist>.lock` (flock) for the whole build; a
  second build waits for it, and the kernel drops the lock when a build dies, however it dies.
- The new publication is written into `<dist>.tmp` and swapped in with one atomic exchange of the two folders
  (Linux renameat2 RENAME_EXCHANGE): at every moment `dist/` is the previous publication or the new one.
  Where the exchange is not available, two renames (dist -> dist.old, dist.tmp -> dist) do it; a kill between
  them leaves `dist.old`, the last good publication, which the next build puts back (`recover`) before it
  does anything else, whether it then succeeds or fails.
- `dist` is only ever replaced if it is a previous publication (it holds SHA256SUMS) or an empty folder, so a
  mistyped `--dist` cannot swap away a folder of something else; `dist.old` and `dist.tmp` are only put back or
  removed if they are a publication or the staging folder a build recorded in the lock file (its device and inode),
  so a folder of someone else's under either name is never deleted nor published.
- Ctrl-C (SIGINT) and SIGTERM are held back during the swap and the removal of the previous publication, and
  delivered right after: they never cut it in the middle, and the build then knows the new publication is in
  place (`swapped`) and says so, where it would otherwise say that `dist/` was left unchanged.

Tests kill a build at named moments: when the environment variable NGO_FP_KILL_AT names a checkpoint, the
process sends itself SIGKILL there (a real, uncatchable kill at a known moment), or the signal that
NGO_FP_KILL_SIGNAL names (TERM, INT). NGO_FP_NO_EXCHANGE=1 forces the two-rename fallback.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BuildError, display

MARKER = "SHA256SUMS"  # every publication has it; a folder without it is not ours to replace
_held: dict[Path, int] = {}  # folders this process holds the lock of, with the lock file's descriptor (re-entrant)
_before: dict[Path, str] = {}  # what the lock file said when this process took it: the last build's staging folder
swapped: set[Path] = set()  # folders this process has put a new publication in


def siblings(dist: Path) -> tuple[Path, Path, Path]:
    """The staging folder, the previous publication during a fallback swap, and the lock file."""
    return (dist.with_name(dist.name + ".tmp"), dist.with_name(dist.name + ".old"),
            dist.with_name(dist.name + ".lock"))


def checkpoint(name: str) -> None:
    """A named moment of the publication, where tests may kill the process (see the module's docstring)."""
    if os.environ.get("NGO_FP_KILL_AT") == name:
        os.kill(os.getpid(), signal.Signals["SIG" + os.environ.get("NGO_FP_KILL_SIGNAL", "KILL")])


def _cannot_write(path: Path, exc: OSError) -> BuildError:
    return BuildError(f"cannot write the output here: {exc.strerror or exc}", path)


@contextmanager
def locked(dist: Path) -> Iterator[None]:
    """Hold the build lock of `dist` (waiting for another build if needed); fail at once, in one line, when
    the folder that would hold `dist` cannot be written."""
    dist = Path(os.path.abspath(dist))
    if dist in _held:
        yield
        return
    _, _, lock = siblings(dist)
    for parent in (lock.parent, *lock.parent.parents):
        if parent.exists() and not parent.is_dir():
            raise BuildError("is not a folder, so the output cannot be written under it", parent)
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise _cannot_write(lock.parent, exc) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").split("\n")[0].strip() or "?"
            print(f"- waiting for another build (pid {holder}) to finish with {display(dist)}/ ...", flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _before[dist] = os.pread(fd, 4096, 0).decode("ascii", "replace")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _held[dist] = fd
        try:
            yield
        finally:
            del _held[dist]
    finally:
        os.close(fd)  # releases the lock; the file stays, so that waiting builds keep locking the same file


def _staging_id(folder: Path) -> str:
    info = folder.lstat()
    return f"staging {info.st_dev}:{info.st_ino}"


def _ours(folder: Path, dist: Path) -> bool:
    """Whether `folder` (dist.old, dist.tmp) is a build's: a publication, the staging folder the last build
    recorded in the lock file, or empty. Anything else is someone else's: refused, never deleted."""
    if folder.is_symlink() or not folder.is_dir():
        return False
    if (folder / MARKER).is_file() or not any(folder.iterdir()):
        return True
    return _staging_id(folder) in _before.get(dist, "").splitlines()


def recover(dist: Path) -> str | None:
    """Finish or undo what a killed build left beside `dist` (call with the lock held); say what was done."""
    tmp, old, _ = siblings(dist)
    said = None
    for folder in (old, tmp):
        if (folder.is_symlink() or folder.exists()) and not _ours(folder, dist):
            raise BuildError(f"is in the way of the build (its staging folder and the previous publication go here) "
                             f"and is not a build's (no {MARKER}); move it away", folder)
    if old.is_symlink() or old.exists():
        if dist.exists() or dist.is_symlink():
            _remove(old)  # a finished swap whose clean-up was cut short
        else:
            old.rename(dist)  # killed between the two renames: dist.old is the last good publication
            said = f"put back the last good publication {display(dist)}/ from {display(old)}/ (a build was killed while publishing)"
    if tmp.is_symlink() or tmp.exists():
        _remove(tmp)  # an unfinished staging folder, or the previous publication after an exchange
    return said


def check_target(dist: Path) -> None:
    """Refuse to replace anything but a previous publication or an empty folder."""
    if dist.is_symlink():
        raise BuildError("the output folder is a symbolic link; give the real folder", dist)
    if not dist.exists():
        return
    if not dist.is_dir():
        raise BuildError("the output path exists and is not a folder", dist)
    if not (dist / MARKER).is_file() and any(dist.iterdir()):
        raise BuildError(f"the output folder is not empty and holds no {MARKER}, so it is not a previous "
                         "publication; refusing to replace it (remove it or choose another --dist)", dist)


@contextmanager
def replacing(dist: Path) -> Iterator[Path]:
    """Yield an empty staging folder; when the block ends without error, swap it in for `dist` atomically.
    On error the staging folder is removed and `dist` is left as it was."""
    dist = Path(os.path.abspath(dist))
    swapped.discard(dist)  # (an earlier build of this process may have swapped it)
    with locked(dist):
        said = recover(dist)
        if said:
            print(f"- {said}", flush=True)
        check_target(dist)
        tmp, _, _ = siblings(dist)
        try:
            tmp.mkdir(parents=True)
            os.pwrite(_held[dist], f"{os.getpid()}\n{_staging_id(tmp)}\n".encode(), 0)  # ours, if we are killed
        except OSError as exc:
            raise _cannot_write(tmp, exc) from None
        checkpoint("begun")
        try:
            yield tmp
            checkpoint("staged")
            with signals_held():
                swap(tmp, dist)
                swapped.add(dist)
        except BaseException:  # the staging folder goes, unless it is swapped in (a signal held during the swap)
            if dist not in swapped:
                shutil.rmtree(tmp, ignore_errors=True)
            raise


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back for the block, delivered when it ends (in the main thread; SIGKILL cannot be)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def swap(tmp: Path, dist: Path) -> None:
    """Put `tmp` in the place of `dist` (call with the lock held)."""
    _, old, _ = siblings(dist)
    if not dist.exists():
        tmp.rename(dist)
        return
    if _exchange(tmp, dist):
        checkpoint("exchanged")
        shutil.rmtree(tmp)  # now the previous publication
        return
    dist.rename(old)
    checkpoint("between-renames")
    tmp.rename(dist)
    checkpoint("renamed")
    shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (renameat2 with RENAME_EXCHANGE); False where the system cannot."""
    if os.environ.get("NGO_FP_NO_EXCHANGE") == "1" or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path)


def die_with_parent(parent: int) -> None:
    """Linux: end this (forked) process when its parent ends, so that a killed build leaves no writer behind."""
    try:
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def fork(work: Callable[[], object], label: str) -> int:
    """Run `work` in a forked child process, ended if this one ends; return its pid. The child never returns
    into the caller's code: a failure is one line on stderr (`error: <label>: ...`) and exit 1."""
    sys.stdout.flush()
    sys.stderr.flush()
    parent = os.getpid()
    # Ctrl-C and SIGTERM held back across the fork: raised inside os.fork's at-fork hooks (logging's), their
    # exception was printed and dropped, and the build went on; held, they arrive in the parent just after
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        pid = os.fork()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    if pid:
        return pid
    code = 1
    try:
        die_with_parent(parent)
        work()
        code = 0
    except BaseException as exc:  # noqa: BLE001 - reported in one line
        print(f"error: {label}: {type(exc).__name__}: {' '.join(str(exc).split())[:500]}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def join(pid: int, what: str, where: Path) -> None:
    """Wait for the forked child `pid`; raise BuildError ("<what> failed") if it did not exit 0. Interrupted
    (Ctrl-C, SIGTERM), end the child first: it would go on writing into a folder being removed."""
    try:
        _, status = os.waitpid(pid, 0)
    except BaseException:
        stop(pid)
        raise
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise BuildError(f"{what} failed (exit {code})", where)


def stop(pid: int) -> None:
    """End the forked child `pid` (SIGKILL) and reap it."""
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
