"""The first-run wizard (also opened again from Settings): `ui/wizard/wizard.FirstRunWizard`.

Nothing is imported here: Home uses `words` at start, and the wizard's pages wait until it opens.
"""
