"""The widgets written in Python (core.form_rendering) and the ``form_field`` tag give exactly the
HTML of Django's templates and of facilities/includes/form_field.html."""

import pytest
from django.forms.renderers import DjangoTemplates
from django.http import QueryDict
from django.template.loader import get_template

from core.form_rendering import FastFormRenderer
from core.templatetags.portal import form_field
from facilities.filters import FacilityFilter, NeedFilter
from facilities.models import Facility, Need
from public.forms import PartnerInterestForm

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "q=sekolah&field=pendidikan&kind=goods&priority=1&status=all&needed_by=2026-12-31&sort=value&facility=psbr",
    'q=a"b<c>&priority=urgentest&needed_by=31-31-2026&status=nope&sort=x&region=99.99.99.9999',
]
FIELDS = [("pendidikan", "Pendidikan"), ("kesehatan", "Kesehatan & <gizi>")]


def both(make_form):
    fast, slow = make_form(), make_form()
    assert isinstance(fast.renderer, FastFormRenderer)
    slow.renderer = DjangoTemplates()
    return fast, slow


def as_included(field) -> str:
    return get_template("facilities/includes/form_field.html").render({"field": field})


@pytest.mark.parametrize("query", QUERIES)
def test_filter_forms_render_as_django_does(query):
    data = QueryDict(query)
    for make in (
        lambda: NeedFilter(data, Need.objects.none(), field_choices=FIELDS).form,
        lambda: FacilityFilter(data, Facility.objects.none()).form,
    ):
        fast, slow = both(make)
        for name in fast.fields:
            assert str(fast[name]) == str(slow[name])
            assert str(fast[name].errors) == str(slow[name].errors)
            assert str(form_field(fast[name])) == as_included(slow[name])


@pytest.mark.parametrize("data", [None, {"name": "", "email": "not-an-email", "message": "Halo <b>"}])
def test_the_request_form_renders_as_django_does(data):
    fast, slow = both(lambda: PartnerInterestForm(data))
    for name in fast.fields:
        assert str(form_field(fast[name])) == as_included(slow[name])
