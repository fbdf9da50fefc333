"""A fake collector for the launcher tests: `serve --plaintext --grpc-port 0 --http-port 0 --bind
ADDR --ports-file FILE --journal-dir DIR`, and `report ...`, which prints a fixed Markdown answer
and logs "report load=N" (N: the demo's busy loops still running) to $FAKE_LOG. Behaviour from
$FAKE_COLLECTOR: ok, die (exits before listening), silent (never writes the ports file),
nometrics (no demo series), nobusy (only the quiet run's series), badstop (exits 5 on SIGTERM),
badreport (the report fails with exit 1)."""
import http.server
import os
import signal
import socket
import sys
import threading
import time

MODE = os.environ.get("FAKE_COLLECTOR", "ok")
METRICS = """# HELP guestbench_cpu_compute_ops_per_second Operations per second.
# TYPE guestbench_cpu_compute_ops_per_second gauge
guestbench_cpu_compute_ops_per_second{agent_id="demo-quiet",experiment="demo-quiet",kernel="int"} 1.5E9
guestbench_cpu_compute_ops_per_second{agent_id="demo-quiet",experiment="demo-quiet",kernel="fp"} 7.5E8
guestbench_cpu_compute_ops_per_second{agent_id="demo-busy",experiment="demo-busy",kernel="int"} 8.1E8
guestbench_cpu_compute_ops_per_second{agent_id="demo-busy",experiment="demo-busy",kernel="fp"} 3.9E8
guestbench_results_total{agent_id="demo-quiet"} 16.0
other_series 1.0
"""
ANSWER = """# guestbench: experiment side by side

| probe configuration | metric | demo-quiet: median [IQR] CV, runs | demo-busy: median [IQR] CV, runs | verdict | warnings |
|---|---|---:|---:|---|---|
| cpu.compute kernel=int | ops_per_second | 1.5e+09 [1.4e+09–1.6e+09] 2.0%, 8 | 8.1e+08 [7.9e+08–8.3e+08] 3.0%, 8 | demo-busy 46% slower (fake) | |
"""


def busy_loops():
    """This demo's busy loops still running: argv[0] guestbench-demo-load, the demo dir (our cwd)
    among the arguments."""
    count, here = 0, os.getcwd().encode()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read()
            count += argv.startswith(b"guestbench-demo-load\0") and here in argv
        except OSError:
            pass
    return count


def report():
    with open(os.environ["FAKE_LOG"], "a") as log:
        log.write(f"report load={busy_loops()}\n")
    if MODE == "badreport":
        print("guestbench collector report: fake journal trouble", file=sys.stderr)
        sys.exit(1)
    print(ANSWER, end="")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/metrics":
            body = {
                "nometrics": "guestbench_results_total 0.0\n",
                "nobusy": "".join(l + "\n" for l in METRICS.splitlines() if "demo-busy" not in l),
            }.get(MODE, METRICS)
        elif self.path in ("/healthz", "/readyz"):
            body = "ok\n"
        else:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main(argv):
    if argv[:1] == ["report"]:
        report()
        return
    if "--plaintext" not in argv[1:]:
        print("fake collector: server.tls: missing (the demo must choose plaintext)", flush=True)
        sys.exit(2)
    flags = [a for a in argv[1:] if a != "--plaintext"]
    opts = dict(zip(flags[0::2], flags[1::2]))
    print("fake collector: args", " ".join(argv), flush=True)
    if MODE == "die":
        print("fake collector: boom", flush=True)
        sys.exit(4)
    grpc = socket.socket()
    grpc.bind((opts["--bind"], 0))
    grpc.listen()
    server = http.server.ThreadingHTTPServer((opts["--bind"], 0), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    if MODE != "silent":
        tmp = opts["--ports-file"] + ".tmp"
        with open(tmp, "w") as f:
            f.write(f"grpc={grpc.getsockname()[1]}\nhttp={server.server_address[1]}\n")
        os.rename(tmp, opts["--ports-file"])
    server.serve_forever()
    print("fake collector: stopped", flush=True)
    sys.exit(5 if MODE == "badstop" else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
