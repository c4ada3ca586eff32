"""Pictures: proof trees and the decision structure of each chapter.

- :func:`proof_dot` and :func:`proof_html` render the proof of a decision as
  Graphviz DOT or as collapsible HTML, each node linked to its guideline quote.
- :func:`chapter_dot` renders a chapter's decision structure from the kb:
  findings and concepts feed rules, rules conclude topic values, and dashed
  red edges run from a rule to the rules it beats by a named priority.
- :func:`to_svg` runs Graphviz ``dot`` (Debian package graphviz) when installed.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from typing import Any

from .knowledge import KnowledgeBase
from .render import _field_label, _value_label, pathway_line
from .result import Explanation
from .schema import CaseError

COLOURS = {True: "#d8f0d8", False: "#f6d6d6", None: "#eeeeee"}
MARK = {True: "✔", False: "✘", None: "?"}


def proof_dot(expl: Explanation, kb: KnowledgeBase) -> str:
    """The proof tree of ``expl`` as a Graphviz digraph, conclusions at the top."""
    lines = ["digraph proof {", '  rankdir=TB; node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    counter = iter(range(1_000_000))
    for rec in expl.recommendations:
        root = f"n{next(counter)}"
        lines.append(f'  {root} [label="{_esc(rec.topic)} = {_esc(rec.value)}\\n{_esc(rec.rule)}", '
                     f'fillcolor="#c8dcf0", tooltip="{_esc(rec.quote)}"];')
        lines += _dot_children(rec.proof, root, counter, kb)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_children(node: Mapping[str, Any], parent: str, counter: Iterator[int],
                  kb: KnowledgeBase) -> list[str]:
    lines = []
    for child in _children(node):
        name = f"n{next(counter)}"
        tooltip = f', tooltip="{_esc(child["quote"])}"' if "quote" in child else ""
        lines.append(f'  {name} [label="{MARK[child["holds"]]} {_esc(_label(child, kb))}", '
                     f'fillcolor="{COLOURS[child["holds"]]}"{tooltip}];')
        lines.append(f"  {parent} -> {name};")
        lines += _dot_children(child, name, counter, kb)
    return lines


def proof_html(expl: Explanation, kb: KnowledgeBase, lang: str,
               case: Mapping[str, Any] | None = None) -> str:
    """The proof tree of ``expl`` as a self-contained HTML page with collapsible nodes.

    With the findings ``case`` (render.findings), it shows where the patient stands on the pathway.
    """
    body = [f'<p class="pathway">{_h(pathway_line(case, kb, lang))}</p>'] if case is not None else []
    for rec in expl.recommendations:
        body.append(f'<details open><summary class="root">{_h(rec.topic)} = <b>{_h(rec.value)}</b> '
                    f'— {_h(rec.text[lang])}</summary>')
        body.append(_quote_html(rec.rule, rec.quote, rec.section_title))
        body.append(proof_tree_html(rec.proof, kb, lang))
        body.append("</details>")
    if expl.undetermined:
        body.append(f"<p>undetermined: {_h(', '.join(expl.undetermined.missing or expl.undetermined.values))}</p>")
    style = ("body{font-family:sans-serif;max-width:60em} details{margin-left:1.2em} "
             "summary{cursor:pointer} .t{color:#176117} .f{color:#8b1a1a} .u{color:#666} "
             "blockquote{color:#444;border-left:3px solid #ccc;margin:.3em 0 .3em 1.2em;padding-left:.6em}")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_h(expl.topic)}</title>'
            f"<style>{style}</style></head><body><h1>{_h(expl.topic)}</h1>\n" + "\n".join(body) +
            "\n</body></html>\n")


def proof_tree_html(proof: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> str:
    """The conditions of a rule's proof as nested, open ``<details>``, each rule with its quote."""
    return "\n".join(_html_children(proof, kb, lang))


def _html_children(node: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> list[str]:
    out = []
    for child in _children(node):
        css = {True: "t", False: "f", None: "u"}[child["holds"]]
        out.append(f'<details open><summary class="{css}">{MARK[child["holds"]]} '
                   f"{_h(_label(child, kb, lang))}</summary>")
        if "quote" in child:
            out.append(_quote_html(child["rule"], child["quote"], child.get("section", "")))
        out += _html_children(child, kb, lang)
        out.append("</details>")
    return out


def _quote_html(rule: str, quote: str, section: str) -> str:
    return f'<blockquote id="{_h(rule)}" lang="nl" title="{_h(section)}">{_h(quote)} <i>({_h(rule)})</i></blockquote>'


def _children(node: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if "case_split" in node:  # a decision every value of an unknown finding gives: a branch per value
        split = node["case_split"]
        return [{"holds": True, "branch": {"field": split["field"], "cell": b["cell"]}, "proof": b["proof"]}
                for b in split["branches"]]
    if "exhaustive" in node:
        return list(node["exhaustive"]["rules"])
    for key in ("conditions", "proof"):
        if isinstance(node.get(key), list):
            return list(node[key])
    return [node["negated"]] if isinstance(node.get("negated"), Mapping) else []


_LABELS = {"en": {"rule": "rule", "unknown": "unknown", "all": "all of", "any": "any of", "not": "not",
                  "case split": "whatever the unknown finding:", "if": "if",
                  "every completion": "in every completion of the unknown findings (decision diagram)"},
           "nl": {"rule": "regel", "unknown": "onbekend", "all": "alle", "any": "een van", "not": "niet",
                  "case split": "wat het onbekende gegeven ook is:", "if": "als",
                  "every completion": "in elke aanvulling van de onbekende gegevens (beslisdiagram)"}}


def _label(node: Mapping[str, Any], kb: KnowledgeBase, lang: str = "en") -> str:
    words = _LABELS[lang]
    if "branch" in node:
        field, cell = node["branch"]["field"], node["branch"]["cell"]
        value = (" ".join(f"{op} {bound}" for op, bound in sorted(cell.items(), reverse=True))
                 if isinstance(cell, Mapping) else f"= {_value_label(kb, field, cell, lang)}")
        return f"{words['if']} {_field_label(kb, field, lang)} {value}"
    if "rule" in node:
        return f"{words['rule']} {node['rule']}"
    if "concept" in node:
        return str(kb.concepts[node["concept"]][lang])
    if "satisfied_by" in node:
        found = node["satisfied_by"]
        value = words["unknown"] if found["value"] is None else _value_label(kb, found["field"], found["value"], lang)
        return f"{_field_label(kb, found['field'], lang)}: {value}  ({node['condition']})"
    return words.get(node["condition"], str(node["condition"]))


def chapter_dot(kb: KnowledgeBase, module: str) -> str:
    """The decision structure of one chapter (kb module): what feeds each rule, what it concludes."""
    rules = [r for r in kb.metadata["rules"] if r["module"] == module]
    lines = [f'digraph "{module}" {{', '  rankdir=LR; node [fontname="Helvetica", fontsize=10];']
    nodes: dict[str, str] = {}

    def node(key: str, label: str, shape: str, fill: str) -> str:
        if key not in nodes:
            nodes[key] = f"x{len(nodes)}"
            lines.append(f'  {nodes[key]} [label="{_esc(label)}", shape={shape}, style=filled, fillcolor="{fill}"];')
        return nodes[key]

    for r in rules:
        rule = node("rule:" + r["id"], r["id"], "box", "#f3f3f3")
        c = r["conclusion"]
        if "concept" in c:
            target = node("concept:" + c["concept"], c["concept"], "ellipse", "#fff2c8")
        else:
            target = node(f"topic:{c['topic']}={c['value']}", f"{c['topic']} = {c['value']}", "box", "#c8dcf0")
        lines.append(f"  {rule} -> {target};")
        for kind, name in sorted(set(_inputs(r["conditions"]))):
            if kind == "field":
                source = node("field:" + name, name, "note", "#ffffff")
            elif kind == "concept":
                source = node("concept:" + name, name, "ellipse", "#fff2c8")
            else:
                source = node("decided:" + name, name, "box", "#c8dcf0")
            lines.append(f"  {source} -> {rule};")
    for prio in kb.priorities.values():
        for winner, loser in prio["beats"]:
            if f"rule:{winner}" in nodes and f"rule:{loser}" in nodes:
                lines.append(f'  {nodes["rule:" + winner]} -> {nodes["rule:" + loser]} '
                             f'[style=dashed, color="#b03030", constraint=false, tooltip="{_esc(prio["id"])}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _inputs(cond: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    if "all" in cond or "any" in cond:
        for c in cond.get("all", cond.get("any", [])):
            yield from _inputs(c)
    elif "not" in cond:
        yield from _inputs(cond["not"])
    elif "decided" in cond:
        yield "decided", f"{cond['decided']['topic']} = {cond['decided']['value']}"
    elif "field" in cond:
        yield "field", cond["field"]
    else:
        yield "concept", cond["concept"]


def to_svg(dot: str) -> str:
    """Render DOT to SVG with Graphviz; CaseError if Graphviz is not installed."""
    exe = shutil.which("dot")
    if exe is None:
        raise CaseError("format", "svg needs Graphviz: apt-get install graphviz (or use --format dot)")
    return subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True, check=True).stdout


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _h(text: str) -> str:
    return html.escape(text, quote=True)
