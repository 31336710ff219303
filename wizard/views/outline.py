"""The explain outline: a code's whole tree as indented plain text, for terminals, pipes and tickets."""

from __future__ import annotations

from wizard.knowledge import versions as V
from wizard.knowledge.evidence import Evidence, hresult_of
from wizard.knowledge.library import Library
from wizard.knowledge.model import (
    RETURN,
    CodeEntry,
    Graph,
    Jump,
    Outcome,
    Question,
    ReasonEntry,
    Use,
    Win32Entry,
    headline,
    tr,
)
from wizard.language.messages import N_, _
from wizard.platform.links import kb_url
from wizard.views.wrap import wrap

INDENT = "    "

#: The labels of the header fields (translated when shown); values start in one column after the longest.
FIELDS = (N_("Class"), N_("IIS"), N_("Sent by"), N_("Meaning"), N_("Note"), N_("Also"), N_("Evidence"))
#: The labels of `explain --win32` and `explain --reason`.
CATALOG_FIELDS = (N_("Meaning"), N_("In IIS"), N_("Fix"))


def label_width(names: tuple[str, ...]) -> int:
    """Where values start after `Label:` in the run's language: column 10 in English, further for longer labels."""
    return max(10, *(len(_(name)) + 2 for name in names))


def _labelled(label: str, text: str, width: int, column: int) -> list[str]:
    """`Label:   text`, wrapped to `width` with the text in its column."""
    head = f"{_(label)}:".ljust(column)
    return wrap(text, width, head, " " * column, inside_words=True) or [head]


class Outline:
    """The whole tree of one code as an indented outline; shared subtrees follow once each."""

    def __init__(
        self,
        library: Library,
        entry: CodeEntry,
        graph: Graph | None,
        version: str | None = None,
        width: int = 100,
        evidence: Evidence = Evidence(),
    ):
        self.library = library
        self.evidence = evidence
        self.entry = entry
        self.graph = graph
        self.version = version
        self.width = max(40, width)
        self.column = label_width(FIELDS)  # where the header's values start
        self.numbers: dict[str, str] = {}
        self.lines: list[str] = []
        self.pending_subtrees: list[str] = []
        self.subtree_order: list[str] = []

    def render(self) -> str:
        self._header()
        if self.graph is None:
            others = self.library.walk_versions(self.entry.protocol, self.entry.code)
            if others:
                self._say(
                    "",
                    _(
                        "No guided walk for IIS {version} yet; there is one for IIS {versions} (try --iis {newest})."
                    ).format(version=self.version, versions=V.describe(others), newest=V.newest(others)),
                )
            else:
                self._say("", _("No guided walk exists for this code yet; the meaning above is what is known."))
            return "\n".join(self.lines) + "\n"
        if self.evidence:
            self._evidence_path()
        self.lines.append("")
        self._walk(self.graph, self.graph.start, 0, "")
        done = set()
        while self.pending_subtrees:
            key = self.pending_subtrees.pop(0)
            if key in done:
                continue
            done.add(key)
            sub = self.library.subtrees[key]
            heading = _("Shared check {label}: {title}").format(label=self._subtree_label(key), title=tr(sub.title))
            self.lines += ["", heading, ""]
            self._walk(sub, sub.start, 0, key)
        return "\n".join(self.lines) + "\n"

    # -- pieces --------------------------------------------------------------------------------

    def _header(self) -> None:
        e = self.entry
        self.lines.append(f"{e.protocol.upper()} {e.code} — {tr(e.title)}")
        klass = self.library.class_entry(e.protocol, e.klass)
        self._field(N_("Class"), f"{e.klass}" + (f" ({tr(klass.title)})" if klass else ""))
        self._field(N_("IIS"), self.version if self.version else V.describe(e.versions))
        if e.component:
            self._field(N_("Sent by"), e.component)
        self._field(N_("Meaning"), tr(e.meaning))
        if e.notes:
            self._field(N_("Note"), tr(e.notes))
        if self.version:
            for other in self.library.other_meanings(e.protocol, e.code, self.version):
                also = _("on IIS {versions} {code} means: {title}")
                self._field(
                    N_("Also"), also.format(versions=V.describe(other.versions), code=e.code, title=tr(other.title))
                )

    def _evidence_path(self) -> None:
        """The answers the evidence gives by itself, and where that leaves the walk."""
        from wizard.engine.session import Session, SessionError

        self.lines.append("")
        self._field(N_("Evidence"), self.evidence.describe())
        under = " " * self.column
        try:
            session = Session.start(self.library, self.entry.protocol, self.entry.code, self.version, self.evidence)
        except SessionError as exc:
            self._say(under, _("(cannot follow it: {error})").format(error=exc))
            return
        picked = [v for v in session.history if v.auto]
        if not picked:
            self._say(under, _("No question of this walk is answered by it; the full tree follows."))
            return
        for visit in picked:
            label = tr(visit.answer.label) if visit.answer else ""
            self._say(under, f"{tr(headline(visit.node))} → {label}", "• ")
        if session.finished:
            landing = _("Cause: {cause}").format(cause=tr(headline(session.node)))
        else:
            landing = _("Next question: {question}").format(question=tr(headline(session.node)))
        self._say(under, landing, "⇒ ")

    def _field(self, name: str, value: str) -> None:
        """One header line: `name` is the English label of FIELDS, shown in the run's language."""
        self.lines += _labelled(name, value, self.width, self.column)

    def _say(self, indent: str, text: str, first: str = "") -> None:
        self.lines += wrap(text, self.width, indent + first, indent + " " * len(first)) or [indent + first]

    def _command(self, indent: str, command: str) -> None:
        for line in command.splitlines():
            self.lines.append(f"{indent}  > {line}")

    def _applies(self, versions: frozenset[str] | None) -> bool:
        return self.version is None or versions is None or self.version in versions

    def _tag(self, versions: frozenset[str] | None) -> str:
        if self.version is not None or versions is None:
            return ""
        return " " + _("[IIS {versions} only]").format(versions=V.describe(versions))

    def _number(self, scope: str, node_id: str) -> str:
        key = f"{scope}#{node_id}"
        if key not in self.numbers:
            prefix = f"{self._subtree_label(scope)}." if scope else ""
            count = sum(1 for k in self.numbers if k.startswith(f"{scope}#"))
            self.numbers[key] = f"{prefix}{count + 1}"
        return self.numbers[key]

    def _subtree_label(self, key: str) -> str:
        return f"S{self.subtree_order.index(key) + 1}" if key in self.subtree_order else "S?"

    def _target(self, graph: Graph, scope: str, target: str | None, depth: int) -> str:
        """Describe where a reference leads, rendering the node in place the first time."""
        if target is None:
            return _("(nowhere)")
        if target == RETURN:
            return _("back to the check that used this one")
        key = f"{scope}#{target}"
        if key in self.numbers:
            return _("see [{number}]").format(number=self.numbers[key])
        self._walk(graph, target, depth, scope)
        return ""

    def _walk(self, graph: Graph, node_id: str, depth: int, scope: str) -> None:
        node = graph.nodes.get(node_id)
        indent = INDENT * depth
        if node is None:
            self.lines.append(indent + _("(unknown node {id})").format(id=node_id))
            return
        if isinstance(node, Question) and not self._applies(node.versions):
            self._follow(graph, scope, node.otherwise, depth, indent)
            return
        if isinstance(node, Use) and not self._applies(node.versions):
            self._follow(graph, scope, node.then, depth, indent)
            return
        number = self._number(scope, node_id)
        if isinstance(node, Question):
            topic = f" {tr(node.topic)}" if node.topic else ""
            self.lines.append(f"{indent}[{number}]{topic}{self._tag(node.versions)}")
            self._say(indent + "  ", tr(node.question), _("Q:") + " ")
            if node.how:
                self._say(indent + "  ", tr(node.how), _("How to check:") + " ")
            for command in node.commands:
                self._command(indent + "  ", command)
            letters = "abcdefghijklmnopqrstuvwxyz"
            shown = [a for a in node.answers if self._applies(a.versions)]
            for i, answer in enumerate(shown):
                lead = f"{letters[i]}) "
                mark = "  " + _("◀ your evidence") if self.evidence.matches(answer.when) else ""
                self._say(indent + "  ", tr(answer.label) + self._tag(answer.versions) + mark, lead)
                if answer.goto:
                    self._say(indent + "     ", self._jump(answer.goto), "→ ")
                    continue
                where = self._target(graph, scope, answer.next, depth + 1)
                if where:
                    self.lines.append(f"{indent}     → {where}")
        elif isinstance(node, Outcome):
            topic = f" {tr(node.topic)}" if node.topic else ""
            self.lines.append(f"{indent}[{number}] " + _("OUTCOME") + topic + self._tag(node.versions))
            self._say(indent + "  ", tr(node.cause), _("Cause:") + " ")
            self.lines.append(indent + "  " + _("Fix:"))
            steps = [s for s in node.steps if self._applies(s.versions)]
            for i, step in enumerate(steps, 1):
                self._say(indent + "    ", tr(step.text) + self._tag(step.versions), f"{i}. ")
                if step.command:
                    self._command(indent + "    " + " " * len(f"{i}. "), step.command)
            for ref in node.kb:
                self._say(indent + "  ", f"KB {ref.id}: {tr(ref.title)} <{kb_url(ref.id)}>", _("See:") + " ")
            if node.goto:
                self.lines.append(indent + "  " + _("Didn't fix it?"))
                self._say(indent + "     ", self._jump(node.goto), "→ ")
            elif node.next:
                self.lines.append(indent + "  " + _("Didn't fix it?"))
                where = self._target(graph, scope, node.next, depth + 1)
                if where:
                    self.lines.append(f"{indent}     → {where}")
        else:
            if node.subtree not in self.subtree_order:
                self.subtree_order.append(node.subtree)
                self.pending_subtrees.append(node.subtree)
            sub = self.library.subtrees.get(node.subtree)
            title = tr(sub.title) if sub else node.subtree
            check = _("Check {title}: follow shared check {label} below").format(
                title=title, label=self._subtree_label(node.subtree)
            )
            self.lines.append(f"{indent}[{number}] {check}{self._tag(node.versions)}")
            if node.then:
                self.lines.append(indent + "  " + _("When it finds nothing wrong, go on:"))
                where = self._target(graph, scope, node.then, depth + 1)
                if where:
                    self.lines.append(f"{indent}     → {where}")

    def _jump(self, jump: Jump) -> str:
        """A jump as a reference to the other code's walk, which is not repeated here."""
        protocol = jump.protocol or self.entry.protocol
        flag = f"--{protocol} " if len(self.library.protocols_of(jump.code)) > 1 else ""
        iis = f" --iis {self.version}" if self.version else ""
        entry = self.library.entry(protocol, jump.code, self.version)
        target = f"{protocol.upper()} {jump.code}" + (f" — {tr(entry.title)}" if entry else "")
        command = f"iisdoctor explain {flag}{jump.code}{iis}"
        carried = Evidence(jump.win32, jump.reason)
        if carried:
            return _("continues in {target}, with {evidence} ({command})").format(
                target=target, evidence=carried.describe(), command=command
            )
        return _("continues in {target} ({command})").format(target=target, command=command)

    def _follow(self, graph: Graph, scope: str, target: str | None, depth: int, indent: str) -> None:
        where = self._target(graph, scope, target, depth)
        if where:
            self.lines.append(f"{indent}→ {where}")


def win32_text(entry: Win32Entry | None, value: int, width: int = 100) -> str:
    """`explain --win32`: what a Windows error code means, in both spellings."""
    spelled = f"Win32 {value} = HRESULT {hresult_of(value)}" if value <= 0xFFFF else f"HRESULT {hresult_of(value)}"
    if entry is None:
        if value <= 0xFFFF:
            missing = _(
                "Not in the catalog. `net helpmsg {value}` on Windows prints the system's text for codes below 16384."
            ).format(value=value)
        else:
            missing = _("Not in the catalog.")
        return f"{spelled}\n{missing}\n"
    lines = [f"{spelled} — {entry.name}"]
    column = label_width(CATALOG_FIELDS)
    for label, text in ((N_("Meaning"), entry.meaning), (N_("In IIS"), entry.in_iis)):
        if text:
            lines += _labelled(label, tr(text), width, column)
    return "\n".join(lines) + "\n"


def reason_text(entry: ReasonEntry, width: int = 100) -> str:
    """`explain --reason`: an HTTPERR reason, the status it comes with, and what to do."""
    if entry.status:
        lines = [
            _("HTTPERR reason {reason} (sent with HTTP {status})").format(reason=entry.reason, status=entry.status)
        ]
    else:
        lines = [_("HTTPERR reason {reason}").format(reason=entry.reason)]
    column = label_width(CATALOG_FIELDS)
    for label, text in ((N_("Meaning"), entry.meaning), (N_("Fix"), entry.fix)):
        if text:
            lines += _labelled(label, tr(text), width, column)
    return "\n".join(lines) + "\n"
