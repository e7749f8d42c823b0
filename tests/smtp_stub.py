"""A small SMTP server on the loopback interface, for tests that need a real, slow or dying
SMTP conversation (Python 3.12 has no smtpd any more).

It speaks just enough ESMTP for Django's SMTP backend (EHLO/HELO, MAIL, RCPT, DATA, RSET,
NOOP, QUIT), counts connections, keeps every message it received in full, and can make the
end of DATA wait: ``delay`` seconds for each message, or until ``release`` is set for the
messages while ``hold`` is set (the message is then in ``received`` but not acknowledged).
"""

from __future__ import annotations

import email
import socket
import threading
from dataclasses import dataclass, field
from email.message import Message


@dataclass
class Received:
    raw: bytes
    acknowledged: bool = False

    @property
    def message(self) -> Message:
        return email.message_from_bytes(self.raw)

    @property
    def message_id(self) -> str:
        return self.message["Message-ID"]


@dataclass
class FakeSmtpServer:
    delay: float = 0.0
    hold: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    message_received: threading.Event = field(default_factory=threading.Event)
    connections: int = 0
    received: list[Received] = field(default_factory=list)

    def __post_init__(self):
        self._lock = threading.Lock()
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FakeSmtpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()
        self.release.set()
        self._thread.join(timeout=5)
        self._socket.close()

    @property
    def acknowledged(self) -> list[Received]:
        return [item for item in self.received if item.acknowledged]

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        reader = conn.makefile("rb")
        try:
            conn.sendall(b"220 fake.smtp.test ESMTP\r\n")
            while not self._stopping.is_set():
                line = reader.readline()
                if not line:
                    return
                verb = line.strip().split(b" ", 1)[0].upper()
                if verb == b"EHLO":
                    conn.sendall(b"250-fake.smtp.test\r\n250 8BITMIME\r\n")
                elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                    conn.sendall(b"250 OK\r\n")
                elif verb == b"DATA":
                    conn.sendall(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    self._data(conn, reader)
                elif verb == b"QUIT":
                    conn.sendall(b"221 Bye\r\n")
                    return
                else:
                    conn.sendall(b"502 Not implemented\r\n")
        except OSError:
            return  # the client went away (a killed worker, for instance)
        finally:
            reader.close()
            conn.close()

    def _data(self, conn: socket.socket, reader) -> None:
        lines = []
        while True:
            line = reader.readline()
            if not line:
                raise OSError("connection closed during DATA")
            if line in (b".\r\n", b".\n"):
                break
            lines.append(line[1:] if line.startswith(b"..") else line)
        item = Received(raw=b"".join(lines))
        with self._lock:
            self.received.append(item)
        self.message_received.set()
        if self.hold.is_set():
            self.release.wait(timeout=60)
        if self.delay:
            self._stopping.wait(self.delay)
        conn.sendall(b"250 OK: queued\r\n")
        item.acknowledged = True
