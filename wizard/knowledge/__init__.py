"""The knowledge layer: tree files on disk become a read-only Library.

Holds the tree model, YAML reading with its safety limits, the schema check, the loader,
reference checks, the catalogs (codes, Win32 values, HTTP.sys reasons) and the IIS versions.
It imports nothing from the layers above it.
"""
