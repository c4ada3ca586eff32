% Which rules encode the page "Maximale tijd tot inzet therapie"?
?- rules_in_section(time_to_therapy, Ids).
