"""auditlint: a consistency-audit linter for Chinese budget and final-account disclosures."""

__version__ = "0.1.0"
