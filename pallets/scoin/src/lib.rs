//! # S-coin
//!
//! The city's reward currency. Citizens earn S-coins for using public services (paying taxes,
//! answering polls, saving energy, …) from budgeted programmes that city agencies run, pay
//! ZeroPay merchants with them by scanning a signed QR payment request, or redeem them for items
//! of the rewards catalogue; merchants settle S-coins with the city for won, without commission.
//! S-coins are the chain's native currency (`Config::Currency`, the runtime's balances), and
//! this pallet is the only one that mints them.
//!
//! ## Overview
//!
//! - **Programmes.** The city ([`Config::CityOrigin`]) creates a programme: a name, the agency
//!   that runs it, the service it rewards, a budget, a [`RewardRule`] (a fixed reward per event,
//!   or any reward up to a maximum), a cap per citizen per period, and a start and an end block.
//!   The city tops it up, pauses, resumes and closes it; closing releases what is left of the
//!   budget, which no one can mint any more. A budget is an allowance to mint, not a sum set
//!   aside: nothing exists before a citizen is rewarded.
//! - **Issuing.** The city or the programme's agency appoints reward issuers: members holding
//!   [`Role::RewardIssuer`], which only the city grants. An issuer rewards a citizen for one
//!   service event identified by a receipt id, a hash the agency derives from its own record (the
//!   tax payment, the poll answer); a receipt is rewarded once per programme. A reward never
//!   exceeds the programme's budget or the citizen's cap for the current period (periods are
//!   counted from the programme's start), and a paused, closed, not yet started or ended
//!   programme rewards nothing.
//! - **Batch issuing.** [`Pallet::reward_batch`] rewards up to [`Config::MaxBatchSize`] events in
//!   one transaction, the way an agency pays out a campaign. It is **not** all-or-nothing: each
//!   entry is checked as [`Pallet::reward`] would check it; an entry that would be refused is
//!   skipped and reported in a [`Event::RewardRefused`] with the error, the others are paid, and
//!   [`Event::BatchRewarded`] sums up. One citizen who moved away must not hold back the rewards
//!   of a million others, and the agency resubmits the refused entries once it has looked into
//!   them (a paid receipt cannot be paid twice). Only an error of the whole batch (an unknown or
//!   inactive programme, an issuer who is not one, an empty batch) refuses it.
//! - **City-wide distributions.** The city schedules a payment of one amount to every active
//!   citizen registered before its block, from a programme's budget
//!   ([`Pallet::schedule_distribution`]). The chain pays it in the blocks' idle time, walking the
//!   Citizens Card register ([`MemberRegistry::walk_citizens`]) from where the last block
//!   stopped. Because the walk only goes forward, each citizen is paid once without a receipt or
//!   an earnings record: one balance write per citizen, which is what pays a whole city in
//!   minutes rather than hours (see [`distributions`]). Distributions pay one at a time, oldest
//!   first; one waits while its programme is paused or out of budget and stops when it closes or
//!   ends, or when the city cancels it.
//! - **ZeroPay merchants.** A member holding [`Role::Merchant`] registers its ZeroPay merchant id
//!   and an ISO 18245 merchant category code. It signs payment requests off chain (see [`qr`] for
//!   the signed bytes and the `scoin:pay?…` QR payload); the payer submits one with
//!   [`Pallet::pay`], and the chain checks the signature, the expiry (at most
//!   [`Config::MaxPaymentValidity`] ahead) and that this merchant's nonce was never paid, then
//!   moves the S-coins with an event that carries the order reference.
//! - **Rewards catalogue.** The city lists items with a price and a stock; a citizen redeems one:
//!   the price is burned, the stock falls by one and a [`Voucher`] is recorded under a new id,
//!   which the partner who hands the item over checks.
//! - **Settlement.** A registered merchant asks to settle an amount: it is burned at once and a
//!   pending [`Settlement`] is recorded; a member holding [`Role::SettlementAgent`] confirms it
//!   with the hash of the bank transfer's reference once the city's bank has paid the won. No
//!   commission is taken anywhere: what is burned is what is owed.
//! - **Supply.** [`Supply`] accounts for every change of the total issuance: the issuance at
//!   genesis, everything minted by programmes, everything burned in settlement and redemption,
//!   and the dust and tips the runtime routes here through this pallet's [`OnUnbalanced`]
//!   implementation. `try_state` checks that they add up to the total issuance.
//!
//! ## Interface
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::create_programme`], [`Pallet::top_up_programme`], [`Pallet::pause_programme`],
//!   [`Pallet::resume_programme`], [`Pallet::close_programme`].
//! - [`Pallet::list_catalogue_item`], [`Pallet::set_catalogue_stock`].
//! - [`Pallet::schedule_distribution`], [`Pallet::cancel_distribution`].
//!
//! ### The city or the programme's agency
//! - [`Pallet::add_reward_issuer`], [`Pallet::remove_reward_issuer`].
//!
//! ### Reward issuers of a programme
//! - [`Pallet::reward`], [`Pallet::reward_batch`].
//!
//! ### Merchants (members holding [`Role::Merchant`])
//! - [`Pallet::register_merchant`], [`Pallet::deregister_merchant`],
//!   [`Pallet::request_settlement`].
//!
//! ### Citizens and other payers
//! - [`Pallet::pay`] (any signed origin), [`Pallet::redeem`] (active citizens).
//!
//! ### Settlement agents ([`Config::SettlementOrigin`]: members holding [`Role::SettlementAgent`])
//! - [`Pallet::confirm_settlement`].
//!
//! ### Runtime API
//! - [`runtime_api::SCoinApi`]: a programme's state, a citizen's standing in it, a merchant's
//!   settlements, the supply ledger and a city-wide distribution.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod distributions;
pub mod migrations;
#[cfg(test)]
mod mock;
mod pruning;
pub mod qr;
mod rewards;
pub mod runtime_api;
#[cfg(test)]
mod tests;
#[cfg(any(feature = "try-runtime", test))]
mod try_state;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use seoul_primitives::membership::{MemberKind, MemberRegistry, Role};
pub use seoul_primitives::{Page, MAX_PAGE_SIZE};
pub use types::{
	CatalogueItem, Distribution, DistributionId, DistributionStatus, Earnings, ItemId,
	MerchantCategoryCode, MerchantProfile, PaymentRequest, Programme, ProgrammeId, ProgrammeStatus,
	ReceiptRecord, RewardEntry, RewardRule, ServiceCategory, Settlement, SettlementId,
	SettlementStatus, Standing, StopReason, SupplyLedger, Voucher, VoucherId,
};
pub use weights::WeightInfo;

use rewards::Payout;

use alloc::vec::Vec;
use frame_support::{
	ensure,
	traits::{
		fungible::{self, Credit, Inspect, Mutate},
		tokens::{Fortitude, Precision, Preservation},
		Imbalance, OnUnbalanced,
	},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, IdentifyAccount, Saturating, Verify, Zero},
	DispatchError, SaturatedConversion,
};

/// The balance type of the S-coin.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The S-coin pallet.
#[frame_support::pallet]
// `create_programme` takes a programme's terms as separate arguments, so that each is its own
// field in wallets and the explorer; the macro copies the signature into generated functions.
#[allow(clippy::too_many_arguments)]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Test defaults: small bounds, so that tests reach them.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxNameLength = ConstU32<32>;
			type MaxMerchantIdLength = ConstU32<16>;
			type MaxOrderReferenceLength = ConstU32<32>;
			type MaxBatchSize = ConstU32<8>;
			type MaxPrunedPerBlock = ConstU32<4>;
			type MaxPendingSettlements = ConstU32<8>;
			type MaxQueuedDistributions = ConstU32<2>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the S-coin.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The city: creates and runs programmes and the catalogue.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The Citizens Card register: who is an active citizen, agency or merchant, and who holds
		/// which role.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// Who confirms settlements: members holding the settlement-agent role. Succeeds with
		/// the agent's account, which the record names.
		#[pallet::no_default]
		type SettlementOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// The S-coin itself: the runtime's native currency, which this pallet mints and burns.
		#[pallet::no_default]
		type Currency: fungible::Mutate<Self::AccountId> + fungible::Balanced<Self::AccountId>;

		/// A merchant's signature over a payment request.
		#[pallet::no_default]
		type Signature: Verify<Signer = Self::Signer> + Parameter + MaxEncodedLen;

		/// The key that makes [`Config::Signature`]: an account's own key.
		#[pallet::no_default]
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;

		/// How far ahead, in blocks, a payment request may expire. Short, because a QR code is
		/// shown at a till and a request is paid there and then.
		#[pallet::constant]
		#[pallet::no_default]
		type MaxPaymentValidity: Get<BlockNumberFor<Self>>;

		/// Most settlement requests a merchant may have pending; the city's settlement agents
		/// confirming them is what lets a merchant ask again, so the records grow at the city's
		/// pace.
		#[pallet::constant]
		type MaxPendingSettlements: Get<u32>;

		/// Most paid-request records examined per block when pruning those whose request expired
		/// (in idle time only, within the block's remaining weight).
		#[pallet::constant]
		type MaxPrunedPerBlock: Get<u32>;

		/// Longest programme or catalogue item name, in bytes of UTF-8.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Longest ZeroPay merchant id, in bytes.
		#[pallet::constant]
		type MaxMerchantIdLength: Get<u32>;

		/// Longest order reference of a payment request, in bytes.
		#[pallet::constant]
		type MaxOrderReferenceLength: Get<u32>;

		/// Most entries in one [`Pallet::reward_batch`].
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;

		/// Most city-wide distributions scheduled and not yet ended; they are paid one at a
		/// time, the oldest first.
		#[pallet::constant]
		type MaxQueuedDistributions: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// A programme in this runtime.
	pub type ProgrammeOf<T> = Programme<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxNameLength,
	>;

	/// A payment request in this runtime.
	pub type PaymentRequestOf<T> = PaymentRequest<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxOrderReferenceLength,
	>;

	/// A batch entry in this runtime.
	pub type RewardEntryOf<T> = RewardEntry<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	/// A merchant's registration in this runtime.
	pub type MerchantProfileOf<T> =
		MerchantProfile<BlockNumberFor<T>, <T as Config>::MaxMerchantIdLength>;

	/// A ZeroPay merchant id in this runtime.
	pub type ZeroPayIdOf<T> = BoundedVec<u8, <T as Config>::MaxMerchantIdLength>;

	/// An order reference in this runtime.
	pub type OrderReferenceOf<T> = BoundedVec<u8, <T as Config>::MaxOrderReferenceLength>;

	/// A name of a programme or catalogue item in this runtime.
	pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;

	/// A catalogue item in this runtime.
	pub type CatalogueItemOf<T> = CatalogueItem<BalanceOf<T>, <T as Config>::MaxNameLength>;

	/// A settlement request in this runtime.
	pub type SettlementOf<T> =
		Settlement<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A voucher in this runtime.
	pub type VoucherOf<T> =
		Voucher<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A rewarded receipt's record in this runtime.
	pub type ReceiptRecordOf<T> =
		ReceiptRecord<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// A city-wide distribution in this runtime.
	pub type DistributionOf<T> =
		Distribution<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The id the next programme gets.
	#[pallet::storage]
	pub type NextProgrammeId<T> = StorageValue<_, ProgrammeId, ValueQuery>;

	/// The programmes, by id. Ids are the city's sequence, so a fast hasher is safe.
	#[pallet::storage]
	pub type Programmes<T: Config> = StorageMap<_, Twox64Concat, ProgrammeId, ProgrammeOf<T>>;

	/// The reward issuers each programme's agency or the city appointed.
	#[pallet::storage]
	pub type RewardIssuers<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgrammeId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Every rewarded receipt, by programme and receipt id; kept for good, so that no receipt is
	/// rewarded twice and auditors can trace each reward to the agency's record.
	#[pallet::storage]
	pub type Receipts<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgrammeId,
		Blake2_128Concat,
		H256,
		ReceiptRecordOf<T>,
		OptionQuery,
	>;

	/// What each citizen earned from each programme in the last period it earned in.
	#[pallet::storage]
	pub type EarningsInPeriod<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProgrammeId,
		Blake2_128Concat,
		T::AccountId,
		Earnings<BalanceOf<T>>,
		OptionQuery,
	>;

	/// The registered ZeroPay merchants, by account.
	#[pallet::storage]
	pub type Merchants<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MerchantProfileOf<T>>;

	/// Which account holds each ZeroPay merchant id, so that an id is registered once.
	#[pallet::storage]
	pub type ZeroPayIds<T: Config> = StorageMap<_, Blake2_128Concat, ZeroPayIdOf<T>, T::AccountId>;

	/// The expiry of each paid payment request, by merchant and nonce: what stops a QR code from
	/// being paid twice while it is valid. Once the request has expired, `pay` refuses it for
	/// that reason, and the record is pruned in idle time ([`PruneCursor`]).
	#[pallet::storage]
	pub type PaidRequests<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u64,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Where the pruning of [`PaidRequests`] stopped: the raw key of the last record it examined;
	/// none when the next sweep starts from the beginning.
	#[pallet::storage]
	pub type PruneCursor<T> = StorageValue<_, BoundedVec<u8, ConstU32<128>>, OptionQuery>;

	/// The id the next catalogue item gets.
	#[pallet::storage]
	pub type NextItemId<T> = StorageValue<_, ItemId, ValueQuery>;

	/// The rewards catalogue, by item id.
	#[pallet::storage]
	pub type Catalogue<T: Config> = StorageMap<_, Twox64Concat, ItemId, CatalogueItemOf<T>>;

	/// The id the next voucher gets.
	#[pallet::storage]
	pub type NextVoucherId<T> = StorageValue<_, VoucherId, ValueQuery>;

	/// Every voucher issued, by id.
	#[pallet::storage]
	pub type Vouchers<T: Config> = StorageMap<_, Twox64Concat, VoucherId, VoucherOf<T>>;

	/// The id the next settlement request gets.
	#[pallet::storage]
	pub type NextSettlementId<T> = StorageValue<_, SettlementId, ValueQuery>;

	/// How many settlement requests each merchant has pending, at most
	/// [`Config::MaxPendingSettlements`].
	#[pallet::storage]
	pub type PendingSettlements<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Every settlement request, by id.
	#[pallet::storage]
	pub type Settlements<T: Config> = StorageMap<_, Twox64Concat, SettlementId, SettlementOf<T>>;

	/// Each merchant's settlement requests, so that a merchant lists its own.
	#[pallet::storage]
	pub type MerchantSettlements<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		SettlementId,
		(),
		OptionQuery,
	>;

	/// The id the next city-wide distribution gets.
	#[pallet::storage]
	pub type NextDistributionId<T> = StorageValue<_, DistributionId, ValueQuery>;

	/// Every city-wide distribution, paying or ended, by id. Ids are the city's sequence, so a
	/// fast hasher is safe.
	#[pallet::storage]
	pub type Distributions<T: Config> =
		StorageMap<_, Twox64Concat, DistributionId, DistributionOf<T>>;

	/// The distributions still paying, oldest first: the first one is paid in idle time.
	#[pallet::storage]
	pub type DistributionQueue<T: Config> =
		StorageValue<_, BoundedVec<DistributionId, T::MaxQueuedDistributions>, ValueQuery>;

	/// How the total issuance came to be; `try_state` checks it against the issuance.
	#[pallet::storage]
	pub type Supply<T: Config> = StorageValue<_, SupplyLedger<BalanceOf<T>>, ValueQuery>;

	/// Starts the supply ledger from the issuance the balances' genesis endowed, which the
	/// runtime builds before this pallet's.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		_config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Supply::<T>::put(SupplyLedger {
				genesis: T::Currency::total_issuance(),
				..Default::default()
			});
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city created a programme.
		ProgrammeCreated {
			programme: ProgrammeId,
			agency: T::AccountId,
			category: ServiceCategory,
			budget: BalanceOf<T>,
		},
		/// The city added to a programme's budget.
		ProgrammeToppedUp { programme: ProgrammeId, amount: BalanceOf<T>, budget: BalanceOf<T> },
		/// The city paused a programme.
		ProgrammePaused { programme: ProgrammeId },
		/// The city resumed a paused programme.
		ProgrammeResumed { programme: ProgrammeId },
		/// The city closed a programme; `released` is the budget it had left.
		ProgrammeClosed { programme: ProgrammeId, released: BalanceOf<T> },
		/// A reward issuer was appointed to a programme.
		RewardIssuerAdded { programme: ProgrammeId, issuer: T::AccountId },
		/// A reward issuer was dismissed from a programme.
		RewardIssuerRemoved { programme: ProgrammeId, issuer: T::AccountId },
		/// A citizen was rewarded for a service event.
		Rewarded {
			programme: ProgrammeId,
			citizen: T::AccountId,
			receipt: H256,
			amount: BalanceOf<T>,
		},
		/// An entry of a batch was refused, and nothing was minted for it.
		RewardRefused {
			programme: ProgrammeId,
			citizen: T::AccountId,
			receipt: H256,
			error: DispatchError,
		},
		/// A batch was processed: `rewarded` entries paid `total`, `refused` entries were not.
		BatchRewarded { programme: ProgrammeId, rewarded: u32, refused: u32, total: BalanceOf<T> },
		/// The city scheduled a distribution of `amount` to every citizen from a programme.
		DistributionScheduled {
			distribution: DistributionId,
			programme: ProgrammeId,
			amount: BalanceOf<T>,
		},
		/// A citizen was paid by a city-wide distribution.
		Distributed { distribution: DistributionId, citizen: T::AccountId, amount: BalanceOf<T> },
		/// A distribution paid every eligible citizen: `paid` of them, `total` in all.
		DistributionCompleted { distribution: DistributionId, paid: u32, total: BalanceOf<T> },
		/// A distribution ended before it paid every eligible citizen.
		DistributionStopped {
			distribution: DistributionId,
			reason: StopReason,
			paid: u32,
			total: BalanceOf<T>,
		},
		/// A merchant registered its ZeroPay id.
		MerchantRegistered {
			merchant: T::AccountId,
			zeropay_id: ZeroPayIdOf<T>,
			category: MerchantCategoryCode,
		},
		/// A merchant withdrew its ZeroPay registration.
		MerchantDeregistered { merchant: T::AccountId, zeropay_id: ZeroPayIdOf<T> },
		/// A payment request was paid.
		Paid {
			merchant: T::AccountId,
			payer: T::AccountId,
			amount: BalanceOf<T>,
			order_reference: OrderReferenceOf<T>,
			nonce: u64,
		},
		/// The city listed a catalogue item.
		CatalogueItemListed { item: ItemId, price: BalanceOf<T>, stock: u32 },
		/// The city set a catalogue item's stock; 0 withdraws it.
		CatalogueStockSet { item: ItemId, stock: u32 },
		/// A citizen redeemed a catalogue item; the price was burned.
		Redeemed { item: ItemId, citizen: T::AccountId, price: BalanceOf<T>, voucher: VoucherId },
		/// A merchant asked to settle; the amount was burned.
		SettlementRequested {
			settlement: SettlementId,
			merchant: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A settlement agent confirmed the bank paid a settlement.
		SettlementConfirmed {
			settlement: SettlementId,
			merchant: T::AccountId,
			amount: BalanceOf<T>,
			bank_reference_hash: H256,
			agent: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No programme has this id.
		UnknownProgramme,
		/// The programme is paused.
		ProgrammePaused,
		/// The programme is closed.
		ProgrammeClosed,
		/// The programme is not paused.
		NotPaused,
		/// The programme has not started.
		NotStarted,
		/// The programme has ended.
		Ended,
		/// A name is empty, too long or not UTF-8.
		BadName,
		/// The programme would end before it starts, or has ended already.
		BadSchedule,
		/// A programme's period is zero blocks.
		ZeroPeriod,
		/// An amount, budget, price or cap is zero.
		ZeroAmount,
		/// The reward rule pays less than the existential deposit or more than the cap.
		BadRewardRule,
		/// The programme's agency is not an active agency.
		NotAgency,
		/// Only the city or the programme's agency may do this.
		CityOrAgencyOnly,
		/// The account does not hold the reward-issuer role.
		NoRewardIssuerRole,
		/// The account is already a reward issuer of the programme.
		AlreadyRewardIssuer,
		/// The account is not a reward issuer of the programme, or no longer holds the role.
		NotRewardIssuer,
		/// The receipt was rewarded before.
		DuplicateReceipt,
		/// The reward rule does not allow this amount, or a distribution's amount is below the
		/// existential deposit.
		AmountNotAllowed,
		/// The beneficiary is not an active citizen.
		NotCitizen,
		/// The reward would exceed the citizen's cap for the period.
		CapExceeded,
		/// The reward would exceed the programme's budget.
		BudgetExhausted,
		/// The batch is empty.
		EmptyBatch,
		/// A total would overflow.
		Overflow,
		/// The merchant has `MaxPendingSettlements` requests pending already.
		TooManyPendingSettlements,
		/// The account does not hold the merchant role.
		NotMerchant,
		/// The account registered a ZeroPay id already.
		AlreadyMerchant,
		/// Another account registered this ZeroPay id.
		ZeroPayIdTaken,
		/// A ZeroPay id or order reference is empty or has a byte outside `A-Z a-z 0-9 - . _ ~`.
		BadReference,
		/// A merchant category code is above 9999.
		BadCategory,
		/// The account is not a registered merchant holding the merchant role.
		UnknownMerchant,
		/// The payment request has expired.
		PaymentExpired,
		/// The payment request expires further ahead than `MaxPaymentValidity`.
		ValidityTooLong,
		/// The payment request was paid before.
		AlreadyPaid,
		/// The signature is not the merchant's over this payment request on this chain.
		BadSignature,
		/// No catalogue item has this id.
		UnknownItem,
		/// The catalogue item is out of stock.
		OutOfStock,
		/// No settlement request has this id.
		UnknownSettlement,
		/// The settlement request was confirmed before.
		AlreadySettled,
		/// `MaxQueuedDistributions` distributions are paying already.
		TooManyDistributions,
		/// No distribution has this id.
		UnknownDistribution,
		/// The distribution has ended.
		DistributionEnded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxBatchSize::get() > 0, "a batch must hold at least one entry");
			assert!(
				T::MaxQueuedDistributions::get() > 0,
				"the city must be able to schedule a distribution"
			);
			assert!(T::MaxNameLength::get() > 0, "names must have room for a byte");
			assert!(T::MaxMerchantIdLength::get() > 0, "ZeroPay ids must have room for a byte");
			assert!(
				T::MaxOrderReferenceLength::get() > 0,
				"order references must have room for a byte"
			);
		}

		/// Prunes paid-request records whose request has expired, as far as the block's remaining
		/// weight and [`Config::MaxPrunedPerBlock`] allow, then pays the oldest city-wide
		/// distribution with the weight left.
		fn on_idle(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
			let pruned = Self::prune_paid_requests_within(now, remaining);
			pruned.saturating_add(Self::distribute_within(remaining.saturating_sub(pruned)))
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates a reward programme run by `agency`, issuing from block `start` to block `end`
		/// (both included). Each citizen earns at most `cap_per_period` in each `period` blocks
		/// counted from `start`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_programme())]
		pub fn create_programme(
			origin: OriginFor<T>,
			name: Vec<u8>,
			agency: T::AccountId,
			category: ServiceCategory,
			budget: BalanceOf<T>,
			reward: RewardRule<BalanceOf<T>>,
			cap_per_period: BalanceOf<T>,
			period: BlockNumberFor<T>,
			start: BlockNumberFor<T>,
			end: BlockNumberFor<T>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			ensure!(
				T::Registry::active_kind(&agency) == Some(MemberKind::Agency),
				Error::<T>::NotAgency
			);
			ensure!(!budget.is_zero() && !cap_per_period.is_zero(), Error::<T>::ZeroAmount);
			ensure!(!period.is_zero(), Error::<T>::ZeroPeriod);
			ensure!(start <= end && end >= Self::now(), Error::<T>::BadSchedule);
			let ceiling = reward.ceiling();
			ensure!(
				ceiling >= T::Currency::minimum_balance()
					&& !ceiling.is_zero()
					&& ceiling <= cap_per_period,
				Error::<T>::BadRewardRule
			);
			let programme = NextProgrammeId::<T>::get();
			let next = programme.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Programmes::<T>::insert(
				programme,
				Programme {
					name,
					agency: agency.clone(),
					category,
					budget,
					issued: Zero::zero(),
					reward,
					cap_per_period,
					period,
					start,
					end,
					status: ProgrammeStatus::Active,
				},
			);
			NextProgrammeId::<T>::put(next);
			Self::deposit_event(Event::ProgrammeCreated { programme, agency, category, budget });
			Ok(())
		}

		/// Adds `amount` to a programme's budget.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::top_up_programme())]
		pub fn top_up_programme(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			Programmes::<T>::try_mutate(programme, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownProgramme)?;
				ensure!(entry.status != ProgrammeStatus::Closed, Error::<T>::ProgrammeClosed);
				entry.budget = entry.budget.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				Self::deposit_event(Event::ProgrammeToppedUp {
					programme,
					amount,
					budget: entry.budget,
				});
				Ok(())
			})
		}

		/// Stops a programme from issuing until it is resumed.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::pause_programme())]
		pub fn pause_programme(origin: OriginFor<T>, programme: ProgrammeId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Programmes::<T>::try_mutate(programme, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownProgramme)?;
				match entry.status {
					ProgrammeStatus::Active => entry.status = ProgrammeStatus::Paused,
					ProgrammeStatus::Paused => return Err(Error::<T>::ProgrammePaused.into()),
					ProgrammeStatus::Closed => return Err(Error::<T>::ProgrammeClosed.into()),
				}
				Self::deposit_event(Event::ProgrammePaused { programme });
				Ok(())
			})
		}

		/// Lets a paused programme issue again.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::resume_programme())]
		pub fn resume_programme(origin: OriginFor<T>, programme: ProgrammeId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Programmes::<T>::try_mutate(programme, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownProgramme)?;
				ensure!(entry.status == ProgrammeStatus::Paused, Error::<T>::NotPaused);
				entry.status = ProgrammeStatus::Active;
				Self::deposit_event(Event::ProgrammeResumed { programme });
				Ok(())
			})
		}

		/// Closes a programme for good, releasing what is left of its budget. Its record, its
		/// receipts and its issuers stay for audit.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_programme())]
		pub fn close_programme(origin: OriginFor<T>, programme: ProgrammeId) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Programmes::<T>::try_mutate(programme, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownProgramme)?;
				ensure!(entry.status != ProgrammeStatus::Closed, Error::<T>::ProgrammeClosed);
				let released = entry.budget_left();
				entry.budget = entry.issued;
				entry.status = ProgrammeStatus::Closed;
				Self::deposit_event(Event::ProgrammeClosed { programme, released });
				Ok(())
			})
		}

		/// Appoints `issuer`, a member holding the reward-issuer role, to reward citizens from a
		/// programme. The city or the programme's agency only.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_reward_issuer())]
		pub fn add_reward_issuer(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			issuer: T::AccountId,
		) -> DispatchResult {
			let entry = Programmes::<T>::get(programme).ok_or(Error::<T>::UnknownProgramme)?;
			Self::ensure_city_or_agency(origin, &entry)?;
			ensure!(entry.status != ProgrammeStatus::Closed, Error::<T>::ProgrammeClosed);
			ensure!(
				T::Registry::has_role(&issuer, Role::RewardIssuer),
				Error::<T>::NoRewardIssuerRole
			);
			ensure!(
				!RewardIssuers::<T>::contains_key(programme, &issuer),
				Error::<T>::AlreadyRewardIssuer
			);
			RewardIssuers::<T>::insert(programme, &issuer, ());
			Self::deposit_event(Event::RewardIssuerAdded { programme, issuer });
			Ok(())
		}

		/// Dismisses a reward issuer of a programme. The city or the programme's agency only.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_reward_issuer())]
		pub fn remove_reward_issuer(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			issuer: T::AccountId,
		) -> DispatchResult {
			let entry = Programmes::<T>::get(programme).ok_or(Error::<T>::UnknownProgramme)?;
			Self::ensure_city_or_agency(origin, &entry)?;
			ensure!(
				RewardIssuers::<T>::take(programme, &issuer).is_some(),
				Error::<T>::NotRewardIssuer
			);
			Self::deposit_event(Event::RewardIssuerRemoved { programme, issuer });
			Ok(())
		}

		/// Rewards one citizen for one service event: mints `entry.amount` to `entry.citizen`
		/// and records `entry.receipt`, unless the receipt was rewarded before or the budget, the
		/// citizen's cap or the reward rule forbids it.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::reward())]
		pub fn reward(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			entry: RewardEntryOf<T>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			let mut payout = Payout::<T>::open(programme, &issuer)?;
			payout.pay(&entry)?;
			payout.close();
			Ok(())
		}

		/// Rewards each entry of `entries` as [`Pallet::reward`] would, paying the entries it
		/// may and reporting each one it may not in [`Event::RewardRefused`]; the batch as a
		/// whole succeeds. See the module documentation for why it is not all-or-nothing.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::reward_batch(entries.len() as u32))]
		pub fn reward_batch(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			entries: BoundedVec<RewardEntryOf<T>, T::MaxBatchSize>,
		) -> DispatchResult {
			let issuer = ensure_signed(origin)?;
			ensure!(!entries.is_empty(), Error::<T>::EmptyBatch);
			let mut payout = Payout::<T>::open(programme, &issuer)?;
			let (mut rewarded, mut refused) = (0u32, 0u32);
			for entry in entries {
				match payout.pay(&entry) {
					Ok(()) => rewarded += 1,
					Err(error) => {
						refused += 1;
						Self::deposit_event(Event::RewardRefused {
							programme,
							citizen: entry.citizen,
							receipt: entry.receipt,
							error,
						});
					}
				}
			}
			let total = payout.close();
			Self::deposit_event(Event::BatchRewarded { programme, rewarded, refused, total });
			Ok(())
		}

		/// Registers the caller, a member holding the merchant role, as the ZeroPay merchant
		/// `zeropay_id` selling in the ISO 18245 category `category`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::register_merchant())]
		pub fn register_merchant(
			origin: OriginFor<T>,
			zeropay_id: ZeroPayIdOf<T>,
			category: MerchantCategoryCode,
		) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			ensure!(T::Registry::has_role(&merchant, Role::Merchant), Error::<T>::NotMerchant);
			ensure!(seoul_primitives::is_uri_unreserved(&zeropay_id), Error::<T>::BadReference);
			ensure!(category <= 9999, Error::<T>::BadCategory);
			ensure!(!Merchants::<T>::contains_key(&merchant), Error::<T>::AlreadyMerchant);
			ensure!(!ZeroPayIds::<T>::contains_key(&zeropay_id), Error::<T>::ZeroPayIdTaken);
			ZeroPayIds::<T>::insert(&zeropay_id, &merchant);
			Merchants::<T>::insert(
				&merchant,
				MerchantProfile {
					zeropay_id: zeropay_id.clone(),
					category,
					registered_at: Self::now(),
				},
			);
			Self::deposit_event(Event::MerchantRegistered { merchant, zeropay_id, category });
			Ok(())
		}

		/// Withdraws the caller's ZeroPay registration: its payment requests can no longer be
		/// paid. Its settlements stay.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::deregister_merchant())]
		pub fn deregister_merchant(origin: OriginFor<T>) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			let profile = Merchants::<T>::take(&merchant).ok_or(Error::<T>::UnknownMerchant)?;
			ZeroPayIds::<T>::remove(&profile.zeropay_id);
			Self::deposit_event(Event::MerchantDeregistered {
				merchant,
				zeropay_id: profile.zeropay_id,
			});
			Ok(())
		}

		/// Pays a merchant's payment request, read from its QR code, with the merchant's
		/// `signature` over it (see [`qr`]). Refused if the signature is not the merchant's over
		/// exactly this request on this chain, if the request expired or was paid before, or if
		/// the merchant is not a registered merchant holding the merchant role.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::pay())]
		pub fn pay(
			origin: OriginFor<T>,
			request: PaymentRequestOf<T>,
			signature: T::Signature,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			ensure!(!request.amount.is_zero(), Error::<T>::ZeroAmount);
			ensure!(
				seoul_primitives::is_uri_unreserved(&request.order_reference),
				Error::<T>::BadReference
			);
			let now = Self::now();
			ensure!(request.expiry >= now, Error::<T>::PaymentExpired);
			ensure!(
				request.expiry <= now.saturating_add(T::MaxPaymentValidity::get()),
				Error::<T>::ValidityTooLong
			);
			ensure!(
				Merchants::<T>::contains_key(&request.merchant)
					&& T::Registry::has_role(&request.merchant, Role::Merchant),
				Error::<T>::UnknownMerchant
			);
			ensure!(
				!PaidRequests::<T>::contains_key(&request.merchant, request.nonce),
				Error::<T>::AlreadyPaid
			);
			let genesis_hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
			let payload = qr::signing_payload(genesis_hash.as_ref(), &request);
			ensure!(signature.verify(&payload[..], &request.merchant), Error::<T>::BadSignature);

			T::Currency::transfer(
				&payer,
				&request.merchant,
				request.amount,
				Preservation::Expendable,
			)?;
			PaidRequests::<T>::insert(&request.merchant, request.nonce, request.expiry);
			let PaymentRequest { merchant, amount, order_reference, nonce, .. } = request;
			Self::deposit_event(Event::Paid { merchant, payer, amount, order_reference, nonce });
			Ok(())
		}

		/// Lists an item in the rewards catalogue.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::list_catalogue_item())]
		pub fn list_catalogue_item(
			origin: OriginFor<T>,
			name: Vec<u8>,
			price: BalanceOf<T>,
			stock: u32,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			ensure!(!price.is_zero(), Error::<T>::ZeroAmount);
			let item = NextItemId::<T>::get();
			let next = item.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Catalogue::<T>::insert(item, CatalogueItem { name, price, stock, redeemed: 0 });
			NextItemId::<T>::put(next);
			Self::deposit_event(Event::CatalogueItemListed { item, price, stock });
			Ok(())
		}

		/// Sets how many of a catalogue item may still be redeemed; 0 withdraws it.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::set_catalogue_stock())]
		pub fn set_catalogue_stock(
			origin: OriginFor<T>,
			item: ItemId,
			stock: u32,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			Catalogue::<T>::try_mutate(item, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownItem)?;
				entry.stock = stock;
				Self::deposit_event(Event::CatalogueStockSet { item, stock });
				Ok(())
			})
		}

		/// Redeems one of a catalogue item: burns its price from the caller, an active citizen,
		/// and records a voucher whose id the event carries.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(origin: OriginFor<T>, item: ItemId) -> DispatchResult {
			let citizen = ensure_signed(origin)?;
			ensure!(
				T::Registry::active_kind(&citizen) == Some(MemberKind::Citizen),
				Error::<T>::NotCitizen
			);
			let mut entry = Catalogue::<T>::get(item).ok_or(Error::<T>::UnknownItem)?;
			ensure!(entry.stock > 0, Error::<T>::OutOfStock);
			let voucher = NextVoucherId::<T>::get();
			let next = voucher.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let price = entry.price;
			Self::burn(&citizen, price)?;
			Supply::<T>::mutate(|supply| supply.burned_in_redemption.saturating_accrue(price));
			entry.stock -= 1;
			entry.redeemed.saturating_inc();
			Catalogue::<T>::insert(item, entry);
			Vouchers::<T>::insert(
				voucher,
				Voucher { item, holder: citizen.clone(), price, redeemed_at: Self::now() },
			);
			NextVoucherId::<T>::put(next);
			Self::deposit_event(Event::Redeemed { item, citizen, price, voucher });
			Ok(())
		}

		/// Asks the city to settle `amount` in won: burns it from the caller, a registered
		/// merchant, and records a pending settlement request.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::request_settlement())]
		pub fn request_settlement(origin: OriginFor<T>, amount: BalanceOf<T>) -> DispatchResult {
			let merchant = ensure_signed(origin)?;
			ensure!(
				Merchants::<T>::contains_key(&merchant)
					&& T::Registry::has_role(&merchant, Role::Merchant),
				Error::<T>::UnknownMerchant
			);
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let pending = PendingSettlements::<T>::get(&merchant);
			ensure!(
				pending < T::MaxPendingSettlements::get(),
				Error::<T>::TooManyPendingSettlements
			);
			let settlement = NextSettlementId::<T>::get();
			let next = settlement.checked_add(1).ok_or(Error::<T>::Overflow)?;
			Self::burn(&merchant, amount)?;
			Supply::<T>::mutate(|supply| supply.burned_in_settlement.saturating_accrue(amount));
			Settlements::<T>::insert(
				settlement,
				Settlement {
					merchant: merchant.clone(),
					amount,
					requested_at: Self::now(),
					status: SettlementStatus::Pending,
				},
			);
			MerchantSettlements::<T>::insert(&merchant, settlement, ());
			PendingSettlements::<T>::insert(&merchant, pending.saturating_add(1));
			NextSettlementId::<T>::put(next);
			Self::deposit_event(Event::SettlementRequested { settlement, merchant, amount });
			Ok(())
		}

		/// Confirms that the city's bank paid a settlement, with the hash of the bank transfer's
		/// reference. [`Config::SettlementOrigin`] only.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::confirm_settlement())]
		pub fn confirm_settlement(
			origin: OriginFor<T>,
			settlement: SettlementId,
			bank_reference_hash: H256,
		) -> DispatchResult {
			let agent = T::SettlementOrigin::ensure_origin(origin)?;
			Settlements::<T>::try_mutate(settlement, |entry| {
				let entry = entry.as_mut().ok_or(Error::<T>::UnknownSettlement)?;
				ensure!(entry.status == SettlementStatus::Pending, Error::<T>::AlreadySettled);
				entry.status = SettlementStatus::Settled {
					bank_reference_hash,
					agent: agent.clone(),
					at: Self::now(),
				};
				PendingSettlements::<T>::mutate_exists(&entry.merchant, |pending| {
					*pending =
						pending.map(|count| count.saturating_sub(1)).filter(|count| *count > 0)
				});
				Self::deposit_event(Event::SettlementConfirmed {
					settlement,
					merchant: entry.merchant.clone(),
					amount: entry.amount,
					bank_reference_hash,
					agent,
				});
				Ok(())
			})
		}

		/// Schedules a payment of `amount` to every active citizen registered before this block,
		/// from `programme`'s budget. The chain pays it in the spare weight of the blocks that
		/// follow, after the distributions scheduled before it; each citizen paid gets a
		/// [`Event::Distributed`], and [`Event::DistributionCompleted`] ends it. It waits while
		/// the programme is paused or has too little budget left, and stops if the programme is
		/// closed or ends. The amount must be one the programme's reward rule allows and at least
		/// the existential deposit; a distribution is not counted against any citizen's cap per
		/// period, which bounds what issuers pay one citizen. [`Config::CityOrigin`] only.
		///
		/// Emits [`Event::DistributionScheduled`].
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::schedule_distribution())]
		pub fn schedule_distribution(
			origin: OriginFor<T>,
			programme: ProgrammeId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let state = Programmes::<T>::get(programme).ok_or(Error::<T>::UnknownProgramme)?;
			Self::ensure_distributable(&state, amount)?;
			let distribution = NextDistributionId::<T>::get();
			let next = distribution.checked_add(1).ok_or(Error::<T>::Overflow)?;
			DistributionQueue::<T>::try_append(distribution)
				.map_err(|()| Error::<T>::TooManyDistributions)?;
			Distributions::<T>::insert(
				distribution,
				Distribution {
					programme,
					amount,
					scheduled_at: Self::now(),
					paid: 0,
					total: Zero::zero(),
					status: DistributionStatus::Paying { resume_after: None },
				},
			);
			NextDistributionId::<T>::put(next);
			Self::deposit_event(Event::DistributionScheduled { distribution, programme, amount });
			Ok(())
		}

		/// Stops a distribution that is still paying; the citizens paid so far keep what they
		/// were paid. [`Config::CityOrigin`] only.
		///
		/// Emits [`Event::DistributionStopped`] with [`StopReason::Cancelled`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::cancel_distribution())]
		pub fn cancel_distribution(
			origin: OriginFor<T>,
			distribution: DistributionId,
		) -> DispatchResult {
			T::CityOrigin::ensure_origin(origin)?;
			let state =
				Distributions::<T>::get(distribution).ok_or(Error::<T>::UnknownDistribution)?;
			ensure!(
				matches!(state.status, DistributionStatus::Paying { .. }),
				Error::<T>::DistributionEnded
			);
			let status =
				DistributionStatus::Stopped { reason: StopReason::Cancelled, at: Self::now() };
			Self::end_distribution(distribution, state, status);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// The current block.
		pub(crate) fn now() -> BlockNumberFor<T> {
			frame_system::Pallet::<T>::block_number()
		}

		/// `name` if it is 1 to `MaxNameLength` bytes of UTF-8.
		fn checked_name(name: Vec<u8>) -> Result<NameOf<T>, DispatchError> {
			Ok(seoul_primitives::bounded_name(name).ok_or(Error::<T>::BadName)?)
		}

		/// Passes the city, or the programme's agency while it is an active member.
		fn ensure_city_or_agency(
			origin: OriginFor<T>,
			programme: &ProgrammeOf<T>,
		) -> DispatchResult {
			if T::CityOrigin::try_origin(origin.clone()).is_ok() {
				return Ok(());
			}
			let who = ensure_signed(origin)?;
			ensure!(
				who == programme.agency && T::Registry::is_active(&who),
				Error::<T>::CityOrAgencyOnly
			);
			Ok(())
		}

		/// The period of `programme` that block `at` falls in, counted from 0 at its start.
		pub(crate) fn period_of(programme: &ProgrammeOf<T>, at: BlockNumberFor<T>) -> u32 {
			(at.saturating_sub(programme.start) / programme.period).saturated_into()
		}

		/// Burns exactly `amount` from `who`, all of it if need be.
		fn burn(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
			T::Currency::burn_from(
				who,
				amount,
				Preservation::Expendable,
				Precision::Exact,
				Fortitude::Polite,
			)?;
			Ok(())
		}

		/// Programme `programme`, if it exists.
		pub fn programme(programme: ProgrammeId) -> Option<ProgrammeOf<T>> {
			Programmes::<T>::get(programme)
		}

		/// The supply ledger, and beside it the total issuance it must add up to.
		pub fn supply() -> (SupplyLedger<BalanceOf<T>>, BalanceOf<T>) {
			(Supply::<T>::get(), T::Currency::total_issuance())
		}

		/// City-wide distribution `distribution`, if it exists.
		pub fn distribution(distribution: DistributionId) -> Option<DistributionOf<T>> {
			Distributions::<T>::get(distribution)
		}

		/// A citizen's standing in a programme at the current block, if the programme exists.
		pub fn standing(
			programme: ProgrammeId,
			citizen: &T::AccountId,
		) -> Option<Standing<BalanceOf<T>, BlockNumberFor<T>>> {
			let state = Programmes::<T>::get(programme)?;
			let period = Self::period_of(&state, Self::now());
			let earned = EarningsInPeriod::<T>::get(programme, citizen)
				.filter(|earnings| earnings.period == period)
				.map_or_else(Zero::zero, |earnings| earnings.earned);
			let next_period_starts = state
				.start
				.saturating_add(state.period.saturating_mul((period.saturating_add(1)).into()));
			Some(Standing {
				period,
				next_period_starts,
				earned,
				cap_left: state.cap_per_period.saturating_sub(earned),
			})
		}

		/// Up to `limit` (at most [`MAX_PAGE_SIZE`]) of `merchant`'s settlement requests, pending
		/// and settled, after `start` (the previous page's `next`; `None` for the first page).
		/// Pages follow the index's storage order, which no merchant chooses; each page is sorted
		/// by id. Reads at most `limit + 1` index entries, however many requests there are.
		pub fn settlements_of(
			merchant: &T::AccountId,
			start: Option<SettlementId>,
			limit: u32,
		) -> Page<SettlementId, SettlementOf<T>> {
			let limit = limit.clamp(1, MAX_PAGE_SIZE) as usize;
			let mut ids: Vec<SettlementId> = match start {
				Some(after) => MerchantSettlements::<T>::iter_key_prefix_from(
					merchant,
					MerchantSettlements::<T>::hashed_key_for(merchant, after),
				)
				.take(limit + 1)
				.collect(),
				None => {
					MerchantSettlements::<T>::iter_key_prefix(merchant).take(limit + 1).collect()
				}
			};
			let next = (ids.len() > limit).then(|| ids[limit - 1]);
			ids.truncate(limit);
			let mut items: Vec<_> = ids
				.into_iter()
				.filter_map(|id| Settlements::<T>::get(id).map(|settlement| (id, settlement)))
				.collect();
			items.sort_by_key(|(id, _)| *id);
			Page { items, next }
		}
	}
}

/// Takes S-coins the runtime removes from circulation outside this pallet (the dust of reaped
/// accounts, transaction tips) out of the issuance and notes them in the supply ledger, so that
/// the ledger keeps adding up to the total issuance.
impl<T: Config> OnUnbalanced<Credit<T::AccountId, T::Currency>> for Pallet<T> {
	fn on_nonzero_unbalanced(amount: Credit<T::AccountId, T::Currency>) {
		Supply::<T>::mutate(|supply| supply.burned_otherwise.saturating_accrue(amount.peek()));
		// Dropping the credit reduces the issuance by its amount.
		drop(amount);
	}
}
