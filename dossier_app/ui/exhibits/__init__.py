"""Exhibits (``services/exhibits.py``, ``dossier exhibit``): the list, its preview, edit, remove, link to events."""
