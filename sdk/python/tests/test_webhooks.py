"""webhooks.verify for every signature format: against real deliveries from the server to a loopback receiver, and
against known vectors; plus the subscriptions' CRUD, delivery log and redelivery."""

import hashlib
import hmac
import queue
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import support

import parley
from parley import models, webhooks


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


class Receiver:
    """A webhook endpoint on the loopback that records each delivery's raw body and headers."""

    def __init__(self):
        self.deliveries = queue.Queue()
        received = self.deliveries

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                received.put((body, dict(self.headers.items())))
                self.send_response(204)
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks"

    def next(self, timeout=120):
        return self.deliveries.get(timeout=timeout)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class RealDeliveryTests(unittest.TestCase):
    def setUp(self):
        self.receiver = Receiver()
        self.addCleanup(self.receiver.close)

    def subscribe(self, **options):
        hook = client.webhooks.create(url=self.receiver.url, events=["conversation.created"], **options)
        self.addCleanup(lambda: client.webhooks.delete(hook.id))
        return hook

    def test_a_default_subscriptions_delivery_verifies_with_its_secret_only(self):
        hook = self.subscribe()
        self.assertEqual(hook.signature_format, "sha256_prefixed")
        self.assertTrue(hook.secret.startswith("whsec_"))
        client.webhooks.test(hook.id)
        body, headers = self.receiver.next()
        self.assertTrue(headers["X-Webhook-Signature"].startswith("sha256="))
        self.assertTrue(webhooks.verify(body, headers, hook.secret))
        self.assertTrue(client.webhooks.verify(body, headers, hook.secret))
        self.assertFalse(webhooks.verify(body, headers, "whsec_" + "0" * 32))
        self.assertFalse(webhooks.verify(body + b" ", headers, hook.secret))
        event = webhooks.construct_event(body, headers, hook.secret)
        self.assertIsInstance(event, models.WebhookEvent)
        self.assertEqual(event.event, "webhook.test")
        self.assertEqual(event.id, headers["X-Webhook-Id"])

    def test_a_hex_subscriptions_delivery_verifies_by_each_header_alone(self):
        hook = self.subscribe(signature_format="hex", secret="whsec_chosen_secret_for_hex_format")
        client.webhooks.test(hook.id)
        body, headers = self.receiver.next()
        secret = "whsec_chosen_secret_for_hex_format"
        self.assertNotIn("=", headers["X-Webhook-Signature"])
        self.assertTrue(webhooks.verify(body, headers, secret))
        self.assertTrue(webhooks.verify(body, {"X-Webhook-Signature": headers["X-Webhook-Signature"]}, secret))
        self.assertTrue(webhooks.verify(body, {"x-parley-signature": headers["X-Parley-Signature"]}, secret))
        self.assertTrue(webhooks.verify_webhook_signature(body, headers["X-Webhook-Signature"], secret))
        self.assertTrue(webhooks.verify_parley_signature(body, headers["X-Parley-Signature"], secret))
        self.assertTrue(webhooks.verify(body.decode("utf-8"), headers, secret))

    def test_a_real_event_is_logged_and_redelivered_with_the_same_id(self):
        hook = self.subscribe()
        conv = client.conversations.create(channel="api", customer_email="hooks@example.com", initial_message="Hi")
        body, headers = self.receiver.next()
        event = webhooks.construct_event(body, headers, hook.secret)
        self.assertEqual(event.event, "conversation.created")
        self.assertEqual(event.data["conversation_id"], conv.id)

        delivery = support.eventually(
            lambda: next((d for d in client.webhooks.deliveries(hook.id) if d.status == "delivered"), None),
            message="the delivery being logged",
        )
        self.assertIsInstance(delivery, models.WebhookDelivery)
        self.assertEqual(delivery.event_id, event.id)
        self.assertEqual(delivery.last_status_code, 204)
        client.webhooks.redeliver(hook.id, delivery.id)
        again_body, again_headers = self.receiver.next()
        self.assertEqual(again_headers["X-Webhook-Id"], event.id)
        self.assertTrue(webhooks.verify(again_body, again_headers, hook.secret))

    def test_after_rotating_the_secret_only_the_new_one_verifies(self):
        hook = self.subscribe()
        rotated = client.webhooks.rotate_secret(hook.id)
        self.assertNotEqual(rotated.secret, hook.secret)
        client.webhooks.test(hook.id)
        body, headers = self.receiver.next()
        self.assertTrue(webhooks.verify(body, headers, rotated.secret))
        self.assertFalse(webhooks.verify(body, headers, hook.secret))

    def test_subscriptions_are_read_changed_and_deleted(self):
        hook = client.webhooks.create(url=self.receiver.url, events=["message.received"])
        self.assertIn(hook.id, [h.id for h in client.webhooks.list()])
        changed = client.webhooks.update(hook.id, events=["message.received", "message.sent"], active=False)
        self.assertEqual(changed.events, ["message.received", "message.sent"])
        self.assertFalse(client.webhooks.get(hook.id).active)
        self.assertTrue(client.webhooks.get(hook.id).secret.startswith("whsec_****"))
        with self.assertRaises(parley.ConflictError):
            client.webhooks.test(hook.id)
        client.webhooks.delete(hook.id)
        with self.assertRaises(parley.NotFoundError):
            client.webhooks.get(hook.id)
        with self.assertRaises(parley.InvalidRequestError) as raised:
            client.webhooks.create(url=self.receiver.url, events=["*"], signature_format="base64")
        self.assertEqual(raised.exception.details.get("field"), "signature_format")


class VectorTests(unittest.TestCase):
    """Signatures computed here with hmac, independently of the SDK's code."""

    secret = "whsec_vector_secret_0123456789"
    body = b'{"id":"evt_1","event":"webhook.test","timestamp":"2026-12-07T00:00:00Z","data":{}}'

    def digest(self, message):
        return hmac.new(self.secret.encode(), message, hashlib.sha256).hexdigest()

    def test_every_format_verifies(self):
        t = str(int(time.time()))
        self.assertTrue(webhooks.verify(self.body, {"X-Webhook-Signature": "sha256=" + self.digest(self.body)}, self.secret))
        self.assertTrue(webhooks.verify(self.body, {"X-Webhook-Signature": self.digest(self.body)}, self.secret))
        parley_signature = f"t={t},v1={self.digest(t.encode() + b'.' + self.body)}"
        self.assertTrue(webhooks.verify(self.body, {"X-Parley-Signature": parley_signature}, self.secret))

    def test_an_old_or_future_timestamp_is_refused_unless_the_tolerance_allows_it(self):
        t = str(int(time.time()) - 3600)
        headers = {"X-Parley-Signature": f"t={t},v1={self.digest(t.encode() + b'.' + self.body)}"}
        self.assertFalse(webhooks.verify(self.body, headers, self.secret))
        self.assertTrue(webhooks.verify(self.body, headers, self.secret, tolerance=7200))
        self.assertTrue(webhooks.verify(self.body, headers, self.secret, tolerance=None))
        with self.assertRaises(parley.SignatureVerificationError) as raised:
            webhooks.construct_event(self.body, headers, self.secret)
        self.assertEqual(raised.exception.details["reason"], "timestamp_out_of_tolerance")

    def test_a_signature_over_another_timestamp_is_refused(self):
        t = int(time.time())
        signed = self.digest(str(t).encode() + b"." + self.body)
        headers = {"X-Parley-Signature": f"t={t + 1},v1={signed}"}
        self.assertFalse(webhooks.verify(self.body, headers, self.secret))

    def test_missing_malformed_or_mixed_headers_are_refused(self):
        self.assertFalse(webhooks.verify(self.body, {}, self.secret))
        self.assertFalse(webhooks.verify(self.body, {"X-Parley-Signature": "v1=abc"}, self.secret))
        self.assertFalse(webhooks.verify(self.body, {"X-Webhook-Signature": "sha256="}, self.secret))
        good_t = str(int(time.time()))
        mixed = {
            "X-Parley-Signature": f"t={good_t},v1={self.digest(good_t.encode() + b'.' + self.body)}",
            "X-Webhook-Signature": "sha256=" + "0" * 64,
        }
        self.assertFalse(webhooks.verify(self.body, mixed, self.secret))
        self.assertFalse(webhooks.verify(self.body, {"X-Webhook-Signature": self.digest(self.body)}, ""))

    def test_sign_makes_headers_that_verify(self):
        headers = webhooks.sign(self.body, self.secret)
        self.assertTrue(webhooks.verify(self.body, headers, self.secret))
        self.assertEqual(headers["X-Webhook-Signature"], "sha256=" + self.digest(self.body))

    def test_parsed_json_is_refused_as_a_payload(self):
        with self.assertRaises(TypeError):
            webhooks.verify({"id": "evt_1"}, {"X-Webhook-Signature": "x"}, self.secret)


if __name__ == "__main__":
    unittest.main()
