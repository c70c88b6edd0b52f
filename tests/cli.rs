//! The `xsell` command as a user runs it: real files in, real files and
//! messages out.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn xsell(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xsell"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// A scratch directory per test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xsell-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A small shop: two phone tiers, a laptop, accessories, a plan.
const CATALOG: &str = "\
id,title,price,category,family,tier,in_stock,rating,addon_for
PH1,Phone Basic,399.00,Phones,phone,good,true,4.2,
PH2,Phone Plus,599.00,Phones,phone,better,true,4.5,
PH3,Phone Max,899.00,Phones,phone,best,false,4.7,
LAP,Laptop,999.00,Laptops,,,,4.4,
CASE,Phone case,19.99,Cases,,,,4.0,
GLASS,Screen protector,9.99,Protection,,,,3.9,
SLEEVE,Laptop sleeve,29.99,Bags,,,,4.1,
PLAN,Phone protection,59.00,Plans,,,,,Phones
NEW,New gadget,49.00,Gadgets,,,,,
";

fn orders() -> String {
    let mut out = String::from("order_id,product_id,quantity\n");
    let mut n = 0;
    let mut order = |items: &[&str]| {
        n += 1;
        for item in items {
            out.push_str(&format!("{n},{item},1\n"));
        }
    };
    for _ in 0..20 {
        order(&["PH1", "CASE", "GLASS"]);
    }
    for _ in 0..10 {
        order(&["PH2", "CASE"]);
    }
    for _ in 0..10 {
        order(&["LAP", "SLEEVE"]);
    }
    for _ in 0..5 {
        order(&["CASE"]);
    }
    for _ in 0..3 {
        order(&["PH1", "PH2"]);
    }
    out
}

fn build_shop(dir: &Path) -> String {
    let catalog = write(dir, "catalog.csv", CATALOG);
    let orders = write(dir, "orders.csv", &orders());
    let index = dir.join("index.json").display().to_string();
    let out = xsell(
        &[
            "build",
            "--orders",
            &orders,
            "--catalog",
            &catalog,
            "--out",
            &index,
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    index
}

#[test]
fn builds_an_index_and_recommends_each_kind_of_block() {
    let dir = scratch("shop");
    let index = build_shop(&dir);
    let out = xsell(
        &["recommend", "--index", &index],
        r#"{"page":"product","product":"PH1","limit":3}
{"page":"cart","cart":["PH1"],"limit":10}
{"page":"cart","cart":[{"id":"PH1","quantity":1},{"id":"CASE","quantity":0}]}
{"page":"thank-you","order":["PH1","CASE"]}
{"page":"product","product":"NEW"}
{"page":"cart","cart":["CASE"],"viewed":["PH1"]}
{"page":"product","product":"CASE","viewed":["PH1"],"limit":10}
"#,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    // Complements, not other phones; the protector first: bought with the
    // phone far above chance, where cases sell with everything; then the
    // plan declared for phones fills the third place. The upgrade is the
    // next tier that is in stock.
    assert_eq!(
        lines[0],
        r#"{"bought-together":["GLASS","CASE","PLAN"],"upgrade":["PH2"]}"#
    );
    // The declared plan first, then accessories; never the cart's item or another phone.
    assert!(
        lines[1].starts_with(r#"{"add-ons":["PLAN","GLASS","CASE""#),
        "{}",
        lines[1]
    );
    assert!(
        !lines[1].contains("PH2") && !lines[1].contains("\"PH1\""),
        "{}",
        lines[1]
    );
    // A quantity of 0 is not in the cart.
    assert!(lines[2].contains("CASE"), "{}", lines[2]);
    assert!(
        !lines[3].contains("PH1") && !lines[3].contains("CASE") && lines[3].contains("GLASS"),
        "{}",
        lines[3]
    );
    // A product nobody bought still gets complements (cold start).
    assert!(
        !lines[4].contains(r#""bought-together":[]"#),
        "{}",
        lines[4]
    );
    // The phone's plan never comes without a phone, even to a shopper who
    // viewed one; its glass, from the viewed phone's list, may.
    for line in &lines[5..7] {
        assert!(!line.contains("PLAN"), "{line}");
    }
    assert!(lines[5].contains("GLASS"), "{}", lines[5]);
}

#[test]
fn the_summary_counts_every_row() {
    let dir = scratch("summary");
    let orders = write(
        &dir,
        "orders.csv",
        "order_id,product_id,quantity\n1,A,1\n1,B,2\n2,A,-1\n,B,1\n3,,1\n3,C,x\n4,A,1\n4,B,1\n",
    );
    let index = dir.join("i.json").display().to_string();
    let out = xsell(&["build", "--orders", &orders, "--out", &index], "");
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("rows read 8, used 4, skipped 4; baskets 2"),
        "{err}"
    );
    assert!(err.contains("quantity 0 or less"), "{err}");
    assert!(err.contains("empty order id (first on line 5)"), "{err}");
}

#[test]
fn prices_are_read_as_shops_write_them() {
    let dir = scratch("prices");
    // A European spreadsheet's decimal commas, currency signs, a free
    // line, a price nobody filled in properly.
    let orders = "order_id,product_id,price\n1,A,\"3,39\"\n1,B,£12.00\n2,A,\"1.299,00 €\"\n2,B,0\n3,A,N/A\n3,B,\n";
    let out = build_with(&dir, orders, None, &[]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("rows read 6, used 5, skipped 1"), "{err}");
    assert!(err.contains("skipped        1  price 0 or less"), "{err}");
    assert!(
        err.contains(
            "1 rows have a price that is not a number (first on line 6: \"N/A\"); they were kept"
        ),
        "{err}"
    );
    // --strict stops there; --price-col none does not look at prices.
    let out = build_with(&dir, orders, None, &["--strict"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("orders.csv:6:3: field price: price is not a number"),
        "{}",
        text(&out.stderr)
    );
    let out = build_with(&dir, orders, None, &["--price-col", "none"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("rows read 6, used 6, skipped 0"), "{err}");
    assert!(!err.contains("prices checked"), "{err}");
}

#[test]
fn a_limit_names_its_block_and_a_count_it_can_show() {
    let dir = scratch("limits");
    let orders = "order_id,product_id\n1,A\n1,B\n";
    for (spec, says) in [
        ("bought-together=0", "N is how many items the block shows"),
        ("add-ons=99999999999", "N is how many items the block shows"),
        ("sidebar=3", "BLOCK one of bought-together"),
    ] {
        let out = build_with(&dir, orders, None, &["--limit", spec]);
        assert!(!out.status.success(), "{spec}");
        assert!(
            text(&out.stderr).contains(says),
            "{spec}: {}",
            text(&out.stderr)
        );
    }
    // A locale names its language's texts.
    let out = build_with(&dir, orders, None, &["--labels", "de-DE"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(index_in(&dir)["labels"]["de"].is_object());
}

#[test]
fn orders_not_in_utf8_are_told_not_garbled() {
    let dir = scratch("cp1252");
    // "Café" saved as Windows-1252: the é is one byte, 0xE9.
    let path = dir.join("orders.csv");
    std::fs::write(
        &path,
        b"order_id,product_id\r\n1,Caf\xe9\r\n1,Tea\r\n2,Tea\r\n2,Mug\r\n",
    )
    .unwrap();
    let orders = path.display().to_string();
    let index = dir.join("i.json").display().to_string();
    let out = xsell(&["build", "--orders", &orders, "--out", &index], "");
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("skipped        1  product id is not UTF-8 text (save the file as UTF-8) (first on line 2)"),
        "{err}"
    );
    assert!(!std::fs::read_to_string(&index)
        .unwrap()
        .contains('\u{fffd}'));
    let out = xsell(
        &["build", "--orders", &orders, "--out", &index, "--strict"],
        "",
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("orders.csv:2:2: field product_id: product id is not UTF-8"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn spreadsheets_saved_with_semicolons_are_read() {
    let dir = scratch("semicolons");
    // As Excel saves "CSV" where the decimal mark is a comma.
    let out = build_with(
        &dir,
        "\u{feff}order_id;product_id;price\r\n1;A;3,39\r\n1;B;1.299 €\r\n2;A;3,39\r\n2;B;12.500\r\n",
        Some("\u{feff}id;title;price\r\nA;\"Mug; blue\";3.39\r\nB;Tea;12\r\n"),
        &["--min-count", "1"],
    );
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("rows read 4, used 4, skipped 0"), "{err}");
    assert!(err.contains("columns separated by ';'"), "{err}");
    assert_eq!(index_in(&dir)["products"][0]["title"], "Mug; blue");
}

#[test]
fn bad_input_names_file_line_and_column() {
    let dir = scratch("bad");
    let orders = write(
        &dir,
        "orders.csv",
        "order_id,product_id,quantity\n1,A,1\n2,B,two\n",
    );
    let index = dir.join("i.json").display().to_string();
    let out = xsell(
        &["build", "--orders", &orders, "--out", &index, "--strict"],
        "",
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("orders.csv:3:3: field quantity: quantity is not a number"),
        "{err}"
    );
    assert!(!Path::new(&index).exists(), "nothing is written on failure");

    let catalog = write(
        &dir,
        "catalog.csv",
        "id,title,price\nA,Thing,1.5\nB,Other,abc\n",
    );
    let out = xsell(
        &[
            "build",
            "--orders",
            &orders,
            "--catalog",
            &catalog,
            "--out",
            &index,
        ],
        "",
    );
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("catalog.csv:3:3: field price:"), "{err}");

    let out = xsell(&["build", "--orders", &catalog, "--out", &index], "");
    let err = text(&out.stderr);
    assert!(err.contains("no column named \"order_id\""), "{err}");

    // A column named twice: the first is read, and the summary says so.
    let twice = write(
        &dir,
        "twice.csv",
        "order_id,product_id,Product_ID\n1,A,x\n1,B,y\n",
    );
    let out = xsell(&["build", "--orders", &twice, "--out", &index], "");
    assert!(out.status.success());
    assert!(text(&out.stderr)
        .contains("the header names column \"product_id\" more than once; the first is read"));

    let empty = write(&dir, "empty.csv", "");
    let out = xsell(&["build", "--orders", &empty, "--out", &index], "");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("empty.csv: the file is empty"));

    let out = xsell(
        &["build", "--orders", "/no/such/file.csv", "--out", &index],
        "",
    );
    assert!(text(&out.stderr).contains("/no/such/file.csv: cannot open"));
}

#[test]
fn recommend_answers_every_line_even_after_a_bad_one() {
    let dir = scratch("lines");
    let index = build_shop(&dir);
    let out = xsell(
        &["recommend", "--index", &index],
        "not json\n{\"page\":\"nowhere\"}\n  \n{\"page\":\"product\",\"product\":\"PH1\",\"limit\":1}\n",
    );
    let mut lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    // A blank request gets a blank answer: answer N is for request N.
    assert_eq!(lines.len(), 4);
    assert_eq!(lines.remove(2), "");
    assert!(
        lines[0].starts_with("{\"error\":\"stdin line 1:"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("{\"error\":"), "{}", lines[1]);
    assert_eq!(
        lines[2],
        r#"{"bought-together":["GLASS"],"upgrade":["PH2"]}"#
    );
}

#[test]
fn a_broken_index_is_refused_with_its_place() {
    let dir = scratch("broken");
    let index = write(
        &dir,
        "index.json",
        "{\"version\":1,\n\"products\":[{\"id\":\"a\",\"price\":\"x\"}]}",
    );
    let out = xsell(&["recommend", "--index", &index], "");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("index.json:2:") && err.contains("products[0].price"),
        "{err}"
    );
}

#[test]
fn baskets_files_read_one_basket_per_line() {
    let dir = scratch("baskets");
    let baskets = write(
        &dir,
        "b.csv",
        "milk,bread\nmilk , bread,milk\n\nbeer\nmilk,bread,eggs\n",
    );
    let index = dir.join("i.json").display().to_string();
    let out = xsell(
        &[
            "build",
            "--orders",
            &baskets,
            "--orders-format",
            "baskets",
            "--out",
            &index,
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("baskets 4"),
        "{}",
        text(&out.stderr)
    );
    let out = xsell(
        &["recommend", "--index", &index],
        "{\"page\":\"product\",\"product\":\"milk\",\"limit\":1}\n",
    );
    assert_eq!(
        text(&out.stdout).trim(),
        r#"{"bought-together":["bread"],"upgrade":[]}"#
    );
}

/// The shared real data sets, beside the project (as in CI).
fn shared(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    assert!(
        path.exists(),
        "{} is missing: the project expects ../shared beside it",
        path.display()
    );
    path.display().to_string()
}

/// `xsell build` of the UCI retail sample into `index`, with its column
/// names and `extra` options.
fn build_retail(index: &str, extra: &[&str]) -> Output {
    let orders = shared("online-retail-sample.csv");
    let mut args = vec![
        "build",
        "--orders",
        &orders,
        "--order-col",
        "InvoiceNo",
        "--product-col",
        "StockCode",
        "--quantity-col",
        "Quantity",
        "--out",
        index,
    ];
    args.extend_from_slice(extra);
    xsell(&args, "")
}

#[test]
fn the_retail_export_imports_with_a_skip_report() {
    let dir = scratch("retail");
    let index = dir.join("i.json").display().to_string();
    let out = build_retail(&index, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let numbers: Vec<u64> = err
        .lines()
        .next()
        .unwrap()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (read, used, skipped) = (numbers[0], numbers[1], numbers[2]);
    assert_eq!(read, 40_000, "{err}");
    assert_eq!(
        used + skipped,
        read,
        "every row is used or accounted for: {err}"
    );
    for reason in [
        "quantity 0 or less",
        "price 0 or less",
        "not a product",
        "POST",
        "prices checked in column UnitPrice",
    ] {
        assert!(err.contains(reason), "{reason}: {err}");
    }
    // Postage is not recommended with everything.
    let json = std::fs::read_to_string(&index).unwrap();
    assert!(!json.contains("\"id\":\"POST\""));
    let out = build_retail(&index, &["--strict"]);
    // Returns and zero prices are rules, not malformed rows: --strict passes.
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn eval_beats_popularity_and_asymmetric_cosine_on_groceries() {
    let out = xsell(
        &[
            "eval",
            "--orders",
            &shared("groceries.csv"),
            "--orders-format",
            "baskets",
            "--repeat",
            "5",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    for baseline in [
        "popularity",
        "asymmetric cosine (alpha 0.9)",
        "confidence sum",
    ] {
        let line = report
            .lines()
            .find(|l| l.starts_with(&format!("xsell − {baseline}")))
            .unwrap_or_else(|| panic!("no comparison with {baseline}:\n{report}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let at = words.iter().position(|w| *w == "HR@10").unwrap();
        let diff: f64 = words[at + 1].parse().unwrap();
        assert!(diff > 0.005, "{line}");
        assert!(line.contains("better on 5 of 5 splits"), "{line}");
    }
}

#[test]
fn eval_refuses_setups_that_test_nothing() {
    let dir = scratch("eval-setups");
    let one = write(&dir, "one.csv", "a,b\n");
    let groceries = shared("groceries.csv");
    for (orders, extra, says) in [
        (&groceries, ["--test-share", "1.5"], "between 0 and 1"),
        (&groceries, ["--test-share", "0"], "between 0 and 1"),
        (&groceries, ["--k", "0"], "--k is how many items"),
        (
            &groceries,
            ["--k", "18446744073709551615"],
            "--k is how many items",
        ),
        (&groceries, ["--repeat", "0"], "--repeat must be at least 1"),
        (&one, ["--seed", "1"], "too few to evaluate"),
    ] {
        let mut args = vec!["eval", "--orders", orders, "--orders-format", "baskets"];
        args.extend(extra);
        let out = xsell(&args, "");
        assert!(!out.status.success(), "{extra:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{extra:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn rules_keep_memory_in_bounds_and_say_what_they_sampled() {
    let dir = scratch("rules-huge");
    // One basket of 20,000 items: 200 million pairs if counted.
    let items: Vec<String> = (0..20_000).map(|k| format!("i{k}")).collect();
    let orders = write(&dir, "b.csv", &format!("{}\na,b\na,b,c\n", items.join(",")));
    let out_path = dir.join("rules.csv").display().to_string();
    let rules = |extra: &[&str]| {
        let mut args = vec![
            "rules",
            "--orders",
            &orders,
            "--orders-format",
            "baskets",
            "--out",
            &out_path,
        ];
        args.extend(extra);
        xsell(&args, "")
    };
    let out = rules(&[]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr)
            .contains("1 baskets of more than 1000 items (the largest 20000) were left out"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap().lines().count(),
        3
    );
    let out = rules(&["--max-basket", "50"]);
    assert!(
        text(&out.stderr).contains("1 baskets sampled down to 50 items: counts, support, confidence and lift are those of the sampled baskets"),
        "{}",
        text(&out.stderr)
    );
    for (bad, says) in [
        (["--min-count", "0"], "--min-count must be at least 1"),
        (["--max-basket", "1"], "--max-basket must be at least 2"),
    ] {
        let out = rules(&bad);
        assert!(!out.status.success());
        assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
    }
}

#[test]
fn rules_have_the_reference_definitions() {
    let dir = scratch("rules");
    // 4 baskets: a+b twice, a once, b+c once.
    let baskets = write(&dir, "b.csv", "a,b\na,b\na\nb,c\n");
    let out_path = dir.join("rules.csv").display().to_string();
    let out = xsell(
        &[
            "rules",
            "--orders",
            &baskets,
            "--orders-format",
            "baskets",
            "--min-count",
            "2",
            "--out",
            &out_path,
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = std::fs::read_to_string(&out_path).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "antecedent,consequent,count,support,confidence,lift,llr"
    );
    // a -> b: support 2/4, confidence 2/3, lift 4·2/(3·3) = 0.888...
    let ab = lines.iter().find(|l| l.starts_with("a,b,")).unwrap();
    let cells: Vec<f64> = ab.split(',').skip(2).map(|c| c.parse().unwrap()).collect();
    assert_eq!(cells[0], 2.0);
    assert!((cells[1] - 0.5).abs() < 1e-12);
    assert!((cells[2] - 2.0 / 3.0).abs() < 1e-12);
    assert!((cells[3] - 8.0 / 9.0).abs() < 1e-12);
    assert_eq!(
        lines.len(),
        3,
        "a->b and b->a only (b,c is in one basket): {csv}"
    );
}

#[test]
fn bundles_cold_start_and_upgrade_rules_reach_the_index() {
    let dir = scratch("bundles");
    let catalog = write(
        &dir,
        "catalog.csv",
        "\
id,title,price,category,family,tier,rating,addon_for
PH1,Phone,400,Phones,ph,1,4.5,
PH2,Phone Plus,600,Phones,ph,2,4.0,
PH3,Phone Max,700,Phones,ph,3,4.6,
CASE,Case,20,Cases,,,,
GLASS,Glass,10,Glass,,,,
CABLE,Cable,9,Cables,,,,
MUG,Mug,8,Cups,,,,
NEW,New speaker,80,Speakers,,,,
PLAN,Plan,50,Plans,,,,Speakers
",
    );
    let mut orders = String::from("order_id,product_id\n");
    for n in 0..30 {
        orders.push_str(&format!("{n},PH1\n{n},CASE\n{n},GLASS\n"));
    }
    for n in 30..40 {
        orders.push_str(&format!("{n},MUG\n{n},CABLE\n"));
    }
    let orders = write(&dir, "orders.csv", &orders);
    let index = dir.join("i.json").display().to_string();
    let out = xsell(
        &[
            "build",
            "--orders",
            &orders,
            "--catalog",
            &catalog,
            "--out",
            &index,
            "--bundle-discount",
            "12.5",
        ],
        "",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&index).unwrap()).unwrap();
    let products = json["products"].as_array().unwrap();
    let at = |id: &str| products.iter().position(|p| p["id"] == id).unwrap() as u64;
    let product = |id: &str| &products[at(id) as usize];
    assert_eq!(json["bundle_discount"], 12.5);
    // The phone, case and glass are bought as one set: a bundle.
    let mut bundle: Vec<u64> = product("PH1")["bundle"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    bundle.sort_unstable();
    let mut expected = vec![at("CASE"), at("GLASS")];
    expected.sort_unstable();
    assert_eq!(bundle, expected);
    // Upgrade: PH2 is rated worse than PH1, so the next step up is PH3.
    assert_eq!(
        product("PH1")["upgrade"]["items"],
        serde_json::json!([at("PH3")])
    );
    // Nobody bought the speaker: it still gets complements, the declared
    // plan first, all marked as fallbacks.
    let together = &product("NEW")["together"];
    assert_eq!(together["items"][0], at("PLAN"));
    assert_eq!(together["fallback_from"], 0);
}

/// Builds `orders` (+ `catalog`) in `dir` with `extra` arguments.
fn build_with(dir: &Path, orders: &str, catalog: Option<&str>, extra: &[&str]) -> Output {
    let orders = write(dir, "orders.csv", orders);
    let index = dir.join("index.json").display().to_string();
    let mut args = vec!["build", "--orders", &orders, "--out", &index];
    let catalog = catalog.map(|c| write(dir, "catalog.csv", c));
    if let Some(catalog) = &catalog {
        args.extend(["--catalog", catalog.as_str()]);
    }
    args.extend(extra);
    xsell(&args, "")
}

/// The index `build_with` wrote.
fn index_in(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap()
}

#[test]
fn lines_are_exact_with_crlf_a_bom_blank_lines_and_quoted_line_breaks() {
    let dir = scratch("line-numbers");
    // Line 1 header, 2 a row, 3-4 one row with a quoted line break, 5
    // blank, 6 a bad quantity, 7 an empty order id.
    let orders = "\u{feff}order_id,product_id,quantity,note\n1,A,1,\n1,B,1,\"two\nlines\"\n\n2,C,x,\n,D,1,\n";
    for ending in ["\n", "\r\n"] {
        let orders = orders.replace('\n', ending);
        let out = build_with(&dir, &orders, None, &["--strict"]);
        let err = text(&out.stderr);
        assert!(
            err.contains("orders.csv:6:3: field quantity: quantity is not a number"),
            "{ending:?}: {err}"
        );
        let out = build_with(&dir, &orders, None, &[]);
        let err = text(&out.stderr);
        assert!(err.contains("(first on line 6)"), "{ending:?}: {err}");
        assert!(
            err.contains("empty order id (first on line 7)"),
            "{ending:?}: {err}"
        );

        let catalog = "\u{feff}id,title,price\nA,\"A thing\non two lines\",1\n\nB,B,abc\nC,C,1\n"
            .replace('\n', ending);
        let out = build_with(&dir, &orders, Some(&catalog), &[]);
        let err = text(&out.stderr);
        assert!(
            err.contains("catalog.csv:5:3: field price: \"abc\""),
            "{ending:?}: {err}"
        );
    }
}

#[test]
fn a_bad_currency_is_one_error_before_any_reading() {
    let dir = scratch("currency");
    let catalog = "id,title,price\nA,Thing,1\nB,Other,2\nC,Third,3\n";
    for catalog in [None, Some(catalog)] {
        let out = build_with(
            &dir,
            "order_id,product_id\n1,A\n",
            catalog,
            &["--currency", "pounds"],
        );
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert_eq!(err.matches("--currency").count(), 1, "{err}");
        assert!(
            err.contains("'pounds'") && err.contains("ISO 4217 three-letter currency code"),
            "{err}"
        );
        assert!(!err.contains("catalog.csv:"), "{err}");
    }
    // Any case will do.
    let out = build_with(
        &dir,
        "order_id,product_id\n1,A\n",
        None,
        &["--currency", "gbp"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(index_in(&dir)["currency"], "GBP");
}

#[test]
fn every_catalog_error_is_counted_and_the_first_20_listed() {
    let dir = scratch("many-errors");
    let mut catalog = String::from("id,title,price\n");
    for n in 0..57 {
        catalog.push_str(&format!("P{n},Thing,x{n}\n"));
    }
    let out = build_with(&dir, "order_id,product_id\n1,P1\n", Some(&catalog), &[]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("catalog.csv: 57 errors; the first 20:"),
        "{err}"
    );
    assert_eq!(err.matches("field price").count(), 20, "{err}");
    assert!(err.contains("catalog.csv:21:3: field price"), "{err}");
    assert!(!err.contains("catalog.csv:22:3"), "{err}");

    let out = build_with(
        &dir,
        "order_id,product_id\n1,P1\n",
        Some("id,title,price\nA,Thing,x\n"),
        &[],
    );
    assert!(text(&out.stderr).contains("catalog.csv: 1 error:\n"));

    // A repeated id is told in the same run as the bad price of its first
    // row, not in a second round once that is fixed.
    let out = build_with(
        &dir,
        "order_id,product_id\n1,A\n",
        Some("id,title,price\nA,Thing,x\nA,Thing,2\n"),
        &[],
    );
    let err = text(&out.stderr);
    assert!(err.contains("catalog.csv: 2 errors"), "{err}");
    assert!(
        err.contains("catalog.csv:3:1: field id: product id \"A\" is already on line 2"),
        "{err}"
    );
}

#[test]
fn products_missing_from_the_catalog_are_named() {
    let dir = scratch("unlisted");
    // The catalog lost the ids' leading zeros (a spreadsheet did).
    let out = build_with(
        &dir,
        "order_id,product_id\n1,00123\n1,00124\n2,00123\n2,A\n",
        Some("id,title,price\n123,Thing,2\n124,Other,3\nA,Mug,4\n"),
        &[],
    );
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("2 products in orders are not in the catalog: counted, never recommended (most bought: 00123, 00124)"),
        "{err}"
    );
}

#[test]
fn the_catalog_skips_non_products_and_sums_up_missing_prices_and_titles() {
    let dir = scratch("catalog-summary");
    let catalog = "\
id,title,price,url
A,Thing,2.50,javascript:alert(1)
POST,Postage,see invoice,
FREE,Free sample,0,
REFUND,Refund,-5.00,
B,,3,shop.example/b
DOT,Dotcom postage,,
";
    let out = build_with(&dir, "order_id,product_id\n1,A\n1,B\n", Some(catalog), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    for line in [
        "catalog.csv: rows read 6, products 4, skipped 2",
        "  skipped        2  not a product (postage, fees...; see --skip-products) (first on line 3)",
        "  not products: DOT 1, POST 1",
        "  kept           2  price 0 or less: taken as no price (first on line 4)",
        "  kept           1  empty title: the id is shown instead (first on line 6)",
        "  kept           1  url or image neither http(s) nor a path (javascript:, data:...): dropped (first on line 2)",
        "  kept           1  url or image looks like a web address without https:// (shop.com/x)",
    ] {
        assert!(err.contains(line), "{line}\n{err}");
    }
    let index = index_in(&dir);
    let products = index["products"].as_array().unwrap();
    let ids: Vec<&str> = products.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["A", "FREE", "REFUND", "B"]);
    assert!(products[1].get("price").is_none() && products[2].get("price").is_none());
    assert_eq!(products[3]["title"], "B");

    // `none` keeps every id, and their errors with them.
    let out = build_with(
        &dir,
        "order_id,product_id\n1,A\n",
        Some(catalog),
        &["--skip-products", "none"],
    );
    assert!(
        text(&out.stderr).contains("catalog.csv:3:3: field price"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn titles_and_prices_come_from_the_order_lines() {
    let dir = scratch("details");
    // A: "Mug" three times (trimmed), "MUG" once; 2.50 and 2.5 are one
    // price, seen as often as 3.00 and 3, which is later. B: skipped lines
    // (free, returned) do not count. C: no title, so shown by its id.
    let orders = "\
order,sku,name,qty,unit price
1,A,Mug,1,2.50
1,B,Bowl,1,4
2,A,MUG,1,3.00
2,B,Free bowl,1,0
3,A,Mug,1,2.5
3,C,,1,1
4,A, Mug ,1,3
4,B,Bowl,-1,9
";
    let out = build_with(
        &dir,
        orders,
        None,
        &[
            "--order-col",
            "order",
            "--product-col",
            "sku",
            "--quantity-col",
            "qty",
            "--title-col",
            "name",
            "--price-col",
            "unit price",
            "--currency",
            "EUR",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "products without a catalog entry: titles from column name: 2, prices from column unit price: 3"
        ),
        "{err}"
    );
    let index = index_in(&dir);
    let product = |id: &str| {
        index["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (product("A")["title"].clone(), product("A")["price"].clone()),
        ("Mug".into(), 300.into())
    );
    assert_eq!(
        (product("B")["title"].clone(), product("B")["price"].clone()),
        ("Bowl".into(), 400.into())
    );
    assert!(product("C").get("title").is_none(), "{}", product("C"));

    // Without --price-col, a price column found by name only checks rows.
    let out = build_with(&dir, "order_id,product_id,price\n1,A,2\n", None, &[]);
    assert!(out.status.success());
    assert!(index_in(&dir)["products"][0].get("price").is_none());

    let out = build_with(
        &dir,
        orders,
        None,
        &[
            "--order-col",
            "order",
            "--product-col",
            "sku",
            "--title-col",
            "Title",
        ],
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("no column named \"Title\" (choose one with --title-col)"),
        "{err}"
    );
}

#[test]
fn the_retail_export_gives_titles_and_prices() {
    let dir = scratch("retail-details");
    let index = dir.join("i.json").display().to_string();
    let out = build_retail(
        &index,
        &[
            "--title-col",
            "Description",
            "--price-col",
            "UnitPrice",
            "--currency",
            "GBP",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&index).unwrap()).unwrap();
    let products = json["products"].as_array().unwrap();
    assert!(products.iter().all(|p| p["title"].is_string()));
    // 22197 is "POPCORN HOLDER" 63 times, "SMALL POPCORN HOLDER" 39 times.
    let popcorn = products.iter().find(|p| p["id"] == "22197").unwrap();
    assert_eq!(popcorn["title"], "POPCORN HOLDER");
    // A CRLF file: lines as an editor shows them (line 543 is 536998,
    // 85067, quantity -6).
    assert!(
        text(&out.stderr)
            .contains("quantity 0 or less (returns, cancellations) (first on line 543)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn build_help_lists_every_catalog_column() {
    let out = xsell(&["build", "--help"], "");
    let help = text(&out.stdout);
    for column in [
        "id,title,price",
        "currency",
        "url",
        "image",
        "category",
        "family",
        "tier",
        "in_stock",
        "rating",
        "addon_for",
        "pin",
        "exclude",
        "variant_of",
        "option",
        "attr:NAME",
        "separated by `;`",
        "--title-col",
    ] {
        assert!(help.contains(column), "{column}: {help}");
    }
}

#[test]
fn the_summary_says_what_upgrades_need_when_there_are_none() {
    let dir = scratch("no-upgrades");
    let hint = "no product got an upgrade: an upgrade is a catalog product of the same family (or, without one, category)";
    // A catalog with prices but neither families nor categories.
    let out = build_with(
        &dir,
        "order_id,product_id\n1,A\n1,B\n",
        Some("id,title,price\nA,Mug,4\nB,Tea,6\n"),
        &[],
    );
    assert!(text(&out.stderr).contains(hint), "{}", text(&out.stderr));
    // No catalog, no upgrades by design: no news to tell.
    let out = build_with(&dir, "order_id,product_id\n1,A\n1,B\n", None, &[]);
    assert!(!text(&out.stderr).contains(hint), "{}", text(&out.stderr));
    // The shop's phones are a family with prices.
    let out = build_with(&dir, &orders(), Some(CATALOG), &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains(hint), "{}", text(&out.stderr));
}

#[test]
fn recommend_explains_a_bad_line_in_plain_words() {
    let dir = scratch("plain-words");
    let index = build_shop(&dir);
    let example = r#"like {\"page\":\"product\",\"product\":\"SKU-1\",\"limit\":3}"#;
    let mut input = b"page=product\n{\"page\":\"nowhere\"}\n[\"PH1\"]\n\xff\n\n".to_vec();
    input.extend(b"{\"page\":\"product\",\"product\":\"PH1\",\"limit\":1}\r\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xsell"))
        .args(["recommend", "--index", &index])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(String::from).collect();
    // (The blank line 5 gets a blank answer.)
    assert_eq!(lines.len(), 6, "one answer per request line: {lines:?}");
    assert_eq!(lines[4], "");
    let errors = [
        "stdin line 1: not JSON (at column 1); expected one JSON request per line, ",
        "stdin line 2: not a page request (unknown variant `nowhere`, expected one of `product`, `cart`, `thank-you`); ",
        "stdin line 3: not a page request (a JSON object is expected); ",
        "stdin line 4: not UTF-8 text; ",
    ];
    for (line, error) in lines.iter().zip(errors) {
        assert!(
            line.contains(error) && line.ends_with(&format!("{example}\"}}")),
            "{line}"
        );
    }
    assert_eq!(
        lines[5],
        r#"{"bought-together":["GLASS"],"upgrade":["PH2"]}"#
    );
}
