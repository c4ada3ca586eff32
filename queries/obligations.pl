% Which coverage obligations does the consistency check prove (topic must be decided)?
?- obligation(Id, Topic, _, _).
