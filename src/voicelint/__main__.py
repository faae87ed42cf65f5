"""Entry point for ``python -m voicelint``."""

from voicelint.cli import main

if __name__ == "__main__":
    main()
