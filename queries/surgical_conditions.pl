% What are the conditions of surgical eligibility (the seven conditions)?
?- rule(surgical_conditions, _, Conditions, _).
