"""Records out of newsgraph: the Arrow/Parquet tables of a batch run and the store's export formats."""
