"""Meta-tests: every CLI command has help and is documented with a runnable example."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from newsgraph.cli import COMMANDS, main


def documentation(repo) -> str:
    parts = [(repo / "README.md").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((repo / "docs").glob("*.md"))]
    return "\n".join(parts)


def code_blocks(text: str) -> str:
    return "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.S))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_shown_in_a_code_example_in_the_docs(repo, name):
    examples = code_blocks(documentation(repo))
    assert re.search(rf"^\s*(\$ )?newsgraph {name}\b", examples, flags=re.M), (
        f"`newsgraph {name}` has no runnable example in README.md or docs/*.md"
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 3


def test_the_command_list_matches_the_registered_commands():
    result = CliRunner().invoke(main, ["--help"])
    listed = set(re.findall(r"^  (\w+)\s", result.output.split("Commands:")[1], flags=re.M))
    assert listed == set(COMMANDS)


def test_readme_starts_with_the_two_setup_commands(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    first_block = code_blocks(readme).splitlines()
    assert [ln.split("#")[0].strip() for ln in first_block[:2]] == ["make demo", "make test"]


@pytest.mark.slow
def test_the_build_summary_in_the_readme_matches_a_real_build_of_the_sample(repo, tmp_path):
    from newsgraph.pipeline import build

    report = build([str(repo / "examples")], tmp_path, write_html=False)
    line = report.summary().replace(str(report.graph_path), "output/graph.ttl")
    readme = (repo / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"^wrote output/graph\.ttl: .*$", readme, flags=re.M)
    assert shown and all(s == line for s in shown), f"README shows {shown}, a build prints {line!r}"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_every_command_is_named_in_the_docs(repo, name):
    import importlib

    import click

    text = documentation(repo)
    command = importlib.import_module(f"newsgraph.commands.{COMMANDS[name]}").command
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            spellings = [o for o in param.opts + param.secondary_opts]
            assert any(re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", text) for o in spellings), (
                f"`newsgraph {name} {spellings[0]}` is not mentioned in README.md or docs/*.md"
            )


def test_every_exit_code_is_in_the_readme_table(repo):
    from newsgraph import errors

    readme = (repo / "README.md").read_text(encoding="utf-8")
    codes = {getattr(errors, n) for n in errors.__all__ if n.startswith("EXIT_")}
    for code in codes:
        assert re.search(rf"^\| {code} \|", readme, flags=re.M), f"exit code {code} is not in README's table"
