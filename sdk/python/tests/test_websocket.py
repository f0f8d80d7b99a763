"""The SDK's own RFC 6455 client against FakeWebSocketServer, a loopback asyncio server scripted per test: the
handshake's accept check, masking, fragmented and large messages, ping/pong and the closing handshake."""

import asyncio
import base64
import hashlib
import struct
import unittest

import support  # noqa: F401  (puts the package on the path)

from parley import WebSocketError
from parley import _websocket

GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def frame(opcode, payload, fin=True):
    head = bytearray([(0x80 if fin else 0) | opcode])
    if len(payload) < 126:
        head.append(len(payload))
    elif len(payload) < 65536:
        head += bytes([126]) + struct.pack("!H", len(payload))
    else:
        head += bytes([127]) + struct.pack("!Q", len(payload))
    return bytes(head) + payload


async def read_client_frame(reader):
    first, second = await reader.readexactly(2)
    length = second & 0x7F
    if length == 126:
        length = struct.unpack("!H", await reader.readexactly(2))[0]
    elif length == 127:
        length = struct.unpack("!Q", await reader.readexactly(8))[0]
    masked = bool(second & 0x80)
    mask = await reader.readexactly(4) if masked else b""
    data = await reader.readexactly(length)
    if masked:
        data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
    return first & 0x0F, data, masked


class FakeWebSocketServer:
    def __init__(self, script, accept=None):
        self.script = script
        self.accept = accept
        self.received = []

    async def __aenter__(self):
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.url = f"ws://127.0.0.1:{self.server.sockets[0].getsockname()[1]}/v1/ws"
        return self

    async def __aexit__(self, *exc):
        self.server.close()
        await self.server.wait_closed()

    async def handle(self, reader, writer):
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
        key = next(line.split(":", 1)[1].strip() for line in head.split("\r\n") if line.lower().startswith("sec-websocket-key"))
        accept = self.accept or base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()
        writer.write(
            ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
             f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode()
        )
        await self.script(reader, writer, self)
        writer.close()


class WebSocketClientTests(unittest.TestCase):
    def test_fragmented_and_large_messages_are_reassembled_and_client_frames_are_masked(self):
        big = ("x" * 70000).encode()

        async def script(reader, writer, server):
            server.received.append(await read_client_frame(reader))
            writer.write(frame(0x1, b"Hel", fin=False) + frame(0x0, b"lo ", fin=False) + frame(0x0, "wörld".encode()))
            writer.write(frame(0x2, big))
            await writer.drain()
            server.received.append(await read_client_frame(reader))

        async def scenario():
            async with FakeWebSocketServer(script) as fake:
                ws = await _websocket.connect(fake.url)
                await ws.send('{"type":"auth"}')
                first = await ws.recv()
                second = await ws.recv()
                await ws.send(b"\x00\x01")
                await asyncio.sleep(0.1)
                await ws.close(timeout=1)
                return fake.received, first, second

        received, first, second = asyncio.run(scenario())
        self.assertEqual(first, "Hello wörld")
        self.assertEqual(second, big)
        self.assertEqual(received[0], (0x1, b'{"type":"auth"}', True))
        self.assertEqual(received[1], (0x2, b"\x00\x01", True))

    def test_a_ping_is_answered_with_a_pong_of_the_same_payload(self):
        async def script(reader, writer, server):
            writer.write(frame(0x9, b"keepalive") + frame(0x1, b"after ping"))
            await writer.drain()
            server.received.append(await read_client_frame(reader))

        async def scenario():
            async with FakeWebSocketServer(script) as fake:
                ws = await _websocket.connect(fake.url)
                message = await ws.recv()
                await asyncio.sleep(0.1)
                await ws.close(timeout=1)
                return fake.received, message

        received, message = asyncio.run(scenario())
        self.assertEqual(message, "after ping")
        self.assertEqual(received[0][:2], (0xA, b"keepalive"))

    def test_the_servers_close_is_echoed_and_reported_with_its_code(self):
        async def script(reader, writer, server):
            writer.write(frame(0x8, struct.pack("!H", 4003) + b"session ended"))
            await writer.drain()
            server.received.append(await read_client_frame(reader))

        async def scenario():
            async with FakeWebSocketServer(script) as fake:
                ws = await _websocket.connect(fake.url)
                with self.assertRaises(_websocket.ConnectionClosed) as closed:
                    await ws.recv()
                await asyncio.sleep(0.1)
                return fake.received, closed.exception, ws

        received, closed, ws = asyncio.run(scenario())
        self.assertEqual((closed.code, closed.reason), (4003, "session ended"))
        self.assertEqual(ws.close_code, 4003)
        self.assertEqual(received[0][0], 0x8)
        self.assertEqual(struct.unpack("!H", received[0][1][:2])[0], 4003)

    def test_a_dropped_connection_reads_as_close_1006(self):
        async def script(reader, writer, server):
            writer.transport.abort()

        async def scenario():
            async with FakeWebSocketServer(script) as fake:
                ws = await _websocket.connect(fake.url)
                with self.assertRaises(_websocket.ConnectionClosed) as closed:
                    await ws.recv()
                return closed.exception

        self.assertEqual(asyncio.run(scenario()).code, 1006)

    def test_a_wrong_accept_header_fails_the_handshake(self):
        async def script(reader, writer, server):
            pass

        async def scenario():
            async with FakeWebSocketServer(script, accept="bm90IHRoZSByaWdodCBvbmU=") as fake:
                await _websocket.connect(fake.url)

        with self.assertRaises(WebSocketError) as raised:
            asyncio.run(scenario())
        self.assertEqual(raised.exception.code, "handshake_failed")

    def test_close_sends_a_close_frame_and_waits_for_the_answer(self):
        async def script(reader, writer, server):
            opcode, data, _ = await read_client_frame(reader)
            server.received.append((opcode, data))
            writer.write(frame(0x8, data))
            await writer.drain()

        async def scenario():
            async with FakeWebSocketServer(script) as fake:
                ws = await _websocket.connect(fake.url)
                await ws.close(1000, "bye")
                return fake.received, ws.close_code

        received, code = asyncio.run(scenario())
        self.assertEqual(received[0], (0x8, struct.pack("!H", 1000) + b"bye"))
        self.assertEqual(code, 1000)


class ModelTests(unittest.TestCase):
    def test_fields_a_newer_server_adds_are_kept_and_readable(self):
        from parley import ParleyObject, models

        conv = models.ConversationCreated.from_dict(
            {"conversation_id": "conv_1", "response": {"content": "Hi", "type": "text", "tone": "warm"},
             "actions_taken": [{"type": "x", "details": {"order": {"number": "1001"}}}], "brand_new": {"a": 1}}
        )
        self.assertEqual(conv.id, "conv_1")
        self.assertEqual(conv.response.tone, "warm")
        self.assertEqual(conv.actions_taken[0].details.order.number, "1001")
        self.assertIsInstance(conv.brand_new, ParleyObject)
        self.assertEqual(conv.to_dict()["brand_new"], {"a": 1})
        self.assertIsNone(conv.escalated)
        with self.assertRaises(AttributeError):
            conv.not_there


if __name__ == "__main__":
    unittest.main()
