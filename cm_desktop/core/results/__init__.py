"""Results: what each published post and each account brought, read from the networks and kept as history,
and what it says about the person's own best times, kinds of posts and pictures."""
