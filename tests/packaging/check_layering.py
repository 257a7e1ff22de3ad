#!/usr/bin/env python3
"""The engine's layering, checked from its sources.

The engine is five libraries (engine/CMakeLists.txt), each made of parts: the
folders under engine/src named in its stillpoint_engine_part(...) call. A
part's private headers are included as "part/header.hpp" from the one source
root, so the compiler alone would let any part include any other. This check
holds each include to what the build declares:

  - a part includes only its own library's parts and the parts of the
    libraries it links (target_link_libraries, followed through);
  - the parts of one library include each other without a cycle;
  - the public headers (engine/include/stillpoint) include only public headers;
  - the products (capi/, cli/, plugins/, web/wasm) include no private header
    of the engine: they are built on its public headers alone.

usage: check_layering.py ROOT
Prints each breach as FILE:LINE: what is wrong; what would be right, and
exits 1 when there is any.
"""
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"([A-Za-z0-9_]+)/[^"]+"', re.M)
PART_CALL = re.compile(r"stillpoint_engine_part\((\w+)((?:\s+\w+)*)\s*\)")
LINK_CALL = re.compile(r"target_link_libraries\((\w+)([^)]*)\)", re.S)
SOURCES = (".cpp", ".hpp", ".h", ".c")
PRODUCTS = ("capi", "cli", "plugins", "web/wasm")


def declared(root):
    """part -> library, and library -> the engine libraries it links."""
    text = (root / "engine/CMakeLists.txt").read_text()
    library_of = {}
    for name, parts in PART_CALL.findall(text):
        for part in parts.split():
            library_of[part] = name
    libraries = set(library_of.values())
    links = {name: set() for name in libraries}
    for name, arguments in LINK_CALL.findall(text):
        if name in links:
            links[name] |= {word for word in arguments.split() if word in libraries}
    return library_of, links


def reachable(library, links):
    seen, todo = {library}, [library]
    while todo:
        for linked in links[todo.pop()]:
            if linked not in seen:
                seen.add(linked)
                todo.append(linked)
    return seen


def includes(path):
    text = path.read_text(errors="replace")
    for match in INCLUDE.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match.group(1)


def sources(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in SOURCES and p.is_file())


def find_cycle(graph):
    """One cycle in {node: {node: evidence}} as a list of nodes, or None."""
    state = {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, {})):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt, stack)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def main():
    root = Path(sys.argv[1]).resolve()
    library_of, links = declared(root)
    src = root / "engine/src"
    problems = []
    part_graph = {}  # library -> {part: {included part: "file:line"}}
    checked = 0

    for path in sources(src):
        relative = path.relative_to(root)
        part = path.relative_to(src).parts[0]
        if len(path.relative_to(src).parts) == 1:
            continue  # empty_part.cpp, no part's
        checked += 1
        library = library_of.get(part)
        if library is None:
            problems.append(f"{relative}:1: engine/src/{part} is in no library; name it in a "
                            "stillpoint_engine_part(...) call in engine/CMakeLists.txt")
            continue
        allowed = reachable(library, links)
        for line, included in includes(path):
            if included == "stillpoint" or included == part:
                continue
            owner = library_of.get(included)
            if owner is None:
                if (src / included).is_dir():
                    problems.append(f"{relative}:{line}: includes {included}/, a folder in no "
                                    "library; name it in engine/CMakeLists.txt")
                continue
            if owner not in allowed:
                problems.append(
                    f"{relative}:{line}: {part} ({library}) includes {included}/, which is "
                    f"{owner}'s, and {library} does not link {owner}; link it in "
                    "engine/CMakeLists.txt if the dependency is meant, or move the header down "
                    "into a part both reach")
            elif owner == library:
                part_graph.setdefault(library, {}).setdefault(part, {}).setdefault(
                    included, f"{relative}:{line}")

    for library, graph in sorted(part_graph.items()):
        cycle = find_cycle(graph)
        if cycle:
            steps = ", ".join(f"{a} -> {b} ({graph[a][b]})" for a, b in zip(cycle, cycle[1:]))
            problems.append(f"{graph[cycle[0]][cycle[1]]}: the parts of {library} include each "
                            f"other in a circle: {steps}; move what both need into one of them "
                            "or a part below both")

    public = root / "engine/include/stillpoint"
    for path in sources(public):
        checked += 1
        for line, included in includes(path):
            if included != "stillpoint":
                problems.append(f"{path.relative_to(root)}:{line}: a public header includes "
                                f"{included}/, a private header of the engine; public headers "
                                "include only stillpoint/ headers")

    for product in PRODUCTS:
        for path in sources(root / product):
            checked += 1
            for line, included in includes(path):
                if included in library_of:
                    problems.append(
                        f"{path.relative_to(root)}:{line}: the product in {product}/ includes "
                        f"{included}/, a private header of the engine; use the public headers "
                        "(engine/include/stillpoint), or make what it needs public there")

    for problem in problems:
        print(problem)
    print(f"layering: {checked} files, {len(library_of)} parts in {len(links)} libraries "
          f"checked; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
