"""dateline: dated news in, who did what to whom, when and where out."""
