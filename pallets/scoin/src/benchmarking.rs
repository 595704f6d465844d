//! Benchmarks of every call, each in its heaviest case: new storage entries rather than updates,
//! names and references at their bounds, and for the batch one citizen per entry.

use super::*;
use crate::Pallet as SCoin;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::*, traits::fungible::Mutate};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::{sr25519, H256};
use sp_runtime::traits::{Bounded, One};

/// The key the benchmarks' merchant signs with, from the benchmark's keystore.
const MERCHANT_KEY: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"scnm");

/// The city's origin.
fn city<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::CityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Where programme `programme` is in its life cycle.
fn status<T: Config>(programme: ProgrammeId) -> Option<ProgrammeStatus> {
	Programmes::<T>::get(programme).map(|state| state.status)
}

/// An active member of `kind` with `roles`.
fn member<T: Config>(
	name: &'static str,
	index: u32,
	kind: MemberKind,
	roles: &[Role],
) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Registry::register_for_benchmarks(&who, kind, roles);
	who
}

/// `units` times the existential deposit: an amount every account can receive.
fn amount<T: Config>(units: u32) -> BalanceOf<T> {
	T::Currency::minimum_balance().max(One::one()) * units.into()
}

/// A name at its bound.
fn longest_name<T: Config>() -> Vec<u8> {
	vec![b'n'; T::MaxNameLength::get() as usize]
}

/// Opens a programme with room for every reward the benchmarks pay, and appoints an issuer.
fn programme_with_issuer<T: Config>() -> (ProgrammeId, T::AccountId) {
	let agency = member::<T>("agency", 0, MemberKind::Agency, &[]);
	let issuer = member::<T>("issuer", 0, MemberKind::Agency, &[Role::RewardIssuer]);
	let programme = NextProgrammeId::<T>::get();
	Programmes::<T>::insert(
		programme,
		Programme {
			name: longest_name::<T>().try_into().expect("the name is at its bound"),
			agency,
			category: ServiceCategory::TaxPayment,
			budget: BalanceOf::<T>::max_value(),
			issued: Zero::zero(),
			reward: RewardRule::UpTo(amount::<T>(100)),
			cap_per_period: amount::<T>(1_000),
			period: 10u32.into(),
			start: Zero::zero(),
			end: BlockNumberFor::<T>::max_value(),
			status: ProgrammeStatus::Active,
		},
	);
	NextProgrammeId::<T>::put(programme + 1);
	RewardIssuers::<T>::insert(programme, &issuer, ());
	(programme, issuer)
}

/// An entry rewarding citizen `index`, who earned in an earlier period, so that the entry reads
/// and rewrites the citizen's earnings.
fn reward_entry<T: Config>(programme: ProgrammeId, index: u32) -> RewardEntryOf<T> {
	let citizen = member::<T>("citizen", index, MemberKind::Citizen, &[]);
	EarningsInPeriod::<T>::insert(
		programme,
		&citizen,
		Earnings { period: u32::MAX, earned: amount::<T>(1_000) },
	);
	RewardEntry { citizen, receipt: receipt_id(index), amount: amount::<T>(100) }
}

/// Receipt id `index`.
fn receipt_id(index: u32) -> H256 {
	let mut id = [0u8; 32];
	id[..4].copy_from_slice(&index.to_le_bytes());
	H256(id)
}

/// A registered ZeroPay merchant whose key is in the keystore, with the longest ZeroPay id.
fn zeropay_merchant<T: Config>() -> (T::AccountId, sr25519::Public)
where
	T::AccountId: From<sr25519::Public>,
{
	let key = sp_io::crypto::sr25519_generate(MERCHANT_KEY, None);
	let merchant: T::AccountId = key.into();
	T::Registry::register_for_benchmarks(&merchant, MemberKind::Merchant, &[Role::Merchant]);
	let zeropay_id: ZeroPayIdOf<T> = vec![b'z'; T::MaxMerchantIdLength::get() as usize]
		.try_into()
		.expect("the id is at its bound");
	SCoin::<T>::register_merchant(RawOrigin::Signed(merchant.clone()).into(), zeropay_id, 5812)
		.expect("a merchant with the role registers");
	(merchant, key)
}

/// A merchant with `balance` S-coins, minted through the ledger so the supply adds up.
fn funded<T: Config>(who: &T::AccountId, balance: BalanceOf<T>) {
	T::Currency::mint_into(who, balance).expect("the benchmark account takes the deposit");
	Supply::<T>::mutate(|supply| supply.minted.saturating_accrue(balance));
}

/// `n` paid-request records expiring at `expiry` ahead of a sweep's cursor at block 10, as every
/// block of a sweep but its first finds them: one more record lies behind the cursor.
fn sweep_ahead<T: Config>(n: u32, expiry: BlockNumberFor<T>) {
	let merchant: T::AccountId = account("merchant", 0, 0);
	for nonce in 0..=u64::from(n) {
		PaidRequests::<T>::insert(&merchant, nonce, expiry);
	}
	SCoin::<T>::prune_paid_requests(BlockNumberFor::<T>::zero(), 1);
	frame_system::Pallet::<T>::set_block_number(10u32.into());
}

#[benchmarks(where T::AccountId: From<sr25519::Public>, T::Signature: From<sr25519::Signature>)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_programme() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let agency = member::<T>("agency", 0, MemberKind::Agency, &[]);
		let now = frame_system::Pallet::<T>::block_number();

		#[extrinsic_call]
		_(
			city as T::RuntimeOrigin,
			longest_name::<T>(),
			agency,
			ServiceCategory::TaxPayment,
			amount::<T>(1_000_000),
			RewardRule::Fixed(amount::<T>(10)),
			amount::<T>(100),
			10u32.into(),
			now,
			now + 1_000u32.into(),
		);

		assert!(Programmes::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn top_up_programme() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();
		Programmes::<T>::mutate(programme, |state| {
			if let Some(state) = state {
				state.budget = amount::<T>(1_000);
			}
		});

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme, amount::<T>(1_000));

		assert_eq!(Programmes::<T>::get(programme).map(|p| p.budget), Some(amount::<T>(2_000)));
		Ok(())
	}

	#[benchmark]
	fn pause_programme() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme);

		assert_eq!(status::<T>(programme), Some(ProgrammeStatus::Paused));
		Ok(())
	}

	#[benchmark]
	fn resume_programme() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();
		SCoin::<T>::pause_programme(city.clone(), programme)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme);

		assert_eq!(status::<T>(programme), Some(ProgrammeStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn close_programme() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme);

		assert_eq!(status::<T>(programme), Some(ProgrammeStatus::Closed));
		Ok(())
	}

	#[benchmark]
	fn add_reward_issuer() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();
		let issuer = member::<T>("issuer", 1, MemberKind::Agency, &[Role::RewardIssuer]);

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme, issuer.clone());

		assert!(RewardIssuers::<T>::contains_key(programme, issuer));
		Ok(())
	}

	#[benchmark]
	fn remove_reward_issuer() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, issuer) = programme_with_issuer::<T>();

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme, issuer.clone());

		assert!(!RewardIssuers::<T>::contains_key(programme, issuer));
		Ok(())
	}

	#[benchmark]
	fn reward() {
		let (programme, issuer) = programme_with_issuer::<T>();
		let entry = reward_entry::<T>(programme, 0);
		let receipt = entry.receipt;

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), programme, entry);

		assert!(Receipts::<T>::contains_key(programme, receipt));
	}

	#[benchmark]
	fn reward_batch(n: Linear<1, { T::MaxBatchSize::get() }>) {
		let (programme, issuer) = programme_with_issuer::<T>();
		let entries: Vec<_> = (0..n).map(|index| reward_entry::<T>(programme, index)).collect();
		let entries: BoundedVec<_, T::MaxBatchSize> =
			entries.try_into().expect("n is within the bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), programme, entries);

		assert_eq!(
			Programmes::<T>::get(programme).map(|p| p.issued),
			Some(amount::<T>(100) * n.into())
		);
	}

	#[benchmark]
	fn register_merchant() {
		let merchant = member::<T>("merchant", 0, MemberKind::Merchant, &[Role::Merchant]);
		let zeropay_id: ZeroPayIdOf<T> = vec![b'z'; T::MaxMerchantIdLength::get() as usize]
			.try_into()
			.expect("the id is at its bound");

		#[extrinsic_call]
		_(RawOrigin::Signed(merchant.clone()), zeropay_id, 5812);

		assert!(Merchants::<T>::contains_key(merchant));
	}

	#[benchmark]
	fn deregister_merchant() {
		let (merchant, _) = zeropay_merchant::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(merchant.clone()));

		assert!(!Merchants::<T>::contains_key(merchant));
	}

	#[benchmark]
	fn pay() {
		let (merchant, key) = zeropay_merchant::<T>();
		// The payer signs the transaction, so the nonce check has read and written its account
		// before the call, as it has a transfer's sender's: the whitelisted caller's account is
		// not charged again.
		let payer: T::AccountId = whitelisted_caller();
		T::Registry::register_for_benchmarks(&payer, MemberKind::Citizen, &[]);
		funded::<T>(&payer, amount::<T>(1_000));
		let request = PaymentRequest {
			merchant: merchant.clone(),
			amount: amount::<T>(500),
			order_reference: vec![b'o'; T::MaxOrderReferenceLength::get() as usize]
				.try_into()
				.expect("the reference is at its bound"),
			expiry: frame_system::Pallet::<T>::block_number() + T::MaxPaymentValidity::get(),
			nonce: u64::MAX,
		};
		let genesis_hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let payload = qr::signing_payload(genesis_hash.as_ref(), &request);
		let signature = sp_io::crypto::sr25519_sign(MERCHANT_KEY, &key, &payload)
			.expect("the keystore holds the merchant's key");

		#[extrinsic_call]
		_(RawOrigin::Signed(payer), request, signature.into());

		assert!(PaidRequests::<T>::contains_key(merchant, u64::MAX));
	}

	#[benchmark]
	fn list_catalogue_item() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, longest_name::<T>(), amount::<T>(10), 100);

		assert!(Catalogue::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn set_catalogue_stock() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		SCoin::<T>::list_catalogue_item(city.clone(), longest_name::<T>(), amount::<T>(10), 1)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, 0, 100);

		assert_eq!(Catalogue::<T>::get(0).map(|item| item.stock), Some(100));
		Ok(())
	}

	#[benchmark]
	fn redeem() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		SCoin::<T>::list_catalogue_item(city, longest_name::<T>(), amount::<T>(10), 100)
			.map_err(|_| BenchmarkError::Weightless)?;
		let citizen = member::<T>("citizen", 0, MemberKind::Citizen, &[]);
		funded::<T>(&citizen, amount::<T>(1_000));

		#[extrinsic_call]
		_(RawOrigin::Signed(citizen), 0);

		assert!(Vouchers::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn request_settlement() {
		let (merchant, _) = zeropay_merchant::<T>();
		funded::<T>(&merchant, amount::<T>(1_000));

		#[extrinsic_call]
		_(RawOrigin::Signed(merchant.clone()), amount::<T>(500));

		assert!(MerchantSettlements::<T>::contains_key(merchant, 0));
	}

	#[benchmark]
	fn confirm_settlement() -> Result<(), BenchmarkError> {
		let agent =
			T::SettlementOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (merchant, _) = zeropay_merchant::<T>();
		funded::<T>(&merchant, amount::<T>(1_000));
		SCoin::<T>::request_settlement(RawOrigin::Signed(merchant).into(), amount::<T>(500))
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(agent as T::RuntimeOrigin, 0, H256::repeat_byte(1));

		assert!(matches!(
			Settlements::<T>::get(0).map(|s| s.status),
			Some(SettlementStatus::Settled { .. })
		));
		Ok(())
	}

	/// Pruning `n` records, every one expired (each is removed), from a cursor.
	#[benchmark]
	fn prune_paid_requests(n: Linear<0, 1_000>) {
		sweep_ahead::<T>(n, BlockNumberFor::<T>::zero());

		#[block]
		{
			SCoin::<T>::prune_paid_requests(10u32.into(), n);
		}

		assert_eq!(PaidRequests::<T>::iter().count() as u32, 1);
	}

	/// Examining `n` records whose request is still valid (none is removed), from a cursor: what
	/// a sweep costs while payments are young, as during a flood.
	#[benchmark]
	fn examine_paid_requests(n: Linear<0, 1_000>) {
		sweep_ahead::<T>(n, 1_000u32.into());

		#[block]
		{
			SCoin::<T>::prune_paid_requests(10u32.into(), n);
		}

		assert_eq!(PaidRequests::<T>::iter().count() as u32, n + 1);
	}

	/// Scheduling behind a queue one short of full, which the call decodes and re-encodes.
	#[benchmark]
	fn schedule_distribution() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();
		for _ in 1..T::MaxQueuedDistributions::get() {
			SCoin::<T>::schedule_distribution(city.clone(), programme, amount::<T>(1))
				.map_err(|_| BenchmarkError::Weightless)?;
		}

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, programme, amount::<T>(1));

		assert_eq!(DistributionQueue::<T>::get().len() as u32, T::MaxQueuedDistributions::get());
		Ok(())
	}

	/// Cancelling the last distribution of a full queue.
	#[benchmark]
	fn cancel_distribution() -> Result<(), BenchmarkError> {
		let city = city::<T>()?;
		let (programme, _) = programme_with_issuer::<T>();
		for _ in 0..T::MaxQueuedDistributions::get() {
			SCoin::<T>::schedule_distribution(city.clone(), programme, amount::<T>(1))
				.map_err(|_| BenchmarkError::Weightless)?;
		}
		let last = NextDistributionId::<T>::get() - 1;

		#[extrinsic_call]
		_(city as T::RuntimeOrigin, last);

		assert!(!DistributionQueue::<T>::get().contains(&last));
		Ok(())
	}

	/// A block of a distribution paying `n` citizens who have no account yet (each payment
	/// creates one), reaching the register's end, so that the distribution also completes.
	#[benchmark]
	fn distribute(n: Linear<0, 1_000>) -> Result<(), BenchmarkError> {
		let (programme, _) = programme_with_issuer::<T>();
		for index in 0..n {
			member::<T>("citizen", index, MemberKind::Citizen, &[]);
		}
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now + One::one());
		SCoin::<T>::schedule_distribution(city::<T>()?, programme, amount::<T>(100))
			.map_err(|_| BenchmarkError::Weightless)?;
		let distribution = NextDistributionId::<T>::get() - 1;

		#[block]
		{
			SCoin::<T>::distribute(u32::MAX);
		}

		let paid = Distributions::<T>::get(distribution).map_or(0, |state| state.paid);
		assert!(paid >= n);
		assert!(DistributionQueue::<T>::get().is_empty());
		Ok(())
	}

	impl_benchmark_test_suite!(SCoin, crate::mock::ExtBuilder::empty().build(), crate::mock::Test);
}
