"""Django's model backend, loading the account's agency with the account.

Every admin request needs to know the staff account's agency (agencies.scope), and every request
whether the account is a facility's (core.roles.facility_id_of). Reading both in
the same query that loads the signed-in user from the session keeps every page's query count
what it was before agencies existed.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AgencyStaffBackend(ModelBackend):
    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.select_related("agency_staff__agency", "facility_member")
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
