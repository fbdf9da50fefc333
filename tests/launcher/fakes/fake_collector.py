"""A fake collector for the launcher tests: `serve --grpc-port 0 --http-port 0 --bind ADDR
--ports-file FILE`. Behaviour from $FAKE_COLLECTOR: ok, die (exits before listening), silent
(never writes the ports file), nometrics (no demo series), badstop (exits 5 on SIGTERM)."""
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
guestbench_cpu_compute_ops_per_second{agent_id="demo-agent",kernel="int"} 1.5E9
guestbench_cpu_compute_ops_per_second{agent_id="demo-agent",kernel="fp"} 7.5E8
guestbench_results_total{agent_id="demo-agent"} 2.0
other_series 1.0
"""


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/metrics":
            body = METRICS if MODE != "nometrics" else "guestbench_results_total 0.0\n"
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
