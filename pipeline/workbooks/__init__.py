"""Writing workbooks: blank ones for a new office, next year's from this year's, marked copies of inputs."""
