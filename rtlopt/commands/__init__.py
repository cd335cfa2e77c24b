"""Subcommands of the ``rtlopt`` CLI, one module each (see :mod:`rtlopt.cli`)."""
