% Which anomalies of the consistency check are acknowledged, and what was decided?
?- acknowledged(Id, Kind, Subject, Properties), memberchk(decision(Decision), Properties).
