//! # Seoul primitives
//!
//! The types and constants that the runtime, the node and every pallet of the Seoul civic chain
//! agree on: accounts, balances, blocks and the S-coin's denomination, and the [`membership`]
//! traits through which pallets ask who an account is and what it may do, so that no pallet reads
//! another's storage.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod address;
pub mod calendar;
pub mod membership;
pub mod migrations;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A transaction signature: sr25519, ed25519 or ECDSA, as the signer chooses.
pub type Signature = MultiSignature;

/// An account: the public key of its signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of S-coin in its smallest unit (see [`currency`]).
pub type Balance = u128;

/// A block number.
pub type BlockNumber = u32;

/// How many transactions an account has signed.
pub type Nonce = u32;

/// A block or extrinsic hash.
pub type Hash = sp_core::H256;

/// The S-coin, the chain's native currency.
///
/// 1 SCN is worth 1 won of rewards. Six decimals leave room for fees far below a won while every
/// realistic balance (up to 9 billion SCN) stays exact in a JavaScript `Number`.
pub mod currency {
	use super::Balance;

	/// The token symbol shown by wallets and the explorer.
	pub const TOKEN_SYMBOL: &str = "SCN";
	/// Decimal places of one SCN.
	pub const TOKEN_DECIMALS: u8 = 6;
	/// One SCN (one won of rewards) in the smallest unit.
	pub const SCN: Balance = 1_000_000;
	/// A thousandth of an SCN.
	pub const MILLI_SCN: Balance = SCN / 1_000;
	/// A millionth of an SCN, the smallest unit.
	pub const MICRO_SCN: Balance = 1;
	/// The smallest balance an account may hold: 0.001 SCN. On a permissioned chain the city's
	/// membership, not a deposit, keeps the state small, so the deposit stays far below a won and
	/// no citizen ever loses a whole coin to dust.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_SCN;
}

/// What the benchmarks of a pallet that reads the chain's clock (`UnixTime`) need of the
/// runtime: a way to set it. The runtime sets the timestamp directly, as `Timestamp::set` would
/// ask Aura for the matching slot, and a clock at zero logs an error on every read.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkClock {
	/// Sets the chain's clock to `unix_ms` milliseconds since the Unix epoch.
	fn set_now(unix_ms: u64);
}

/// One page of a list that a runtime API serves in parts, so that no call reads a list of
/// unbounded length: at most [`MAX_PAGE_SIZE`] items, and the cursor that asks for the next page
/// (`None` once the list is done).
#[derive(Clone, PartialEq, Eq, Debug, codec::Encode, codec::Decode, scale_info::TypeInfo)]
pub struct Page<Id, Item> {
	/// The page's items with their ids.
	pub items: alloc::vec::Vec<(Id, Item)>,
	/// What to pass as `start` for the next page, if there is one.
	pub next: Option<Id>,
}

impl<Id: Copy, Item> Page<Id, Item> {
	/// The first `limit` (1 to [`MAX_PAGE_SIZE`]) of `entries`, the rest of a list in key order,
	/// and the last one's id as the cursor if any entry is left: reads at most `limit` + 1.
	pub fn read(mut entries: impl Iterator<Item = (Id, Item)>, limit: u32) -> Self {
		let items: alloc::vec::Vec<(Id, Item)> =
			entries.by_ref().take(limit.clamp(1, MAX_PAGE_SIZE) as usize).collect();
		let next = entries.next().and(items.last().map(|(id, _)| *id));
		Self { items, next }
	}
}

impl<Item> Page<u64, Item> {
	/// The page of a list numbered from 0 up to `end` (excluded) that follows number `start` (the
	/// previous page's `next`; `None` for the first page): up to `limit` (1 to
	/// [`MAX_PAGE_SIZE`]) numbers, in order, each read by `get`, which skips numbers whose entry
	/// was removed. Reads at most `limit` entries however long the list.
	pub fn numbered(
		start: Option<u64>,
		limit: u32,
		end: u64,
		get: impl Fn(u64) -> Option<Item>,
	) -> Self {
		let limit = u64::from(limit.clamp(1, MAX_PAGE_SIZE));
		let first = start.map_or(0, |after| after.saturating_add(1));
		let last = first.saturating_add(limit).min(end);
		let items = (first..last).filter_map(|id| get(id).map(|item| (id, item))).collect();
		let next = (last < end).then(|| last - 1);
		Self { items, next }
	}
}

/// How many items of idle-time work `remaining` weight pays for, when `weight_of(n)` is the
/// weight of `n` items (linear, as benchmarks measure it): the fewest that either the time or
/// the proof size allows; `None` if not even one fits. Pallets that work through a backlog in
/// `on_idle` (S-coin's pruning and distributions, donations' refunds, consents' sweep) size
/// their batch with it.
pub fn items_within(
	remaining: frame_support::weights::Weight,
	weight_of: impl Fn(u32) -> frame_support::weights::Weight,
) -> Option<u32> {
	let base = weight_of(0);
	let per_item = weight_of(1).saturating_sub(base);
	if !remaining.all_gte(base.saturating_add(per_item)) {
		return None;
	}
	let affordable = remaining.saturating_sub(base);
	let by_time = affordable.ref_time().checked_div(per_item.ref_time()).unwrap_or(u64::MAX);
	let by_proof = affordable.proof_size().checked_div(per_item.proof_size()).unwrap_or(u64::MAX);
	Some(u32::try_from(by_time.min(by_proof)).unwrap_or(u32::MAX))
}

/// The most items one [`Page`] holds.
pub const MAX_PAGE_SIZE: u32 = 100;

/// The address prefix of the chain (SS58), free in the SS58 registry (ss58-registry 1.51.0).
pub const SS58_PREFIX: u16 = 8282;

/// `name` as a stored name, if it is 1 to `MaxLength` bytes of UTF-8.
pub fn bounded_name<MaxLength: sp_core::Get<u32>>(
	name: alloc::vec::Vec<u8>,
) -> Option<frame_support::BoundedVec<u8, MaxLength>> {
	if name.is_empty() || core::str::from_utf8(&name).is_err() {
		return None;
	}
	name.try_into().ok()
}

/// Whether `text` is 1 or more bytes of the URI-unreserved alphabet (RFC 3986) `A-Z a-z 0-9 - . _
/// ~`: what on-chain ids and references hold, so that they travel in URIs, DID URL fragments and
/// QR payloads unescaped.
pub fn is_uri_unreserved(text: &[u8]) -> bool {
	!text.is_empty()
		&& text.iter().all(|byte| byte.is_ascii_alphanumeric() || b"-._~".contains(byte))
}

/// Time, measured in blocks of [`MILLISECS_PER_BLOCK`].
pub mod time {
	use super::BlockNumber;

	/// The target block time: one block every six seconds.
	pub const MILLISECS_PER_BLOCK: u64 = 6_000;
	/// The Aura slot; it cannot change once the chain runs.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

#[cfg(test)]
mod tests {
	use super::{bounded_name, is_uri_unreserved, items_within, Page, MAX_PAGE_SIZE};
	use frame_support::weights::Weight;
	use sp_core::ConstU32;

	#[test]
	fn a_numbered_list_is_read_a_page_at_a_time_skipping_removed_entries() {
		// Entries 0 to 6, number 2 removed.
		let get = |id: u64| (id != 2).then_some(id * 10);
		let first = Page::numbered(None, 3, 7, get);
		assert_eq!((first.items, first.next), (vec![(0, 0), (1, 10)], Some(2)));
		let second = Page::numbered(Some(2), 3, 7, get);
		assert_eq!((second.items, second.next), (vec![(3, 30), (4, 40), (5, 50)], Some(5)));
		let last = Page::numbered(Some(5), 3, 7, get);
		assert_eq!((last.items, last.next), (vec![(6, 60)], None));
		// Past the end, and an empty list: nothing, no next page.
		assert_eq!(Page::numbered(Some(9), 3, 7, get).items, vec![]);
		assert_eq!(Page::numbered(None, 3, 0, get).next, None);
		// The limit is held between 1 and MAX_PAGE_SIZE.
		assert_eq!(Page::numbered(None, 0, 7, get).items.len(), 1);
		let long = Page::numbered(None, u32::MAX, 1_000, Some);
		assert_eq!(long.items.len() as u32, MAX_PAGE_SIZE);
	}

	#[test]
	fn idle_work_is_sized_by_the_scarcer_of_time_and_proof() {
		let weight_of = |n: u32| Weight::from_parts(100 + 10 * u64::from(n), 50 + 5 * u64::from(n));
		// Time pays for 10 items, proof for 4: 4.
		assert_eq!(items_within(Weight::from_parts(200, 70), weight_of), Some(4));
		assert_eq!(items_within(Weight::from_parts(110, 55), weight_of), Some(1));
		// Not even one item's worth of time, or of proof.
		assert_eq!(items_within(Weight::from_parts(109, 1_000), weight_of), None);
		assert_eq!(items_within(Weight::from_parts(1_000, 54), weight_of), None);
		// Work whose items cost nothing is bounded by the caller's own cap, not here.
		let free = |_: u32| Weight::from_parts(10, 10);
		assert_eq!(items_within(Weight::from_parts(10, 10), free), Some(u32::MAX));
	}

	#[test]
	fn only_the_uri_unreserved_alphabet_passes() {
		assert!(is_uri_unreserved(b"ZP-1100_0001.a~Z9"));
		for bad in [&b""[..], b"ZP 1", b"ZP/1", b"a%20", "주문".as_bytes(), b"a\n"] {
			assert!(!is_uri_unreserved(bad), "{bad:?}");
		}
	}

	#[test]
	fn a_name_is_non_empty_utf8_within_its_bound() {
		assert_eq!(
			bounded_name::<ConstU32<16>>("재산세 납부".as_bytes().to_vec()).map(|n| n.len()),
			Some(16)
		);
		assert!(bounded_name::<ConstU32<15>>("재산세 납부".as_bytes().to_vec()).is_none());
		assert!(bounded_name::<ConstU32<8>>(vec![]).is_none());
		assert!(bounded_name::<ConstU32<8>>(vec![0xff, 0xfe]).is_none());
	}
}
