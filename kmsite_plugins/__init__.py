"""kmsite: MkDocs plugins and tools that publish Thai public-sector KM plans."""

__version__ = "0.1.0"
