#!/usr/bin/env python3
"""ctest (packaging.docs_examples): every YAML example in the docs is run
through `stillpoint check`, so no example drifts from what the engine accepts.

    check_docs_examples.py STILLPOINT WORK_DIR FILE.md...

A block is checked as a session: whole when it has a top-level `title:`;
a list of steps is placed in a section; top-level keys alone (`defaults:`,
`patterns:`, `sections:`, `grounding:`) get a title, and a section when they
have none. A block must pass, unless the line before its fence marks it:

    <!-- check: fails with "MESSAGE" -->   check must fail, printing MESSAGE
    <!-- check: not a session (WHAT) -->   not checked (a voice-pack manifest)
"""
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^( *)```ya?ml\n(.*?)^\1```", re.S | re.M)
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


def main():
    cli, work, docs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(work, exist_ok=True)
    problems, checked = [], 0
    for doc in docs:
        text = open(doc, encoding="utf-8").read()
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
    if checked < 10:
        problems.append(f"only {checked} examples found in {docs}: has the fence style changed?")
    for problem in problems:
        print(problem)
    print(f"{checked} examples checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
