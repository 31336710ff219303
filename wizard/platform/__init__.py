"""The user's machine: its folders, remembered settings and the parsed-trees cache."""
