"""Candidate search and selection (see :mod:`rtlopt.engine.candidate` and :mod:`rtlopt.engine.search`)."""

from rtlopt.engine.candidate import Candidate
from rtlopt.engine.search import OptimizeResult, State, optimize, register_generator, unregister_generator

__all__ = ["Candidate", "OptimizeResult", "State", "optimize", "register_generator", "unregister_generator"]
