#!/usr/bin/env python3
"""Every option value outside its domain is a German message and exit 2 (issue 10 item 3).

Usage: opts_test.py AMIP_BINARY SOURCE_DIR. Run by CTest as `reliability_opts_test`.

The cases are data: tests/reliability/opts_cases.json, one entry per command line with
`option` (the subcommand path and the option it tests, e.g. "kennzahlen --bdi-months" or
"budget control PLAN"), `args`, the expected `exit` code and `stderr` fragments that must all
appear. Entries with "boundary": true are in-domain values at the edge of a domain, which must
still work (their exit code is 0, or 1 where the case says why). Placeholders in arguments:
{src} (source tree), {tmp} (scratch directory), {db} (tests/malformed/_base imported),
{case} (a household case of 2014), {plan} (a budget plan of 2023 that fits {db}).

Checked for every case: the exit code; every fragment on stderr; never exit 3 or a signal
(an assertion is 134), never "internal error"/INTERNAL, and no English CLI11 message. And for
completeness: every option and positional argument of every subcommand (read from `--help`,
subcommands found recursively) has at least one case with exit 2.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ENGLISH = ["is required", "Could not convert", "not expected", "Run with --help", "not in range",
           "must be", "needs --", "unknown --format", "Value ", "expected a"]

PLAN_2023 = """jahr: 2023
eingliederungsbudget: {zuteilung: 100.00}
instrumente:
  - {instrument: mat, eintritte: 1, kosten_je_eintritt: 1200.00, dauer_monate: 3}
"""


def run(amip, args):
    result = subprocess.run([amip, *args], capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout, result.stderr


def help_options(amip, path):
    """Subcommand path -> set of its option names (and positionals), recursively."""
    code, out, _ = run(amip, [*path, "--help"])
    if code != 0:
        raise RuntimeError(f"amip {' '.join(path)} --help: exit {code}")
    found = {}
    section = None
    options = set()
    subcommands = []
    for line in out.splitlines():
        header = re.match(r"^(Positionals|Options|Subcommands):$", line)
        if header:
            section = header.group(1)
            continue
        entry = re.match(r"^  (?:-\w,)?(--[\w-]+|[A-Za-z][\w-]*)\b", line)
        if not entry or section is None:
            continue
        name = entry.group(1)
        if section == "Subcommands":
            subcommands.append(name)
        elif name not in ("--help", "--version"):
            options.add(name)
    if path:
        found[" ".join(path)] = options
    for sub in subcommands:
        found.update(help_options(amip, [*path, sub]))
    return found


def main():
    amip, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "tests/reliability/opts_cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    with tempfile.TemporaryDirectory(prefix="amip_opts_") as tmp:
        places = {"src": src, "tmp": tmp, "db": os.path.join(tmp, "x.sqlite"),
                  "case": os.path.join(src, "tests/law/sgb2/2014-01-01/single_no_income.yaml"),
                  "plan": os.path.join(tmp, "plan-2023.yaml")}
        with open(places["plan"], "w", encoding="utf-8") as f:
            f.write(PLAN_2023)
        code, _, err = run(amip, ["import", os.path.join(src, "tests/malformed/_base"), "--db", places["db"]])
        if code != 0:
            print(f"setup import failed ({code}): {err}")
            return 1
        failures = []
        covered = {}
        for number, case in enumerate(cases, 1):
            args = [a.format(**places) for a in case["args"]]
            code, _, err = run(amip, args)
            label = f"#{number} {case['option']}: amip {' '.join(args)}"
            problems = []
            if code != case["exit"]:
                problems.append(f"exit {code}, expected {case['exit']}")
            if code < 0 or code >= 3 and code != 4:
                problems.append(f"exit {code}: internal error or signal")
            for fragment in case.get("stderr", []):
                if fragment.format(**places) not in err:
                    problems.append(f"stderr lacks {fragment!r}")
            if "internal error" in err or "INTERNAL" in err:
                problems.append("internal error reported")
            if code == 2:
                for english in ENGLISH:
                    if english in err:
                        problems.append(f"English message ({english!r})")
            if code == 2 and not case.get("boundary"):
                covered.setdefault(case["option"], 0)
                covered[case["option"]] += 1
            if problems:
                failures.append(label)
                print(f"FAIL {label}")
                for problem in problems:
                    print(f"     {problem}")
                print(f"     stderr: {err.strip()[:400]}")
        # Completeness: every option of every subcommand has an out-of-domain case.
        missing = []
        for command, options in sorted(help_options(amip, []).items()):
            for option in sorted(options):
                if f"{command} {option}" not in covered:
                    missing.append(f"{command} {option}")
        for item in missing:
            print(f"FAIL no out-of-domain case for amip {item}")
        boundary = sum(1 for case in cases if case.get("boundary"))
        print(f"{len(cases) - len(failures)} of {len(cases)} cases pass ({len(cases) - boundary} out of domain, "
              f"{boundary} in-domain boundary values); {len(covered)} options covered, {len(missing)} without a case")
        return 1 if failures or missing else 0


if __name__ == "__main__":
    sys.exit(main())
