//! Who an account is and what it may do.
//!
//! The Citizens Card pallet keeps the city's register of members; every other pallet asks it
//! through [`MemberRegistry`], or requires a role in a call's origin with
//! [`EnsureMemberWithRole`], and never reads its storage.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// What a member is: a citizen or one kind of organisation.
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
	Serialize,
	Deserialize,
)]
pub enum MemberKind {
	/// A resident of the city.
	Citizen,
	/// A city agency or office, including the council's members.
	Agency,
	/// A business that hires (part-time) workers.
	Employer,
	/// A shop in the ZeroPay network.
	Merchant,
	/// A registered charity.
	Charity,
	/// A university, agency or training institute that issues credentials.
	CredentialIssuer,
	/// A social insurance provider.
	Insurer,
	/// A private operator hosting one of the city's validator nodes.
	ValidatorOperator,
	/// A hospital, clinic or pharmacy.
	HealthcareProvider,
}

impl MemberKind {
	/// Every kind, in declaration order.
	pub const ALL: [MemberKind; 9] = [
		MemberKind::Citizen,
		MemberKind::Agency,
		MemberKind::Employer,
		MemberKind::Merchant,
		MemberKind::Charity,
		MemberKind::CredentialIssuer,
		MemberKind::Insurer,
		MemberKind::ValidatorOperator,
		MemberKind::HealthcareProvider,
	];

	/// Whether the member is an organisation rather than a person.
	pub fn is_organisation(self) -> bool {
		self != MemberKind::Citizen
	}
}

/// A permission the city grants to a member. Roles, not kinds, authorise calls.
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
	Serialize,
	Deserialize,
)]
pub enum Role {
	/// Registers, suspends, reinstates and revokes members.
	Registrar,
	/// Rewards citizens with S-coins from a programme.
	RewardIssuer,
	/// Accepts S-coin payments in the ZeroPay network.
	Merchant,
	/// Hires workers under part-time contracts.
	Employer,
	/// Attests credentials.
	CredentialIssuer,
	/// Runs donation campaigns.
	Charity,
	/// Covers workers under the social insurances.
	Insurer,
	/// Confirms merchants' settlements with the city's bank transfers.
	SettlementAgent,
	/// Rules on disputed time sheets of part-time contracts for the city's labour office.
	LaborInspector,
	/// Reads and keeps patients' health records under their consent, or in an emergency.
	HealthcareProvider,
}

impl Role {
	/// Every role, in declaration order.
	pub const ALL: [Role; 10] = [
		Role::Registrar,
		Role::RewardIssuer,
		Role::Merchant,
		Role::Employer,
		Role::CredentialIssuer,
		Role::Charity,
		Role::Insurer,
		Role::SettlementAgent,
		Role::LaborInspector,
		Role::HealthcareProvider,
	];

	/// How many roles exist: the bound of a member's role set.
	pub const COUNT: u32 = Self::ALL.len() as u32;

	/// Whether only the city (its privileged origin) may grant or take the role, or act on a
	/// member holding it: the registrar's own role, the roles that create or settle money, the
	/// labour inspector's, which rules between employers and workers, and the healthcare
	/// provider's, which may read any patient's records in an emergency. A registrar grants the
	/// others after checking an organisation's papers.
	pub fn is_city_granted(self) -> bool {
		matches!(
			self,
			Role::Registrar
				| Role::RewardIssuer
				| Role::SettlementAgent
				| Role::LaborInspector
				| Role::HealthcareProvider
		)
	}
}

/// Where one call of [`MemberRegistry::walk_citizens`] stopped.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct RegisterWalk<AccountId> {
	/// How many members were read, citizens or not: what the walk cost.
	pub read: u32,
	/// The last member passed, to go on after; `None` to start from the first.
	pub resume_after: Option<AccountId>,
	/// Whether the walk reached the register's end.
	pub finished: bool,
}

impl<AccountId> RegisterWalk<AccountId> {
	/// Walks `members` (in the register's order, after `after`), reading up to `limit` of them,
	/// and visits those `eligible` says are eligible citizens, as
	/// [`MemberRegistry::walk_citizens`] says. The one walk for every register.
	pub fn over<Member>(
		mut members: impl Iterator<Item = (AccountId, Member)>,
		after: Option<AccountId>,
		limit: u32,
		eligible: impl Fn(&Member) -> bool,
		mut visit: impl FnMut(&AccountId) -> bool,
	) -> Self {
		let mut walk = RegisterWalk { read: 0, resume_after: after, finished: false };
		while walk.read < limit {
			let Some((who, member)) = members.next() else {
				walk.finished = true;
				break;
			};
			walk.read += 1;
			if eligible(&member) && !visit(&who) {
				break;
			}
			walk.resume_after = Some(who);
		}
		walk
	}
}

/// The register of members, as other pallets see it.
pub trait MemberRegistry<AccountId> {
	/// The kind of `who` if it is an active member (registered, neither suspended nor revoked).
	fn active_kind(who: &AccountId) -> Option<MemberKind>;

	/// Whether `who` is an active member holding `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;

	/// Whether `who` is an active member.
	fn is_active(who: &AccountId) -> bool {
		Self::active_kind(who).is_some()
	}

	/// Reads up to `limit` members of the register, in its storage order, after `after` (from
	/// the first when `None`), and calls `visit` with each of them that is an active citizen
	/// registered before block `registered_before`; the walk stops before a citizen for whom
	/// `visit` returns `false`, so that the next walk starts with that citizen. This is how a
	/// city-wide payout walks the register a block at a time: the order is fixed, so each
	/// citizen is visited once.
	fn walk_citizens(
		after: Option<AccountId>,
		limit: u32,
		registered_before: u64,
		visit: impl FnMut(&AccountId) -> bool,
	) -> RegisterWalk<AccountId>;

	/// Registers `who` as an active member of `kind` holding `roles`, for benchmarks of pallets
	/// that require a member.
	#[cfg(feature = "runtime-benchmarks")]
	fn register_for_benchmarks(who: &AccountId, kind: MemberKind, roles: &[Role]);
}

/// An origin check for other pallets' calls: a signed origin of an active member holding the
/// role `R`. Succeeds with the member's account.
pub struct EnsureMemberWithRole<Registry, R, AccountId>(PhantomData<(Registry, R, AccountId)>);

impl<O, Registry, R, AccountId> EnsureOrigin<O> for EnsureMemberWithRole<Registry, R, AccountId>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	Registry: MemberRegistry<AccountId>,
	R: Get<Role>,
	AccountId: Decode,
{
	type Success = AccountId;

	fn try_origin(origin: O) -> Result<AccountId, O> {
		match origin.into() {
			Ok(RawOrigin::Signed(who)) if Registry::has_role(&who, R::get()) => Ok(who),
			Ok(other) => Err(O::from(other)),
			Err(origin) => Err(origin),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		use sp_runtime::traits::{BlakeTwo256, Hash, TrailingZeroInput};
		let seed = BlakeTwo256::hash_of(&(b"seoul/role-holder", R::get()));
		let who = AccountId::decode(&mut TrailingZeroInput::new(seed.as_ref())).map_err(|_| ())?;
		Registry::register_for_benchmarks(&who, MemberKind::Agency, &[R::get()]);
		Ok(RawOrigin::Signed(who).into())
	}
}

/// An in-memory register for the mocks of pallets that ask the Citizens Card through
/// [`MemberRegistry`], so that their tests need not run the Citizens Card pallet. One register
/// serves every mock's account type: it keys members by their accounts' SCALE encoding.
#[cfg(feature = "test-utils")]
pub mod testing {
	use super::{MemberKind, MemberRegistry, RegisterWalk, Role};
	use codec::{Decode, Encode};
	use std::{cell::RefCell, collections::BTreeMap, vec::Vec};

	/// A member's kind, roles, whether it is active, and the block it was registered in.
	type Entry = (MemberKind, Vec<Role>, bool, u64);

	std::thread_local! {
		static MEMBERS: RefCell<BTreeMap<Vec<u8>, Entry>> = const { RefCell::new(BTreeMap::new()) };
	}

	/// The register of a test thread.
	pub struct TestRegistry;

	impl TestRegistry {
		/// Adds `who` as an active member of `kind` holding `roles`, registered in block 0.
		pub fn add<AccountId: Encode>(who: &AccountId, kind: MemberKind, roles: &[Role]) {
			Self::add_at(who, kind, roles, 0);
		}

		/// Adds `who` as an active member of `kind` holding `roles`, registered in block `at`.
		pub fn add_at<AccountId: Encode>(
			who: &AccountId,
			kind: MemberKind,
			roles: &[Role],
			at: u64,
		) {
			MEMBERS.with(|members| {
				members.borrow_mut().insert(who.encode(), (kind, roles.to_vec(), true, at))
			});
		}

		/// Suspends `who`.
		pub fn suspend<AccountId: Encode>(who: &AccountId) {
			Self::change(who, |entry| entry.2 = false);
		}

		/// Reinstates `who`, suspended before.
		pub fn reinstate<AccountId: Encode>(who: &AccountId) {
			Self::change(who, |entry| entry.2 = true);
		}

		/// Takes every role from `who`.
		pub fn take_roles<AccountId: Encode>(who: &AccountId) {
			Self::change(who, |entry| entry.1.clear());
		}

		/// Empties the register, as a new test starts.
		pub fn clear() {
			MEMBERS.with(|members| members.borrow_mut().clear());
		}

		fn change<AccountId: Encode>(who: &AccountId, change: impl FnOnce(&mut Entry)) {
			MEMBERS.with(|members| members.borrow_mut().get_mut(&who.encode()).map(change));
		}

		fn active_entry<AccountId: Encode, R>(
			who: &AccountId,
			read: impl FnOnce(&Entry) -> R,
		) -> Option<R> {
			MEMBERS.with(|members| {
				members.borrow().get(&who.encode()).filter(|(_, _, active, _)| *active).map(read)
			})
		}
	}

	impl<AccountId: Encode + Decode> MemberRegistry<AccountId> for TestRegistry {
		fn active_kind(who: &AccountId) -> Option<MemberKind> {
			Self::active_entry(who, |(kind, _, _, _)| *kind)
		}

		fn has_role(who: &AccountId, role: Role) -> bool {
			Self::active_entry(who, |(_, roles, _, _)| roles.contains(&role)).unwrap_or(false)
		}

		fn walk_citizens(
			after: Option<AccountId>,
			limit: u32,
			registered_before: u64,
			visit: impl FnMut(&AccountId) -> bool,
		) -> RegisterWalk<AccountId> {
			use core::ops::Bound;
			let start =
				after.as_ref().map_or(Bound::Unbounded, |after| Bound::Excluded(after.encode()));
			let members: Vec<(AccountId, Entry)> = MEMBERS.with(|members| {
				members
					.borrow()
					.range((start, Bound::Unbounded))
					.take(limit as usize + 1)
					.map(|(key, entry)| {
						let who =
							AccountId::decode(&mut &key[..]).expect("keys are encoded accounts");
						(who, entry.clone())
					})
					.collect()
			});
			RegisterWalk::over(
				members.into_iter(),
				after,
				limit,
				|(kind, _, active, at)| {
					*kind == MemberKind::Citizen && *active && *at < registered_before
				},
				visit,
			)
		}

		#[cfg(feature = "runtime-benchmarks")]
		fn register_for_benchmarks(who: &AccountId, kind: MemberKind, roles: &[Role]) {
			Self::add(who, kind, roles);
		}
	}
}
