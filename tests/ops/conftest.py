"""Real Redis servers for the cache and health tests.

The shared Redis at 127.0.0.1:6379 (TEST_REDIS_URL to use another) is used with a key prefix
of the test's own, so tests never see each other's keys; a Redis that a test stops is started
by the test itself on a free port. CI sets REQUIRE_REDIS=1: there a Redis test that cannot run
is a failure, never a skip.
"""

import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

import pytest
import redis

REQUIRE_REDIS = os.environ.get("REQUIRE_REDIS", "") not in ("", "0")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ROOT = Path(__file__).resolve().parents[2]


def unavailable(message: str):
    if REQUIRE_REDIS:
        pytest.fail(f"{message} (REQUIRE_REDIS=1: Redis tests must run here)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(predicate, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def redis_url() -> str:
    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        unavailable(f"no Redis at {TEST_REDIS_URL}: {error}")
    return TEST_REDIS_URL


@pytest.fixture
def key_prefix(redis_url):
    """A prefix of this test's own; its keys are removed afterwards."""
    prefix = f"test-{uuid.uuid4().hex}"
    yield prefix
    client = redis.Redis.from_url(redis_url)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


@pytest.fixture
def redis_caches(redis_url, key_prefix):
    """CACHES pointing at the real Redis, as settings.py builds it from REDIS_URL."""
    return {
        "default": {
            "BACKEND": "ops.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


class PrivateRedis:
    """A redis-server of the test's own on a free port, which the test may stop."""

    def __init__(self, tmp_path: Path):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603 (Debian's redis-server, fixed arguments)
            [
                shutil.which("redis-server"),
                *("--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
                *("--dir", str(tmp_path)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.answers, f"redis-server on port {self.port}")

    def answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(tmp_path):
    if shutil.which("redis-server") is None:
        unavailable("redis-server is not installed (apt-get install redis-server)")
    server = PrivateRedis(tmp_path)
    yield server
    server.stop()
