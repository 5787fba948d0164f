"""`python -m auditlint` is the `auditlint` command."""
from auditlint.cli import command

command()
