"""claimscope: take a piece of tech commentary apart and weigh it against sourced data."""

from claimscope import lazy

lazy.defer_rfc3987_syntax()  # before anything imports jsonschema: saves ~2.7 s per process

__version__ = "0.1.0"
