"""The errors newskit raises.

Every error newskit raises on purpose is a :class:`NewskitError`, so a caller can catch one
type. The subclasses say what went wrong and their messages say what to do about it.

Example:
    >>> import newskit
    >>> try:
    ...     newskit.load("no/such/file.txt")
    ... except newskit.errors.NewskitError as err:
    ...     print(type(err).__name__)
    SourceNotFoundError
"""
from __future__ import annotations


class NewskitError(Exception):
    """Base class of every error newskit raises on purpose."""


class InputError(NewskitError, ValueError):
    """The input cannot be analysed: empty, binary, too large, or not text."""


class EmptyInputError(InputError):
    """The input holds no text (empty or whitespace only)."""


class BinaryInputError(InputError):
    """The input looks like binary data (an image, an archive …), not text."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit (see ``newskit.load(max_bytes=...)``)."""


class DecodingError(InputError):
    """The bytes could not be decoded as text in any supported encoding."""


class FormatError(InputError):
    """A structured file (JSON, JSONL, CSV, HTML) is malformed or lacks a required field."""


class SourceNotFoundError(NewskitError, FileNotFoundError):
    """A path given to ``load`` or ``load_corpus`` does not exist."""


class WorkerStartError(NewskitError, RuntimeError):
    """``analyze_corpus`` cannot start its worker processes; the message says why and what to do
    (most often: a script that calls it outside ``if __name__ == "__main__":``)."""


class MissingDependencyError(NewskitError, ImportError):
    """An optional dependency or resource is missing; the message gives the install command."""


def missing_extra(module: str, extra: str) -> MissingDependencyError:
    """Build the error for an optional module that is not installed."""
    return MissingDependencyError(
        f"This feature needs the optional package {module!r}. "
        f"Install it with: pip install 'newskit[{extra}]'"
    )
