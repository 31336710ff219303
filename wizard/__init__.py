"""iisdoctor: guided troubleshooting for IIS status codes.

This package root imports nothing heavy, so `import wizard` stays cheap and Textual-free.
"""

__version__ = "0.1.0"
