// The collator's readers allocate heavily while parsing TOML on every core; glibc's malloc
// serialised them on its arena locks (perf: futex waits under malloc/free). mimalloc keeps
// per-thread heaps.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    stocktake::cli::run()
}
