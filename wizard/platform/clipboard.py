"""The platform's own clipboard tool, for terminals that ignore OSC 52 (tmux by default, many RDP
and Windows consoles). No Textual here: the TUI adds OSC 52 on top of this.

`IISDOCTOR_CLIPBOARD=none` turns the tools off (tests use it, so they never touch a real clipboard).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def candidates() -> list[list[str]]:
    """The clipboard tools this machine has, best first, as argument lists."""
    if os.environ.get("IISDOCTOR_CLIPBOARD", "").lower() == "none":
        return []
    wanted: list[list[str]] = []
    if sys.platform == "win32" or os.environ.get("WSL_DISTRO_NAME"):
        wanted.append(["clip.exe"])
    if sys.platform == "darwin":
        wanted.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        wanted.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        wanted += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    return [tool for tool in wanted if shutil.which(tool[0])]


def copy_with_tool(text: str) -> str | None:
    """Hand `text` to the first clipboard tool that takes it; its name, or None when none did."""
    for tool in candidates():
        encoding = "utf-16-le" if tool[0] == "clip.exe" else "utf-8"  # clip.exe reads UTF-16 with no BOM
        try:
            done = subprocess.run(tool, input=text.encode(encoding), timeout=3, capture_output=True, check=False)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return tool[0]
    return None
