#!/usr/bin/env python3
"""Every command and subcommand of amip: exit codes and one output each (issue 11 item 6).

Usage: cli_commands_test.py AMIP_BINARY SOURCE_DIR. Run by CTest as `cli_commands_test`.

The cases are data: tests/cli/cli_commands.json, one entry per command line with `exit`
(the one expected exit code) and `out` / `err` (a fragment stdout / stderr must contain),
optionally `out_lacks` (fragments stdout must not contain), `out_lines` (its line count) and
`creates` (an Excel workbook the command writes, --xlsx).
The setup is the one of cli_format_test (format_test.py): the profile kreis-unna-2025 at 1 %,
generated and imported once; placeholders {src} {tmp} {extract} {db} {profile} {person}
{bad_extract} (the extract with one impossible date) {bad_yaml} (a YAML syntax error)
{not_db} (a file that is no database) {gettsim} (an empty GETTSIM case tree).

Besides the cases, the runner checks:
- every command and subcommand that `amip --help` lists (recursively) has a case with exit 0
  (or its `good_exit`, with the reason in the data file),
  one with exit 2 (a bad option) and, where it reads data, one with exit 1 (`reads_data`);
- every output of `--format json` parses (strict JSON, no NaN);
- no stderr of any run carries an English status prefix (NOT_FOUND:, INVALID_ARGUMENT:, …)
  or an English `error:` / `warning:`, and every --help is free of CLI11's English words.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from format_test import reject_constant, small_profile  # noqa: E402  (shared setup)

ENGLISH = re.compile(r"\b(NOT_FOUND|INVALID_ARGUMENT|FAILED_PRECONDITION|DATA_LOSS|OUT_OF_RANGE|"
                     r"INTERNAL|ALREADY_EXISTS|UNIMPLEMENTED):|(^|[\s:])(error|warning):", re.M)
ENGLISH_HELP = re.compile(r"Usage:|Options:|Subcommands:|Positionals:|Print this help|"
                          r"Display program version|\bREQUIRED\b")


def run(amip, args):
    result = subprocess.run([amip, *args], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


def commands(amip, path=()):
    """All command paths below `path`, from the "Befehle:" block of --help."""
    _, out, _ = run(amip, [*path, "--help"])
    found = [path] if path else []
    block = out.split("\nBefehle:\n", 1)
    if len(block) == 2:
        for line in block[1].splitlines():
            match = re.match(r"^  (\S+)", line)
            if match:
                found += commands(amip, (*path, match.group(1)))
    return found


def prepare(amip, src, tmp, places):
    places["profile"] = small_profile(src, tmp)
    for setup in (["generate", "--profile", "{profile}", "--seed", "3", "--out", "{extract}"],
                  ["import", "{extract}", "--db", "{db}"]):
        code, _, err = run(amip, [a.format(**places) for a in setup])
        if code not in (0, 1):
            raise SystemExit(f"setup {' '.join(setup)} failed ({code}): {err}")
    with open(os.path.join(places["extract"], "persons.csv"), encoding="utf-8") as f:
        places["person"] = f.read().splitlines()[1].split(",")[0]
    shutil.copytree(places["extract"], places["bad_extract"])
    manifest = os.path.join(places["bad_extract"], "manifest.csv")
    if os.path.exists(manifest):  # without it the row check, not the hash, rejects the file
        os.remove(manifest)
    spells = os.path.join(places["bad_extract"], "measure_spells.csv")
    with open(spells, encoding="utf-8") as f:
        lines = f.read().splitlines()
    lines[1] = re.sub(r"\d{4}-\d{2}-\d{2}", "2023-03-32", lines[1], count=1)
    with open(spells, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(places["bad_yaml"], "w", encoding="utf-8") as f:
        f.write("a: [\n")
    with open(places["not_db"], "w", encoding="utf-8") as f:
        f.write("keine Datenbank\n")
    os.makedirs(places["gettsim"])


def main():
    amip, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "tests/cli/cli_commands.json"), encoding="utf-8") as f:
        data = json.load(f)
    failures = []
    with tempfile.TemporaryDirectory(prefix="amip_cli_") as tmp:
        places = {"src": src, "tmp": tmp, "extract": os.path.join(tmp, "extract"),
                  "db": os.path.join(tmp, "amip.sqlite"), "bad_extract": os.path.join(tmp, "bad"),
                  "bad_yaml": os.path.join(tmp, "bad.yaml"), "not_db": os.path.join(tmp, "not.sqlite"),
                  "gettsim": os.path.join(tmp, "gettsim")}
        prepare(amip, src, tmp, places)
        seen = {}
        for case in data["cases"]:
            args = [a.format(**places) for a in case["args"]]
            code, out, err = run(amip, args)
            problems = []
            for stream in ("out", "err"):  # only {tmp} here: fragments may hold JSON braces
                if stream in case:
                    case = {**case, stream: case[stream].replace("{tmp}", tmp)}
            if code != case["exit"]:
                problems.append(f"exit {code}, expected {case['exit']}: {err.strip()[:300]}")
            for stream, text in (("out", out), ("err", err)):
                if stream in case and case[stream] not in text:
                    problems.append(f"std{stream} lacks {case[stream]!r}: {text.strip()[:300]!r}")
            if "creates" in case:
                created = case["creates"].format(**places)
                if not os.path.isfile(created) or not zipfile.is_zipfile(created):
                    problems.append(f"{created}: no workbook (xlsx is a zip file)")
            for fragment in case.get("out_lacks", []):
                if fragment in out:
                    problems.append(f"stdout has {fragment!r}")
            if "out_lines" in case and len(out.splitlines()) != case["out_lines"]:
                problems.append(f"{len(out.splitlines())} stdout lines, expected {case['out_lines']}")
            if ENGLISH.search(err):
                problems.append(f"English status prefix on stderr: {ENGLISH.search(err).group(0)!r} in {err.strip()[:200]!r}")
            if "--help" in args and ENGLISH_HELP.search(out):
                problems.append(f"English in --help: {ENGLISH_HELP.search(out).group(0)!r}")
            if "json" in args and code in (0, 1, 4):
                try:
                    json.loads(out, parse_constant=reject_constant)
                except ValueError as error:
                    problems.append(f"--format json does not parse: {error}")
            seen.setdefault(case["command"], set()).add(code if code == case["exit"] else None)
            label = f"{case['command']}: amip {' '.join(args)}"
            if problems:
                failures.append(label)
                print(f"FAIL {label}")
                for problem in problems:
                    print(f"     {problem}")
            else:
                print(f"ok   {label} → {code}")
        reads_data = set(data["reads_data"])
        for path in commands(amip):
            name = " ".join(path)
            good = data["good_exit"].get(name, 0)
            wanted = {good, 2} | ({1} if name in reads_data else set())
            missing = wanted - seen.get(name, set())
            _, out, _ = run(amip, [*path, "--help"])
            if ENGLISH_HELP.search(out):
                failures.append(name)
                print(f"FAIL amip {name} --help: English {ENGLISH_HELP.search(out).group(0)!r}")
            if missing:
                failures.append(name)
                print(f"FAIL amip {name}: no passing case with exit {sorted(missing)}")
        print(f"{len(data['cases']) - len(failures)} of {len(data['cases'])} cases pass, "
              f"{len(commands(amip))} commands covered")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
