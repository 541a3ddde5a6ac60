"""Networks the app cannot read (their messages need a company-registered app): one "Check your messages" card
each, with the page to open, and a weekly reminder at the person's answering time until they say "done".

The answering time comes from the plan: the day after the first posting time of the week, at the same hour
(answers come in after a post). Without any posting time: Monday at 17:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlmodel import col, select

from cm_desktop.core import networks
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account, InboxReminder, PostTarget, Slot
from cm_desktop.core.store import Store

CANNOT_READ = Text(
    en="The app cannot read your {network} messages: open the page once a week to answer them.",
    fr="L'application ne peut pas lire vos messages {network} : ouvrez la page une fois par semaine pour y répondre.",
)
REMINDER_TITLE = Text(en="Check your messages on {network}", fr="Consultez vos messages sur {network}")
REMINDER_BODY = Text(
    en="People may be waiting for an answer. Click here to open the page.",
    fr="Des personnes attendent peut-être une réponse. Cliquez ici pour ouvrir la page.",
)
DEFAULT_TIME = (0, 17 * 60)  # Monday, 17:00
RECENT = timedelta(days=90)


@dataclass(frozen=True)
class CheckCard:
    network: str
    url: str
    due: datetime  # this week's reminder (aware UTC)
    done_this_week: bool
    overdue: bool  # past this week's reminder and not done


def week_of(moment: datetime, zone: ZoneInfo) -> str:
    year, week, _ = moment.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def unreadable_networks(store: Store, now: datetime) -> list[str]:
    """Networks the person publishes on that the app cannot read: posting times, recent or coming posts
    published by hand, and connected accounts of such networks."""
    found: list[str] = []
    with store.session() as session:
        found += [n for n in session.exec(select(Slot.network).distinct()).all() if n]
        recent = (now - RECENT).astimezone(UTC)
        found += list(
            session.exec(
                select(PostTarget.network)
                .where(col(PostTarget.account_id).is_(None), col(PostTarget.updated_at) >= recent)
                .distinct()
            ).all()
        )
        found += list(session.exec(select(Account.network).distinct()).all())
    return [n for n in dict.fromkeys(found) if networks.known(n) and networks.get(n).messages_url]


def answering_time(store: Store) -> tuple[int, int]:
    """(weekday, minute of the day) of the weekly reminder."""
    with store.session() as session:
        first = session.exec(
            select(Slot.weekday, func.min(Slot.minute_of_day))
            .group_by(col(Slot.weekday))
            .order_by(col(Slot.weekday))
        ).first()
    if first is None:
        return DEFAULT_TIME
    weekday, minute = first
    return (int(weekday) + 1) % 7, int(minute)


def _this_weeks(now: datetime, zone: ZoneInfo, weekday: int, minute: int) -> datetime:
    local = now.astimezone(zone)
    monday: date = local.date() - timedelta(days=local.weekday())
    day = monday + timedelta(days=weekday)
    moment = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=zone)
    return moment.astimezone(UTC)


def cards(store: Store, now: datetime, zone: str) -> list[CheckCard]:
    tz = ZoneInfo(zone or "UTC")
    unreadable = unreadable_networks(store, now)
    if not unreadable:
        return []
    weekday, minute = answering_time(store)
    due = _this_weeks(now, tz, weekday, minute)
    week = week_of(now, tz)
    with store.session() as session:
        done = {r.network: r.done_week for r in session.exec(select(InboxReminder)).all()}
    return [
        CheckCard(
            network=n,
            url=networks.get(n).messages_url,
            due=due,
            done_this_week=done.get(n) == week,
            overdue=now >= due and done.get(n) != week,
        )
        for n in unreadable
    ]


def mark_done(store: Store, network: str, now: datetime, zone: str) -> None:
    """ "Done for this week": no reminder until next week's answering time."""
    week = week_of(now, ZoneInfo(zone or "UTC"))
    with store.session() as session:
        row = session.get(InboxReminder, network) or InboxReminder(network=network)
        row.done_week = week
        session.add(row)
        session.commit()


def due_reminders(store: Store, now: datetime, zone: str) -> list[CheckCard]:
    """The cards whose reminder is due and not shown yet this week (each is then marked as shown)."""
    tz = ZoneInfo(zone or "UTC")
    week = week_of(now, tz)
    due = [c for c in cards(store, now, zone) if c.overdue]
    shown: list[CheckCard] = []
    with store.session() as session:
        for card in due:
            row = session.get(InboxReminder, card.network) or InboxReminder(network=card.network)
            if row.reminded_week == week:
                continue
            row.reminded_week = week
            session.add(row)
            shown.append(card)
        session.commit()
    return shown
