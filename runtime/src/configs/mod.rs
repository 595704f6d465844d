//! The configuration of every pallet, grouped by concern:
//! - this module: accounts, time, balances, fees and utilities;
//! - [`accounts`]: what the chain keeps of an account (balances and quota usage, in one entry);
//! - [`governance`]: the City Council, [`CityOrigin`] (the runtime's one privileged origin), the
//!   governed path to Root and the emergency brakes;
//! - [`consensus`]: validators, sessions, Aura, GRANDPA and node authorisation;
//! - [`citizens`]: the Citizens Card register;
//! - [`scoin`]: the S-coin;
//! - [`credentials`]: paperless credentials.
//! - [`labor`]: part-time work contracts and time sheets.

pub mod accounts;
pub mod citizens;
pub mod consensus;
pub mod consents;
pub mod credentials;
pub mod donations;
pub mod governance;
pub mod labor;
pub mod scoin;

pub use governance::CityOrigin;

use frame_support::{
	derive_impl,
	dispatch::{DispatchClass, GetDispatchInfo},
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, ConstU8, Contains, InsideBoth, VariantCountOf},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, ConstantMultiplier, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::{
	generic::Era,
	traits::{One, StaticLookup, TransactionExtension},
	Perbill,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, OriginCaller, PalletInfo,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin,
	RuntimeTask, SCoin, System, EXISTENTIAL_DEPOSIT, SLOT_DURATION, VERSION,
};

/// Share of a block that ordinary transactions may fill; the rest is kept for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	/// Number of recent block hashes kept for transaction mortality checks.
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime version, for `frame_system`.
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of execution in a six-second block, with the costs of an empty block and of
	/// an extrinsic measured on the reference machine (`crate::weights`).
	pub RuntimeBlockWeights: BlockWeights = block_weights(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
	);
	/// At most 5 MiB of extrinsics per block.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The address prefix of the chain.
	pub const SS58Prefix: u16 = seoul_primitives::SS58_PREFIX;
}

/// The limits of a block of `max_block` weight: [`NORMAL_DISPATCH_RATIO`] of it for ordinary
/// transactions and the rest for operational ones, a tenth expected for `on_initialize`, and the
/// base costs of the block and of each extrinsic as `scripts/benchmark.sh overhead` measured
/// them here, not upstream's reference figures.
fn block_weights(max_block: Weight) -> BlockWeights {
	let normal = NORMAL_DISPATCH_RATIO * max_block;
	BlockWeights::builder()
		.base_block(crate::weights::block_weights::BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |class| class.base_extrinsic = extrinsic_base_weight())
		.for_class(DispatchClass::Normal, |class| class.max_total = Some(normal))
		.for_class(DispatchClass::Operational, |class| {
			class.max_total = Some(max_block);
			class.reserved = Some(max_block - normal);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build()
		.expect("the measured base weights fit well within a block; the runtime's tests build it")
}

/// What an extrinsic costs besides its call and its transaction extensions, which are weighed on
/// their own: the measured cost of a no-op (`System::remark` signed with every extension,
/// [`crate::weights::extrinsic_weights`]) less what that remark's call and extensions are
/// finally charged. `benchmark overhead` times the extensions as part of the no-op, so its
/// figure as is would charge every transaction for its extensions twice (polkadot-sdk issue
/// 9981). The no-ops it times are a member's transactions after the first of a quota period, of
/// which the Citizens Card gate keeps `check_member` of its up-front charge.
pub fn extrinsic_base_weight() -> Weight {
	use pallet_citizens::WeightInfo as _;
	let remark = RuntimeCall::System(frame_system::Call::remark { remark: Default::default() });
	let gate = pallet_citizens::CheckMember::<Runtime>::from(0).weight(&remark);
	let charged = crate::tx_extension(0, Era::Immortal, 0)
		.weight(&remark)
		.saturating_sub(gate)
		.saturating_add(<Runtime as pallet_citizens::Config>::WeightInfo::check_member())
		.saturating_add(remark.get_dispatch_info().call_weight);
	crate::weights::extrinsic_weights::ExtrinsicBaseWeight::get().saturating_sub(charged)
}

/// The smallest transfer that may create an account: 1 SCN. Accounts of non-members can never
/// transact, so they can never clean up after themselves; at the existential deposit (0.001 SCN)
/// a member could fill the state with a million of them for 1,000 SCN. A member's account exists
/// from registration, so transfers between members are not bound by it.
pub const MIN_NEW_ACCOUNT_TRANSFER: Balance = seoul_primitives::currency::SCN;

/// The calls the runtime allows members at all: every call but `Utility::as_derivative`,
/// through which a member could act as derived accounts the city never registered;
/// `Session::purge_keys`, through which validators could drop out of the authorities together
/// and halt the chain (operators purge through `ValidatorSet::purge_keys`, once out of the set);
/// `Balances::burn`, because S-coins leave circulation only through settlement, redemption, and
/// the dust and tips routed through `SCoin`, all of which the supply ledger accounts for; and a
/// transfer that would create an account with less than [`MIN_NEW_ACCOUNT_TRANSFER`] (or a
/// `transfer_all` to an account that does not exist, whose amount is not known here). Root,
/// i.e. the city, is never filtered: its forced balance changes (`Balances::force_set_balance`,
/// `force_adjust_total_issuance`, `Sudo::sudo_as`) bypass the ledger, and `try_state` flags them.
pub struct CallFilter;
impl Contains<RuntimeCall> for CallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_balances::Call as Transfer;
		match call {
			RuntimeCall::Utility(pallet_utility::Call::as_derivative { .. })
			| RuntimeCall::Session(pallet_session::Call::purge_keys {})
			| RuntimeCall::Balances(Transfer::burn { .. }) => false,
			RuntimeCall::Balances(
				Transfer::transfer_allow_death { dest, value }
				| Transfer::transfer_keep_alive { dest, value },
			) => *value >= MIN_NEW_ACCOUNT_TRANSFER || exists(dest),
			RuntimeCall::Balances(Transfer::transfer_all { dest, .. }) => exists(dest),
			_ => true,
		}
	}
}

/// Whether the account `dest` names exists; an address that names no account does not.
fn exists(dest: &<<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source) -> bool {
	<Runtime as frame_system::Config>::Lookup::lookup(dest.clone())
		.is_ok_and(|who| System::account_exists(&who))
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type BaseCallFilter = InsideBoth<CallFilter, governance::Brakes>;
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores its state in ParityDB only; its costs as measured on the reference machine.
	type DbWeight = crate::weights::paritydb_weights::constants::ParityDbWeight;
	type Version = Version;
	// Balances and the quota usage, in the entry every transaction writes for its nonce.
	type AccountData = accounts::AccountData;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	// Measured here: `extrinsic_base_weight` subtracts an empty remark's weight from the no-op
	// measured here, so the remark must be weighed on the same machine.
	type SystemWeightInfo = crate::weights::frame_system::WeightInfo<Runtime>;
	// Measured here: the defaults would charge the nonce, mortality and weight checks nothing.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	// The dust of reaped accounts leaves the issuance through the S-coin's supply ledger.
	type DustRemoval = SCoin;
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = accounts::AccountPart<pallet_balances::AccountData<Balance>>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Transactions are free: only active members of the Citizens Card register may transact
/// (`pallet_citizens::CheckMember`), and their daily quota of work, not a price, keeps the chain
/// from being flooded. Wallets' fee estimates therefore read zero; tips are refused
/// ([`crate::extensions::RefuseTips`]).
pub type NoFee = ConstantMultiplier<Balance, ConstU128<0>>;

parameter_types! {
	/// Fees do not rise with congestion: the city sizes blocks for its load.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Fees and tips are zero; were either not, it would leave the issuance through the S-coin's
	// supply ledger.
	type OnChargeTransaction = FungibleAdapter<Balances, SCoin>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = NoFee;
	type LengthToFee = NoFee;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}

/// Transactions the runtime itself makes: a node's unsigned report of a GRANDPA equivocation.
impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = super::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> super::UncheckedExtrinsic {
		super::UncheckedExtrinsic::new_bare(call)
	}
}
