//! The node's own JSON-RPC methods, beside those every Substrate node serves (`system_*`,
//! `chain_*`, `state_*`, `author_*`, `chainHead_v1_*`, …).
//!
//! Each pallet whose reads wallets, services or auditors need adds its module here, built on the
//! pallet's runtime API, so that the explorer and the RPC see the same answers.

pub mod citizens;
pub mod credentials;
pub mod scoin;

use std::sync::Arc;

use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use seoul_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs at a block.
	pub client: Arc<C>,
	/// The transaction pool, for the next nonce of an account.
	pub pool: Arc<P>,
}

/// Builds the node's RPC methods: account nonces (`system_accountNextIndex`), fee queries
/// (`payment_queryInfo`, `payment_queryFeeDetails`; fees are zero on this chain), the Citizens
/// Card register (`citizens_authenticate`, `citizens_member`), the S-coin (`scoin_programme`,
/// `scoin_standing`, `scoin_settlements`, `scoin_supply`) and the credentials register
/// (`credentials_verify`, `credentials_schema`, `credentials_submissions`).
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: pallet_citizens::runtime_api::CitizensApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_scoin::runtime_api::SCoinApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
		seoul_runtime::configs::scoin::MaxNameLength,
	>,
	C::Api: pallet_credentials::runtime_api::CredentialsApi<
		Block,
		AccountId,
		BlockNumber,
		seoul_runtime::configs::credentials::MaxSchemaNameLength,
		seoul_runtime::configs::credentials::MaxCredentialsPerSubmission,
	>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use citizens::{Citizens, CitizensApiServer};
	use credentials::{Credentials, CredentialsApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use scoin::{SCoin, SCoinApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Citizens::new(client.clone()).into_rpc())?;
	module.merge(SCoin::new(client.clone()).into_rpc())?;
	module.merge(Credentials::new(client).into_rpc())?;
	Ok(module)
}
