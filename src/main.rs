fn main() -> std::process::ExitCode {
    stocktake::cli::run()
}
