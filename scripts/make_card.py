"""Draw the site's sharing card (Open Graph image, 1200x630) with headless Chromium.

The PNG is committed at docs/assets/images/kmsite-card.png; rerun this after changing the
site name:  .venv/bin/python scripts/make_card.py
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images" / "kmsite-card.png"
sys.path.insert(0, str(ROOT))
from tests.browser.serve import launch  # noqa: E402


def card_html(title: str, subtitle: str) -> str:
    return f"""<!doctype html><html lang="th"><meta charset="utf-8"><style>
body {{ margin:0; width:1200px; height:630px; display:flex; flex-direction:column; justify-content:center;
  padding:0 90px; box-sizing:border-box; background:#283593; color:#fff;
  font-family: "Sarabun","Noto Sans Thai","Loma","Garuda",sans-serif; }}
h1 {{ font-size:72px; line-height:1.35; margin:0 0 24px; }}
p {{ font-size:34px; line-height:1.6; margin:0; opacity:.95; }}
.bar {{ width:160px; height:10px; background:#ffca28; margin-bottom:40px; }}
</style><div class="bar"></div><h1>{html.escape(title)}</h1><p>{html.escape(subtitle)}</p></html>"""


def main() -> None:
    yaml = YAML(typ="rt")
    yaml.constructor.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(card_html(config["site_name"], config["site_description"]))
        OUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
