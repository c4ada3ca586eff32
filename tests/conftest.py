import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from wervel_lp.knowledge import KnowledgeBase, knowledge_base

# The decision diagrams of the many kb copies the tests make (mutants, edits) are cached in a
# directory of this run, not in the user's cache; every process the tests start inherits it.
# $WERVEL_LP_TEST_CACHE names a directory kept across runs instead (make quick: .venv/test-cache),
# so that a run does not build the kb's diagrams anew (some 2 s a worker); each file is named by
# the digest of what it is built from, so a kb that changed is never served another's diagrams.
_CACHE = tempfile.TemporaryDirectory(prefix="wervel-lp-test-cache-")
os.environ["WERVEL_LP_CACHE"] = os.environ.get("WERVEL_LP_TEST_CACHE") or _CACHE.name


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return knowledge_base()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")
