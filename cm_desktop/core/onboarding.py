"""Applying the first-run wizard's answers to the store: the profile, the weekly slots and four weeks of ideas.

Pure (no Qt). The wizard builds a Plan with `build_plan` to show it, then hands that same plan to `apply`,
so what the person saw on the last page is exactly what gets saved.

Ideas are Posts with an `origin` ("idea:<code>" or "moment:<code>") and no targets: nothing is scheduled,
nothing can be sent. Running the wizard again replaces the ideas nobody touched and keeps the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import available_timezones

from sqlmodel import Session, col, delete, select

from cm_desktop.core import posts
from cm_desktop.core.coach import Plan, ProfileAnswers, make_plan
from cm_desktop.core.coach.plan import Moment as PlanMoment
from cm_desktop.core.coach.plan import MomentsSource
from cm_desktop.core.models import BusinessProfile, Media, Post, PostTarget, Slot, utcnow
from cm_desktop.core.posts import NewPost
from cm_desktop.core.store import Store

# The countries the wizard offers, with the zone most of their people live in (editable in the wizard).
# Canada: Quebec, where most of our French-speaking Canadian users are, is on Toronto's time.
COUNTRY_ZONES: dict[str, str] = {
    "FR": "Europe/Paris",
    "BE": "Europe/Brussels",
    "CH": "Europe/Zurich",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "US": "America/New_York",
}
COUNTRIES: tuple[str, ...] = tuple(COUNTRY_ZONES)
SUGGESTION_PREFIXES: tuple[str, ...] = ("idea:", "moment:")
# Ideas the person made (a post heard while listening, core/listening/leads.py): never replaced by the wizard.
PERSONS_OWN_PREFIXES: tuple[str, ...] = ("idea:listening:",)


def default_zone(country: str, fallback: str = "UTC") -> str:
    """The usual IANA zone of a country the wizard offers; `fallback` (the computer's zone) for the rest."""
    return COUNTRY_ZONES.get(country.upper(), fallback)


def known_zone(zone: str) -> bool:
    return zone in available_timezones()


def moments_source(country: str, business_kind: str, family: str | None = None) -> MomentsSource | None:
    """The country's holidays and key dates for make_plan; None when we have no calendar for the country.
    A date that names another trade's products (Epiphany's galette for a florist) is left out."""
    from cm_desktop.core.coach.trades import names_no_foreign_product
    from cm_desktop.core.moments import UnknownCountry, upcoming

    if not country:
        return None

    def source(first: date, last: date) -> Sequence[PlanMoment]:
        try:
            found = upcoming(country, first, (last - first).days, business_kind=business_kind)
        except UnknownCountry:
            return []
        # Only moments starting inside the window: a period already under way is old news for a plan.
        return [
            (m.start, m.code, m.title, m.draft or m.idea)
            for m in found
            if m.start >= first and names_no_foreign_product((m.title, m.draft or m.idea), family)
        ]

    return source


def build_plan(answers: ProfileAnswers, zone: str, start: date) -> Plan:
    """The plan the wizard shows and `apply` saves: four weeks from `start`, with the country's moments."""
    return make_plan(
        answers, start, zone, moments_source(answers.country, answers.kind.value, answers.family)
    )


def load_profile(store: Store) -> BusinessProfile | None:
    """The business profile, if the wizard (or anything else) saved one."""
    with store.session() as session:
        return session.exec(select(BusinessProfile).order_by(col(BusinessProfile.id))).first()


@dataclass(frozen=True)
class ApplyResult:
    profile_id: int
    slots: int
    ideas: int  # idea posts written
    replaced: int  # untouched idea posts from a previous run, removed
    kept: int  # idea posts from a previous run the person had worked on, left alone


def _untouched_suggestions(session: Session) -> tuple[list[int], int]:
    """(ids of suggestion posts never worked on, number of suggestion posts the person did work on).

    Never worked on: no target, no picture, no time set for sending, and not saved since it was created
    (apply writes created_at == updated_at; any save moves updated_at).
    """
    posts = [
        p
        for p in session.exec(select(Post)).all()
        if any(p.origin.startswith(prefix) for prefix in SUGGESTION_PREFIXES)
        and not p.origin.startswith(PERSONS_OWN_PREFIXES)
    ]
    ids = [p.id for p in posts if p.id is not None]
    with_targets = set(session.exec(select(PostTarget.post_id).where(col(PostTarget.post_id).in_(ids))).all())
    with_media = set(session.exec(select(Media.post_id).where(col(Media.post_id).in_(ids))).all())
    untouched = [
        p.id
        for p in posts
        if p.id is not None
        and p.id not in with_targets
        and p.id not in with_media
        and p.scheduled_utc is None
        and p.updated_at == p.created_at
    ]
    return untouched, len(posts) - len(untouched)


def _idea(suggestion_origin: str, text: str, local_time: datetime, zone: str) -> NewPost:
    # local_time is the suggested day and hour (so a calendar can show the idea there); scheduled_utc stays
    # empty and there is no target: an idea is never sent.
    return NewPost(
        text=text,
        targets=(),
        local_time=local_time.replace(tzinfo=None),
        time_zone=zone,
        origin=suggestion_origin,
    )


def apply(
    store: Store, answers: ProfileAnswers, zone: str, plan: Plan, now: datetime | None = None
) -> ApplyResult:
    """Save the profile, the plan's slots and its ideas in one transaction: all of it, or nothing.

    Idempotent: the profile row is updated, the network-level slots (no account yet) are replaced, and
    suggestion posts nobody touched are replaced; ideas the person edited, scheduled or illustrated stay.
    """
    stamp = now or utcnow()
    with store.session() as session:
        # One transaction: the session commits once at the end; any error before it rolls everything back.
        profile = session.exec(select(BusinessProfile).order_by(col(BusinessProfile.id))).first()
        profile = answers.to_profile(zone, profile)
        session.add(profile)

        # Slots tied to an account were set by the person in the queue; the wizard owns the others.
        session.exec(delete(Slot).where(col(Slot.account_id).is_(None)))
        for slot in plan.slots:
            session.add(Slot(network=slot.network, weekday=slot.weekday, minute_of_day=slot.minute_of_day))

        untouched, kept = _untouched_suggestions(session)
        if untouched:
            session.exec(delete(Post).where(col(Post.id).in_(untouched)))
        for suggestion in plan.suggestions:
            posts.create(
                session,
                _idea(suggestion.origin, suggestion.text, suggestion.local_time, zone),
                stamp,
                queue=False,
            )

        session.flush()
        assert profile.id is not None
        session.commit()
        return ApplyResult(
            profile_id=profile.id,
            slots=len(plan.slots),
            ideas=len(plan.suggestions),
            replaced=len(untouched),
            kept=kept,
        )
