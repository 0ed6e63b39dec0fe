"""``factcheck lsp``: the checks in an editor, while an article is being written.

A language server over stdio (pygls, the ``lsp`` extra).  It computes nothing
of its own: :mod:`factcheck.lsp.corpus` runs the engine's map and reduce steps
over the workspace's articles, with open buffers standing in for their files,
and :mod:`factcheck.lsp.convert` turns findings and claims into LSP shapes.
"""
