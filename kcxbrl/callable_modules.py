"""``kcxbrl.convert(path)`` and ``kcxbrl.validate(path)``: modules that take a call.

``kcxbrl.convert`` and ``kcxbrl.validate`` are modules of the pipeline, and
Python's import sets the package attribute of that name to the module
whenever it is imported.  So the module itself takes the call and hands it
to the API function of the same name (:mod:`kcxbrl.api`): ``kcxbrl.convert``
is one object, ``from kcxbrl.convert import convert_files`` keeps working.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def callable_module(module_name: str, function: str) -> None:
    module = sys.modules[module_name]

    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            from kcxbrl import api

            return getattr(api, function)(*args, **kwargs)

    _CallableModule.__call__.__doc__ = f"kcxbrl.api.{function}: see its documentation."
    module.__class__ = _CallableModule
