#!/usr/bin/env python3
"""Scale stand-in while no `national` profile exists: writes K copies of one extract
(data contract v1) as K Jobcenters into one directory, renaming jc_id (JCxxxx -> JCxxxx_k),
AGS (first two digits -> k), person_id and bg_id (suffix _k). Dates and amounts are unchanged.

Usage: bench/kennzahlen_replicate.py SRC_DIR DST_DIR K
"""
import csv
import os
import sys

RENAME = {
    "jc_id": lambda v, k: f"{v}_{k}",
    "ags": lambda v, k: f"{k:02d}{v[2:]}",
    "municipality": lambda v, k: f"{k:02d}{v[2:]}",
    "person_id": lambda v, k: f"{v}_{k}",
    "bg_id": lambda v, k: f"{v}_{k}",
}


def main() -> int:
    src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".csv"):
            continue
        with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        with open(os.path.join(dst, name), "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(header)
            if name == "stichtage.csv":
                writer.writerows(body)
                continue
            columns = [(i, RENAME[c]) for i, c in enumerate(header) if c in RENAME]
            for k in range(copies):
                for row in body:
                    row = list(row)
                    for i, fn in columns:
                        if row[i]:
                            row[i] = fn(row[i], k)
                    if name == "jobcenters.csv":
                        row[header.index("name")] += f" ({k})"
                    writer.writerow(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
