"""The voice socket (seed 004) through connect_voice: session.ready, audio in, transcription and agent.response to
on() callbacks and to iteration, error frames, and a refused token."""

import asyncio
import unittest

import speech
import support

import parley


def setUpModule():
    global server, client, audio
    server = support.server()
    client = server.client()
    audio = speech.spoken_pcm16("do you have running shoes in size ten")


class VoiceTests(unittest.TestCase):
    def test_spoken_audio_is_transcribed_and_answered_to_callbacks_and_iteration(self):
        session = client.create_session(user_id="voice-shopper")

        async def scenario():
            heard = {"transcription": [], "agent.response": []}
            async with client.connect_voice(session.token, preferences={"audio_format": "wav"}) as ws:
                ws.on("transcription", lambda data: heard["transcription"].append(data))
                ws.on("agent.response", lambda data: heard["agent.response"].append(data))
                await ws.send_audio(audio, end_of_utterance=True)
                frames = []
                async for message in ws:
                    frames.append(message)
                    if message.type == "audio.output":
                        break
                return ws.ready, heard, frames

        ready, heard, frames = asyncio.run(scenario())
        self.assertEqual(ready.session_id, session.session_id)
        self.assertEqual(ready.conversation_id, session.conversation_id)
        kinds = [f.type for f in frames]
        self.assertEqual(kinds, ["session.ready", "transcription", "agent.response", "audio.output"])
        transcript = heard["transcription"][0]
        self.assertIn("shoes", transcript.text)
        self.assertTrue(transcript.is_final)
        answer = heard["agent.response"][0]
        self.assertEqual(answer.text, frames[2].data.text)
        self.assertIn("search_products", answer.tools_used)
        self.assertEqual(frames[3].data.format, "wav")
        stored = client.sessions.get(session.session_id)
        self.assertIn(transcript.text, [m["content"] for m in stored.messages])

    def test_a_bad_audio_frame_gets_an_error_and_the_socket_stays_open(self):
        session = client.create_session()

        async def scenario():
            errors = []
            async with client.connect_voice(session.token) as ws:
                ws.on("error", lambda data: errors.append(data))
                await ws.send_audio(b"\x01", format="pcm16", sample_rate=8000)
                ready = await ws.receive(60)
                first = await ws.receive(60)
                await ws.end()
                rest = [frame async for frame in ws]
                return ready, errors, first, rest, ws.close_code

        ready, errors, first, rest, close_code = asyncio.run(scenario())
        self.assertEqual(ready.type, "session.ready")
        self.assertEqual(first.type, "error")
        self.assertEqual(errors[0].code, "VALIDATION_ERROR")
        self.assertEqual(errors[0].details.reason, "unsupported_sample_rate")
        self.assertEqual(close_code, 1000)

    def test_an_unknown_token_is_refused(self):
        async def scenario():
            async with client.connect_voice("st_" + "x" * 40):
                pass

        with self.assertRaises(parley.WebSocketError) as raised:
            asyncio.run(scenario())
        self.assertEqual(raised.exception.code, "UNAUTHORIZED")


if __name__ == "__main__":
    unittest.main()
