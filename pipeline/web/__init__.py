"""`rkt serve`: one page per office for the planner and the section owners, over the same library as the CLI."""
