"""`make bench`: the quick benchmark set (quality on all splits, then a short speed run).

The long ones (scale.py, export_bench.py) are run by hand: see bench/README.md.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    steps = [
        [sys.executable, str(HERE / "relation_benchmarks.py"), "all"],
        [sys.executable, str(HERE / "speed.py"), "--rounds", "3", "--no-workers"],
    ]
    for cmd in steps:
        print(f"$ {' '.join(Path(c).name if i < 2 else c for i, c in enumerate(cmd))}", flush=True)
        code = subprocess.call(cmd)
        if code:
            return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
