import sys

from rtlopt.cli import main

sys.exit(main())
