"""Reviewing editions: the snapshot a document carries, the semantic diff, the tracked-changes redline."""
