"""One render at a time (core.kept_pages): while one worker renders a page that is not kept under
the current data versions, other visitors of it wait for that copy instead of rendering it too;
they never get a copy of older data, and they render it themselves when the first one gives up
or takes too long."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotFound

from core import kept_pages, versioned_cache

GROUP = "probe"


@pytest.fixture(autouse=True)
def keep_pages(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 30
    settings.KEPT_PAGE_WAIT_SECONDS = 2
    cache.clear()
    yield
    cache.clear()


class Probe:
    """A view that counts its renders; ``gate`` lets a test hold the first render in the middle."""

    def __init__(self, answer=lambda: HttpResponse("the page")):
        self.renders = 0
        self.answer = answer
        self.started = threading.Event()
        self.gate = threading.Event()
        self.gate.set()
        self.view = kept_pages.kept_page(GROUP)(self._view)

    def _view(self, request):
        self.renders += 1
        response = self.answer()  # the rows are read, then the page takes its time
        if self.renders == 1:
            self.started.set()
            self.gate.wait(5)
        return response

    def visit(self, rf, results: list | None = None) -> str:
        request = rf.get("/probe/")
        request.user = AnonymousUser()
        html = self.view(request).content.decode()
        if results is not None:
            results.append(html)
        return html


def test_visitors_during_a_render_wait_for_its_copy_instead_of_rendering_again(rf):
    probe = Probe()
    probe.gate.clear()
    first = threading.Thread(target=probe.visit, args=(rf,))
    first.start()
    assert probe.started.wait(5)  # the first visitor is rendering

    results: list[str] = []
    others = [threading.Thread(target=probe.visit, args=(rf, results)) for _ in range(4)]
    for thread in others:
        thread.start()
    probe.gate.set()
    for thread in [first, *others]:
        thread.join(10)

    assert results == ["the page"] * 4
    assert probe.renders == 1


def test_a_change_during_the_wait_is_not_hidden_by_the_older_copy(rf):
    rows = {"shown": "rendered before the change"}
    probe = Probe(lambda: HttpResponse(rows["shown"]))
    probe.gate.clear()
    first = threading.Thread(target=probe.visit, args=(rf,))
    first.start()
    assert probe.started.wait(5)

    versioned_cache.bump(GROUP)  # the data changed while the first render ran
    rows["shown"] = "rendered after the change"
    results: list[str] = []
    second = threading.Thread(target=probe.visit, args=(rf, results))
    second.start()
    second.join(10)
    probe.gate.set()
    first.join(10)

    # The second visitor asked after the change: it did not wait for the older render.
    assert results == ["rendered after the change"]
    assert probe.renders == 2
    # The older render, kept last, is not what the next visitor gets (it renders the page again).
    assert probe.visit(rf) == "rendered after the change"


def test_when_the_render_gives_up_the_waiting_visitor_renders_the_page_itself(rf):
    answers = iter([HttpResponseNotFound("gone"), HttpResponse("the page")])
    probe = Probe(lambda: next(answers))
    probe.gate.clear()
    first = threading.Thread(target=probe.visit, args=(rf,))
    first.start()
    assert probe.started.wait(5)

    results: list[str] = []
    second = threading.Thread(target=probe.visit, args=(rf, results))
    second.start()
    probe.gate.set()
    for thread in (first, second):
        thread.join(10)

    assert results == ["the page"]
    assert probe.renders == 2


def test_a_render_that_takes_too_long_is_not_waited_for_beyond_the_limit(rf, settings):
    settings.KEPT_PAGE_WAIT_SECONDS = 0.1
    probe = Probe()
    probe.gate.clear()
    first = threading.Thread(target=probe.visit, args=(rf,))
    first.start()
    assert probe.started.wait(5)

    results: list[str] = []
    second = threading.Thread(target=probe.visit, args=(rf, results))
    second.start()
    second.join(5)  # the first render is still held
    assert results == ["the page"]
    probe.gate.set()
    first.join(10)
    assert probe.renders == 2
