"""The pure domain: cases, events, exhibits, money, dates, claims and checks.

Nothing here knows about Qt, SQL or files on disk.
"""
