#!/usr/bin/env python3
"""Copy the Sarabun web fonts kmsite ships from npm @fontsource/sarabun (pinned in package-lock.json).

Writes kmsite_plugins/assets/fonts/sarabun/: the Thai and Latin subsets (WOFF2) of the regular and
bold weights, the SIL Open Font Licence, and sarabun.css with their @font-face rules (unicode-range:
a page downloads only the subsets its text uses). Run after `npm ci` when the package is upgraded;
tests/test_font_assets.py checks that the shipped files are the package's.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "@fontsource" / "sarabun"
TARGET = ROOT / "kmsite_plugins" / "assets" / "fonts" / "sarabun"
SUBSETS = ("thai", "latin")
WEIGHTS = (400, 700)


def font_faces() -> list[tuple[str, str]]:
    """(file name, @font-face rule) for each subset and weight kmsite ships, from the package's own CSS."""
    faces = []
    for weight in WEIGHTS:
        css = (SOURCE / f"{weight}.css").read_text(encoding="utf-8")
        for subset in SUBSETS:
            name = f"sarabun-{subset}-{weight}-normal.woff2"
            rule = re.search(r"/\* sarabun-" + subset + r"-" + str(weight) + r"-normal \*/\s*(@font-face \{.*?\})",
                             css, re.S)
            assert rule, f"{subset} {weight} missing from {SOURCE / f'{weight}.css'}"
            face = re.sub(r"src: [^;]*;", f"src: url(./{name}) format('woff2');", rule.group(1))
            faces.append((name, face))
    return faces


def main() -> None:
    version = json.loads((SOURCE / "package.json").read_text(encoding="utf-8"))["version"]
    TARGET.mkdir(parents=True, exist_ok=True)
    faces = font_faces()
    for name, _ in faces:
        shutil.copyfile(SOURCE / "files" / name, TARGET / name)
    shutil.copyfile(SOURCE / "LICENSE", TARGET / "OFL.txt")
    header = (f"/* Sarabun (Cadson Demak, SIL Open Font Licence 1.1: OFL.txt), "
              f"from npm @fontsource/sarabun {version};\n"
              "   written by scripts/update_fonts.py. */\n")
    (TARGET / "sarabun.css").write_text(header + "\n".join(face for _, face in faces) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}: {', '.join(name for name, _ in faces)}")


if __name__ == "__main__":
    main()
