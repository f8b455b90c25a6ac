"""The timeline (``services/timeline.py``): the case's events read, filtered, sorted and shown with the band."""
