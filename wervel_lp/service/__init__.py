"""``wervel-lp serve``: a CDS Hooks service, a JSON API and a case page over the Python API.

Needs the ``serve`` extra (``pip install 'wervel-lp[serve]'``); see docs/service.md.
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
