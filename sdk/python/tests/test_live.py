"""The live socket /v1/ws through the SDK's own WebSocket client: auth, messages, typing, callbacks and iteration,
replay with last_message_id and reconnecting after a dropped connection."""

import asyncio
import unittest

import support

import parley


def setUpModule():
    global server, client
    server = support.server()
    client = server.client()


async def until(live, predicate, timeout=120):
    """The frames up to and including the first that satisfies ``predicate``."""
    frames = []
    while True:
        frame = await live.receive(timeout)
        frames.append(frame)
        if predicate(frame):
            return frames


def assistant_message(frame):
    return frame.type == "message" and frame.role == "assistant"


class LiveSocketTests(unittest.TestCase):
    def test_a_message_starts_a_conversation_and_the_answer_reaches_callbacks_and_iteration(self):
        async def scenario():
            heard = []
            async with client.live.connect() as live:
                live.on("message", lambda frame: heard.append(frame))
                client_id = await live.send_message("Where is order #1001?")
                frames = await until(live, assistant_message)
                return live, heard, client_id, frames

        live, heard, client_id, frames = asyncio.run(scenario())
        kinds = [f.type for f in frames]
        self.assertIn("conversation", kinds)
        received = next(f for f in frames if f.type == "message_received")
        self.assertEqual(received.client_message_id, client_id)
        self.assertTrue(received.message_id.startswith("msg_"))
        self.assertTrue(live.conversation_id.startswith("conv_"))
        self.assertEqual([f.message_id for f in heard], [frames[-1].message_id])
        self.assertTrue(frames[-1].content)
        stored = client.conversations.get(live.conversation_id, include_messages=True)
        self.assertEqual(stored.messages[0].content, "Where is order #1001?")
        self.assertEqual(live.last_message_id, frames[-1].message_id)

    def test_last_message_id_replays_what_was_missed(self):
        conv = client.conversations.create(channel="api", customer_email="replay@example.com", initial_message="Hi")
        client.conversations.send_message(conv.id, "Do you sell gift cards?")
        missed = [m.id for m in client.conversations.messages(conv.id, after=conv.message_id)]
        self.assertEqual(len(missed), 3)  # the first answer, the second question and its answer

        async def scenario():
            async with client.live.connect(conversation_id=conv.id, last_message_id=conv.message_id) as live:
                frames = []
                while len([f for f in frames if f.type == "message"]) < len(missed):
                    frames.append(await live.receive(120))
                return frames

        messages = [f for f in asyncio.run(scenario()) if f.type == "message"]
        self.assertEqual([f.message_id for f in messages], missed)
        self.assertEqual(messages[1].content, "Do you sell gift cards?")
        self.assertEqual([f.role for f in messages], ["assistant", "user", "assistant"])

    def test_after_a_dropped_connection_it_reconnects_and_gets_what_it_missed(self):
        conv = client.conversations.create(channel="api", customer_email="drop@example.com", initial_message="Hi")

        async def scenario():
            live = await client.live.connect(
                conversation_id=conv.id, last_message_id=conv.message_id, reconnect_delay=0.2
            )
            await until(live, assistant_message)  # the first answer, replayed: now the socket knows where it is
            reconnected = asyncio.Event()
            written = {}

            def while_away(frame):
                # Runs while the socket is down: a message written now can only arrive by replay, and a frame
                # sent now waits for the reconnect.
                written["id"] = client.conversations.reply(conv.id, "Your parcel left our warehouse.").id
                written["send"] = asyncio.ensure_future(live.send_message("Thanks!", client_message_id="while-away"))

            live.on("disconnected", while_away)
            live.on("reconnected", lambda frame: reconnected.set())
            await live.typing(True)
            live._ws.abort()
            frames = await until(live, lambda f: f.type == "message" and f.get("message_id") == written.get("id"))
            await asyncio.wait_for(reconnected.wait(), 30)
            after = await until(live, lambda f: f.type == "message_received")
            await written["send"]
            await live.close()
            return live, frames, after, written

        live, frames, after, written = asyncio.run(scenario())
        self.assertEqual(live.reconnects, 1)
        self.assertEqual(frames[-1].content, "Your parcel left our warehouse.")
        self.assertEqual(frames[-1].role, "agent")
        kinds = [f.type for f in frames]
        self.assertLess(kinds.index("disconnected"), kinds.index("reconnected"))
        self.assertEqual(after[-1].client_message_id, "while-away")
        self.assertTrue(after[-1].message_id.startswith("msg_"))

    def test_a_session_token_opens_its_conversation(self):
        session = client.create_session()

        async def scenario():
            async with client.live.connect(token=session.token) as live:
                return live.conversation_id, live.session_id

        conversation_id, session_id = asyncio.run(scenario())
        self.assertEqual(conversation_id, session.conversation_id)
        self.assertEqual(session_id, session.session_id)

    def test_a_wrong_key_is_refused_with_a_typed_error(self):
        stranger = server.client("sk_live_" + "Q" * 32)

        async def scenario():
            await stranger.live.connect()

        with self.assertRaises(parley.WebSocketError) as raised:
            asyncio.run(scenario())
        self.assertEqual(raised.exception.code, "unauthorized")

    def test_the_agent_stream_hears_conversation_events(self):
        async def scenario():
            async with client.live.agent_stream() as stream:
                conv = await asyncio.get_running_loop().run_in_executor(
                    None,
                    lambda: client.conversations.create(channel="api", customer_email="agents@example.com",
                                                       initial_message="Hello team"),
                )
                frames = await until(
                    stream, lambda f: f.type == "event" and f.get("conversation_id") == conv.id
                    and f.event == "conversation.created",
                )
                return frames[-1]

        event = asyncio.run(scenario())
        self.assertEqual(event.event, "conversation.created")


if __name__ == "__main__":
    unittest.main()
