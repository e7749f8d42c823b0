import pytest
from django.utils import translation

from core.models import SdgGoal, SdgTarget, sdg_reference_ensure

pytestmark = pytest.mark.django_db


def test_data_migration_ships_17_goals_and_169_targets():
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    assert list(SdgGoal.objects.values_list("number", flat=True)) == list(range(1, 18))
    assert SdgGoal.objects.get(number=1).title == "Tanpa Kemiskinan"
    assert SdgGoal.objects.get(number=17).title == "Kemitraan untuk Mencapai Tujuan"
    assert SdgGoal.objects.get(number=4).short_en == "Quality education"


def test_every_goal_has_targets_in_official_order():
    counts = {goal.number: goal.targets.count() for goal in SdgGoal.objects.all()}
    assert all(count > 0 for count in counts.values())
    assert counts[17] == 19
    codes = list(SdgTarget.objects.filter(goal_id=1).values_list("code", flat=True))
    assert codes == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b"]
    first_of_goal_10 = SdgTarget.objects.filter(goal_id=10).values_list("code", flat=True).first()
    assert first_of_goal_10 == "10.1"
    assert "extreme poverty" in SdgTarget.objects.get(code="1.1").title_en


def test_loading_again_changes_nothing():
    SdgGoal.objects.filter(number=2).update(title="Salah")
    sdg_reference_ensure()
    sdg_reference_ensure()
    assert SdgGoal.objects.count() == 17
    assert SdgTarget.objects.count() == 169
    assert SdgGoal.objects.get(number=2).title == "Tanpa Kelaparan"


def test_target_shows_code_with_goal_title_in_indonesian_and_english_title_in_english():
    target = SdgTarget.objects.select_related("goal").get(code="4.1")
    with translation.override("id"):
        assert str(target) == "4.1 (4. Pendidikan Berkualitas)"
        assert str(target.goal) == "4. Pendidikan Berkualitas"
    with translation.override("en"):
        assert str(target).startswith("4.1 By 2030, ensure that all girls and boys")
        assert str(target.goal) == "4. Quality education"
