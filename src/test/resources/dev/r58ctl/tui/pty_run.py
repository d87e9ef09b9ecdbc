#!/usr/bin/python3
"""Runs a command on a pseudo-terminal of its own, as sshd runs a login: the terminal is the command's controlling
terminal, so closing it sends the command SIGHUP and makes its reads and writes fail, as when an SSH session drops.

Usage: pty_run.py [--ignore-hup] COLS ROWS COMMAND [ARG...]

Answers the terminal's cursor-position query (Lanterna's size query) and reads everything the command draws, so the
command never blocks on a full terminal. Prints "pid N" once the command runs, then takes commands on stdin, one a
line:
  keys TEXT   types TEXT (Python escapes: \\x03 is Ctrl-C)
  hangup      closes the terminal's master side (the kernel's hang-up: SIGHUP, then end of input and EIO)
When the command ends it prints "exit CODE MS RESTORED": its exit code (128+N for signal N), the milliseconds since
the last command on stdin (or since the start), and "restored" when the command left the alternate screen after that
command (the dashboard put the terminal back), else "untouched"; then exits. --ignore-hup starts the command with
SIGHUP ignored, so a hang-up reaches it only as end of input and I/O errors: a terminal that stops answering.
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import threading
import time

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


def main():
    args = sys.argv[1:]
    ignore_hup = args[:1] == ["--ignore-hup"]
    if ignore_hup:
        args = args[1:]
    cols, rows, command = int(args[0]), int(args[1]), args[2:]
    pid, fd = pty.fork()
    if pid == 0:
        # the test's own parent may run under nohup (signals ignored are inherited): the command gets the default
        # disposition unless the test asks for SIGHUP ignored
        for s in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_DFL)
        if ignore_hup:
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    print(f"pid {pid}", flush=True)
    state = {"fd": fd, "since": time.monotonic(), "after": b""}
    lock = threading.Lock()

    def commands():
        for line in sys.stdin:
            word, _, rest = line.rstrip("\n").partition(" ")
            with lock:
                state["since"] = time.monotonic()
                state["after"] = b""
                if state["fd"] is None:
                    continue
                if word == "keys":
                    os.write(state["fd"], rest.encode().decode("unicode_escape").encode("latin-1"))
                elif word == "hangup":
                    os.close(state["fd"])
                    state["fd"] = None

    threading.Thread(target=commands, daemon=True).start()
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        with lock:
            current = state["fd"]
        if current is None:
            time.sleep(0.01)
            continue
        try:
            ready, _, _ = select.select([current], [], [], 0.05)
            if not ready:
                continue
            chunk = os.read(current, 65536)
            with lock:
                state["after"] = (state["after"] + chunk)[-65536:]
            for _ in range(chunk.count(b"\x1b[6n")):
                os.write(current, f"\x1b[{rows};{cols}R".encode())
        except OSError:
            time.sleep(0.01)  # closed by a hang-up meanwhile, or the command's side is gone
    with lock:
        current = state["fd"]
    while current is not None:  # what it wrote just before it ended
        try:
            ready, _, _ = select.select([current], [], [], 0)
            chunk = os.read(current, 65536) if ready else b""
        except OSError:
            chunk = b""
        if not chunk:
            break
        state["after"] = (state["after"] + chunk)[-65536:]
    code = os.waitstatus_to_exitcode(status)
    code = 128 - code if code < 0 else code
    restored = "restored" if LEAVE_ALTERNATE_SCREEN in state["after"] else "untouched"
    print(f"exit {code} {(time.monotonic() - state['since']) * 1000:.0f} {restored}", flush=True)


if __name__ == "__main__":
    main()
