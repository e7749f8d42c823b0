from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from regions.models import Region

MIN_YEAR = 2000
MAX_YEAR = 2100


class DatasetFilterForm(forms.Form):
    """The filters of a dataset file: a Kemendagri region (that region and everything below it)
    and, where the dataset has periods, a year."""

    region = forms.CharField(
        required=False,
        max_length=13,
        validators=[RegexValidator(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$", _("Give a Kemendagri region code."))],
    )
    year = forms.IntegerField(required=False, min_value=MIN_YEAR, max_value=MAX_YEAR)

    def __init__(self, *args, filters: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        for name in list(self.fields):
            if name not in filters:
                del self.fields[name]

    def clean_region(self) -> str:
        code = self.cleaned_data["region"]
        if code and not Region.objects.filter(pk=code).exists():
            raise forms.ValidationError(_("No region has the code %(code)s."), params={"code": code})
        return code

    def filters(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def unknown(self) -> list[str]:
        return sorted(set(self.data) - set(self.fields))
