"""The window's preferences feature: a layout-only view and its controller."""
