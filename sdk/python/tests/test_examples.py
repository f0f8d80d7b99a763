"""Each seed's quick start in examples/ runs unchanged against the live server, as a separate Python process."""

import os
import subprocess
import sys
import tempfile
import unittest

import speech
import support

EXAMPLES = support.SDK / "examples"


def setUpModule():
    global server
    server = support.server()


def run(name, *args, **env):
    environment = {
        **os.environ,
        "PYTHONPATH": str(support.SDK / "src"),
        "PARLEY_API_KEY": server.admin_key,
        "PARLEY_BASE_URL": server.base_url,
        **env,
    }
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise AssertionError(f"{name} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout.splitlines()


class QuickStartTests(unittest.TestCase):
    def test_seed_000_chats_reads_intelligence_and_starts_a_crawl(self):
        site = support.LocalSite()
        self.addCleanup(site.close)
        printed = run("seed_000_quickstart.py", site.url, PARLEY_DOMAIN="localhost")
        self.assertTrue(printed[0].startswith("Chat: ") and len(printed[0]) > len("Chat: "))
        # the chat's reply may run over several lines (an answer, a blank line, a follow-up question)
        lines = [printed[0]] + [line for line in printed if line.startswith(("Busiest hour:", "Scrape job:"))]
        self.assertRegex(lines[1], r"^Busiest hour: \d+ \| insights: \d+$")
        self.assertRegex(lines[2], r"^Scrape job: job_\w+ queued$")
        job_id = lines[2].split()[2]
        status = support.eventually(
            lambda: (lambda s: s if s.status in ("completed", "failed") else None)(
                server.client().scraping.status(job_id)
            ),
            timeout=180,
            message="the example's crawl finishing",
        )
        self.assertEqual(status.status, "completed")

    def test_seed_001_starts_a_conversation_and_follows_up(self):
        lines = run("seed_001_quickstart.py")
        self.assertEqual(len(lines), 2)
        self.assertIn("1234", lines[0])
        self.assertTrue(lines[1])
        client = server.client()
        asked = [
            [m.content for m in client.conversations.get(row.id, include_messages=True).messages if m.role == "user"]
            for row in client.conversations.list(customer_email="customer@example.com").auto_paging_iter()
        ]
        self.assertIn(["Where is order #1234?", "When will it arrive?"], asked)

    def test_seed_002_answers_with_a_confidence(self):
        lines = run("seed_002_quickstart.py")
        self.assertTrue(lines[0])
        self.assertRegex(lines[-1], r"^Confidence: (0|1)(\.\d+)?$")

    def test_seed_004_transcribes_and_answers_spoken_audio(self):
        audio = tempfile.NamedTemporaryFile(suffix=".pcm", delete=False)
        self.addCleanup(os.unlink, audio.name)
        audio.write(speech.spoken_pcm16("do you have running shoes in size ten"))
        audio.close()
        lines = run("seed_004_quickstart.py", audio.name)
        self.assertTrue(lines[0].startswith("User: "), lines)
        self.assertIn("shoes", lines[0])
        self.assertTrue(lines[1].startswith("Agent: ") and len(lines[1]) > len("Agent: "), lines)

    def test_the_voice_callbacks_example_prints_what_it_hears(self):
        audio = tempfile.NamedTemporaryFile(suffix=".pcm", delete=False)
        self.addCleanup(os.unlink, audio.name)
        audio.write(speech.spoken_pcm16("where is my order"))
        audio.close()
        lines = run("voice_callbacks.py", audio.name)
        self.assertTrue(lines[0].startswith("User said: "), lines)
        self.assertIn("order", lines[0])
        self.assertTrue(lines[1].startswith("Agent: "), lines)


if __name__ == "__main__":
    unittest.main()
