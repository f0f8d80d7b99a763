"""Typed errors and idempotent replays, against the real server."""

import unittest

import support

import parley


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


class ErrorTests(unittest.TestCase):
    def test_an_unknown_conversation_raises_not_found_with_the_envelope(self):
        with self.assertRaises(parley.NotFoundError) as raised:
            client.conversations.get("conv_doesnotexist")
        error = raised.exception
        self.assertEqual(error.status, 404)
        self.assertEqual(error.code, "not_found")
        self.assertIn("conv_doesnotexist", error.message)
        self.assertTrue(error.request_id.startswith("req_"))
        self.assertEqual(error.details.get("id"), "conv_doesnotexist")

    def test_a_bad_field_raises_invalid_request_naming_the_field(self):
        conv = client.conversations.create(channel="api", customer_email="errors@example.com", initial_message="Hi")
        with self.assertRaises(parley.InvalidRequestError) as raised:
            client.conversations.resolve(conv.id, csat_score=9)
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual(raised.exception.code, "invalid_request")
        self.assertEqual(raised.exception.details.get("field"), "csat_score")

    def test_a_missing_field_is_an_invalid_request_error_too(self):
        with self.assertRaises(parley.InvalidRequestError) as raised:
            client.knowledge_base.create(title="No content", content="")
        self.assertIn(raised.exception.code, ("missing_field", "invalid_request"))

    def test_a_wrong_key_raises_authentication_error(self):
        stranger = server.client("sk_live_" + "Z" * 32)
        with self.assertRaises(parley.AuthenticationError) as raised:
            stranger.conversations.list()
        self.assertEqual(raised.exception.status, 401)
        self.assertEqual(raised.exception.code, "invalid_api_key")
        self.assertEqual(raised.exception.details.get("reason"), "invalid")

    def test_a_test_key_changing_live_settings_raises_permission_denied(self):
        key = client.keys.create(name=support.unique("errors-"), type="secret", mode="test")
        with self.assertRaises(parley.PermissionDeniedError) as raised:
            server.client(key.key).voice_settings.update(audio_format="wav")
        self.assertEqual(raised.exception.status, 403)
        self.assertEqual(raised.exception.code, "insufficient_permissions")

    def test_a_closed_conversation_raises_conflict(self):
        conv = client.conversations.create(channel="api", customer_email="closed@example.com", initial_message="Hi")
        client.conversations.update(conv.id, status="closed")
        with self.assertRaises(parley.ConflictError) as raised:
            client.conversations.send_message(conversation_id=conv.id, content="Anyone there?")
        self.assertEqual(raised.exception.status, 409)
        self.assertEqual(raised.exception.code, "conversation_closed")

    def test_messages_follow_accept_language_with_the_english_beside(self):
        uzbek = server.client(accept_language="uz")
        with self.assertRaises(parley.NotFoundError) as raised:
            uzbek.conversations.get("conv_doesnotexist")
        self.assertIsNotNone(raised.exception.message_en)
        self.assertNotEqual(raised.exception.message, raised.exception.message_en)


class IdempotencyTests(unittest.TestCase):
    def test_the_same_key_replays_the_first_answer_instead_of_starting_a_second_conversation(self):
        key = support.unique("idem-")
        first = client.conversations.create(
            channel="api", customer_email="idem@example.com", initial_message="Where is order #1001?",
            idempotency_key=key,
        )
        again = client.conversations.create(
            channel="api", customer_email="idem@example.com", initial_message="Where is order #1001?",
            idempotency_key=key,
        )
        self.assertEqual(first.id, again.id)
        self.assertEqual(first.message_id, again.message_id)

    def test_the_same_key_with_another_body_raises_idempotency_error(self):
        key = support.unique("idem-")
        client.chat.send("What are your opening hours?", idempotency_key=key)
        with self.assertRaises(parley.IdempotencyError) as raised:
            client.chat.send("Something else entirely", idempotency_key=key)
        self.assertEqual(raised.exception.code, "idempotency_key_reused")
        self.assertIsInstance(raised.exception, parley.ConflictError)

    def test_without_a_key_every_call_is_its_own(self):
        first = client.chat.send("Do you ship abroad?")
        second = client.chat.send("Do you ship abroad?")
        self.assertNotEqual(first.conversation_id, second.conversation_id)


class HealthTests(unittest.TestCase):
    def test_health_needs_no_key(self):
        health = parley.Parley(api_key="", base_url=server.base_url).health()
        self.assertEqual(health.status, "healthy")
        self.assertEqual(health.checks["database"], "healthy")


if __name__ == "__main__":
    unittest.main()
