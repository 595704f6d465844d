//! What the S-coin pallet stores and what its calls and runtime API carry.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::{Get, H256};

/// A reward programme's number, given in order of creation.
pub type ProgrammeId = u32;
/// A catalogue item's number, given in order of listing.
pub type ItemId = u32;
/// A voucher's number, given in order of redemption across the catalogue.
pub type VoucherId = u64;
/// A settlement request's number, given in order of request across merchants.
pub type SettlementId = u64;
/// An ISO 18245 merchant category code (MCC), 0 to 9999.
pub type MerchantCategoryCode = u16;
/// A city-wide distribution's number, given in order of scheduling.
pub type DistributionId = u32;

/// The public service a programme rewards.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ServiceCategory {
	/// Paying local taxes, e.g. on time or electronically.
	TaxPayment,
	/// Answering a public opinion poll.
	PublicPoll,
	/// Saving energy, water or gas (eco mileage).
	EcoMileage,
	/// Volunteering.
	Volunteering,
	/// Using public transport or shared bicycles.
	PublicTransport,
	/// Health checks and public health campaigns.
	PublicHealth,
	/// Recycling and waste reduction.
	Recycling,
	/// Any other public service.
	Other,
}

/// How much one service event earns.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum RewardRule<Balance> {
	/// Exactly this amount for every event.
	Fixed(Balance),
	/// Any amount from one planck up to this, e.g. in proportion to the energy saved. (The
	/// currency refuses a first reward below the existential deposit, with `BelowMinimum`.)
	UpTo(Balance),
}

impl<Balance: PartialOrd + Copy + Default> RewardRule<Balance> {
	/// Whether one event may earn `amount`.
	pub fn allows(&self, amount: Balance) -> bool {
		match *self {
			RewardRule::Fixed(fixed) => amount == fixed,
			RewardRule::UpTo(max) => amount > Balance::default() && amount <= max,
		}
	}

	/// The largest amount one event may earn.
	pub fn ceiling(&self) -> Balance {
		match *self {
			RewardRule::Fixed(amount) | RewardRule::UpTo(amount) => amount,
		}
	}
}

/// Where a programme is in its life cycle.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ProgrammeStatus {
	/// Issues rewards between its start and its end.
	Active,
	/// Issues nothing until the city resumes it.
	Paused,
	/// Issues nothing, for good; what was left of its budget was released.
	Closed,
}

/// A reward programme, as stored.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength))]
pub struct Programme<AccountId, Balance, BlockNumber, MaxNameLength: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Its public name, UTF-8.
	pub name: BoundedVec<u8, MaxNameLength>,
	/// The agency that runs it and appoints its reward issuers.
	pub agency: AccountId,
	/// The service it rewards.
	pub category: ServiceCategory,
	/// Everything the city granted it (the initial budget and every top-up), less what closing
	/// it released: once closed, what it issued.
	pub budget: Balance,
	/// Everything it minted as rewards.
	pub issued: Balance,
	/// What one service event earns.
	pub reward: RewardRule<Balance>,
	/// The most one citizen earns from it in one period.
	pub cap_per_period: Balance,
	/// The length of a period, in blocks, counted from `start`.
	pub period: BlockNumber,
	/// The first block it issues in.
	pub start: BlockNumber,
	/// The last block it issues in.
	pub end: BlockNumber,
	/// Where it is in its life cycle.
	pub status: ProgrammeStatus,
}

impl<AccountId, Balance, BlockNumber, MaxNameLength>
	Programme<AccountId, Balance, BlockNumber, MaxNameLength>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug + sp_runtime::traits::Saturating + Copy,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxNameLength: Get<u32>,
{
	/// What it may still mint.
	pub fn budget_left(&self) -> Balance {
		self.budget.saturating_sub(self.issued)
	}
}

/// What one citizen earned from one programme in the period noted.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Earnings<Balance> {
	/// The period, counted from 0 at the programme's start.
	pub period: u32,
	/// What the citizen earned in it.
	pub earned: Balance,
}

/// A citizen's standing in a programme, as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct Standing<Balance, BlockNumber> {
	/// The current period, counted from 0 at the programme's start (0 before it starts).
	pub period: u32,
	/// The first block of the next period: when the cap is renewed.
	pub next_period_starts: BlockNumber,
	/// What the citizen earned in the current period.
	pub earned: Balance,
	/// What the citizen may still earn in the current period, as far as the cap goes.
	pub cap_left: Balance,
}

/// What a reward issuer sends for one service event.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct RewardEntry<AccountId, Balance> {
	/// The citizen rewarded.
	pub citizen: AccountId,
	/// The event's receipt id: a hash the agency derives from its own record of the event, e.g.
	/// the tax payment; it reveals nothing of the record.
	pub receipt: H256,
	/// What the event earns.
	pub amount: Balance,
}

/// The record of a rewarded receipt, kept so that a receipt is rewarded once.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct ReceiptRecord<AccountId, Balance, BlockNumber> {
	/// The citizen rewarded.
	pub citizen: AccountId,
	/// What was minted.
	pub amount: Balance,
	/// The block it was minted in.
	pub at: BlockNumber,
}

/// A ZeroPay merchant's registration.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxMerchantIdLength))]
pub struct MerchantProfile<BlockNumber, MaxMerchantIdLength: Get<u32>>
where
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The merchant's id in the ZeroPay network.
	pub zeropay_id: BoundedVec<u8, MaxMerchantIdLength>,
	/// What the merchant sells, as an ISO 18245 merchant category code.
	pub category: MerchantCategoryCode,
	/// The block it registered in.
	pub registered_at: BlockNumber,
}

/// A merchant's request for payment, signed by the merchant off chain and carried to the payer
/// in a QR code (see [`crate::qr`]).
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxOrderReferenceLength))]
pub struct PaymentRequest<AccountId, Balance, BlockNumber, MaxOrderReferenceLength: Get<u32>>
where
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// The merchant paid.
	pub merchant: AccountId,
	/// The amount, in planck (a millionth of an SCN).
	pub amount: Balance,
	/// The merchant's order reference: 1 to the bound's bytes of `A-Z a-z 0-9 - . _ ~`.
	pub order_reference: BoundedVec<u8, MaxOrderReferenceLength>,
	/// The last block the request may be paid in.
	pub expiry: BlockNumber,
	/// A number the merchant uses once: a request is paid at most once per merchant and nonce.
	pub nonce: u64,
}

/// An item of the rewards catalogue.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength))]
pub struct CatalogueItem<Balance, MaxNameLength: Get<u32>>
where
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
{
	/// Its public name, UTF-8.
	pub name: BoundedVec<u8, MaxNameLength>,
	/// Its price, burned on redemption.
	pub price: Balance,
	/// How many may still be redeemed.
	pub stock: u32,
	/// How many were redeemed.
	pub redeemed: u32,
}

/// A voucher: the proof that a citizen redeemed a catalogue item, for the partner who hands it
/// over.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Voucher<AccountId, Balance, BlockNumber> {
	/// The item redeemed.
	pub item: ItemId,
	/// The citizen who redeemed it.
	pub holder: AccountId,
	/// What was burned.
	pub price: Balance,
	/// The block it was redeemed in.
	pub redeemed_at: BlockNumber,
}

/// Where a settlement request stands.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum SettlementStatus<AccountId, BlockNumber> {
	/// Burned on chain, waiting for the bank transfer.
	Pending,
	/// Paid out in won by the city's bank.
	Settled {
		/// The hash of the bank transfer's reference.
		bank_reference_hash: H256,
		/// The settlement agent who confirmed it.
		agent: AccountId,
		/// The block it was confirmed in.
		at: BlockNumber,
	},
}

/// A merchant's request to turn S-coins into won: the S-coins are burned when it is made.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Settlement<AccountId, Balance, BlockNumber> {
	/// The merchant paid out.
	pub merchant: AccountId,
	/// What was burned, owed to the merchant in won (one won per SCN) without commission.
	pub amount: Balance,
	/// The block it was requested in.
	pub requested_at: BlockNumber,
	/// Whether the bank paid it.
	pub status: SettlementStatus<AccountId, BlockNumber>,
}

/// The S-coin supply ledger: how the total issuance came to be.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct SupplyLedger<Balance> {
	/// The total issuance at genesis.
	pub genesis: Balance,
	/// Everything programmes minted as rewards.
	pub minted: Balance,
	/// Everything merchants burned in settlement.
	pub burned_in_settlement: Balance,
	/// Everything citizens burned redeeming catalogue items.
	pub burned_in_redemption: Balance,
	/// Everything else removed from circulation: dust of reaped accounts and transaction tips.
	pub burned_otherwise: Balance,
}

impl<Balance: sp_runtime::traits::Saturating + Copy> SupplyLedger<Balance> {
	/// What the total issuance must be.
	pub fn expected_issuance(&self) -> Balance {
		self.genesis
			.saturating_add(self.minted)
			.saturating_sub(self.burned_in_settlement)
			.saturating_sub(self.burned_in_redemption)
			.saturating_sub(self.burned_otherwise)
	}
}

/// A payment of the same amount to every citizen, from a programme's budget, that the city
/// scheduled and the chain pays in the spare weight of its blocks (see the module
/// documentation's "City-wide distributions").
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Distribution<AccountId, Balance, BlockNumber> {
	/// The programme whose budget pays it.
	pub programme: ProgrammeId,
	/// What each citizen is paid.
	pub amount: Balance,
	/// The block the city scheduled it in: citizens registered before it are paid.
	pub scheduled_at: BlockNumber,
	/// How many citizens were paid so far.
	pub paid: u32,
	/// What was paid so far.
	pub total: Balance,
	/// Whether it is still paying, and where it stands.
	pub status: DistributionStatus<AccountId, BlockNumber>,
}

/// Where a city-wide distribution stands.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub enum DistributionStatus<AccountId, BlockNumber> {
	/// Waiting for its turn or paying: the register is read on after `resume_after` (from its
	/// start when `None`).
	Paying {
		/// The last member of the register read so far.
		resume_after: Option<AccountId>,
	},
	/// Every eligible citizen was paid.
	Completed {
		/// The block it ended in.
		at: BlockNumber,
	},
	/// It ended before every eligible citizen was paid.
	Stopped {
		/// Why it ended.
		reason: StopReason,
		/// The block it ended in.
		at: BlockNumber,
	},
}

/// Why a city-wide distribution ended before it paid every eligible citizen.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum StopReason {
	/// The city cancelled it.
	Cancelled,
	/// Its programme was closed.
	ProgrammeClosed,
	/// Its programme's last block passed.
	ProgrammeEnded,
}
