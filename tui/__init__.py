"""Byline's user interfaces: the Textual reader (app, screens, widgets) and the `byline` CLI."""
