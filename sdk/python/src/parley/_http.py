"""The one HTTP path of the client: urllib, JSON, retries with backoff and jitter, idempotency keys."""

import http.client
import json
import random
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from . import errors
from .errors import retry_after_seconds
from ._version import __version__

RETRYABLE_STATUSES = frozenset({429, 502, 503})


@dataclass
class RetryPolicy:
    """How the client retries 429, 502, 503 and connection errors.

    The n-th retry (from 0) waits ``min(max_delay, initial_delay * 2**n)`` scaled by a random factor in
    ``[1 - jitter, 1]``, or the server's ``Retry-After`` when it gives one. A ``Retry-After`` longer than
    ``max_retry_after`` (an hourly quota, say) is not waited for: the :class:`~parley.RateLimitError` is raised.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    jitter: float = 0.5
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def backoff(self, retry: int) -> float:
        base = min(self.max_delay, self.initial_delay * (2**retry))
        return base * (1 - self.jitter * random.random())


@dataclass
class Response:
    status: int
    headers: Dict[str, str]
    body: Any
    raw: bytes


class Transport:
    """Sends requests to one Parley base URL with one key."""

    def __init__(
        self,
        api_key: Optional[str],
        base_url: str,
        timeout: float,
        retry: RetryPolicy,
        default_headers: Optional[Mapping[str, str]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
    ) -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retry = retry
        self.default_headers = dict(default_headers or {})
        self.ssl_context = ssl_context
        handlers = [urllib.request.HTTPSHandler(context=ssl_context)] if ssl_context else []
        # No redirects are followed silently and no proxy from the environment is consulted for a
        # loopback server, so that what the caller configured is what is called.
        self._opener = urllib.request.build_opener(*handlers, _NoRedirect())

    def url(self, path: str, query: Optional[Mapping[str, Any]] = None) -> str:
        url = path if path.startswith(("http://", "https://")) else self.base_url + path
        params = _query(query)
        if params:
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params, doseq=True)
        return url

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Optional[Mapping[str, Any]] = None,
        json_body: Any = None,
        data: Optional[bytes] = None,
        content_type: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        idempotency_key: Optional[str] = None,
        authenticate: bool = True,
        raw: bool = False,
    ) -> Response:
        """Sends one API call, retrying what may be retried, and returns the 2xx response or raises."""
        send_headers = {
            "Accept": "application/json",
            "User-Agent": f"parley-python/{__version__}",
            **self.default_headers,
        }
        if authenticate and self.api_key:
            send_headers["Authorization"] = f"Bearer {self.api_key}"
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            content_type = "application/json"
        if content_type:
            send_headers["Content-Type"] = content_type
        if method == "POST" and authenticate:
            # One key for the call, reused by each of its retries: the server replays the first answer
            # instead of doing the work twice.
            send_headers["Idempotency-Key"] = idempotency_key or str(uuid.uuid4())
        send_headers.update(headers or {})
        url = self.url(path, query)
        attempt = 0
        while True:
            try:
                response = self._send(method, url, data, send_headers)
            except errors.APIConnectionError:
                if attempt >= self.retry.max_retries:
                    raise
                self.retry.sleep(self.retry.backoff(attempt))
                attempt += 1
                continue
            if 200 <= response.status < 300:
                if raw:
                    return response
                response.body = _decode(response)
                return response
            error = errors.error_for(response.status, _decode(response), response.headers)
            if response.status not in RETRYABLE_STATUSES or attempt >= self.retry.max_retries:
                raise error
            delay = self._delay(response, attempt)
            if delay is None:
                raise error
            self.retry.sleep(delay)
            attempt += 1

    def _delay(self, response: Response, attempt: int) -> Optional[float]:
        retry_after = retry_after_seconds(response.headers.get("retry-after"))
        if retry_after is None:
            return self.retry.backoff(attempt)
        if retry_after > self.retry.max_retry_after:
            return None
        return retry_after

    def _send(self, method: str, url: str, data: Optional[bytes], headers: Mapping[str, str]) -> Response:
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
        try:
            with self._opener.open(request, timeout=self.timeout) as answer:
                return Response(answer.status, _lower(answer.headers.items()), None, answer.read())
        except urllib.error.HTTPError as answer:
            try:
                body = answer.read()
            finally:
                answer.close()
            return Response(answer.code, _lower(answer.headers.items()), None, body)
        except (urllib.error.URLError, http.client.HTTPException, socket.timeout, OSError) as failure:
            reason = getattr(failure, "reason", failure)
            raise errors.APIConnectionError(
                f"Could not reach Parley at {self.base_url}: {reason}", code="connection_error"
            ) from failure


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D401 - urllib's signature
        return None


def _lower(items) -> Dict[str, str]:
    return {name.lower(): value for name, value in items}


def _decode(response: Response) -> Any:
    if not response.raw:
        return None
    if "json" in response.headers.get("content-type", "") or response.raw[:1] in (b"{", b"["):
        try:
            return json.loads(response.raw.decode("utf-8"))
        except ValueError:
            pass
    return response.raw.decode("utf-8", errors="replace")


def _query(query: Optional[Mapping[str, Any]]) -> Tuple[Tuple[str, str], ...]:
    if not query:
        return ()
    pairs = []
    for name, value in query.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        pairs.append((name, str(value)))
    return tuple(pairs)
