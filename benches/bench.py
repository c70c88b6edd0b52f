"""xsell's builder against peers, in one run on one machine (the machines
are noisy: the ratio in the same run is the figure to read).

1. Build: `xsell build` on synthetic order lines (benches/gen_orders.py:
   1M lines, 250k orders, 50k products, seed 42) against DuckDB counting
   the same pairs (self-join on order id, pairs in 2+ baskets) from the
   same CSV. xsell does the whole build: read, count, score, rank, write.
2. Rules: `xsell rules` against mlxtend (apriori + association_rules, pairs
   in 10+ baskets) on groceries.csv.
3. Memory: peak resident memory of `xsell build` on the 1M-line file and
   on a 2M-line file with every line twice (twice the lines, the same
   baskets, products, pairs and index).

Each timing is the median of RUNS runs after one warm-up, the tools taking
turns. Usage: bench.py XSELL_BINARY SHARED_DATA_DIR WORK_DIR [RUNS]
"""
import os
import statistics
import subprocess
import sys
import time

xsell, shared, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 5
os.makedirs(work, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    """Wall time and peak RSS (MB) of a command."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode()
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def compare(label, ours, theirs):
    """Runs both in turns; prints medians and the ratio."""
    ours(), theirs()  # warm-up: file cache, lazy imports
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(theirs())
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"| {label} | {ma * 1000:.0f} ms | {mb * 1000:.0f} ms | {ma / mb:.2f} |")
    return ma, mb


orders = os.path.join(work, "orders-1m.csv")
if not os.path.exists(orders):
    subprocess.run([sys.executable, os.path.join(here, "gen_orders.py"), orders], check=True)
index = os.path.join(work, "index.json")

# Memory first, while this process is small: a child's peak resident size
# counts the parent's pages it was forked from until it execs.
twice = os.path.join(work, "orders-2m-every-line-twice.csv")
if not os.path.exists(twice):
    # Every line written twice: twice the lines, the very same baskets
    # (a product twice in an order counts once), so the same products,
    # pairs and index.
    with open(orders) as src, open(twice, "w") as dst:
        dst.write(src.readline())
        for line in src:
            dst.write(line)
            dst.write(line)
_, rss1 = run([xsell, "build", "--orders", orders, "--out", index])
_, rss2 = run([xsell, "build", "--orders", twice, "--out", index])

import duckdb  # noqa: E402
import pandas as pd  # noqa: E402
from mlxtend.frequent_patterns import apriori, association_rules  # noqa: E402
from mlxtend.preprocessing import TransactionEncoder  # noqa: E402

con = duckdb.connect()
PAIRS_SQL = f"""
  WITH lines AS (
    SELECT DISTINCT order_id, product_id
    FROM read_csv('{orders}', header = true) WHERE quantity > 0)
  SELECT a.product_id, b.product_id, count(*) AS n
  FROM lines a JOIN lines b ON a.order_id = b.order_id AND a.product_id < b.product_id
  GROUP BY 1, 2 HAVING count(*) >= 2
"""
duck_pairs = len(con.execute(PAIRS_SQL).fetchall())

print(f"machine: {os.cpu_count()} cores; duckdb {duckdb.__version__} (threads: "
      f"{con.execute('SELECT current_setting(chr(116)||chr(104)||chr(114)||chr(101)||chr(97)||chr(100)||chr(115))').fetchone()[0]}), "
      f"mlxtend {__import__('mlxtend').__version__}; median of {runs} runs\n")
print("| task | xsell | peer | ratio (xsell / peer) |")
print("|---|---|---|---|")
compare(
    "1M order lines: whole `xsell build` vs DuckDB pair count (pairs in 2+ baskets)",
    lambda: run([xsell, "build", "--orders", orders, "--out", index])[0],
    lambda: timed(lambda: con.execute(PAIRS_SQL).fetchall()),
)

groceries = os.path.join(shared, "groceries.csv")
rules = os.path.join(work, "rules.csv")


def mlxtend_rules():
    baskets = []
    with open(groceries) as f:
        for line in f:
            items = sorted({x.strip() for x in line.strip().split(",") if x.strip()})
            if items:
                baskets.append(items)
    te = TransactionEncoder()
    df = pd.DataFrame(te.fit(baskets).transform(baskets), columns=te.columns_)
    frequent = apriori(df, min_support=10 / len(baskets), max_len=2, use_colnames=True)
    association_rules(frequent, num_itemsets=len(baskets), metric="support", min_threshold=0)


compare(
    "groceries.csv: `xsell rules --min-count 10` vs mlxtend apriori + association_rules",
    lambda: run([xsell, "rules", "--orders", groceries, "--orders-format", "baskets",
                 "--min-count", "10", "--out", rules])[0],
    lambda: timed(mlxtend_rules),
)

print(f"\nPeak memory of `xsell build`: {rss1:.0f} MB on the 1M lines; {rss2:.0f} MB on 2M lines "
      f"(every line twice: the same baskets) ({rss2 / rss1:.2f}x for 2x the lines).")
print(f"DuckDB found {duck_pairs} pairs in 2+ baskets; the index holds "
      f"{os.path.getsize(index) / 1e6:.1f} MB for the 1M-line file.")
