% Which rules quote a sentence that mentions dexamethason?
?- rules_quoting("dexamethason", Ids).
