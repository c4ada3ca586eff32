"""wervel-lp: the Dutch guideline Wervelmetastasen as an explainable logic program.

>>> from wervel_lp import recommend
>>> result = recommend({"known_primary_malignancy": True, "back_pain": True,
...                     "night_pain": True, "adequate_imaging_available": False})
>>> result.decisions["mri"]
'indicated'
"""

from .batch import decide_many, recommend_many
from .result import Explanation, Recommendation, Result, WhyNot, decide, recommend
from .schema import CaseError

__all__ = ["CaseError", "Explanation", "Recommendation", "Result", "WhyNot", "decide", "decide_many",
           "recommend", "recommend_many"]
