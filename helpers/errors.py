"""The kit's own errors: a mistake in what the user gave it, with a message saying the fix.

The command line prints a KitError as one line (``error: ...``) and exits with code 2,
never with a traceback; every other exception is a bug in the kit. docs/errors.md lists the
messages with their cause and fix.
"""

from __future__ import annotations


class KitError(Exception):
    """Bad input or usage the user can fix; the message names the file and the fix."""
