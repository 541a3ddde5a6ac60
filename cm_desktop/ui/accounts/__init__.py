"""The Accounts page: connect Bluesky and Mastodon, see each account's state, reconnect or disconnect."""
