#!/usr/bin/env python3
"""Rejects an #include of a higher layer (ARCHITECTURE.md, "Layers").

Each src/<module>/ may include only itself and modules listed in ALLOWED[module].
Run by CTest as `layer_check`.
"""
import pathlib
import re
import sys

# module -> modules it may include (besides itself). Keep in sync with ARCHITECTURE.md.
ALLOWED = {
    "core": set(),
    "fileio": {"core"},
    "resources": set(),
    "yamlio": {"core"},
    "csv": {"core"},
    "contract": {"core", "fileio", "resources", "yamlio"},
    "law": {"core", "resources", "yamlio"},
    "storage": {"core", "contract"},
    "ingest": {"core", "fileio", "csv", "contract", "storage"},
    "indicators": {"core", "contract", "law", "resources", "yamlio"},
    "benefits": {"core", "contract", "law", "resources", "yamlio"},
    "budget": {"core", "fileio", "contract", "law", "resources", "yamlio"},
    "synth": {"core", "fileio", "csv", "contract", "law", "resources", "indicators", "benefits", "budget", "yamlio"},
    "report": {"core", "fileio", "contract", "indicators", "benefits", "budget"},
    "cli": None,  # top layer: may include everything
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_0-9]+)/')


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".") / "src"
    errors = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in {".h", ".cc"}:
            continue
        module = path.relative_to(root).parts[0]
        allowed = ALLOWED.get(module, set())
        if allowed is None:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1)
            if target != module and target not in allowed:
                errors.append(f"{path.relative_to(root.parent)}:{lineno}: module '{module}' "
                              f"may not include '{target}/' (layer rule)")
        if module not in ALLOWED:
            errors.append(f"{path}: module '{module}' is not in tools/check_layers.py")
    for error in errors:
        print(error)
    print(f"layer check: {len(errors)} violation(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
