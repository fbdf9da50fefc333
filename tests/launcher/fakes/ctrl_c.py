"""Presses Ctrl-C on a command the way a terminal does: runs it in its own process group with
SIGINT at its default, waits until TEXT shows in its stdout or stderr file, then sends SIGINT to
the whole group. Exits with the command's status (99 if TEXT never showed).
Usage: ctrl_c.py TEXT OUT_FILE ERR_FILE COMMAND..."""
import os
import signal
import subprocess
import sys
import time

text, out_path, err_path, *command = sys.argv[1:]
with open(out_path, "w") as out, open(err_path, "w") as err:
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 20
    while not any(text in open(p).read() for p in (out_path, err_path)):
        if time.monotonic() > deadline or child.poll() is not None:
            os.killpg(child.pid, signal.SIGKILL)
            sys.exit(99)
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(child.pid, signal.SIGINT)
    sys.exit(child.wait(timeout=30))
