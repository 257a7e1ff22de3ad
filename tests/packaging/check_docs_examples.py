#!/usr/bin/env python3
"""ctest (packaging.docs_examples): every example in the docs is checked, so
none drifts from what Stillpoint does.

    check_docs_examples.py STILLPOINT WORK_DIR --header stillpoint.h --man stillpoint.1 FILE.md...

- every YAML example is run through `stillpoint check` (below);
- every `stillpoint ...` command line in a fenced block, and every command
  the man page shows, names a command of `stillpoint --help` and only options
  that command's entry there names (docs_commands.py);
- every relative link resolves, #anchors to a heading (docs_links.py);
- every C API name (sp_..., SP_...) is declared in stillpoint.h;
- cli.md shows every command and exactly the exit codes of --help, and the
  man page's EXIT STATUS every exit code.

A block is checked as a session: whole when it has a top-level `title:`;
a list of steps is placed in a section; top-level keys alone (`defaults:`,
`patterns:`, `sections:`, `grounding:`) get a title, and a section when they
have none. A block must pass, unless the line before its fence marks it:

    <!-- check: fails with "MESSAGE" -->   check must fail, printing MESSAGE
    <!-- check: not a session (WHAT) -->   not checked (a voice-pack manifest)
"""
import argparse
import os
import re
import subprocess
import sys

import docs_commands
import docs_links

FENCE = re.compile(r"^( *)```ya?ml\n(.*?)^\1```", re.S | re.M)
ANY_FENCE = re.compile(r"^( *)```[^\n]*\n(.*?)^\1```", re.S | re.M)
C_NAME = re.compile(r"\b(?:sp|SP)_\w*[A-Za-z0-9](?![\w*])")
MARK = re.compile(r"<!-- check: (fails with \"(?P<message>.*)\"|not a session \(.*\)) -->\s*$")
STEP_WRAP = "title: Example\nsections:\n  - name: Example\n    steps:\n"
SECTION = "sections:\n  - name: Example\n    steps:\n      - pause: 5s\n"


def as_session(block):
    if re.search(r"^title:", block, re.M):
        return block
    if block.lstrip().startswith("- "):
        return STEP_WRAP + "".join("      " + line + "\n" for line in block.splitlines())
    session = "title: Example\n" + block
    if not re.search(r"^sections:", block, re.M):
        session += SECTION
    return session


def yaml_problems(cli, work, doc, text):
    """Each YAML block of doc through `stillpoint check`; (problems, count)."""
    problems, checked = [], 0
    for index, fence in enumerate(FENCE.finditer(text)):
        line = text.count("\n", 0, fence.start()) + 1
        where = f"{os.path.relpath(doc)}:{line}"
        before = text[: fence.start()].rstrip("\n").splitlines()
        mark = MARK.search(before[-1]) if before else None
        if mark and mark.group("message") is None:
            continue
        indent = len(fence.group(1))
        block = "".join(l[indent:] + "\n" for l in fence.group(2).splitlines())
        path = os.path.join(work, f"{os.path.basename(doc)}-{index}.yaml")
        with open(path, "w", encoding="utf-8") as out:
            out.write(as_session(block))
        result = subprocess.run([cli, "check", path], capture_output=True, text=True)
        checked += 1
        said = (result.stdout + result.stderr).strip()
        if mark:
            if result.returncode != 1 or mark.group("message") not in said:
                problems.append(f"{where}: marked to fail with \"{mark.group('message')}\", "
                                f"but check exited {result.returncode}: {said}")
        elif result.returncode != 0:
            problems.append(f"{where}: the example fails `stillpoint check`: {said}; fix it, "
                            "or mark an example meant to fail with "
                            "<!-- check: fails with \"MESSAGE\" --> before its fence")
    return problems, checked


def command_problems(help, doc, text):
    """Each `stillpoint ...` line in a fenced block of doc against --help."""
    problems, checked = [], 0
    for fence in ANY_FENCE.finditer(text):
        first = text.count("\n", 0, fence.start()) + 2
        for offset, rest in docs_commands.command_lines(fence.group(2)):
            checked += 1
            problem = help.problem_with(rest)
            if problem:
                problems.append(f"{os.path.relpath(doc)}:{first + offset}: {problem}")
    return problems, checked


def c_name_problems(header, doc, text):
    declared = set(re.findall(r"\w+", open(header, encoding="utf-8").read()))
    problems = []
    for match in C_NAME.finditer(text):
        if match.group(0) not in declared:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{os.path.relpath(doc)}:{line}: {match.group(0)} is not declared in "
                            f"{os.path.relpath(header)}; name the C API as the header does")
    return problems


def cli_page_problems(help, doc, text):
    """cli.md shows every command of --help and exactly its exit codes."""
    problems = []
    shown = {name for _, rest in command_lines_of(text) for name in [command_name(rest)]}
    for name in help.commands():
        if name not in ("help", "version") and name not in shown:
            problems.append(f"{os.path.relpath(doc)}: `stillpoint {name}` is in --help but no "
                            "command line of this page shows it; add it under Commands")
    table = set(re.findall(r"^\| `(\d+)` \|", text, re.M))
    if table != help.exit_codes:
        problems.append(f"{os.path.relpath(doc)}: the exit code table lists {sorted(table, key=int)}, "
                        f"--help {sorted(help.exit_codes, key=int)}; make them the same")
    return problems


def command_lines_of(text):
    return [found for fence in ANY_FENCE.finditer(text)
            for found in docs_commands.command_lines(fence.group(2))]


def command_name(rest):
    words = rest.split()
    if not words:
        return ""
    return " ".join(words[:2]) if words[0] == "voice-pack" and len(words) > 1 else words[0]


def man_page_problems(help, page_path):
    page = open(page_path, encoding="utf-8").read()
    where = os.path.relpath(page_path)
    problems = []
    lines = docs_commands.man_page_lines(page)
    for number, rest in lines:
        problem = help.problem_with(rest)
        if problem:
            problems.append(f"{where}:{number}: {problem}")
    status = re.search(r"^\.SH EXIT STATUS\n(.*?)(?=^\.SH )", page, re.S | re.M)
    listed = set(re.findall(r"(?:^|[\s,])(\d+)\s", status.group(1))) if status else set()
    if listed != help.exit_codes:
        problems.append(f"{where}: EXIT STATUS lists {sorted(listed, key=int)}, --help "
                        f"{sorted(help.exit_codes, key=int)}; make them the same")
    return problems, len(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("work")
    parser.add_argument("--header", required=True)
    parser.add_argument("--man", required=True)
    parser.add_argument("docs", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    help = docs_commands.Help(args.cli)
    problems, examples, commands, links = [], 0, 0, 0
    for doc in args.docs:
        text = open(doc, encoding="utf-8").read()
        found, count = yaml_problems(args.cli, args.work, doc, text)
        problems += found
        examples += count
        found, count = command_problems(help, doc, text)
        problems += found
        commands += count
        problems += docs_links.problems(doc)
        links += len(docs_links.LINK.findall(docs_links.without_code(text)))
        problems += c_name_problems(args.header, doc, text)
        if os.path.basename(doc) == "cli.md":
            problems += cli_page_problems(help, doc, text)
    found, count = man_page_problems(help, args.man)
    problems += found
    if examples < 10 or commands < 30 or links < 50 or count < 15:
        problems.append(f"only {examples} YAML examples, {commands} command lines, {links} links "
                        f"and {count} man page commands found in {args.docs}: has the style changed?")
    if not any(os.path.basename(doc) == "cli.md" for doc in args.docs):
        problems.append("docs/cli.md was not given: the command's page is checked against --help")
    for problem in problems:
        print(problem)
    print(f"{examples} YAML examples, {commands} command lines, {links} links and {count} man page "
          f"commands checked; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
