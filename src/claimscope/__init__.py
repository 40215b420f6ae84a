"""claimscope: take a piece of tech commentary apart and weigh it against sourced data."""

__version__ = "0.1.0"
