"""``factcheck stories``: the stories of a corpus without running the rules.

Its own map step (only ``name`` and ``date`` claims, the story evidence) and one
clustering, apart from :mod:`factcheck.engine`'s scan: the command needs no rule,
finding, cache or baseline, and its workers hold only the config.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.claims.base import extract_all
from factcheck.config import Config
from factcheck.documents import SkippedFile, display_path, load_document
from factcheck.engine import story_features
from factcheck.files import find_documents
from factcheck.stories import STORY_KINDS, DocFeatures, Stories, cluster_stories
from factcheck.workers import run_files, worker_count

#: the config of a worker process of :func:`build_corpus_stories`
_CONFIG: dict[str, Config] = {}


def _story_file(path: Path, config: Config) -> tuple[DocFeatures | None, str | None]:
    """The map step of ``factcheck stories``: one file's story evidence, or the warning that skips it."""
    try:
        doc, warning = load_document(path, config.date_override(display_path(path)), config.max_size)
    except SkippedFile as exc:
        return None, str(exc)
    kinds = set(STORY_KINDS)
    return story_features(doc, extract_all(doc, kinds), kinds, config), warning


def _story_worker(path: Path) -> tuple[DocFeatures | None, str | None]:
    return _story_file(path, _CONFIG["config"])


def _story_worker_init(config: Config) -> None:
    _CONFIG["config"] = config


def build_corpus_stories(paths: Sequence[str | Path], config: Config | None = None) -> tuple[Stories, list[str]]:
    """The stories of the files under ``paths`` (``factcheck stories``), and warnings about skipped files.

    Only ``name`` and ``date`` claims are extracted, in worker processes for
    larger corpora as in :func:`scan`; the clustering runs once, here.
    """
    config = config or Config()
    found = find_documents(paths, config.exclude, config.follow_symlinks)
    files = found.files
    jobs = worker_count(config, len(files))
    if jobs > 1:
        results = run_files(files, jobs, _story_worker, _story_worker_init, (config,))
    else:
        results = [_story_file(p, config) for p in files]
    warnings = list(found.skipped) + [w for _f, w in results if w]
    return cluster_stories([f for f, _w in results if f is not None]), warnings
