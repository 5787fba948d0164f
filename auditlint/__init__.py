"""auditlint: a consistency-audit linter for Chinese budget and final-account disclosures."""

__version__ = "0.2.0"
# The name this project is installed under (setup.cfg): `auditlint` on the public registry belongs
# to another project, so `pip install auditlint` would install a stranger's code.
DISTRIBUTION = "auditlint-budget"

# The values of the options that take one of a few words, shared by the command line and the
# configuration file; here, so that `auditlint --version` need not import the configuration.
FAIL_ON = ("error", "warning", "note", "never")
LANGS = ("zh", "en")
PDF_ENGINES = ("pdfium", "pdfminer")
