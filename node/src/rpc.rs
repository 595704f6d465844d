//! The node's own JSON-RPC methods, beside those every Substrate node serves (`system_*`,
//! `chain_*`, `state_*`, `author_*`, `chainHead_v1_*`, …).
//!
//! Each pallet whose reads wallets, services or auditors need adds its module here, built on the
//! pallet's runtime API, so that the explorer and the RPC see the same answers. The helpers every
//! module uses live here: the block a read is made at, accounts and DIDs read and written under
//! the chain's one address rule (`seoul_primitives::address`), list pages (`serve_page`, so that
//! every list takes its block, default limit and cursor alike and answers the same JSON) and
//! errors. Every method is `blocking`: it runs on a blocking thread, so that a slow runtime call
//! never holds up the server's workers.

pub mod citizens;
pub mod consents;
pub mod credentials;
pub mod donations;
pub mod governance;
pub mod labor;
pub mod scoin;

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	types::{error::ErrorObjectOwned, ErrorObject},
	RpcModule,
};
use sc_transaction_pool_api::TransactionPool;
use seoul_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// The JSON-RPC error code of a request the node could not answer (e.g. an unknown block).
pub const RUNTIME_ERROR: i32 = 1;
/// The JSON-RPC error code of a malformed argument.
pub const INVALID_ARGUMENT: i32 = 2;

/// `at`, or the best block if none is given.
pub fn at_or_best<C: HeaderBackend<Block>>(client: &C, at: Option<Hash>) -> Hash {
	at.unwrap_or_else(|| client.info().best_hash)
}

/// The address of `account` in this chain's format.
pub fn address(account: &AccountId) -> String {
	seoul_primitives::address::encode(account.as_ref())
}

/// The DID of `account`.
pub fn did_of(account: &AccountId) -> String {
	seoul_primitives::address::did(account.as_ref())
}

/// The account named by `did_or_address`: a `did:seoul:` DID of this chain, or an address in
/// this chain's format or the generic one (`seoul_primitives::address`).
pub fn account_of(did_or_address: &str) -> Result<AccountId, ErrorObjectOwned> {
	seoul_primitives::address::decode_did_or_address(did_or_address).map(AccountId::new).map_err(
		|error| {
			let shown: String = did_or_address.chars().take(80).collect();
			ErrorObject::owned(
				INVALID_ARGUMENT,
				format!(
					"{shown:?} is neither a did:seoul: DID nor an address of this chain ({error:?})"
				),
				None::<()>,
			)
		},
	)
}

/// A runtime API failure as an RPC error.
pub fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, format!("the runtime could not answer: {error}"), None::<()>)
}

/// Lower camel case of a `Debug`-printed enum variant, as the JSON shows kinds and roles.
pub fn camel(variant: impl std::fmt::Debug) -> String {
	let name = format!("{variant:?}");
	let mut chars = name.chars();
	chars.next().map(|first| first.to_lowercase().chain(chars).collect()).unwrap_or_default()
}

/// A page of a list, read at block `at` (default: the best block), as JSON: its items, made by
/// `item`, under `name`, and the `next` cursor to pass as `start` for the page after. `read` asks
/// the runtime for the page at a block, of at most `limit` items: by default `MAX_PAGE_SIZE`, the
/// most the runtime serves (it clamps a larger limit), so that a caller who gives none gets the
/// fullest page. Its failure is the RPC's `RUNTIME_ERROR`.
pub fn serve_page<C, Id, Item, E>(
	client: &C,
	at: Option<Hash>,
	limit: Option<u32>,
	name: &str,
	read: impl FnOnce(Hash, u32) -> Result<seoul_primitives::Page<Id, Item>, E>,
	item: impl Fn(Id, Item) -> serde_json::Value,
) -> RpcResult<serde_json::Value>
where
	C: HeaderBackend<Block>,
	Id: Copy + serde::Serialize,
	E: std::fmt::Display,
{
	let at = at_or_best(client, at);
	let limit = limit.unwrap_or(seoul_primitives::MAX_PAGE_SIZE);
	let page = read(at, limit).map_err(runtime_error)?;
	let items: Vec<_> = page.items.into_iter().map(|(id, entry)| item(id, entry)).collect();
	Ok(serde_json::json!({ name: items, "next": page.next }))
}

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
/// `scoin_standing`, `scoin_settlements`, `scoin_supply`, `scoin_distribution`), the credentials register
/// (`credentials_verify`, `credentials_schema`, `credentials_submissions`), health-record consents
/// (`consents_check`, `consents_list`, `consents_accesses`), donations (`donations_campaign`,
/// `donations_campaigns`, `donations_campaignDonations`, `donations_spending`,
/// `donations_ofDonor`, `donations_receipts`, `donations_charity`) and part-time work
/// (`labor_contract`, `labor_contracts`, `labor_history`, `labor_timesheet`, `labor_minimumWage`, `labor_pay`,
/// `labor_payStatements`, `labor_enrolments`, `labor_overdue`) and the governed path to Root
/// (`enactment_pending`, `enactment_delay`) and the validators' standing (`validatorSet_status`).
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
	C::Api: pallet_consents::runtime_api::ConsentsApi<Block, AccountId, BlockNumber>,
	C::Api: pallet_donations::runtime_api::DonationsApi<
		Block,
		AccountId,
		Balance,
		seoul_runtime::configs::donations::MaxMilestones,
		seoul_runtime::configs::donations::MaxReceiptLines,
	>,
	C::Api: pallet_labor::runtime_api::LaborApi<
		Block,
		AccountId,
		seoul_runtime::configs::labor::MaxAllowances,
	>,
	C::Api: pallet_enactment::runtime_api::EnactmentApi<
		Block,
		seoul_runtime::Hash,
		BlockNumber,
		seoul_runtime::configs::governance::BoundedRootCall,
	>,
	C::Api: pallet_validator_set::runtime_api::ValidatorSetApi<
		Block,
		AccountId,
		AuraId,
		sp_session::MembershipProof,
	>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use citizens::{Citizens, CitizensApiServer};
	use consents::{Consents, ConsentsApiServer};
	use credentials::{Credentials, CredentialsApiServer};
	use donations::{Donations, DonationsApiServer};
	use governance::{Enactment, EnactmentApiServer};
	use labor::{Labor, LaborApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use scoin::{SCoin, SCoinApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;
	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Citizens::new(client.clone()).into_rpc())?;
	module.merge(SCoin::new(client.clone()).into_rpc())?;
	module.merge(Credentials::new(client.clone()).into_rpc())?;
	module.merge(Consents::new(client.clone()).into_rpc())?;
	module.merge(Donations::new(client.clone()).into_rpc())?;
	module.merge(Labor::new(client.clone()).into_rpc())?;
	module.merge(Enactment::new(client).into_rpc())?;
	Ok(module)
}
