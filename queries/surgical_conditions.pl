% What are the conditions of surgical eligibility (the seven conditions)? Six the findings
% settle before any histology, and the one on a chemotherapy-sensitive tumour.
?- rule(surgical_conditions, _, Conditions, _), rule(surgical_conditions_other_than_tumour_type, _, Six, _).
