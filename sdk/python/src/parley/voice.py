"""The voice socket (seed 004): ``client.connect_voice(session.token)``.

Frames arrive as :class:`~parley.ParleyObject` with ``type`` and ``data`` (``message.data.text``): ``session.ready``,
``transcription``, ``agent.response``, ``audio.output``, ``error``. Use callbacks, iteration, or both::

    session = client.create_session()
    async with client.connect_voice(session.token) as ws:
        ws.on("transcription", lambda data: print("User said:", data.text))
        ws.on("agent.response", lambda data: print("Agent:", data.text))
        await ws.send_audio(pcm16_bytes, end_of_utterance=True)
        async for message in ws:
            if message.type == "agent.response":
                break

Callbacks registered with :meth:`VoiceConnection.on` receive the frame's ``data``, as seed 004's TypeScript
``ws.on('transcription', (data) => ...)`` does; iteration yields whole frames.
"""

import asyncio
import base64
import inspect
import json
import ssl
import urllib.parse
from typing import Any, Awaitable, Callable, Dict, List, Optional, Union

from . import _websocket
from ._model import ParleyObject
from .errors import WebSocketError

Callback = Callable[[ParleyObject], Union[None, Awaitable[None]]]
_END = object()


class VoiceConnection:
    """One voice socket: opened and started (``session.start``, then ``session.ready``) on ``async with`` or
    ``await``; :meth:`send_audio` streams audio; :meth:`end` finishes the pending utterance and closes."""

    def __init__(
        self,
        url: str,
        *,
        preferences: Optional[Dict[str, Any]] = None,
        user_id: Optional[str] = None,
        session_id: Optional[str] = None,
        headers: Optional[Dict[str, str]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
        open_timeout: float = 30.0,
    ) -> None:
        self.url = url
        self.preferences = dict(preferences or {})
        self.user_id = user_id
        self.session_id = session_id
        self._headers = dict(headers or {})
        self._ssl = ssl_context
        self._open_timeout = open_timeout
        self._callbacks: Dict[str, List[Callback]] = {}
        self._queue: "Optional[asyncio.Queue[Any]]" = None
        self._ws: Optional[_websocket.WebSocket] = None
        self._reader: Optional[asyncio.Task] = None
        self.ready: Optional[ParleyObject] = None
        self.close_code: Optional[int] = None

    async def connect(self) -> "VoiceConnection":
        self._queue = asyncio.Queue()
        self._ws = await _websocket.connect(
            self.url, headers=self._headers, ssl_context=self._ssl, timeout=self._open_timeout
        )
        start: Dict[str, Any] = {}
        if self.session_id:
            start["session_id"] = self.session_id
        if self.user_id:
            start["user_id"] = self.user_id
        if self.preferences:
            start["context"] = {"preferences": self.preferences}
        await self._ws.send(json.dumps({"type": "session.start", "data": start}))
        while self.ready is None:
            try:
                raw = await asyncio.wait_for(self._ws.recv(), self._open_timeout)
            except _websocket.ConnectionClosed as closed:
                raise WebSocketError(
                    f"The voice socket closed before session.ready: {closed.code} {closed.reason}",
                    code="UNAUTHORIZED" if closed.code == 1008 else "closed",
                    details={"close_code": closed.code},
                ) from None
            frame = _frame(raw)
            if frame is None:
                continue
            if frame.type == "error":
                data = frame.get("data") or ParleyObject()
                if self._ws.closed or data.get("code") == "UNAUTHORIZED":
                    await self._ws.close()
                    raise WebSocketError(
                        data.get("message") or "The voice socket refused the session.",
                        code=data.get("code"),
                        details=data.get("details"),
                    )
            if frame.type == "session.ready":
                self.ready = frame.get("data")
                self.session_id = (self.ready or {}).get("session_id") or self.session_id
            await self._dispatch(frame)
        self._reader = asyncio.ensure_future(self._read_loop())
        return self

    async def __aenter__(self) -> "VoiceConnection":
        return await self.connect()

    async def __aexit__(self, *exc_info) -> None:
        await self.close()

    def __await__(self):
        return self.connect().__await__()

    def on(self, event: str, callback: Optional[Callback] = None):
        """Calls ``callback(data)`` for each ``event`` frame (``transcription``, ``agent.response``,
        ``audio.output``, ``error``, ``session.ready``; ``*`` for all, given the whole frame)."""

        def register(function: Callback) -> Callback:
            self._callbacks.setdefault(event, []).append(function)
            return function

        return register(callback) if callback is not None else register

    async def send_audio(
        self,
        audio: bytes,
        *,
        format: str = "pcm16",
        sample_rate: int = 16000,
        end_of_utterance: bool = False,
    ) -> None:
        """Sends audio (16 kHz mono 16-bit ``pcm16`` by default, or ``wav``); ``end_of_utterance`` ends the
        utterance now instead of at the next 700 ms pause."""
        data: Dict[str, Any] = {
            "audio": base64.b64encode(bytes(audio)).decode("ascii"),
            "format": format,
            "sample_rate": sample_rate,
        }
        if end_of_utterance:
            data["end_of_utterance"] = True
        await self.send({"type": "audio.input", "data": data})

    async def send(self, frame: Dict[str, Any]) -> None:
        if self._ws is None or self._ws.closed:
            raise WebSocketError("The voice socket is not connected.", code="not_connected")
        await self._ws.send(json.dumps(frame))

    async def end(self) -> None:
        """``session.end``: the server finishes the pending utterance, then closes (iteration ends after it)."""
        await self.send({"type": "session.end"})

    async def close(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._reader is not None:
            try:
                await asyncio.wait_for(self._reader, 5)
            except (asyncio.TimeoutError, asyncio.CancelledError):
                self._reader.cancel()
        if self._queue is not None:
            self._queue.put_nowait(_END)

    def __aiter__(self) -> "VoiceConnection":
        return self

    async def __anext__(self) -> ParleyObject:
        item = await self._queue.get()
        if item is _END:
            self._queue.put_nowait(_END)
            raise StopAsyncIteration
        return item

    async def receive(self, timeout: Optional[float] = None) -> ParleyObject:
        return await asyncio.wait_for(self.__anext__(), timeout)

    async def _read_loop(self) -> None:
        while True:
            try:
                raw = await self._ws.recv()
            except _websocket.ConnectionClosed as closed:
                self.close_code = closed.code
                break
            frame = _frame(raw)
            if frame is not None:
                await self._dispatch(frame)
        self._queue.put_nowait(_END)

    async def _dispatch(self, frame: ParleyObject) -> None:
        for callback in self._callbacks.get(frame.get("type"), []):
            result = callback(frame.get("data"))
            if inspect.isawaitable(result):
                await result
        for callback in self._callbacks.get("*", []):
            result = callback(frame)
            if inspect.isawaitable(result):
                await result
        self._queue.put_nowait(frame)


def voice_url(ws_base: str, token: str) -> str:
    return f"{ws_base}/v1/ws/voice/session?token={urllib.parse.quote(token, safe='')}"


def _frame(raw: Any) -> Optional[ParleyObject]:
    if isinstance(raw, bytes):
        return None
    try:
        frame = ParleyObject.wrap(json.loads(raw))
    except ValueError:
        return None
    if not isinstance(frame, ParleyObject):
        return None
    frame.setdefault("type", None)
    frame.setdefault("data", ParleyObject())
    return frame
