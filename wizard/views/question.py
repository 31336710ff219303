"""What the walk shows for a question, as plain strings.

One function turns a session into this view. The walk screen paints it, and the start-up
index stores it for every code, so `iisdoctor --code` can paint the first question before
the trees and the engine are loaded. This module stays light for that reason: it imports
nothing heavy at the top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from wizard.knowledge.i18n import tr
from wizard.language.messages import _

if TYPE_CHECKING:
    from wizard.engine.session import Session
    from wizard.knowledge.library import Library


class QuestionView(NamedTuple):
    crumbs: str  # HTTP 403.1 › Requested content
    notice: str  # evidence and other-version remarks; empty when there are none
    progress: str  # Question 1 · at most 3 more after this
    question: str
    how: str  # how to check, without its label; empty when the tree has none
    commands: tuple[str, ...]
    answers: tuple[str, ...]  # labels, unnumbered
    highlighted: int  # the answer the evidence points to, else the first


def question_view(session: Session, library: Library, chosen: str) -> QuestionView:
    """The current question of an unfinished session, as the walk shows it on IIS `chosen`."""
    node = session.question
    asked = len([v for v in session.history if v.answer is not None]) + 1
    more = session.remaining() - 1
    if more <= 0:
        progress = _("Question {asked} · this is the last question").format(asked=asked)
    else:
        progress = _("Question {asked} · at most {more} more after this").format(asked=asked, more=more)
    return QuestionView(
        crumbs=" › ".join(session.breadcrumb()),
        notice=notice(session, library, chosen),
        progress=progress,
        question=tr(node.question),
        how=tr(node.how),
        commands=tuple(node.commands),
        answers=tuple(tr(a.label) for a in session.answers()),
        highlighted=session.evidence_answer() or 0,
    )


def notice(session: Session, library: Library, chosen: str) -> str:
    """What the evidence answered, and what this code means on other IIS versions."""
    from wizard.knowledge import versions as V

    lines = []
    auto = [v for v in session.history if v.auto]
    picked = None if session.finished else session.evidence_answer()
    if picked is not None:
        lines.append(
            _("Your evidence ({evidence}) points to answer {number}; pick another answer to change it.").format(
                evidence=session.active_evidence.describe(), number=picked + 1
            )
        )
    elif auto:
        lines.append(
            _("Answered from the evidence you gave ({evidence}): {answer}. Press b to change it.").format(
                evidence=session.active_evidence.describe(),
                answer=tr(auto[-1].answer.label) if auto[-1].answer else "",
            )
        )
    elif session.evidence and not session.moves:
        lines.append(
            _("Evidence: {evidence} (it answers no question here).").format(evidence=session.evidence.describe())
        )
    if session.version != chosen:
        here = library.entry(session.protocol, session.code, chosen)
        if here is not None and chosen in here.versions:
            lines.append(
                _(
                    "This walk is written for IIS {version}; you chose IIS {chosen}, for which "
                    "there is no guided walk of {code} yet."
                ).format(version=session.version, chosen=chosen, code=session.code)
            )
        else:
            lines.append(
                _("IIS {chosen} does not use {code}; this walk is for IIS {version}, where it comes from.").format(
                    chosen=chosen, code=session.code, version=session.version
                )
            )
    for other in library.other_meanings(session.protocol, session.code, session.version):
        lines.append(
            _("On IIS {versions} {code} means something else: {title}.").format(
                versions=V.describe(other.versions), code=session.code, title=tr(other.title)
            )
        )
    return "\n".join(lines)
