import os
import signal
import sys


def _early(signum, _frame):  # a signal while Python imports rtlopt: no traceback
    os._exit(128 + signum)


if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    os.environ["RTLOPT_SIGINT_IGNORED"] = "1"  # read by rtlopt.cli (an inherited SIG_IGN stays)
else:
    signal.signal(signal.SIGINT, _early)
signal.signal(signal.SIGTERM, _early)

from rtlopt.cli import main  # noqa: E402

sys.exit(main())
