"""A minimal RFC 6455 WebSocket client over asyncio streams (ws:// and wss://), standard library only.

Text and binary messages, fragmentation, ping/pong and the closing handshake; no extensions.
"""

import asyncio
import base64
import hashlib
import os
import ssl
import struct
import urllib.parse
from typing import Mapping, Optional, Tuple, Union

from .errors import WebSocketError

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OP_CONTINUATION, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG = 0x0, 0x1, 0x2, 0x8, 0x9, 0xA
MAX_MESSAGE = 64 * 1024 * 1024


class ConnectionClosed(Exception):
    """The socket is closed; ``code`` and ``reason`` are the close frame's (1006 when the connection dropped)."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"WebSocket closed: {code} {reason}".strip())
        self.code = code
        self.reason = reason


class WebSocket:
    """One client connection. Use :func:`connect` to open it."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._send_lock = asyncio.Lock()
        self.close_code: Optional[int] = None
        self.close_reason: str = ""
        self._close_sent = False
        self._read_lock = asyncio.Lock()
        self._closed = asyncio.Event()

    @property
    def closed(self) -> bool:
        return self.close_code is not None

    async def send(self, message: Union[str, bytes]) -> None:
        if isinstance(message, str):
            await self._send_frame(OP_TEXT, message.encode("utf-8"))
        else:
            await self._send_frame(OP_BINARY, bytes(message))

    async def recv(self) -> Union[str, bytes]:
        """The next message; raises :class:`ConnectionClosed` once the socket is closed."""
        # One reader at a time: a read loop and close() may both want the next frame.
        async with self._read_lock:
            return await self._recv()

    async def _recv(self) -> Union[str, bytes]:
        if self.closed:
            raise ConnectionClosed(self.close_code, self.close_reason)
        buffer = bytearray()
        kind = None
        while True:
            try:
                fin, opcode, payload = await self._read_frame()
            except (asyncio.IncompleteReadError, ConnectionError, OSError):
                self._drop()
                raise ConnectionClosed(self.close_code, self.close_reason) from None
            if opcode == OP_PING:
                await self._send_frame(OP_PONG, payload)
                continue
            if opcode == OP_PONG:
                continue
            if opcode == OP_CLOSE:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                reason = payload[2:].decode("utf-8", errors="replace")
                if not self._close_sent:
                    await self._try_send_close(code if code != 1005 else 1000, "")
                self._set_closed(code, reason)
                self._writer.close()
                raise ConnectionClosed(code, reason)
            if opcode in (OP_TEXT, OP_BINARY):
                kind = opcode
                buffer = bytearray(payload)
            elif opcode == OP_CONTINUATION and kind is not None:
                buffer.extend(payload)
            else:
                await self._try_send_close(1002, "protocol error")
                self._set_closed(1002, "protocol error")
                self._writer.close()
                raise ConnectionClosed(1002, "protocol error")
            if len(buffer) > MAX_MESSAGE:
                await self._try_send_close(1009, "message too big")
                self._set_closed(1009, "message too big")
                self._writer.close()
                raise ConnectionClosed(1009, "message too big")
            if fin:
                return buffer.decode("utf-8") if kind == OP_TEXT else bytes(buffer)

    async def close(self, code: int = 1000, reason: str = "", timeout: float = 5.0) -> None:
        """Sends a close frame and waits (up to ``timeout``) for the server's."""
        if self.closed:
            return
        await self._try_send_close(code, reason)
        # Another task may be reading (a connection's read loop): it sees the server's close frame; else read here.
        waiting = self._closed.wait() if self._read_lock.locked() else self._drain_until_close()
        try:
            await asyncio.wait_for(waiting, timeout)
        except (asyncio.TimeoutError, ConnectionClosed):
            pass
        finally:
            self._set_closed(code, reason)
            self._writer.close()

    def abort(self) -> None:
        """Drops the connection without a closing handshake (as a network failure would)."""
        self._writer.transport.abort()

    async def _drain_until_close(self) -> None:
        while True:
            await self.recv()

    async def _try_send_close(self, code: int, reason: str) -> None:
        self._close_sent = True
        try:
            await self._send_frame(OP_CLOSE, struct.pack("!H", code) + reason.encode("utf-8")[:120])
        except (ConnectionError, OSError):
            pass

    def _drop(self) -> None:
        self._set_closed(1006, "connection lost")
        self._writer.close()

    def _set_closed(self, code: int, reason: str) -> None:
        if self.close_code is None:
            self.close_code, self.close_reason = code, reason
        self._closed.set()

    async def _send_frame(self, opcode: int, payload: bytes) -> None:
        # Clients mask every frame (RFC 6455 section 5.3).
        header = bytearray([0x80 | opcode])
        length = len(payload)
        if length < 126:
            header.append(0x80 | length)
        elif length < 65536:
            header.append(0x80 | 126)
            header += struct.pack("!H", length)
        else:
            header.append(0x80 | 127)
            header += struct.pack("!Q", length)
        mask = os.urandom(4)
        header += mask
        async with self._send_lock:
            self._writer.write(bytes(header) + _mask(payload, mask))
            await self._writer.drain()

    async def _read_frame(self) -> Tuple[bool, int, bytes]:
        first, second = await self._reader.readexactly(2)
        fin = bool(first & 0x80)
        opcode = first & 0x0F
        length = second & 0x7F
        if length == 126:
            length = struct.unpack("!H", await self._reader.readexactly(2))[0]
        elif length == 127:
            length = struct.unpack("!Q", await self._reader.readexactly(8))[0]
        if length > MAX_MESSAGE:
            raise ConnectionError("frame too large")
        mask = await self._reader.readexactly(4) if second & 0x80 else None
        payload = await self._reader.readexactly(length)
        return fin, opcode, _mask(payload, mask) if mask else payload


async def connect(
    url: str,
    *,
    headers: Optional[Mapping[str, str]] = None,
    ssl_context: Optional[ssl.SSLContext] = None,
    timeout: float = 30.0,
) -> WebSocket:
    """Opens ``ws://`` or ``wss://`` ``url``; raises :class:`~parley.WebSocketError` when the upgrade is refused."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("ws", "wss"):
        raise ValueError(f"not a WebSocket URL: {url}")
    secure = parts.scheme == "wss"
    host = parts.hostname or "localhost"
    port = parts.port or (443 if secure else 80)
    context = (ssl_context or ssl.create_default_context()) if secure else None
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=context, server_hostname=host if secure else None,
                                    limit=MAX_MESSAGE),
            timeout,
        )
    except (OSError, asyncio.TimeoutError) as failure:
        raise WebSocketError(f"Could not connect to {url}: {failure}", code="connection_error") from failure
    key = base64.b64encode(os.urandom(16)).decode()
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    host_header = host if parts.port is None else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        host_header = f"[{host}]" + ("" if parts.port is None else f":{port}")
    lines = [
        f"GET {target} HTTP/1.1",
        f"Host: {host_header}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
    ]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
    try:
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as failure:
        writer.close()
        raise WebSocketError(f"The WebSocket handshake with {url} failed: {failure}", code="handshake_failed") from None
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    answer = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        if name:
            answer[name.strip().lower()] = value.strip()
    status = status_line.split(" ", 2)
    code = int(status[1]) if len(status) > 1 and status[1].isdigit() else 0
    expected = base64.b64encode(hashlib.sha1(key.encode() + _GUID).digest()).decode()
    if code != 101 or answer.get("sec-websocket-accept") != expected:
        writer.close()
        raise WebSocketError(
            f"The server refused the WebSocket upgrade of {url}: {status_line}",
            code="handshake_failed",
            status=code or None,
            headers=answer,
        )
    return WebSocket(reader, writer)


def _mask(payload: bytes, mask: bytes) -> bytes:
    if not payload:
        return payload
    # XOR in one big-integer operation: far faster than a Python loop for audio-sized frames.
    repeated = (mask * (len(payload) // 4 + 1))[: len(payload)]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(len(payload), "big")
