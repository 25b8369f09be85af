"""dateline: dated news articles in, a verified record of who did what to whom, when and where out."""

__version__ = "0.1.0"
