# The officer fixtures of the partner portal's tests, for the tests of partner accounts.
from tests.portal.conftest import company, english, officer, officer_client  # noqa: F401
