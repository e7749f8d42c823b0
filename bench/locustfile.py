"""Locust visitors of the portal, for bench/load_test.py (which prepares the accounts, starts the
server and passes the pages to visit in BENCH_TARGETS). Not part of the test suite.

Most visitors read the public site (listings with filters, searches, need and facility pages,
home, reports); one in ten is a CSR officer who logs in once, reads the partner portal and
pledges 1 unit to an open need now and then. The server sits behind nginx in production, so
every request says it came over HTTPS (X-Forwarded-Proto, as the proxy sets it) and the
session and CSRF cookies, which are Secure, are sent back as the browser behind nginx would.
"""

import json
import os
import random
import re

from locust import HttpUser, between, task

TARGETS = json.loads(os.environ.get("BENCH_TARGETS", "{}"))
SEARCHES = ["sekolah", "kasur", "kursi roda", "sembako", "atap", "bench 00117", "pendamping", "laptop"]
FIELDS = ["pendidikan", "kesehatan", "ekonomi", "lingkungan", "sosial"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor(HttpUser):
    weight = 9
    wait_time = between(1, 3)

    def on_start(self):
        self.client.headers.update({"X-Forwarded-Proto": "https", "Accept-Language": random.choice(["id", "en"])})

    @task(6)
    def listing(self):
        query = random.choice(["", "?sort=newest", "?sort=value&page=2", f"?field={random.choice(FIELDS)}"])
        self.client.get(f"/needs/{query}", name="/needs/ (filters)")

    @task(3)
    def search(self):
        self.client.get("/needs/", params={"q": random.choice(SEARCHES)}, name="/needs/?q=")

    @task(5)
    def need_page(self):
        self.client.get(f"/needs/{random.choice(TARGETS['needs'])}/", name="/needs/<id>/")

    @task(3)
    def facility_page(self):
        self.client.get(f"/facilities/{random.choice(TARGETS['facilities'])}/", name="/facilities/<slug>/")

    @task(2)
    def facility_directory(self):
        self.client.get("/facilities/", name="/facilities/")

    @task(3)
    def home(self):
        self.client.get("/", name="/")

    @task(1)
    def reports(self):
        self.client.get("/reports/", name="/reports/")


class Officer(HttpUser):
    weight = 1
    wait_time = between(3, 8)

    def on_start(self):
        self.client.headers.update({"X-Forwarded-Proto": "https", "Accept-Language": "id"})
        account = TARGETS["officers"][random.randrange(len(TARGETS["officers"]))]
        self.post_form(
            "/accounts/login/",
            {"username": account, "password": TARGETS["password"], "next": "/partner/"},
            name="login",
        )

    def unsecure_cookies(self):
        # Secure cookies go back over the plain connection to gunicorn, as nginx forwards them.
        for cookie in self.client.cookies:
            cookie.secure = False

    def post_form(self, path: str, data: dict, *, name: str):
        form = self.client.get(path, name=f"{name} (form)")
        self.unsecure_cookies()
        token = TOKEN.search(form.text)
        referer = f"https://{self.host.split('://', 1)[1]}{path}"
        with self.client.post(
            path,
            data={**data, "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={"Referer": referer},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in (200, 302):
                response.failure(f"{name}: {response.status_code}")
        self.unsecure_cookies()

    @task(3)
    def dashboard(self):
        self.client.get("/partner/", name="/partner/")

    @task(3)
    def partner_needs(self):
        self.client.get("/partner/needs/", name="/partner/needs/")

    @task(2)
    def pledge(self):
        need = random.choice(TARGETS["open_needs"])
        self.post_form(f"/partner/needs/{need}/pledge/", {"quantity": "1", "note": "load test"}, name="pledge")
