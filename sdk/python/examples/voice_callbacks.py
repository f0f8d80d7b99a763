"""Seed 004's TypeScript example in Python: callbacks with ws.on('transcription') and ws.on('agent.response').

    PARLEY_API_KEY=sk_live_... PARLEY_BASE_URL=http://localhost:8080 python3 voice_callbacks.py speech.pcm
"""

import asyncio
import os
import sys

from parley import Parley

client = Parley(
    api_key=os.environ.get("PARLEY_API_KEY"),
    base_url=os.environ.get("PARLEY_BASE_URL", "http://localhost:8080"),
)


async def main():
    with open(sys.argv[1], "rb") as source:
        audio_buffer = source.read()

    # Create session
    session = client.create_session()

    # Connect WebSocket
    ws = await client.connect_voice(session.token)
    answered = asyncio.Event()

    ws.on("transcription", lambda data: print("User said:", data.text))

    def on_answer(data):
        print("Agent:", data.text)
        answered.set()

    ws.on("agent.response", on_answer)

    # Send audio
    await ws.send_audio(audio_buffer, end_of_utterance=True)
    await asyncio.wait_for(answered.wait(), 300)

    # End session
    await ws.close()


asyncio.run(main())
