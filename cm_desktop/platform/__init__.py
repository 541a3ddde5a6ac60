"""What the operating system gives the app: the keychain, log files, data folders, bundled resources and the
job that publishes while the app is closed. No Qt here; no network protocol either."""
