"""factcheck: fact-and-claim verification for news and other prose.

The public API is small and is what the CLI itself uses::

    import factcheck
    report = factcheck.scan(["articles/"])            # -> Report
    for f in report.findings:
        print(f.path, f.location.line, f.rule, f.message)

    config = factcheck.load_config()                  # [tool.factcheck] / factcheck.toml
    report = factcheck.scan(["articles/"], config.merged(select=["names"]))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Config", "FactcheckError", "Finding", "Report", "__version__", "load_config", "scan"]

if TYPE_CHECKING:
    from factcheck.config import Config, load_config
    from factcheck.engine import Report, scan
    from factcheck.errors import FactcheckError
    from factcheck.findings import Finding


def __getattr__(name: str) -> Any:
    # Lazy, so `factcheck --version` does not import the extractors.
    if name in ("scan", "Report"):
        from factcheck import engine
        return getattr(engine, name)
    if name in ("Config", "load_config"):
        from factcheck import config
        return getattr(config, name)
    if name == "FactcheckError":
        from factcheck.errors import FactcheckError
        return FactcheckError
    if name == "Finding":
        from factcheck.findings import Finding
        return Finding
    raise AttributeError(name)
