"""The suite's own layout: pytest imports test files by their base name (the folders are not packages), so two
files of the same name stop it collecting anything (as happened twice when branches met)."""

from collections import Counter
from pathlib import Path


def test_every_test_file_has_a_name_of_its_own():
    names = Counter(path.name for path in Path(__file__).parent.rglob("test_*.py"))
    assert [name for name, count in names.items() if count > 1] == []
