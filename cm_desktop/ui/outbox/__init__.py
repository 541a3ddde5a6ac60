"""The outbox in the app: the worker, notifications, the Sending page, the assistant and the late question."""
