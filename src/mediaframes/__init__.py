"""mediaframes: how leaders' statements are reported in the news.

The pipeline flows one way (see README.md, "Design"):
``corpus`` (ingest) → ``segment`` → ``attribution`` → ``sentiment`` / ``framing`` → ``compare``
→ ``figures`` / ``report``; ``pipeline`` runs the notebooks, ``scale`` runs the per-article
analysis in a stream or on Dask.
"""

__version__ = "0.1.0"
