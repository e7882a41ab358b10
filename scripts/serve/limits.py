"""Bounds on what one client can make the server hold: request body size (413), body read time (408: the
whole body within the read timeout, however it trickles in), time to read the request head (slow clients are
dropped), time for each write to make progress and a least average rate for the whole answer (clients that
stop reading, or read a large answer a few bytes at a time, are dropped, with the spooled answer they held),
and the number of open connections.

The HTTP server is uvicorn; `GuardedH11` is its h11 protocol with two additions uvicorn lacks: a deadline
for a request head to arrive (uvicorn only times out idle keep-alive connections, so a client that sends
its head a byte at a time would be kept for ever), a cap on open connections (closed at once past it), and a
way for `Limits` to abort a connection whose client stopped reading (uvicorn would close it gracefully,
keeping its buffered answer until the client reads it). A request head larger than h11's limit (16 KiB) is
answered 431 (RFC 6585, 5), the status h11 gives for it, where uvicorn answers every unreadable head 400. h11
applies its limit only to a head it is still waiting for the end of; one that arrives whole in a single read is
measured here (MAX_HEAD) and refused the same way. A request body sent in more pieces than `max_pieces` (chunks of
a chunked body, or reads) is dropped with its connection: h11 and uvicorn spend about 6 µs of the one event loop on
each, and a 1 MiB body of 1-byte chunks held it for 5.8 s (every other request waiting), under the body limit.
So is one that sends more bytes than its head, its body and their framing could take (`max_wire`: chunk extensions,
which h11 reads and throws away). A request target in absolute form (`GET http://host/path`) is read as its path.
"""
from __future__ import annotations

import asyncio
import logging
import socket
import struct
import urllib.parse
from typing import Any

import h11

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol


MAX_HEAD = 16 * 1024  # bytes of request line and header fields, h11's own default limit
# the statuses, other than 400, of a request refused before the application sees it: h11's hint (431 for a head
# too large, 501 for a transfer coding other than chunked, RFC 9112, 6.1) or this module's (505 for a version
# other than HTTP/1.x, RFC 9110, 15.6.6), which uvicorn answered 400, or served (HTTP/2.0 as if it were 1.1)
REFUSED = {
    431: (b"Request Header Fields Too Large", "Request header fields too large (at most 16 KiB in all)."),
    501: (b"Not Implemented", "Not implemented: the only transfer coding this server reads is chunked "
                              "(RFC 9112, 6.1)."),
    505: (b"HTTP Version Not Supported", "HTTP version not supported: this server speaks HTTP/1.1 (and 1.0)."),
}
INVALID = "Invalid HTTP request received."  # what uvicorn logs for every head h11 refuses, before its 400


class Unlogged(logging.Filter):
    """Drops uvicorn's warning for an unreadable request head: one line per bad request, so any client could fill
    the log (as with the WebSocket warnings, `_unsupported_upgrade_warning`); the client still gets its 400."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != INVALID


UNLOGGED = Unlogged()


def head_size(request: h11.Request) -> int:
    """The bytes of a request's head as sent: its request line and each header line."""
    return (len(request.method) + len(request.target) + 12
            + sum(len(name) + len(value) + 4 for name, value in request.headers.raw_items()))


def origin_form(request: h11.Request) -> h11.Request:
    """A request whose target is an absolute URI (`GET http://host/path`, as sent to a proxy) as its origin form
    (`GET /path`): RFC 9112, 3.2.2, a server MUST accept the absolute form, and uses the URI's authority in place
    of the Host header. uvicorn took the whole URI for the path (404)."""
    if request.target[:1] == b"/" or (request.target == b"*" and request.method == b"OPTIONS"):
        return request  # origin form, or asterisk form (RFC 9112, 3.2.1 and 3.2.4)
    if not request.target[:8].lower().startswith((b"http://", b"https://")):  # "?query=...": was a 307 built from Host
        raise h11.RemoteProtocolError("request target in neither origin nor absolute form", error_status_hint=400)
    try:
        parts = urllib.parse.urlsplit(request.target)
    except ValueError:  # "http://[::1/": a bracket that opens no IPv6 address (raised here, it would end data_received)
        raise h11.RemoteProtocolError("absolute-form target that is no URL", error_status_hint=400) from None
    authority = parts.netloc.rpartition(b"@")[2]
    if not authority:
        raise h11.RemoteProtocolError("absolute-form target without a host", error_status_hint=400)
    target = (parts.path or b"/") + (b"?" + parts.query if parts.query else b"")
    headers = [(name, value) for name, value in request.headers if name != b"host"] + [(b"host", authority)]
    return h11.Request(method=request.method, target=target, headers=headers, http_version=request.http_version)


class GuardedH11(H11Protocol):
    head_timeout: float = 10.0
    max_connections: int = 1024
    max_pieces: int = 4096  # a body's pieces (h11 Data events): 256 bytes each on average for a 1 MiB body
    max_wire: int = 0  # bytes read for one request (for_bodies)
    _wire: int = 0

    @classmethod
    def for_bodies(cls, max_body: int) -> None:
        """The limits that follow from the body limit: pieces of 256 bytes on average (4,096 at least), and the bytes
        of a request's head, its body and 64 bytes of framing (a chunk-size line) per piece."""
        cls.max_pieces = max(4096, max_body // 256)
        cls.max_wire = MAX_HEAD + max_body + 64 * cls.max_pieces

    def _unsupported_upgrade_warning(self) -> None:
        """An `Upgrade` request (WebSockets are off: server.py, ws="none") is answered as plain HTTP, without
        uvicorn's two warnings per request, with which any client could fill the log."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            transport.abort()
            return
        if UNLOGGED not in self.logger.filters:
            self.logger.addFilter(UNLOGGED)
        self._arm_head_deadline()
        self._status_hint = 400
        self._pieces = self._wire = 0
        next_event = self.conn.next_event

        def reading() -> Any:  # keeps the status h11 gives a head it refuses (uvicorn drops it)
            try:
                event = next_event()
            except h11.RemoteProtocolError as exc:
                self._status_hint = exc.error_status_hint
                raise
            if isinstance(event, h11.Request):
                self._pieces = self._wire = 0
                if not event.http_version.startswith(b"1."):  # RFC 9112, 2.3: HTTP/1.2 is read as 1.1, 2.0 is not
                    self._status_hint = 505
                    raise h11.RemoteProtocolError("HTTP version not supported", error_status_hint=505)
                if head_size(event) > MAX_HEAD:
                    self._status_hint = 431
                    raise h11.RemoteProtocolError("request head too large", error_status_hint=431)
                names = {name for name, _ in event.headers}
                if b"transfer-encoding" in names and b"content-length" in names:
                    # RFC 9112, 6.1: rejected (a server MAY), and the connection closed (it MUST), as the 400 does:
                    # h11 framed such a body by its chunks and kept the connection for the next request
                    raise h11.RemoteProtocolError("both Transfer-Encoding and Content-Length", error_status_hint=400)
                event = origin_form(event)
            elif isinstance(event, h11.Data):
                self._pieces += 1
                if self._pieces > self.max_pieces:  # dropped: the application sees the client leave
                    self.reset()
                    return h11.NEED_DATA
            return event

        self.conn.next_event = reading  # type: ignore[method-assign]

    def data_received(self, data: bytes) -> None:
        """Drops a connection that sends more bytes for one request than its head, a body at the limit and its
        framing could take: chunk extensions (`1;xxxx...`) are read and thrown away by h11, and count against no
        other limit (4,096 pieces of 14 KiB extensions each were 57 MiB read for a body of 4 KiB)."""
        self._wire += len(data)
        if self._wire > self.max_wire:
            self.reset()
            return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        """The answer to a head the server will not read: the refusal chosen for it (REFUSED), or uvicorn's 400 with
        uvicorn's message; both with nosniff, as every answer, which uvicorn's own 400 lacked."""
        status = self._status_hint if self._status_hint in REFUSED else 400
        reason, message = REFUSED.get(status, (b"Bad Request", msg))
        body = (message + "\n").encode("utf-8")
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close"), NOSNIFF]
        for event in (h11.Response(status_code=status, headers=headers, reason=reason),
                      h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        self.transport.close()

    def handle_events(self) -> None:
        super().handle_events()
        if self.scope is not None:  # lets Limits drop a client that stopped reading, discarding what is buffered
            self.scope["ngo_fp.abort"] = self.reset  # type: ignore[typeddict-unknown-key]

    def reset(self) -> None:
        """Close with a reset (SO_LINGER 0), so the kernel too drops what it still holds for this client."""
        sock = self.transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()

    def on_response_complete(self) -> None:
        cycle = self.cycle
        super().on_response_complete()  # starts the next request at once if its head was already read (pipelining)
        if self.cycle is cycle:
            self._arm_head_deadline()
        else:  # that request's head has come: a deadline armed now would close its connection mid-answer
            self._disarm_head_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_deadline()
        super().connection_lost(exc)

    def _arm_head_deadline(self) -> None:
        """Close the connection if no new request head has been read `head_timeout` s from now. One timer per
        connection, cancelled when re-armed: a timer left for each past request would keep that request's
        objects alive for `head_timeout` s, and the garbage collector's pauses would grow with the traffic."""
        self._disarm_head_deadline()
        cycle = self.cycle

        def expire() -> None:
            if self.cycle is cycle and not self.transport.is_closing():
                self.transport.close()

        self._head_deadline = self.loop.call_later(self.head_timeout, expire)

    def _disarm_head_deadline(self) -> None:
        timer = getattr(self, "_head_deadline", None)
        if timer is not None:
            timer.cancel()
            self._head_deadline = None


GuardedH11.for_bodies(1024 * 1024)  # the server's default body limit, until it sets its own

class BodyTooLarge(Exception):
    pass


class BodyTimeout(Exception):
    pass


# every answer is read as its Content-Type says, never sniffed: the answers, the files, the description, redirects
# and error texts alike (Limits adds it to each answer that does not carry it)
NOSNIFF = (b"x-content-type-options", b"nosniff")


def plain(status: int, message: str) -> list[Message]:
    """An answer sent before the application (and its CORS middleware) sees the request: open to every origin
    as the application's own answers are, so that a browser's script can read the message."""
    body = (message + "\n").encode("utf-8")
    return [{"type": "http.response.start", "status": status,
             "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
                         (b"connection", b"close"), (b"access-control-allow-origin", b"*"), NOSNIFF]},
            {"type": "http.response.body", "body": body}]


def not_sniffed(message: Message) -> Message:
    """An answer's start with NOSNIFF among its headers."""
    headers = list(message.get("headers", []))
    if any(name.lower() == NOSNIFF[0] for name, _ in headers):
        return message
    return {**message, "headers": [*headers, NOSNIFF]}


class Limits:
    """ASGI middleware: body cap and read deadline on `receive`; on `send`, a progress timeout per write and a
    deadline for the whole answer of `write_timeout` plus its bytes at `min_rate` bytes per second, and NOSNIFF on
    every answer."""

    def __init__(self, app: ASGIApp, max_body: int, read_timeout: float, write_timeout: float,
                 min_rate: float = 64 * 1024) -> None:
        self.app, self.max_body = app, max_body
        self.read_timeout, self.write_timeout, self.min_rate = read_timeout, write_timeout, min_rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and int(length) > self.max_body:  # h11 has checked it is a valid number
            for message in plain(413, f"Request body too large: the limit is {self.max_body} bytes."):
                await send(message)
            return
        loop = asyncio.get_running_loop()
        state: dict[str, Any] = {"received": 0, "done": False, "started": False, "sent": 0,
                                 "body_deadline": None, "answer_start": None}

        async def guarded_receive() -> Message:
            if state["done"]:
                return await receive()
            if state["body_deadline"] is None:
                state["body_deadline"] = loop.time() + self.read_timeout
            try:
                left = state["body_deadline"] - loop.time()
                if left <= 0:
                    raise asyncio.TimeoutError
                message = await asyncio.wait_for(receive(), left)
            except asyncio.TimeoutError:
                raise BodyTimeout(f"Request body not received within {self.read_timeout:g} s.") from None
            if message["type"] == "http.request":
                state["received"] += len(message.get("body", b""))
                if state["received"] > self.max_body:
                    raise BodyTooLarge()
                state["done"] = not message.get("more_body", False)
            return message

        async def guarded_send(message: Message) -> None:
            state["started"] = True
            if message["type"] == "http.response.start":
                state["answer_start"], state["sent"] = loop.time(), 0
                await asyncio.wait_for(send(not_sniffed(message)), self.write_timeout)
                return
            state["sent"] += len(message.get("body", b""))
            allowed = state["answer_start"] + self.write_timeout + state["sent"] / self.min_rate - loop.time()
            if allowed <= 0:
                raise asyncio.TimeoutError
            await asyncio.wait_for(send(message), min(self.write_timeout, allowed))

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except (BodyTooLarge, BodyTimeout) as err:
            if not state["started"]:
                status, text = ((413, f"Request body too large: the limit is {self.max_body} bytes.")
                                if isinstance(err, BodyTooLarge) else
                                (408, str(err)))
                for message in plain(status, text):
                    await send(message)
        except asyncio.TimeoutError:  # the client stopped reading: drop the connection and what it holds
            abort = scope.get("ngo_fp.abort")
            if abort:
                abort()

