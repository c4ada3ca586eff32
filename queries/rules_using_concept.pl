% Which rules use the concept "the conditions for surgery are met"?
?- findall(Id, (rule(Id, _, Conditions, _), condition_node(Conditions, concept(surgical_conditions_met))), Ids).
