#!/usr/bin/env python3
"""Every `--format json` and `--format csv` of amip parses (issue 9 item 8).

Usage: format_test.py AMIP_BINARY SOURCE_DIR. Run by CTest as `cli_format_test`.

The cases are data: tests/cli/format_cases.json, one entry per command line (without
--format). Before the cases run, the runner makes a small synthetic Jobcenter: the profile
kreis-unna-2025 scaled to 1 % of its stock and measures from 2023 on (`amip generate
--format json`, whose calibration misses the unscaled targets, so exit 1 is expected),
imported with `amip import --format json`. Placeholders in arguments: {src} (source tree),
{tmp} (scratch directory), {extract}, {db}, {person} (first person of the extract).

For each case and format the command must exit with one of `exit` (default [0]);
JSON output must parse strictly (no NaN/Infinity, one document) and meet `expect`
(path = keys and indexes joined by "/", a segment "key=value" selects the first object of
a list with that value; checks: equals, type, min_length); CSV output must parse as RFC 4180
blocks (several tables are separated by one empty line), every row as wide as its header.
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile

TYPES = {"number": (int, float), "string": (str,), "null": (type(None),),
         "boolean": (bool,), "array": (list,), "object": (dict,)}


def reject_constant(name):
    raise ValueError(f"not JSON: {name}")


def resolve(doc, path):
    node = doc
    for segment in path.split("/") if path else []:
        if isinstance(node, list) and "=" in segment:
            key, value = segment.split("=", 1)
            matches = [item for item in node if isinstance(item, dict) and str(item.get(key)) == value]
            if not matches:
                raise KeyError(f"no element with {key}={value}")
            node = matches[0]
        elif isinstance(node, list):
            node = node[int(segment)]
        else:
            node = node[segment]
    return node


def check_json(text, expectations):
    errors = []
    try:
        doc = json.loads(text, parse_constant=reject_constant)
    except ValueError as error:
        return [f"invalid JSON: {error}"]
    for expect in expectations:
        path = expect["path"]
        try:
            value = resolve(doc, path)
        except (KeyError, IndexError, ValueError, TypeError) as error:
            errors.append(f"{path}: missing ({error})")
            continue
        if "type" in expect:
            wanted = TYPES[expect["type"]]
            ok = isinstance(value, wanted) and not (expect["type"] == "number" and isinstance(value, bool))
            if not ok:
                errors.append(f"{path}: expected {expect['type']}, got {json.dumps(value)[:80]}")
        wanted_value = expect.get("equals")
        if "equals" in expect and (value != wanted_value or
                                   isinstance(value, bool) != isinstance(wanted_value, bool)):
            errors.append(f"{path}: expected {json.dumps(expect['equals'])}, got {json.dumps(value)[:80]}")
        if "min_length" in expect and (not hasattr(value, "__len__") or len(value) < expect["min_length"]):
            errors.append(f"{path}: expected at least {expect['min_length']} elements")
    return errors


def check_csv(text):
    if not text.strip():
        return ["empty CSV"]
    errors = []
    header = None
    for number, row in enumerate(csv.reader(io.StringIO(text, newline=""), strict=True), 1):
        if not row:  # the empty line between two tables
            header = None
            continue
        if header is None:
            header = row
            if len(set(header)) != len(header):
                errors.append(f"row {number}: duplicate column names {header}")
        elif len(row) != len(header):
            errors.append(f"row {number}: {len(row)} fields, header has {len(header)}: {row[:4]}")
    return errors


def run(amip, args, fmt):
    result = subprocess.run([amip, *args, "--format", fmt], capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def small_profile(src, tmp):
    """kreis-unna-2025 at 1 % of its BG stock and measure entries, months 2023-01 … 2025-12."""
    with open(os.path.join(src, "data/profiles/kreis-unna-2025.yaml"), encoding="utf-8") as f:
        text = f.read()
    scale = lambda m: f"{m.group(1)}{max(1, round(int(m.group(2)) * 0.01))}"
    text = re.sub(r"^profile: .*$", "profile: cli-format-test", text, flags=re.M)
    text = re.sub(r"^first_month: .*$", "first_month: 2023-01", text, flags=re.M)
    text = re.sub(r"(\bbgs: )(\d+)", scale, text)
    text = re.sub(r"(\bdefault_entries: )(\d+)", scale, text)
    text = re.sub(r"(\bentries: \{)([^}]*)\}",
                  lambda m: m.group(1) + re.sub(r"(: )(\d+)", scale, m.group(2)) + "}", text)
    path = os.path.join(tmp, "cli-format-test.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def main():
    amip, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(src, "tests/cli/format_cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    with tempfile.TemporaryDirectory(prefix="amip_format_") as tmp:
        places = {"src": src, "tmp": tmp, "extract": os.path.join(tmp, "extract"),
                  "db": os.path.join(tmp, "amip.sqlite")}
        places["profile"] = small_profile(src, tmp)
        failures = []
        for setup in (["generate", "--profile", "{profile}", "--seed", "3", "--out", "{extract}"],
                      ["import", "{extract}", "--db", "{db}"]):
            code, _, err = run(amip, [a.format(**places) for a in setup], "table")
            if code not in (0, 1):
                print(f"setup {' '.join(setup)} failed ({code}): {err}")
                return 1
        with open(os.path.join(places["extract"], "persons.csv"), encoding="utf-8") as f:
            places["person"] = f.read().splitlines()[1].split(",")[0]
        tested = 0
        for case in cases:
            args = [a.format(**places) for a in case["args"]]
            for fmt in ("json", "csv"):
                code, out, err = run(amip, args, fmt)
                label = f"{case['name']} --format {fmt}"
                problems = []
                if code not in case.get("exit", [0]):
                    problems.append(f"exit {code}: {err.strip()[:300]}")
                problems += check_json(out, case.get("expect", [])) if fmt == "json" else check_csv(out)
                tested += 1
                if problems:
                    failures.append(label)
                    print(f"FAIL {label}: amip {' '.join(args)}")
                    for problem in problems[:8]:
                        print(f"     {problem}")
                else:
                    print(f"ok   {label}")
        print(f"{tested - len(failures)} of {tested} outputs parse and meet their expectations")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
