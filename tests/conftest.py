import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from wervel_lp.knowledge import KnowledgeBase, knowledge_base  # noqa: E402


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return knowledge_base()
