"""``python -m safecheck``."""

import sys

from safecheck.cli.main import main

sys.exit(main())
