#!/usr/bin/env python3
"""Trunk post-build hook: give the built page a Content-Security-Policy.

Trunk's loader is an inline <script type="module">; the policy allows exactly
that script by its SHA-256 (it changes with every build, so it is computed
here), scripts from the page's own origin, and Wasm compilation
('wasm-unsafe-eval'). Nothing else runs: no other inline script, no eval,
no plugin, no remote code. Style attributes stay allowed (the reader's text
size and line length are set that way); styles sheets only from 'self'.
Runs with TRUNK_STAGING_DIR set to the folder about to become dist/.
"""
import base64
import hashlib
import os
import re
import sys
from pathlib import Path

page = Path(os.environ["TRUNK_STAGING_DIR"]) / "index.html"
html = page.read_text("utf-8")
scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
    for s in scripts if s.strip()
)
policy = "; ".join([
    "default-src 'self'",
    f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    # A story's pictures load from the sites that hold them, and only
    # when the reader asks (the page makes no image request before).
    "img-src 'self' data: https: http:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
])
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
if "Content-Security-Policy" in html:
    sys.exit("index.html already has a Content-Security-Policy")
charset = re.search(r"<meta charset=[^>]*>", html)
at = charset.end() if charset else html.index("<head>") + len("<head>")
html = html[:at] + "\n    " + meta + html[at:]
page.write_text(html, "utf-8")
print(f"csp-hook: policy set, {len(scripts)} inline script(s) hashed")

# Then the service worker, which lists the built files as they now are.
import subprocess
subprocess.run([sys.executable, str(Path(__file__).parent / "sw-hook.py")], check=True)
