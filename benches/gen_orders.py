"""Synthetic order lines for benchmarks: seeded, so every run and machine
gets the same file.

usage: gen_orders.py OUT.csv [--lines 1000000] [--orders 250000]
                     [--products 50000] [--seed 42]

Shape: product popularity follows a Zipf-like law (a few best sellers, a
long tail); each order has 1 + a geometric number of lines (mean
lines/orders), drawn partly from the "neighbourhood" of its first product
(products with nearby numbers, as in a catalog of related items) so that
co-purchases have structure, partly at random by popularity. Rows of one
order are written together, as shop exports do.
"""
import argparse
import bisect
import itertools
import random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--lines", type=int, default=1_000_000)
p.add_argument("--orders", type=int, default=250_000)
p.add_argument("--products", type=int, default=50_000)
p.add_argument("--seed", type=int, default=42)
a = p.parse_args()

rng = random.Random(a.seed)
weights = [1.0 / (i + 10) ** 0.9 for i in range(a.products)]
cumulative = list(itertools.accumulate(weights))
total = cumulative[-1]


def popular():
    return bisect.bisect_left(cumulative, rng.random() * total)


extra_per_order = a.lines / a.orders - 1.0
q = extra_per_order / (1.0 + extra_per_order)  # geometric mean = extra_per_order
written = 0
with open(a.out, "w") as f:
    f.write("order_id,product_id,quantity\n")
    for order in range(a.orders):
        remaining_orders = a.orders - order
        first = popular()
        items = [first]
        while rng.random() < q:
            if rng.random() < 0.6:
                near = first + rng.randint(-20, 20)
                items.append(min(max(near, 0), a.products - 1))
            else:
                items.append(popular())
        # Keep the total on target: the last orders take what is left.
        budget = a.lines - written - (remaining_orders - 1)
        items = items[: max(1, budget)]
        for item in items:
            f.write(f"{100000 + order},P{item:05d},{1 + (rng.random() < 0.1)}\n")
        written += len(items)
print(f"{a.out}: {written} lines, {a.orders} orders, {a.products} products (seed {a.seed})")
