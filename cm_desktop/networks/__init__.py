"""One module per network behind one Connector protocol; the only place httpx is used."""
