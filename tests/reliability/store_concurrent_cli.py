#!/usr/bin/env python3
"""Concurrent `amip import` and `amip info` processes on one database (issue 10 item 1).

Each round starts from no database and runs, all at once, four imports (extract A, B, A, B:
two versions of one Jobcenter, B has one claim less) and two processes that call `amip info`
until the imports are done. Checks: every import exits 0 (imports into one database wait for
each other, none is lost or refused); every info either finds no database yet (exit 1,
Datenbank nicht gefunden) or exactly one complete load of A or B; after the round the database holds A or B
completely and no lock or temporary file is left. Usage: store_concurrent_cli.py AMIP SOURCE_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading

ROUNDS = 8


def main() -> int:
    amip, src = os.path.realpath(sys.argv[1]), sys.argv[2]
    work = tempfile.mkdtemp(prefix="amip_store_cli_")
    try:
        a = os.path.join(src, "tests", "malformed", "_base")
        b = os.path.join(work, "b")
        shutil.copytree(a, b)
        with open(os.path.join(b, "claims.csv"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        with open(os.path.join(b, "claims.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:-1]) + "\n")
        claims = {5: "A", 4: "B"}
        db = os.path.join(work, "a.sqlite")
        failures = []
        reads = {"seen": 0, "absent": 0}

        def info():
            run = subprocess.run([amip, "info", "--db", db, "--format", "json"],
                                 capture_output=True, text=True, timeout=120)
            if run.returncode == 1 and "Datenbank nicht gefunden" in run.stderr:
                return None
            if run.returncode != 0:
                return "exit %d: %s" % (run.returncode, run.stderr.strip())
            doc = json.loads(run.stdout)
            loads = {row["key"]: row["value"] for row in doc["uebersicht"]}["loads"]
            rows = {row["table"]: row["rows"] for row in doc["tabellen"]}
            if loads != 1 or rows["claims"] not in claims or rows["persons"] != 4:
                return "loads %s, claims %s, persons %s" % (loads, rows["claims"], rows["persons"])
            return claims[rows["claims"]]

        for round_ in range(ROUNDS):
            if os.path.exists(db):
                os.remove(db)
            imports = [subprocess.Popen([amip, "import", src_dir, "--db", db, "--format", "csv"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        text=True)
                       for src_dir in (a, b, a, b)]
            done = threading.Event()

            def reader():
                while not done.is_set():
                    seen = info()
                    if seen is None:
                        reads["absent"] += 1
                    elif seen in ("A", "B"):
                        reads["seen"] += 1
                    else:
                        failures.append("round %d info: %s" % (round_, seen))
                        return

            readers = [threading.Thread(target=reader) for _ in range(2)]
            for thread in readers:
                thread.start()
            for process in imports:
                _, err = process.communicate(timeout=300)
                if process.returncode != 0:
                    failures.append("round %d import exit %d: %s" %
                                    (round_, process.returncode, err.strip()))
            done.set()
            for thread in readers:
                thread.join()
            final = info()
            if final not in ("A", "B"):
                failures.append("round %d after: %s" % (round_, final))
            left = sorted(os.listdir(work))
            if left != ["a.sqlite", "b"]:
                failures.append("round %d left files: %s" % (round_, left))
            if failures:
                break
        for failure in failures:
            print("FAIL:", failure)
        print("store concurrent cli: %d rounds x 4 imports + 2 info loops; %d reads of one "
              "complete load, %d before the database existed" %
              (ROUNDS, reads["seen"], reads["absent"]))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
