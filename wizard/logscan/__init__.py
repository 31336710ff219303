"""Read IIS's own logs, rank the failing status combinations, and say which walk to open for each.

Pure Python with no Textual and no other iisdoctor module but the language layer (for the
table's words): the CLI and the TUI both build on it.
"""

from wizard.logscan.engine import scan, total_size
from wizard.logscan.filters import FilterError, Filters
from wizard.logscan.jsonio import from_dict, merge, to_dict
from wizard.logscan.model import Group, ScanResult
from wizard.logscan.sources import UsageError
from wizard.logscan.walk import command, walk_args

__all__ = [
    "FilterError",
    "Filters",
    "Group",
    "ScanResult",
    "UsageError",
    "command",
    "from_dict",
    "merge",
    "scan",
    "to_dict",
    "total_size",
    "walk_args",
]
