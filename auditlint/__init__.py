"""auditlint: a consistency-audit linter for Chinese budget and final-account disclosures."""

__version__ = "0.1.0"

# The values of the options that take one of a few words, shared by the command line and the
# configuration file; here, so that `auditlint --version` need not import the configuration.
FAIL_ON = ("error", "warning", "note", "never")
MIN_LEVELS = ("error", "warning", "note")
LANGS = ("zh", "en")
PDF_ENGINES = ("pdfium", "pdfminer")
