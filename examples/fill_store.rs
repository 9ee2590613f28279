//! Fills a data dir with N fully answered sessions, for measuring the TUI on a big store:
//!
//! cargo run --release --example fill_store -- 10000 /tmp/big
//! STOCKTAKE_DATA_DIR=/tmp/big target/release/stocktake

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (
        args.next().and_then(|n| n.parse::<usize>().ok()),
        args.next(),
    ) else {
        eprintln!("usage: fill_store N DIR");
        std::process::exit(2);
    };
    common::store_with_sessions(std::path::Path::new(&dir), n);
    eprintln!("{n} sessions in {dir}");
}
