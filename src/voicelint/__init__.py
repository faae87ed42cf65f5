"""voicelint: lint drafted social-media posts against a client's brand policy."""

__version__ = "0.1.0"
