"""Seed 001's Python SDK example (e-commerce support agent), unchanged but for the import and the client's name.

    PARLEY_API_KEY=sk_live_... PARLEY_BASE_URL=http://localhost:8080 python3 seed_001_quickstart.py
"""

import os

from parley import Parley

client = Parley(api_key=os.environ.get("PARLEY_API_KEY"), base_url=os.environ.get("PARLEY_BASE_URL"))

# Start conversation
conv = client.conversations.create(
    channel="api",
    customer_email="customer@example.com",
    initial_message="Where is order #1234?"
)

print(conv.response.content)

# Send follow-up
response = client.conversations.send_message(
    conversation_id=conv.id,
    content="When will it arrive?"
)

print(response.response.content)
