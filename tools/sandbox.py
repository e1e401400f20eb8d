"""Run a student's submission confined (used by tools/grade.py): bubblewrap plus a memory cgroup.

Inside the sandbox the whole file system is read-only, except a private working folder that holds
only that submission and a fresh /tmp; the folders given as hidden (the other submissions, the lab
masters, earlier grades) are replaced by empty ones; there is no network; the process gets its own
PID namespace, so nothing it starts outlives it; and a memory cgroup caps what it may use.
"""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

CGROUP_ROOTS = (Path("/sys/fs/cgroup/memory"), Path("/sys/fs/cgroup"))  # cgroup v1's memory controller, or v2


def unavailable() -> str | None:
    """Why submissions cannot be sandboxed on this machine, or None when they can."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bubblewrap is not installed (Debian: apt-get install bubblewrap)"
    trial = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                           capture_output=True, text=True)
    if trial.returncode != 0:
        return f"bubblewrap cannot create namespaces here: {trial.stderr.strip() or trial.returncode}"
    if _cgroup_root() is None:
        return "no writable memory cgroup (/sys/fs/cgroup) to hold the memory limit"
    return None


def _cgroup_root() -> Path | None:
    """The first cgroup folder under which a child group with a memory limit can be made, or None."""
    for root in CGROUP_ROOTS:
        limit = "memory.limit_in_bytes" if root.name == "memory" else "memory.max"
        if root.name != "memory":  # cgroup v2: the memory controller must be handed down to children
            if "memory" not in _read(root / "cgroup.controllers").split():
                continue
            try:
                (root / "cgroup.subtree_control").write_text("+memory")
            except OSError:
                continue
        probe = root / f"gencnn-probe-{uuid.uuid4().hex[:8]}"
        try:
            probe.mkdir()
        except OSError:
            continue
        usable = (probe / limit).exists()
        probe.rmdir()
        if usable:
            return root
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


class MemoryLimit:
    """A memory cgroup of `limit` bytes; `command()` wraps a command so that it starts inside it."""

    def __init__(self, limit: int):
        root = _cgroup_root()
        if root is None:
            raise RuntimeError("no writable memory cgroup")
        self.folder = root / f"gencnn-grade-{uuid.uuid4().hex[:12]}"
        self.folder.mkdir()
        self.v1 = root.name == "memory"
        if self.v1:
            (self.folder / "memory.limit_in_bytes").write_text(str(limit))
            if (self.folder / "memory.memsw.limit_in_bytes").exists():  # swap accounting on: cap it too
                (self.folder / "memory.memsw.limit_in_bytes").write_text(str(limit))
        else:
            (self.folder / "memory.max").write_text(str(limit))
            (self.folder / "memory.swap.max").write_text("0")

    def command(self, command: list[str]) -> list[str]:
        """The shell joins the cgroup, then becomes the command."""
        return ["/bin/sh", "-c", f'echo $$ > "{self.folder}/cgroup.procs" && exec "$@"', "sh", *command]

    def exceeded(self) -> bool:
        """Whether the kernel killed a process of the group for want of memory."""
        counters = _read(self.folder / ("memory.oom_control" if self.v1 else "memory.events"))
        events = dict(line.split() for line in counters.splitlines() if len(line.split()) == 2)
        return int(events.get("oom_kill", 0)) > 0

    def remove(self) -> None:
        try:
            self.folder.rmdir()
        except OSError:  # a process still inside: the kernel frees the group once it is gone
            pass


def confine(command: list[str], workdir: Path, visible: list[Path], hidden: list[Path]) -> list[str]:
    """`command` run by bubblewrap: read-only root with a fresh /tmp (in which the `visible` folders, such as
    the course and its Python, stay in sight), the `hidden` folders emptied, `workdir` writable, no network."""
    args = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for folder in visible:
        args += ["--ro-bind", str(folder.resolve()), str(folder.resolve())]
    for folder in hidden:
        if folder.is_dir():
            args += ["--tmpfs", str(folder.resolve())]
    args += ["--bind", str(workdir), str(workdir), "--chdir", str(workdir),
             "--unshare-all", "--die-with-parent", "--new-session",
             "--setenv", "HOME", str(workdir), "--setenv", "TMPDIR", "/tmp",
             "--setenv", "JUPYTER_RUNTIME_DIR", str(workdir / ".jupyter"),
             "--setenv", "MPLCONFIGDIR", str(workdir / ".matplotlib"),
             "--setenv", "IPYTHONDIR", str(workdir / ".ipython"), "--"]
    return args + command
