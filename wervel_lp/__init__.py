"""wervel-lp: the Dutch guideline Wervelmetastasen as an explainable logic program.

>>> from wervel_lp import recommend
>>> result = recommend({"known_primary_malignancy": True, "back_pain": True,
...                     "night_pain": True, "adequate_imaging_available": False})
>>> result.decisions["mri"]
'indicated'
>>> print(result.explain("mri"))  # the proof as text; .text("nl") in Dutch  # doctest: +SKIP
"""

from importlib.metadata import PackageNotFoundError, version

from .batch import decide_many, recommend_many
from .case import Case
from .engine import KbError
from .result import (
    Answer,
    Explanation,
    Inferred,
    Question,
    Recommendation,
    Result,
    ResultWarning,
    RuleReport,
    Undetermined,
    WhyNot,
    decide,
    next_question,
    recommend,
)
from .schema import CaseError

try:
    __version__ = version("wervel-lp")
except PackageNotFoundError:  # run from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["Answer", "Case", "CaseError", "Explanation", "Inferred", "KbError", "Question", "Recommendation",
           "Result", "ResultWarning", "RuleReport", "Undetermined", "WhyNot", "__version__", "decide",
           "decide_many", "next_question", "recommend", "recommend_many"]
