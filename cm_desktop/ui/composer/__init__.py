"""The Compose page: write once, check every network, see the previews, schedule."""
