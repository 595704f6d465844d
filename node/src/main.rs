//! `seoul-node`: a validator, full or archive node of the Seoul civic chain.

// `sc_cli::Error`, the error type of every Substrate command, is large; it is upstream's to box.
#![allow(clippy::result_large_err)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() {
	// Addresses printed by `key` and the logs use the chain's own prefix.
	sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
		seoul_primitives::SS58_PREFIX,
	));
	// Errors end the process with one clear line and a non-zero exit, never a panic trace.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
