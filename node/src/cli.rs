//! The command line: `seoul-node [run options]` or `seoul-node <subcommand>`.

use std::path::PathBuf;

/// The P2P stack a node runs when its command line names none: libp2p, not litep2p, the default
/// of polkadot-sdk stable2609. Under load, litep2p 0.15.3 left the 4-validator network split in
/// two after one validator's link came back, every node still counting three peers, and
/// finality never resumed; libp2p recovered every time (docs/OPERATORS.md, "The network stack").
/// It is `--network-backend`'s default before parsing, so that the listen addresses, `--help` and
/// every check of the network options see the backend the node will run.
pub const DEFAULT_NETWORK_BACKEND: &str = "libp2p";

/// How many transactions a node's pool holds when its command line sets no `--pool-limit`:
/// 150,000, not polkadot-sdk's 8,192. The fork-aware pool keeps a tenth of its limits for
/// transactions that wait for an earlier nonce, as a sender's later transactions do on a fork
/// until its earlier ones, left in the other branch, are included again. What overflows that
/// queue is dropped and banned, although the pool had accepted it, and a sender that does not
/// watch its transaction never learns of it. Floods of QR payments lost thousands at polkadot-sdk's
/// size and none at this one (docs/PERFORMANCE.md, "The validators' pool").
pub const DEFAULT_POOL_LIMIT: &str = "150000";

/// The ready transactions' size in KiB when the command line sets no `--pool-kbytes`:
/// polkadot-sdk's 2.5 KiB a transaction at [`DEFAULT_POOL_LIMIT`] transactions. With the future
/// queue's tenth, the pool holds at most about 403 MiB of transactions.
pub const DEFAULT_POOL_KBYTES: &str = "375000";

/// The node's command line.
#[derive(Debug, clap::Parser)]
#[command(
	mut_arg("network_backend", |arg| arg.default_value(DEFAULT_NETWORK_BACKEND)),
	mut_arg("pool_limit", |arg| arg.default_value(DEFAULT_POOL_LIMIT)),
	mut_arg("pool_kbytes", |arg| arg.default_value(DEFAULT_POOL_KBYTES))
)]
pub struct Cli {
	/// A subcommand; without one, the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of the running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}

/// The node's subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate keys, inspect them, insert session keys into the keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (prefer `export-chain-spec`).
	#[deprecated(note = "build-spec will be removed; use export-chain-spec")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Build the city's production chain specification from a network file listing the
	/// operators and the council (see docs/OPERATORS.md).
	ProductionSpec(ProductionSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmark the runtime's pallets, blocks, extrinsics, storage and this machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// `seoul-node production-spec`: the production chain spec from the city's network file.
#[derive(Debug, clap::Parser)]
pub struct ProductionSpecCmd {
	/// The network file (JSON): name, id, boot nodes, operators, council, endowments.
	#[arg(long, value_name = "FILE")]
	pub network: PathBuf,

	/// Write the spec in raw form (storage keys and values), as distributed to operators.
	#[arg(long)]
	pub raw: bool,

	/// Where to write the spec; standard output if omitted.
	#[arg(long, value_name = "FILE")]
	pub output: Option<PathBuf>,
}
