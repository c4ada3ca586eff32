% Which named priority rules resolve collisions of radiotherapy schedules?
?- findall(Id, priority(Id, radiotherapy_schedule, _, _, _), Ids).
