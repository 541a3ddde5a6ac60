"""The Messages page: the inbox of every connected account, answered from the app."""
