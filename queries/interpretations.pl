% Which priority rules rest on a named interpretation (docs/interpretations.md)?
?- findall(Id-Interpretation, (priority(Id, _, _, _, Props), memberchk(interpretation(Interpretation), Props)), Pairs).
