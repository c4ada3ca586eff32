% All decisions for a patient with a known primary, night-time back pain and
% unilateral radicular pain, before imaging: the values every completion of the
% unknown findings gives (the MRI deadline is not among them: an unknown deficit or
% suspected MESCC could still make it stricter).
?- case_decisions([known_primary_malignancy-true, back_pain-true, night_pain-true,
                   radicular_pain-unilateral, adequate_imaging_available-false], Decisions).
