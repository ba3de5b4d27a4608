"""Where articles come from: files, directories, feeds, corpora and URLs, read into `RawArticle` records.

``readers`` holds the reader registry (one reader per format, chosen by extension or name);
``fetch`` gets URLs safely. Both yield a `RawArticle` or a `ReadFailure` per input.
"""
