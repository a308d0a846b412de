"""The imported plan written in the Markdown plan form (helper mdplan's dumper) reads back to the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmsite_plugins.importer import read_document
from kmsite_plugins.importer.assemble import Assembler
from kmsite_plugins.importer.draft_writer import plan_markdown
from kmsite_plugins.loader.plan_markdown import read_plan_markdown
from kmsite_plugins.loader.problems import Problems
from kmsite_plugins.model import Plan
from tests.importer.nothing_lost import SEED_FILES

pytestmark = pytest.mark.skipif(not SEED_FILES, reason="shared/seeds not beside the repository")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_imported_plan_as_markdown_reads_back_equal(path: Path, tmp_path: Path) -> None:
    result = Assembler(read_document(path), None).run()
    text = plan_markdown(result.plan)
    target = tmp_path / f"{result.plan_key}.md"
    target.write_text(text, encoding="utf-8")
    problems = Problems(root=tmp_path)
    doc = read_plan_markdown(target, problems)
    assert doc is not None and problems.items == []
    assert Plan.model_validate(dict(doc.data)) == Plan.model_validate(result.plan)
