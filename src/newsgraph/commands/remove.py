"""``newsgraph remove DOC... --store DIR``: take documents out of a store."""
from __future__ import annotations

import click

from ..graph.iris import DEFAULT_BASE


@click.command(name="remove")
@click.argument("documents", nargs=-1, required=True)
@click.option("--store", required=True, metavar="DIR|URL", help="The store to remove the documents from.")
@click.option("--root", default=None, metavar="DIR",
              help="Paths are relative to DIR, as they were for the build (default: the current folder).")
@click.option("--base", default=None, help=f"Base IRI of the store's IRIs (default: the store's own, or {DEFAULT_BASE}).")
@click.option("--quiet", "-q", is_flag=True, help="No summary.")
def command(documents: tuple[str, ...], store: str, root: str | None, base: str | None, quiet: bool) -> None:
    """Remove documents from a store, with everything only they supported.

    Each DOC is a path as it was built (relative to --root), a URL, a document
    key or a document IRI. Entities, roles and events other documents also
    state stay; labels derived from the removed documents are recomputed.
    Exits 1 when a DOC is not in the store (the others are still removed).
    """
    from ..errors import GraphError
    from ..store.manage import remove_documents

    removed, missing = remove_documents(store, documents, root=root, base=base)
    if not quiet:
        for key in removed:
            click.echo(f"removed {key}")
    if missing:
        raise GraphError(f"not in the store {store}: {', '.join(missing)} (list its documents with"
                         f" `newsgraph query {store} --named documents`)")
