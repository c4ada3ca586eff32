import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from wervel_lp.knowledge import KnowledgeBase, knowledge_base


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return knowledge_base()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true",
                     help="rewrite tests/golden/ from the current output instead of comparing")
