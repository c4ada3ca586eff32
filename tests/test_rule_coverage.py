"""Rule coverage: which rules the examples and the rule cases fire. Every rule must be
fired by some test case; the report shows how much the examples alone cover.
"""

import json
from pathlib import Path

from cases import RULE_CASES

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.json"))


def fired(kb, cases):
    return {rule for case in cases for rule, status in kb.rule_statuses(kb.schema.validate(case)).items()
            if status is True}


def test_every_rule_is_fired_by_the_tests_and_coverage_is_reported(kb, capsys):
    by_examples = fired(kb, [json.loads(p.read_text()) for p in EXAMPLES])
    by_rule_cases = fired(kb, [fires for fires, _ in RULE_CASES.values()])
    everything = set(kb.rules)
    with capsys.disabled():
        print(f"\nrule coverage: examples {len(by_examples)}/{len(everything)}, "
              f"rule cases {len(by_rule_cases)}/{len(everything)}; "
              f"not fired by any example: {', '.join(sorted(everything - by_examples)) or 'none'}")
    assert by_rule_cases | by_examples == everything
