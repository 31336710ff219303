"""The walk engine: reading a typed code, finding it in the catalog, and walking its tree."""
