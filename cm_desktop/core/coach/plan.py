"""The posting plan: a weekly rhythm that fits the time budget, slots, and four weeks of post ideas.

Deterministic: the same answers, start date and zone give the same plan. Variety comes from a shuffle
seeded with a checksum of the input (never Python's hash(), which changes between runs).
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from cm_desktop.core.coach.content_types import IdeaEntry, Occasion
from cm_desktop.core.coach.data.networks import ALTERNATIVES, UNSUITED_OCCASIONS
from cm_desktop.core.coach.data.times import KIND_TIMES
from cm_desktop.core.coach.dates import clock, day_in_words
from cm_desktop.core.coach.ideas import ALL_IDEAS, fill, raw, suits
from cm_desktop.core.coach.profile import Goal, ProfileAnswers, TimeBudget, budget_tier
from cm_desktop.core.coach.recommend import recommend_networks
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.networks import name_of

# (date, code, title, idea): what cm_desktop.core.moments offers; plugged in, never imported here.
Moment = tuple[date, str, Text, Text]
MomentsSource = Callable[[date, date], Sequence[Moment]]

PLAN_DAYS = 28
# Moments up to a week after the plan still get their announcement inside it.
MOMENT_LOOKAHEAD_DAYS = 7

PLAN_SUMMARY = Text(
    en="{posts} posts a week on {networks}: about {minutes} minutes of your week.",
    fr="{posts} publications par semaine sur {networks} : environ {minutes} minutes de votre semaine.",
)
REPLY_ADVICE = Text(
    en="Keep {reply} minutes a week to answer comments and messages.",
    fr="Gardez {reply} minutes par semaine pour répondre aux commentaires et aux messages.",
)
MOMENT_WHY = Text(
    en="A date everyone shares: posting a few days ahead gives people time to plan.",
    fr="Une date que tout le monde partage : publier quelques jours avant laisse le temps de s'organiser.",
)
LATER_ADVICE = Text(
    en="Add {networks} once the habit is set.",
    fr="Ajoutez {networks} quand l'habitude sera prise.",
)
SHARED_ADVICE = Text(
    en="You chose more networks than your time easily allows: {networks} get one post in two. Untick one "
    "in the set-up if it is too much.",
    fr="Vous avez choisi plus de réseaux que votre temps n'en permet facilement : {networks} reçoivent une "
    "publication sur deux. Décochez-en un dans la configuration si c'est trop.",
)


@dataclass(frozen=True)
class Rhythm:
    posts_per_week: int
    max_networks: int
    reply_minutes: int  # answering comments, inside the weekly budget
    weekly_minutes: int


def rhythm_for(weekly_minutes: int) -> Rhythm:
    """A rhythm that fits the budget: regular and small beats ambitious and abandoned."""
    budget = budget_tier(weekly_minutes)
    if budget is TimeBudget.QUARTER_HOUR:
        return Rhythm(posts_per_week=2, max_networks=2, reply_minutes=0, weekly_minutes=weekly_minutes)
    if budget is TimeBudget.HOUR:
        posts = 3 if weekly_minutes < 90 else 4
        return Rhythm(posts_per_week=posts, max_networks=3, reply_minutes=15, weekly_minutes=weekly_minutes)
    posts = 5 if weekly_minutes < 240 else 6 if weekly_minutes < 300 else 7
    reply = min(90, weekly_minutes // 3)
    return Rhythm(posts_per_week=posts, max_networks=4, reply_minutes=reply, weekly_minutes=weekly_minutes)


@dataclass(frozen=True)
class PlanSlot:
    """A weekly posting time on one network (becomes a queue Slot once the account is connected)."""

    weekday: int  # Monday = 0
    minute_of_day: int
    network: str

    @property
    def clock(self) -> str:
        return clock(self.minute_of_day)


@dataclass(frozen=True)
class SuggestedPost:
    """An idea for one day, not a scheduled post: the person turns it into a draft or skips it."""

    day: date
    minute_of_day: int
    local_time: datetime  # aware, in the plan's zone
    networks: tuple[str, ...]
    idea_code: str  # an idea code, or "moment:<code>"
    title: str
    text: str  # a starting draft; visible [gaps] where the wizard had no answer
    why: str

    @property
    def origin(self) -> str:
        """The value for Post.origin."""
        return self.idea_code if self.idea_code.startswith("moment:") else f"idea:{self.idea_code}"


@dataclass(frozen=True)
class Plan:
    start: date
    zone: str
    lang: Lang
    networks: tuple[str, ...]
    later_networks: tuple[str, ...]  # chosen by the person, left out to fit the time budget
    rhythm: Rhythm
    slots: tuple[PlanSlot, ...]
    suggestions: tuple[SuggestedPost, ...]

    @property
    def posts_per_week(self) -> int:
        return self.rhythm.posts_per_week

    def week(self, index: int) -> list[SuggestedPost]:
        """Suggestions of plan week `index` (0-3): the 7 days from start + 7 * index."""
        first = self.start + timedelta(days=7 * index)
        return [s for s in self.suggestions if first <= s.day < first + timedelta(days=7)]

    def describe(self) -> list[str]:
        """A few plain sentences for the wizard's last page."""
        names = ", ".join(name_of(n).get(self.lang) for n in self.networks)
        minutes = self.rhythm.weekly_minutes
        lines = [
            PLAN_SUMMARY.get(self.lang, posts=self.rhythm.posts_per_week, networks=names, minutes=minutes)
        ]
        if self.rhythm.reply_minutes:
            lines.append(REPLY_ADVICE.get(self.lang, reply=self.rhythm.reply_minutes))
        if self.later_networks:
            later = ", ".join(name_of(n).get(self.lang) for n in self.later_networks)
            lines.append(LATER_ADVICE.get(self.lang, networks=later))
        if len(self.networks) > max(2, self.rhythm.max_networks):
            shared = ", ".join(name_of(n).get(self.lang) for n in self.networks[2:])
            lines.append(SHARED_ADVICE.get(self.lang, networks=shared))
        return lines


def choose_networks(answers: ProfileAnswers, rhythm: Rhythm) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(networks in the plan, chosen networks left for later)."""
    if answers.networks:
        # Every network she chose is in the plan: past what her time allows, they share the posts (see
        # _slots and Plan.describe), rather than wait for a habit she was never told about.
        return tuple(dict.fromkeys(answers.networks)), ()
    picked: list[str] = []
    for rec in recommend_networks(answers.kind, answers.goals, answers.country):
        if len(picked) == rhythm.max_networks:
            break
        # Mastodon and Bluesky play the same part: with little time, one of them is enough.
        if rhythm.max_networks < 4 and any(rec.network in g and set(picked) & g for g in ALTERNATIVES):
            continue
        picked.append(rec.network)
    return tuple(picked), ()


def _slots(answers: ProfileAnswers, rhythm: Rhythm, networks: tuple[str, ...]) -> list[PlanSlot]:
    times = sorted(
        (day, int(hhmm[:2]) * 60 + int(hhmm[3:]))
        for day, hhmm in KIND_TIMES[answers.kind][: rhythm.posts_per_week]
    )
    slots: list[PlanSlot] = []
    for i, (weekday, minute) in enumerate(times):
        for rank, network in enumerate(networks):
            # The first two networks get every post; any others every other post, so they stay light.
            if rank < 2 or i % 2 == (rank - 2) % 2:
                slots.append(PlanSlot(weekday, minute, network))
    return slots


def _seed(answers: ProfileAnswers, start: date) -> int:
    key = f"{answers.kind.value}|{','.join(sorted(answers.goals))}|{start.isoformat()}"
    if answers.trade:
        key += f"|{answers.trade}"
    return zlib.crc32(key.encode("utf-8"))


def _idea_pool(answers: ProfileAnswers, start: date) -> list[IdeaEntry]:
    """Plannable ideas for this kind and these goals: kind-specific and general ones interleaved."""
    goals = set(answers.goals) or set(Goal)
    family = answers.family
    usable = [e for e in ALL_IDEAS if e.plannable and suits(e, answers.kind, family) and goals & set(e.goals)]
    specific = [e for e in usable if e.kinds or e.families]
    general = [e for e in usable if not e.kinds and not e.families]
    rng = random.Random(_seed(answers, start))
    rng.shuffle(specific)
    rng.shuffle(general)
    # Written for her trade first: a florist's first weeks speak of flowers.
    own = [e for e in specific if e.families]
    kind = [e for e in specific if not e.families]
    pool: list[IdeaEntry] = []
    for i in range(max(len(own), len(kind), len(general))):
        pool.extend(part[i] for part in (own, kind, general) if i < len(part))
    return pool


def _fits(entry: IdeaEntry, networks: Sequence[str]) -> bool:
    return not any(entry.occasion in UNSUITED_OCCASIONS.get(n, frozenset()) for n in networks)


def _pick(
    pool: list[IdeaEntry], used: set[str], networks: Sequence[str], goal: Goal | None, last: Occasion | None
) -> IdeaEntry:
    """The first unused idea meeting the most wishes; wishes are dropped one by one until one fits."""
    fresh = [e for e in pool if e.code not in used] or pool  # a short pool starts over rather than fail
    wishes: list[Callable[[IdeaEntry], bool]] = [
        lambda e: _fits(e, networks),
        lambda e: goal is None or goal in e.goals,
        lambda e: e.occasion != last,
    ]
    for keep in range(len(wishes), -1, -1):
        for entry in fresh:
            if all(w(entry) for w in wishes[:keep]):
                return entry
    return fresh[0]


def _place_moments(
    found: Sequence[Moment], openings: Sequence[tuple[date, int, tuple[str, ...]]], start: date, per_week: int
) -> dict[int, Moment]:
    """Which opening announces which moment: the latest one in the six days before, else the day itself."""
    placed: dict[int, Moment] = {}
    per_plan_week: dict[int, int] = {}
    for moment in sorted(found, key=lambda m: (m[0], m[1])):
        when = moment[0]
        free = [i for i, (day, _, _) in enumerate(openings) if i not in placed]
        before = [i for i in free if when - timedelta(days=6) <= openings[i][0] < when]
        candidates = before or [i for i in free if openings[i][0] == when]
        if not candidates:
            continue
        index = candidates[-1]
        week = (openings[index][0] - start).days // 7
        if per_plan_week.get(week, 0) >= per_week:
            continue
        per_plan_week[week] = per_plan_week.get(week, 0) + 1
        placed[index] = moment
    return placed


def make_plan(
    answers: ProfileAnswers,
    start: date,
    zone: str,
    moments: MomentsSource | None = None,
) -> Plan:
    """The plan for the four weeks from `start` (start included), in the zone's local time."""
    tz = ZoneInfo(zone)  # raises for an unknown zone: better now than a plan at the wrong hours
    lang = answers.language
    rhythm = rhythm_for(answers.weekly_minutes)
    networks, later = choose_networks(answers, rhythm)
    slots = _slots(answers, rhythm, networks)

    # One suggestion per posting time, carrying the networks that share that time.
    times: dict[tuple[int, int], list[str]] = {}
    for slot in slots:
        times.setdefault((slot.weekday, slot.minute_of_day), []).append(slot.network)
    days = [start + timedelta(days=i) for i in range(PLAN_DAYS)]
    openings = [
        (day, minute, tuple(nets))
        for day in days
        for (weekday, minute), nets in sorted(times.items())
        if weekday == day.weekday()
    ]

    values = {
        "business": answers.business_name,
        "product": answers.product,
        "place": answers.place,
        "town": answers.town,
    }
    chosen: dict[int, SuggestedPost] = {}

    def build(index: int, code: str, title: str, text: str, why: str) -> SuggestedPost:
        day, minute, nets = openings[index]
        local = datetime.combine(day, time(minute // 60, minute % 60), tzinfo=tz)
        return SuggestedPost(day, minute, local, nets, code, title, text, why)

    if moments is not None:
        found = moments(start, start + timedelta(days=PLAN_DAYS - 1 + MOMENT_LOOKAHEAD_DAYS))
        per_week = 1 if rhythm.posts_per_week <= 3 else 2  # moments must not crowd out your own news
        for index, (when, code, name, moment_idea) in _place_moments(
            found, openings, start, per_week
        ).items():
            text = fill(raw(moment_idea, lang), values | {"date": day_in_words(when, lang)}, lang)
            chosen[index] = build(index, f"moment:{code}", name.get(lang), text, MOMENT_WHY.get(lang))

    pool = _idea_pool(answers, start)
    used: set[str] = set()
    goals = list(answers.goals)
    last: Occasion | None = None
    for index, (_, _, nets) in enumerate(openings):
        if index in chosen:
            continue
        goal = goals[index % len(goals)] if goals else None  # take turns so every goal gets posts
        entry = _pick(pool, used, nets, goal, last)
        used.add(entry.code)
        last = entry.occasion
        # An idea's {date} is an event, an offer's end, a first day: only the person knows it, so the plan
        # leaves the gap visible rather than guess with the posting day. A moment's date is known.
        fields = values | {"date": ""}
        title, text = (
            fill(raw(entry.title, lang), fields, lang),
            fill(raw(entry.template, lang), fields, lang),
        )
        chosen[index] = build(index, entry.code, title, text, raw(entry.why, lang))

    return Plan(
        start=start,
        zone=zone,
        lang=lang,
        networks=networks,
        later_networks=later,
        rhythm=rhythm,
        slots=tuple(slots),
        suggestions=tuple(chosen[i] for i in range(len(openings))),
    )
