"""Running the pipeline over many inputs: worker processes, ingest into the store, and Spark batches."""
