from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from facilities.models import Facility, Need, NeedStatus
from partners.models import Company, CompanyStatus


def headline_stats() -> dict[str, int]:
    """Live headline figures for the home page, in three queries whatever the data size."""
    needs = Need.objects.public().aggregate(
        open_needs=Count("pk", filter=Q(status=NeedStatus.OPEN)),
        rupiah_covered=Coalesce(Sum(F("quantity_covered") * F("unit_cost")), 0),
        rupiah_delivered=Coalesce(Sum(F("quantity_delivered") * F("unit_cost")), 0),
    )
    return {
        **needs,
        "facilities": Facility.objects.published().count(),
        "partners": Company.objects.filter(status=CompanyStatus.ACTIVE).count(),
    }
