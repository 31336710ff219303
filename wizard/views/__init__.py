"""Plain-text views shared by the command line and the wizard: outlines, tables, questions."""
