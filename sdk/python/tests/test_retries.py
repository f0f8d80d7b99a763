"""Retries, backoff, Retry-After and idempotency keys, against FakeParleyServer: a loopback HTTP server that answers
what each test scripts (a real server cannot be made to fail on cue)."""

import json
import socket
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import support  # noqa: F401  (puts the package on the path)

import parley
from parley import RetryPolicy


class FakeParleyServer:
    """Answers each request with the next scripted answer: ``(status, headers, body)`` or ``"drop"`` (closes the
    connection without answering). Records every request's method, path and headers."""

    def __init__(self, script):
        self.script = list(script)
        self.requests = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fake.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                      "body": body})
                step = fake.script.pop(0) if fake.script else (200, {}, {"ok": True})
                if step == "drop":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                status, headers, payload = step
                raw = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def envelope(code, message="scripted", status_request_id="req_scripted"):
    return {"error": {"code": code, "message": message, "details": {}}, "request_id": status_request_id}


class RetryTests(unittest.TestCase):
    def client(self, fake, **policy):
        self.sleeps = []
        retry = RetryPolicy(sleep=self.sleeps.append, **policy)
        return parley.Parley(api_key="sk_test_" + "x" * 32, base_url=fake.base_url, retry=retry)

    def serve(self, *script):
        fake = FakeParleyServer(script)
        self.addCleanup(fake.close)
        return fake

    def test_a_503_is_retried_with_the_same_idempotency_key_and_the_second_answer_is_returned(self):
        fake = self.serve((503, {}, envelope("service_unavailable")), (200, {}, {"response": "hello", "conversation_id": "conv_1"}))
        answer = self.client(fake).chat.send("hi")
        self.assertEqual(answer.response, "hello")
        self.assertEqual(len(fake.requests), 2)
        keys = [r["headers"].get("Idempotency-Key") for r in fake.requests]
        self.assertTrue(keys[0])
        self.assertEqual(keys[0], keys[1])
        self.assertEqual(len(self.sleeps), 1)

    def test_each_post_gets_its_own_idempotency_key_and_a_get_none(self):
        fake = self.serve()
        client = self.client(fake)
        client.chat.send("one")
        client.chat.send("two")
        client.health()
        client.conversations.list()
        keys = [r["headers"].get("Idempotency-Key") for r in fake.requests]
        self.assertIsNotNone(keys[0])
        self.assertIsNotNone(keys[1])
        self.assertNotEqual(keys[0], keys[1])
        self.assertEqual(keys[2:], [None, None])

    def test_an_idempotency_key_given_by_the_caller_is_sent(self):
        fake = self.serve()
        self.client(fake).conversations.create(initial_message="hi", idempotency_key="order-1234-first-contact")
        self.assertEqual(fake.requests[0]["headers"]["Idempotency-Key"], "order-1234-first-contact")

    def test_retry_after_is_honoured_on_429_and_502(self):
        fake = self.serve(
            (429, {"Retry-After": "2"}, envelope("rate_limited")),
            (502, {"Retry-After": "1"}, envelope("integration_error")),
            (200, {}, {"data": [], "pagination": {"page": 1, "per_page": 20, "total_pages": 0, "total_count": 0}}),
        )
        page = self.client(fake).orders.list()
        self.assertEqual(page.data, [])
        self.assertEqual(self.sleeps, [2.0, 1.0])

    def test_without_retry_after_the_delay_backs_off_exponentially_with_jitter(self):
        fake = self.serve(*[(503, {}, envelope("service_unavailable"))] * 3, (200, {}, {"status": "healthy"}))
        client = self.client(fake, max_retries=3, initial_delay=1.0, max_delay=3.0, jitter=0.5)
        self.assertEqual(client.health().status, "healthy")
        self.assertEqual(len(self.sleeps), 3)
        for delay, ceiling in zip(self.sleeps, [1.0, 2.0, 3.0]):
            self.assertGreaterEqual(delay, ceiling * 0.5)
            self.assertLessEqual(delay, ceiling)

    def test_a_retry_after_longer_than_the_policy_allows_raises_at_once(self):
        fake = self.serve((429, {"Retry-After": "3600"}, envelope("quota_exceeded")))
        with self.assertRaises(parley.RateLimitError) as raised:
            self.client(fake).chat.send("hi")
        self.assertEqual(raised.exception.code, "quota_exceeded")
        self.assertEqual(raised.exception.retry_after, 3600.0)
        self.assertEqual(raised.exception.status, 429)
        self.assertEqual(self.sleeps, [])
        self.assertEqual(len(fake.requests), 1)

    def test_after_the_last_retry_the_typed_error_is_raised(self):
        fake = self.serve(*[(503, {}, envelope("service_unavailable"))] * 3)
        with self.assertRaises(parley.ServiceUnavailableError) as raised:
            self.client(fake, max_retries=2).chat.send("hi")
        self.assertEqual(len(fake.requests), 3)
        self.assertEqual(raised.exception.request_id, "req_scripted")

    def test_other_errors_are_not_retried(self):
        for status, code, error in [
            (400, "invalid_request", parley.InvalidRequestError),
            (409, "conversation_closed", parley.ConflictError),
            (500, "internal_error", parley.APIError),
        ]:
            fake = self.serve((status, {}, envelope(code)))
            with self.assertRaises(error) as raised:
                self.client(fake).chat.send("hi")
            self.assertEqual(raised.exception.code, code)
            self.assertEqual(len(fake.requests), 1, code)

    def test_a_dropped_connection_is_retried_with_the_same_key(self):
        fake = self.serve("drop", (201, {}, {"session_id": "sess_1", "token": "st_1"}))
        session = self.client(fake).create_session()
        self.assertEqual(session.token, "st_1")
        self.assertEqual(len(fake.requests), 2)
        self.assertEqual(
            fake.requests[0]["headers"]["Idempotency-Key"], fake.requests[1]["headers"]["Idempotency-Key"]
        )

    def test_an_unreachable_server_raises_a_connection_error_after_the_retries(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        sleeps = []
        client = parley.Parley(
            api_key="sk_test_" + "x" * 32,
            base_url=f"http://127.0.0.1:{port}",
            retry=RetryPolicy(max_retries=2, sleep=sleeps.append),
        )
        with self.assertRaises(parley.APIConnectionError) as raised:
            client.health()
        self.assertEqual(raised.exception.code, "connection_error")
        self.assertIsNone(raised.exception.status)
        self.assertEqual(len(sleeps), 2)

    def test_retry_after_may_be_an_http_date(self):
        from email.utils import formatdate
        import time

        fake = self.serve((503, {"Retry-After": formatdate(time.time() + 30, usegmt=True)}, envelope("x")), (200, {}, {}))
        self.client(fake).health()
        self.assertEqual(len(self.sleeps), 1)
        self.assertGreater(self.sleeps[0], 25)
        self.assertLessEqual(self.sleeps[0], 30)


if __name__ == "__main__":
    unittest.main()
