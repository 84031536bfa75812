"""The closed loop (闭环整改): the transitions table, the rules every change keeps, and
the commands that make changes. Pure functions on models: no files, clock or terminal."""

from safecheck.lifecycle.commands import (
    attach,
    close,
    edit,
    extend,
    is_photo,
    major,
    plan,
    rectify,
    register,
    reject,
    reopen,
    void,
)
from safecheck.lifecycle.inputs import MajorInput, PlanInput, Registration
from safecheck.lifecycle.rules import check_change, closure_problems

__all__ = [
    "MajorInput", "PlanInput", "Registration", "attach", "check_change", "close",
    "closure_problems", "edit", "extend", "is_photo", "major", "plan", "rectify", "register",
    "reject", "reopen", "void",
]
