"""The Results page: what worked, in plain words and pictures."""
