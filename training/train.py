#!/usr/bin/env python3
"""Train one of the parser's small learned models on the DEV corpus.

usage: python3 training/train.py headline|headline_wrapped|dateline|body|body_context [CORPUS_DIR]   (needs numpy)

Train body, then body_context (it reads the body model's output), then
headline and dateline (they read the story's span). headline_wrapped also
reads pages lynx writes (`apt-get install lynx`).

For each DEV page, the Rust feature dump (crates/folio-core/examples/
model_features.rs) lists the model's candidates and their features, so the
features are computed by the same code the parser runs. A candidate is
right when it matches the ground truth as score.py compares it:
  headline  the line equals the headline (NFKC, case-folded, whitespace collapsed)
  dateline  the date's first 10 characters (YYYY-MM-DD) equal the date's
  body      (a line classifier, not a ranking) on scrapinghub pages a line
            is story when most of its 4-token shingles are in the gold body;
            on trafilatura pages when it holds a 'with' snippet, and not
            story when it holds a 'without' one (other lines are unlabelled)
The headline and dateline models are linear scorers trained with a softmax over each page's
candidates (listwise ranking), L2-regularised. Pages with no right candidate
are left out of training. Prints 5-fold cross-validated accuracy (pages
split by id, so no page is scored by a model that saw it), then writes
crates/folio-core/src/model/<model>.rs.
"""
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
L2 = 1e-3
FOLDS = 5


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().casefold()


RIGHT = {
    "headline": (lambda gt: norm(gt.get("headline", "")), lambda value, want: norm(value) == want),
    "headline_wrapped": (lambda gt: norm(gt.get("headline", "")), lambda value, want: norm(value) == want),
    "dateline": (lambda gt: (gt.get("date") or "")[:10], lambda value, want: value[:10] == want),
}


# Forms (corpus/../forms/) whose text the parser rejoins before reading:
# the headline_wrapped model is trained on them, and on the trafilatura
# set's saved pages as `lynx -dump` writes them (`lynx_dumps`): six times
# the sites, which a text browser's dump of a page no one fitted on needs
# (its own tool's dump, w3m's, shows it).
# (REJOINED_FORMS and FORMS_DIR in the environment choose others, to try
# a form made here, such as `fold -s -w 72` of the innerText dumps.)
REJOINED_FORMS = tuple(os.environ.get("REJOINED_FORMS", "lynx pandoc markdown").split())

# Where `lynx_dumps` writes, and how lynx is run.
LYNX_DUMPS = ROOT / "target" / "training-forms" / "lynx-trafilatura"
LYNX = ["lynx", "-dump", "-nolist", "-width=80", "-display_charset=utf-8"]


def lynx_dumps(corpus):
    """The trafilatura set's saved pages as `lynx -dump` writes them, made
    once (lynx from apt: `apt-get install lynx`)."""
    if not LYNX_DUMPS.is_dir():
        if not shutil.which("lynx"):
            sys.exit("headline_wrapped trains on lynx dumps: apt-get install lynx")
        made = LYNX_DUMPS.with_name(LYNX_DUMPS.name + ".part")
        shutil.rmtree(made, ignore_errors=True)
        made.mkdir(parents=True)
        with tempfile.TemporaryDirectory() as tmp:
            for page in sorted((corpus / "trafilatura").glob("*.html.gz")):
                html = Path(tmp) / page.name[:-3]
                html.write_bytes(gzip.decompress(page.read_bytes()))
                dump = subprocess.run([*LYNX, str(html)], capture_output=True, check=True).stdout
                (made / (page.name[:-8] + ".txt")).write_bytes(dump)
        made.rename(LYNX_DUMPS)
    return LYNX_DUMPS


def truth_of(corpus, stem):
    """The ground truth of DEV page `stem`, in whichever set holds it."""
    return next((found for found in (d / f"{stem}.json" for d in sorted(corpus.iterdir()) if d.is_dir())
                 if found.exists()), corpus / "scrapinghub" / f"{stem}.json")


def corpus_texts(corpus, model):
    """Each DEV text with the ground truth it is scored against: the text
    dumps, or for headline_wrapped the pages as other tools write them
    (forms/ and `lynx_dumps`), which share their page's ground truth."""
    if model != "headline_wrapped":
        return [(str(p), str(p)[:-4] + ".json") for p in sorted(corpus.rglob("*.txt"))]
    forms = Path(os.environ.get("FORMS_DIR", corpus.parent / "forms"))
    dirs = [forms / form for form in REJOINED_FORMS] + [lynx_dumps(corpus)]
    return [(str(p), str(truth_of(corpus, p.stem))) for d in dirs for p in sorted(d.glob("*.txt"))]


def fold_of(path):
    """The fold a page is scored in: by its id, so one page in several
    forms is never trained on in one and scored in another."""
    return zlib.crc32(Path(path).stem.encode()) % FOLDS


def dump_features(model, corpus):
    """The corpus's text files, and each one's candidate rows from the Rust dump."""
    texts = corpus_texts(corpus, model)
    txts = [t for t, _ in texts]
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "folio-core", "--example", "model_features", "--", model, *txts],
        cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"the feature dump failed:\n{run.stderr}")
    by_file = defaultdict(list)
    # serde_json leaves U+2028 unescaped, so split on newlines only.
    for row in run.stdout.split("\n"):
        if row:
            r = json.loads(row)
            by_file[r["file"]].append(r)
    return texts, by_file


def load(model, corpus):
    truth, right = RIGHT[model]
    texts, by_file = dump_features(model, corpus)
    pages = []
    datasets = []
    folds = []
    for txt, truth_file in texts:
        want = truth(json.loads(Path(truth_file).read_text("utf-8")))
        if not want:
            continue
        rows = by_file.get(txt, [])
        x = np.array([r["features"] for r in rows]) if rows else None
        labels = np.array([right(r["value"], want) for r in rows], dtype=float)
        pages.append((x, labels / labels.sum() if labels.sum() else None))
        datasets.append(Path(txt).parent.name)
        folds.append(fold_of(txt))
    return pages, datasets, folds


HIDDEN = int(os.environ.get("HIDDEN", 8))
MLP_EPOCHS = int(os.environ.get("MLP_EPOCHS", 600))
MLP_RATE = 0.01
MLP_L2 = float(os.environ.get("MLP_L2", 1e-2))


class Mlp:
    """score(f) = v . tanh(W f + b): one hidden layer, for the rankings."""

    def __init__(self, w, b, v):
        self.w, self.b, self.v = w, b, v

    def scores(self, x):
        return np.tanh(x @ self.w + self.b) @ self.v

    def flat(self):
        return np.concatenate([self.w.T.ravel(), self.b, self.v])


def train(pages, seed=7):
    """Softmax over each page's candidates, Adam on the whole set at once."""
    usable = [(x, y) for x, y in pages if y is not None]
    x = np.vstack([p[0] for p in usable])
    y = np.concatenate([p[1] for p in usable])
    starts = np.cumsum([0] + [len(p[0]) for p in usable])[:-1]
    page_of = np.repeat(np.arange(len(usable)), [len(p[0]) for p in usable])
    rng = np.random.default_rng(seed)
    dim = x.shape[1]
    params = [rng.normal(0, 0.3, (dim, HIDDEN)), np.zeros(HIDDEN), rng.normal(0, 0.3, HIDDEN)]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, MLP_EPOCHS + 1):
        w, b, v = params
        h = np.tanh(x @ w + b)
        s = h @ v
        top = np.maximum.reduceat(s, starts)[page_of]
        e = np.exp(s - top)
        p = e / np.add.reduceat(e, starts)[page_of]
        g = (p - y) / len(usable)
        dh = np.outer(g, v) * (1 - h * h)
        grads = [x.T @ dh + MLP_L2 * w, dh.sum(0), h.T @ g + MLP_L2 * v]
        for k in range(3):
            moments[k] = 0.9 * moments[k] + 0.1 * grads[k]
            squares[k] = 0.999 * squares[k] + 0.001 * grads[k] ** 2
            mh = moments[k] / (1 - 0.9 ** step)
            sh = squares[k] / (1 - 0.999 ** step)
            params[k] = params[k] - MLP_RATE * mh / (np.sqrt(sh) + 1e-8)
    return Mlp(*params)


def accuracy(model, pages):
    right = sum(1 for x, y in pages if y is not None and y[np.argmax(model.scores(x))] > 0)
    return right / len(pages)


TOKEN = re.compile(r"\w+")


def shingles(tokens, n=4):
    return {tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))}


def body_labels(rows, gt):
    """Per line: 1 story, 0 not, None unknown; and a weight (its size)."""
    out = []
    if gt.get("body"):
        gold_tokens = TOKEN.findall(gt["body"])
        gold = shingles(gold_tokens)
        gold_text = " " + " ".join(gold_tokens) + " "
        for r in rows:
            toks = TOKEN.findall(r["value"])
            if not toks:
                out.append((0.0, 1.0))
            elif len(toks) < 4:
                out.append((float(" " + " ".join(toks) + " " in gold_text), 1.0 + len(toks)))
            else:
                sh = shingles(toks)
                out.append((float(len(sh & gold) / len(sh) >= 0.5), 1.0 + min(len(toks), 100)))
        return out
    norm_ws = lambda s: re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip()
    with_ = [norm_ws(x) for x in gt.get("with", []) if x.strip()]
    without = [norm_ws(x) for x in gt.get("without", []) if x.strip()]
    for r in rows:
        line = norm_ws(r["value"])
        size = 1.0 + min(len(TOKEN.findall(line)), 100)
        hit = lambda snippets: any(s in line or (len(line) >= 30 and line in s) for s in snippets)
        if hit(with_):
            out.append((1.0, size))
        elif hit(without):
            out.append((0.0, size))
        else:
            out.append((None, size))
    return out


def load_body(corpus, model="body"):
    texts, by_file = dump_features(model, corpus)
    pages = []
    folds = []
    for txt, truth_file in texts:
        rows = by_file.get(txt, [])
        gt = json.loads(Path(truth_file).read_text("utf-8"))
        labelled = [(r["features"], y, w) for r, (y, w) in zip(rows, body_labels(rows, gt)) if y is not None]
        if labelled:
            x, y, w = zip(*labelled)
            # Each page weighs the same in total, whatever its length.
            w = np.array(w) / sum(w)
            pages.append((np.array(x), np.array(y), w))
            folds.append(fold_of(txt))
    return pages, folds


def train_classifier(pages):
    x = np.vstack([p[0] for p in pages])
    y = np.concatenate([p[1] for p in pages])
    w = np.concatenate([p[2] for p in pages])
    w = w / w.sum()
    theta = np.zeros(x.shape[1])
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(x @ theta)))
        theta -= 2.0 * (x.T @ (w * (p - y)) + L2 * theta)
    return theta


def classifier_accuracy(theta, pages):
    right = total = 0.0
    for x, y, w in pages:
        right += (((x @ theta) > 0) == (y > 0.5)) @ w
        total += w.sum()
    return right / total


def main_body(corpus, model):
    pages, folds = load_body(corpus, model)
    accs = [classifier_accuracy(train_classifier([p for p, f in zip(pages, folds) if f != k]),
                                [p for p, f in zip(pages, folds) if f == k]) for k in range(FOLDS)]
    print(f"{model}: {len(pages)} pages, cross-validated size-weighted line accuracy {np.mean(accs):.3f}")
    theta = train_classifier(pages)
    write_weights(model, theta)
    print(f"{model}: accuracy on all DEV pages {classifier_accuracy(theta, pages):.3f}")


def names_hash(names):
    """FNV-1a (64 bits) of the names, each followed by a newline: as
    `folio_core::dateline::names_hash` computes it."""
    h = 0xCBF29CE484222325
    for byte in "".join(n + "\n" for n in names).encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def feature_names(model):
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "folio-core", "--example", "model_features", "--", "--names", model],
        cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"the feature names could not be read:\n{run.stderr}")
    return json.loads(run.stdout)


def write_weights(model, w, hidden=None):
    """Writes the model's weights as data: a fixed-size array, the hidden
    layer's size, and the hash of the feature names it was trained on. The
    stage that uses them (`text/header.rs`, `text/dateline.rs`,
    `text/body.rs`) sizes the array by its feature count and checks the
    hash when the parser is built: a model that no longer fits its features
    does not build."""
    names = "HEADLINE" if model == "headline_wrapped" else ("CONTEXT" if model == "body_context" else model.upper())
    if hidden:
        shape = f"one hidden layer of {hidden}: W by rows, then b, then v"
        layer = f"/// Units in the hidden layer.\npub const HIDDEN: usize = {hidden};\n\n"
    else:
        shape = "one weight per feature"
        layer = ""
    values = ", ".join(f"{v:.4f}" for v in w)
    trained_on = names_hash(feature_names(model))
    (ROOT / f"crates/folio-core/src/model/{model}.rs").write_text(
        f"//! Weights of the {model} model over `{names}_FEATURE_NAMES`: {shape}.\n"
        f"//! Generated by `training/train.py {model}` from the DEV corpus; do not edit.\n\n"
        + layer +
        "/// The learned weights (numbers, not constants: one may happen to look like 2/π).\n"
        "#[allow(clippy::approx_constant)]\n"
        "#[rustfmt::skip]\n"
        f"pub const WEIGHTS: [f32; {len(w)}] = [{values}];\n\n"
        "/// The features they were trained on, by name and in order\n"
        "/// (`model::names_hash`): the stage that uses them checks its own.\n"
        f"pub const TRAINED_ON: u64 = 0x{trained_on:016x};\n")


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else ""
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT.parent / "shared" / "corpus" / "dev"
    if model in ("body", "body_context"):
        return main_body(corpus, model)
    if model not in RIGHT:
        sys.exit(__doc__)
    pages, datasets, folds = load(model, corpus)
    reachable = sum(1 for _, y in pages if y is not None) / len(pages)
    # Each page is scored by the model of the fold that did not see it.
    right = [False] * len(pages)
    for k in range(FOLDS):
        fold = train([p for p, f in zip(pages, folds) if f != k])
        for i, (x, y) in enumerate(pages):
            if folds[i] == k and y is not None:
                right[i] = bool(y[np.argmax(fold.scores(x))] > 0)
    print(f"{model}: {len(pages)} pages, right answer among candidates {reachable:.3f}, "
          f"cross-validated accuracy {np.mean(right):.3f}")
    for name in sorted(set(datasets)):
        part = [r for r, d in zip(right, datasets) if d == name]
        print(f"{model}:   {name}: cross-validated accuracy {np.mean(part):.3f} over {len(part)} pages")
    mlp = train(pages)
    write_weights(model, mlp.flat(), HIDDEN)
    print(f"{model}: accuracy on all DEV pages {accuracy(mlp, pages):.3f}")


if __name__ == "__main__":
    main()
