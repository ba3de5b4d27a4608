"""The extraction stages, in the order a record passes through them.

1. ``clean``   — scraped noise out of the raw text (a `RawArticle` in, a `CleanText` out)
2. ``parse``   — the spaCy English pipeline (tokens, sentences, dependencies, entities)
3. ``actors``  — who is named or meant, resolved to codes (an `ActorTable` on the `Doc`)
4. ``dates``   — every date expression resolved against the publication date
5. ``events``  — PLOVER events with their arguments, qualifiers, dates and evidence
6. ``quotes``  — direct, partial and indirect quotes with their speakers

Each stage has one entry point and takes its data (:mod:`newsgraph.resources`) as an argument;
stages 3-6 also run as spaCy components (:mod:`newsgraph.components`), which is how
``newsgraph.pipeline`` wires them after cleaning.
"""
