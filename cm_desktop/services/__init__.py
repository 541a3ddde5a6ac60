"""Composition: where stored rows, keychain secrets and network connectors meet (accounts, publishing).

The CLI and the interface call these; core knows nothing of them.
"""
