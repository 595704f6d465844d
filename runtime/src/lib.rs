//! # Seoul civic chain runtime
//!
//! The state transition function of the city's permissioned chain. Validators are the city's
//! operators ([`ValidatorSet`], Aura and GRANDPA through [`Session`]); only nodes the city knows
//! may connect ([`NodeAuthorization`]); the City Council ([`Council`], its members kept by
//! [`CouncilMembership`]) governs through [`configs::CityOrigin`], the one privileged origin of
//! every pallet. Only members of the Citizens Card register ([`Citizens`]) may transact, free of
//! fees within a daily quota of work. The native currency is the S-coin (`SCN`,
//! [`seoul_primitives::currency`]).
//!
//! The runtime is laid out as:
//! - `configs/`: each pallet's configuration, grouped by concern;
//! - `apis.rs`: the runtime APIs the node, wallets and the explorer call;
//! - `genesis_config_presets.rs`: the `development` and `local_testnet` genesis, and the
//!   genesis builder used for production chain specs;
//! - `benchmarks.rs`: the pallets measured by `seoul-node benchmark pallet`.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod extensions;
pub mod genesis_config_presets;
#[cfg(feature = "upgrade-rehearsal")]
pub mod rehearsal;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use seoul_primitives::{
	currency::{EXISTENTIAL_DEPOSIT, SCN},
	time::{DAYS, HOURS, MILLISECS_PER_BLOCK, MINUTES, SLOT_DURATION},
	AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types for the node, which must not depend on the runtime's exact extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The keys a validator registers with `Session::set_keys`: one for each consensus engine.
	pub struct SessionKeys {
		/// Block authoring (sr25519).
		pub aura: Aura,
		/// Finality voting (ed25519).
		pub grandpa: Grandpa,
	}
}

/// Declares [`VERSION`] with `spec_version` `$spec`: `runtime_version` reads it as a literal into
/// the WASM's custom section, so the upgrade rehearsal's next version is a second declaration.
macro_rules! runtime_version {
	($spec:tt) => {
		/// The runtime's version; wallets and the explorer read it to know how to encode
		/// transactions.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("seoul-civic-chain"),
			impl_name: alloc::borrow::Cow::Borrowed("seoul-civic-chain"),
			authoring_version: 1,
			spec_version: $spec,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

// 101: an account's entry holds its quota usage (issue 10); no chain ran 100.
// 103: governance (Preimage, Scheduler, Enactment, TxPause, SafeMode); validator hygiene
// (Authorship, Historical, Offences).
// 104: each network's session length (ValidatorSet.SessionLength); Aura equivocation reports.
// 105: weights of this machine; health-record consents (Consents) and the healthcare provider's
// member kind and role (Citizens v2).
// 106: consents pause while their patient is suspended or a provider lost its role; emergency
// reads bounded per provider, patient and day (Consents.EmergencyAccessCounts); donations
// (Donations).
// 107: unpaid refunds claimed later (Donations.UnpaidRefunds, claim_refund); won records
// retracted before confirmation and dated within their campaign's life
// (Donations.CampaignOpenedAt); spent emergency windows swept in idle time
// (Consents.EmergencySweepCursor, NextEmergencySweep, MaxSweptPerBlock).
#[cfg(not(feature = "upgrade-rehearsal"))]
runtime_version!(107);
// The upgrade rehearsal's runtime: this one's next version (`runtime/upgrade-rehearsal`).
#[cfg(feature = "upgrade-rehearsal")]
runtime_version!(108);

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction passes, in order. None adds bytes a stock wallet does not
/// know how to sign: polkadot.js apps, its extension, @polkadot/api and subxt all sign as is.
/// `pallet_citizens::CheckMember` is `frame_system::CheckNonce` (same identifier, same signed
/// nonce) with the Citizens Card gate: only members' signed transactions, within the bounds of one
/// transaction and their fee-free quota of work, ranked by the gate's priority.
/// [`extensions::RefuseTips`] is `ChargeTransactionPayment` (same identifier, same signed tip)
/// refusing tips, which would otherwise buy priority.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	pallet_citizens::CheckMember<Runtime>,
	frame_system::CheckWeight<Runtime>,
	extensions::RefuseTips,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
);

/// The transaction extension a stock wallet signs: its `nonce`, its mortality `era` and a `tip`
/// (which the chain refuses unless zero), without a metadata hash.
pub fn tx_extension(nonce: Nonce, era: generic::Era, tip: Balance) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(era),
		pallet_citizens::CheckMember::from(nonce),
		frame_system::CheckWeight::new(),
		extensions::RefuseTips::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
	)
}

/// An extrinsic as submitted to the chain.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Migrations run on the next runtime upgrade, beside the pallets' own: each pallet of ours
/// steps to the storage version of this runtime. A step is a no-op on a chain already there, so
/// the list only grows until every network has run it (docs/OPERATORS.md).
pub type PalletMigrations = (
	pallet_citizens::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_citizens::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_scoin::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_credentials::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_labor::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_validator_set::migrations::v1::MigrateV0ToV1<Runtime>,
);

/// The migrations of this runtime's next upgrade.
#[cfg(not(feature = "upgrade-rehearsal"))]
pub type Migrations = PalletMigrations;
/// The migrations of the upgrade rehearsal: the pallets', then the rehearsal's own record.
#[cfg(feature = "upgrade-rehearsal")]
pub type Migrations = (PalletMigrations, rehearsal::RecordRehearsal);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Seoul civic chain runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks and events.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The block's time, set by its author.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// S-coin balances.
	#[runtime::pallet_index(2)]
	pub type Balances = pallet_balances;

	/// Transaction fees and tips; fees are zero on this chain (see `configs::NoFee`).
	#[runtime::pallet_index(3)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// The operators the city chose to validate. Before `Session`, whose genesis reads it.
	#[runtime::pallet_index(4)]
	pub type ValidatorSet = pallet_validator_set;

	/// Session keys and the rotation of the validator set. Before `Aura` and `Grandpa`, whose
	/// authorities its genesis sets.
	#[runtime::pallet_index(5)]
	pub type Session = pallet_session;

	/// Block authoring in turns (proof of authority).
	#[runtime::pallet_index(6)]
	pub type Aura = pallet_aura;

	/// Finality.
	#[runtime::pallet_index(7)]
	pub type Grandpa = pallet_grandpa;

	/// The nodes the city allows on its network.
	#[runtime::pallet_index(8)]
	pub type NodeAuthorization = pallet_node_authorization;

	/// The City Council's motions and votes.
	#[runtime::pallet_index(9)]
	pub type Council = pallet_collective<Instance1>;

	/// Who sits on the City Council.
	#[runtime::pallet_index(10)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	/// Batches of calls.
	#[runtime::pallet_index(11)]
	pub type Utility = pallet_utility;

	/// A superuser for development and test networks; a production chain has no key.
	#[runtime::pallet_index(12)]
	pub type Sudo = pallet_sudo;

	/// The Citizens Card: members, their DIDs and roles, the transaction quota, authentication.
	#[runtime::pallet_index(13)]
	pub type Citizens = pallet_citizens;

	/// The S-coin: reward programmes, ZeroPay payments, the rewards catalogue and settlement.
	#[runtime::pallet_index(14)]
	pub type SCoin = pallet_scoin;

	/// Credentials: schemas, attested credential hashes and their status, submissions.
	#[runtime::pallet_index(15)]
	pub type Credentials = pallet_credentials;

	/// Part-time work: contracts signed by both sides, time sheets, labour inspectors' rulings.
	#[runtime::pallet_index(16)]
	pub type Labor = pallet_labor;

	/// The bytes of calls waiting in the scheduler's agenda.
	#[runtime::pallet_index(17)]
	pub type Preimage = pallet_preimage;

	/// Calls dispatched at a later block: the Root calls `Enactment` schedules.
	#[runtime::pallet_index(18)]
	pub type Scheduler = pallet_scheduler;

	/// The council's governed path to Root: 3/4 of the council, an enactment delay, a cancel.
	#[runtime::pallet_index(19)]
	pub type Enactment = pallet_enactment;

	/// Emergency brake: the council pauses named calls or pallets.
	#[runtime::pallet_index(20)]
	pub type TxPause = pallet_tx_pause;

	/// Emergency brake: the council pauses everything but governance for a time.
	#[runtime::pallet_index(21)]
	pub type SafeMode = pallet_safe_mode;

	/// Who authored each block, counted by the validator set to report a silent validator.
	#[runtime::pallet_index(22)]
	pub type Authorship = pallet_authorship;

	/// Each session's validator set, kept so that an equivocation can be proven against it.
	#[runtime::pallet_index(23)]
	pub type Historical = pallet_session::historical;

	/// Offences proven on chain (equivocations), recorded for the council.
	#[runtime::pallet_index(24)]
	pub type Offences = pallet_offences;

	/// Smart healthcare: patients' consents to read their records, and every read logged.
	#[runtime::pallet_index(25)]
	pub type Consents = pallet_consents;

	/// Donations: campaigns with milestones, S-coin in escrow, refunds and donation receipts.
	#[runtime::pallet_index(26)]
	pub type Donations = pallet_donations;
}
