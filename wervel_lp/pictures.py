"""Pictures: proofs of decisions, the whole result as a page, and each chapter's decision structure.

- :func:`proof_dot` and :func:`proof_html` render the proof of one decision as
  Graphviz DOT or as collapsible HTML, each node linked to its guideline quote.
- :func:`result_page` renders the whole result as one HTML page: the case's
  findings, every decision with its proof, overrides, open topics with what to
  ask, warnings and the kb version.
- :func:`chapter_tree_dot` draws a chapter as a clinician reads it: per topic the
  alternatives in order of priority, each with its conditions as an and/or
  tree, thresholds on the edges, in the kb's Dutch or English labels, with a
  legend. :func:`chapter_dot` is the engineer's dependency map beside it:
  findings and concepts feed rules, rules conclude values, dashed red edges run
  from a rule to the rules it beats by a named priority.
- :func:`to_svg` runs Graphviz ``dot`` (Debian package graphviz).

Every word comes from :mod:`wervel_lp.labels`.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import shutil
import subprocess
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .knowledge import KnowledgeBase
from .labels import (
    OPERATORS,
    WORDS,
    concept_label,
    decision_label,
    field_label,
    finding_test,
    topic_label,
    value_label,
)
from .render import field_list, findings, pathway_line, question_lines, tree_text
from .result import Explanation, Recommendation, Result, Undetermined
from .schema import CaseError

COLOURS = {True: "#d8f0d8", False: "#f6d6d6", None: "#eeeeee"}
MARK = {True: "✔", False: "✘", None: "?"}
DECISION_FILL = "#c8dcf0"
CONCEPT_FILL = "#fff2c8"

_PICTURE_WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {"otherwise": "anders", "if": "als", "legend": "Legenda", "holds": "geldt",
           "fails": "geldt niet", "unknown": "onbekend", "finding": "gegeven van de casus",
           "concept": "begrip (elders afgeleid)", "decision": "beslissing",
           "order": "1, 2, ...: de eerste die geldt, gaat voor",
           "holds_if": "geldt als een van:", "holds_when": "geldt als:", "all_hold": "elke voorwaarde geldt",
           "one_holds": "ten minste een voorwaarde geldt", "advice_all": "elk advies dat geldt",
           "tree_title": "{chapter}: beslisboom",
           "map_title": "{chapter}: afhankelijkheden (regels, gegevens, begrippen)"},
    "en": {"otherwise": "otherwise", "if": "if", "legend": "Legend", "holds": "holds",
           "fails": "fails", "unknown": "unknown", "finding": "finding of the case",
           "concept": "concept (derived elsewhere)", "decision": "decision",
           "order": "1, 2, ...: the first that holds wins",
           "holds_if": "holds if any of:", "holds_when": "holds if:", "all_hold": "every condition holds",
           "one_holds": "at least one condition holds", "advice_all": "every advice that holds",
           "tree_title": "{chapter}: decision tree",
           "map_title": "{chapter}: dependencies (rules, findings, concepts)"},
}


def _w(lang: str, key: str) -> str:
    return _PICTURE_WORDS[lang].get(key) or WORDS[lang][key]


# -- proofs ---------------------------------------------------------------------------------------

def proof_dot(expl: Explanation, kb: KnowledgeBase, lang: str = "en") -> str:
    """The proof tree of ``expl`` as a Graphviz digraph, conclusions at the top, with a legend."""
    title = WORDS[lang]["explanation"].format(topic=topic_label(kb, expl.topic, lang))
    lines = [f'digraph "{_esc(title)}" {{',
             '  rankdir=TB; node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    counter = iter(range(1_000_000))
    for rec in expl.recommendations:
        root = f"n{next(counter)}"
        label = f"{topic_label(kb, rec.topic, lang)}: {decision_label(kb, rec.topic, rec.value, lang)}"
        lines.append(f'  {root} [label="{_esc(_wrap(label))}\\n{_esc(rec.rule)}", '
                     f'fillcolor="{DECISION_FILL}", tooltip="{_esc(rec.quote)}"];')
        lines += _dot_children(rec.proof, root, counter, kb, lang)
    lines += _proof_legend(lang)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _proof_legend(lang: str) -> list[str]:
    """Three boxes: the colours of a condition that holds, fails or is unknown."""
    items = [(True, "holds"), (False, "fails"), (None, "unknown")]
    lines = ["  subgraph cluster_legend {", f'    label="{_esc(_w(lang, "legend"))}"; fontname="Helvetica";',
             '    style=dashed; color="#999999";']
    lines += [f'    legend{n} [label="{MARK[h]} {_esc(_w(lang, key))}", fillcolor="{COLOURS[h]}"];'
              for n, (h, key) in enumerate(items)]
    lines += ["    legend0 -> legend1 -> legend2 [style=invis];", "  }"]
    return lines


def _dot_children(node: Mapping[str, Any], parent: str, counter: Iterator[int],
                  kb: KnowledgeBase, lang: str) -> list[str]:
    lines = []
    for child in _children(node):
        name = f"n{next(counter)}"
        tooltip = f', tooltip="{_esc(child["quote"])}"' if "quote" in child else ""
        lines.append(f'  {name} [label="{MARK[child["holds"]]} {_esc(_wrap(_label(child, kb, lang)))}", '
                     f'fillcolor="{COLOURS[child["holds"]]}"{tooltip}];')
        lines.append(f"  {parent} -> {name};")
        lines += _dot_children(child, name, counter, kb, lang)
    return lines


def proof_html(expl: Explanation, kb: KnowledgeBase, lang: str,
               case: Mapping[str, Any] | None = None) -> str:
    """The proof tree of ``expl`` as a self-contained HTML page with collapsible nodes.

    With the findings ``case`` (render.findings), it shows where the patient stands on the pathway.
    """
    title = WORDS[lang]["explanation"].format(topic=topic_label(kb, expl.topic, lang))
    body = [f'<p class="pathway">{_h(pathway_line(case, kb, lang))}</p>'] if case is not None else []
    body += [_recommendation_html(rec, kb, lang, open_=True) for rec in expl.recommendations]
    if expl.undetermined:
        body.append(f"<ul>{_undetermined_html(expl.undetermined, kb, lang)}</ul>")
    return _page(title, "\n".join(body), lang)


def result_page(result: Result, kb: KnowledgeBase, lang: str, topic: str | None = None) -> str:
    """The whole result as one self-contained HTML page, in ``lang``.

    The case's findings (and those it implies), where it stands on the pathway, every
    decision with its text, quote, overrides and proof (collapsible ``<details>``;
    ``topic``'s open), the further advice, the open topics with what is possible and
    what to ask first, the warnings, and the version of the kb that decided.
    """
    w = WORDS[lang]
    known = findings(result)
    known = {name: known[name] for name in kb.schema.fields if name in known}  # in the schema's order
    rows = "".join(f"<tr><td>{_h(field_label(kb, name, lang))}</td><td>{_h(value_label(kb, name, value, lang))}"
                   f"</td></tr>" for name, value in known.items())
    inferred = "".join(f"<li>{_h(field_label(kb, i.field, lang))}: {_h(value_label(kb, i.field, i.value, lang))} "
                       f"({_h(w['because'])}: {_h(field_label(kb, i.source, lang))})</li>" for i in result.inferred)
    body = []
    decisions = [r for r in result.recommendations if r.topic != "advice"]
    body.append(f'<section id="decisions"><h2>{_h(w["decisions"] if decisions else w["decided_none"])}</h2>'
                + "".join(_recommendation_html(r, kb, lang, open_=r.topic == topic) for r in decisions)
                + "</section>")
    if result.next_question is not None:
        head, *answers = question_lines(result.next_question, kb, lang)
        body.append(f'<section id="next-question"><h2>{_h(head)}</h2><ul>'
                    + "".join(f"<li>{_h(a.strip())}</li>" for a in answers)
                    + f'</ul><p>{_h(result.next_question.reason[lang])}</p></section>')
    if result.undetermined:
        title = w["open_topics"] if result.next_question is not None else w["undetermined"]
        body.append(f'<section id="undetermined"><h2>{_h(title)}</h2><ul>'
                    + "".join(_undetermined_html(u, kb, lang) for u in result.undetermined) + "</ul></section>")
    advice = [r for r in result.recommendations if r.topic == "advice"]
    if advice:
        body.append(f'<section id="advice"><h2>{_h(w["advice"])}</h2>'
                    + "".join(_recommendation_html(r, kb, lang, open_=False) for r in advice) + "</section>")
    body += [f'<section id="findings"><h2>{_h(w["findings"])}</h2><table>{rows}</table>'
             + (f"<h3>{_h(w['inferred'])}</h3><ul>{inferred}</ul>" if inferred else "") + "</section>",
             f'<p class="pathway">{_h(pathway_line(known, kb, lang))}</p>']
    if result.warnings:
        items = "".join(
            f"<li>{_h(topic_label(kb, x.topic, lang))}: {_h(decision_label(kb, x.topic, x.decision, lang))} "
            + _h(w["stands"].format(rule=x.rule, value=decision_label(kb, x.topic, x.value, lang))) + ": "
            + _h(", ".join(field_label(kb, f, lang) for f in x.unknown_fields)) + "</li>"
            for x in result.warnings)
        body.append(f'<section id="warnings"><h2>{_h(w["warnings"])}</h2><ul>{items}</ul></section>')
    body.append(f'<footer>{_h(w["kb_version"])}: <code>{_h(kb.version)}</code></footer>')
    return _page(w["result"], "\n".join(body), lang)


def _recommendation_html(rec: Recommendation, kb: KnowledgeBase, lang: str, open_: bool) -> str:
    """A decision or advice: its label and text, then (collapsible) its quote, overrides and proof."""
    w = WORDS[lang]
    if rec.topic == "advice":  # its text says it all
        head = f"<b>{_h(rec.text[lang])}</b>"
    else:
        head = (f"{_h(topic_label(kb, rec.topic, lang))}: <b>{_h(decision_label(kb, rec.topic, rec.value, lang))}</b>"
                f" — {_h(rec.text[lang])}")
    overrides = "".join(
        f'<p class="override">{_h(w["overrides"].format(rule=o["rule"], priority=o["priority"], value=decision_label(kb, rec.topic, o["value"], lang)))}</p>'  # noqa: E501
        for o in rec.overrides)
    return (f'<details class="decision" id="topic-{_h(rec.topic)}"{" open" if open_ else ""}>'
            f"<summary>{head}</summary>"
            f"{_quote_html(rec.rule, rec.quote, rec.section_title)}{overrides}"
            f'<div class="proof">{proof_tree_html(rec.proof, kb, lang)}</div></details>')


def _undetermined_html(u: Undetermined, kb: KnowledgeBase, lang: str) -> str:
    """An open topic: what is possible, what to ask first, a provisional value, or the step it waits for."""
    w = WORDS[lang]
    fields = field_list(kb, u.step_ask if u.waiting_for else u.ask, lang)
    parts = [f"<b>{_h(topic_label(kb, u.topic, lang))}</b>"]
    if u.waiting_for is not None:
        parts.append(_h(w["waiting"].format(step=kb.steps[u.waiting_for][lang], fields=fields)))
    elif u.reason != "missing_findings":
        parts.append(_h(w["conflict"] + ": " + ", ".join(decision_label(kb, u.topic, v, lang) for v in u.values)))
    else:
        if u.tree is not None:
            parts.append(_h(tree_text(u.topic, u.tree, kb, lang)))
        else:
            possible = ", ".join(w["no_decision"] if v is None else decision_label(kb, u.topic, v, lang)
                                 for v in u.possible)
            parts.append(f"{_h(w['possible'])}: {_h(possible)}; {_h(w['ask'])}: <em>{_h(fields)}</em>")
        if u.provisional is not None:
            parts.append(_h(w["provisional"].format(
                value=decision_label(kb, u.topic, u.provisional, lang),
                fields=field_list(kb, u.ask, lang))))
    return f'<li class="open-topic">{" — ".join(parts)}</li>'


def _page(title: str, body: str, lang: str) -> str:
    style = ("body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em} "
             "details{margin-left:1.2em} summary{cursor:pointer} .t{color:#176117} .f{color:#8b1a1a} "
             ".u{color:#666} table{border-collapse:collapse} td{border-bottom:1px solid #ddd;padding:.1em .6em} "
             "details.decision{margin:.4em 0;border-left:4px solid #c8dcf0;padding-left:.6em} "
             ".override{color:#7a4b00} footer{margin-top:2em;color:#666;font-size:90%} "
             "blockquote{color:#444;border-left:3px solid #ccc;margin:.3em 0 .3em 1.2em;padding-left:.6em}")
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{_h(title)}</title>'
            f"<style>{style}</style></head><body><h1>{_h(title)}</h1>\n{body}\n</body></html>\n")


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
            out.append(_quote_html(child["rule"], child["quote"], child.get("section", ""), named=False))
        out += _html_children(child, kb, lang)
        out.append("</details>")
    return out


def _quote_html(rule: str, quote: str, section: str, named: bool = True) -> str:
    """A rule's guideline quote; ``named``: followed by the rule's id (where its summary does not name it)."""
    name = f" <i>({_h(rule)})</i>" if named else ""
    return f'<blockquote id="{_h(rule)}" lang="nl" title="{_h(section)}">{_h(quote)}{name}</blockquote>'


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


def _label(node: Mapping[str, Any], kb: KnowledgeBase, lang: str = "en") -> str:
    """A proof node as one line: a branch, a rule (its text), a concept, a finding, a decision, and/or/not."""
    words = WORDS[lang]
    if "branch" in node:
        field, cell = node["branch"]["field"], node["branch"]["cell"]
        value = (" ".join(f"{OPERATORS.get(op, op)} {bound}" for op, bound in sorted(cell.items(), reverse=True))
                 if isinstance(cell, Mapping) else f"= {value_label(kb, field, cell, lang)}")
        return f"{words['when']} {field_label(kb, field, lang)} {value}"
    if "rule" in node:
        rule = kb.rules[node["rule"]]
        return f"{rule.text_nl if lang == 'nl' else rule.text_en} ({words['rule']} {rule.id})"
    if "concept" in node:
        return concept_label(kb, node["concept"], lang)
    if "satisfied_by" in node:
        found, test = node["satisfied_by"], node["test"]
        value = words["unknown"] if found["value"] is None else value_label(kb, found["field"], found["value"], lang)
        shown = f"  ({finding_test(kb, found['field'], test['op'], test['value'], lang)})" if test["op"] != "=" else ""
        return f"{field_label(kb, found['field'], lang)}: {value}{shown}"
    if "decision" in node:
        d = node["decision"]
        return f"{topic_label(kb, d['topic'], lang)}: {decision_label(kb, d['topic'], d['value'], lang)}"
    if "negated" in node:
        return words["not"]
    return words.get(node["condition"], str(node["condition"]))


# -- chapters -------------------------------------------------------------------------------------

def chapter_tree_dot(kb: KnowledgeBase, module: str, lang: str = "nl") -> str:
    """A chapter as a decision tree in the guideline's terms (kb labels in ``lang``).

    Per topic the chapter decides, its values as alternatives, numbered in the order of the
    topic's priorities (the first that holds wins) and chained by "otherwise" edges, so
    no priority edge crosses the picture; each alternative's conditions hang to its right as
    an and/or tree, the test of each finding (threshold, value) on the edge into it. Each
    concept the chapter derives gets a box of its own. A legend explains the shapes.
    """
    rules = [r for r in kb.metadata["rules"] if r["module"] == module]
    g = _Graph()
    title = _w(lang, "tree_title").format(chapter=_chapter_title(kb, rules))
    g.lines += [f'digraph "{_esc(title)}" {{',
                f'  label=<<b>{_html_text(title)}</b>>; labelloc=t; fontname="Helvetica"; fontsize=16;',
                '  rankdir=LR; nodesep=0.3; ranksep=0.3; newrank=true;',
                '  node [fontname="Helvetica", fontsize=10]; edge [fontname="Helvetica", fontsize=9];']
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for r in rules:
        c = r["conclusion"]
        key = ("concept", c["concept"]) if "concept" in c else ("topic", c["topic"])
        groups.setdefault(key, []).append(r)
    order = {t: n for n, t in enumerate(kb.topics)}
    for (kind, name), members in sorted(groups.items(), key=lambda kv: (kv[0][0] == "topic",
                                                                        order.get(kv[0][1], 0))):
        g.cluster(kind, name, _ordered(kb, name, members) if kind == "topic" else members, kb, lang)
    g.lines += _tree_legend(lang)
    g.lines.append("}")
    return "\n".join(g.lines) + "\n"


class _Graph:
    """The DOT lines of a chapter tree and a counter for node names."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.count = 0

    def node(self, attrs: str) -> str:
        self.count += 1
        name = f"n{self.count}"
        self.lines.append(f"    {name} [{attrs}];")
        return name

    def cluster(self, kind: str, name: str, rules: Sequence[Mapping[str, Any]], kb: KnowledgeBase,
                lang: str) -> None:
        """A topic (or concept) and its alternatives, each with its condition tree."""
        ordered = kind == "topic" and kb.topics[name].policy == "priority"
        if kind == "topic":
            head = topic_label(kb, name, lang) + (f" ({_w(lang, 'advice_all')})" if name == "advice" else "")
            fill = DECISION_FILL
        else:
            when = _w(lang, "holds_if" if len(rules) > 1 else "holds_when")
            head, fill = f"{concept_label(kb, name, lang)}: {when}", CONCEPT_FILL
        self.lines += [f"  subgraph cluster_{kind}_{name} {{", '    style="rounded"; color="#888888"; label="";']
        top = self.node(f'label=<<b>{_html_text(_wrap(head, 30))}</b>>, shape=box, style="filled,bold", '
                        f'fillcolor="{fill}"')
        alternatives = []
        for n, r in enumerate(rules, 1):
            c = r["conclusion"]
            number = f"{n}. " if ordered else "• "
            text = decision_label(kb, c["topic"], c["value"], lang) if "topic" in c else _w(lang, "holds")
            alt = self.node(
                f'label=<{_html_text(number + _wrap(text, 34))}<br/><font point-size="7" color="#666666">'
                f'{_html_text(r["id"])}</font>>, shape=box, style="rounded,filled", '
                f'fillcolor="{fill if "topic" in c else "#ffffff"}", tooltip="{_esc(r["quote"])}"')
            alternatives.append(alt)
            node, test = self.condition(r["conditions"], kb, lang)
            label = _w(lang, "if") + (f" {test}" if test else "")
            self.lines.append(f'    {alt} -> {node} [label="{_esc(label)}"];')
        self.lines.append(f"    {{rank=same; {top}; {'; '.join(alternatives)};}}")
        chain = [top, *alternatives]
        for a, b in itertools.pairwise(chain):
            word = _w(lang, "otherwise") if ordered and a != top else ""
            style = "dashed" if word else "invis" if a != top else "solid"
            # drawn from b back to a: Graphviz stacks a rank's nodes with an edge's head above its tail
            self.lines.append(f'    {b} -> {a} [dir=back, label="{_esc(word)}", style={style}, color="#555555"];')
        self.lines.append("  }")

    def condition(self, cond: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> tuple[str, str]:
        """The node of a condition with its subtree, and the test to write on the edge into it.

        And/or/not are nodes of their own; a finding's test (threshold, value) is on the edge into it.
        """
        w = WORDS[lang]
        if "all" in cond or "any" in cond:
            key = "all" if "all" in cond else "any"
            node = self.node(f'label="{_esc(w["and" if key == "all" else "or"].upper())}", shape=circle, '
                             f'width=0.35, fixedsize=true, fontsize=8, style=filled, '
                             f'fillcolor="{"#e6e6e6" if key == "all" else "#ffe0b0"}"')
            for child in cond[key]:
                self._edge(node, child, kb, lang)
            return node, ""
        if "not" in cond:
            node = self.node(f'label="{_esc(w["not"].rstrip(":").upper())}", shape=circle, width=0.35, '
                             'fixedsize=true, fontsize=8, style=filled, fillcolor="#f6d6d6"')
            self._edge(node, cond["not"], kb, lang)
            return node, ""
        if "field" in cond:
            name, op, value = cond["field"], cond["op"], cond["value"]
            node = self.node(f'label="{_esc(_wrap(field_label(kb, name, lang), 30))}", shape=note, '
                             'style=filled, fillcolor="#ffffff"')
            return node, _test_text(kb, name, op, value, lang)
        if "decided" in cond:
            d = cond["decided"]
            node = self.node(f'label="{_esc(_wrap(topic_label(kb, d["topic"], lang), 30))}", shape=box, '
                             f'style="filled", fillcolor="{DECISION_FILL}"')
            return node, "= " + _wrap(decision_label(kb, d["topic"], d["value"], lang), 24)
        return self.node(f'label="{_esc(_wrap(concept_label(kb, cond["concept"], lang), 30))}", '
                         f'shape=ellipse, style=filled, fillcolor="{CONCEPT_FILL}"'), ""

    def _edge(self, parent: str, cond: Mapping[str, Any], kb: KnowledgeBase, lang: str) -> None:
        """An edge from ``parent`` to the subtree of ``cond``, labelled with its test."""
        node, test = self.condition(cond, kb, lang)
        self.lines.append(f'    {parent} -> {node} [label="{_esc(test)}"];')


def _test_text(kb: KnowledgeBase, name: str, op: str, value: Any, lang: str) -> str:
    """A finding's test as an edge label, wrapped."""
    return _wrap(finding_test(kb, name, op, value, lang), 24)


def _ordered(kb: KnowledgeBase, topic: str, rules: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The topic's rules as a decision list: every winner of a priority before the rules it beats.

    Among the rules free to come next, the one that beats the most rules comes first, then the
    topic's own order of values (the kb's order: the strictest MRI deadline first).
    """
    beats = {(w, lo) for p in kb.priorities.values() if p["topic"] == topic for w, lo in p["beats"]}

    def reach(rule: str, seen: frozenset[str] = frozenset()) -> set[str]:
        below = {lo for w, lo in beats if w == rule and lo not in seen}
        return below.union(*(reach(lo, seen | below) for lo in below)) if below else set()

    values = kb.topics[topic].values
    rank = {r["id"]: (-len(reach(r["id"])), values.index(r["conclusion"]["value"]), n) for n, r in enumerate(rules)}
    left, done = list(rules), []
    while left:
        ids = {r["id"] for r in left}
        free = [r for r in left if not any((w, r["id"]) in beats for w in ids)] or left
        nxt = min(free, key=lambda r: rank[r["id"]])
        done.append(nxt)
        left.remove(nxt)
    return done


def _chapter_title(kb: KnowledgeBase, rules: Sequence[Mapping[str, Any]]) -> str:
    """The chapter's page title in the guideline (its rules' most common section, first part)."""
    titles = [kb.rules[r["id"]].section_title for r in rules]
    title = max(titles, key=titles.count) if titles else ""
    return title.split(" — ")[-1].replace("Wervelmetastasen - ", "").replace("Wervelmetastasen — ", "")


def _tree_legend(lang: str) -> list[str]:
    """The legend of a chapter tree: what each shape and edge means, drawn with the shapes it explains."""
    w = WORDS[lang]
    items = [f'label="{_esc(_w(lang, "decision"))}", shape=box, style="filled,bold", fillcolor="{DECISION_FILL}"',
             f'label="{_esc(_w(lang, "order"))}", shape=box, style="rounded,filled", fillcolor="{DECISION_FILL}"',
             _gate_legend(w["and"].upper(), _w(lang, "all_hold"), "#e6e6e6"),
             _gate_legend(w["or"].upper(), _w(lang, "one_holds"), "#ffe0b0"),
             f'label="{_esc(_w(lang, "finding"))}", shape=note, style=filled, fillcolor="#ffffff"',
             f'label="{_esc(_w(lang, "concept"))}", shape=ellipse, style=filled, fillcolor="{CONCEPT_FILL}"']
    lines = ["  subgraph cluster_legend {", f'    label="{_esc(_w(lang, "legend"))}"; fontname="Helvetica";',
             '    style=dashed; color="#999999";']
    lines += [f"    legend{n} [{attrs}, fontsize=9];" for n, attrs in enumerate(items)]
    lines += [f'    legend0 -> legend1 [label="{_esc(_w(lang, "otherwise"))}", style=dashed];',
              '    legend2 -> legend4 [label="≥ 3"];',
              "  }"]
    return lines


def _gate_legend(gate: str, meaning: str, fill: str) -> str:
    """A legend entry for an and/or node: the gate in its colour, then what it means."""
    return (f'label=<<table border="0" cellspacing="2"><tr><td bgcolor="{fill}" border="1">{_html_text(gate)}</td>'
            f"<td>{_html_text(meaning)}</td></tr></table>>, shape=plaintext")


def chapter_dot(kb: KnowledgeBase, module: str) -> str:
    """The engineer's dependency map of one chapter: what feeds each rule, what it concludes.

    Rule, field, concept and topic ids as in the kb; dashed red edges from a rule to the rules
    it beats by a named priority; a legend.
    """
    rules = [r for r in kb.metadata["rules"] if r["module"] == module]
    lines = [f'digraph "{module}" {{', '  rankdir=LR; fontname="Helvetica"; node [fontname="Helvetica", fontsize=10];',
             '  edge [fontname="Helvetica", fontsize=9];']
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
            target = node("concept:" + c["concept"], c["concept"], "ellipse", CONCEPT_FILL)
        else:
            target = node(f"topic:{c['topic']}={c['value']}", f"{c['topic']} = {c['value']}", "box", DECISION_FILL)
        lines.append(f"  {rule} -> {target};")
        for kind, name in sorted(set(condition_inputs(r["conditions"]))):
            if kind == "field":
                source = node("field:" + name, name, "note", "#ffffff")
            elif kind == "concept":
                source = node("concept:" + name, name, "ellipse", CONCEPT_FILL)
            else:
                source = node("decided:" + name, name, "box", DECISION_FILL)
            lines.append(f"  {source} -> {rule};")
    for prio in kb.priorities.values():
        for winner, loser in prio["beats"]:
            if f"rule:{winner}" in nodes and f"rule:{loser}" in nodes:
                lines.append(f'  {nodes["rule:" + winner]} -> {nodes["rule:" + loser]} '
                             f'[style=dashed, color="#b03030", constraint=false, tooltip="{_esc(prio["id"])}"];')
    lines += ["  subgraph cluster_legend {", '    label="legend"; style=dashed; color="#999999";',
              '    l0 [label="field", shape=note, style=filled, fillcolor="#ffffff"];',
              '    l1 [label="rule", shape=box, style=filled, fillcolor="#f3f3f3"];',
              f'    l2 [label="topic = value", shape=box, style=filled, fillcolor="{DECISION_FILL}"];',
              f'    l3 [label="concept", shape=ellipse, style=filled, fillcolor="{CONCEPT_FILL}"];',
              '    l0 -> l1 [label="feeds"]; l1 -> l2 [label="concludes"];',
              '    l4 [label="rule", shape=box, style=filled, fillcolor="#f3f3f3"];',
              '    l1 -> l4 [style=dashed, color="#b03030", label="beats (priority)"];', "  }", "}"]
    return "\n".join(lines) + "\n"


def condition_inputs(cond: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """What a rule condition reads: ``("field", name)``, ``("concept", name)`` or ``("decided", "topic = value")``."""
    if "all" in cond or "any" in cond:
        for c in cond.get("all", cond.get("any", [])):
            yield from condition_inputs(c)
    elif "not" in cond:
        yield from condition_inputs(cond["not"])
    elif "decided" in cond:
        yield "decided", f"{cond['decided']['topic']} = {cond['decided']['value']}"
    elif "field" in cond:
        yield "field", cond["field"]
    else:
        yield "concept", cond["concept"]


# -- rendering ------------------------------------------------------------------------------------

SVG_STAMP = "<!-- dot source sha256: {digest} -->"
"""The first line docs' SVGs carry after the XML header: the digest of the DOT they were drawn from."""


def dot_digest(dot: str) -> str:
    """The SHA-256 of a DOT text, as an SVG drawn from it records it (:data:`SVG_STAMP`)."""
    return hashlib.sha256(dot.encode("utf-8")).hexdigest()


def to_svg(dot: str) -> str:
    """Render DOT to SVG with Graphviz, stamped with the DOT's digest; CaseError if Graphviz is not installed."""
    exe = shutil.which("dot")
    if exe is None:
        raise CaseError("format", "svg needs Graphviz: apt-get install graphviz (or use --format dot)")
    svg = subprocess.run([exe, "-Tsvg"], input=dot, capture_output=True, text=True, check=True).stdout
    header, _, rest = svg.partition("\n")  # the XML declaration stays first
    return f"{header}\n{SVG_STAMP.format(digest=dot_digest(dot))}\n{rest}"


def _wrap(text: str, width: int = 40) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _html_text(text: str) -> str:
    """Text for a Graphviz HTML-like label, its line breaks as ``<br/>``."""
    return "<br/>".join(html.escape(line, quote=True) for line in text.split("\n"))


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _h(text: str) -> str:
    return html.escape(text, quote=True)
