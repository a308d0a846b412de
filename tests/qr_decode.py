"""Reading QR codes with a real decoder (zbarimg), for the tests of QR files and printed pages."""

from __future__ import annotations

import subprocess
from pathlib import Path


def zbar(path: Path, *options: str) -> list[str]:
    """Every code zbarimg reads in an image file (PNG), as text; ``options`` are zbarimg's (e.g. a crop)."""
    result = subprocess.run(["zbarimg", "--quiet", "--raw", *options, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, f"zbarimg read no code in {path}: {result.stderr}"
    return result.stdout.splitlines()
