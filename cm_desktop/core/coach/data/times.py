"""Good local posting times per kind of business, best first (weekday: Monday = 0, HH:MM)."""

from __future__ import annotations

from cm_desktop.core.models import BusinessKind as K

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# A plan with N posts a week takes the first N entries, so each list is ordered to spread well at
# every length: the first two are far apart, the first four cover the week.
KIND_TIMES: dict[K, tuple[tuple[int, str], ...]] = {
    # Food shops and bakeries: people decide on the way to work and on Saturday morning.
    K.SHOP: (
        (THU, "07:30"),
        (SAT, "08:00"),
        (TUE, "07:30"),
        (FRI, "17:30"),
        (SUN, "08:30"),
        (WED, "12:15"),
        (MON, "07:30"),
    ),
    # Early like a shop on weekdays; evenings and Sunday for people dreaming of projects.
    K.CRAFT: (
        (TUE, "07:30"),
        (SAT, "09:00"),
        (THU, "19:00"),
        (SUN, "18:00"),
        (FRI, "12:30"),
        (WED, "07:30"),
        (MON, "19:00"),
    ),
    # Art is browsed slowly: evenings and Sunday.
    K.ARTIST: (
        (WED, "19:00"),
        (SUN, "11:00"),
        (FRI, "19:00"),
        (MON, "19:00"),
        (SUN, "18:00"),
        (TUE, "19:00"),
        (SAT, "11:00"),
    ),
    # Volunteers read after work and plan their weekend.
    K.ASSOCIATION: (
        (TUE, "18:30"),
        (SAT, "09:30"),
        (THU, "18:30"),
        (SUN, "10:00"),
        (WED, "18:30"),
        (MON, "18:30"),
        (FRI, "18:30"),
    ),
    # Just before people choose where to eat: 11:00 for lunch, 17:30 for dinner.
    K.RESTAURANT: (
        (THU, "11:00"),
        (FRI, "17:30"),
        (TUE, "11:00"),
        (SAT, "11:00"),
        (WED, "17:30"),
        (SUN, "10:00"),
        (SAT, "17:30"),
    ),
    # Working hours: coffee time and lunch break, mid-week.
    K.SMALL_FIRM: (
        (TUE, "08:30"),
        (THU, "12:30"),
        (WED, "08:30"),
        (WED, "12:30"),
        (THU, "08:30"),
        (TUE, "12:30"),
        (MON, "12:30"),
    ),
    K.FREELANCER: (
        (TUE, "08:30"),
        (THU, "12:30"),
        (WED, "18:00"),
        (MON, "08:30"),
        (FRI, "12:30"),
        (WED, "08:30"),
        (SUN, "18:00"),
    ),
    K.OTHER: (
        (TUE, "12:30"),
        (FRI, "17:30"),
        (THU, "08:30"),
        (SAT, "10:00"),
        (WED, "18:30"),
        (SUN, "18:00"),
        (MON, "12:30"),
    ),
}
