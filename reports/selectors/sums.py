"""The one way the reports sum money in the database."""

from django.db.models import BigIntegerField, Sum, Value
from django.db.models.functions import Cast, Coalesce


def zero_sum(expression, **kwargs):
    """A sum that is 0 rather than NULL, and an integer: PostgreSQL sums bigints as numeric,
    which Python would receive as slower Decimals."""
    return Coalesce(Cast(Sum(expression, **kwargs), BigIntegerField()), Value(0), output_field=BigIntegerField())
