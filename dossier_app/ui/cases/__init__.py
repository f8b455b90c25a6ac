"""Cases (``services/cases.py``, ``dossier case``): the list, its amounts, and new, edit, rename, delete, load, dump."""
