"""The live socket ``/v1/ws`` (the widget's conversation stream) and the agents' stream ``/v1/agent/ws``.

Frames arrive as :class:`~parley.ParleyObject` (``frame.type``, ``frame.content``, ...), to callbacks registered
with :meth:`LiveConnection.on` and to ``async for`` over the connection. When the connection drops, the client
reconnects with backoff and sends the last message id it saw as ``last_message_id``, so the server replays what was
missed before live messages::

    async with client.live.connect() as live:
        live.on("message", lambda frame: print(frame.role, frame.content))
        await live.send_message("Where is my order?")
        async for frame in live:
            if frame.type == "message" and frame.role == "assistant":
                break
"""

import asyncio
import inspect
import json
import random
import ssl
import uuid
from typing import Any, Awaitable, Callable, Dict, List, Optional, Union

from . import _websocket
from ._model import ParleyObject
from .errors import WebSocketError

Callback = Callable[[ParleyObject], Union[None, Awaitable[None]]]

# Closes after which reconnecting cannot help: the key was refused or revoked (4001), the session ended (4003).
_FINAL_CLOSE_CODES = {4001, 4003}
_END = object()


class LiveConnection:
    """One live socket, reconnecting by itself; create it with ``client.live.connect(...)``."""

    def __init__(
        self,
        url: str,
        auth: Dict[str, Any],
        *,
        reconnect: bool = True,
        max_reconnects: int = 10,
        reconnect_delay: float = 0.5,
        max_reconnect_delay: float = 10.0,
        headers: Optional[Dict[str, str]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        open_timeout: float = 30.0,
    ) -> None:
        self.url = url
        self._auth = {k: v for k, v in auth.items() if v is not None}
        self.reconnect = reconnect
        self.max_reconnects = max_reconnects
        self.reconnect_delay = reconnect_delay
        self.max_reconnect_delay = max_reconnect_delay
        self._headers = dict(headers or {})
        self._ssl = ssl_context
        self._open_timeout = open_timeout
        self._callbacks: Dict[str, List[Callback]] = {}
        self._queue: "Optional[asyncio.Queue[Any]]" = None  # made in connect(), on the caller's event loop
        self._ws: Optional[_websocket.WebSocket] = None
        self._reader: Optional[asyncio.Task] = None
        self._closing = False
        self._ended = False
        self._connected: Optional[asyncio.Event] = None
        self.conversation_id: Optional[str] = self._auth.get("conversation_id")
        self.last_message_id: Optional[str] = self._auth.get("last_message_id")
        self.session_id: Optional[str] = None
        self.visitor_token: Optional[str] = self._auth.get("visitor_token")
        self.reconnects = 0
        self.error: Optional[WebSocketError] = None

    # --- lifecycle ------------------------------------------------------------------------------------------------

    async def connect(self) -> "LiveConnection":
        """Opens the socket and authenticates; raises :class:`~parley.WebSocketError` when refused."""
        self._queue = asyncio.Queue()
        self._connected = asyncio.Event()
        await self._open()
        self._reader = asyncio.ensure_future(self._read_loop())
        return self

    async def close(self) -> None:
        """Closes the socket (no reconnect) and ends iteration."""
        self._closing = True
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            try:
                await asyncio.wait_for(self._reader, 5)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                self._reader.cancel()
        if self._queue is not None:
            self._queue.put_nowait(_END)

    async def __aenter__(self) -> "LiveConnection":
        return await self.connect()

    async def __aexit__(self, *exc_info) -> None:
        await self.close()

    def __await__(self):
        return self.connect().__await__()

    # --- sending --------------------------------------------------------------------------------------------------

    async def send_message(self, content: str, *, client_message_id: Optional[str] = None) -> str:
        """Sends the customer's message; returns its ``client_message_id`` (echoed in ``message_received``)."""
        client_message_id = client_message_id or uuid.uuid4().hex[:24]
        await self.send({"type": "message", "content": content, "client_message_id": client_message_id})
        return client_message_id

    async def typing(self, is_typing: bool = True, *, conversation_id: Optional[str] = None) -> None:
        frame: Dict[str, Any] = {"type": "typing", "is_typing": is_typing}
        if conversation_id is not None:
            frame["conversation_id"] = conversation_id
        await self.send(frame)

    async def send(self, frame: Dict[str, Any]) -> None:
        """Sends any client frame as JSON; while the socket reconnects, the frame waits for it (up to the open
        timeout)."""
        if self._connected is not None and not self._connected.is_set() and not self._ended and not self._closing:
            try:
                await asyncio.wait_for(self._connected.wait(), self._open_timeout)
            except asyncio.TimeoutError:
                pass
        if self._ws is None or self._ws.closed:
            raise WebSocketError("The live socket is not connected.", code="not_connected")
        await self._ws.send(json.dumps(frame))

    # --- receiving ------------------------------------------------------------------------------------------------

    def on(self, event: str, callback: Optional[Callback] = None):
        """Calls ``callback(frame)`` for each frame of type ``event`` (``message``, ``typing``, ``escalated``,
        ``error``, ``message_received``, ``conversation``, ``event``; ``*`` for all; ``reconnected`` and
        ``disconnected`` for the connection's own changes). Usable as a decorator."""

        def register(function: Callback) -> Callback:
            self._callbacks.setdefault(event, []).append(function)
            return function

        return register(callback) if callback is not None else register

    def __aiter__(self) -> "LiveConnection":
        return self

    async def __anext__(self) -> ParleyObject:
        item = await self._queue.get()
        if item is _END:
            self._queue.put_nowait(_END)
            raise StopAsyncIteration
        return item

    async def receive(self, timeout: Optional[float] = None) -> ParleyObject:
        """The next frame (``asyncio.TimeoutError`` after ``timeout`` seconds; ``StopAsyncIteration`` once closed)."""
        return await asyncio.wait_for(self.__anext__(), timeout)

    # --- internals ------------------------------------------------------------------------------------------------

    async def _open(self) -> None:
        ws = await _websocket.connect(
            self.url, headers=self._headers, ssl_context=self._ssl, timeout=self._open_timeout
        )
        auth = {"type": "auth", **self._auth}
        if self.conversation_id:
            auth["conversation_id"] = self.conversation_id
        if self.last_message_id:
            auth["last_message_id"] = self.last_message_id
        if self.visitor_token:
            auth["visitor_token"] = self.visitor_token
        await ws.send(json.dumps(auth))
        while True:
            try:
                frame = ParleyObject.wrap(json.loads(await asyncio.wait_for(ws.recv(), self._open_timeout)))
            except _websocket.ConnectionClosed as closed:
                raise WebSocketError(
                    f"The live socket closed during authentication: {closed.code} {closed.reason}",
                    code="unauthorized",
                    details={"close_code": closed.code},
                ) from None
            if frame.get("type") == "authenticated":
                self.conversation_id = frame.get("conversation_id") or self.conversation_id
                self.session_id = frame.get("session_id")
                self._ws = ws
                self._connected.set()
                await self._dispatch(frame)
                return
            if frame.get("type") == "error":
                await ws.close()
                raise WebSocketError(
                    frame.get("message") or "The live socket refused the authentication.",
                    code=frame.get("code"),
                    details=frame.get("details"),
                )
            await self._dispatch(frame)

    async def _read_loop(self) -> None:
        while True:
            try:
                message = await self._ws.recv()
            except _websocket.ConnectionClosed as closed:
                self._connected.clear()
                if self._closing:
                    break
                await self._dispatch(ParleyObject(type="disconnected", code=closed.code, reason=closed.reason))
                if not self.reconnect or closed.code in _FINAL_CLOSE_CODES or not await self._reconnect():
                    break
                continue
            if isinstance(message, bytes):
                continue
            try:
                frame = ParleyObject.wrap(json.loads(message))
            except ValueError:
                continue
            await self._dispatch(frame)
        self._ended = True
        self._connected.set()  # wakes senders waiting for a reconnect that will not come
        self._queue.put_nowait(_END)

    async def _reconnect(self) -> bool:
        for attempt in range(self.max_reconnects):
            delay = min(self.max_reconnect_delay, self.reconnect_delay * 2**attempt) * (0.5 + random.random() / 2)
            await asyncio.sleep(delay)
            if self._closing:
                return False
            try:
                await self._open()
            except WebSocketError as failure:
                if failure.code not in ("connection_error", "handshake_failed"):
                    self.error = failure
                    await self._dispatch(ParleyObject(type="error", code=failure.code, message=failure.message))
                    return False
                continue
            self.reconnects += 1
            await self._dispatch(
                ParleyObject(type="reconnected", conversation_id=self.conversation_id,
                             last_message_id=self.last_message_id)
            )
            return True
        return False

    async def _dispatch(self, frame: ParleyObject) -> None:
        kind = frame.get("type")
        if kind in ("message", "message_received") and frame.get("message_id"):
            self.last_message_id = frame["message_id"]
        if kind == "conversation":
            self.conversation_id = frame.get("conversation_id") or self.conversation_id
            self.visitor_token = frame.get("visitor_token") or self.visitor_token
        for callback in self._callbacks.get(kind, []) + self._callbacks.get("*", []):
            result = callback(frame)
            if inspect.isawaitable(result):
                await result
        self._queue.put_nowait(frame)


class Live:
    """``client.live``: opens live sockets with the client's key (or a session token)."""

    def __init__(self, client) -> None:
        self._client = client

    def connect(
        self,
        *,
        conversation_id: Optional[str] = None,
        last_message_id: Optional[str] = None,
        token: Optional[str] = None,
        visitor_token: Optional[str] = None,
        origin: Optional[str] = None,
        **options: Any,
    ) -> LiveConnection:
        """The widget socket ``/v1/ws`` on ``conversation_id`` (or the one the first message starts).

        Use as ``async with client.live.connect() as live`` or ``live = await client.live.connect()``. ``token``
        (a session's ``st_...``) replaces the key; ``origin`` is needed with a publishable key.
        """
        auth = {"conversation_id": conversation_id, "last_message_id": last_message_id,
                "visitor_token": visitor_token}
        if token:
            auth["token"] = token
        else:
            auth["api_key"] = self._client.api_key
        return LiveConnection(self._client._ws_url("/v1/ws"), auth, **self._options(origin, options))

    def agent_stream(self, *, origin: Optional[str] = None, **options: Any) -> LiveConnection:
        """The agents' stream ``/v1/agent/ws``: every conversation event of the workspace (frames ``event`` and
        ``typing``); needs ``conversations:read``."""
        options.setdefault("reconnect", True)
        return LiveConnection(
            self._client._ws_url("/v1/agent/ws"), {"api_key": self._client.api_key}, **self._options(origin, options)
        )

    def _options(self, origin: Optional[str], options: Dict[str, Any]) -> Dict[str, Any]:
        headers = dict(options.pop("headers", None) or {})
        if origin:
            headers["Origin"] = origin
        options.setdefault("ssl_context", self._client._ssl_context)
        return {"headers": headers, **options}
