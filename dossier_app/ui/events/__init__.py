"""Events (``services/events.py``, ``dossier event``): new, edit, duplicate, delete, and linking exhibits to one."""
