"""Atomic publishing: build into a fresh folder beside the target, swap only after a successful build.

A failed build (content errors, ``--strict`` warnings, a crash) or an interrupted one (SIGTERM,
Ctrl+C) leaves the previous site exactly as it was; the half-built folder is removed.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Optional

__all__ = ["BuildInterrupted", "publish"]


class BuildInterrupted(Exception):
    """SIGTERM arrived during the build."""


def _raise_interrupted(signum: int, frame: Optional[FrameType]) -> None:
    raise BuildInterrupted(f"stopped by signal {signum}")


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """SIGTERM becomes an exception in this thread, so that clean-up runs; restored afterwards."""
    previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT while the old site is swapped for the new one (two renames)."""
    held = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``; the old site is removed only once the new one is in place."""
    old: Optional[Path] = None
    with _signals_held():
        if target.exists() or target.is_symlink():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            os.rename(target, old / target.name)
        os.rename(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def publish(target: Path, build: Callable[[Path], int]) -> int:
    """Run ``build(folder)`` into a new folder beside ``target``; on status 0 it becomes ``target``.

    Returns the build's status (130 + nothing swapped when interrupted).
    """
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(staging, 0o777 & ~mask)  # mkdtemp's 0700 would make the published site unreadable to a web server
    try:
        with _terminate_raises():
            status = build(staging)
            if status == 0:
                _swap(staging, target)
            else:
                print(f"build failed: {target} is unchanged")
        return status
    except (BuildInterrupted, KeyboardInterrupt):
        print(f"build interrupted: {target} is unchanged")
        return 130
    finally:
        shutil.rmtree(staging, ignore_errors=True)
