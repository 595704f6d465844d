//! The runtime API through which wallets, agencies, merchants and auditors read the S-coin
//! without a transaction. The node serves it over JSON-RPC as `scoin_programme`,
//! `scoin_standing`, `scoin_settlements`, `scoin_supply` and `scoin_distribution`.
//!
//! Version 2 added [`SCoinApi::distribution`]; a node asks a block's runtime for its version
//! before calling it, so that it reads blocks from before the upgrade too.

use crate::types::{
	Distribution, DistributionId, Programme, ProgrammeId, Settlement, SettlementId, Standing,
	SupplyLedger,
};
use codec::Codec;
use seoul_primitives::Page;

sp_api::decl_runtime_apis! {
	/// Reads of the S-coin.
	#[api_version(2)]
	pub trait SCoinApi<AccountId, Balance, BlockNumber, MaxNameLength>
	where
		AccountId: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		Balance: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		BlockNumber: Codec + Clone + PartialEq + Eq + core::fmt::Debug,
		MaxNameLength: sp_core::Get<u32>,
	{
		/// A programme's state: budget, issued so far, rules, schedule and status.
		fn programme(programme: ProgrammeId) -> Option<Programme<AccountId, Balance, BlockNumber, MaxNameLength>>;

		/// A citizen's standing in a programme at this block: the period, what the citizen
		/// earned in it and what the cap still allows; `None` if there is no such programme.
		fn standing(programme: ProgrammeId, citizen: AccountId) -> Option<Standing<Balance, BlockNumber>>;

		/// A page of a merchant's settlement requests, pending and settled: up to `limit` (at most
		/// 100) after `start`, the previous page's `next` (see `Pallet::settlements_of`).
		fn settlements(merchant: AccountId, start: Option<SettlementId>, limit: u32) -> Page<SettlementId, Settlement<AccountId, Balance, BlockNumber>>;

		/// The supply ledger and, beside it, the total issuance it must add up to.
		fn supply() -> (SupplyLedger<Balance>, Balance);

		/// A city-wide distribution: its programme, amount, the block it was scheduled in, the
		/// citizens paid and the total so far, and whether it is paying, completed or stopped;
		/// `None` if there is no such distribution.
		#[api_version(2)]
		fn distribution(distribution: DistributionId) -> Option<Distribution<AccountId, Balance, BlockNumber>>;
	}
}
