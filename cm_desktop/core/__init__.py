"""The domain, free of Qt and of HTTP: a test enforces both."""
