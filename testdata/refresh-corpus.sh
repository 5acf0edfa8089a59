#!/bin/sh
# refresh-corpus.sh copies the reference examples that have a body from the
# shared corpus into testdata/corpus/, with a manifest.json trimmed to exactly
# the files copied.
#
# A developer runs it by hand when the shared corpus changes, then commits the
# result. Tests and CI never run it, and never read the shared directory:
# they read testdata/corpus/ only.
#
# Usage (from anywhere in the repository):
#
#	sh testdata/refresh-corpus.sh [SHARED_CORPUS_DIR]
#
# SHARED_CORPUS_DIR defaults to ../shared/corpus relative to the repository
# root. It holds PAGE.METHOD.FORMAT-DIRECTION[-N].http files and a
# manifest.json listing them with "file" and "body_bytes" among other fields.
#
# A .http file is the start line, the header lines, a blank line, the body and
# one final newline that is not part of the body; "\n" ends every line. The
# script checks that each copied file matches its manifest entry (start line,
# headers, body length) and stops without touching testdata/corpus/ if one
# does not.
set -eu

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
src=${1:-"$root/../shared/corpus"}
dst="$root/testdata/corpus"

if [ ! -f "$src/manifest.json" ]; then
	echo "refresh-corpus: no manifest.json in $src" >&2
	exit 1
fi

python3 - "$src" "$dst" <<'EOF'
import json, os, shutil, sys, tempfile

src, dst = sys.argv[1], sys.argv[2]
with open(os.path.join(src, "manifest.json"), encoding="utf-8") as f:
    manifest = json.load(f)

kept = []
for e in manifest:
    name = e["file"]
    if "/" in name or not name.endswith(".http"):
        sys.exit(f"refresh-corpus: bad file name {name!r}")
    if not e["body_bytes"]:
        continue
    with open(os.path.join(src, name), "rb") as f:
        data = f.read()
    head, sep, body = data.partition(b"\n\n")
    if not sep or not body.endswith(b"\n"):
        sys.exit(f"refresh-corpus: {name}: not start line, headers, blank line, body")
    lines = head.decode("utf-8").split("\n")
    if lines[0] != e["start"] or lines[1:] != e["headers"]:
        sys.exit(f"refresh-corpus: {name}: start line or headers differ from the manifest")
    if len(body) - 1 != e["body_bytes"]:
        sys.exit(f"refresh-corpus: {name}: body is {len(body) - 1} bytes, manifest says {e['body_bytes']}")
    kept.append((e, data))

# Build the new directory beside the old one, then swap, so that a failure
# leaves testdata/corpus/ as it was.
parent = os.path.dirname(dst)
tmp = tempfile.mkdtemp(prefix=".corpus-", dir=parent)
os.chmod(tmp, 0o755)
try:
    for e, data in kept:
        with open(os.path.join(tmp, e["file"]), "wb") as f:
            f.write(data)
    with open(os.path.join(tmp, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump([e for e, _ in kept], f, indent=1, ensure_ascii=False)
        f.write("\n")
    if os.path.exists(dst):
        shutil.rmtree(dst)
    os.rename(tmp, dst)
except BaseException:
    shutil.rmtree(tmp, ignore_errors=True)
    raise

size = sum(len(d) for _, d in kept)
print(f"refresh-corpus: {len(kept)} of {len(manifest)} files ({size} bytes) into {dst}")
EOF
