"""No arrow points up: each room imports only the rooms below it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# room -> the rooms it may import besides itself
ALLOWED = {
    "core": set(),
    "instruments": {"core"},
    "db": {"core", "instruments"},
    "scraper": {"core", "db", "instruments"},
    "scheduler": {"core", "db"},
    "cluster": {"core", "db", "scraper", "scheduler", "instruments"},
    "newsagg": {"core", "db", "scraper", "scheduler", "instruments", "cluster"},
}


def imported_rooms(path: Path) -> set[str]:
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        rooms.update(name.split(".")[0] for name in names if name.split(".")[0] in ALLOWED)
    return rooms


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_room_imports_only_rooms_below_it(room):
    wrong = {str(path.relative_to(ROOT)): sorted(imported_rooms(path) - ALLOWED[room] - {room})
             for path in sorted((ROOT / room).rglob("*.py"))}
    assert {path: rooms for path, rooms in wrong.items() if rooms} == {}


def test_the_rule_can_fail(tmp_path):
    upward = tmp_path / "upward.py"
    upward.write_text("from scraper.extract import extract\nimport db.store\n")
    assert imported_rooms(upward) == {"scraper", "db"}
