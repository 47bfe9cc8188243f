"""`python -m tui` opens the reader, like `byline`."""

import sys

from tui.cli import main

sys.exit(main())
