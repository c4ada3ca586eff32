% Which case findings can influence the treatment decision?
?- topic_fields(treatment, Fields).
