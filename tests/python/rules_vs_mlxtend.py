"""`xsell rules` against mlxtend on the same baskets: the same rules, with
the same support, confidence and lift (to 1e-9), as an analyst would check.

usage: rules_vs_mlxtend.py BASKETS_CSV RULES_CSV MIN_COUNT
"""
import csv
import math
import sys

import pandas as pd
from mlxtend.frequent_patterns import apriori, association_rules
from mlxtend.preprocessing import TransactionEncoder

baskets_path, rules_path, min_count = sys.argv[1], sys.argv[2], int(sys.argv[3])

baskets = []
with open(baskets_path, newline="") as f:
    for row in csv.reader(f):
        items = sorted({x.strip() for x in row if x.strip()})
        if items:
            baskets.append(items)

encoder = TransactionEncoder()
onehot = pd.DataFrame(encoder.fit(baskets).transform(baskets), columns=encoder.columns_)
frequent = apriori(onehot, min_support=min_count / len(baskets), max_len=2, use_colnames=True)
theirs = association_rules(frequent, num_itemsets=len(baskets), metric="support", min_threshold=0)
expected = {
    (next(iter(r.antecedents)), next(iter(r.consequents))): (r.support, r.confidence, r.lift)
    for r in theirs.itertuples()
}

ours = {}
with open(rules_path, newline="") as f:
    for row in csv.DictReader(f):
        ours[(row["antecedent"], row["consequent"])] = (
            float(row["support"]),
            float(row["confidence"]),
            float(row["lift"]),
        )

missing = sorted(set(expected) - set(ours))
extra = sorted(set(ours) - set(expected))
assert not missing, f"{len(missing)} mlxtend rules missing from xsell, e.g. {missing[:3]}"
assert not extra, f"{len(extra)} xsell rules that mlxtend does not have, e.g. {extra[:3]}"
for key, theirs_values in expected.items():
    for name, a, b in zip(("support", "confidence", "lift"), ours[key], theirs_values):
        assert math.isclose(a, b, rel_tol=1e-9), f"{key} {name}: xsell {a}, mlxtend {b}"
print(f"xsell rules == mlxtend: {len(expected)} rules, support/confidence/lift equal to 1e-9")
