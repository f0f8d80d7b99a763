"""Knowledge base, documents, training, search, intents, scraping and the assistant's model settings."""

import unittest

import support

import parley
from parley import models


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


class KnowledgeBaseTests(unittest.TestCase):
    def test_articles_are_created_read_listed_changed_searched_and_deleted(self):
        category = support.unique("care-")
        article = client.knowledge_base.create(
            title="Washing wool jumpers",
            content="Wash wool jumpers by hand in cold water and dry them flat, away from the radiator.",
            category=category,
            tags=["care", "wool"],
        )
        self.assertIsInstance(article, models.Article)
        self.assertTrue(article.id.startswith("kb_"))
        self.assertTrue(article.indexed)
        self.assertEqual(client.knowledge_base.get(article.id).title, "Washing wool jumpers")
        self.assertEqual([a.id for a in client.knowledge_base.list(category=category)], [article.id])

        patched = client.knowledge_base.update(article.id, title="Caring for wool jumpers")
        self.assertEqual(patched.title, "Caring for wool jumpers")
        self.assertEqual(patched.category, category)
        replaced = client.knowledge_base.replace(article.id, title="Wool care", content="Hand wash cold, dry flat.")
        self.assertIsNone(replaced.category)

        results = client.knowledge_base.search("how do I wash a wool jumper", top_k=3)
        self.assertIsInstance(results, models.SearchResults)
        self.assertIn(article.id, [hit.source_id for hit in results.results])
        self.assertIsInstance(results.results[0].score, float)

        client.knowledge_base.delete(article.id)
        with self.assertRaises(parley.NotFoundError):
            client.knowledge_base.get(article.id)


class DocumentTests(unittest.TestCase):
    def test_a_markdown_document_is_imported_listed_and_deleted(self):
        text = b"# Gift cards\n\nGift cards never expire and can be used on any order, online or in store.\n"
        document = client.documents.upload(
            text, filename="gift-cards.md", content_type="text/markdown", title="Gift cards", tags=["gifts", "faq"]
        )
        self.assertIsInstance(document, models.Document)
        self.assertTrue(document.id)
        self.assertEqual(document.title, "Gift cards")
        self.assertEqual(sorted(document.tags), ["faq", "gifts"])
        self.assertGreaterEqual(document.chunk_count, 1)
        self.assertEqual(client.documents.get(document.id).filename, "gift-cards.md")
        self.assertIn(document.id, [d.id for d in client.documents.list(per_page=100).auto_paging_iter()])
        client.documents.delete(document.id)
        with self.assertRaises(parley.NotFoundError):
            client.documents.get(document.id)


class TrainingTests(unittest.TestCase):
    def test_training_items_one_by_one_and_in_a_batch(self):
        item = client.training.create(
            type="faq",
            title="Do you gift wrap?",
            content="Yes, gift wrapping costs 3 dollars and you can add a note.",
            metadata={"category": "gifts", "tags": ["wrap"]},
        )
        self.assertIsInstance(item, models.TrainingItem)
        self.assertEqual(item.type, "faq")
        self.assertEqual(client.training.get(item.id).title, "Do you gift wrap?")
        self.assertEqual(client.training.update(item.id, title="Gift wrapping").title, "Gift wrapping")

        batch = client.training.create_batch(
            [
                {"type": "policy", "title": "Price match", "content": "We match a lower price within 14 days."},
                {"type": "guide", "title": "Sizing", "content": "Our shoes run half a size small."},
            ]
        )
        self.assertEqual(batch.created, 2)
        self.assertEqual([i.type for i in batch.items], ["policy", "guide"])
        listed = {i.id for i in client.training.list(per_page=1).auto_paging_iter()}
        self.assertTrue({item.id, *(i.id for i in batch.items)} <= listed)

        client.training.delete(item.id)
        with self.assertRaises(parley.NotFoundError):
            client.training.get(item.id)

    def test_a_batch_with_one_bad_item_stores_nothing(self):
        before = client.training.list().pagination.total_count
        with self.assertRaises(parley.InvalidRequestError):
            client.training.create_batch([{"type": "faq", "content": "Fine"}, {"type": "nonsense", "content": "x"}])
        self.assertEqual(client.training.list().pagination.total_count, before)


class IntentTests(unittest.TestCase):
    def test_a_custom_intent_is_taught_changed_and_removed_beside_the_built_in_ones(self):
        name = support.unique("loyalty_points_")
        intent = client.intents.create(
            name=name,
            description="Questions about loyalty points",
            examples=["how many points do I have", "can I spend my loyalty points", "my points balance"],
        )
        self.assertIsInstance(intent, models.Intent)
        self.assertFalse(intent.built_in)
        self.assertEqual(intent.examples_count, 3)
        changed = client.intents.update(name, add_examples=["do points expire"])
        self.assertEqual(changed.examples_count, 4)
        names = {i.name: i for i in client.intents.list()}
        self.assertIn(name, names)
        self.assertTrue(names["order_status"].built_in)
        self.assertEqual(client.intents.get(name).description, "Questions about loyalty points")
        client.intents.delete(name)
        with self.assertRaises(parley.NotFoundError):
            client.intents.get(name)


class ScrapingTests(unittest.TestCase):
    def setUp(self):
        self.site = support.LocalSite()
        self.addCleanup(self.site.close)

    def test_a_crawl_is_started_followed_to_completion_and_its_pages_are_searchable(self):
        job = client.scraping.start(url=self.site.url, max_pages=10, follow_links=True)
        self.assertIsInstance(job, models.ScrapeJob)
        self.assertTrue(job.job_id.startswith("job_"))
        self.assertEqual(job.status, "queued")

        def finished():
            status = client.scraping.status(job.job_id)
            return status if status.status in ("completed", "failed", "cancelled") else None

        status = support.eventually(finished, timeout=180, message="the crawl finishing")
        self.assertIsInstance(status, models.ScrapeStatus)
        self.assertEqual(status.status, "completed", status.to_dict())
        self.assertEqual(status.progress.pages_scraped, 2)
        hits = client.knowledge_base.search("how long does delivery of a lamp take").results
        self.assertTrue(any("two working days" in hit.text for hit in hits))

    def test_a_crawl_can_be_cancelled(self):
        job = client.scraping.start(url=self.site.url, max_pages=50)
        cancelled = client.scraping.cancel(job.job_id)
        self.assertIn(cancelled.status, ("cancelled", "completed"))
        self.assertIn(client.scraping.status(job.job_id).status, ("cancelled", "completed"))


class AssistantModelTests(unittest.TestCase):
    def test_the_model_settings_are_set_without_showing_the_key_and_reset(self):
        self.assertEqual(client.assistant_model.get().provider, "none")
        try:
            settings = client.assistant_model.update(
                provider="openai_compatible",
                base_url="http://127.0.0.1:9/v1",
                model="tiny-model",
                api_key="sk-provider-secret",
                temperature=0.2,
            )
            self.assertIsInstance(settings, models.ModelSettings)
            self.assertEqual(settings.provider, "openai_compatible")
            self.assertTrue(settings.api_key_set)
            self.assertNotIn("sk-provider-secret", str(settings.to_dict()))
            self.assertEqual(client.assistant_model.get().model, "tiny-model")
        finally:
            client.assistant_model.delete()
        self.assertEqual(client.assistant_model.get().provider, "none")


if __name__ == "__main__":
    unittest.main()
