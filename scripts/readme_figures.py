"""Write the bundle's measured figures into the README, so that none is typed by hand.

    bash packaging/build_linux.sh                 # measures, and writes dist/build_report.json
    python scripts/readme_figures.py              # puts them between the README's figures marks

The README keeps them between `<!-- figures:bundle -->` and `<!-- /figures -->`; this script rewrites only
that span, from the report the last build wrote (its date with them).
"""

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- figures:bundle -->", "<!-- /figures -->"
SPAN = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def figures_text(report: dict, measured_on: date) -> str:
    """The README's sentence for a build report (dist/build_report.json)."""
    first = report.get("first_picture_s")
    first_words = f", the first picture {first:.1f} s after start" if first is not None else ""
    size = f"{report['bundle_mb']} MB with the {report['themes']} themes ({report['tarball_mb']} MB packed)"
    build = f"a clean build in {report['build_s']:.0f} s"
    return (f"{START}{size}{first_words}, {build} (measured by `packaging/build_linux.sh` on "
            f"{measured_on.isoformat()}, 2 cores){END}")


def rewrite(readme: str, report: dict, measured_on: date) -> str:
    if len(SPAN.findall(readme)) != 1:
        raise ValueError(f"the README must hold exactly one {START} … {END} span")
    return SPAN.sub(lambda _: figures_text(report, measured_on), readme)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", type=Path, default=ROOT / "dist" / "build_report.json")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args()
    if not args.report.is_file():
        print(f"error: no {args.report}: run  bash packaging/build_linux.sh  first", file=sys.stderr)
        return 2
    report = json.loads(args.report.read_text(encoding="utf-8"))
    measured_on = date.fromtimestamp(args.report.stat().st_mtime)
    readme = rewrite(args.readme.read_text(encoding="utf-8"), report, measured_on)
    args.readme.write_text(readme, encoding="utf-8")
    print(figures_text(report, measured_on))
    return 0


if __name__ == "__main__":
    sys.exit(main())
