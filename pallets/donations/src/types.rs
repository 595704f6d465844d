//! What the donations pallet stores and what its runtime API answers.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec};
use scale_info::TypeInfo;
use seoul_primitives::calendar::Date;
use serde::{Deserialize, Serialize};
use sp_core::H256;

/// A campaign's number, from 0, in the order campaigns were opened.
pub type CampaignId = u64;

/// A donation's number, from 0, across all campaigns.
pub type DonationId = u64;

/// A milestone's position in its campaign's plan, from 0.
pub type MilestoneIndex = u32;

/// A spending report's number within its campaign, from 0.
pub type ReportId = u64;

/// The two ways a campaign treats what it raises.
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
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum FundingMode {
	/// The charity keeps what it raised, whether or not it reached the goal.
	KeepWhatIsRaised,
	/// Unless the goal is reached by the deadline, every donor gets their donation back.
	AllOrNothing,
}

/// Who approves a campaign's milestones: named when the campaign opens, never the charity.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Reviewer<AccountId> {
	/// The city, through its privileged origin (a council motion).
	City,
	/// An agency member of the register, e.g. the district office's welfare team.
	Agency(AccountId),
}

/// Where a campaign is in its life.
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
pub enum CampaignStatus {
	/// Taking donations until the deadline; closed by anyone's call once the deadline and every
	/// donation's cooling-off have passed. Nothing is released while it raises.
	Fundraising,
	/// Closed with what it raised (a keep-what-is-raised campaign, or an all-or-nothing one that
	/// reached its goal): no more S-coin donations; milestones are released from what it holds,
	/// each spending every donation in the same proportion.
	Funded,
	/// Every donor's unreleased share is being paid back, a batch at a time.
	Refunding(RefundReason),
	/// Every donor's unreleased share was paid back.
	Refunded(RefundReason),
}

/// Why a campaign pays its donors back.
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
pub enum RefundReason {
	/// The charity cancelled it.
	CancelledByCharity,
	/// The city cancelled it.
	CancelledByCity,
	/// It was all-or-nothing and missed its goal.
	GoalMissed,
}

/// Where a milestone is.
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
pub enum MilestoneState<Balance> {
	/// Not claimed yet.
	Pending,
	/// Claimed by the charity with the hash of its evidence; the reviewer has not ruled.
	Claimed {
		/// The hash of the evidence the charity showed the reviewer.
		evidence_hash: H256,
	},
	/// The reviewer rejected the claim; the charity may claim again with new evidence.
	Rejected {
		/// The hash of the evidence rejected.
		evidence_hash: H256,
		/// The hash of the reviewer's reason.
		reason_hash: H256,
	},
	/// The reviewer approved the claim and the chain released this much to the charity: the
	/// milestone's amount, or what the campaign held if that was less.
	Released {
		/// What was released.
		amount: Balance,
	},
}

/// One step of a campaign's plan.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Milestone<Balance> {
	/// What the step costs.
	pub amount: Balance,
	/// The hash of its description, which the charity publishes.
	pub description_hash: H256,
	/// Where it is.
	pub state: MilestoneState<Balance>,
}

/// A fundraising campaign. Amounts, S-coin and won alike, are in millionths (S-coin's smallest
/// unit; 1 SCN is 1 won).
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxMilestones))]
pub struct Campaign<AccountId, Balance, MaxMilestones: Get<u32>> {
	/// The charity that runs it.
	pub charity: AccountId,
	/// Who approves its milestones.
	pub reviewer: Reviewer<AccountId>,
	/// The hash of its description, which the charity publishes.
	pub description_hash: H256,
	/// What it aims to raise in S-coin: the sum of its milestones.
	pub goal: Balance,
	/// When it stops taking donations, in milliseconds since the Unix epoch.
	pub deadline: u64,
	/// Keep what is raised, or all-or-nothing.
	pub mode: FundingMode,
	/// Its plan, released step by step in order.
	pub milestones: BoundedVec<Milestone<Balance>, MaxMilestones>,
	/// Where it is.
	pub status: CampaignStatus,
	/// S-coin donated, less what donors withdrew.
	pub raised: Balance,
	/// S-coin released to the charity.
	pub released: Balance,
	/// S-coin paid back to donors.
	pub refunded: Balance,
	/// Spending the charity reported against what was released.
	pub spent: Balance,
	/// Won donated by bank transfer and confirmed by the donors: counted apart, never held.
	pub raised_won: Balance,
	/// Donations recorded, S-coin and won, withdrawn ones included: the length of the
	/// campaign's list.
	pub donations: u64,
	/// How far the refunds have got through the list.
	pub refund_cursor: u64,
	/// While refunding: the S-coin of the donations the refunds have not reached yet, which
	/// each refund shares what the campaign holds with, pro rata.
	pub unrefunded: Balance,
	/// Refund shares that could not be paid (the donor's account could not take them): still in
	/// escrow, counted in what the campaign holds, shared with no one else.
	pub unpaid: Balance,
	/// Spending reports published.
	pub reports: ReportId,
	/// When the last S-coin donation's cooling-off ends, in milliseconds since the Unix epoch:
	/// the campaign closes no earlier.
	pub withdrawals_end: u64,
}

impl<AccountId, Balance, MaxMilestones> Campaign<AccountId, Balance, MaxMilestones>
where
	Balance: sp_runtime::traits::AtLeast32BitUnsigned + Copy,
	MaxMilestones: Get<u32>,
{
	/// What the campaign holds in escrow: raised, less released and refunded.
	pub fn held(&self) -> Balance {
		self.raised.saturating_sub(self.released).saturating_sub(self.refunded)
	}

	/// Whether the campaign has not ended: raising or funded, neither refunding nor refunded. Only
	/// then does it take won records (and their retraction) and may it be cancelled.
	pub fn is_open(&self) -> bool {
		matches!(self.status, CampaignStatus::Fundraising | CampaignStatus::Funded)
	}
}

/// How a donation was paid.
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
pub enum DonationKind {
	/// In S-coin, held in escrow by the chain.
	SCoin,
	/// In won, by bank transfer to the charity: recorded by the charity, confirmed by the donor.
	Won {
		/// The hash of the bank transfer's reference, so that the donor, the charity and an
		/// auditor match the record with the bank's statement.
		bank_reference_hash: H256,
	},
}

/// Where a donation is.
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
pub enum DonationState {
	/// Given: S-coin held by the campaign, or won the donor confirmed.
	Given,
	/// Won the charity recorded and the donor has not confirmed yet: counted nowhere.
	Unconfirmed,
	/// Withdrawn by the donor within the cooling-off period.
	Withdrawn,
	/// Won the charity recorded and then retracted, or the donor disputed, before confirmation:
	/// counted nowhere, its bank reference free to be recorded again.
	Retracted,
}

/// One donation.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Donation<AccountId, Balance> {
	/// Who gave.
	pub donor: AccountId,
	/// To which campaign.
	pub campaign: CampaignId,
	/// How much, in millionths of an SCN or of a won.
	pub amount: Balance,
	/// In S-coin or in won.
	pub kind: DonationKind,
	/// When it was given, in milliseconds since the Unix epoch: the block's time for S-coin, the
	/// transfer's date as the charity stated it for won.
	pub given_at: u64,
	/// Until when its donor may withdraw it, in milliseconds since the Unix epoch: the end of
	/// the cooling-off in force when it was given (its date, for won, never withdrawn on chain).
	pub withdrawable_until: u64,
	/// Where it is.
	pub state: DonationState,
	/// What was paid back of it when its campaign refunded.
	pub refunded: Balance,
	/// The receipt that lists it, once issued.
	pub receipt: Option<ReceiptNumber>,
}

/// A donation-type code of the year-end tax settlement's donation statement (소득·세액공제
/// 기부금명세서): it decides how the donation is deducted.
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
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum DonationType {
	/// Code 10: special donations (특례기부금): to the state, local governments, disaster relief,
	/// and the institutions the law lists.
	#[codec(index = 10)]
	Special,
	/// Code 20: political donations (정치자금기부금).
	#[codec(index = 20)]
	Political,
	/// Code 40: general donations to charities other than religious bodies (일반기부금).
	#[codec(index = 40)]
	General,
	/// Code 41: general donations to religious bodies (일반기부금, 종교단체).
	#[codec(index = 41)]
	Religious,
	/// Code 42: donations to an employee stock ownership association (우리사주조합기부금).
	#[codec(index = 42)]
	EmployeeStockOwnership,
	/// Code 43: hometown love donations (고향사랑기부금).
	#[codec(index = 43)]
	HometownLove,
}

impl DonationType {
	/// The code the tax settlement's forms use.
	pub fn code(self) -> u8 {
		self.encode()[0]
	}
}

/// A charity's registration: what a donation receipt names it by.
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
pub struct CharityProfile {
	/// Its ten-digit registration number (사업자등록번호 or 고유번호), its check digit checked.
	pub registration: RegistrationNumber,
	/// The donation-type code of the donations it receives.
	pub donation_type: DonationType,
}

/// A Korean business or organisation registration number: ten ASCII digits, written
/// `123-82-12345`, the last a check digit.
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
pub struct RegistrationNumber(pub [u8; 10]);

impl RegistrationNumber {
	/// The number, if `digits` are ten ASCII digits whose last is the check digit of the
	/// National Tax Service's rule (weights 1 3 7 1 3 7 1 3 5, plus the carry of the ninth).
	pub fn new(digits: [u8; 10]) -> Option<Self> {
		if !digits.iter().all(u8::is_ascii_digit) {
			return None;
		}
		let d = digits.map(|digit| u32::from(digit - b'0'));
		let weighted: u32 = [1, 3, 7, 1, 3, 7, 1, 3, 5]
			.iter()
			.zip(d.iter())
			.map(|(weight, digit)| weight * digit)
			.sum::<u32>()
			+ d[8] * 5 / 10;
		((10 - weighted % 10) % 10 == d[9]).then_some(Self(digits))
	}
}

/// A receipt's number: its year and its place among the charity's receipts of that year, so
/// that it reads `2026-000123`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ReceiptNumber {
	/// The year of the donations it lists.
	pub year: u16,
	/// Its place among the charity's receipts of that year, from 1.
	pub serial: u32,
}

/// One donation on a receipt.
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
pub struct ReceiptLine<Balance> {
	/// The donation.
	pub donation: DonationId,
	/// Its date in Korea.
	pub date: Date,
	/// S-coin or won.
	pub kind: DonationKind,
	/// Its amount, less what had been paid back when the receipt was issued.
	pub amount: Balance,
}

/// A donation receipt (기부금 영수증), issued on chain by the charity: the donor is named by
/// account (their DID), never by name or resident number.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxLines))]
pub struct Receipt<AccountId, Balance, MaxLines: Get<u32>> {
	/// The charity that issued it.
	pub charity: AccountId,
	/// The charity's registration when it issued it.
	pub registration: RegistrationNumber,
	/// The donation-type code.
	pub donation_type: DonationType,
	/// The donor.
	pub donor: AccountId,
	/// The donations it lists, all of one year.
	pub lines: BoundedVec<ReceiptLine<Balance>, MaxLines>,
	/// The sum of the lines.
	pub total: Balance,
	/// When it was issued, in milliseconds since the Unix epoch.
	pub issued_at: u64,
}

/// What the charity's money went on, as a spending report names it: the categories of the
/// usage reports the Act on Collection and Use of Donations asks for.
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
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum SpendingCategory {
	/// Aid paid or given to the people the campaign serves.
	#[codec(index = 0)]
	DirectAid,
	/// Goods and services bought for its programme.
	#[codec(index = 1)]
	Programme,
	/// Staff working on it.
	#[codec(index = 2)]
	Personnel,
	/// Running costs.
	#[codec(index = 3)]
	Administration,
	/// The cost of raising the donations, which the Act caps.
	#[codec(index = 4)]
	Fundraising,
	/// Anything else, explained in the evidence.
	#[codec(index = 5)]
	Other,
}

/// A spending report: what the charity spent of the released funds, with the hash of its
/// evidence (invoices, transfer statements).
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
pub struct SpendingReport<Balance> {
	/// How much.
	pub amount: Balance,
	/// On what.
	pub category: SpendingCategory,
	/// The hash of the evidence.
	pub evidence_hash: H256,
	/// When it was reported, in milliseconds since the Unix epoch.
	pub reported_at: u64,
}

/// Where one donor's donation went, as the transparency API answers: its share of what the
/// campaign released, held, and paid back.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DonationTrace<AccountId, Balance> {
	/// The donation's number.
	pub id: DonationId,
	/// The donation.
	pub donation: Donation<AccountId, Balance>,
	/// Its share of what the campaign released to the charity, pro rata to what the campaign
	/// raised.
	pub released: Balance,
	/// Its share of what the campaign still holds.
	pub held: Balance,
}

/// A campaign as the transparency API answers: the record with what it holds.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(MaxMilestones))]
pub struct CampaignSummary<AccountId, Balance, MaxMilestones: Get<u32>> {
	/// The campaign.
	pub campaign: Campaign<AccountId, Balance, MaxMilestones>,
	/// What it holds in escrow: raised, less released and refunded.
	pub held: Balance,
}

/// A receipt as the receipts API answers: with its number and what its donations have been paid
/// back since it was issued, which the tax settlement does not deduct.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
#[scale_info(skip_type_params(MaxLines))]
pub struct IssuedReceipt<AccountId, Balance, MaxLines: Get<u32>> {
	/// Its number.
	pub number: ReceiptNumber,
	/// The receipt.
	pub receipt: Receipt<AccountId, Balance, MaxLines>,
	/// What was paid back of its donations after it was issued.
	pub refunded_since: Balance,
}
