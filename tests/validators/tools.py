"""The independent validators run over built sites: the Nu Html Checker (npm vnu-jar, Java) and lychee."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LYCHEE = Path(sys.executable).parent / "lychee"


def nu_errors(*paths: Path) -> list[dict]:
    """Errors the Nu Html Checker reports for the HTML files (or folders of them) given."""
    java = shutil.which("java")
    assert java, "java is required for the Nu Html Checker: scripts/setup.sh installs default-jre-headless as root"
    assert VNU_JAR.exists(), "vnu-jar is missing: run npm ci (scripts/setup.sh)"
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json",
                             *map(str, paths)], capture_output=True, text=True)
    report = json.loads(result.stderr or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def broken_links(site: Path, site_url: str) -> dict[str, list[str]]:
    """Links and anchors that resolve to nothing in ``site``, per page, checked offline by lychee.

    Absolute links to ``site_url`` (canonical URLs, QR targets) are checked against the built files.
    """
    assert LYCHEE.exists(), "lychee is missing: pip install -e '.[test]'"
    root = site.resolve()
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--index-files", "index.html", "--no-progress",
         "--format", "json", "--root-dir", str(root), "--remap", f"^{site_url} file://{root}/",
         f"{root}/**/*.html"],
        capture_output=True, text=True)
    assert result.stdout, result.stderr[-2000:]
    report = json.loads(result.stdout)
    return {page: [f"{e['url']} ({e['status']['text']})" for e in errors]
            for page, errors in report["error_map"].items() if errors}
