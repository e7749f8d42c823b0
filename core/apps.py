from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _ensure_staff_group(sender, **kwargs):
    from core.roles import ensure_staff_group

    ensure_staff_group()


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # After every migrate (and so in every test database), once all permissions exist.
        post_migrate.connect(_ensure_staff_group, dispatch_uid="core.ensure_staff_group")
