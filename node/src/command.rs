//! Runs the command line: starts the node or carries out a subcommand.

use crate::{
	benchmarking::{inherent_benchmark_data, RemarkBuilder, TransferKeepAliveBuilder},
	chain_spec,
	cli::{Cli, ProductionSpecCmd, Subcommand},
	service,
};
use frame_benchmarking_cli::{BenchmarkCmd, ExtrinsicFactory};
use sc_cli::SubstrateCli;
use sc_network::config::NetworkBackendType;
use sc_service::PartialComponents;
use seoul_runtime::{opaque::Block, EXISTENTIAL_DEPOSIT};
use sp_keyring::Sr25519Keyring;

/// What `benchmark machine` compares a machine with: the scores of the reference machine the
/// runtime's weights were measured on (docs/PERFORMANCE.md, "Weights of this machine"), not
/// Parity's reference hardware for Polkadot.
const REFERENCE_HARDWARE: &[u8] = include_bytes!("reference_hardware.json");

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Seoul Civic Chain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://example.invalid/seoul-civic-chain/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_testnet_chain_spec()?),
			path => {
				let path = std::path::PathBuf::from(path);
				if !path.exists() {
					return Err(format!(
						"unknown chain `{id}`: not `dev`, `local` nor a chain spec file"
					));
				}
				Box::new(chain_spec::ChainSpec::from_json_file(path)?)
			}
		})
	}
}

fn production_spec(cmd: &ProductionSpecCmd) -> sc_cli::Result<()> {
	let spec = chain_spec::production_chain_spec(&cmd.network).map_err(sc_cli::Error::Input)?;
	let json = sc_service::chain_ops::build_spec(&spec, cmd.raw)?;
	match &cmd.output {
		Some(path) => std::fs::write(path, json).map_err(|error| {
			sc_cli::Error::Input(format!("cannot write {}: {error}", path.display()))
		})?,
		None => println!("{json}"),
	}
	Ok(())
}

/// Parses the command line and runs it.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		}
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		}
		Some(Subcommand::ProductionSpec(cmd)) => production_spec(cmd),
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		}
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		}
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		}
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		}
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		}
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => {
					if !cfg!(feature = "runtime-benchmarks") {
						return Err("pallet benchmarks need a node built with \
							`--features runtime-benchmarks` (scripts/benchmark.sh does it)"
							.into());
					}
					cmd.run_with_spec::<sp_runtime::traits::HashingFor<Block>, ()>(Some(
						config.chain_spec,
					))
				}
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				}
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err("storage benchmarks need a node built with \
					`--features runtime-benchmarks`"
					.into()),
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				}
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				}
				BenchmarkCmd::Extrinsic(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let ext_factory = ExtrinsicFactory(vec![
						Box::new(RemarkBuilder::new(client.clone())),
						Box::new(TransferKeepAliveBuilder::new(
							client.clone(),
							Sr25519Keyring::Alice.to_account_id(),
							EXISTENTIAL_DEPOSIT,
						)),
					]);
					cmd.run(client, inherent_benchmark_data()?, Vec::new(), &ext_factory)
				}
				BenchmarkCmd::Machine(cmd) => {
					let reference =
						serde_json::from_slice(REFERENCE_HARDWARE).map_err(|error| {
							sc_cli::Error::Input(format!("reference_hardware.json: {error}"))
						})?;
					cmd.run(&config, reference)
				}
			})
		}
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		}
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|mut config| async move {
				// An operator who names an RPC port gets that port or a clear error, never a
				// random port that nobody is told about.
				for endpoint in config.rpc.addr.iter_mut().flatten() {
					endpoint.retry_random_port = false;
				}
				match config.network.network_backend {
					NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							seoul_runtime::opaque::Block,
							<seoul_runtime::opaque::Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					}
				}
			})
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::cli::{DEFAULT_POOL_KBYTES, DEFAULT_POOL_LIMIT};

	/// The backend a node started with `args` runs.
	fn backend(args: &[&str]) -> NetworkBackendType {
		Cli::try_from_iter(args)
			.expect("a valid command line")
			.run
			.network_params
			.network_backend
			.into()
	}

	#[test]
	fn a_node_runs_libp2p_unless_its_command_line_names_a_backend() {
		assert!(matches!(backend(&["seoul-node", "--chain", "local"]), NetworkBackendType::Libp2p));
		assert!(matches!(
			backend(&["seoul-node", "--network-backend", "litep2p"]),
			NetworkBackendType::Litep2p
		));
		assert!(matches!(
			backend(&["seoul-node", "--network-backend=litep2p"]),
			NetworkBackendType::Litep2p
		));
		assert!(matches!(
			backend(&["seoul-node", "--network-backend", "libp2p"]),
			NetworkBackendType::Libp2p
		));
	}

	/// The pool's limits, in transactions and KiB, of a node started with `args`.
	fn pool_limits(args: &[&str]) -> (usize, usize) {
		let pool = Cli::try_from_iter(args).expect("a valid command line").run.pool_config;
		(pool.pool_limit, pool.pool_kbytes)
	}

	#[test]
	fn a_node_pool_holds_a_flood_unless_its_command_line_sets_the_limits() {
		assert_eq!(pool_limits(&["seoul-node", "--chain", "local"]), (150_000, 375_000));
		assert_eq!(pool_limits(&["seoul-node", "--pool-limit", "8192"]), (8_192, 375_000));
		assert_eq!(
			pool_limits(&["seoul-node", "--pool-limit=20000", "--pool-kbytes", "20480"]),
			(20_000, 20_480)
		);
		assert_eq!(
			DEFAULT_POOL_KBYTES.parse::<usize>().unwrap(),
			DEFAULT_POOL_LIMIT.parse::<usize>().unwrap() * 5 / 2
		);
	}
}
