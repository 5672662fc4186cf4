"""Draws a flame graph as a self-contained SVG from stacks in the folded format that
bench/jfr_summary.py writes (one "root;...;leaf count" line per distinct stack).

Usage: python3 bench/flamegraph.py claim.folded "title" > claim.svg

Each box is a method; its width is the share of samples in which it was on the stack, and the
boxes above it are what it called. The widest towers are where the CPU went. Hovering over a box
(or reading its <title>) gives the method, its samples and its share. No script: it opens in any
browser or image viewer. Colours by layer: Crux's own code green, Hibernate orange, Qute purple,
the PostgreSQL driver blue, HTTP (Vert.x, Netty, RESTEasy) grey-blue, CDI and security grey,
the JDK and the rest sand.
"""
import html
import sys

WIDTH, ROW, FONT, MIN_WIDTH = 1200, 15, 10, 0.6
COLOURS = [  # (prefix of the frame, fill)
    ("app.crux.", "#7fbf6a"),
    ("org.hibernate.", "#f0a35e"),
    ("io.quarkus.qute.", "#b39ddb"),
    ("org.postgresql.", "#6fa8dc"),
    (("io.vertx.", "io.netty.", "org.jboss.resteasy."), "#9fb4c7"),
    (("io.agroal.", "com.arjuna.", "io.quarkus.narayana"), "#c5b358"),
    ("com.fasterxml.jackson.", "#e6c17a"),
    (("io.quarkus.arc.", "io.quarkus.security.", "io.quarkus.vertx.http.runtime.security"), "#c9c9c9"),
]


class Node:
    def __init__(self, name):
        self.name, self.value, self.children = name, 0, {}


def read(path):
    root = Node("all")
    for line in open(path, encoding="utf-8"):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        node = root
        node.value += int(count)
        for frame in stack.split(";"):
            node = node.children.setdefault(frame, Node(frame))
            node.value += int(count)
    return root


def colour(name):
    for prefix, fill in COLOURS:
        if name.startswith(prefix):
            return fill
    # everything else (the JDK, other libraries): a sand shade that varies a little by name
    shade = sum(map(ord, name)) % 40
    return f"rgb(232,{196 + shade // 2},{140 + shade})"


def boxes(node, x, depth, scale, total, out):
    width = node.value * scale
    if width < MIN_WIDTH:
        return depth
    deepest = depth
    if depth >= 0:
        out.append((x, depth, width, node))
    child_x = x
    for child in sorted(node.children.values(), key=lambda n: n.name):
        deepest = max(deepest, boxes(child, child_x, depth + 1, scale, total, out))
        child_x += child.value * scale
    return deepest


def svg(root, title):
    total = max(root.value, 1)
    out = []
    deepest = boxes(root, 0, -1, WIDTH / total, total, out)
    height = (deepest + 1) * ROW + 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'viewBox="0 0 {WIDTH} {height}" font-family="monospace" font-size="{FONT}">',
             f'<rect width="100%" height="100%" fill="#fdfdf8"/>',
             f'<text x="{WIDTH / 2}" y="20" text-anchor="middle" font-size="15">{html.escape(title)}</text>',
             f'<text x="{WIDTH / 2}" y="38" text-anchor="middle">{total} samples; width = share of samples '
             f'with the method on the stack; hover for details</text>']
    for x, depth, width, node in out:
        y = height - (depth + 1) * ROW - 4
        label = node.name.split("(")[0]
        short = label.rsplit(".", 2)
        shown = ".".join(short[-2:]) if len(short) > 2 else label
        chars = int((width - 4) / (FONT * 0.6))
        text = shown if len(shown) <= chars else (shown[:chars - 2] + ".." if chars > 3 else "")
        share = 100.0 * node.value / total
        parts.append(f'<g><title>{html.escape(label)} ({node.value} samples, {share:.1f}%)</title>'
                     f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 1}" fill="{colour(node.name)}" rx="2"/>'
                     + (f'<text x="{x + 2:.1f}" y="{y + ROW - 5}">{html.escape(text)}</text>' if text else "") + '</g>')
    parts.append("</svg>")
    return "\n".join(parts)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(svg(read(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]))
