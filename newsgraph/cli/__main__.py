"""`python -m newsgraph.cli`: the command line without the installed `newsgraph` script."""
from . import main

main(prog_name="newsgraph")
