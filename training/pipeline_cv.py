#!/usr/bin/env python3
"""The whole parser's cross-validated score for one learned model.

usage: python3 training/pipeline_cv.py headline|headline_wrapped|dateline [CORPUS_DIR]   (needs numpy)

train.py's cross-validated accuracy is the model's alone: the candidate it
ranks first. The parser also has rules around its models (a post that
states its publication, a signed dateline under the headline, a kicker
glued to its headline), so the figure a reader sees differs. Here, for
each of the 5 folds, the model is trained without the fold's pages, the
CLI is built with those weights and parses the fold's text dumps; the
outputs of all folds are then scored by score.py, each set (for
headline_wrapped, each form it trains on) against its own ground truth,
so no page is parsed by a model that saw it. The model trained on every
page is written back at the end (as train.py writes it).
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import train


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else ""
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else train.ROOT.parent / "shared" / "corpus" / "dev"
    if model not in ("headline", "headline_wrapped", "dateline"):
        sys.exit(__doc__)
    pages, _, folds = train.load(model, corpus)
    texts = [Path(t) for t, _ in train.corpus_texts(corpus, model)]
    # The files of each form (for text dumps, of each set) and the set
    # whose ground truth scores them.
    forms = {t.parent.name: train.truth_of(corpus, t.stem).parent for t in texts}
    target = Path(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"],
        cwd=train.ROOT, capture_output=True, text=True, check=True).stdout.split('"target_directory":"')[1].split('"')[0])
    out = Path(tempfile.mkdtemp(prefix=f"folio-cv-{model}-"))
    try:
        for k in range(train.FOLDS):
            fold = train.train([p for p, f in zip(pages, folds) if f != k])
            train.write_weights(model, fold.flat(), train.HIDDEN)
            subprocess.run(["cargo", "build", "--quiet", "--release", "-p", "folio-cli"],
                           cwd=train.ROOT, check=True)
            for form in forms:
                scored = [str(t) for t in texts if t.parent.name == form and train.fold_of(t) == k]
                (out / form).mkdir(exist_ok=True)
                for i in range(0, len(scored), 200):
                    subprocess.run([str(target / "release" / "folio"), "parse", "--out", str(out / form),
                                    *scored[i:i + 200]], check=True, capture_output=True)
        print(f"{model}: the parser, each fold parsed by the model trained without it:")
        for form, scope in sorted(forms.items()):
            score = subprocess.run(["python3", str(corpus.parent / "score.py"), str(out / form), str(scope)],
                                   capture_output=True, text=True, check=True)
            print("\n".join(f"{form} {line}" for line in score.stdout.splitlines() if line.startswith("[")))
    finally:
        train.write_weights(model, train.train(pages).flat(), train.HIDDEN)
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
