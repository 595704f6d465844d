//! # Donations
//!
//! Transparent fundraising for the city's charities: campaigns with a plan of milestones, S-coin
//! donations held in escrow until an independent reviewer approves each milestone, refunds when
//! a campaign fails, spending reports against what was released, and the donation receipts a
//! Korean charity must issue, which flow into the donor's year-end tax settlement.
//!
//! ## Overview
//!
//! - **Charities.** A member holding [`Role::Charity`] (registered by the city after checking
//!   its papers) registers its ten-digit registration number, whose check digit the chain
//!   checks, and the donation-type code of the donations it receives
//!   ([`Pallet::register_charity`]). Receipts name it by both.
//! - **Campaigns.** A registered charity opens a campaign ([`Pallet::open_campaign`]): a goal,
//!   a deadline at most [`Config::MaxCampaignDuration`] away, a plan of milestones whose amounts
//!   add up to the goal, a reviewer named at opening (the city, or an agency member, never the
//!   charity) and a [`FundingMode`]: keep what is raised, or all-or-nothing.
//! - **Escrow.** An S-coin donation ([`Pallet::donate`]) moves from the donor to the pallet's
//!   escrow account and is held there ([`HoldReason::Escrow`]): the holds of all campaigns add up
//!   to what they hold, nothing is minted or burned, and the supply ledger stays exact. A donor
//!   may withdraw a donation within the cooling-off period the city sets
//!   ([`Pallet::set_cooling_off`]; a donation keeps the period in force when it was given).
//! - **Won.** A donation by bank transfer is recorded by the charity with the hash of the
//!   transfer's reference and counts once the donor confirms it
//!   ([`Pallet::record_won_donation`], [`Pallet::confirm_won_donation`]); a bank reference is
//!   recorded once, dated within the campaign's life (from its opening to its deadline). Until
//!   the donor confirms, the charity may retract a wrong record and the donor may dispute it
//!   ([`Pallet::retract_won_donation`]), which frees its bank reference; a dispute also frees
//!   the record's place in the donor's year. The chain holds no won: these donations are
//!   counted apart from the S-coin goal, and appear on receipts.
//! - **Closing.** Once the deadline and every donation's cooling-off have passed, anyone closes
//!   a campaign ([`Pallet::close_campaign`]): funded, or, all-or-nothing below its goal,
//!   refunding.
//! - **Releases.** Once the campaign is funded, the charity claims the next milestone with the
//!   hash of its evidence; the named reviewer approves it, releasing the milestone's amount to
//!   the charity (or what the campaign holds, if less), or rejects it with the hash of a reason,
//!   and the charity may claim again. Releasing only after the close means no donation arrives
//!   after a release: every release spends every donation in the same proportion, so a refund
//!   pays each donation exactly its unreleased share. The charity reports its spending against
//!   what was released ([`Pallet::report_spending`]).
//! - **Refunds.** A campaign cancelled by its charity or the city, or an all-or-nothing one that
//!   missed its goal, pays every S-coin donation its share of what the campaign holds, pro rata,
//!   in batches: anyone's [`Pallet::refund`], and the blocks' idle time. Each share is what the
//!   campaign holds times the donation over the donations not yet refunded, so the last refund
//!   takes the rounding and the escrow ends empty. A share the donor's account cannot take
//!   (below the existential deposit of a reaped account) stays in escrow, by donation, until
//!   [`Pallet::claim_refund`] pays it.
//! - **Receipts.** The charity issues a donor a receipt ([`Pallet::issue_receipt`]) for their
//!   donations of a year to its campaigns: S-coin past its cooling-off and confirmed won, each
//!   less what was paid back, numbered `year-serial` per charity. The donor is named by account,
//!   that is by DID: no name or resident number is on chain. The tax settlement deducts a
//!   receipt's total less what was refunded since ([`types::IssuedReceipt`]).
//!
//! ## Interface
//!
//! ### City calls ([`Config::CityOrigin`])
//! - [`Pallet::set_cooling_off`], [`Pallet::cancel_campaign`], and
//!   [`Pallet::approve_milestone`] / [`Pallet::reject_milestone`] of campaigns it reviews.
//!
//! ### Charities (members holding [`Role::Charity`])
//! - [`Pallet::register_charity`], [`Pallet::open_campaign`], [`Pallet::cancel_campaign`],
//!   [`Pallet::record_won_donation`], [`Pallet::retract_won_donation`],
//!   [`Pallet::claim_milestone`], [`Pallet::report_spending`], [`Pallet::issue_receipt`].
//!
//! ### Reviewers (agency members named at opening)
//! - [`Pallet::approve_milestone`], [`Pallet::reject_milestone`].
//!
//! ### Donors (active members)
//! - [`Pallet::donate`], [`Pallet::withdraw_donation`], [`Pallet::confirm_won_donation`],
//!   [`Pallet::retract_won_donation`].
//!
//! ### Anyone signed
//! - [`Pallet::close_campaign`], [`Pallet::refund`], [`Pallet::claim_refund`].
//!
//! ### Runtime API
//! - [`runtime_api::DonationsApi`]: a campaign with what it holds, its donations and spending
//!   reports, where each of a donor's donations went, a donor's receipts of a year.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod calls;
mod escrow;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod reads;
mod receipts;
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
	Campaign, CampaignId, CampaignStatus, CampaignSummary, CharityProfile, Donation, DonationId,
	DonationKind, DonationState, DonationTrace, DonationType, FundingMode, IssuedReceipt,
	Milestone, MilestoneIndex, MilestoneState, Receipt, ReceiptLine, ReceiptNumber, RefundReason,
	RegistrationNumber, ReportId, Reviewer, SpendingCategory, SpendingReport,
};
pub use weights::WeightInfo;

use frame_support::{pallet_macros::import_section, traits::UnixTime};
use seoul_primitives::calendar::Date;

/// The donations pallet.
#[import_section(calls::calls)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{InspectHold, Mutate, MutateHold},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use seoul_primitives::Balance;
	use sp_core::H256;

	/// Default configuration for tests, so that mocks only name what they change.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl, parameter_types,
			traits::{ConstU128, ConstU32, ConstU64},
		};

		parameter_types! {
			/// The tests' escrow account's id.
			pub const TestPalletId: PalletId = PalletId(*b"sc/donat");
		}

		/// Test defaults: campaigns of at most 90 days, three milestones, donations from 10
		/// units, four lines a receipt, refunds five at a time.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeHoldReason = ();
			type PalletId = TestPalletId;
			type MinDonation = ConstU128<10>;
			type MaxMilestones = ConstU32<3>;
			type MaxCampaignDuration = ConstU64<{ 90 * 86_400_000 }>;
			type MaxCoolingOff = ConstU64<{ 30 * 86_400_000 }>;
			type MaxReceiptLines = ConstU32<4>;
			type MaxRefundBatch = ConstU32<5>;
			type WeightInfo = ();
		}
	}

	/// Configuration of the donations pallet.
	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The city's privileged origin: sets the cooling-off period, cancels campaigns and
		/// reviews the milestones of campaigns that name it.
		#[pallet::no_default]
		type CityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The Citizens Card register: who is an active member, a charity, an agency.
		#[pallet::no_default]
		type Registry: MemberRegistry<Self::AccountId>;

		/// The S-coin, whose holds keep the escrow.
		#[pallet::no_default]
		type Currency: Mutate<Self::AccountId, Balance = Balance>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason, Balance = Balance>;

		/// The runtime's hold reasons, of which this pallet's [`HoldReason`] is one.
		#[pallet::no_default_bounds]
		type RuntimeHoldReason: From<HoldReason>;

		/// The clock of deadlines, cooling-off periods and receipt dates.
		#[pallet::no_default]
		type UnixTime: UnixTime;

		/// The id the escrow account is derived from.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The smallest S-coin donation: at least the existential deposit, so that a refund
		/// always reaches its donor.
		#[pallet::constant]
		type MinDonation: Get<Balance>;

		/// The most milestones in a campaign's plan.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The longest a campaign raises, in milliseconds.
		#[pallet::constant]
		type MaxCampaignDuration: Get<u64>;

		/// The longest cooling-off period the city may set, in milliseconds.
		#[pallet::constant]
		type MaxCoolingOff: Get<u64>;

		/// The most donations one donor gives one charity in a year, and so the most lines of a
		/// receipt.
		#[pallet::constant]
		type MaxReceiptLines: Get<u32>;

		/// The most donations one refund call or one block's idle time pays back.
		#[pallet::constant]
		type MaxRefundBatch: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// What the benchmarks need of the runtime: setting its clock.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: seoul_primitives::BenchmarkClock;
	}

	/// Why this pallet holds S-coin.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Donations held in escrow for their campaigns, on the escrow account.
		#[codec(index = 0)]
		Escrow,
	}

	/// A campaign in this runtime.
	pub type CampaignOf<T> =
		Campaign<<T as frame_system::Config>::AccountId, Balance, <T as Config>::MaxMilestones>;

	/// A donation in this runtime.
	pub type DonationOf<T> = Donation<<T as frame_system::Config>::AccountId, Balance>;

	/// A receipt in this runtime.
	pub type ReceiptOf<T> =
		Receipt<<T as frame_system::Config>::AccountId, Balance, <T as Config>::MaxReceiptLines>;

	/// A milestone plan as a charity submits it: each step's amount and description hash.
	pub type PlanOf<T> = BoundedVec<(Balance, H256), <T as Config>::MaxMilestones>;

	/// The storage layout version; `migrations` moves a chain from each version to the next.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// The default cooling-off period: seven days, as for purchases at a distance.
	#[pallet::type_value]
	pub fn DefaultCoolingOff() -> u64 {
		7 * 86_400_000
	}

	/// How long after giving an S-coin donation its donor may withdraw it, in milliseconds.
	#[pallet::storage]
	pub type CoolingOff<T> = StorageValue<_, u64, ValueQuery, DefaultCoolingOff>;

	/// Registered charities. Blake2 for the account, which its holder chose.
	#[pallet::storage]
	pub type Charities<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CharityProfile, OptionQuery>;

	/// Every campaign, by number; kept after it ends.
	#[pallet::storage]
	pub type Campaigns<T: Config> =
		StorageMap<_, Twox64Concat, CampaignId, CampaignOf<T>, OptionQuery>;

	/// The number the next campaign gets.
	#[pallet::storage]
	pub type NextCampaignId<T> = StorageValue<_, CampaignId, ValueQuery>;

	/// When each campaign opened, in milliseconds since the Unix epoch: the earliest date a won
	/// transfer to it may bear. Kept apart from [`Campaigns`] so that campaigns opened before it
	/// existed (spec 106) need no migration; for them the earliest is their deadline less
	/// `MaxCampaignDuration`.
	#[pallet::storage]
	pub type CampaignOpenedAt<T> = StorageMap<_, Twox64Concat, CampaignId, u64, OptionQuery>;

	/// Every donation, by number; kept after withdrawal and refund.
	#[pallet::storage]
	pub type DonationRecords<T: Config> =
		StorageMap<_, Twox64Concat, DonationId, DonationOf<T>, OptionQuery>;

	/// The number the next donation gets.
	#[pallet::storage]
	pub type NextDonationId<T> = StorageValue<_, DonationId, ValueQuery>;

	/// Each campaign's donations in the order given: the list refunds walk.
	#[pallet::storage]
	pub type CampaignDonations<T> =
		StorageDoubleMap<_, Twox64Concat, CampaignId, Twox64Concat, u64, DonationId, OptionQuery>;

	/// Each donor's donations in the order given, and how many (`DonorDonationCount`).
	#[pallet::storage]
	pub type DonorDonations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		u64,
		DonationId,
		OptionQuery,
	>;

	/// How many donations each donor gave.
	#[pallet::storage]
	pub type DonorDonationCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u64, ValueQuery>;

	/// Each donor's donations to each charity in each year (in Korea): what a receipt lists.
	#[pallet::storage]
	pub type ReceiptableDonations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u16>,
		),
		BoundedVec<DonationId, T::MaxReceiptLines>,
		ValueQuery,
	>;

	/// The bank references of recorded won donations: each is recorded once at a time (a
	/// retracted record frees its reference for the correct one).
	#[pallet::storage]
	pub type BankReferences<T> = StorageMap<_, Identity, H256, DonationId, OptionQuery>;

	/// Each campaign's spending reports, by number.
	#[pallet::storage]
	pub type SpendingReports<T> = StorageDoubleMap<
		_,
		Twox64Concat,
		CampaignId,
		Twox64Concat,
		ReportId,
		SpendingReport<Balance>,
		OptionQuery,
	>;

	/// Refund shares that could not be paid when their campaign refunded (the donor's account
	/// could not take them), by donation: still in escrow, until [`Pallet::claim_refund`] pays
	/// them.
	#[pallet::storage]
	pub type UnpaidRefunds<T> = StorageMap<_, Twox64Concat, DonationId, Balance, OptionQuery>;

	/// Campaigns paying their donors back: what the blocks' idle time works through.
	#[pallet::storage]
	pub type RefundingCampaigns<T> = StorageMap<_, Twox64Concat, CampaignId, (), OptionQuery>;

	/// Receipts, by charity and number.
	#[pallet::storage]
	pub type Receipts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ReceiptNumber,
		ReceiptOf<T>,
		OptionQuery,
	>;

	/// The serial each charity's next receipt of a year gets, from 1.
	#[pallet::storage]
	pub type NextReceiptSerial<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u16, u32, ValueQuery>;

	/// Each donor's receipts of each year, in the order issued: the charity and the number.
	#[pallet::storage]
	pub type DonorReceipts<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, u16>,
			NMapKey<Twox64Concat, u64>,
		),
		(T::AccountId, ReceiptNumber),
		OptionQuery,
	>;

	/// How many receipts each donor got for each year.
	#[pallet::storage]
	pub type DonorReceiptCount<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, u16, u64, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The city set the cooling-off period.
		CoolingOffSet { period: u64 },
		/// A charity registered, or changed, its registration and donation type.
		CharityRegistered {
			charity: T::AccountId,
			registration: RegistrationNumber,
			donation_type: DonationType,
		},
		/// A charity opened a campaign.
		CampaignOpened {
			campaign: CampaignId,
			charity: T::AccountId,
			reviewer: Reviewer<T::AccountId>,
			goal: Balance,
			deadline: u64,
			mode: FundingMode,
			description_hash: H256,
		},
		/// A donor gave S-coin, now held in escrow.
		Donated { campaign: CampaignId, donation: DonationId, donor: T::AccountId, amount: Balance },
		/// A donor withdrew a donation within the cooling-off period; the S-coin went back.
		DonationWithdrawn {
			campaign: CampaignId,
			donation: DonationId,
			donor: T::AccountId,
			amount: Balance,
		},
		/// A charity recorded a won donation by bank transfer, for its donor to confirm.
		WonDonationRecorded {
			campaign: CampaignId,
			donation: DonationId,
			donor: T::AccountId,
			amount: Balance,
			bank_reference_hash: H256,
		},
		/// A donor confirmed a won donation.
		WonDonationConfirmed { campaign: CampaignId, donation: DonationId, donor: T::AccountId },
		/// A won donation awaiting confirmation was retracted by its charity, or disputed by its
		/// donor (`by`); its bank reference may be recorded again.
		WonDonationRetracted { campaign: CampaignId, donation: DonationId, by: T::AccountId },
		/// A campaign closed with what it raised.
		CampaignFunded { campaign: CampaignId, raised: Balance },
		/// A charity claimed a milestone.
		MilestoneClaimed { campaign: CampaignId, milestone: MilestoneIndex, evidence_hash: H256 },
		/// The reviewer approved a milestone and the chain released S-coin to the charity.
		MilestoneReleased {
			campaign: CampaignId,
			milestone: MilestoneIndex,
			charity: T::AccountId,
			amount: Balance,
		},
		/// The reviewer rejected a milestone's claim.
		MilestoneRejected { campaign: CampaignId, milestone: MilestoneIndex, reason_hash: H256 },
		/// A charity reported spending released funds.
		SpendingReported {
			campaign: CampaignId,
			report: ReportId,
			amount: Balance,
			category: SpendingCategory,
			evidence_hash: H256,
		},
		/// A campaign started paying its donors back.
		RefundsStarted { campaign: CampaignId, reason: RefundReason, held: Balance },
		/// A donation's share of what its campaign held was paid back, by the refunds or later
		/// by [`Pallet::claim_refund`].
		Refunded {
			campaign: CampaignId,
			donation: DonationId,
			donor: T::AccountId,
			amount: Balance,
		},
		/// A refund could not be paid (the donor's account cannot take it): the share stays in
		/// escrow, counted in what the campaign holds (`unpaid`), until
		/// [`Pallet::claim_refund`] pays it.
		RefundFailed {
			campaign: CampaignId,
			donation: DonationId,
			donor: T::AccountId,
			amount: Balance,
		},
		/// A campaign paid back every donation.
		RefundsCompleted { campaign: CampaignId, refunded: Balance },
		/// A charity issued a donation receipt.
		ReceiptIssued {
			charity: T::AccountId,
			number: ReceiptNumber,
			donor: T::AccountId,
			lines: u32,
			total: Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is not an active member.
		NotMember,
		/// The account does not hold the charity role.
		NotCharity,
		/// The charity has not registered its registration number.
		CharityNotRegistered,
		/// The registration number is not ten digits with a valid check digit.
		BadRegistrationNumber,
		/// The cooling-off period is longer than `MaxCoolingOff`.
		BadCoolingOff,
		/// The deadline is not in the future, or further than `MaxCampaignDuration`.
		BadDeadline,
		/// The plan has no milestone, a milestone of nothing, or does not add up to the goal.
		BadPlan,
		/// The reviewer is the charity itself, or not an active agency member.
		BadReviewer,
		/// No campaign has this number.
		UnknownCampaign,
		/// The caller is not the campaign's charity.
		NotCampaignCharity,
		/// The campaign takes no more donations: past its deadline, closed or refunding.
		CampaignClosed,
		/// The donation is below `MinDonation`.
		DonationTooSmall,
		/// The amount is zero.
		ZeroAmount,
		/// The donor gave this charity the most donations a year allows (`MaxReceiptLines`).
		TooManyDonations,
		/// No donation has this number.
		UnknownDonation,
		/// The caller is not the donation's donor.
		NotDonor,
		/// The donation is not an S-coin donation given and not yet withdrawn.
		NotWithdrawable,
		/// The cooling-off period of the donation has passed.
		CoolingOffOver,
		/// The donation is not a won donation waiting for its donor.
		NotUnconfirmed,
		/// The bank reference was recorded already.
		DuplicateBankReference,
		/// The stated date of the transfer is in the future, after the campaign's deadline, or
		/// before the campaign opened.
		BadDate,
		/// The campaign's deadline, or the cooling-off of one of its donations, has not passed.
		StillFundraising,
		/// The campaign is not raising, so it cannot be closed.
		NotFundraising,
		/// No milestone has this index.
		UnknownMilestone,
		/// An earlier milestone is not released yet: milestones go in order.
		MilestoneOutOfOrder,
		/// The milestone is claimed, or released, already.
		MilestoneNotClaimable,
		/// The milestone is not claimed.
		MilestoneNotClaimed,
		/// A campaign releases nothing before it is closed as funded, nor once it refunds.
		ReleaseNotAllowed,
		/// The caller is not the campaign's reviewer.
		NotReviewer,
		/// The campaign holds nothing to release.
		NothingHeld,
		/// The report would take reported spending beyond what was released.
		SpendingExceedsReleased,
		/// The campaign is closed, refunding or refunded already.
		AlreadyEnded,
		/// The campaign is not refunding: nothing to pay back.
		NotRefunding,
		/// The donor has no donation of that year to the charity that a receipt may list yet.
		NothingToReceipt,
		/// The caller is neither the donation's donor nor its campaign's charity.
		NotParty,
		/// The donation has no refund waiting to be paid.
		NoUnpaidRefund,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::refund_in_idle_time(remaining)
		}

		fn integrity_test() {
			assert!(T::MaxMilestones::get() > 0, "a campaign needs a milestone");
			assert!(T::MaxCampaignDuration::get() > 0, "a campaign must be able to raise");
			assert!(T::MaxReceiptLines::get() > 0, "a receipt needs a line");
			assert!(T::MaxRefundBatch::get() > 0, "refunds must move");
			assert!(T::MinDonation::get() > 0, "a donation of nothing is no donation");
			assert!(
				DefaultCoolingOff::get() <= T::MaxCoolingOff::get(),
				"the default cooling-off must be one the city may set"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The chain's clock, in milliseconds since the Unix epoch.
		pub(crate) fn now() -> u64 {
			T::UnixTime::now().as_millis() as u64
		}

		/// The account that holds every campaign's escrow.
		pub fn escrow_account() -> T::AccountId {
			use sp_runtime::traits::AccountIdConversion;
			T::PalletId::get().into_account_truncating()
		}

		/// What the escrow account holds for the campaigns.
		pub fn escrow_held() -> Balance {
			T::Currency::balance_on_hold(&HoldReason::Escrow.into(), &Self::escrow_account())
		}

		/// Passes if `who` is an active member.
		pub(crate) fn ensure_member(who: &T::AccountId) -> DispatchResult {
			ensure!(T::Registry::active_kind(who).is_some(), Error::<T>::NotMember);
			Ok(())
		}

		/// Passes if `who` holds the charity role and registered; returns its profile.
		pub(crate) fn ensure_charity(who: &T::AccountId) -> Result<CharityProfile, DispatchError> {
			ensure!(T::Registry::has_role(who, Role::Charity), Error::<T>::NotCharity);
			Ok(Charities::<T>::get(who).ok_or(Error::<T>::CharityNotRegistered)?)
		}

		/// The campaign numbered `id`.
		pub(crate) fn campaign(id: CampaignId) -> Result<CampaignOf<T>, DispatchError> {
			Ok(Campaigns::<T>::get(id).ok_or(Error::<T>::UnknownCampaign)?)
		}
	}
}
