"""The typed plan of one office, and the figures derived from it (never typed by a planner)."""
