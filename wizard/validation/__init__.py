"""Checks on trees beyond their schema: reachability, versions, evidence and example walks."""
