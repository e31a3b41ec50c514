"""Reading: the five section workbooks -> raw cells with addresses -> the typed plan."""
