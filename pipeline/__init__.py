"""Incident coverage → validated, traceable tables of events, figures and quotes."""
__version__ = "0.1.0"
