"""The case and the result described for other programs, generated from the kb.

- :func:`case_schema` and :func:`result_schema`: JSON Schemas (draft 2020-12) of a case
  document and of a result object (``wervel-lp schema case|result [--compact]``);
- :func:`case_module`: the source of ``wervel_lp/case.py``, the :class:`~wervel_lp.Case`
  TypedDict a type checker checks a case with.

Both come from the kb's ``schema.pl`` and ``topics.pl``, the one definition of every
field and topic::

    python -m wervel_lp.schemas            # write wervel_lp/case.py
    python -m wervel_lp.schemas --check    # exit 1 if wervel_lp/case.py is stale

The case schema states every field's type and range and the schema's contradictions; a
case whose findings contradict each other only through what they imply (a lesion duration
implies a lesion, which implies a deficit the case denies) passes the schema, and
:func:`~wervel_lp.recommend` refuses it.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path
from typing import Any

from .knowledge import KnowledgeBase, knowledge_base
from .schema import Field, Test

DRAFT = "https://json-schema.org/draft/2020-12/schema"
CASE_MODULE = Path(__file__).resolve().parent / "case.py"


def case_schema(kb: KnowledgeBase) -> dict[str, Any]:
    """The JSON Schema of a case document: every field optional, ``null`` for unknown, no other key."""
    return {
        "$schema": DRAFT, "$id": "urn:wervel-lp:case", "title": "wervel-lp case",
        "description": "The findings of one patient (docs/case-format.md). An absent field or null is unknown.",
        "type": "object", "additionalProperties": False,
        "properties": {f.name: {"description": f.meaning, **_field_type(f)} for f in kb.schema.fields.values()},
        "allOf": [{"not": {"required": sorted({t.field for t in c.tests}),
                           "properties": {t.field: _test_schema(t) for t in c.tests}},
                   "description": f"contradiction {c.id}: {c.explanation}"}
                  for c in kb.schema.contradictions],
    }


def _field_type(f: Field) -> dict[str, Any]:
    if f.kind == "bool":
        return {"type": ["boolean", "null"]}
    if f.kind == "enum":
        return {"enum": [*f.values, None]}
    kind = "integer" if f.kind == "integer" else "number"
    return {"type": [kind, "null"], **({} if f.minimum is None else {"minimum": f.minimum})}


_BOUNDS = {"<": "exclusiveMaximum", "=<": "maximum", ">": "exclusiveMinimum", ">=": "minimum"}


def _test_schema(test: Test) -> dict[str, Any]:
    """The values of ``test.field`` that satisfy ``test``."""
    if test.op == "=":
        return {"const": test.value}
    if test.op == "in":
        return {"enum": list(test.value)}
    return {"type": "number", _BOUNDS[test.op]: test.value}


def result_schema(kb: KnowledgeBase, compact: bool = False) -> dict[str, Any]:
    """The JSON Schema of a result object (``Result.to_dict()``; with ``compact``, ``to_dict(compact=True)``)."""
    topics = {t: spec.values for t, spec in kb.topics.items()}
    fields = list(kb.schema.fields)
    names = {"type": "array", "items": {"enum": fields}}
    rules = {"enum": sorted(kb.rules)}
    strings = {"type": "string"}
    recommendation: dict[str, Any] = {
        "type": "object", "additionalProperties": False,
        "required": ["rule", "topic", "value", "text", "section", "section_title", "strength", "quote",
                     "overrides", *([] if compact else ["proof"])],
        "properties": {
            "rule": rules, "topic": {"enum": sorted(topics)}, "value": strings,
            "text": _object({"nl": strings, "en": strings}), "section": strings, "section_title": strings,
            "strength": strings, "quote": strings,
            "overrides": {"type": "array", "items": _object({"rule": rules, "value": strings,
                                                             "priority": strings})},
            **({} if compact else {"proof": {"$ref": "#/$defs/rule_proof"}}),
        },
    }
    undetermined = {
        "type": "object", "additionalProperties": False,
        "required": ["topic", "reason", "missing", "values", "possible", "ask"],
        "properties": {
            "topic": {"enum": sorted(topics)}, "reason": {"enum": ["missing_findings", "conflict"]},
            "missing": names, "values": {"type": "array", "items": strings},
            "possible": {"type": "array", "items": {"type": ["string", "null"]}}, "ask": names,
            "provisional": _object({"value": strings, "overturned_by": names}),
            "waiting_for": _object({"step": {"enum": sorted(kb.steps)}, "ask": names}),
            "tree": {"$ref": "#/$defs/tree"},
        },
    }
    value = {"type": ["boolean", "string", "number", "object"]}
    tree = {"oneOf": [
        {"type": ["string", "null"]},
        _object({"open": {"type": "array", "items": {"type": ["string", "null"]}},
                 "further_questions": {"type": "integer", "minimum": 0}}),
        _object({"field": {"enum": fields}, "branches": {"type": "array", "items": _object({
            "values": {"type": "array", "items": value}, "then": {"$ref": "#/$defs/tree"}})}}),
    ]}
    answer = {"type": "object", "additionalProperties": False, "required": ["settles"],
              "properties": {"value": {"type": ["boolean", "string"]}, "cell": {"type": "object"},
                             "settles": {"type": "object", "additionalProperties": {"type": ["string", "null"]}}}}
    question = _object({
        "field": {"enum": fields}, "step": {"enum": sorted(kb.finding_steps)},
        "topics": {"type": "array", "items": {"enum": sorted(topics)}},
        "answers": {"type": "array", "items": answer}, "reason": _object({"nl": strings, "en": strings}),
        "information": {"type": "number"}})
    schema: dict[str, Any] = {
        "$schema": DRAFT, "$id": f"urn:wervel-lp:result{':compact' if compact else ''}",
        "title": "wervel-lp result" + (" (compact: no proof trees)" if compact else ""),
        "description": "Decisions, recommendations, undetermined topics, inferred findings and warnings "
                       "for one case (docs/contract.md, section 2).",
        **_object({
            "decisions": {"type": "object", "additionalProperties": False,
                          "properties": {t: {"enum": list(vs)} for t, vs in topics.items()}},
            "recommendations": {"type": "array", "items": recommendation},
            "undetermined": {"type": "array", "items": undetermined},
            "next_question": {"oneOf": [{"type": "null"}, question]},
            "inferred": {"type": "array", "items": _object({
                "field": {"enum": fields}, "value": {"type": ["boolean", "string", "number"]},
                "from": {"enum": fields}, "implication": strings})},
            "warnings": {"type": "array", "items": _object({
                "topic": {"enum": sorted(topics)}, "decision": strings, "rule": rules, "value": strings,
                "priority": strings, "unknown_fields": names})},
        }),
    }
    schema["$defs"] = {"tree": tree, **({} if compact else _proof_defs(fields, rules))}
    return schema


def _object(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with exactly ``properties``, all required but ``optional``."""
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": [p for p in properties if p not in optional]}


def _proof_defs(fields: list[str], rules: dict[str, Any]) -> dict[str, Any]:
    """The proof tree: a rule's proof, its conditions, case splits and exhaustive proofs."""
    holds = {"type": ["boolean", "null"]}
    ref = {"$ref": "#/$defs/condition"}
    rule_proofs = {"type": "array", "items": {"$ref": "#/$defs/rule_proof"}}
    return {
        "rule_proof": {"type": "object", "additionalProperties": False, "required": ["holds"], "properties": {
            "rule": rules, "section": {"type": "string"}, "quote": {"type": "string"}, "holds": holds,
            "condition": {"type": "string"},
            "conclusion": {"type": "object"}, "conditions": {"type": "array", "items": ref},
            "case_split": {"$ref": "#/$defs/case_split"},
            "exhaustive": _object({"rules": rule_proofs}),
        }},
        "case_split": _object({"field": {"enum": fields}, "branches": {"type": "array", "items": _object({
            "cell": {}, "proof": rule_proofs})}}),
        "condition": {"type": "object", "additionalProperties": False, "required": ["condition", "holds"],
                      "properties": {
                          "condition": {"type": "string"}, "holds": holds,
                          "satisfied_by": _object({"field": {"enum": fields}, "value": {}}),
                          "test": _object({"op": {"enum": ["=", "in", "<", "=<", ">", ">="]}, "value": {}}),
                          "concept": {"type": "string"}, "proof": rule_proofs,
                          "conditions": {"type": "array", "items": ref}, "negated": ref,
                          "decision": _object({"topic": {"type": "string"}, "value": {"type": "string"},
                                               "rules": {"type": "array"}}),
                      }},
    }


def case_module(kb: KnowledgeBase) -> str:
    """The source of ``wervel_lp/case.py``: the :class:`Case` TypedDict, one key per field of the kb."""
    lines = ['"""The case as a typed dictionary: every field of kb/schema.pl, its type and its values.',
             "",
             "Generated by ``python -m wervel_lp.schemas`` from the kb. Do not edit.",
             '"""', "", "from __future__ import annotations", "", "from typing import Literal, TypedDict", "",
             "", "class Case(TypedDict, total=False):",
             '    """A case: the findings of one patient. Every field is optional; ``None`` is unknown.',
             "",
             "    Annotate a case with it (``case: Case = {...}``) to have a type checker refuse",
             "    a misspelt field or a value of the wrong type; :func:`~wervel_lp.recommend` checks",
             "    ranges and contradictions as well.", '    """', ""]
    for f in kb.schema.fields.values():
        lines += [f"    {f.name}: {_python_type(f)} | None", f'    """{_docstring(f)}"""']
    return "\n".join(lines) + "\n"


def _python_type(f: Field) -> str:
    if f.kind == "enum":
        values = ", ".join(f'"{v}"' for v in f.values)
        if len(values) + len(f.name) < 90:
            return f"Literal[{values}]"
        wrapped = textwrap.wrap(values, 100, initial_indent=" " * 8, subsequent_indent=" " * 8)
        return "Literal[\n" + "\n".join(wrapped) + "\n    ]"
    return {"bool": "bool", "integer": "int", "number": "float"}[f.kind]


def _docstring(f: Field) -> str:
    text = f.meaning.replace("\\", "\\\\").replace('"', "'")
    if f.minimum is not None:
        text += f" (>= {f.minimum:g})"
    return text


def main(argv: list[str] | None = None) -> int:
    """Write wervel_lp/case.py, or with --check report whether it is current."""
    parser = argparse.ArgumentParser(prog="python -m wervel_lp.schemas")
    parser.add_argument("--check", action="store_true", help="fail if wervel_lp/case.py is not current")
    args = parser.parse_args(argv)
    text = case_module(knowledge_base())
    if args.check:
        if CASE_MODULE.read_text(encoding="utf-8") != text:
            print("stale: wervel_lp/case.py; run python -m wervel_lp.schemas", file=sys.stderr)
            return 1
        return 0
    CASE_MODULE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
