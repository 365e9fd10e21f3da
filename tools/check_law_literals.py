#!/usr/bin/env python3
"""Rejects a new legal literal in code (ARCHITECTURE.md: "legal numbers only as dated data in law/").

Scans src/**/*.{h,cc} except test files (*_test.cc, *_test_util.h), src/law/ and src/core/ for
  - date literals: "YYYY-MM[-DD]" strings, Ymd(y, …) / Date::FromYmd(y, …) / Month::FromYm(y, …)
    with a literal year 19xx/20xx, and comparisons against a literal year (born <= 1957);
  - euro literals: Cents::FromCents(n) / Cents::FromEuro(n) / Cents{n} with a literal amount,
    and "123.45 €" / "123,45 €" amounts;
  - age literals: comparisons of an age/alter variable with a number (age < 25, alter >= 15),
    and names that carry a legal age (kTurn18, kAge25).
Comments (// …) are ignored; string literals are not.

Every hit must match an entry of tools/law_literals_allow.txt: `path:fragment # reason`, where
`fragment` is a substring of the (comment-free, stripped) source line, and the reason says why
the literal is not law; a reason "to move …" (law waiting to move into law/) fails. An entry
that matches no hit any more is stale and also fails, so the list only shrinks with the code.

Run by CTest as `law_literals_check`; `--selftest` (CTest `law_literals_selftest`) proves that a
new literal of each kind is reported.
"""
import pathlib
import re
import sys
import tempfile

YEAR = r"(?:19|20)\d\d"
PATTERNS = {
    "date": re.compile(
        r'"[^"\n]*\b' + YEAR + r'-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?\b'          # "2025-06", "2025-12-31"
        r'|\b(?:Ymd|FromYmd|FromYm|Date|Month)\s*[({]\s*' + YEAR + r'\s*,'  # Ymd(2023, 1, 1)
        r'|(?:<|<=|>|>=|==|!=)\s*' + YEAR + r'\b(?!\s*[-.,]\s*\d)'          # born <= 1957
        r'|\b' + YEAR + r'\s*(?:<|<=|>|>=)\s*[a-z_]'),                     # 2014 <= year
    "euro": re.compile(
        r'\b(?:FromCents|FromEuros?|Cents)\s*[({]\s*-?\d'
        r'|\b\d+[.,]\d\d\s*(?:€|EUR\b|Euro\b)'),
    "age": re.compile(
        r'\b[a-z_]*(?:age|alter|Age|Alter)[a-z_]*\s*(?:<|<=|>|>=|==|!=)\s*\d+\b'
        r'|\b\d+\s*(?:<|<=|>|>=)\s*[a-z_]*(?:age|alter)\b'
        r'|\bk(?:Turn|Age|Alter)\d+'),
}
SKIP_DIRS = {"law", "core"}


def strip_comment(line: str) -> str:
    """Drops a // comment that is not inside a string or char literal."""
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif line.startswith("//", i):
            return line[:i]
        i += 1
    return line


def hits(root: pathlib.Path):
    src = root / "src"
    for path in sorted(src.rglob("*")):
        if path.suffix not in {".h", ".cc"} or "_test" in path.stem:
            continue
        rel = path.relative_to(root)
        if rel.parts[1] in SKIP_DIRS:
            continue
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            # The code base uses // comments; /* … */ only inline (/*allow_negative=*/true).
            code = re.sub(r"/\*.*?\*/", "", strip_comment(raw)).strip()
            for kind, pattern in PATTERNS.items():
                if pattern.search(code):
                    yield str(rel), lineno, kind, code
                    break


def read_allow(path: pathlib.Path):
    entries = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        body, sep, reason = line.partition(" # ")
        file, colon, fragment = body.partition(":")
        if not sep or not colon or not fragment.strip() or not reason.strip():
            raise SystemExit(f"{path}:{lineno}: expected 'path:fragment # reason', got '{raw}'")
        entries.append((lineno, file.strip(), fragment.strip(), reason.strip()))
    return entries


def check(root: pathlib.Path, allow_path: pathlib.Path) -> int:
    entries = read_allow(allow_path)
    used = set()
    errors = []
    for file, lineno, kind, code in hits(root):
        match = next((e for e in entries if e[1] == file and e[2] in code), None)
        if match is None:
            errors.append(f"{file}:{lineno}: {kind} literal of law outside law/: '{code}' "
                          f"(move it into law/parameters/ and read it from the LawSnapshot, or "
                          f"add '{file}:FRAGMENT # reason' to {allow_path.name})")
        else:
            used.add(match[0])
    for lineno, file, fragment, reason in entries:
        if reason.lower().startswith("to move"):
            errors.append(f"{allow_path.name}:{lineno}: '{file}:{fragment}' is law parked in code "
                          f"('{reason}'): move it into law/ instead of allowing it")
        if lineno not in used:
            errors.append(f"{allow_path.name}:{lineno}: stale entry '{file}:{fragment}' matches no "
                          f"literal any more: remove it")
    for error in errors:
        print(error)
    print(f"law literal check: {len(entries)} allow-list entries, {len(errors)} violation(s)")
    return 1 if errors else 0


def selftest() -> int:
    """A new literal of each kind fails the check; the allowed ones and comments do not."""
    cases = {
        "date": "const auto d = Ymd(2027, 1, 1);",
        "date_string": 'const char* m = "2027-01";',
        "year_cmp": "if (born <= 1964) x = 1;",
        "euro": "const Cents c = Cents::FromCents(56300);",
        "euro_text": 'puts("563.00 €");',
        "age": "if (age >= 18) adult = true;",
        "alter": "if (p.alter < 25) u25 = true;",
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src" / "synth").mkdir(parents=True)
        (root / "src" / "law").mkdir(parents=True)
        (root / "src" / "law" / "ok.cc").write_text("auto d = Ymd(2023, 1, 1);\n")
        (root / "src" / "synth" / "ok_test.cc").write_text("if (age < 25) {}\n")
        allow = root / "allow.txt"
        allow.write_text("src/synth/base.cc:Ymd(2005 # fixture\n")
        base = "auto s = Ymd(2005, 1, 1);\n// until 2019-06 (comment only), age < 25\n"
        (root / "src" / "synth" / "base.cc").write_text(base)
        if check(root, allow) != 0:
            print("selftest: the clean fixture was rejected")
            failures += 1
        for name, line in cases.items():
            (root / "src" / "synth" / "base.cc").write_text(base + line + "\n")
            if check(root, allow) != 1:
                print(f"selftest: new {name} literal '{line}' was not reported")
                failures += 1
        allow.write_text("src/synth/base.cc:Ymd(2005 # to move: later\n")
        (root / "src" / "synth" / "base.cc").write_text(base)
        if check(root, allow) != 1:
            print("selftest: an entry with the reason 'to move' was accepted")
            failures += 1
        allow.write_text("src/synth/base.cc:Ymd(2005 # fixture\n")
        (root / "src" / "synth" / "base.cc").write_text("// nothing\n")
        if check(root, allow) != 1:
            print("selftest: a stale allow-list entry was not reported")
            failures += 1
    print(f"law literal selftest: {failures} failure(s)")
    return 1 if failures else 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--selftest":
        return selftest()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    return check(root, root / "tools" / "law_literals_allow.txt")


if __name__ == "__main__":
    sys.exit(main())
