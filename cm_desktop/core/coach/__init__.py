"""The coach: first-run answers, network advice, a posting plan, the idea library, weekly tips, help.

Pure Python (no Qt, no HTTP). Content lives in `data/`, logic in the modules next to this one.
"""

from __future__ import annotations

from cm_desktop.core.coach.content_types import GlossaryTerm, Guide, IdeaEntry, Occasion, Tip
from cm_desktop.core.coach.help import glossary, guide, guides, term
from cm_desktop.core.coach.ideas import (
    ALL_IDEAS,
    ALLOWED_PLACEHOLDERS,
    OCCASION_LABELS,
    Idea,
    fill,
    idea,
    ideas,
    placeholders,
)
from cm_desktop.core.coach.plan import (
    Moment,
    MomentsSource,
    Plan,
    PlanSlot,
    Rhythm,
    SuggestedPost,
    make_plan,
    rhythm_for,
)
from cm_desktop.core.coach.profile import (
    BUDGET_LABELS,
    GOAL_LABELS,
    KIND_LABELS,
    Goal,
    ProfileAnswers,
    TimeBudget,
    budget_tier,
    goals_from_text,
)
from cm_desktop.core.coach.recommend import Recommendation, network_blurb, recommend_networks
from cm_desktop.core.coach.weekly import Message, WeekSummary, post_state, tip_of_week, tips, week_summary

__all__ = [
    "ALLOWED_PLACEHOLDERS",
    "ALL_IDEAS",
    "BUDGET_LABELS",
    "GOAL_LABELS",
    "KIND_LABELS",
    "OCCASION_LABELS",
    "GlossaryTerm",
    "Goal",
    "Guide",
    "Idea",
    "IdeaEntry",
    "Message",
    "Moment",
    "MomentsSource",
    "Occasion",
    "Plan",
    "PlanSlot",
    "ProfileAnswers",
    "Recommendation",
    "Rhythm",
    "SuggestedPost",
    "TimeBudget",
    "Tip",
    "WeekSummary",
    "budget_tier",
    "fill",
    "glossary",
    "goals_from_text",
    "guide",
    "guides",
    "idea",
    "ideas",
    "make_plan",
    "network_blurb",
    "placeholders",
    "post_state",
    "recommend_networks",
    "rhythm_for",
    "term",
    "tip_of_week",
    "tips",
    "week_summary",
]
