"""One field for rupiah wherever it is typed: "3.000.000" as people write it (issue 24)."""

import pytest
from django import forms

from core.fields import MAX_RUPIAH, RupiahField, RupiahInput


class AmountForm(forms.Form):
    amount = RupiahField(label="Rupiah", required=False)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("3.000.000", 3_000_000),
        ("Rp 3.000.000", 3_000_000),
        ("Rp. 3.000.000", 3_000_000),
        ("IDR 3.000.000", 3_000_000),
        ("3000000", 3_000_000),
        ("3 000 000", 3_000_000),
        ("3.000.000,00", 3_000_000),
        ("1,250,000", 1_250_000),
        ("0", 0),
        ("", None),
    ],
)
def test_rupiah_is_read_as_people_write_it(typed, amount):
    form = AmountForm({"amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == amount


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("3,5", "Write rupiah like Rp 1.250.000"),
        ("tiga juta", "Write rupiah like Rp 1.250.000"),
        ("-5", "Rupiah cannot be negative."),
        (str(MAX_RUPIAH + 1), "This amount is too large."),
    ],
    ids=["cents", "words", "negative", "absurd"],
)
def test_what_is_not_rupiah_is_a_clear_form_error(settings, typed, message):
    settings.LANGUAGE_CODE = "en"
    form = AmountForm({"amount": typed})
    assert not form.is_valid()
    assert message in str(form.errors["amount"])


def test_the_input_is_text_with_a_number_pad_and_shows_the_amount_grouped():
    form = AmountForm(initial={"amount": 3_000_000})
    html = str(form["amount"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html
    assert 'value="3.000.000"' in html
    assert "max=" not in html and "step=" not in html
    # What is shown is read back unchanged.
    assert AmountForm({"amount": "3.000.000"}).is_valid()


def test_a_model_form_field_keeps_the_text_input():
    field = RupiahField(widget=forms.NumberInput, max_value=9_000_000_000_000_000_000)
    assert isinstance(field.widget, RupiahInput)
