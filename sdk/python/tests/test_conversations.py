"""Conversations, chat, seed 002's send_message, chats and contacts, against the real server."""

import unittest

import support

import parley
from parley import models


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


class ConversationTests(unittest.TestCase):
    def test_create_then_send_message_as_seed_001_writes_it(self):
        conv = client.conversations.create(
            channel="api", customer_email="customer@example.com", initial_message="Where is order #1234?"
        )
        self.assertIsInstance(conv, models.ConversationCreated)
        self.assertTrue(conv.id.startswith("conv_"))
        self.assertEqual(conv.id, conv.conversation_id)
        self.assertIsInstance(conv.response.content, str)
        self.assertTrue(conv.response.content)
        self.assertEqual(conv.analysis.intent, "order_status")
        self.assertIsInstance(conv.analysis.confidence, float)
        self.assertTrue(all(isinstance(a, models.Action) for a in conv.actions_taken))

        response = client.conversations.send_message(conversation_id=conv.id, content="When will it arrive?")
        self.assertIsInstance(response, models.MessageSent)
        self.assertTrue(response.message_id.startswith("msg_"))
        self.assertTrue(response.response.content)
        self.assertIs(response.escalated, False)

        full = client.conversations.get(conv.id, include_messages=True)
        self.assertIsInstance(full, models.Conversation)
        self.assertEqual(full.id, conv.id)
        self.assertEqual(full.customer.email, "customer@example.com")
        self.assertEqual([m.role for m in full.messages][:2], ["user", "assistant"])
        self.assertIn("When will it arrive?", [m.content for m in full.messages])

    def test_list_pages_through_every_conversation_with_auto_paging_iter(self):
        email = support.unique("pager-") + "@example.com"
        made = {
            client.conversations.create(channel="api", customer_email=email, initial_message=f"Question {i}").id
            for i in range(5)
        }
        page = client.conversations.list(customer_email=email, per_page=2)
        self.assertIsInstance(page, parley.Page)
        self.assertEqual(len(page.data), 2)
        self.assertEqual(page.pagination.total_count, 5)
        self.assertTrue(page.has_more)
        seen = [row.id for row in page.auto_paging_iter()]
        self.assertEqual(len(seen), 5)
        self.assertEqual(set(seen), made)
        self.assertTrue(all(isinstance(row, models.ConversationSummary) for row in page))

    def test_update_escalate_feedback_and_resolve(self):
        conv = client.conversations.create(channel="api", customer_email="flow@example.com", initial_message="Hello")
        updated = client.conversations.update(conv.id, tags=["vip", "sdk"], priority="high")
        self.assertEqual(sorted(updated.tags), ["sdk", "vip"])
        self.assertEqual(updated.priority, "high")

        escalation = client.conversations.escalate(conv.id, reason="customer_request", priority="high")
        self.assertTrue(escalation.escalated)
        self.assertTrue(escalation.ticket_id)

        note = client.conversations.add_note(conv.id, "Called the courier.")
        self.assertEqual(note.role, "note")
        reply = client.conversations.reply(conv.id, "A colleague is looking into it.")
        self.assertEqual(reply.role, "agent")
        self.assertEqual(client.conversations.handback(conv.id).status, "active")

        feedback = client.conversations.feedback(conv.id, rating=5, comment="Quick and kind")
        self.assertEqual(feedback.rating, 5)
        self.assertEqual(feedback.conversation_id, conv.id)

        resolution = client.conversations.resolve(conv.id, resolution_summary="Answered", resolution_type="agent")
        self.assertTrue(resolution.resolved)
        self.assertGreaterEqual(resolution.total_messages, 2)
        self.assertEqual(client.conversations.get(conv.id).status, "resolved")

    def test_update_sends_null_to_unassign(self):
        agent = client.agents.create(name="Una Assign", email=support.unique("una-") + "@example.com",
                                     status="online", password="correct horse battery")
        conv = client.conversations.create(channel="api", customer_email="assign@example.com", initial_message="Hi")
        self.assertEqual(client.conversations.update(conv.id, assigned_to=agent.id).assigned_to, agent.id)
        unassigned = client.conversations.update(conv.id, assigned_to=None)
        self.assertIsNone(unassigned.assigned_to)
        self.assertEqual(unassigned.status, "escalated")

    def test_messages_reads_what_came_after_a_message_page_by_page(self):
        conv = client.conversations.create(
            channel="api", customer_email="cursor@example.com", initial_message="What are your opening hours?"
        )
        client.conversations.send_message(conv.id, "Do you ship to Canada?")
        client.conversations.send_message(conv.id, "How long does delivery take?")
        first = client.conversations.messages(conv.id, limit=2)
        self.assertIsInstance(first, parley.CursorPage)
        self.assertEqual(len(first.data), 2)
        self.assertTrue(first.has_more)
        every = list(first.auto_paging_iter())
        self.assertEqual(len(every), 6)
        self.assertEqual(
            [m.content for m in every if m.role == "user"],
            ["What are your opening hours?", "Do you ship to Canada?", "How long does delivery take?"],
        )
        after = client.conversations.messages(conv.id, after=every[3].id)
        self.assertEqual([m.id for m in after], [m.id for m in every[4:]])


class ChatTests(unittest.TestCase):
    def test_chat_send_answers_and_keeps_the_conversation(self):
        first = client.chat.send(message="What are your business hours?")
        self.assertIsInstance(first, models.ChatResponse)
        self.assertTrue(first.response)
        self.assertTrue(first.conversation_id.startswith("conv_"))
        self.assertEqual(first.metadata["model"], "offline")
        second = client.chat.send(message="And on Sundays?", conversation_id=first.conversation_id)
        self.assertEqual(second.conversation_id, first.conversation_id)

    def test_send_message_as_seed_002_writes_it(self):
        client.knowledge_base.create(
            title="Resetting your password",
            content="To reset your password, open Settings, choose Security and press Reset password. "
            "We email you a link that works for one hour.",
        )
        response = client.send_message(message="How do I reset my password?", user_id="user_12345")
        self.assertIsInstance(response, models.Answer)
        self.assertIn("password", response.answer.lower())
        self.assertIsInstance(response.confidence, float)
        self.assertGreater(response.confidence, 0)
        self.assertTrue(response.sources and response.sources[0].startswith("kb_"))


class ChatsAndContactsTests(unittest.TestCase):
    def test_chats_are_the_inbox_view_of_conversations(self):
        conv = client.conversations.create(
            channel="api", customer_email="chats@example.com", customer_name="Chad Chats", initial_message="Hi"
        )
        chat = client.chats.get(conv.id)
        self.assertIsInstance(chat, models.Chat)
        self.assertEqual(chat.visitor["email"], "chats@example.com")
        sent = client.chats.send_message(conv.id, "Hello from the team")
        self.assertEqual(sent.text, "Hello from the team")
        self.assertEqual(sent.chat_id, conv.id)
        self.assertEqual(client.chats.update(conv.id, tags=["chat-tag"]).tags, ["chat-tag"])
        page = client.chats.list(limit=1)
        self.assertEqual(len(page.data), 1)
        self.assertGreater(page.pagination.total, 1)
        self.assertEqual(len(list(client.chats.list(limit=50).auto_paging_iter())), page.pagination.total)

    def test_contacts_are_found_by_email_and_list_their_conversations(self):
        email = support.unique("contact-") + "@example.com"
        conv = client.conversations.create(channel="api", customer_email=email, initial_message="Hi")
        contacts = client.contacts.list(email=email)
        self.assertEqual(len(contacts.data), 1)
        contact = contacts.data[0]
        self.assertEqual(contact.email, email)
        self.assertEqual(client.contacts.update(contact.id, name="Connie Tact").name, "Connie Tact")
        self.assertEqual(client.contacts.get(contact.id).name, "Connie Tact")
        self.assertEqual([c.id for c in client.contacts.conversations(contact.id)], [conv.id])


if __name__ == "__main__":
    unittest.main()
