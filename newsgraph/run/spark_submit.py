"""The `newsgraph` command line as a file `spark-submit` can run (see docs/spark.md)."""
from newsgraph.cli import main

if __name__ == "__main__":
    main(prog_name="newsgraph")
