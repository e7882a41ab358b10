"""`python -m scripts.validate PATH...`: see scripts/validate/cli.py."""
from .cli import exit_with, main

exit_with(lambda keep: main(keep=keep))
