"""rkt: build the Rencana Kinerja Tahunan of a Balai Kekarantinaan Kesehatan from section workbooks."""

__version__ = "0.1.0"
