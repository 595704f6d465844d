//! What the chain keeps of an account, in the one entry that every transaction writes anyway
//! (`frame_system::Account`, for the nonce): the balances, and the account's use of its Citizens
//! Card quota. Keeping the quota count there is what lets the gate count every transaction's
//! work without a storage write of its own; no maintained pallet splits an account's data into
//! parts, hence [`AccountPart`].

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::StoredMap;
use pallet_balances::ExtraFlags;
use scale_info::TypeInfo;
use sp_runtime::DispatchError;

use super::{AccountId, Balance, BlockNumber, Runtime, System};

/// An account's data: Balances' fields under their usual names, in their usual order, so that
/// wallets and the explorer read `data.free` as on any chain, then the quota usage.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	Clone,
	PartialEq,
	Eq,
	Default,
	Debug,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct AccountData {
	/// The balance the holder controls.
	pub free: Balance,
	/// The balance on hold.
	pub reserved: Balance,
	/// What `free + reserved` may not drop below.
	pub frozen: Balance,
	/// Balances' own flags.
	pub flags: ExtraFlags,
	/// The account's use of its Citizens Card quota in its latest period.
	pub quota: pallet_citizens::QuotaUsage<BlockNumber>,
}

/// A part of [`AccountData`] that a pallet keeps as a map of its own.
pub trait Part: Default + PartialEq {
	/// The part in `data`.
	fn of(data: &AccountData) -> Self;
	/// Replaces the part in `data`.
	fn put(self, data: &mut AccountData);
}

impl Part for pallet_balances::AccountData<Balance> {
	fn of(data: &AccountData) -> Self {
		Self {
			free: data.free,
			reserved: data.reserved,
			frozen: data.frozen,
			flags: data.flags.clone(),
		}
	}

	fn put(self, data: &mut AccountData) {
		data.free = self.free;
		data.reserved = self.reserved;
		data.frozen = self.frozen;
		data.flags = self.flags;
	}
}

impl Part for pallet_citizens::QuotaUsage<BlockNumber> {
	fn of(data: &AccountData) -> Self {
		data.quota
	}

	fn put(self, data: &mut AccountData) {
		data.quota = self;
	}
}

/// The gate reads and notes the quota part in the account entry it writes for the nonce.
impl pallet_citizens::AccountQuota<AccountData, BlockNumber>
	for AccountPart<pallet_citizens::QuotaUsage<BlockNumber>>
{
	fn usage(data: &AccountData) -> pallet_citizens::QuotaUsage<BlockNumber> {
		Part::of(data)
	}

	fn note(data: &mut AccountData, usage: pallet_citizens::QuotaUsage<BlockNumber>) {
		usage.put(data)
	}
}

/// Part `P` of every account's data, read and written as a map of its own: a part is absent when
/// it holds its default, and changing one part leaves the others as they are (so that Balances
/// reaping an account's dust keeps the account's quota count, and the reverse). The other parts
/// are copied before `f` runs and written back after it: `f` must not write another part of the
/// same account, which neither Balances nor the gate does.
pub struct AccountPart<P>(PhantomData<P>);

impl<P: Part> StoredMap<AccountId, P> for AccountPart<P> {
	fn get(who: &AccountId) -> P {
		P::of(&frame_system::Account::<Runtime>::get(who).data)
	}

	fn try_mutate_exists<R, E: From<DispatchError>>(
		who: &AccountId,
		f: impl FnOnce(&mut Option<P>) -> Result<R, E>,
	) -> Result<R, E> {
		<System as StoredMap<AccountId, AccountData>>::try_mutate_exists(who, |data| {
			let mut whole = data.take().unwrap_or_default();
			let mut part = Some(P::of(&whole)).filter(|part| *part != P::default());
			let result = f(&mut part)?;
			part.unwrap_or_default().put(&mut whole);
			*data = Some(whole).filter(|whole| *whole != AccountData::default());
			Ok(result)
		})
	}
}
