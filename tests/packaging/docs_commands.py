"""The `stillpoint` command as `stillpoint --help` describes it, and checks of
command lines written in the docs and the man page against it.

A command line is a line of a fenced block whose first word (after a `$ `
prompt and VAR=value settings) is `stillpoint` or a path ending in
`/stillpoint`; indented lines starting with `[` continue it. In a block with
`$ ` prompts only the prompted lines are commands (the rest is output). Its command must
be one --help lists and every option (`-o`, `--rate`) one that command's
entry in --help names.
"""
import re
import subprocess

COMMAND_LINE = re.compile(r"^(?:\$ )?(?:[A-Z_]+=\S* )*(?:\S*/)?stillpoint(?: (?P<rest>.*))?$")
OPTION = re.compile(r"(?:^|[\s\[|(`])(--?[a-z][a-z0-9-]*)")
GLOBAL_FLAGS = {"--help", "-h", "--version"}


class Help:
    """What `stillpoint --help` says: each command's entry, and the exit codes."""

    def __init__(self, cli):
        text = subprocess.run([cli, "--help"], capture_output=True, text=True, check=True).stdout
        commands = text.split("\ncommands:\n", 1)[1]
        commands = re.split(r"\n[a-z ]+:\n", commands, maxsplit=1)[0]
        # An entry starts with two spaces and a name; `voice-pack script` and
        # `voice-pack check` are entries of their own.
        self.entries = {}
        for entry in re.split(r"\n(?=  [a-z])", "\n" + commands):
            entry = entry.strip("\n")
            if not entry:
                continue
            words = entry.split()
            name = words[0].rstrip(",")
            if name == "voice-pack":
                name = "voice-pack " + words[1]
            self.entries[name] = entry
        codes = re.split(r"\nexit codes:\n", text, maxsplit=1)[1].split("\n\n", 1)[0]
        self.exit_codes = set(re.findall(r"(?:^|, )(\d+) ", " ".join(codes.split())))

    def commands(self):
        """Command names as a user types them (voice-pack's subcommands apart)."""
        return sorted(self.entries)

    def problem_with(self, line):
        """What is wrong with one command line (`stillpoint ...`), or None."""
        rest = re.sub(r"\s#\s.*$", "", line).split()
        if not rest:
            return None
        if rest[0] in GLOBAL_FLAGS:
            return None
        name = rest[0]
        if name == "voice-pack" and len(rest) > 1:
            name = "voice-pack " + rest[1]
        entry = self.entries.get(name)
        if entry is None:
            return (f"`stillpoint {name}` is no command of `stillpoint --help` "
                    f"(commands: {', '.join(self.commands())})")
        named = set(OPTION.findall(entry))
        unknown = [o for o in OPTION.findall(" ".join(rest[1:])) if o not in named]
        if unknown:
            return (f"`stillpoint {name}` takes no {', '.join(unknown)} in `stillpoint --help` "
                    f"(it names: {', '.join(sorted(named)) or 'no options'})")
        return None


def command_lines(block):
    """(offset in the block's lines, the text after `stillpoint`) for each command line."""
    lines = block.splitlines()
    # In a console block only the prompted lines are typed; the rest is output.
    prompted = any(line.startswith("$ ") for line in lines)
    found = []
    for index, line in enumerate(lines):
        if prompted and not line.startswith("$ "):
            continue
        match = COMMAND_LINE.match(line.strip())
        if not match:
            continue
        rest = match.group("rest") or ""
        following = index + 1
        while following < len(lines) and re.match(r"^\s+\[", lines[following]):
            rest += " " + lines[following].strip()
            following += 1
        found.append((index, rest))
    return found


def man_page_lines(page):
    """(line number, command line) for each command the man page shows: its
    COMMANDS entries' `.B` lines and its EXAMPLES."""
    plain = lambda text: re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-")
    lines = page.splitlines()
    found, section = [], None
    for number, line in enumerate(lines, 1):
        if line.startswith(".SH "):
            section = line[4:].strip()
        elif section == "COMMANDS" and line.startswith(".B ") and lines[number - 2] == ".TP":
            found.append((number, plain(line[3:])))
        elif section == "EXAMPLES" and line.startswith("stillpoint "):
            found.append((number, plain(line)[len("stillpoint "):]))
    return found
