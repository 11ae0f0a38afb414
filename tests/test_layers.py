"""The architecture as a test: which package may import which, and who imports each library.

Read from the source with `ast`, so a lazy import inside a function counts as much as one at
the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "index", "prompts")

# A module whose name starts with a key may not import a module whose name starts with a
# value. Sub-packages own one role each (see their __init__ docstrings).
_LAYERS = ("index.attribution", "index.ledger", "index.vectors", "index.search", "index.reading",
           "index.corpus", "index.ingestion", "index.indexing", "index.settings", "index.tracking")
FORBIDDEN = {
    "index": ("bot",),
    "index.reading": ("index.attribution", "index.ledger", "index.vectors", "index.search",
                      "index.corpus", "index.ingestion", "index.indexing"),
    "index.attribution": ("index.reading", "index.ledger", "index.vectors", "index.search",
                          "index.corpus", "index.ingestion", "index.indexing", "index.settings",
                          "index.tracking"),
    "index.ledger": ("index.attribution", "index.reading", "index.vectors", "index.search",
                     "index.corpus", "index.ingestion", "index.indexing", "index.settings",
                     "index.tracking"),
    "index.vectors": ("index.attribution", "index.reading", "index.search", "index.corpus",
                      "index.ingestion", "index.indexing"),
    "index.search": ("index.attribution", "index.reading", "index.ingestion", "index.indexing"),
    "index.tracking": ("index.vectors", "index.search", "index.reading", "index.corpus",
                       "index.ingestion", "index.indexing", "index.settings"),
    "index.records": (*_LAYERS, "index.errors"),
    "index.errors": (*_LAYERS, "index.records"),
    "bot": ("bot.web", "bot.cli"),
    "bot.web": ("bot.cli",),
    # bot's roles: asking reads a question, answering cites, writing asks a chat model,
    # tracking answers from clusters; only claimbot (and the entry points) wire them together,
    # over the store (its base class), which reads questions' filters and vocabulary only.
    "bot.asking": ("bot.answering", "bot.writing", "bot.tracking", "bot.claimbot", "bot.store"),
    "bot.answering": ("bot.writing.writer", "bot.writing.chatmodel", "bot.tracking",
                      "bot.claimbot", "bot.store"),
    "bot.writing": ("bot.asking", "bot.tracking", "bot.claimbot", "bot.store"),
    "bot.tracking": ("bot.asking", "bot.writing", "bot.claimbot", "bot.store"),
    "bot.store": ("bot.answering", "bot.writing", "bot.tracking", "bot.claimbot"),
}
# Modules allowed to import from a forbidden prefix anyway: the entry points that wire the
# layers together.
ALLOWED = {
    ("bot.cli", "bot.web"),  # `claimtrack serve` starts the web app
    ("index.search.retriever", "index.corpus"),  # the LangChain face of a whole home
}
# Each third-party library enters through one module (or package).
OWNERS = {
    "chromadb": ("index.vectors.store",),
    "gradio": ("bot.web.app",),
    "spacy": ("index.attribution.language",),
    "thinc": ("index.attribution.language",),
    "sqlite3": ("index.ledger",),
    "onnxruntime": ("index.vectors.embedding",),
    "sentence_transformers": ("index.vectors.embedding",),
    "torch": ("index.vectors.embedding",),
    "langchain_core": ("index.search.retriever", "bot.writing.chatmodel"),
    "langchain": ("bot.writing.chatmodel",),
    "trafilatura": ("index.reading.files",),
    "ftfy": ("index.reading.repairing",),
    "pysbd": ("index.reading.splitting",),
    "pycountry": ("index.attribution.lexicon.gazetteer",),
    "pandas": ("bot.web.plots",),
    "dateparser": ("bot.asking.dates",),
    "lingua": ("bot.asking.languages",),
    "datasketch": ("index.fingerprints",),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, absolute, with ``from a import b`` read as ``a.b`` too."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def project_modules() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p)
            for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def within(name: str, prefix: str) -> bool:
    return name == prefix.rstrip(".") or name.startswith(prefix.rstrip(".") + ".")


def layer_breaks(modules: dict[str, set[str]]) -> list[str]:
    """Every import that goes against `FORBIDDEN` or `OWNERS`, as readable lines."""
    breaks = []
    for module, imported in modules.items():
        for name in sorted(imported):
            for layer, banned in FORBIDDEN.items():
                if not within(module, layer):
                    continue
                for prefix in banned:
                    if (within(name, prefix) and not within(module, prefix)
                            and not _allowed(module, name)):
                        breaks.append(f"{module} imports {name} ({layer} may not)")
            top = name.split(".")[0]
            owners = OWNERS.get(top)
            if owners and not any(within(module, owner) for owner in owners):
                breaks.append(f"{module} imports {top} (only {', '.join(owners)} may)")
    return breaks


def _allowed(module: str, name: str) -> bool:
    return any(within(module, m) and within(name, n) for m, n in ALLOWED)


def cycles(modules: dict[str, set[str]]) -> list[list[str]]:
    """Import cycles between project modules (a module importing its own package's
    `__init__` does not count: that is how Python loads a package)."""
    graph = {m: {n for n in imported if n in modules and n != m
                 and not (m.startswith(n + ".") and n.count(".") < m.count("."))}
             for m, imported in modules.items()}
    found, state = [], dict.fromkeys(graph, 0)

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state[nxt] == 1:
                found.append([*trail[trail.index(nxt):], nxt])
            elif state[nxt] == 0:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(graph):
        if state[start] == 0:
            visit(start, [start])
    return found


def test_every_import_keeps_to_its_layer() -> None:
    assert layer_breaks(project_modules()) == []


def test_no_import_cycle_between_modules() -> None:
    assert cycles(project_modules()) == []


@pytest.mark.parametrize(("module", "imported", "reason"), [
    ("index.ledger.ledger", "index.vectors.store", "index.ledger may not"),
    ("index.reading.files", "index.search.hybrid", "index.reading may not"),
    ("index.attribution.sentences.cues", "index.ledger", "index.attribution may not"),
    ("index.corpus", "bot.claimbot", "index may not"),
    ("bot.claimbot", "bot.web.app", "bot may not"),
    ("bot.web.session", "bot.cli", "bot.web may not"),
    ("bot.web.tables", "gradio", "only bot.web.app may"),
    ("index.search.hybrid", "sqlite3", "only index.ledger may"),
    ("bot.asking.questions", "spacy", "only index.attribution.language may"),
    ("bot.writing.writer", "langchain", "only bot.writing.chatmodel may"),
    ("bot.asking.declines", "bot.answering.answers", "bot.asking may not"),
    ("bot.answering.answers", "bot.writing.chatmodel", "bot.answering may not"),
    ("bot.tracking.tracks", "bot.asking.questions", "bot.tracking may not"),
    ("bot.writing.verification", "bot.claimbot", "bot.writing may not"),
    ("index.vectors.binding", "index.indexing", "index.vectors may not"),
    ("bot.store", "bot.answering.answers", "bot.store may not"),
    ("bot.asking.filters", "bot.store", "bot.asking may not"),
])
def test_a_wrong_import_is_caught(module: str, imported: str, reason: str) -> None:
    modules = project_modules()
    modules[module] = modules[module] | {imported}
    assert any(reason in line and line.startswith(module) for line in layer_breaks(modules))


def test_a_cycle_is_caught() -> None:
    modules = project_modules()
    modules["index.records"] = modules["index.records"] | {"index.corpus"}
    assert cycles(modules)
