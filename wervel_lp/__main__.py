"""``python -m wervel_lp``: the ``wervel-lp`` command line."""

import sys

from .cli import main

sys.exit(main())
