"""Candidate search and selection (see :mod:`rtlopt.engine.candidate`)."""

from rtlopt.engine.candidate import Candidate

__all__ = ["Candidate"]
