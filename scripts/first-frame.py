#!/usr/bin/env python3
"""Times a terminal program's first frame (used by scripts/bench-startup; not a test).

Usage: first-frame.py MARKER COLS ROWS COMMAND [ARG...]

Starts COMMAND on a new pseudo-terminal of COLS x ROWS, reads what it draws and prints, in milliseconds, the time
from just before the start to the moment MARKER has appeared in the output, then the CPU (user+sys) the command
had used by then. It then types 'q' and waits for the command to end (killing it after 10 s). Exit 1 when the
marker never appears within 10 s.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except OSError:
        return 0


def cpu_ms(pid):
    """CPU of pid and its children so far: the launcher execs java, so the pid is the JVM's."""
    return ticks(pid) * 1000 // os.sysconf("SC_CLK_TCK")


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    marker = sys.argv[1].encode()
    cols, rows = int(sys.argv[2]), int(sys.argv[3])
    command = sys.argv[4:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    seen = b""
    first = None
    deadline = start + 10
    while first is None and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen = (seen + chunk)[-65536:]
        for _ in range(chunk.count(b"\x1b[6n")):  # a terminal answers the cursor position report
            os.write(fd, f"\x1b[{rows};{cols}R".encode())
        if marker in seen:
            first = (time.monotonic() - start) * 1000
    cpu = cpu_ms(pid)
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    end = time.monotonic() + 10
    while time.monotonic() < end:
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 65536)
        except OSError:
            pass
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    if first is None:
        print(f"no '{marker.decode()}' within 10 s; last output: {seen[-400:]!r}", file=sys.stderr)
        return 1
    print(f"{first:.0f} {cpu}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
