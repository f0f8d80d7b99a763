"""Seed 000's quick start (Omniops), in Python: chat, analytics, web scraping.

    PARLEY_API_KEY=sk_live_... PARLEY_BASE_URL=http://localhost:8080 python3 seed_000_quickstart.py [site-url]
"""

import os
import sys

from parley import Parley

client = Parley(
    api_key=os.environ.get("PARLEY_API_KEY"),
    base_url=os.environ.get("PARLEY_BASE_URL", "http://localhost:8080"),
    domain=os.environ.get("PARLEY_DOMAIN"),  # seed 000's `domain`: one of your store's domains, sent as X-Domain
)

# Send a chat message
response = client.chat.send(message="What are your business hours?")

# Get analytics
analytics = client.analytics.get_intelligence(metric="all", days=7)

# Start web scraping
job = client.scraping.start(url=sys.argv[1] if len(sys.argv) > 1 else "https://example.com", max_pages=100)

print("Chat:", response.response)
print("Busiest hour:", analytics.peak_usage["busiest_hour"], "| insights:", analytics.summary["total_insights"])
print("Scrape job:", job.job_id, job.status)
