import re

# What XML 1.0 allows nowhere: the control characters but tab, line feed and carriage return, and
# two non-characters. An xlsx file (openpyxl refuses them) and the IATI file are XML, and one
# title pasted from a word processor must not make either unreadable.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def format_rupiah(amount: int | float | None) -> str:
    """``1250000`` → ``Rp 1.250.000`` (Indonesian thousands separator, whole rupiah)."""
    if amount is None:
        return "-"
    value = round(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(value):,}".replace(",", ".")


def xml_safe(text: str) -> str:
    """``text`` as XML can hold it: each character XML refuses replaced by U+FFFD."""
    return NOT_IN_XML.sub("\N{REPLACEMENT CHARACTER}", text)
