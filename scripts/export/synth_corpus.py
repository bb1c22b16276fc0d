#!/usr/bin/env python3
"""Write N text articles for measuring exports of a large store.

usage: synth_corpus.py CORPUS.jsonl OUTDIR N

Each article is a story of CORPUS.jsonl (../shared/corpus/voa-stories.jsonl) with a closing
line naming its copy, so that every file has its own content hash and is stored once.
"""
import json
import os
import sys


def main():
    src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(src, encoding="utf-8") as f:
        stories = [json.loads(line) for line in f if line.strip()]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        s = stories[i % len(stories)]
        body = f"{s['title']}\n\n{s['published'][:16]}\n\n{s['text']}\n\nCopy {i}.\n"
        with open(os.path.join(out, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(body)


if __name__ == "__main__":
    main()
