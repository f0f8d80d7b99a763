"""Seed 004's Python example (voice shopping agent): a session, the voice socket, audio in, transcript and answer out.

    PARLEY_API_KEY=sk_live_... PARLEY_BASE_URL=http://localhost:8080 python3 seed_004_quickstart.py speech.pcm

The audio file holds 16 kHz mono 16-bit PCM (or a .wav of that format). The seed's example sends its audio after
the loop that reads the socket, which would wait forever; here the audio goes first, then the loop reads until the
agent's answer.
"""

import asyncio
import os
import sys

from parley import Parley

client = Parley(
    api_key=os.environ.get("PARLEY_API_KEY"),
    base_url=os.environ.get("PARLEY_BASE_URL", "http://localhost:8080"),
)

with open(sys.argv[1], "rb") as source:
    audio_data = source.read()
audio_format = "wav" if sys.argv[1].endswith(".wav") else "pcm16"


async def main():
    # Create session
    session = client.create_session()

    # Connect WebSocket
    async with client.connect_voice(session.token) as ws:
        # Send audio
        await ws.send_audio(audio_data, format=audio_format, end_of_utterance=True)

        # Handle messages
        async for message in ws:
            if message.type == "transcription":
                print(f"User: {message.data.text}")
            elif message.type == "agent.response":
                print(f"Agent: {message.data.text}")
                break


asyncio.run(main())
