"""What HR@10 is within reach on groceries.csv under `xsell eval`'s protocol.

Two checks on the reference figures in shared/data/README.md (popularity
0.405, asymmetric cosine 0.430, "from one split"):

1. Popularity's HR@10 without any split: every basket with 2+ items, every
   item of it hidden in turn (each equally likely), ranked against
   popularity over all baskets. This is what a random split scores on
   average; the reference split's popularity is compared with it.
2. Stronger models than the baselines, over SPLITS random splits of the
   same protocol (80/20 baskets, one random item hidden, 10 items not in
   the rest of the basket, filled up with best sellers): asymmetric cosine
   (alpha 0.9) and EASE (Steck 2019, a closed-form linear item model that
   is among the strongest on such data), plain and with baskets weighted
   by size; and basket-kNN (session-kNN), which keeps every basket.

    source scripts/python-env.sh && python_env benches/requirements.txt
    "$XSELL_PY" benches/eval_ceiling.py ../shared/data/groceries.csv [SPLITS]

Splits come from Python's RNG, not xsell's: compare models within this
script's output, and with `xsell eval --repeat` only as averages.
"""

import random
import sys
from collections import Counter

import numpy as np

K = 10


def read_baskets(path):
    baskets = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            items = sorted({x.strip() for x in line.split(",") if x.strip()})
            if items:
                baskets.append(items)
    return baskets


def popularity_without_split(baskets):
    pop = Counter(i for b in baskets for i in b)
    order = [i for i, _ in pop.most_common()]
    total, cases = 0.0, 0
    for b in baskets:
        if len(b) < 2:
            continue
        cases += 1
        for hidden in b:
            rest = set(b) - {hidden}
            top = [i for i in order if i not in rest][:K]
            total += (hidden in top) / len(b)
    return total / cases


def split(baskets, seed):
    rng = random.Random(seed)
    order = list(range(len(baskets)))
    rng.shuffle(order)
    cut = int(len(order) * 0.8)
    train = [baskets[k] for k in order[:cut]]
    cases = []
    for k in order[cut:]:
        b = baskets[k]
        if len(b) >= 2:
            hidden = rng.choice(b)
            cases.append(([x for x in b if x != hidden], hidden))
    return train, cases


def hit_rate(weights, train_matrix, cases):
    """weights[i, j]: how much having i in the cart speaks for j."""
    pop = train_matrix.sum(0)
    hits = 0
    for rest, hidden in cases:
        if callable(weights):
            score = weights(rest)
        else:
            score = weights[rest].sum(0) if weights is not None else np.zeros(len(pop))
        score = score + pop * 1e-9  # ties and zeros: best sellers first
        score[rest] = -np.inf
        hits += hidden in np.argsort(-score, kind="stable")[:K]
    return hits / len(cases)


def asymmetric_cosine(x, alpha=0.9):
    c = x.T @ x
    n = np.diag(c).copy()
    np.fill_diagonal(c, 0)
    return c / (np.maximum(n[:, None], 1) ** alpha * np.maximum(n[None, :], 1) ** (1 - alpha))


def ease(x, lam):
    g = x.T @ x + lam * np.eye(x.shape[1])
    p = np.linalg.inv(g)
    b = -p / np.diag(p)[None, :]
    np.fill_diagonal(b, 0)
    return b


def session_knn(x, k=300):
    """Basket-kNN (as session-kNN): the k training baskets most like the
    cart (cosine), each voting for its items. Not an item model: it needs
    every basket at recommendation time."""
    size = np.sqrt(np.maximum(x.sum(1), 1))

    def score(rest):
        q = np.zeros(x.shape[1])
        q[rest] = 1
        sim = (x @ q) / (size * np.sqrt(len(rest)))
        near = np.argpartition(-sim, k)[:k]
        return sim[near] @ x[near]

    return score


def by_basket_size(x):
    size = x.sum(1, keepdims=True)
    return x / np.sqrt(np.maximum(size - 1, 1))


def main():
    path = sys.argv[1]
    splits = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    names = sorted({i for b in read_baskets(path) for i in b})
    at = {n: k for k, n in enumerate(names)}
    baskets = [[at[i] for i in b] for b in read_baskets(path)]

    print(f"popularity HR@{K} without a split (the average over splits): "
          f"{popularity_without_split(baskets):.4f}")

    models = {
        "popularity": lambda x: None,
        "asymmetric cosine (alpha 0.9)": asymmetric_cosine,
        "EASE (lambda 400)": lambda x: ease(x, 400),
        "EASE, baskets weighted by size (lambda 100)": lambda x: ease(by_basket_size(x), 100),
        "basket-kNN (k 300)": session_knn,
    }
    results = {m: [] for m in models}
    for seed in range(1, splits + 1):
        train, cases = split(baskets, seed)
        x = np.zeros((len(train), len(names)))
        for row, b in enumerate(train):
            x[row, b] = 1
        for name, model in models.items():
            results[name].append(hit_rate(model(x), x, cases))
    print(f"\nHR@{K} over {splits} random splits (mean ± sd, min–max):")
    for name, hrs in results.items():
        print(f"  {name:46} {np.mean(hrs):.4f} ± {np.std(hrs):.4f}  "
              f"({min(hrs):.4f}–{max(hrs):.4f})")


if __name__ == "__main__":
    main()
