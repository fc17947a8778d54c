#!/usr/bin/env bash
# Rebuild assets/fonts/NotoSansSC-subset.otf: Noto Sans CJK SC (OFL) cut down to
# GB2312 (levels 1 and 2) plus every character used in scenarios/ and src/.
# Needs Debian's fonts-noto-cjk and fonttools (pyftsubset). Run from the repo root.
set -euo pipefail
src=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
chars=$(mktemp)
python3 - "$chars" <<'PY'
import sys, pathlib
out = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for root in ["scenarios", "src", "tests"]:
    for p in pathlib.Path(root).rglob("*"):
        if p.suffix in (".ron", ".rs"):
            out.update(p.read_text(encoding="utf-8"))
out.update(chr(c) for c in range(0x20, 0x7F))
out.update("，。、；：？！“”‘’（）《》【】…—·　￥％～")
pathlib.Path(sys.argv[1]).write_text("".join(sorted(c for c in out if c.isprintable())), encoding="utf-8")
PY
# Face 2 of the collection is the Simplified Chinese (SC) face.
pyftsubset "$src" --font-number=2 --text-file="$chars" --layout-features='*' \
  --no-hinting --desubroutinize --output-file=assets/fonts/NotoSansSC-subset.otf
rm -f "$chars"
ls -l assets/fonts/NotoSansSC-subset.otf
