#!/usr/bin/env python3
"""Read a `tidings export --format csv` file with pandas and the dtypes docs/export.md gives.

usage: check_pandas.py FILE.csv [EXPECTED_ROWS]

Exits 0 when the file reads with those dtypes, its columns are the documented ones in order,
ids are unique, offsets are ordered, every day parses and the rows of one event group agree
on its mentions (with EXPECTED_ROWS, a whole export: a group has as many rows as mentions);
prints what is wrong otherwise.
"""
import sys

import pandas as pd

COLUMNS = [
    "id", "day", "date", "date_text",
    "source_name", "source_country", "source_sector",
    "target_name", "target_country", "target_sector",
    "type", "mode", "score", "certainty", "attributed_to", "trigger",
    "article_id", "article_url", "article_title", "published",
    "sentence", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "group_id", "mentions", "reports",
]
INTS = ["sentence_start", "sentence_end", "trigger_start", "trigger_end", "mentions", "reports"]
DTYPES = {c: "string" for c in COLUMNS if c not in INTS + ["score", "day"]}
DTYPES.update({c: "int64" for c in INTS})
DTYPES["score"] = "float64"


def main():
    path = sys.argv[1]
    df = pd.read_csv(path, dtype=DTYPES, parse_dates=["day"], keep_default_na=False,
                     na_values={"day": [""]})
    problems = []
    if list(df.columns) != COLUMNS:
        problems.append(f"columns {list(df.columns)}")
    if str(df["day"].dtype) not in ("datetime64[ns]", "datetime64[s]", "datetime64[us]"):
        problems.append(f"day has dtype {df['day'].dtype}")
    if not df["id"].is_unique:
        problems.append("ids repeat")
    if (df["sentence_start"] > df["trigger_start"]).any() or (df["trigger_end"] > df["sentence_end"]).any():
        problems.append("a trigger lies outside its sentence")
    if not df["score"].between(-10, 10).all():
        problems.append("a score outside -10..10")
    if (df["mentions"] < 1).any():
        problems.append("an event group with no mentions")
    if (df["reports"] < 1).any():
        problems.append("an event reported by no sentence")
    grouped = df[df["group_id"] != ""].groupby("group_id")["mentions"].agg(["min", "max", "size"])
    if (grouped["min"] != grouped["max"]).any():
        problems.append("rows of one group disagree on its mentions")
    if len(sys.argv) > 2 and (grouped["size"] != grouped["max"]).any():
        problems.append("a whole export where a group's rows are not its mentions")
    if len(sys.argv) > 2 and len(df) != int(sys.argv[2]):
        problems.append(f"{len(df)} rows, want {sys.argv[2]}")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"{len(df)} rows, {len(df.columns)} columns, dtypes as documented")


if __name__ == "__main__":
    main()
