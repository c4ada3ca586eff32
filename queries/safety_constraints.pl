% Which safety constraints does the consistency check prove over all cases?
?- safety(Id, _, Properties), memberchk(why(Why), Properties).
