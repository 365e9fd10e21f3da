#!/usr/bin/env python3
"""Rejects a function in src/ longer than 120 lines (issue 11: "small functions").

Scans src/**/*.{h,cc}, test files included (a test body over 120 lines is split like any other
function). A function's length is counted from the line of its opening brace to the line of its
closing brace, both included. Namespace, extern "C", class/struct/union/enum bodies are looked
through (their member functions are checked); lambdas and local classes count as part of the
function that encloses them. Comments, string, character and raw string literals and preprocessor
lines are blanked before braces are matched, so a brace inside them does not count.

Exemptions live in tools/function_length_allow.txt as `path:function # reason`; an entry that
exempts nothing any more is stale and fails, so the list only shrinks.

Run by CTest as `function_length_check`; `--selftest` (CTest `function_length_selftest`) proves
that a 121-line function is reported, a 120-line one accepted, and braces in strings, comments
and namespaces do not fool it.
"""
import pathlib
import re
import sys
import tempfile

MAX_LINES = 120
TEST_MACROS = {"TEST", "TEST_F", "TEST_P", "TYPED_TEST", "TYPED_TEST_P"}


def blank(text: str) -> str:
    """Replaces comments, literals and preprocessor lines by spaces, keeping every newline."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            # Preprocessor directive, with backslash continuations.
            j = i
            while j < n and not (text[j] == "\n" and text[j - 1] != "\\"):
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c == "\n":
            at_line_start = True
            out.append(c)
            i += 1
            continue
        if not c.isspace():
            at_line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^ ()\\\t\n]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = text.find(")" + raw.group(1) + '"', i + raw.end())
            j = n if end < 0 else end + len(raw.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
            continue
        if c == "'":
            # A digit separator (1'000'000) is not a character literal.
            k = i - 1
            while k >= 0 and (text[k].isalnum() or text[k] in "'._"):
                k -= 1
            if k + 1 < i and text[k + 1].isdigit():
                out.append(" ")
                i += 1
                continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(" " * (j - i))
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def strip_template_prefix(preamble: str) -> str:
    """Drops a leading `template <…>` (balanced angle brackets)."""
    s = preamble.lstrip()
    while s.startswith("template"):
        k = s.find("<")
        if k < 0:
            return s
        depth = 0
        for j in range(k, len(s)):
            if s[j] == "<":
                depth += 1
            elif s[j] == ">":
                depth -= 1
                if depth == 0:
                    s = s[j + 1:].lstrip()
                    break
        else:
            return s
    return s


def function_name(preamble: str) -> str:
    s = " ".join(strip_template_prefix(preamble).split())
    op = re.search(r"([\w:~]*operator\s*(?:\(\s*\)|[^\s(]+))\s*\(", s)
    if op:
        return op.group(1)
    m = re.search(r"([\w:~]+)\s*\(", s)
    if not m:
        return s[:60]
    name = m.group(1)
    if name in TEST_MACROS:
        close = s.find(")", m.end())
        return s[m.start():close + 1]
    return name


def top_level_paren_balanced(s: str) -> bool:
    return s.count("(") == s.count(")")


def classify(preamble: str) -> str:
    """What a `{` opens, given the text since the last `;`, `{` or `}` of its scope."""
    s = strip_template_prefix(preamble)
    flat = " ".join(s.split())
    if "(" in flat:
        if not top_level_paren_balanced(flat):
            return "other"  # a brace inside parentheses: an argument, not a body
        before_paren = flat[:flat.find("(")]
        if re.search(r"(?<![=!<>+\-*/%&|^])=(?!=)", before_paren) and "operator" not in before_paren:
            return "other"  # initializer of a variable: const auto k = Make({…})
        last_close = flat.rfind(")")
        tail = flat[last_close + 1:]
        if re.search(r"[\w>]\s*$", flat) and re.search(r"(?<!:):(?!:)", tail + flat[flat.find(")"):]) \
                and "->" not in tail \
                and not re.search(r"\b(const|noexcept|override|final|mutable|try)\s*$", flat):
            return "init"  # member initializer in braces: Foo() : a_{1} {
        return "function"
    if re.search(r"\bnamespace\b", flat) or re.fullmatch(r"extern\s*", flat):
        return "namespace"
    if re.search(r"\b(class|struct|union|enum)\b", flat):
        return "class"
    return "other"


def functions(text: str):
    """Yields (name, open_line, close_line) of every function body in the text."""
    code = blank(text)
    line = 1
    preamble = []
    # Stack entries: (kind, open_line, name, saved_preamble)
    stack = []
    for c in code:
        if c == "\n":
            line += 1
        inside_function = any(kind == "function" for kind, *_ in stack)
        inside_other = any(kind == "other" for kind, *_ in stack)
        if c == "{":
            if inside_function or inside_other:
                stack.append(("nested", line, "", ""))
                continue
            pre = "".join(preamble)
            kind = classify(pre)
            name = function_name(pre) if kind == "function" else ""
            stack.append((kind, line, name, pre))
            preamble = []
        elif c == "}":
            if not stack:
                preamble = []
                continue
            kind, open_line, name, saved = stack.pop()
            if kind == "function":
                yield name, open_line, line
            if kind == "init":
                preamble = list(saved + "{}")
            elif not inside_function or kind == "function":
                preamble = []
        elif c == ";":
            if not inside_function and not inside_other:
                preamble = []
        elif not inside_function and not inside_other:
            preamble.append(c)


def read_allow(path: pathlib.Path):
    entries = []
    if not path.exists():
        return entries
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        body, sep, reason = line.partition(" # ")
        file, colon, name = body.partition(":")
        if not sep or not colon or not name.strip() or not reason.strip():
            raise SystemExit(f"{path}:{lineno}: expected 'path:function # reason', got '{raw}'")
        entries.append((lineno, file.strip(), name.strip(), reason.strip()))
    return entries


def check(root: pathlib.Path, allow_path: pathlib.Path, quiet: bool = False) -> int:
    entries = read_allow(allow_path)
    used = set()
    errors = []
    count = 0
    for path in sorted((root / "src").rglob("*")):
        if path.suffix not in {".h", ".cc"} or not path.is_file():
            continue
        rel = str(path.relative_to(root))
        for name, open_line, close_line in functions(path.read_text(encoding="utf-8")):
            count += 1
            length = close_line - open_line + 1
            if length <= MAX_LINES:
                continue
            match = next((e for e in entries if e[1] == rel and e[2] == name), None)
            if match:
                used.add(match[0])
                continue
            errors.append(f"{rel}:{open_line}: function '{name}' is {length} lines long "
                          f"(at most {MAX_LINES}): split it into named steps")
    for lineno, file, name, reason in entries:
        if lineno not in used:
            errors.append(f"{allow_path.name}:{lineno}: stale entry '{file}:{name}' exempts no "
                          f"function over {MAX_LINES} lines any more: remove it")
    if not quiet:
        for error in errors:
            print(error)
        print(f"function length check: {count} functions, {len(entries)} allow-list entries, "
              f"{len(errors)} violation(s)")
    return 1 if errors else 0


def body(lines: int) -> str:
    """A function whose braces span exactly `lines` lines."""
    return "{\n" + "  x += 1;\n" * (lines - 2) + "}\n"


def selftest() -> int:
    tricky = ('void Tricky() {\n'
              '  const char* s = "}}}";  // }\n'
              '  char c = \'}\';\n'
              '  /* } */ auto r = R"x(})x";\n'
              '  int big = 1\'000;\n'
              '  auto f = [](int y) { return y; };\n'
              '}\n')
    cases = [
        ("120 lines accepted", "void F() " + body(120), 0),
        ("121 lines rejected", "void F() " + body(121), 1),
        ("121 lines in a namespace rejected", "namespace a {\nnamespace {\nvoid F() " + body(121)
         + "}\n}\n", 1),
        ("121-line member function rejected", "class C {\n public:\n  int G() const "
         + body(121) + "};\n", 1),
        ("121-line constructor with brace initializers rejected",
         "struct S {\n  S(int a) : a_{a}, b_(a) " + body(121) + "  int a_; int b_;\n};\n", 1),
        ("121-line TEST rejected", "TEST(A, B) " + body(121), 1),
        ("braces in strings, comments, raw strings and a lambda do not count",
         tricky + "void F() " + body(120), 0),
        ("a 200-line namespace and struct of short functions accepted",
         "namespace n {\nstruct T {\n" + "  int f() { return 1; }\n" * 200 + "};\n}\n", 0),
        ("a 200-line table initializer is not a function",
         "const int kT[] = {\n" + "  1,\n" * 200 + "};\n", 0),
    ]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src" / "x").mkdir(parents=True)
        allow = root / "allow.txt"
        for name, text, expected in cases:
            (root / "src" / "x" / "f.cc").write_text(text)
            got = check(root, allow, quiet=True)
            if got != expected:
                print(f"selftest: {name}: check returned {got}, expected {expected}")
                failures += 1
        (root / "src" / "x" / "f.cc").write_text(tricky)
        found = list(functions(tricky))
        if found != [("Tricky", 1, 7)]:
            print(f"selftest: braces in literals confused the parser: {found}")
            failures += 1
        (root / "src" / "x" / "f.cc").write_text("void F() " + body(121))
        allow.write_text("src/x/f.cc:F # fixture\n")
        if check(root, allow, quiet=True) != 0:
            print("selftest: an allow-listed function was rejected")
            failures += 1
        (root / "src" / "x" / "f.cc").write_text("void F() " + body(10))
        if check(root, allow, quiet=True) != 1:
            print("selftest: a stale allow-list entry was not reported")
            failures += 1
    print(f"function length selftest: {len(cases) + 3} cases, {failures} failure(s)")
    return 1 if failures else 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--selftest":
        return selftest()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    return check(root, root / "tools" / "function_length_allow.txt")


if __name__ == "__main__":
    sys.exit(main())
