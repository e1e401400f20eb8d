"""Write environment.yml (conda, for instructors who use it) from requirements/lock.txt.

Both must name the same packages at the same versions; tests/test_repository.py checks that.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def locked_pins(lock: Path = ROOT / "requirements" / "lock.txt") -> list[str]:
    """The 'name==version' lines of a pip lock file, without comments."""
    pins = []
    for line in lock.read_text().splitlines():
        requirement = line.split("#", 1)[0].strip()
        if requirement:
            pins.append(requirement)
    return pins


def main() -> None:
    lines = [
        "# Generated from requirements/lock.txt by `make lock`; do not edit by hand.",
        "# conda env create -f environment.yml && conda activate gencnn",
        "name: gencnn",
        "channels: [conda-forge]",
        "dependencies:",
        "  - python>=3.10",
        "  - pip",
        "  - pip:",
        *(f"      - {pin}" for pin in locked_pins()),
        "      - -e .",
    ]
    (ROOT / "environment.yml").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
