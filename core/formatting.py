def format_rupiah(amount: int | float | None) -> str:
    """``1250000`` → ``Rp 1.250.000`` (Indonesian thousands separator, whole rupiah)."""
    if amount is None:
        return "-"
    value = round(amount)
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(value):,}".replace(",", ".")
