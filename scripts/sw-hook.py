#!/usr/bin/env python3
"""Trunk post-build step (run by csp-hook.py, after the policy is set):
write the service worker, sw.js, that keeps Folio working offline.

It lists every built file (names carry Trunk's content hashes) and is named
by a hash of them all, so a new build is a new sw.js: the browser installs
it beside the running one, and the page offers to reload into it. Paths are
relative to the worker's own address, so any sub-path of a static host works.
"""
import hashlib
import json
import os
from pathlib import Path

staging = Path(os.environ["TRUNK_STAGING_DIR"])
files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name != "sw.js"
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update((staging / name).read_bytes())
version = "folio-" + digest.hexdigest()[:16]
template = (Path(__file__).parent / "sw.template.js").read_text("utf-8")
worker = template.replace("__VERSION__", json.dumps(version)).replace(
    "__FILES__", json.dumps(["./"] + files)
)
(staging / "sw.js").write_text(worker, "utf-8")
print(f"sw-hook: {version}, {len(files)} files kept for offline use")
