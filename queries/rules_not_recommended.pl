% Which statements are "niet aanbevolen" (not recommended) by the working group?
?- findall(Id, rule_property(Id, strength(not_recommended)), Ids).
