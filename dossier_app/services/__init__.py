"""The use cases that both faces — the ``dossier`` command and the window — call."""
