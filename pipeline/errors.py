"""Errors that name the input at fault and say how to fix it."""
from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input: reported as `file[:line]: what is wrong. Fix: how`, exit status 2."""

    def __init__(self, path: Path | str, problem: str, fix: str = "", line: int | None = None):
        self.path, self.problem, self.fix, self.line = str(path), problem, fix, line
        where = self.path + (f":{line}" if line is not None else "")
        super().__init__(f"{where}: {problem}" + (f". Fix: {fix}" if fix else ""))

    def __reduce__(self):   # raised in a worker process, re-raised here whole
        return InputError, (self.path, self.problem, self.fix, self.line)


class ValidationFailed(Exception):
    """The tables break the schema or a cross-table rule; the message is the report."""
