"""One real Parley server for the whole test run: the jar the build made, a fresh data directory, loopback only.

Every test module calls :func:`server` in its ``setUpModule``; the first call starts the server, later calls reuse
it, and it is stopped when the interpreter exits.
"""

import atexit
import functools
import os
import secrets
import shutil
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parents[3]
SDK = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SDK / "src"))

import parley  # noqa: E402

_lock = threading.Lock()
_server: Optional["Server"] = None


@dataclass
class Server:
    base_url: str
    admin_key: str
    data_dir: str
    process: Optional[subprocess.Popen]
    log: Any = None

    def client(self, api_key: Optional[str] = None, **options) -> parley.Parley:
        return parley.Parley(api_key=api_key or self.admin_key, base_url=self.base_url, **options)


def server() -> Server:
    """The server of this run. ``PARLEY_TEST_BASE_URL`` and ``PARLEY_TEST_ADMIN_KEY`` point the tests at a server
    already running instead (started with the environment :func:`_start` sets), to iterate quickly."""
    global _server
    with _lock:
        if _server is None:
            if os.environ.get("PARLEY_TEST_BASE_URL"):
                _server = Server(os.environ["PARLEY_TEST_BASE_URL"], os.environ["PARLEY_TEST_ADMIN_KEY"], "", None)
            else:
                _server = _start()
                atexit.register(_stop, _server)
        return _server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def java() -> str:
    home = os.environ.get("JAVA_HOME") or "/usr/lib/jvm/temurin-25-jdk-amd64"
    return str(Path(home) / "bin" / "java")


def _start() -> Server:
    jar = Path(os.environ.get("PARLEY_SERVER_JAR") or ROOT / "server" / "target" / "parley-exec.jar")
    if not jar.is_file():
        raise RuntimeError(f"No server jar at {jar}: build it first (./parley run builds it, or mvn package).")
    data_dir = tempfile.mkdtemp(prefix="parley-sdk-python-")
    port = free_port()
    admin_key = "sk_live_" + "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_") and k != "SERVER_PORT"}
    env.update(
        SERVER_PORT=str(port),
        SERVER_ADDRESS="127.0.0.1",
        PARLEY_DATA_DIR=data_dir,
        PARLEY_BOOTSTRAP_ADMIN_KEY=admin_key,
        # Many quick calls with one key: the client's own handling of 429 is tested against a fake server.
        PARLEY_RATE_LIMITS_ENABLED="false",
        # The webhook receiver and the crawled site of these tests run on this machine's loopback.
        PARLEY_FETCH_ALLOW="127.0.0.1",
        PARLEY_CRAWL_DELAY="0",
    )
    log = open(os.path.join(data_dir, "server.log"), "wb")
    process = subprocess.Popen(
        [java(), "--add-modules", "jdk.incubator.vector", "-jar", str(jar)],
        cwd=data_dir,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if _answers(base_url + "/health") and _answers(base_url + "/v1/stores", admin_key):
            # /health answers as soon as the web server is up; the bootstrap key exists a moment later.
            started = Server(base_url, admin_key, data_dir, process, log)
            _warm_up(started)
            return started
        time.sleep(1)
    tail = Path(data_dir, "server.log").read_text(errors="replace")[-4000:]
    _stop(Server(base_url, admin_key, data_dir, process, log))
    raise RuntimeError(f"The Parley server did not become healthy at {base_url}:\n{tail}")


def _warm_up(started: Server) -> None:
    # The first assistant turn loads the language models, which takes a minute on a busy machine; a live socket
    # waiting that long for its first answer is dropped by the server's keep-alive (see the SDK's report), so the
    # run pays for the loading here, once, over REST.
    started.client(timeout=600).chat.send("Hello, is anyone there?")


def _answers(url: str, key: Optional[str] = None) -> bool:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status == 200
    except OSError:
        return False


def _stop(running: Server) -> None:
    if running.process.poll() is None:
        running.process.terminate()
        try:
            running.process.wait(30)
        except subprocess.TimeoutExpired:
            running.process.kill()
            running.process.wait(10)
    if running.log is not None:
        running.log.close()
    shutil.rmtree(running.data_dir, ignore_errors=True)


def eventually(check, timeout: float = 120.0, interval: float = 0.5, message: str = "condition"):
    """Calls ``check`` until it returns a truthy value (returned), or fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except AssertionError as failure:
            last_error = failure
        time.sleep(interval)
    raise AssertionError(f"{message} did not happen within {timeout} s" + (f": {last_error}" if last_error else ""))


def unique(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(4)}"


class LocalSite:
    """A small shop website on the loopback for the crawler to read."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="parley-site-")
        pages = {
            "index.html": "<html><head><title>Lumen Shop</title></head><body><h1>Lumen Shop</h1>"
            "<p>Hand-made lamps shipped from Tashkent.</p><a href='/shipping.html'>Shipping</a></body></html>",
            "shipping.html": "<html><head><title>Shipping</title></head><body><h1>Shipping</h1>"
            "<p>Lamps ship within two working days; delivery takes five to seven days.</p></body></html>",
            "robots.txt": "User-agent: *\nAllow: /\n",
        }
        for name, body in pages.items():
            with open(os.path.join(self.root, name), "w") as page:
                page.write(body)
        handler = functools.partial(QuietHandler, directory=self.root)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        shutil.rmtree(self.root, ignore_errors=True)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
