"""Run a query in a child process with limits that hold.

A SPARQL query can take unbounded time (a cartesian product) and memory (ORDER BY over one grows
by hundreds of MB a second), and the engine is native code that Python cannot interrupt. So the
query runs in a forked child:

* time: the parent waits at most `timeout` seconds, then kills the child;
* memory: the child's private writable memory is capped (RLIMIT_DATA on Linux: heap and
  anonymous mappings, which is what a runaway query grows; RLIMIT_AS elsewhere). RLIMIT_AS
  would also count address space reserved but never used (allocator arenas, the on-disk index's
  mappings: ~400 MB for an empty store), so a cap would refuse small queries on big indexes.
  Running out ends the child, and the parent reports one line instead of the engine's abort
  message or backtrace (the child's stderr is discarded);
* lifetime: the child dies with its parent. On Linux PR_SET_PDEATHSIG makes the kernel kill it
  when `kg query` dies for any reason (SIGKILL included); SIGTERM and SIGHUP are also caught by
  the parent, which kills the child before exiting; elsewhere a watchdog thread in the child
  exits once its parent is gone;
* network: on Linux the child installs a seccomp filter refusing internet sockets, a second line
  of defence behind the vetting of SERVICE (best effort: skipped where seccomp is unavailable).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import resource
import signal
import struct
import sys
import threading
import time
from typing import Any, Callable, TypeVar

from .sparql_vet import QueryError, _first_line

T = TypeVar("T")
PR_SET_PDEATHSIG = 1
PR_SET_NO_NEW_PRIVS = 38
PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
MB = 1024 * 1024
_SANDBOX = {"no_network": False}  # set in the child once its seccomp filter is in place


def default_max_memory_mb() -> int:
    """Half of the machine's physical memory (at least 1 GB): generous, yet a runaway query
    cannot push the machine into swap or the OOM killer."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 4096
    return max(1024, total // 2 // MB)


def _libc():
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


# --------------------------------------------------------------------------- in the child

# Arch-specific facts for the seccomp filter: audit arch and the socket() syscall number.
_ARCHES = {"x86_64": (0xC000003E, 41), "aarch64": (0xC00000B7, 198)}


def _block_internet_sockets() -> bool:
    """Install a seccomp filter making socket(AF_INET / AF_INET6, ...) fail with EACCES."""
    arch = _ARCHES.get(os.uname().machine)
    libc = _libc()
    if not sys.platform.startswith("linux") or arch is None or libc is None:
        return False
    audit_arch, nr_socket = arch
    ld, jeq, ret = 0x20, 0x15, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | 13  # SECCOMP_RET_ERRNO | EACCES
    program = [
        (ld, 0, 0, 4), (jeq, 0, 5, audit_arch),  # another ABI: allow
        (ld, 0, 0, 0), (jeq, 0, 3, nr_socket),  # not socket(): allow
        (ld, 0, 0, 16), (jeq, 2, 0, 2), (jeq, 1, 0, 10),  # AF_INET / AF_INET6: deny
        (ret, 0, 0, allow), (ret, 0, 0, deny),
    ]
    raw = b"".join(struct.pack("HBBI", *ins) for ins in program)
    buf = ctypes.create_string_buffer(raw, len(raw))

    class Prog(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    prog = Prog(len(program), ctypes.cast(buf, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) == 0


def _die_with_parent(parent: int) -> None:
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is not None and libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)
        return

    def watch() -> None:  # portable fallback
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _harden(parent: int, max_memory_mb: int | None) -> None:
    _die_with_parent(parent)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
    if max_memory_mb:
        kind = resource.RLIMIT_DATA if sys.platform.startswith("linux") else resource.RLIMIT_AS
        limit = max_memory_mb * MB
        soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(kind, (limit, hard))
    devnull = os.open(os.devnull, os.O_WRONLY)  # the engine's abort messages and backtraces
    os.dup2(devnull, 2)
    os.close(devnull)
    _SANDBOX["no_network"] = _block_internet_sockets()


def _child(work: Callable[[], Any], conn, parent: int, max_memory_mb: int | None) -> None:
    try:
        _harden(parent, max_memory_mb)
        payload = ("ok", work())
    except QueryError as exc:
        payload = ("error", str(exc))
    except MemoryError:
        payload = ("memory", "")
    except BaseException as exc:  # pyo3's PanicException is a BaseException
        payload = ("error", f"query failed: {_first_line(exc)}")
    try:
        conn.send(payload)
    except MemoryError:
        conn.send(("memory", ""))
    except Exception as exc:  # e.g. an unpicklable value
        conn.send(("error", f"query failed: cannot return its results ({_first_line(exc)})"))
    conn.close()


# --------------------------------------------------------------------------- in the parent


class _Signalled(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_signalled(signum: int, _frame) -> None:
    raise _Signalled(signum)


def _memory_error(max_memory_mb: int | None) -> QueryError:
    return QueryError(
        f"query stopped: it needed more than the {max_memory_mb} MB memory limit"
        " (raise it with --max-memory MB, 0 for none, or make the query smaller)"
    )


def _wait(process, receiver, timeout: float | None, max_memory_mb: int | None):
    if not receiver.poll(timeout):
        raise QueryError(
            f"query timed out after {timeout:g} s (raise the limit with --timeout, 0 for none)"
        )
    try:
        return receiver.recv()
    except EOFError:
        process.join(1)
        code = process.exitcode
        if max_memory_mb and code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
            raise _memory_error(max_memory_mb) from None
        raise QueryError(
            f"query failed: the query process ended unexpectedly (exit code {code})"
        ) from None


def run_bounded(
    work: Callable[[], T], timeout: float | None, *, max_memory_mb: int | None = None
) -> T:
    """work() in a forked child killed after `timeout` seconds (None: no limit) and capped at
    `max_memory_mb` of address space (None or 0: no cap); one-line QueryErrors for failures.
    Without fork (not POSIX) the work runs in this process, unbounded."""
    if "fork" not in multiprocessing.get_all_start_methods():
        try:
            return work()
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"query failed: {_first_line(exc)}") from None
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    args = (work, sender, os.getpid(), max_memory_mb or None)
    process = ctx.Process(target=_child, args=args, daemon=True)
    handlers = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGHUP):
            handlers[sig] = signal.signal(sig, _raise_signalled)
    signalled = None
    try:
        process.start()
        sender.close()
        status, payload = _wait(process, receiver, timeout, max_memory_mb)
    except _Signalled as exc:
        signalled = exc.signum
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    if signalled is not None:  # die of the same signal, as if no handler had been installed
        signal.signal(signalled, signal.SIG_DFL)
        os.kill(os.getpid(), signalled)
        raise SystemExit(128 + signalled)
    if status == "memory":
        raise _memory_error(max_memory_mb)
    if status != "ok":
        raise QueryError(payload)
    return payload


def oxigraph_syntax_error(text: str, prefixes: dict[str, str]) -> str | None:
    """Oxigraph's message (with its exact line:column) for a query rdflib could not parse, or
    None. Oxigraph has no parse-only call, so the query is given to an empty store in a child
    that cannot open internet sockets; where that sandbox is unavailable, nothing is tried."""

    def work() -> str | None:
        if not _SANDBOX["no_network"]:
            return None
        import pyoxigraph as ox

        try:
            ox.Store().query(text, prefixes=prefixes)
        except SyntaxError as exc:
            return _first_line(exc)
        return None

    try:
        return run_bounded(work, 5, max_memory_mb=1024)
    except QueryError:
        return None


__all__ = ["default_max_memory_mb", "oxigraph_syntax_error", "run_bounded"]
