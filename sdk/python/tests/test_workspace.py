"""Commerce, sessions, files, GDPR, analytics, stores and settings, keys, agents, webhooks' CRUD and monitoring."""

import datetime
import io
import unittest
import zipfile

import support

import parley
from parley import models


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


class CommerceTests(unittest.TestCase):
    def test_orders_are_listed_page_by_page_and_read_one_by_one(self):
        page = client.orders.list(per_page=25)
        self.assertIsInstance(page.data[0], models.Order)
        total = page.pagination.total_count
        orders = list(page.auto_paging_iter())
        self.assertEqual(len(orders), total)
        self.assertEqual(len({o.order_number for o in orders}), total)
        one = client.orders.get(orders[0].order_number)
        self.assertEqual(one.id, orders[0].id)
        self.assertIsInstance(one.total, float)
        self.assertIsInstance(one.line_items[0], models.LineItem)
        with self.assertRaises(parley.NotFoundError):
            client.orders.get("99999999")

    def test_products_search_filters_by_size(self):
        found = client.products.search("running shoes", filters={"size": "10"}, limit=3)
        self.assertIsInstance(found, models.ProductSearch)
        self.assertLessEqual(len(found.products), 3)
        self.assertGreater(found.total_count, 0)
        product = found.products[0]
        self.assertIsInstance(product.price, models.Price)
        self.assertTrue(any(v.size == "10" and v.available for v in product.variants))

    def test_a_tool_runs_through_the_assistants_gate(self):
        executed = client.tools.execute("search_products", {"query": "hoodie"})
        self.assertIsInstance(executed, models.ToolExecution)
        self.assertEqual(executed.status, "executed")
        self.assertEqual(executed.action.type, "products_searched")
        refused = client.tools.execute("refund", {"order_number": "1001", "amount": -5})
        self.assertEqual(refused.status, "refused")

    def test_the_store_and_helpdesk_connections_are_read_and_changed(self):
        store = client.store_connection.get()
        self.assertTrue(store.connected)
        self.assertEqual(store.platform, "demo")
        try:
            self.assertEqual(client.store_connection.update(platform="demo", max_discount_percent=15)
                             .max_discount_percent, 15)
        finally:
            client.store_connection.update(platform="demo", max_discount_percent=10)

        self.assertFalse(client.helpdesk_connection.get().connected)
        try:
            helpdesk = client.helpdesk_connection.update(
                platform="gorgias",
                base_url="http://127.0.0.1:9",
                credentials={"username": "desk@example.com", "api_key": "gorgias-key-0042",
                             "webhook_secret": "gorgias-hook-secret-0042"},
            )
            self.assertIsInstance(helpdesk, models.HelpdeskConnection)
            self.assertTrue(helpdesk.connected)
            self.assertEqual(helpdesk.credentials["api_key"], "****0042")
        finally:
            self.assertFalse(client.helpdesk_connection.delete().connected)


class SessionTests(unittest.TestCase):
    def test_a_session_is_created_read_tracked_and_ended(self):
        session = client.create_session(user_id="shopper-7", metadata={"source": "sdk-test"})
        self.assertIsInstance(session, models.Session)
        self.assertTrue(session.token.startswith("st_"))
        self.assertTrue(session.id.startswith("sess_"))
        read = client.sessions.get(session.id)
        self.assertEqual(read.status, "active")
        self.assertEqual(read.user_id, "shopper-7")
        event = client.analytics.track_event(session_id=session.id, event_type="product_viewed",
                                             data={"product_id": "demo_prod_1001"})
        self.assertTrue(event.event_id)
        self.assertIsInstance(client.analytics.session(session.id), models.SessionAnalytics)
        ended = client.sessions.end(session.id)
        self.assertIsInstance(ended.duration_seconds, float)
        self.assertEqual(client.sessions.get(session.id).status, "ended")
        with self.assertRaises(parley.ConflictError):
            client.sessions.end(session.id)


class FileTests(unittest.TestCase):
    def test_a_file_is_uploaded_to_its_signed_url_confirmed_and_downloaded(self):
        conv = client.conversations.create(channel="api", customer_email="files@example.com", initial_message="Hi")
        data = b"order,reason\n1001,damaged\n"
        target = client.files.create_upload_url(filename="claim.csv", content_type="text/csv", size_bytes=len(data))
        self.assertIsInstance(target, models.UploadUrl)
        self.assertEqual(target.method, "PUT")
        client.files.upload(target.upload_url, data, content_type="text/csv")
        attached = client.files.confirm(target.file_id, conversation_id=conv.id)
        self.assertIsInstance(attached, models.File)
        self.assertEqual(attached.size_bytes, len(data))
        self.assertEqual(attached.conversation_id, conv.id)
        self.assertEqual(client.files.download(client.files.get(attached.id).url), data)

        again = client.files.upload_file(b"hello", filename="note.txt", content_type="text/plain",
                                         conversation_id=conv.id)
        self.assertEqual(client.files.download(again.url), b"hello")

    def test_a_signed_url_used_twice_is_refused(self):
        target = client.files.create_upload_url(filename="a.txt", content_type="text/plain", size_bytes=2)
        client.files.upload(target.upload_url, b"hi", content_type="text/plain")
        with self.assertRaises(parley.ConflictError):
            client.files.upload(target.upload_url, b"hi", content_type="text/plain")


class GdprTests(unittest.TestCase):
    def test_a_customer_is_exported_then_erased(self):
        email = support.unique("gdpr-") + "@example.com"
        client.conversations.create(channel="api", customer_email=email, initial_message="My address is 1 Elm St")
        export = client.gdpr.export(email=email, include_conversations=True)
        self.assertIsInstance(export, models.Export)
        self.assertTrue(export.request_id.startswith("export_"))
        done = support.eventually(
            lambda: (lambda e: e if e.status == "completed" else None)(client.gdpr.export_status(export.request_id)),
            timeout=180,
            message="the export completing",
        )
        archive = zipfile.ZipFile(io.BytesIO(client.files.download(done.download_url)))
        self.assertTrue(any(email in archive.read(name).decode("utf-8", "replace") for name in archive.namelist()))

        erasure = client.gdpr.delete(email=email, reason="customer_request")
        self.assertIsInstance(erasure, models.Erasure)
        self.assertEqual(erasure.status, "erased")
        self.assertGreater(sum(erasure.erased.values()), 0)
        self.assertEqual(client.gdpr.delete(email=email).status, "already_erased")
        self.assertIn(erasure.erasure_id, [e.erasure_id for e in client.gdpr.erasures(per_page=100).auto_paging_iter()])
        self.assertEqual(client.contacts.list(email=email).data, [])


class AnalyticsTests(unittest.TestCase):
    def test_every_report_answers_typed(self):
        client.chat.send("What are your business hours?")
        today = datetime.date.today()
        start = (today - datetime.timedelta(days=6)).isoformat()
        report = client.analytics.get(start_date=start, end_date=today.isoformat(), granularity="day")
        self.assertIsInstance(report, models.AnalyticsReport)
        self.assertGreater(report.summary["total_conversations"], 0)
        self.assertEqual(len(report.time_series), 7)

        intelligence = client.analytics.get_intelligence(metric="all", days=7)
        self.assertIsInstance(intelligence, models.Intelligence)
        self.assertEqual(len(intelligence.peak_usage["by_hour"]), 24)
        self.assertIsNotNone(intelligence.summary)
        only_gaps = client.analytics.get_intelligence(metric="content-gaps", days=7)
        self.assertIsNone(only_gaps.peak_usage)

        overview = client.analytics.overview(from_=start, to=today.isoformat())
        self.assertIn("total_chats", overview.metrics)
        dashboard = client.analytics.dashboard(period="week")
        self.assertIn("total_conversations", dashboard.metrics)
        self.assertIsInstance(client.analytics.agents(), list)
        metrics = client.monitoring.metrics()
        self.assertTrue(any(op.operation.startswith("POST /v1/chat") for op in metrics.operations))


class WorkspaceTests(unittest.TestCase):
    def test_stores_are_listed_read_changed_and_created(self):
        store = client.stores.list().data[0]
        self.assertIsInstance(store, models.Store)
        self.assertEqual(client.stores.get(store.id).name, store.name)
        updated = client.stores.update(store.id, settings={"return_window_days": 45})
        self.assertEqual(updated.settings["return_window_days"], 45)
        restored = client.stores.update(store.id, settings={"return_window_days": None})
        self.assertEqual(restored.settings["return_window_days"], 30)

        created = client.stores.create(name="Second Shop", domain=support.unique("shop") + ".example.com")
        self.assertIsInstance(created, models.StoreCreated)
        self.assertTrue(created.api_key.key.startswith("sk_live_"))
        other = server.client(created.api_key.key)
        self.assertEqual([s.id for s in other.stores.list()], [created.store.id])
        with self.assertRaises(parley.NotFoundError):
            other.conversations.get(client.conversations.list().data[0].id)

    def test_keys_are_created_shown_once_listed_and_revoked(self):
        key = client.keys.create(name=support.unique("sdk-key-"), type="secret", mode="test",
                                 scopes=["conversations:read"])
        self.assertTrue(key.key.startswith("sk_test_"))
        self.assertIsNone(client.keys.get(key.id).key)
        self.assertIn(key.id, [k.id for k in client.keys.list(per_page=100).auto_paging_iter()])
        revoked = client.keys.revoke(key.id)
        self.assertTrue(revoked.revoked)
        with self.assertRaises(parley.AuthenticationError) as raised:
            server.client(key.key).conversations.list()
        self.assertEqual(raised.exception.details.get("reason"), "revoked")

    def test_agents_sign_in_and_are_deactivated(self):
        email = support.unique("agent-") + "@example.com"
        agent = client.agents.create(name="Ada Agent", email=email, role="agent", password="a long passphrase")
        self.assertIsInstance(agent, models.Agent)
        self.assertEqual(client.agents.get(agent.id).email, email)
        self.assertEqual(client.agents.update(agent.id, capacity=9).capacity, 9)
        self.assertIn(agent.id, [a.id for a in client.agents.list()])
        self.assertEqual(client.agents.stats(agent.id).agent_id, agent.id)

        login = parley.Parley(api_key="", base_url=server.base_url).auth.login(email=email, password="a long passphrase")
        self.assertTrue(login.token.startswith("ct_"))
        self.assertEqual(login.agent.id, agent.id)
        as_agent = server.client(login.token)
        self.assertIsInstance(as_agent.conversations.list(), parley.Page)
        as_agent.auth.logout()
        with self.assertRaises(parley.AuthenticationError):
            as_agent.conversations.list()

        self.assertFalse(client.agents.deactivate(agent.id).active)

    def test_voice_settings_widget_config_and_triggers(self):
        voice = client.voice_settings.get()
        self.assertIn("wav", voice.available["audio_format"])
        self.assertEqual(client.voice_settings.update(audio_format="pcm16").audio_format, "pcm16")
        client.voice_settings.update(audio_format="wav")

        config = client.widget.update_config(button_text="Ask us")
        self.assertEqual(config.button_text, "Ask us")
        self.assertEqual(client.widget.get_config().button_text, "Ask us")

        trigger = client.widget.create_trigger(name="Exit offer", condition="exit_intent", message="Wait! 5% off")
        self.assertTrue(trigger.id.startswith("trigger_"))
        self.assertFalse(client.widget.update_trigger(trigger.id, active=False).active)
        self.assertEqual(client.widget.get_trigger(trigger.id).name, "Exit offer")
        self.assertIn(trigger.id, [t.id for t in client.widget.list_triggers().auto_paging_iter()])
        client.widget.delete_trigger(trigger.id)
        with self.assertRaises(parley.NotFoundError):
            client.widget.get_trigger(trigger.id)


if __name__ == "__main__":
    unittest.main()
