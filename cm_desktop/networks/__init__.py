"""One module per network behind one Publisher protocol; the only place httpx is used."""
