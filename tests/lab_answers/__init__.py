"""A catalogue of answers to every lab question, graded by tests/test_labs.py as `make grade` grades them.

One module per lab (lab01.py ...), each with CATALOGUE: question -> answers. An answer is written as
the text a student would put in place of part of the master's solution. Right answers written another
way must get full marks; each typical mistake must lose the question's points (every question is
graded all or nothing), with feedback that names the mistake.
"""

from __future__ import annotations

import importlib
import pkgutil

from lab_answers.answer import Answer

CATALOGUE: dict[str, dict[str, list[Answer]]] = {
    module.name: importlib.import_module(f"lab_answers.{module.name}").CATALOGUE
    for module in pkgutil.iter_modules(__path__) if module.name.startswith("lab")
}
