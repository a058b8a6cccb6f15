"""``python -m newskit``: the same as the ``newskit`` command (see :mod:`newskit.cli`)."""
import sys

from newskit.cli import main

if __name__ == "__main__":
    sys.exit(main())
