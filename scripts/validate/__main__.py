"""`python -m scripts.validate PATH...`: see scripts/validate/cli.py."""
from .cli import main

raise SystemExit(main())
