# A stand-in for the recorder service (the demo's, and the tests'): serves GET /health and GET /status in the
# real recorder's shapes.
# argv: PORT [stubborn]. The status it reports comes from status.txt in its working directory (the
# repository checkout) when that file exists, so a rollback visibly changes what it says; "stubborn"
# ignores SIGTERM, so only SIGKILL stops it.
import http.server
import json
import os
import signal
import sys

port = int(sys.argv[1])
if len(sys.argv) > 2 and sys.argv[2] == "stubborn":
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
status = "healthy"
if os.path.exists("status.txt"):
    with open("status.txt") as f:
        status = f.read().strip()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            body = json.dumps({"status": status, "platform": "stand-in", "gstreamer": "initialized",
                               "gstreamer_error": None}).encode()
        elif self.path == "/status":
            body = json.dumps({"cameras": {}}).encode()  # the demo's cameras are run by r58ctl itself
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        sys.stdout.write("request: " + (fmt % args) + "\n")
        sys.stdout.flush()


print("stand-in pid %d serving on 127.0.0.1:%d, status %s" % (os.getpid(), port, status), flush=True)
http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
