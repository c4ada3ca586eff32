% Which rules conclude a value on the MRI urgency topic?
?- rules_for_topic(mri_urgency, Ids).
