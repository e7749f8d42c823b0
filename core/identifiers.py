"""Official identifiers of the organisations the portal knows: a company's NIB (Nomor Induk
Berusaha, from OSS) and NPWP (tax number), a facility's LKS registration number.

Each is stored compact (digits only for NIB and NPWP), so that the same number typed with
dots, dashes or spaces is recognised as the same number, and empty when unknown. The NIB has
no published checksum: 13 digits. The NPWP is checked with python-stdnum (15-digit old
format, or 16 digits: a 0 and the old number, or a NIK), which checks its check digit.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.id import npwp as stdnum_npwp

NIB_LENGTH = 13
_SEPARATORS = re.compile(r"[\s.\-/]")


def compact_nib(value: str) -> str:
    return _SEPARATORS.sub("", value or "")


def validate_nib(value: str) -> None:
    nib = compact_nib(value)
    if not nib:
        return
    if not nib.isdigit():
        raise ValidationError(_("A NIB has digits only."), code="nib_digits")
    if len(nib) != NIB_LENGTH:
        raise ValidationError(
            _("A NIB has %(length)s digits; this one has %(count)s.") % {"length": NIB_LENGTH, "count": len(nib)},
            code="nib_length",
        )


def compact_npwp(value: str) -> str:
    value = _SEPARATORS.sub("", value or "")
    try:
        return stdnum_npwp.compact(value)
    except StdnumError:
        return value


def validate_npwp(value: str) -> None:
    npwp = compact_npwp(value)
    if not npwp:
        return
    if not npwp.isdigit():
        raise ValidationError(_("An NPWP has digits only."), code="npwp_digits")
    if len(npwp) not in (15, 16):
        raise ValidationError(
            _("An NPWP has 15 or 16 digits; this one has %(count)s.") % {"count": len(npwp)}, code="npwp_length"
        )
    try:
        stdnum_npwp.validate(npwp)
    except StdnumError:
        raise ValidationError(
            _("This NPWP is not valid: its check digit or one of its parts is wrong."), code="npwp_invalid"
        ) from None


def format_npwp(value: str) -> str:
    """The NPWP as printed on the card (01.312.166.0-091.000); a 16-digit number as is."""
    if not value:
        return ""
    try:
        return stdnum_npwp.format(value) if len(value) == 15 else value
    except StdnumError:
        return value


def compact_registration(value: str) -> str:
    """An LKS registration number as written by the ministry or the Dinsos office (letters,
    digits, slashes and dots), with surrounding and repeated spaces removed and in capitals."""
    return " ".join((value or "").split()).upper()


def errors_on_fields(error: ValidationError, fields_by_code: dict[str, str]) -> ValidationError:
    """A unique constraint with a condition (unique when not blank) reports its violation for
    the whole form; put it on the field it is about, by the constraint's error code."""
    moved: dict[str, list[ValidationError]] = {}
    for field, errors in error.error_dict.items() if hasattr(error, "error_dict") else [("__all__", error.error_list)]:
        for item in errors:
            moved.setdefault(fields_by_code.get(item.code, field), []).append(item)
    return ValidationError(moved)
