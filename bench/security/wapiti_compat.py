"""Runs Debian's wapiti 3.0.4 with one fix for Python 3.11+.

wapiti 3.0.4 builds its exclusion patterns (-x) as `... + r'\\Z(?ms)'`; Python 3.11 refuses inline
flags that are not at the start of a pattern, so any -x crashes the crawler. The patterns are
rebuilt here with the flags in front; everything else is wapiti's own code, unchanged.
"""
import re
import sys

import wapitiCore.net.crawler as crawler
from wapitiCore.main.wapiti import wapiti_main


def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if char == "*" else re.escape(char) for char in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

if __name__ == "__main__":
    sys.argv[0] = "wapiti"
    sys.exit(wapiti_main())
