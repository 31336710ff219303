"""The package's floors: each layer imports only the layers below it, and nothing imports in a circle.

The graph is read from the source with `ast`, so imports placed inside functions (and under
TYPE_CHECKING) count as much as those at the top. The plain paths are also run in a fresh
interpreter to prove they never load Textual.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "wizard"

#: Lower numbers are lower floors. A module may import its own package and lower floors only.
LAYERS = {
    "wizard.language": 0,
    "wizard.knowledge": 1,
    "wizard.engine": 2,
    "wizard.platform": 2,
    "wizard.logscan": 2,
    "wizard.validation": 3,
    "wizard.find": 3,
    "wizard.views": 3,
    "wizard.cases": 3,
    "wizard.ui": 4,
    "wizard.cli": 5,
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    """Every wizard module `path` imports, wherever the import statement sits."""
    found: set[str] = set()
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m == "wizard" or m.startswith("wizard.")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    # a module's own parent packages are imported before it anyway: not an edge that can form a cycle
    return {
        name: {m for m in imports_of(path) if m in modules and m != name and not name.startswith(m + ".")}
        for name, path in modules.items()
    }


def layer(module: str) -> tuple[str, int] | None:
    for prefix, rank in LAYERS.items():
        if module == prefix or module.startswith(prefix + "."):
            return prefix, rank
    return None


def test_every_module_sits_on_a_floor():
    loose = [m for m in graph() if layer(m) is None and m not in ("wizard", "wizard.__main__")]
    assert loose == [], f"modules outside the layered packages: {loose}"


def test_no_module_imports_a_higher_or_sibling_floor():
    wrong = []
    for module, targets in graph().items():
        mine = layer(module)
        for target in targets:
            theirs = layer(target)
            if mine and theirs and mine[0] != theirs[0] and theirs[1] >= mine[1]:
                wrong.append(f"{module} -> {target}")
    assert wrong == [], "imports against the floors:\n" + "\n".join(sorted(wrong))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_layer_check_sees_imports_inside_functions(tmp_path):
    source = tmp_path / "wizard" / "knowledge" / "probe.py"
    source.parent.mkdir(parents=True)
    source.write_text("def f():\n    from wizard.ui.app import IISDoctorApp\n", encoding="utf-8")
    assert "wizard.ui.app" in imports_of(source, tmp_path)
    assert layer("wizard.knowledge.probe")[1] < layer("wizard.ui.app")[1]


PROBE = """
import io, sys, contextlib
from wizard.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    code = main({argv!r})
heavy = sorted(m for m in sys.modules if m == "textual" or m.startswith(("textual.", "rich")))
print(code, heavy)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "4xx"],
        ["explain", "403.1"],
        ["explain", "ftp", "530"],
        ["validate"],
        ["--code", "403.1"],  # stdout is a pipe here: prints the outline
        ["--code", "500.19 0x80070021", "--iis", "10"],
        ["explain", "--win32", "1326"],
        ["find", "HTTP Error 403.14 - Forbidden"],
        ["cases"],
        ["--resume"],  # a pipe again: prints the case list
    ],
)
def test_plain_paths_do_not_import_textual(argv):
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    _code, heavy = result.stdout.strip().split(" ", 1)
    assert heavy == "[]", f"{argv} imported {heavy}"


def test_layers_below_the_interface_do_not_import_textual():
    modules = sorted(m for m in graph() if layer(m) and layer(m)[1] < LAYERS["wizard.ui"])
    probe = f"import sys\nfor m in {modules!r}: __import__(m)\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_explain_leaves_out_the_costly_standard_modules():
    """Each of these costs milliseconds of a start that should take a few tens: `typing` (type names are
    imported under TYPE_CHECKING), `pathlib` (folders as text), `dataclasses`/`inspect` (records instead), `shutil`/`tempfile`
    (user folders and terminal width found without them)."""
    costly = ["typing", "pathlib", "dataclasses", "inspect", "shutil", "tempfile", "platformdirs", "yaml"]
    probe = PROBE.format(argv=["explain", "403.1"]).replace(
        'm == "textual" or m.startswith(("textual.", "rich"))', f"m in {costly!r}"
    )
    for _ in range(2):  # the first run may find no tree cache yet, and parse the YAML to write it
        result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 []"
