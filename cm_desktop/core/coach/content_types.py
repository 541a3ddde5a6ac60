"""The shapes of the coach's content (ideas, tips, glossary, guides), shared by data and logic modules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cm_desktop.core.coach.profile import Goal
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import BusinessKind


class Occasion(StrEnum):
    BEHIND_THE_SCENES = "behind_the_scenes"
    NEW_PRODUCT = "new_product"
    CUSTOMER_STORY = "customer_story"
    EVENT = "event"
    QUESTION = "question"
    TIP = "tip"
    THANK_YOU = "thank_you"
    LOCAL_PARTNER = "local_partner"
    MOMENT_OF_YEAR = "moment_of_year"
    MEET_THE_TEAM = "meet_the_team"
    BEFORE_AFTER = "before_after"
    FAQ = "faq"
    POLL = "poll"
    MILESTONE = "milestone"
    VOLUNTEER_CALL = "volunteer_call"
    HOW_TO = "how_to"
    PRACTICAL_INFO = "practical_info"


@dataclass(frozen=True)
class IdeaEntry:
    """One post idea in both languages. kinds empty: it suits every kind of business."""

    code: str
    occasion: Occasion
    kinds: tuple[BusinessKind, ...]
    goals: tuple[Goal, ...]
    title: Text
    why: Text  # one line: why this kind of post works
    template: Text  # a starting text with {placeholders} from ALLOWED_PLACEHOLDERS
    # False for ideas that answer something that happened (an event's reminder or recap): the library
    # offers them, the automatic four-week plan does not.
    plannable: bool = True
    # Trade families (core.coach.trades) the idea is written for: it may name their products and is offered
    # only to their trades. Empty: it names no product, and suits every trade of its kinds.
    families: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tip:
    code: str
    title: Text
    body: Text


@dataclass(frozen=True)
class GlossaryTerm:
    code: str
    term: Text  # often the same word in both languages ("hashtag"), so not checked for difference
    meaning: Text


@dataclass(frozen=True)
class Guide:
    code: str
    title: Text
    steps: tuple[Text, ...]
    url: str = ""  # where to start, opened in the browser
