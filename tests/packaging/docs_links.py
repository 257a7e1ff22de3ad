"""Relative links between the docs: each file must exist, and each #anchor
must be a heading of the page it points to (GitHub's heading slugs).
Links inside code (fenced blocks, `spans`) are not links."""
import os
import re

FENCED = re.compile(r"^( *)(```|~~~).*?^\1\2", re.S | re.M)
SPAN = re.compile(r"(`+).+?\1", re.S)
LINK = re.compile(r"(?<!\!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def without_code(text):
    """The text with code blanked out, keeping every line in its place."""
    blank = lambda match: re.sub(r"[^\n]", " ", match.group(0))
    return SPAN.sub(blank, FENCED.sub(blank, text))


def slug(heading):
    """GitHub's anchor for a heading: lower case, links reduced to their text,
    punctuation dropped (not - or _), spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        text = FENCED.sub("", open(path, encoding="utf-8").read())
        seen, found = {}, set()
        for heading in HEADING.findall(text):
            base = slug(heading)
            count = seen.get(base, 0)
            found.add(base if count == 0 else f"{base}-{count}")
            seen[base] = count + 1
        cache[path] = found
    return cache[path]


def problems(doc):
    """`doc:line: ...` for each relative link in doc that leads nowhere."""
    text = without_code(open(doc, encoding="utf-8").read())
    found = []
    for match in list(LINK.finditer(text)) + list(IMAGE.finditer(text)):
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        line = text.count("\n", 0, match.start()) + 1
        where = f"{os.path.relpath(doc)}:{line}"
        path, _, anchor = target.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(doc), path)) if path else doc
        if not os.path.exists(resolved):
            found.append(f"{where}: the link to '{target}' leads nowhere: "
                         f"{os.path.relpath(resolved)} does not exist; link to a file that does")
        elif anchor and resolved.endswith(".md") and anchor not in anchors(resolved):
            known = ", ".join(sorted(anchors(resolved)))
            found.append(f"{where}: the link to '{target}' names no heading of "
                         f"{os.path.relpath(resolved)}; its anchors are: {known}")
    return found
