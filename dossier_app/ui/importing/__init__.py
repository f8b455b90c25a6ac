"""Importing (``services/importing.py``, ``dossier import``): files planned, reviewed, then added."""
