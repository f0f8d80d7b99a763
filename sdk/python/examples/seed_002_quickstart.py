"""Seed 002's Python SDK example (knowledge-base chat), unchanged but for the import and the client's name.

    PARLEY_API_KEY=sk_live_... PARLEY_BASE_URL=http://localhost:8080 python3 seed_002_quickstart.py
"""

import os

from parley import Parley

client = Parley(api_key=os.environ.get("PARLEY_API_KEY"), base_url=os.environ.get("PARLEY_BASE_URL"))

# Send a message
response = client.send_message(
    message="How do I reset my password?",
    user_id="user_12345"
)

print(response.answer)
print(f"Confidence: {response.confidence}")
