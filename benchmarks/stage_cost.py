"""CPU time per article of each newsgraph stage after the parse, on one corpus, to see where ingest's time goes.

    PYTHONPATH=. .venv/bin/python benchmarks/stage_cost.py [--corpus DIR] [--limit N] [--every K] [--repeat N]

The articles (every K-th of the first N) are cleaned and parsed once; then the four stages run over the parsed
Docs `--repeat` times, each Doc's kept look-ups (``doc.user_data["newsgraph.*"]``) dropped before each run, so
every run does the whole work. Each stage's best run is kept, in CPU milliseconds per article (steadier than wall
time on a shared machine), and so is the cost of turning a record into store rows. The parse itself and the
start-up are left out: benchmarks/throughput.py times the whole command against bare spaCy.

To compare two checkouts, run it with each one first on PYTHONPATH, one right after the other, and alternate.
Never part of `make test`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsgraph.components import STAGES, stages_of
from newsgraph.pipeline import _joined, _sections, build_record, pipeline_for
from newsgraph.records import RawArticle
from newsgraph.resources import Resources
from newsgraph.store.write import rows_of

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "bbc-news-2225"
KEPT_PREFIX = "newsgraph."  # the look-ups a stage keeps on a Doc (stages/lookups.py): dropped before each run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300, help="The first N articles (sorted by path).")
    parser.add_argument("--every", type=int, default=2, help="Every K-th of them.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    resources = Resources.load()
    nlp = pipeline_for(resources)
    files = sorted(args.corpus.rglob("*.txt"))[:args.limit:args.every]
    raws = [RawArticle(text=f.read_text(errors="replace"), title=None, published="2005-01-01", origin=str(f))
            for f in files]
    sections = list(_sections(nlp, raws, resources, None))
    docs = list(_joined(nlp.pipe(sections, batch_size=16, disable=list(STAGES))))
    if not docs:
        sys.exit(f"stage_cost: no articles read from {args.corpus}")
    stages = stages_of(nlp)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        spent = dict.fromkeys([stage.name for stage in stages] + ["store rows"], 0.0)
        for doc in docs:
            for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(KEPT_PREFIX)]:
                del doc.user_data[key]
            for stage in stages:
                start = time.process_time()
                stage(doc)
                spent[stage.name] += time.process_time() - start
            raw, clean = doc.user_data["newsgraph_input"]
            start = time.process_time()
            rows_of(build_record(raw, clean, doc, version=resources.pipeline_version), raw)
            spent["store rows"] += time.process_time() - start
        best = {name: min(best.get(name, seconds), seconds) for name, seconds in spent.items()}
    print(f"{len(docs)} articles of {args.corpus}, best of {args.repeat} runs, CPU ms per article:")
    for name, seconds in best.items():
        print(f"  {name:18s} {1000 * seconds / len(docs):6.2f}")
    print(f"  {'all':18s} {1000 * sum(best.values()) / len(docs):6.2f}")


if __name__ == "__main__":
    main()
