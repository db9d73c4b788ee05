"""Language data and small language helpers; imports nothing else of pressnlp."""
