from __future__ import annotations

from typing import Optional

import typer

from ._app import app, fail


@app.command()
def rules(
    rule_id: Optional[str] = typer.Argument(None, help="Show this rule in full."),
    list_: bool = typer.Option(False, "--list", help="One line per rule (the default)."),
) -> None:
    """List the relation rules in run order (id, scope, confidence, relations, an example), or
    show one rule's reason, kg:rule strings, examples and counter-examples."""
    from ..rules.listing import UnknownRuleError, describe, rule_table

    if list_ or rule_id is None:
        typer.echo(rule_table())
        return
    try:
        typer.echo(describe(rule_id))
    except UnknownRuleError as exc:
        fail(str(exc))
