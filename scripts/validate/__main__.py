"""`python -m scripts.validate PATH...`: see scripts/validate/__init__.py."""
from . import main

raise SystemExit(main())
