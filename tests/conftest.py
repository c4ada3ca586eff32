import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from wervel_lp.knowledge import KnowledgeBase, knowledge_base

# The decision diagrams of the many kb copies the tests make (mutants, edits) are cached in a
# directory of this run, not in the user's cache; every process the tests start inherits it.
_CACHE = tempfile.TemporaryDirectory(prefix="wervel-lp-test-cache-")
os.environ["WERVEL_LP_CACHE"] = _CACHE.name


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return knowledge_base()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")
