"""`python -m tui.cli.run ARGS`: the `byline` command without the installed script."""

import sys

from tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
