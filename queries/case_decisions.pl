% All decisions for a patient with a known primary, night-time back pain and
% unilateral radicular pain, before imaging.
?- case_decisions([known_primary_malignancy-true, back_pain-true, night_pain-true,
                   radicular_pain-unilateral, adequate_imaging_available-false], Decisions).
