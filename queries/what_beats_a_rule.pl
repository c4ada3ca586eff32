% Which rules beat the 8 Gy pain schedule, and by which priority?
?- findall(Winner-Priority, beats(radiotherapy_schedule, Winner, radiotherapy_pain_8gy, Priority), Beaters).
