% Why is surgery not the treatment for a patient with painful metastases and a
% stable spine? Per rule: its status and the findings that block it.
?- failed_conditions([back_pain-true, metastases_on_imaging-true, spinal_instability-false,
                      recurrence_after_radiotherapy-false,
                      deterioration_under_radiotherapy_and_corticosteroids-false,
                      adequate_radiotherapy_possible-true], treatment, surgery, Report).
